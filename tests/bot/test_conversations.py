"""Discord follow-ups: one conversation per channel and user, for a few minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.conversations import Conversations
from knowledge import ResultsStore
from knowledge.questions import answer_question

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def store() -> ResultsStore:
    return ResultsStore.load(ROOT / "data" / "elections", ROOT / "data" / "parties.toml")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def ask(conversations: Conversations, key: tuple[int, int], text: str) -> str:
    question, _ = conversations.question(key, text)
    conversations.remember(key, question, answer_question(conversations.store, question))
    return question


def test_a_follow_up_builds_on_the_same_users_previous_question(store: ResultsStore) -> None:
    conversations = Conversations(store)
    ask(conversations, (1, 10), "who won in Abbey?")
    assert ask(conversations, (1, 10), "what about Boulton?") == "who won in Boulton?"


def test_another_user_or_channel_has_its_own_conversation(store: ResultsStore) -> None:
    """Two people in one channel never follow up each other's questions."""
    conversations = Conversations(store)
    ask(conversations, (1, 10), "who won in Abbey?")
    assert conversations.question((1, 11), "what about Boulton?")[0] == "what about Boulton?"
    assert conversations.question((2, 10), "what about Boulton?")[0] == "what about Boulton?"


def test_a_conversation_is_forgotten_after_its_time(store: ResultsStore) -> None:
    clock = Clock()
    conversations = Conversations(store, ttl=300, clock=clock)
    ask(conversations, (1, 10), "who won in Abbey?")
    clock.now = 299
    assert conversations.question((1, 10), "what about Boulton?")[0] == "who won in Boulton?"
    clock.now = 301 + 299
    assert conversations.question((1, 10), "what about Boulton?")[0] == "what about Boulton?"
