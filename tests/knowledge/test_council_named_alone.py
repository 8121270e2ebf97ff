"""A council named without a year means its newest whole-council election, even when one of
its by-elections is named after a ward that shares the town's name ("Ernor Oak"): "who
controls Ernor?" is asked about now, not about which of its ten elections."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, answer_question
from knowledge.answers import AmbiguousAnswer, ClosestAnswer, SummaryAnswer

StoreBuilder = Callable[..., ResultsStore]
DocumentBuilder = Callable[..., str]


LAB, CON = "Labour Party (UK)", "Conservative Party (UK)"


def _ernor(
    document: DocumentBuilder, year: int, wards: dict[str, list[tuple[str, str, int]]]
) -> str:
    return document(
        f"{year} Ernor Borough Council election",
        [(ward, None, people) for ward, people in wards.items()],
        {"Seats For Election": f"{len(wards)} seats", "Election Date": f"6 May {year}"},
    )


def _council(document: DocumentBuilder, year: int, winners: tuple[str, str]) -> str:
    first, second = (LAB, CON) if winners[0] == "lab" else (CON, LAB)
    close = 990 if year == 2014 else 400
    return _ernor(
        document,
        year,
        {
            "Ernor Oak": [("Alan Hale", first, 1_200), ("Bea Moss", second, 900)],
            "Rosash": [("Cy Rowe", first, 1_000), ("Di Pratt", second, close)],
        },
    )


BY_ELECTION = """= 2012 Ernor Oak by-election =

Infobox
- Election Name: Ernor Oak by-election
- Election Date: 3 May 2012
- Seats For Election: 1 seat on Ernor Borough Council

==Result==
===Ernor Oak by-election===

  - Ernor Oak by-election, 3 May 2012**

- Ed Lane (Conservative Party (UK)): 1,100 votes
- Fay Cole (Labour Party (UK)): 1,000 votes
"""


@pytest.fixture
def ernor(make_store: StoreBuilder, document: DocumentBuilder) -> ResultsStore:
    return make_store(
        _council(document, 2010, ("lab", "con")),
        BY_ELECTION,
        _council(document, 2014, ("con", "lab")),
    )


@pytest.mark.parametrize("question", ["who controls Ernor?", "who controls Ernor council"])
def test_who_controls_a_council_is_its_newest_election(ernor: ResultsStore, question: str) -> None:
    answer = answer_question(ernor, question)
    assert isinstance(answer, SummaryAnswer), answer.headline
    assert answer.election.id.endswith("2014") and "Conservative" in answer.headline


def test_the_closest_ward_of_a_council_is_in_its_newest_election(ernor: ResultsStore) -> None:
    answer = answer_question(ernor, "which ward was closest in Ernor?")
    assert isinstance(answer, ClosestAnswer), answer.headline
    assert "Rosash" in answer.headline and answer.election.id.endswith("2014")


def test_the_by_election_is_still_there_when_asked_for(ernor: ResultsStore) -> None:
    answer = answer_question(ernor, "who won the Ernor Oak by-election?")
    assert not isinstance(answer, AmbiguousAnswer), answer.headline
    assert "Ed Lane" in answer.headline


@pytest.fixture
def surnamed(make_store: StoreBuilder, document: DocumentBuilder) -> ResultsStore:
    """Ernor 2010 and 2016, when Gil Ernor stood in Rosash."""
    return make_store(
        _council(document, 2010, ("lab", "con")),
        _ernor(
            document,
            2016,
            {
                "Rosash": [("Gil Ernor", LAB, 1_000), ("Di Pratt", CON, 995)],
                "Denric": [("Cy Rowe", LAB, 1_000), ("Ed Lane", CON, 400)],
            },
        ),
    )


@pytest.mark.parametrize(
    "question", ["which ward was closest in Ernor?", "what was the closest ward in Ernor"]
)
def test_a_council_that_is_also_a_surname_is_the_council_after_in(
    surnamed: ResultsStore, question: str
) -> None:
    """Gil Ernor stood, but "in Ernor" is a place: the closest ward, not where he stood."""
    answer = answer_question(surnamed, question)
    assert isinstance(answer, ClosestAnswer), answer.headline
    assert "Rosash" in answer.headline and answer.election.id.endswith("2016")


def test_a_surname_after_in_is_still_the_person_when_asked_where_they_stood(
    surnamed: ResultsStore,
) -> None:
    answer = answer_question(surnamed, "which ward did Gil Ernor stand in?")
    assert "Rosash" in answer.headline, answer.headline
