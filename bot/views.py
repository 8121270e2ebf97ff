"""Answering with an embed (and its picture), or with a select menu when a name is ambiguous.

The menu is a `DynamicItem`: its custom id carries the asker's id and a short token for the
pending question, so it works whatever the bot's view cache holds, only the asker may use it, and
a menu whose question was forgotten (a restart, or 1,000 newer menus) says so instead of failing
silently. Choosing an option re-runs the command with that name (or asks the question again with
the chosen name in it) and edits the menu message into the public answer.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import discord

from bot import attach, embeds, limits
from bot.questions import ASK, with_choice
from bot.replies import NO_MENTIONS, send_private
from knowledge import run_command
from knowledge.answers import AmbiguousAnswer, Answer
from knowledge.commands import choice_option

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)

PENDING_MAX = 1000


@dataclass(frozen=True)
class Pending:
    """A question waiting for the asker to pick: the command, its options, and which is open.

    For a question in plain words (`command` "ask"), `query` is the ambiguous text to replace.
    """

    command: str
    options: dict[str, str | None]
    field: str
    query: str = ""


class PendingChoices:
    """The newest questions awaiting a pick, bounded so memory does not grow with use."""

    def __init__(self, size: int = PENDING_MAX) -> None:
        self._items: OrderedDict[str, Pending] = OrderedDict()
        self._size = size

    def add(self, pending: Pending) -> str:
        token = secrets.token_hex(6)
        self._items[token] = pending
        while len(self._items) > self._size:
            self._items.popitem(last=False)
        return token

    def get(self, token: str) -> Pending | None:
        return self._items.get(token)


class PickMatch(
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=r"pick:(?P<user>\d+):(?P<token>[0-9a-f]+)",
):
    """The disambiguation menu; only the person who asked may choose."""

    def __init__(self, user_id: int, token: str, options: list[discord.SelectOption]) -> None:
        super().__init__(
            discord.ui.Select(
                custom_id=f"pick:{user_id}:{token}",
                placeholder="Choose the one you meant",
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
        if interaction.user.id == self.user_id:
            return True
        await send_private(
            interaction,
            embeds.error("Not your menu", "Only the person who asked can choose here."),
        )
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = cast("ElectionBot", interaction.client)
        try:
            pending = bot.pending.get(self.token)
            if pending is None:
                await send_private(
                    interaction,
                    embeds.error("This menu has expired", "Please run the command again."),
                )
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
                answer, embed = bot.answers.ask(question, election)
                options = {"question": question, "election": election}
            else:
                options = {**pending.options, pending.field: chosen}
                answer, embed = run_command(bot.store, pending.command, options), None
            await show_answer(interaction, answer, pending.command, options, edit=True, embed=embed)
        except Exception as exc:  # the view layer would only log it; answer the user too
            await bot.tree.report_unexpected(interaction, exc)


def _menu(answer: AmbiguousAnswer, user_id: int, token: str) -> discord.ui.View:
    use_key = answer.what == "election"
    options: list[discord.SelectOption] = []
    seen: set[str] = set()
    for option in answer.options:
        value = (option.key if use_key else option.name)[: limits.SELECT_TEXT]
        if value in seen:
            continue
        seen.add(value)
        options.append(
            discord.SelectOption(
                label=limits.clip(option.name, limits.SELECT_TEXT),
                value=value,
                description=limits.clip(option.detail, limits.SELECT_TEXT) or None,
            )
        )
        if len(options) == limits.SELECT_OPTIONS:
            break
    view = discord.ui.View(timeout=None)
    view.add_item(PickMatch(user_id, token, options))
    return view


def offer_choice(
    bot: ElectionBot,
    answer: AmbiguousAnswer,
    user_id: int,
    command: str,
    options: dict[str, str | None],
) -> discord.ui.View:
    """The menu for an ambiguous answer, usable only by `user_id`; remembers the question."""
    field = choice_option(command, answer.what)
    token = bot.pending.add(Pending(command, dict(options), field, answer.query))
    return _menu(answer, user_id, token)


async def show_answer(
    interaction: discord.Interaction[Any],
    answer: Answer,
    command: str,
    options: dict[str, str | None],
    *,
    edit: bool = False,
    menu: bool = True,
    embed: discord.Embed | None = None,
    private: bool = False,
) -> None:
    """Answer publicly (with the answer's picture), privately ("not found"), or with a menu.

    `edit` replaces the message the interaction came from (a menu pick); `menu=False` lists
    ambiguous matches privately instead of offering a menu. `embed` is the answer's embed when
    already rendered; `private` answers only the asker (a server's /settings). A picture slow
    to draw defers the reply first (`bot.attach`).
    """
    if isinstance(answer, AmbiguousAnswer) and not menu:
        await send_private(interaction, limits.fit(embeds.ambiguous(answer, menu=False)))
        return
    embed = embed or embeds.render(answer)
    if embeds.is_private(answer):
        await send_private(interaction, embed)
        return
    if isinstance(answer, AmbiguousAnswer) and answer.options:
        bot = cast("ElectionBot", interaction.client)
        view = offer_choice(bot, answer, interaction.user.id, command, options)
        if edit:
            await interaction.response.edit_message(
                embed=embed, view=view, allowed_mentions=NO_MENTIONS
            )
        else:
            await interaction.response.send_message(
                embed=embed, view=view, ephemeral=private, allowed_mentions=NO_MENTIONS
            )
        return
    picture = await attach.picture_in_time(interaction, answer, update=edit, private=private)
    files = attach.attach(embed, picture) or discord.utils.MISSING
    if edit and interaction.response.is_done():
        await interaction.edit_original_response(
            embed=embed, view=None, attachments=files, allowed_mentions=NO_MENTIONS
        )
    elif edit:
        await interaction.response.edit_message(
            embed=embed, view=None, attachments=files, allowed_mentions=NO_MENTIONS
        )
    elif interaction.response.is_done():
        await interaction.followup.send(
            embed=embed, files=files, ephemeral=private, allowed_mentions=NO_MENTIONS
        )
    else:
        await interaction.response.send_message(
            embed=embed, files=files, ephemeral=private, allowed_mentions=NO_MENTIONS
        )
