"""Repeated questions are answered from memory, within a fixed budget."""

from __future__ import annotations

import pytest

import bot.answering.answers
from bot.answering.answers import Answers
from knowledge import ResultsStore


def test_repeated_question_is_answered_once(
    derby_store: ResultsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same command and options (spacing aside) run the command layer only once."""
    calls: list[str] = []
    real = bot.answering.answers.run_command

    def counting(store: ResultsStore, command: str, options: dict[str, str | None]) -> object:
        calls.append(command)
        return real(store, command, options)

    monkeypatch.setattr(bot.answering.answers, "run_command", counting)
    answers = Answers(derby_store)
    first, embed = answers("ward", {"name": "Abbey", "election": None})
    again, embed_again = answers("ward", {"name": " Abbey "})
    assert calls == ["ward"]
    assert first is again and embed.to_dict() == embed_again.to_dict()
    assert embed is not embed_again  # each reply gets its own embed object


def test_cache_keeps_only_the_newest_answers(derby_store: ResultsStore) -> None:
    """Past its size the oldest answer is dropped, so memory does not grow with use."""
    answers = Answers(derby_store, size=2)
    for ward in ("Abbey", "Allestree", "Alvaston"):
        answers("ward", {"name": ward})
    assert len(answers) == 2
