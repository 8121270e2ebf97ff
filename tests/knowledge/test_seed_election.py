"""The seed document end to end: 2002 Derby City Council, 17 wards, 51 seats."""

from __future__ import annotations

import pytest

from knowledge import ResultsStore, run_text
from knowledge.answers import PartyAnswer, SummaryAnswer, WardAnswer
from knowledge.facts import ElectionFacts

WARDS = (
    "Abbey",
    "Allestree",
    "Alvaston",
    "Arboretum",
    "Blagreaves",
    "Boulton",
    "Chaddesden",
    "Chellaston",
    "Darley",
    "Derwent",
    "Littleover",
    "Mackworth",
    "Mickleover",
    "Normanton",
    "Oakwood",
    "Sinfin",
    "Spondon",
)


def test_seed_loads_with_no_errors_and_no_warnings(seed_store: ResultsStore) -> None:
    """The seed parses cleanly and its infobox agrees with its ward results."""
    assert seed_store.errors == []
    assert seed_store.warnings == []


def test_seed_is_one_whole_council_election(seed_store: ResultsStore) -> None:
    """One election, identified as derby-2002, dated 2 May 2002, the whole council up."""
    (election,) = seed_store.elections
    assert election.id == "derby-2002"
    assert election.council == "Derby City Council"
    assert str(election.date) == "2002-05-02"
    assert election.kind == "council"
    assert seed_store.facts(election.id).whole_council


def test_seed_counts_wards_candidacies_and_winners(seed_facts: ElectionFacts) -> None:
    """17 wards, 156 candidacies and 51 winners; no ties, no undecided seats."""
    assert tuple(c.ward for c in seed_facts.contests) == WARDS
    assert sum(len(c.standings) for c in seed_facts.contests) == 156
    assert sum(len(c.elected) for c in seed_facts.contests) == 51
    assert seed_facts.seats_contested == 51
    assert seed_facts.ties == ()
    assert seed_facts.undecided_seats == 0


@pytest.mark.parametrize("ward", WARDS)
def test_every_seed_ward_elects_three(seed_facts: ElectionFacts, ward: str) -> None:
    """Each ward filled three seats, with the three highest polls elected."""
    contest = seed_facts.contest(ward)
    assert contest is not None
    assert contest.seats == 3
    assert [s.elected for s in contest.standings[:4]] == [True, True, True, False]


def test_boulton_last_seat_was_won_by_ten_votes(seed_facts: ElectionFacts) -> None:
    """Ronald Allen (Independent, 1,144) beat Hardyal Dhindsa (Labour, 1,134) by 10."""
    boulton = seed_facts.contest("Boulton")
    assert boulton is not None
    last, first_loser = boulton.standings[2], boulton.standings[3]
    assert (last.name, last.party.display, last.votes) == ("Ronald Allen", "Independent", 1144)
    assert (first_loser.name, first_loser.votes, first_loser.elected) == (
        "Hardyal Dhindsa",
        1134,
        False,
    )
    assert boulton.majority == 10
    assert boulton.split
    assert seed_facts.by_margin()[0].ward == "Boulton"


def test_chellaston_split_two_conservative_one_labour(seed_facts: ElectionFacts) -> None:
    """Chellaston elected two Conservatives and one Labour councillor."""
    chellaston = seed_facts.contest("Chellaston")
    assert chellaston is not None
    assert dict(chellaston.seats_by_party) == {"conservative": 2, "labour": 1}
    assert [s.name for s in chellaston.elected] == [
        "Paul Willitts",
        "Lesley Skelton",
        "David Whitehead",
    ]


def test_split_wards_are_boulton_and_chellaston(seed_facts: ElectionFacts) -> None:
    """Only Boulton and Chellaston returned councillors of more than one party."""
    assert [c.ward for c in seed_facts.split_wards] == ["Boulton", "Chellaston"]


