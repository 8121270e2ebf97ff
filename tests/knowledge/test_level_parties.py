"""Parties level on seats: none of them is *the* largest party, and no answer says one is.

(The council whose make-up is known, 3-3 in a London borough, is in test_wikipedia_family.)
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore
from knowledge.questions import answer_question

StoreBuilder = Callable[..., ResultsStore]
DocumentBuilder = Callable[..., str]
CON, LAB = "Conservative Party (UK)", "Labour Party (UK)"


@pytest.fixture
def levelton(make_store: StoreBuilder, document: DocumentBuilder) -> ResultsStore:
    """Two wards, one seat each, one to each party; no infobox, so the council's make-up after
    the election is unknown."""
    return make_store(
        document(
            "2004 Levelton Borough Council election",
            [
                ("North", None, [("Amy North", CON, 500), ("Ben North", LAB, 400)]),
                ("South", None, [("Cat South", CON, 300), ("Dan South", LAB, 600)]),
            ],
        )
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "who controls the council",
            "The document doesn't give Levelton Borough Council's make-up after the election, "
            "so control can't be worked out; Labour and the Conservatives won the most seats "
            "contested, 1 each (of 2).",
        ),
        (
            "is labour the largest party",
            "Jointly — Labour won the most seats jointly with the Conservatives: 1 each.",
        ),
        ("who won the most seats", "The Conservatives and Labour won the most seats, 1 each."),
    ],
)
def test_level_parties_are_named_together(
    levelton: ResultsStore, question: str, expected: str
) -> None:
    assert answer_question(levelton, question).headline == expected
