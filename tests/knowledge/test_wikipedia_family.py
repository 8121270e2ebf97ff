"""Hand-made articles modelled on the shapes real council-election articles take across years.

Each document in `documents/family/` copies one real pattern (named in its first-line comment
and in each test's docstring). Expected numbers were read off the wikitext by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from knowledge import ResultsStore, run_text
from knowledge.answers import (
    CandidateAnswer,
    ClosestAnswer,
    PartyAnswer,
    SummaryAnswer,
    WardAnswer,
)
from knowledge.questions.answering import answer_question

FAMILY = Path(__file__).resolve().parent / "documents" / "family"
PARTIES = Path(__file__).resolve().parents[2] / "data" / "parties.toml"
THIRDS = "2004_testford_thirds.wiki"


@cache
def store_of(name: str) -> ResultsStore:
    return ResultsStore.load(FAMILY / name, PARTIES)


def ward(name: str, query: str) -> WardAnswer:
    answer = run_text(store_of(name), f"/ward {query}")
    assert isinstance(answer, WardAnswer), answer
    return answer


def votes(answer: WardAnswer) -> list[tuple[str, int | None, bool]]:
    return [(c.name, c.votes, c.elected) for c in answer.candidates]


# 2000s thirds: no infobox, old `Election box candidate`, {{sortname}}, {{formatnum:}} ----------


def test_thirds_article_loads_every_ward_without_warnings() -> None:
    """2000s thirds pattern: four boxes, summary rows agree with the wards, nothing to warn."""
    store = store_of(THIRDS)
    assert store.errors == []
    (election,) = store.elections
    assert [c.ward for c in election.contests] == [
        "Abbey",
        "St. Mary's & Priory",
        "Northgate",
        "Castle",
    ]
    assert [w.message for w in store.warnings] == []


def test_sortname_candidates_and_formatnum_votes_are_read() -> None:
    """`{{sortname|John|Smith}}` is John Smith; `{{formatnum:1234}}` is 1,234 votes."""
    assert votes(ward(THIRDS, "abbey")) == [
        ("John Smith", 1234, True),
        ("Mary Jones", 1010, False),
    ]
    assert ward(THIRDS, "abbey").majority == 224


def test_formatnum_with_commas_decides_the_closest_ward() -> None:
    """Castle: `{{formatnum:1,321}}` v `{{formatnum:1320}}`, a majority of 1, the closest."""
    assert votes(ward(THIRDS, "castle"))[:2] == [
        ("Tim Black", 1321, True),
        ("Ann Grey", 1320, False),
    ]
    closest = run_text(store_of(THIRDS), "/closest")
    assert isinstance(closest, ClosestAnswer)
    assert (closest.closest[0].ward, closest.closest[0].majority) == ("Castle", 1)
    assert "Northgate" in closest.unopposed


@pytest.mark.parametrize("asked", ["st marys and priory", "St Mary's & Priory", "st. marys priory"])
def test_ward_with_full_stop_apostrophe_and_ampersand_is_found(asked: str) -> None:
    """`St. Mary's & Priory` answers to the ways people type it."""
    answer = ward(THIRDS, asked)
    assert answer.ward == "St. Mary's & Priory"
    assert [c.name for c in answer.winners] == ["Peter O'Neill"]


def test_candidate_and_party_answers_from_the_thirds_article() -> None:
    """Labour won Abbey and Northgate (unopposed): 2 seats, 1,234 + 1,320 votes."""
    candidate = run_text(store_of(THIRDS), "/candidate john smith")
    assert isinstance(candidate, CandidateAnswer)
    assert candidate.candidate.elected and candidate.margin == 224
    party = run_text(store_of(THIRDS), "/party labour")
    assert isinstance(party, PartyAnswer)
    assert (party.seats_won, party.votes) == (2, 2554)


def test_stayed_in_overall_control_is_the_stated_control() -> None:
    """The 2000s lead's "the Labour party stayed in overall control of the council"."""
    summary = run_text(store_of(THIRDS), "/summary")
    assert isinstance(summary, SummaryAnswer)
    assert summary.control_stated == "Labour"
    assert [(r.name, r.seats_won) for r in summary.rows][:3] == [
        ("Labour", 2),
        ("Conservative", 1),
        ("Independent", 1),
    ]


