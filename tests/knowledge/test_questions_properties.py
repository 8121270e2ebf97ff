"""Properties of `answer_question` over any text: it never raises and always says something."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from questions_eval_documents import build_store

from knowledge import ResultsStore
from knowledge.questions import answer_question
from knowledge.questions.intents import KEYWORDS
from knowledge.questions.words import STOP_WORDS

KINDS = {
    "ward", "candidate", "party", "summary", "closest", "elections", "help", "ranking", "fact",
    "ambiguous", "not_found",
    # history questions (issue 11) answer with the history answers
    "ward_history", "person_history", "party_history", "council_history", "councillors",
}  # fmt: skip
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def many() -> ResultsStore:
    return build_store("many")


def _vocabulary(store: ResultsStore) -> list[str]:
    names = {w for e in store.candidates.entries for t in e.tokens for w in t}
    names |= {w for e in store.wards.entries for t in e.tokens for w in t}
    return sorted(names | KEYWORDS | STOP_WORDS | {"2002", "2003", "1999", "by-election", "?"})


def _assert_answered(answer: object) -> None:
    assert getattr(answer, "kind", None) in KINDS
    headline = getattr(answer, "headline", None)
    assert isinstance(headline, str) and headline.strip()


@SETTINGS
@given(text=st.text(max_size=400))
def test_any_text_gets_an_answer_with_a_headline(seed_store: ResultsStore, text: str) -> None:
    """Arbitrary Unicode never raises; the answer always has a one-sentence reply."""
    _assert_answered(answer_question(seed_store, text))


@SETTINGS
@given(data=st.data())
def test_any_mix_of_names_and_question_words_gets_an_answer(
    many: ResultsStore, data: st.DataObject
) -> None:
    """Sentences made of the store's own words (the hard cases for spotting) never raise."""
    words = data.draw(st.lists(st.sampled_from(_vocabulary(many)), max_size=14))
    cased = data.draw(st.sampled_from([str.lower, str.title, str.upper]))
    _assert_answered(answer_question(many, cased(" ".join(words))))


@SETTINGS
@given(election=st.one_of(st.none(), st.text(max_size=40)), text=st.text(max_size=80))
def test_any_election_argument_gets_an_answer(
    many: ResultsStore, election: str | None, text: str
) -> None:
    """An unknown or odd `election` argument is answered (not found / ambiguous), not raised."""
    _assert_answered(answer_question(many, f"who won Darley {text}", election))


def test_answers_are_deterministic(seed_store: ResultsStore) -> None:
    """The same question gets the same answer, every time."""
    question = "did Care win in Spondon?"
    assert answer_question(seed_store, question) == answer_question(seed_store, question)


def test_an_empty_store_answers_that_nothing_is_loaded() -> None:
    """No elections loaded: a not-found answer, not an error."""
    answer = answer_question(ResultsStore([]), "who won in Abbey?")
    assert answer.kind == "not_found" and answer.what == "election"
