"""The variants of the document grammar that the election-page family carries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, parse_document, run_text
from knowledge.answers import PartyAnswer, SummaryAnswer, WardAnswer
from knowledge.lines import split_candidate
from knowledge.parties import NEUTRAL_COLOUR

DocumentBuilder = Callable[..., str]
StoreBuilder = Callable[..., ResultsStore]
LAB = "Labour Party (UK)"
CON = "Conservative Party (UK)"
LD = "Liberal Democrats (UK)"

ONE_SEAT = """\
= 2004 Testshire District Council election =

==Results==
===Hilltop===
  - Hilltop**
- Ann Able (Labour Party (UK)): 900 votes
- Bob Baker (Conservative Party (UK)): 488 votes
- Majority: 412
- Turnout: 3,104 (28.4%)
- Registered electors: 10,927
- Labour Party (UK) hold
===Valley===
  - Valley**
- Cat Cole (Liberal Democrats (UK)): 700 votes
- Dan Dunn (Labour Party (UK)): 650 votes
- Majority: 50 votes (3.7%)
- Turnout: 27.1%
- Liberal Democrats (UK) gain from Labour Party (UK)
"""


def test_contest_line_without_seat_count_is_one_seat() -> None:
    """`- Hilltop**` with no `(N)` elects one councillor."""
    election = parse_document(ONE_SEAT, "one.txt")
    assert [(c.ward, c.seats) for c in election.contests] == [("Hilltop", 1), ("Valley", 1)]
    assert election.warnings == ()


@pytest.mark.parametrize(
    ("ward", "field", "value"),
    [
        ("Hilltop", "stated_majority", 412),
        ("Hilltop", "turnout", 3104),
        ("Hilltop", "turnout_percent", 28.4),
        ("Hilltop", "electorate", 10927),
        ("Hilltop", "outcomes", ("Labour Party (UK) hold",)),
        ("Valley", "stated_majority", 50),
        ("Valley", "turnout", None),
        ("Valley", "turnout_percent", 27.1),
        ("Valley", "outcomes", ("Liberal Democrats (UK) gain from Labour Party (UK)",)),
    ],
)
def test_lines_after_the_candidates_are_read(ward: str, field: str, value: object) -> None:
    """Majority, Turnout (with or without a count), Registered electors, hold and gain lines."""
    election = parse_document(ONE_SEAT, "one.txt")
    contest = next(c for c in election.contests if c.ward == ward)
    assert getattr(contest, field) == value


def test_stated_majority_is_kept_apart_from_the_derived_one(make_store: StoreBuilder) -> None:
    """The typed-in majority is shown as stated; the derived majority comes from the votes."""
    text = ONE_SEAT.replace("- Majority: 412", "- Majority: 400")
    facts = make_store(text).facts("testshire-2004")
    hilltop = facts.contest("Hilltop")
    assert hilltop is not None
    assert (hilltop.stated_majority, hilltop.majority) == (400, 412)


BY_ELECTION = """\
= 2005 Littleover by-election =

A by-election was held after the death of a councillor.

==Result==
===Littleover===
  - Littleover by-election 5 May 2005**
