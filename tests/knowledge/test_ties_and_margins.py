"""Winners, ties at the last seat, unopposed returns and majorities, derived from the votes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from knowledge import ResultsStore, run_text
from knowledge.answers import CandidateAnswer, ClosestAnswer, SummaryAnswer, WardAnswer
from knowledge.facts import ContestResult

StoreBuilder = Callable[..., ResultsStore]
DocumentBuilder = Callable[..., str]

LAB = "Labour Party (UK)"
CON = "Conservative Party (UK)"
LD = "Liberal Democrats (UK)"


def contest_of(
    document: DocumentBuilder,
    make_store: StoreBuilder,
    seats: int | None,
    votes: Sequence[int | str],
) -> ContestResult:
    """One contest whose candidates C1, C2 ... poll `votes` (parties alternate Lab/Con/LD)."""
    parties = (LAB, CON, LD)
    candidates = [(f"Cand {n + 1}", parties[n % 3], v) for n, v in enumerate(votes)]
    store = make_store(document("2015 Tieton Council election", [("Only", seats, candidates)]))
    assert store.errors == []
    return store.facts("tieton-2015").contests[0]


@pytest.mark.parametrize(
    ("seats", "votes", "majority"),
    [
        (None, [500, 400], 100),
        (1, [400, 500, 100], 100),
        (2, [500, 450, 300, 10], 150),
        (3, [1406, 1214, 1144, 1134, 1027], 10),
        (2, [100, 100, 99], 1),
        (1, [7, 0], 7),
    ],
)
def test_majority_is_last_winner_minus_first_loser(
    document: DocumentBuilder,
    make_store: StoreBuilder,
    seats: int | None,
    votes: list[int],
    majority: int,
) -> None:
    """Whatever order the document lists them in, the margin is at the last winning place."""
    contest = contest_of(document, make_store, seats, votes)
    assert contest.majority == majority
    assert not contest.tie
    assert len(contest.elected) == (seats or 1)


@pytest.mark.parametrize(
    ("seats", "votes", "elected", "tied"),
    [
        (None, [300, 300], [], ["Cand 1", "Cand 2"]),
        (1, [300, 300, 300], [], ["Cand 1", "Cand 2", "Cand 3"]),
        (2, [500, 400, 400], ["Cand 1"], ["Cand 2", "Cand 3"]),
        (3, [900, 800, 700, 700, 700, 100], ["Cand 1", "Cand 2"], ["Cand 3", "Cand 4", "Cand 5"]),
    ],
)
def test_tie_at_the_last_seat_is_flagged_not_broken(
    document: DocumentBuilder,
    make_store: StoreBuilder,
    seats: int | None,
    votes: list[int],
    elected: list[str],
    tied: list[str],
) -> None:
    """Candidates level at the last winning place are all tied; none of them is elected."""
    contest = contest_of(document, make_store, seats, votes)
    assert contest.tie
    assert contest.majority == 0
    assert [s.name for s in contest.elected] == elected
    assert [s.name for s in contest.tied] == tied
    assert all(not s.elected for s in contest.tied)


def test_level_winners_above_the_last_place_are_not_a_tie(
    document: DocumentBuilder, make_store: StoreBuilder
) -> None:
    """Two winners on the same poll (as in Mickleover 2002) are both elected, no tie."""
    contest = contest_of(document, make_store, 3, [3077, 2953, 2953, 1320])
    assert not contest.tie
    assert [s.elected for s in contest.standings] == [True, True, True, False]
    assert contest.majority == 2953 - 1320


TIE_DOC = """\
= 2016 Levelham Borough Council election =
Infobox
- Seats For Election: All 3 seats
- Majority Seats: 2

==Results==
===Dead Heat (2)===
  - Dead Heat (2)**
- Ann Able (Labour Party (UK)): 500 votes
- Bob Baker (Conservative Party (UK)): 400 votes
- Cat Cole (Liberal Democrats (UK)): 400 votes
===Clear===
  - Clear**
