"""Several elections in one store: which one answers, and which others are mentioned."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge import ResultsStore, run_text, suggest
from knowledge.answers import (
    AmbiguousAnswer,
    CandidateAnswer,
    ElectionsAnswer,
    NotFoundAnswer,
    PartyAnswer,
    SummaryAnswer,
    WardAnswer,
)

StoreBuilder = Callable[..., ResultsStore]

SEED = Path(__file__).resolve().parents[2] / "data/elections/2002_derby_city_council_election.txt"

THIRDS_2003 = """\
= 2003 Derby City Council election =
Infobox
- Seats For Election: 3 of 51 seats to Derby City Council
- Majority Seats: 26
- Election Date: 1 May 2003
- Party1: Labour Party (UK)
- Seats Before1: 27
- Seats After1: 26
- Party2: Liberal Democrats (UK)
- Seats Before2: 12
- Seats After2: 13
- Party3: Conservative Party (UK)
- Seats Before3: 11
- Seats After3: 11
- Party4: Independent (politician)
- Seats Before4: 1
- Seats After4: 1

==Ward results==
===Littleover===
  - Littleover**
- Lucy Care (Liberal Democrats (UK)): 2,500 votes
- Newcomer Nora (Conservative Party (UK)): 800 votes
===Abbey===
  - Abbey**
- Maurice Burgess (Liberal Democrats (UK)): 1,400 votes
- Michael Fuller (Labour Party (UK)): 1,300 votes
===Allestree===
  - Allestree**
- Roy Webb (Conservative Party (UK)): 2,400 votes
- Paula Fresh (Labour Party (UK)): 900 votes
"""

BY_ELECTION_2004 = """\
= 2004 Darley by-election =
==Result==
===Darley===
  - Darley by-election**
- Martin Repton (Labour Party (UK)): 1,200 votes
- Byron Late (Conservative Party (UK)): 1,100 votes
"""


@pytest.fixture(scope="module")
def three(make_store: StoreBuilder) -> ResultsStore:
    """Derby 2002 (whole council), 2003 (three seats) and a 2004 Darley by-election."""
    return make_store(
        ("2004_darley_by_election.txt", BY_ELECTION_2004),
        (SEED.name, SEED.read_text(encoding="utf-8")),
        ("2003_derby_city_council_election.txt", THIRDS_2003),
    )


def test_elections_are_ordered_oldest_to_newest(three: ResultsStore) -> None:
    """Whatever order the files come in, the store orders them by date."""
    assert [e.id for e in three.elections] == [
        "derby-2002",
        "derby-2003",
        "darley-by-election-2004",
    ]
    assert three.latest is not None and three.latest.id == "darley-by-election-2004"
    assert three.errors == [] and three.warnings == []


def test_elections_command_lists_newest_first_and_flags_the_latest(three: ResultsStore) -> None:
    """/elections: newest first, the latest flagged, counts per election."""
    answer = run_text(three, "/elections")
    assert isinstance(answer, ElectionsAnswer)
    assert [(r.ref.id, r.kind, r.wards, r.seats, r.latest) for r in answer.elections] == [
        ("darley-by-election-2004", "by-election", 1, 1, True),
        ("derby-2003", "council", 3, 3, False),
        ("derby-2002", "council", 17, 51, False),
    ]


def test_summary_defaults_to_the_most_recent_election(three: ResultsStore) -> None:
    """/summary with no election is about the newest document."""
    answer = run_text(three, "/summary")
    assert isinstance(answer, SummaryAnswer)
    assert answer.election.id == "darley-by-election-2004"


@pytest.mark.parametrize(
    ("command", "answered_from", "others"),
    [
        ("/ward Littleover", "derby-2003", ["derby-2002"]),
        ("/ward Boulton", "derby-2002", []),
        ("/ward Darley", "darley-by-election-2004", ["derby-2002"]),
        ("/ward Littleover election:derby-2002", "derby-2002", ["derby-2003"]),
        ("/ward Littleover election:2002", "derby-2002", ["derby-2003"]),
        ("/candidate Lucy Care", "derby-2003", ["derby-2002"]),
        ("/candidate Ronald Allen", "derby-2002", []),
        ("/candidate Newcomer Nora", "derby-2003", []),
        ("/candidate martin repton", "darley-by-election-2004", ["derby-2002"]),
        ("/candidate lucy care election:derby-2002", "derby-2002", ["derby-2003"]),
        ("/party labour", "darley-by-election-2004", ["derby-2003", "derby-2002"]),
        ("/party lib dems", "derby-2003", ["derby-2002"]),
        ("/party independent", "derby-2002", []),
        (
            "/party labour election:derby-2002",
            "derby-2002",
            ["darley-by-election-2004", "derby-2003"],
        ),
    ],
)
def test_name_answers_from_the_most_recent_election_that_has_it(
    three: ResultsStore, command: str, answered_from: str, others: list[str]
) -> None:
    """One election has it: that one. Several: the newest, with the others listed."""
    answer = run_text(three, command)
    assert isinstance(answer, WardAnswer | CandidateAnswer | PartyAnswer), answer
    assert answer.election.id == answered_from
    assert [e.id for e in answer.other_elections] == others


def test_candidate_lists_their_other_candidacies(three: ResultsStore) -> None:
    """Lucy Care's 2003 answer mentions her 2002 Littleover result too."""
    answer = run_text(three, "/candidate lucy care")
    assert isinstance(answer, CandidateAnswer)
    assert answer.candidate.votes == 2500
    assert [(c.election.id, c.ward, c.votes, c.elected) for c in answer.elsewhere] == [
        ("derby-2002", "Littleover", 2695, True)
    ]


