"""The single entry point from an interaction to its reply: slash commands, /ask and menu picks.

    await dispatch.reply(interaction, "ward", {"name": name, "election": election})
    await dispatch.ask(interaction, question, election)

Each one gets the answer (`answers`), then shows it: publicly with its picture (`attach`),
privately for "not found", or with a select menu for an ambiguous name (`menus`); `delivery`
sends it within Discord's deadline. The server's settings give the default election and whether
answers are private (`ephemeral`, which a caller may also force); "not found" is private
either way.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, cast

import discord

from bot import embeds, limits
from bot.answering import attach, delivery, menus
from bot.answering.answers import as_text, option_text
from bot.questions import ASK, with_choice
from bot.server_defaults import defaults_for
from knowledge.answers import AmbiguousAnswer, Answer

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)

ACKNOWLEDGEMENTS_FIRST = 2.0
"""Seconds a deferred answer may wait for the interactions still unacknowledged (a burst)."""


def _bot(interaction: discord.Interaction[Any]) -> ElectionBot:
    return cast("ElectionBot", interaction.client)


async def reply(
    interaction: discord.Interaction[Any],
    command: str,
    options: dict[str, Any],
    *,
    ephemeral: bool | None = None,
) -> None:
    """Answer `/command` with these options (typed text, resolved again: autocomplete is
    optional, and every value is untrusted). The server's default election applies, and its
    privacy unless `ephemeral` says otherwise."""
    bot, defaults = _bot(interaction), await defaults_for(interaction)
    scoped = defaults.options(bot.store, command, as_text(options))
    answer, embed = bot.answers(command, scoped)
    private = defaults.private if ephemeral is None else ephemeral
    embed = bot.links.embed(embed)
    await show_answer(interaction, answer, command, scoped, embed=embed, ephemeral=private)


async def ask(
    interaction: discord.Interaction[Any],
    question: Any,
    election: Any = None,
    *,
    ephemeral: bool | None = None,
) -> None:
    """Answer a question in plain words (`/ask`, "Look up in results"), with the server's
    default election and privacy (unless `ephemeral` says otherwise)."""
    bot, defaults = _bot(interaction), await defaults_for(interaction)
    text = option_text(question) or ""
    options = defaults.options(
        bot.store, ASK, {"question": text, "election": option_text(election)}
    )
    answer, embed = bot.answers.ask(text, options["election"])
    private = defaults.private if ephemeral is None else ephemeral
    embed = bot.links.embed(embed)
    await show_answer(interaction, answer, ASK, options, embed=embed, ephemeral=private)


def offer_choice(
    bot: ElectionBot,
    answer: AmbiguousAnswer,
    user_id: int,
    command: str,
    options: dict[str, Any],
) -> discord.ui.View:
    """The menu for an ambiguous answer, usable only by `user_id`; remembers the question."""
    token = bot.pending.add(menus.pending_for(answer, command, options))
    view = discord.ui.View(timeout=None)
    view.add_item(PickMatch(user_id, token, menus.menu_options(answer)))
    return view


async def show_answer(
    interaction: discord.Interaction[Any],
    answer: Answer,
    command: str,
    options: dict[str, Any],
    *,
    edit: bool = False,
    menu: bool = True,
    embed: discord.Embed | None = None,
    ephemeral: bool = False,
) -> None:
    """Answer publicly (with the answer's picture), privately ("not found"), or with a menu.

    `edit` replaces the message the interaction came from (a menu pick); `menu=False` lists
    ambiguous matches privately instead of offering a menu. `embed` is the answer's embed when
    already rendered; `ephemeral` shows it to the asker only. An interaction that waited long
    in a queue, that arrives while the bot is busy sending other answers, or whose picture is
    slow to draw, is deferred first (`delivery`, `attach`).
    """
    if isinstance(answer, AmbiguousAnswer) and not menu:
        await delivery.send_private(interaction, limits.fit(embeds.ambiguous(answer, menu=False)))
        return
    embed = embed or embeds.render(answer)
    if embeds.is_private(answer):
        await delivery.send_private(interaction, embed)
        return
    bot = _bot(interaction)
    deferred = await delivery.acknowledge_if_late(
        interaction, update=edit, ephemeral=ephemeral, busy=bot.direct_answers.locked()
    )
    if deferred:  # acknowledged: the answer may wait for newer acknowledgements, then its turn
        bot.in_flight.acknowledged()
        await bot.in_flight.acknowledgements_first(ACKNOWLEDGEMENTS_FIRST)
        async with bot.follow_ups:
            await _deliver(interaction, answer, embed, command, options, edit, ephemeral)
    else:
        async with bot.direct_answers:
            await _deliver(interaction, answer, embed, command, options, edit, ephemeral)


async def _deliver(
    interaction: discord.Interaction[Any],
    answer: Answer,
    embed: discord.Embed,
    command: str,
    options: dict[str, Any],
    edit: bool,
    ephemeral: bool,
) -> None:
    """Send a public answer: with a menu when ambiguous, else with its picture."""
    if isinstance(answer, AmbiguousAnswer) and answer.options:
        view = offer_choice(_bot(interaction), answer, interaction.user.id, command, options)
        await delivery.send(interaction, embed, view=view, edit=edit, ephemeral=ephemeral)
        return
    picture = await attach.picture_in_time(interaction, answer, update=edit, ephemeral=ephemeral)
    files = attach.attach(embed, picture)
    await delivery.send(interaction, embed, files=files, edit=edit, ephemeral=ephemeral)


class PickMatch(
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=menus.PICK_TEMPLATE,
):
    """The disambiguation menu; only the person who asked may choose. A pick re-runs the
    command with the chosen name (or asks the question again with it) and edits the menu
    message into the answer."""

    def __init__(self, user_id: int, token: str, options: list[discord.SelectOption]) -> None:
        super().__init__(
            discord.ui.Select(
                custom_id=menus.custom_id(user_id, token),
                placeholder=menus.PLACEHOLDER,
                options=options,
            )
        )
        self.user_id = user_id
        self.token = token

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> PickMatch:
        options = list(getattr(item, "options", []))
        return cls(int(match["user"]), match["token"], options)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if not _bot(interaction).in_flight.admit():
            return False  # stopping: no new work
        if interaction.user.id == self.user_id:
            return True
        await delivery.send_private(interaction, embeds.error(*menus.NOT_YOURS))
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = _bot(interaction)
        try:
            await self._answer(bot, interaction)
        except Exception as exc:  # the view layer would only log it; answer the user too
            await bot.tree.report_unexpected(interaction, exc)

    async def _answer(self, bot: ElectionBot, interaction: discord.Interaction[Any]) -> None:
        pending = bot.pending.get(self.token)
        if pending is None:
            await delivery.send_private(interaction, embeds.error(*menus.EXPIRED))
            return
        chosen = self.item.values[0]
        if pending.command == ASK:
            question, election = with_choice(
                pending.options.get("question") or "",
                pending.query,
                chosen,
                pending.options.get("election"),
                is_election=pending.field == "election",
            )
            options: dict[str, Any] = {"question": question, "election": election}
            answer, embed = bot.answers.ask(question, election)
        else:
            options = {**pending.options, pending.field: chosen}
            answer, embed = bot.answers(pending.command, options)
        await show_answer(interaction, answer, pending.command, options, edit=True, embed=embed)
