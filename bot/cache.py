"""Answers to repeated questions, kept with their embeds.

The store does not change while the bot runs, so the same command with the same options always
gives the same answer; on election night many people ask the same few things at once. A bounded
LRU keeps the newest answers and their rendered embeds, so a repeat costs a dictionary lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import discord

from bot import embeds
from knowledge import ResultsStore, run_command
from knowledge.answers import Answer

Key = tuple[str, tuple[tuple[str, str], ...]]


class Answers:
    """`answers(command, options)` -> (answer, embed), computed once per distinct question."""

    def __init__(self, store: ResultsStore, size: int = 512) -> None:
        self.store = store
        self.size = size
        self._items: OrderedDict[Key, tuple[Answer, dict[str, Any]]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __call__(
        self, command: str, options: Mapping[str, str | None]
    ) -> tuple[Answer, discord.Embed]:
        key = (command, tuple(sorted((k, v.strip()) for k, v in options.items() if v)))
        cached = self._items.get(key)
        if cached is not None:
            self._items.move_to_end(key)
            return cached[0], discord.Embed.from_dict(cached[1])
        answer = run_command(self.store, command, options)
        embed = embeds.render(answer)
        self._items[key] = (answer, dict(embed.to_dict()))
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return answer, embed