def test_ward_missing_from_the_named_election_is_not_found_there(three: ResultsStore) -> None:
    """Boulton was not contested in 2003: not found in derby-2003, not the 2002 result."""
    answer = run_text(three, "/ward Boulton election:derby-2003")
    assert isinstance(answer, NotFoundAnswer)
    assert answer.what == "ward"
    assert "derby-2003" in answer.message


def test_unknown_election_option_is_not_found(three: ResultsStore) -> None:
    """An election nobody loaded: not found, pointing at /elections."""
    answer = run_text(three, "/ward Littleover election:leeds-1999")
    assert isinstance(answer, NotFoundAnswer)
    assert answer.what == "election"


@pytest.mark.parametrize(
    ("query", "election"),
    [
        ("derby-2002", "derby-2002"),
        ("DERBY-2003", "derby-2003"),
        ("2003", "derby-2003"),
        ("derby 2002", "derby-2002"),
        ("darley by-election", "darley-by-election-2004"),
        ("2004", "darley-by-election-2004"),
    ],
)
def test_election_resolves_from_id_year_or_name(
    three: ResultsStore, query: str, election: str
) -> None:
    """Users may name an election by id, year, or council and year."""
    resolution = three.resolve_election(query)
    assert resolution.status == "ok", resolution
    assert resolution.best is not None and resolution.best.key == election


def test_council_name_alone_is_ambiguous_between_its_elections(three: ResultsStore) -> None:
    """ "Derby" fits 2002 and 2003: the user is asked which."""
    resolution = three.resolve_election("derby city council")
    assert resolution.status == "ambiguous"
    assert {m.key for m in resolution.matches} == {"derby-2002", "derby-2003"}


@pytest.mark.parametrize(
    ("kind", "election", "expected"),
    [
        ("ward", "derby-2003", ["Abbey", "Allestree", "Littleover"]),
        ("ward", "darley-by-election-2004", ["Darley"]),
        ("candidate", "darley-by-election-2004", ["Byron Late", "Martin Repton"]),
    ],
)
def test_suggest_within_an_election_offers_only_its_names(
    three: ResultsStore, kind: str, election: str, expected: list[str]
) -> None:
    """Autocomplete scoped to one election, including on empty input."""
    choices = suggest(three, kind, "", election=election)  # type: ignore[arg-type]
    assert sorted(c.value for c in choices) == expected


def test_suggest_candidate_in_an_election_shows_that_elections_ward(three: ResultsStore) -> None:
    """Martin Repton's choice in the by-election says Darley (his ward there)."""
    (choice,) = suggest(three, "candidate", "repton", election="darley-by-election-2004")
    assert choice.label == "Martin Repton — Darley (Labour)"


def test_same_title_twice_gets_distinct_ids(make_store: StoreBuilder) -> None:
    """Two documents with one title both load; the later one's id gets a suffix."""
    store = make_store(("a.txt", BY_ELECTION_2004), ("b.txt", BY_ELECTION_2004))
    assert sorted(e.id for e in store.elections) == [
        "darley-by-election-2004",
        "darley-by-election-2004-2",
    ]
    assert all(
        run_text(store, f"/summary election:{e.id}").kind == "summary" for e in store.elections
    )


@pytest.mark.parametrize("command", ["summary", "closest", "ward", "candidate", "party"])
def test_ambiguous_election_option_asks_which_for_the_same_command(
    three: ResultsStore, command: str
) -> None:
    """`election:derby city council` fits two elections: the options, and the command to rerun."""
    answer = run_text(three, f"/{command} Littleover election:derby city council")
    assert isinstance(answer, AmbiguousAnswer)
    assert (answer.what, answer.command) == ("election", command)
    assert {o.key for o in answer.options} == {"derby-2002", "derby-2003"}


def test_a_candidate_who_stood_many_times_is_listed_as_the_full_record_would_list_them(
    document: Callable[..., str], make_store: Callable[..., ResultsStore]
) -> None:
    """Fifteen elections, two wards in one of them: whichever election is asked about, the
    candidacies listed and the counts of the rest are those of the person's whole record."""
    from knowledge import compose

    documents = []
    for year in range(2001, 2016):
        wards = [("Northfield", 1, [("Pat Stand", "Labour Party (UK)", 500 + year)])]
        if year in (2004, 2012):
            wards.append(("Southfield", 1, [("Pat Stand", "Green Party", 90 + year)]))
        wards[0][2].append(("Kim Other", "Green Party", 100))
        text = document(f"{year} Testham Council election", wards)
        documents.append((f"testham_{year}.txt", text))
    store = make_store(*documents)
    everything = store.candidate_refs("pat stand")
    assert len(everything) == 17
    for ref in everything:
        record = store.candidate_record("pat stand", ref.election_id, compose.MAX_LISTED)
        assert record.candidacies == 17
        answer = compose.candidate_answer(store, ref, record)
        assert answer is not None
        others = [r for r in everything if r != ref]
        assert [(c.election.id, c.ward) for c in answer.elsewhere] == [
            (r.election_id, r.ward) for r in others[: compose.MAX_LISTED]
        ]
        assert answer.more_elsewhere == len(others) - compose.MAX_LISTED
        other_ids = list(dict.fromkeys(r.election_id for r in everything))
        other_ids.remove(ref.election_id)
        assert [e.id for e in answer.other_elections] == other_ids[: compose.MAX_LISTED]
        assert answer.more_elections == len(other_ids) - compose.MAX_LISTED
