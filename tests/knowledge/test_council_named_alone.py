"""A council named without a year means its newest whole-council election, even when one of
its by-elections is named after a ward that shares the town's name ("Ernor Oak"): "who
controls Ernor?" is asked about now, not about which of its ten elections."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, answer_question
from knowledge.answers import AmbiguousAnswer, ClosestAnswer, SummaryAnswer

StoreBuilder = Callable[..., ResultsStore]


def _council(year: int, winners: tuple[str, str]) -> str:
    lab, con = "Labour Party (UK)", "Conservative Party (UK)"
    first, second = (lab, con) if winners[0] == "lab" else (con, lab)
    return f"""= {year} Ernor Borough Council election =
Infobox
- Seats For Election: 2 seats to Ernor Borough Council
- Election Date: 6 May {year}

==Ward results==
===Ernor Oak===
  - Ernor Oak**
- Alan Hale ({first}): 1,200 votes
- Bea Moss ({second}): 900 votes
===Rosash===
  - Rosash**
- Cy Rowe ({first}): 1,000 votes
- Di Pratt ({second}): {990 if year == 2014 else 400} votes
"""


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
def ernor(make_store: StoreBuilder) -> ResultsStore:
    return make_store(_council(2010, ("lab", "con")), BY_ELECTION, _council(2014, ("con", "lab")))


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


SURNAMED = """= 2016 Ernor Borough Council election =
Infobox
- Seats For Election: 2 seats to Ernor Borough Council
- Election Date: 5 May 2016

==Ward results==
===Rosash===
  - Rosash**
- Gil Ernor (Labour Party (UK)): 1,000 votes
- Di Pratt (Conservative Party (UK)): 995 votes
===Denric===
  - Denric**
- Cy Rowe (Labour Party (UK)): 1,000 votes
- Ed Lane (Conservative Party (UK)): 400 votes
"""


@pytest.mark.parametrize(
    "question", ["which ward was closest in Ernor?", "what was the closest ward in Ernor"]
)
def test_a_council_that_is_also_a_surname_is_the_council_after_in(
    make_store: StoreBuilder, question: str
) -> None:
    """Gil Ernor stood, but "in Ernor" is a place: the closest ward, not where he stood."""
    store = make_store(_council(2010, ("lab", "con")), SURNAMED)
    answer = answer_question(store, question)
    assert isinstance(answer, ClosestAnswer), answer.headline
    assert "Rosash" in answer.headline and answer.election.id.endswith("2016")


def test_a_surname_after_in_is_still_the_person_when_asked_where_they_stood(
    make_store: StoreBuilder,
) -> None:
    store = make_store(_council(2010, ("lab", "con")), SURNAMED)
    answer = answer_question(store, "which ward did Gil Ernor stand in?")
    assert "Rosash" in answer.headline, answer.headline
