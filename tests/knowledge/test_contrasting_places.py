"""Compass words tell places apart: "Kenton West" is never the ward Kenton East."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore
from knowledge.answers import NotFoundAnswer, WardAnswer
from knowledge.questions import answer_question

StoreBuilder = Callable[..., ResultsStore]

KENTON = """\
= 2010 Testham Borough Council election =
==Ward results==
===Kenton East===
  - Kenton East (2)**
- Mitzi Green (Labour Party (UK)): 1,950 votes
- Navin Shah (Labour Party (UK)): 1,902 votes
- Ann Blue (Conservative Party (UK)): 1,200 votes
"""


@pytest.mark.parametrize("query", ["Kenton West", "West Kenton", "kenton west"])
def test_another_compass_point_is_not_found_but_suggested(
    make_store: StoreBuilder, query: str
) -> None:
    """The ward asked about does not exist; the similar one is offered, not answered."""
    resolution = make_store(KENTON).resolve_ward(query)
    assert resolution.status == "not_found"
    assert [m.name for m in resolution.matches][:1] == ["Kenton East"]


@pytest.mark.parametrize(
    "question", ["who won Kenton West?", "who won West in Kenton", "did Labour win kenton west"]
)
def test_a_question_about_another_compass_point_is_not_answered_about_this_one(
    make_store: StoreBuilder, question: str
) -> None:
    """ "Kenton West" gets "not found", never Kenton East's result."""
    answer = answer_question(make_store(KENTON), question)
    assert isinstance(answer, NotFoundAnswer), answer.headline
    assert "kenton west" in (answer.headline or "").lower()


@pytest.mark.parametrize("question", ["who won East in Kenton", "who won Kenton East", "kenton"])
def test_the_ward_itself_is_answered_once(make_store: StoreBuilder, question: str) -> None:
    """Written either way round, the ward that exists is answered, with one headline."""
    answer = answer_question(make_store(KENTON), question)
    assert isinstance(answer, WardAnswer)
    assert answer.ward == "Kenton East"
    assert (answer.headline or "").count("Kenton East") == 1
