"""Follow-up questions: rewritten from the previous question, stateless without one."""

from __future__ import annotations

import pytest
from questions_eval_documents import seed_store

from knowledge import ResultsStore
from knowledge.questions import answer_question
from knowledge.questions.conversation import Conversation, follow_up, turn_of


@pytest.fixture(scope="module")
def seed() -> ResultsStore:
    return seed_store()


def previous(store: ResultsStore, question: str):  # type: ignore[no-untyped-def]
    return turn_of(store, question, answer_question(store, question))


@pytest.mark.parametrize(
    ("before", "after", "whole"),
    [
        ("how many seats did labour win", "and the lib dems?",
         "how many seats did the lib dems win"),
        ("who won in Boulton", "what about Abbey?", "who won in Abbey"),
        ("who won in Abbey?", "who came second there?", "who came second in Abbey?"),
        ("who won in Abbey", "and in Darley?", "who won in Darley"),
        ("how many votes did labour get in Abbey", "how about the tories?",
         "how many votes did the tories get in Abbey"),
    ],
)  # fmt: skip
def test_a_follow_up_is_the_previous_question_with_the_new_name(
    seed: ResultsStore, before: str, after: str, whole: str
) -> None:
    """The follow-up's names take the places of the previous question's names of their kind."""
    assert follow_up(seed, previous(seed, before), after) == whole


@pytest.mark.parametrize(
    "question", ["who won in Darley?", "and who won in Darley?", "how many seats did labour win"]
)
def test_a_whole_question_is_not_rewritten(seed: ResultsStore, question: str) -> None:
    """A question that says more than names is asked as it is, follow-up opener or not."""
    assert follow_up(seed, previous(seed, "who won in Abbey"), question) == question


def test_without_a_previous_question_a_follow_up_is_asked_as_it_is(seed: ResultsStore) -> None:
    assert follow_up(seed, None, "and the lib dems?") == "and the lib dems?"
    answer = Conversation(seed).ask("and the lib dems?")
    assert answer.kind == "party"


def test_a_conversation_keeps_the_last_answered_question(seed: ResultsStore) -> None:
    """A question that was not understood does not break the chain of follow-ups."""
    conversation = Conversation(seed)
    conversation.ask("who won in Abbey?")
    conversation.ask("what is the meaning of life")
    answer = conversation.ask("who came second there?")
    assert "Ann Jackman" in (answer.headline or "")
    answer = conversation.ask("what about Boulton?")  # who came second in Boulton
    assert "Barbara Jackson" in (answer.headline or "")