- Mary Major (Liberal Democrats (UK)): 1,900 votes
- Neil Minor (Conservative Party (UK)): 1,100 votes
- Oscar Other (Labour Party (UK)): 600 votes
- Majority: 800
- Liberal Democrats (UK) hold
"""


def test_by_election_is_one_contest_and_not_a_whole_council(make_store: StoreBuilder) -> None:
    """A by-election document: kind by-election, one contest, no council control claimed."""
    store = make_store(BY_ELECTION)
    (election,) = store.elections
    assert election.kind == "by-election"
    assert election.id == "littleover-by-election-2005"
    assert [(c.ward, c.by_election) for c in election.contests] == [("Littleover", True)]
    facts = store.facts(election.id)
    assert not facts.whole_council
    assert facts.control is None
    summary = run_text(store, "/summary")
    assert isinstance(summary, SummaryAnswer)
    assert summary.control_text == "Control not known"


def thirds_document(document: DocumentBuilder) -> str:
    """17 of 51 seats up; Seats After gives the council afterwards."""
    wards = []
    for number in range(17):
        winner = (LD if number < 8 else CON if number < 12 else LAB, 1000)
        loser = (LAB if winner[0] != LAB else CON, 900)
        wards.append(
            (
                f"Ward {chr(65 + number)}",
                None,
                [
                    (f"Winner {chr(65 + number)}", winner[0], winner[1]),
                    (f"Loser {chr(65 + number)}", loser[0], loser[1]),
                ],
            )
        )
    infobox = {
        "Seats For Election": "17 of 51 seats to Testford City Council",
        "Majority Seats": 26,
        "Election Date": "1 May 2003",
        "Party1": LAB,
        "Seats Before1": 27,
        "Seats1": 5,
        "Seats After1": 24,
        "Popular Vote1": f"{5 * 1000 + 12 * 900:,}",
        "Party2": LD,
        "Seats Before2": 12,
        "Seats2": 8,
        "Seats After2": 15,
        "Popular Vote2": f"{8 * 1000 + 0:,}",
        "Party3": CON,
        "Seats Before3": 12,
        "Seats3": 4,
        "Seats After3": 12,
        "Popular Vote3": f"{4 * 1000 + 5 * 900:,}",
    }
    return document("2003 Testford City Council election", wards, infobox)


def test_thirds_keeps_seats_won_apart_from_council_after(
    document: DocumentBuilder, make_store: StoreBuilder
) -> None:
    """17 of 51 seats: seats won this time differ from the council's make-up afterwards."""
    store = make_store(thirds_document(document))
    assert store.warnings == []
    facts = store.facts("testford-2003")
    assert facts.seats_contested == 17
    assert not facts.whole_council
    assert facts.council_size == 51
    assert "Seats After" in facts.composition_basis
    rows = {
        t.party.key: (t.seats_won, t.seats_before, t.seats_after, t.change) for t in facts.parties
    }
    assert rows == {
        "labour": (5, 27, 24, -3),
        "libdem": (8, 12, 15, +3),
        "conservative": (4, 12, 12, 0),
    }
    assert facts.control is None
    summary = run_text(store, "/summary")
    assert isinstance(summary, SummaryAnswer)
    assert summary.control_text == "No overall control"
    assert summary.seats_contested == 17


def test_thirds_without_seats_after_claims_no_control(
    document: DocumentBuilder, make_store: StoreBuilder
) -> None:
    """Without Seats After the council's make-up is unknown, so control is not guessed."""
    text = "\n".join(
        line for line in thirds_document(document).splitlines() if "Seats After" not in line
    )
    facts = make_store(text).facts("testford-2003")
    assert facts.council_size is None
    assert facts.control is None
    assert all(t.change is None for t in facts.parties)


def test_infobox_party_slots_may_have_gaps() -> None:
    """Party1, Party2, Party4: slot numbers are kept and nothing is shifted."""
    text = """\
= 2006 Gapton Borough Council election =
Infobox
- Party1: Labour Party (UK)
- Seats1: 1
- Party4: Conservative Party (UK)
- Seats4: 1
- Popular Vote4: 300

==Results==
===North===
  - North**
- A (Labour Party (UK)): 500 votes
- B (Conservative Party (UK)): 400 votes
===South===
  - South**
- C (Conservative Party (UK)): 300 votes
- D (Labour Party (UK)): 200 votes
"""
    election = parse_document(text, "gaps.txt")
    assert [(p.slot, p.name, p.seats) for p in election.parties] == [
        (1, LAB, 1),
        (4, CON, 1),
    ]


UNKNOWN_PARTY = """\
= 2007 Oddtown Town Council election =
==Results==
===Market (2)===
  - Market (2)**
- Pat Quirk (Save Oddtown Hospital): 800 votes
- Sam Quill (Save Oddtown Hospital): 700 votes
- Tim True (Labour Party (UK)): 650 votes
"""