@pytest.mark.parametrize(
    ("party", "seats", "votes", "before", "change"),
    [
        ("labour", 27, 58_230, 29, -2),
        ("libdem", 12, 43_462, 6, +6),
        ("conservative", 11, 48_502, 8, +3),
        ("independent", 1, 3_098, 1, 0),
    ],
)
def test_party_seats_votes_and_change(
    seed_facts: ElectionFacts, party: str, seats: int, votes: int, before: int, change: int
) -> None:
    """Seats and votes add up from the wards; change is measured against Seats Before."""
    tally = seed_facts.tally(party)
    assert tally is not None
    assert (tally.seats_won, tally.seats_after, tally.votes) == (seats, seats, votes)
    assert (tally.seats_before, tally.change) == (before, change)


@pytest.mark.parametrize(
    ("slot", "seats", "votes"),
    [(1, 27, 58_230), (2, 12, 43_462), (4, 11, 48_502), (5, 1, 3_098)],
)
def test_infobox_rows_agree_with_the_ward_results(
    seed_store: ResultsStore, seed_facts: ElectionFacts, slot: int, seats: int, votes: int
) -> None:
    """Each infobox row (slots 1, 2, 4, 5) states what the ward results add up to."""
    election = seed_store.elections[0]
    row = next(r for r in election.parties if r.slot == slot)
    tally = seed_facts.tally(seed_store.book.lookup(row.name).key)
    assert tally is not None
    assert (row.seats, row.popular_vote) == (seats, votes) == (tally.seats_won, tally.votes)


def test_unsigned_infobox_seat_change_is_not_used(
    seed_store: ResultsStore, seed_facts: ElectionFacts
) -> None:
    """The infobox says Seat Change 2 for Labour (unsigned); the answer is -2, from Seats Before."""
    labour_row = seed_store.elections[0].parties[0]
    assert labour_row.seat_change == 2
    tally = seed_facts.tally("labour")
    assert tally is not None and tally.change == -2


def test_labour_controls_with_26_needed(seed_facts: ElectionFacts) -> None:
    """51 seats, 26 for a majority, Labour holds 27."""
    assert seed_facts.council_size == 51
    assert seed_facts.majority_threshold == 26
    assert seed_facts.control == "labour"


def test_summary_answer_states_control_change_baseline_and_totals(seed_store: ResultsStore) -> None:
    """/summary: Labour majority, 26 needed, the change baseline and the seat table."""
    answer = run_text(seed_store, "/summary")
    assert isinstance(answer, SummaryAnswer)
    assert answer.control_text == "Labour majority"
    assert answer.majority_threshold == 26
    assert "Seats Before" in answer.change_baseline
    assert [(r.short, r.seats_won, r.change) for r in answer.rows] == [
        ("Lab", 27, -2),
        ("LD", 12, 6),
        ("Con", 11, 3),
        ("Ind", 1, 0),
    ]
    assert answer.total_votes == 58_230 + 43_462 + 48_502 + 3_098
    assert answer.split_wards == ("Boulton", "Chellaston")
    assert answer.closest[0].ward == "Boulton"
    assert answer.election.source == "2002_derby_city_council_election.txt"


def test_ward_shares_state_the_rule(seed_store: ResultsStore) -> None:
    """A ward's shares are of all votes cast there, and say each voter had three votes."""
    answer = run_text(seed_store, "/ward Boulton")
    assert isinstance(answer, WardAnswer)
    assert answer.share_rule == (
        "share of all votes cast in the ward; each voter could cast up to 3 votes"
    )
    assert answer.total_votes == 9_340
    allen = next(c for c in answer.candidates if c.name == "Ronald Allen")
    assert allen.share == pytest.approx(100 * 1144 / 9340)
    assert sum(c.share or 0 for c in answer.candidates) == pytest.approx(100.0)


def test_party_shares_state_the_rule(seed_store: ResultsStore) -> None:
    """A party's share is of every vote cast across the wards, and says so."""
    answer = run_text(seed_store, "/party labour")
    assert isinstance(answer, PartyAnswer)
    assert "share of all votes cast across the wards" in answer.share_rule
    assert answer.vote_share == pytest.approx(100 * 58_230 / 153_292)
    assert answer.controls
    assert answer.change == -2