- Dan Dunn (Labour Party (UK)): 900 votes
- Eve Evans (Conservative Party (UK)): 100 votes
"""


def test_tie_shows_in_ward_summary_and_candidate_answers(make_store: StoreBuilder) -> None:
    """The tie reaches every answer: the ward, the undecided seat, and the tied candidate."""
    store = make_store(TIE_DOC)
    ward = run_text(store, "/ward dead heat")
    assert isinstance(ward, WardAnswer)
    assert ward.tie and ward.majority == 0
    assert [c.name for c in ward.winners] == ["Ann Able"]
    assert [c.name for c in ward.tied] == ["Bob Baker", "Cat Cole"]
    summary = run_text(store, "/summary")
    assert isinstance(summary, SummaryAnswer)
    assert summary.tie_wards == ("Dead Heat",)
    assert summary.undecided_seats == 1
    assert summary.closest[0].ward == "Dead Heat" and summary.closest[0].tie
    candidate = run_text(store, "/candidate bob baker")
    assert isinstance(candidate, CandidateAnswer)
    assert candidate.candidate.tied and not candidate.candidate.elected
    assert candidate.margin == 0


UNOPPOSED_DOC = """\
= 2017 Quietby District Council election =
==Results==
===Sleepy (2)===
  - Sleepy (2)**
- Ann Able (Conservative Party (UK)): Unopposed
- Bob Baker (Conservative Party (UK)): Unopposed
===Busy===
  - Busy**
- Cat Cole (Labour Party (UK)): 600 votes
- Dan Dunn (Conservative Party (UK)): 550 votes
"""


def test_elected_unopposed_has_winners_but_no_majority(make_store: StoreBuilder) -> None:
    """No more candidates than seats: all elected, no votes, no majority, no margin."""
    store = make_store(UNOPPOSED_DOC)
    sleepy = store.facts("quietby-2017").contest("Sleepy")
    assert sleepy is not None
    assert sleepy.unopposed and not sleepy.tie
    assert sleepy.majority is None
    assert [(s.name, s.votes, s.elected, s.share) for s in sleepy.standings] == [
        ("Ann Able", None, True, None),
        ("Bob Baker", None, True, None),
    ]
    closest = run_text(store, "/closest")
    assert isinstance(closest, ClosestAnswer)
    assert closest.unopposed == ("Sleepy",)
    assert [r.ward for r in closest.closest] == ["Busy"]
    candidate = run_text(store, "/candidate ann able")
    assert isinstance(candidate, CandidateAnswer)
    assert candidate.candidate.elected and candidate.margin is None


@pytest.mark.parametrize(
    ("query", "margin"),
    [("Ronald Allen", 10), ("Hardyal Dhindsa", -10), ("Ronald Blanksby", 272)],
)
def test_candidate_margin_is_to_the_last_seat(
    seed_store: ResultsStore, query: str, margin: int
) -> None:
    """Elected: votes ahead of the first loser. Not elected: votes short of the last winner."""
    answer = run_text(seed_store, f"/candidate {query}")
    assert isinstance(answer, CandidateAnswer)
    expected = abs(margin)
    assert answer.margin == expected
    assert answer.candidate.elected is (margin > 0)


def test_closest_ranks_the_seed_by_majority(seed_store: ResultsStore) -> None:
    """Boulton (10) is the closest seed ward; the safest has the largest majority."""
    answer = run_text(seed_store, "/closest")
    assert isinstance(answer, ClosestAnswer)
    majorities = [r.majority for r in answer.closest]
    assert majorities == sorted(majorities)
    assert (answer.closest[0].ward, answer.closest[0].majority) == ("Boulton", 10)
    assert answer.closest[0].last_winner.name == "Ronald Allen"
    assert answer.closest[0].first_loser.name == "Hardyal Dhindsa"
    assert answer.safest[0].majority == max(r.majority for r in answer.safest)
    assert answer.unopposed == ()
