"""Disambiguation menus: the questions waiting for a pick, and what the select menu offers.

An ambiguous name gets a select menu. Its custom id carries the asker's id and a short token
for the pending question (`pick:<user>:<token>`), so it works whatever the bot's view cache
holds, only the asker may use it, and a menu whose question was forgotten (a restart, or 1,000
newer menus) says so instead of failing silently. The menu item that receives the pick is
`dispatch.PickMatch`: a pick is answered like a command.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass

import discord

from bot import limits
from knowledge.answers import AmbiguousAnswer
from knowledge.commands import choice_option

PENDING_MAX = 1000
PICK_TEMPLATE = r"pick:(?P<user>\d+):(?P<token>[0-9a-f]+)"
PLACEHOLDER = "Choose the one you meant"
NOT_YOURS = ("Not your menu", "Only the person who asked can choose here.")
EXPIRED = ("This menu has expired", "Please run the command again.")


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


def pending_for(answer: AmbiguousAnswer, command: str, options: dict[str, str | None]) -> Pending:
    """What to remember so a pick can re-ask: the option the pick fills (`choice_option`)."""
    field = choice_option(command, answer.what)
    return Pending(command, dict(options), field, answer.query)


def custom_id(user_id: int, token: str) -> str:
    return f"pick:{user_id}:{token}"


def menu_options(answer: AmbiguousAnswer) -> list[discord.SelectOption]:
    """The matches as select options: distinct values, clipped to Discord's limits."""
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
    return options
