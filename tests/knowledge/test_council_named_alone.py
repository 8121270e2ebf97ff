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


BARE_BY_ELECTION = """= 2012 Ernor Oak by-election =

A by-election was held in Ernor Oak ward of Ernor Borough Council.

==Ward results==
===Ernor Oak===

  - Ernor Oak by-election**

- Ed Lane (Conservative Party (UK)): 1,100 votes
- Fay Cole (Labour Party (UK)): 1,000 votes
"""
"""The by-election with no date but its year: its name is the ward's, word for word."""


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("did Moss win in Ernor Oak", "Bea Moss"),
        ("did Ed Lane win in Ernor Oak?", "Ed Lane"),
        ("how many votes did Hale get in Ernor Oak", "1,200"),
    ],
)
def test_a_ward_named_after_its_council_is_the_ward_with_a_person_named(
    make_store: StoreBuilder, document: DocumentBuilder, question: str, says: str
) -> None:
    """ "Ernor Oak" is the ward (its by-election is named after it too), not the council Ernor
    and one of its wards with "Oak" in its name: the person is looked for in Ernor Oak, where
    Bea Moss stood in 2010, not in Rosash Oak, where Vic Moss stood in 2014."""
    store = make_store(
        _council(document, 2010, ("lab", "con")),
        BARE_BY_ELECTION,
        _ernor(
            document,
            2014,
            {
                "Rosash Oak": [("Vic Moss", CON, 700), ("Di Pratt", LAB, 600)],
                "Denric": [("Cy Rowe", LAB, 1_000), ("Gil Hale", CON, 400)],
            },
        ),
    )
    answer = answer_question(store, question)
    assert not isinstance(answer, AmbiguousAnswer), answer.headline
    assert says in answer.headline and "Ernor Oak" in answer.headline, answer.headline


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


TOWNS = (
    "Ashby",
    "Barden",
    "Colne",
    "Dalby",
    "Eston",
    "Filey",
    "Goole",
    "Hexby",
    "Ilkley",
    "Jarrow",
)
"""Ten towns: as many elections as a resolution of "1990" lists, before Kelso's and Lydd's."""


@pytest.fixture
def twelve_councils(make_store: StoreBuilder, document: DocumentBuilder) -> ResultsStore:
    """1990 elections of twelve councils, more than a resolution of "1990" lists; Aoife Thomas
    stood in the last two listed alphabetically (Kelso and Lydd), Ian Hale in Lydd alone."""
    texts = []
    for town in (*TOWNS, "Kelso", "Lydd"):
        people = [("Cy Rowe", CON, 400), (f"Di {town}", LAB, 500)]
        if town in ("Kelso", "Lydd"):
            people.append(("Aoife Thomas", LAB, 600 if town == "Kelso" else 300))
        if town == "Lydd":
            people.append(("Ian Hale", CON, 700))
        texts.append(
            document(
                f"1990 {town} Borough Council election",
                [(f"{town} Central", None, people)],
                {"Seats For Election": "1 seat", "Election Date": "3 May 1990"},
            )
        )
    return make_store(*texts)


def test_a_year_of_many_elections_lists_the_ones_that_fit(twelve_councils: ResultsStore) -> None:
    """Aoife Thomas stood in two 1990 elections: asked which, both are offered (not an empty
    list, nor the first of the year's that a resolution happened to list)."""
    answer = answer_question(twelve_councils, "how many votes did Aoife Thomas get in 1990")
    assert isinstance(answer, AmbiguousAnswer), answer.headline
    assert {o.key for o in answer.options} == {"kelso-1990", "lydd-1990"}, answer.headline
    assert "Kelso" in answer.headline and "Lydd" in answer.headline


def test_a_year_of_many_elections_with_one_that_fits_answers(
    twelve_councils: ResultsStore,
) -> None:
    answer = answer_question(twelve_councils, "how many votes did Ian Hale get in 1990")
    assert "700" in answer.headline, answer.headline


def test_a_by_election_whose_council_is_written_short_does_not_take_the_council_s_name() -> None:
    """Democracy Club names a by-election's council "Testbury", the article "Testbury Borough
    Council": "who controls Testbury?" is still the council's 2022 election, not the 2023
    St. Mary's by-election that happens to match the short name exactly."""
    from pathlib import Path

    from knowledge.parties import PartyBook

    family = Path(__file__).resolve().parent / "documents" / "family"
    files = [family / "2022_testbury_borough.wiki", family / "local.testbury.2022-05-05.csv"]
    root = Path(__file__).resolve().parents[2]
    store = ResultsStore.from_texts(
        [(f.name, f.read_text(encoding="utf-8-sig")) for f in files],
        PartyBook.from_toml(root / "data" / "parties.toml"),
    )
    answer = answer_question(store, "who controls Testbury")
    assert isinstance(answer, SummaryAnswer), answer
    assert answer.election.id == "testbury-2022"