def test_unknown_party_works_with_its_written_name_in_grey(make_store: StoreBuilder) -> None:
    """A party missing from parties.toml is shown as written, in the neutral colour."""
    store = make_store(UNKNOWN_PARTY)
    ward = run_text(store, "/ward market")
    assert isinstance(ward, WardAnswer)
    quirk = ward.candidates[0]
    assert (quirk.party, quirk.colour) == ("Save Oddtown Hospital", NEUTRAL_COLOUR)
    assert ward.colour == NEUTRAL_COLOUR
    party = run_text(store, "/party save oddtown hospital")
    assert isinstance(party, PartyAnswer)
    assert (party.party, party.known, party.seats_won, party.colour) == (
        "Save Oddtown Hospital",
        False,
        2,
        NEUTRAL_COLOUR,
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ann Able (Labour Party (UK)): 900 votes", ("Ann Able", LAB, "900 votes")),
        (
            "Jo Bloggs (Independent (politician) (Save Our Hospital)): 5 votes",
            ("Jo Bloggs", "Independent (politician) (Save Our Hospital)", "5 votes"),
        ),
        (
            "John (Jack) Smith (Labour Party (UK)): 1,234 votes",
            ("John (Jack) Smith", LAB, "1,234 votes"),
        ),
        ("Solo Person (Independent): Unopposed", ("Solo Person", "Independent", "Unopposed")),
        ("No Party Here: 12 votes", None),
    ],
)
def test_candidate_party_is_the_balanced_group_before_the_colon(
    line: str, expected: tuple[str, str, str] | None
) -> None:
    """Names and parties may contain parentheses; the party is the group that ends at `):`."""
    assert split_candidate(line) == expected


def test_candidate_with_nested_parentheses_in_the_party_loads(make_store: StoreBuilder) -> None:
    """`(Independent (politician) (Save Our Hospital))` is one party, and the votes count."""
    text = UNKNOWN_PARTY.replace(
        "Pat Quirk (Save Oddtown Hospital)",
        "Pat Quirk (Independent (politician) (Save Our Hospital))",
    )
    store = make_store(text)
    contest = store.facts(store.elections[0].id).contests[0]
    quirk = contest.standings[0]
    assert (quirk.name, quirk.party.display, quirk.votes) == (
        "Pat Quirk",
        "Independent (politician) (Save Our Hospital)",
        800,
    )


@pytest.mark.parametrize(
    ("written", "votes"),
    [
        ("1,512 votes", 1512),
        ("1512", 1512),
        ("1,512 (45.2%)", 1512),
        ("1,512 votes (45.2%)", 1512),
        ("Unopposed", None),
        ("elected unopposed", None),
    ],
)
def test_vote_counts_are_read_in_their_written_forms(written: str, votes: int | None) -> None:
    """Thousands separators, a trailing share, and Unopposed (no count)."""
    text = f"= 2008 Forms Council election =\n===Only===\n- A B (Labour Party (UK)): {written}\n"
    (contest,) = parse_document(text).contests
    assert contest.candidates[0].votes == votes


def test_contest_lines_without_ward_headings_start_contests() -> None:
    """`- Ward (N)**` lines alone (no `===Ward===`) each open a contest."""
    text = """\
= 2009 Plain Council election =
==Results==
  - East (2)**
- A (Labour Party (UK)): 3 votes
- B (Labour Party (UK)): 2 votes
- C (Conservative Party (UK)): 1 votes
  - West**
- D (Labour Party (UK)): 3 votes
- E (Conservative Party (UK)): 2 votes
"""
    election = parse_document(text)
    assert [(c.ward, c.seats, len(c.candidates)) for c in election.contests] == [
        ("East", 2, 3),
        ("West", 1, 2),
    ]


def test_sections_that_are_not_results_are_skipped() -> None:
    """Headings under Background or References do not become contests."""
    text = """\
= 2010 Prose Council election =
==Background==
===History===
Some history.
==Results==
===Town===
  - Town**
- A (Labour Party (UK)): 3 votes
- B (Conservative Party (UK)): 2 votes
==References==
===Notes===
"""
    election = parse_document(text)
    assert [c.ward for c in election.contests] == ["Town"]


@pytest.mark.parametrize(
    "heading",
    [
        "===Littleover===\n  - Littleover by-election 5 May 2005**",
        "===Littleover by-election===\n  - Littleover by-election**",
        "  - Littleover by-election, 5 May 2005**",
        "===Littleover By-Election (1)===",
    ],
)
def test_by_election_heading_names_its_ward(heading: str) -> None:
    """However the heading is written, the contest is the ward Littleover, a by-election."""
    text = f"= 2005 Littleover by-election =\n==Result==\n{heading}\n- A (Labour Party (UK)): 5\n"
    (contest,) = parse_document(text).contests
    assert (contest.ward, contest.seats, contest.by_election) == ("Littleover", 1, True)