def test_plain_questions_about_the_thirds_article() -> None:
    """Unopposed Northgate and the Castle winner, asked in plain words."""
    northgate = answer_question(store_of(THIRDS), "who won northgate")
    assert northgate.headline and "Sue Green" in northgate.headline
    castle = answer_question(store_of(THIRDS), "who won castle")
    assert castle.headline and "Tim Black" in castle.headline


# London borough: 3-seat wards, ward names in headings, no winner markers --------------------

LONDON = "2018_testham_london.wiki"


def test_three_seat_ward_named_by_its_heading_elects_the_top_three() -> None:
    """London 2018 pattern: `===Queen's Park===` above an untitled box; incumbents marked `*`."""
    answer = ward(LONDON, "queens park")
    assert (answer.ward, answer.seats) == ("Queen's Park", 3)
    assert [c.name for c in answer.winners] == ["Jo Leader", "Raj Patel", "Chloe Smith-Jones"]
    assert answer.majority == 990  # Chloe Smith-Jones 1,990 over Dan Hill 1,000


def test_london_summary_is_no_overall_control_with_changes() -> None:
    """3 Labour, 3 Conservative of 6 (4 needed): no overall control; Labour -1, Con +1."""
    summary = run_text(store_of(LONDON), "/summary")
    assert isinstance(summary, SummaryAnswer)
    assert summary.control is None and summary.control_known
    assert [(r.name, r.seats_won, r.change) for r in summary.rows][:2] == [
        ("Labour", 3, -1),
        ("Conservative", 3, 1),
    ]
    assert store_of(LONDON).warnings == []  # infobox votes agree with the wards


def test_london_closest_ward_and_runner_up_by_one_vote() -> None:
    """St. Helier & Ravensbury: Ian Cole 1,400 over Amy Day 1,399."""
    candidate = run_text(store_of(LONDON), "/candidate amy day")
    assert isinstance(candidate, CandidateAnswer)
    assert (candidate.candidate.elected, candidate.margin) == (False, 1)
    question = answer_question(store_of(LONDON), "which ward was closest")
    assert question.headline and "St. Helier & Ravensbury" in question.headline


def test_a_tie_for_largest_party_is_not_one_largest_party() -> None:
    """3-3 on a 6-seat council: neither Labour nor the Conservatives is *the* largest party."""
    answer = answer_question(store_of(LONDON), "who controls the council")
    assert answer.headline and "the largest party, Labour" not in answer.headline
    assert "no overall control" in answer.headline
    assert "Labour and the Conservatives are level as the largest parties" in answer.headline


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "is labour the largest party",
            "Jointly — Labour won the most seats jointly with the Conservatives: 3 each.",
        ),
        (
            "are the tories the biggest party",
            "Jointly — the Conservatives won the most seats jointly with Labour: 3 each.",
        ),
        (
            "did the greens win the most seats",
            "No — the Conservatives and Labour won the most seats (3 each); the Greens won 0.",
        ),
    ],
)
def test_a_party_level_for_most_seats_is_not_simply_the_largest(
    question: str, expected: str
) -> None:
    assert answer_question(store_of(LONDON), question).headline == expected


# County council: divisions under district headings ------------------------------------------

COUNTY = "2017_testshire_county.wiki"


def test_county_divisions_under_district_headings_are_divisions_not_districts() -> None:
    """County pattern: `===Northdale District===` headings group the division boxes."""
    (election,) = store_of(COUNTY).elections
    assert [c.ward for c in election.contests] == ["Abbey", "Brook & Vale", "St Peter's", "Newtown"]
    assert store_of(COUNTY).warnings == []  # {{formatnum:5800}} in the infobox agrees


def test_county_control_and_new_seat_wins() -> None:
    """Conservatives 3 of 5 (3 needed) take control; Newtown's two new seats split."""
    summary = run_text(store_of(COUNTY), "/summary")
    assert isinstance(summary, SummaryAnswer)
    assert summary.control == "Conservative"
    newtown = ward(COUNTY, "newtown")
    assert [c.name for c in newtown.winners] == ["Ivy Oak", "Jon Ash"] and newtown.split
    assert ward(COUNTY, "st peters").ward == "St Peter's"
