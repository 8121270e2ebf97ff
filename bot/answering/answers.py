"""From a command and its options (or a question) to the knowledge answer and its embed.

This is the reply path's only road to `knowledge`. The store does not change while the bot runs,
so the same command with the same options (or the same question) always gives the same answer; on
election night many people ask the same few things at once. A bounded LRU keeps the newest
answers and their rendered embeds, so a repeat costs a dictionary lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

import discord

from bot import embeds
from bot.questions import ASK
from knowledge import ResultsStore, run_command
from knowledge.answers import Answer
from knowledge.questions import answer_question

Key = tuple[str, tuple[tuple[str, str], ...]]
Options = Mapping[str, object]


def option_text(value: object) -> str | None:
    """An option value as text. Discord's option types are not a promise (a stale command
    schema, a crafted payload): a number or a flag where text was expected becomes its text, and
    is then answered like any other text ("not found" at worst). None stays None."""
    if value is None or isinstance(value, str):
        return value
    return str(value)


def as_text(options: Options) -> dict[str, str | None]:
    return {name: option_text(value) for name, value in options.items()}


class Answers:
    """`answers(command, options)` and `answers.ask(question)` -> (answer, embed), computed once
    per distinct question. Every option value is untrusted and read as text (`option_text`)."""

    def __init__(self, store: ResultsStore, size: int = 512) -> None:
        self.store = store
        self.size = size
        self._items: OrderedDict[Key, tuple[Answer, dict[str, Any]]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __call__(self, command: str, options: Options) -> tuple[Answer, discord.Embed]:
        text = as_text(options)
        return self._get(command, text, lambda: run_command(self.store, command, text))

    def ask(self, question: object, election: object = None) -> tuple[Answer, discord.Embed]:
        """A question in plain words (`election` is the default election)."""
        asked, chosen = option_text(question) or "", option_text(election)
        options = {"question": asked, "election": chosen}
        return self._get(ASK, options, lambda: answer_question(self.store, asked, chosen))

    def _get(
        self, command: str, options: Mapping[str, str | None], compute: Callable[[], Answer]
    ) -> tuple[Answer, discord.Embed]:
        key = (command, tuple(sorted((k, v.strip()) for k, v in options.items() if v)))
        cached = self._items.get(key)
        if cached is not None:
            self._items.move_to_end(key)
            return cached[0], discord.Embed.from_dict(cached[1])
        answer = compute()
        embed = embeds.render(answer)
        self._items[key] = (answer, dict(embed.to_dict()))
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return answer, embed
