"""Questions asked by mentioning the bot: "@bot who won in Boulton?" in a channel or a thread, or
any message in a direct message. The answer is a reply to that message, with the same embed (and
picture) as /ask.

No privileged intent is needed: Discord delivers the content of messages that mention the bot,
and of DMs, without the message-content intent. A mention means the bot's own `<@id>` written in
the text; a reply that only pings the bot (Discord's default when replying) is not a question.
Bots, the bot itself included, are never answered, so two bots cannot talk each other into a loop.
The per-user cooldown of slash commands counts mentions too. Whatever goes wrong, the asker gets
a reply (an apology at worst), and nothing in a reply can ping anyone, the asker included.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

import discord
from discord.utils import MISSING

from bot import embeds
from bot.answering import attach
from bot.answering.delivery import NO_MENTIONS
from bot.answering.dispatch import offer_choice
from bot.questions import ASK, strip_mention
from bot.tree import APOLOGY, explain
from knowledge.answers import AmbiguousAnswer
from knowledge.council_scope import election_for

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)

ANSWERED_TYPES = (discord.MessageType.default, discord.MessageType.reply)
WARNED_MAX = 1000


def is_question(message: discord.Message, bot_id: int) -> bool:
    """True for a person's message that mentions the bot in its text, or is sent in a DM."""
    if message.author.bot or message.type not in ANSWERED_TYPES:
        return False
    return message.guild is None or bot_id in message.raw_mentions


def can_attach(message: discord.Message) -> bool:
    """Whether the bot may attach its picture in the message's channel (unknown: try)."""
    channel, guild = message.channel, message.guild
    if guild is not None and isinstance(channel, discord.abc.GuildChannel | discord.Thread):
        return channel.permissions_for(guild.me).attach_files
    return True


class Mentions:
    """Answers the questions in messages that mention the bot."""

    def __init__(self, bot: ElectionBot) -> None:
        self.bot = bot
        self._warned: dict[int, float] = {}
        """User id -> until when they have been told to slow down (told once per wait)."""

    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if (
            me is None
            or not is_question(message, me.id)
            or not self.bot.in_flight.admit(interaction=False)
        ):
            return
        limited = self.bot.tree.cooldowns.retry_after(message.author.id)
        if limited is not None:
            await self._slow_down(message, *limited)
            return
        try:
            await self._answer(message, strip_mention(message.content, me.id))
        except discord.Forbidden as exc:  # not allowed to speak here: an apology would fail too
            log.warning(
                "Could not answer message %s in channel %s: %s %s",
                message.id,
                message.channel.id,
                exc.status,
                exc.text,
            )
        except Exception:
            log.exception(
                "Unexpected error answering a mention (user %s, guild %s)",
                message.author.id,
                message.guild.id if message.guild else None,
            )
            await self._notify(message, embeds.error("Something went wrong", APOLOGY))

    async def _answer(self, message: discord.Message, question: str) -> None:
        if question:
            answer, embed = self.bot.answers.ask(question, await self._default_election(message))
        else:
            answer, embed = self.bot.answers("help", {})
        if isinstance(answer, AmbiguousAnswer) and answer.options:
            options: dict[str, str | None] = {"question": question, "election": None}
            view = offer_choice(self.bot, answer, message.author.id, ASK, options)
            await self._reply(message, embed, view=view)
            return
        picture = await attach.picture(answer) if can_attach(message) else None
        await self._reply(message, embed, files=attach.attach(embed, picture))

    async def _default_election(self, message: discord.Message) -> str | None:
        """The election the server chose with /settings (None in DMs or without a default)."""
        guild = message.guild.id if message.guild else None
        try:
            settings = await self.bot.guild_settings.get(guild)
        except Exception as exc:
            log.warning("Server settings unavailable for %s: %r", guild, exc)
            return None
        found = election_for(self.bot.store, settings.default if settings else None)
        return found.id if found else None

    async def _slow_down(
        self, message: discord.Message, cooldown: discord.app_commands.Cooldown, wait: float
    ) -> None:
        """Say so once per wait: answering every message of a flood would feed it."""
        now = time.monotonic()
        if self._warned.get(message.author.id, 0.0) > now:
            return
        if len(self._warned) >= WARNED_MAX:
            self._warned = {u: t for u, t in self._warned.items() if t > now}
        self._warned[message.author.id] = now + wait
        known = explain(discord.app_commands.CommandOnCooldown(cooldown, wait))
        assert known is not None
        log.info("Mention refused for user %s: %s", message.author.id, known[1])
        await self._notify(message, embeds.error(*known))

    async def _reply(
        self,
        message: discord.Message,
        embed: discord.Embed,
        *,
        files: list[discord.File] | None = None,
        view: discord.ui.View | None = None,
    ) -> None:
        """Reply to `message` without pinging anyone, the asker included."""
        await message.reply(
            embed=embed,
            files=files or MISSING,
            view=view or MISSING,
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
        )

    async def _notify(self, message: discord.Message, embed: discord.Embed) -> None:
        """A short notice (an apology, a cooldown); if Discord refuses it, that is logged."""
        try:
            await self._reply(message, embed)
        except discord.HTTPException as exc:
            log.warning("Could not reply to message %s: %s %s", message.id, exc.status, exc.text)
