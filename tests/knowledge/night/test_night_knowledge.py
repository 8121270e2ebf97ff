"""Election night, pure: DC pages -> declarations, merging polls, the running summary."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from knowledge import PartyBook, ResultsStore
from knowledge.night import (
    ExpectedContest,
    FollowedElection,
    merge,
    night_document,
    night_summary,
    parse_ballots_page,
    parse_results_page,
    race_lines,
    ward_from_ballot,
)
from knowledge.night.summary import progress_line, winners

TESTS = Path(__file__).resolve().parents[2]
if str(TESTS) not in sys.path:  # the fake API's JSON builders live in tests/fakes
    sys.path.insert(0, str(TESTS))

from fakes.democracyclub_results_api import ballot, result  # noqa: E402

FIXTURE = (
    Path(__file__).parent
    / "fixtures"
    / "democracyclub-api-v0.9-result_set-local.sheffield.ecclesall.2021-05-06.json.txt"
)


def next_shape(v09: dict[str, Any]) -> dict[str, Any]:
    """A v0.9 result set as the `/api/next/` serializers render the same data."""
    rows = [
        {
            "person": {"name": row["membership"]["person"]["name"]},
            "party": {"name": row["membership"]["on_behalf_of"]["name"]},
            "num_ballots": row["num_ballots"],
            "elected": row["membership"]["elected"],
        }
        for row in sorted(v09["candidate_results"], key=lambda r: -r["num_ballots"])
    ]
    percentage = v09["turnout_percentage"]
    return {
        "ballot": {"ballot_paper_id": v09["ballot_paper_id"]},
        "candidate_results": rows,
        "num_turnout_reported": v09["num_turnout_reported"],
        "turnout_percentage": None if percentage is None else f"{percentage:.2f}",
        "num_spoilt_ballots": v09["num_spoilt_ballots"],
        "total_electorate": v09["total_electorate"],
        "source": None,
    }


@pytest.fixture(scope="session")
def sheffield_ecclesall() -> dict[str, Any]:
    """The real Ecclesall 2021 result in the `/api/next/results/` shape (line 1 is attribution)."""
    body = FIXTURE.read_text(encoding="utf-8").split("\n", 1)[1]
    return next_shape(json.loads(body))


ELECTION = "local.testshire.2026-05-07"


def page(*results: dict[str, Any], following: str | None = None) -> dict[str, Any]:
    return {"count": len(results), "next": following, "previous": None, "results": list(results)}


def bid(ward: str) -> str:
    return f"local.testshire.{ward}.2026-05-07"


def one_seat(ward: str, winner: str, runner: str, votes: tuple[int, int] = (900, 600)) -> Any:
    return result(
        bid(ward),
        [("Ann " + ward, winner, votes[0], True), ("Bob " + ward, runner, votes[1], False)],
        turnout=votes[0] + votes[1] + 10,
        turnout_percentage="31.40",
        electorate=5000,
    )


def test_real_result_parses_with_stated_winner(sheffield_ecclesall: dict[str, Any]) -> None:
    """Ecclesall 2021: the Lib Dem stated elected, others null, turnout percentage a string."""
    parsed = parse_results_page(page(sheffield_ecclesall))
    (declaration,) = parsed.declarations
    assert declaration.ward == "Ecclesall"
    assert declaration.winners_stated
    assert declaration.contest.seats == 1
    assert declaration.contest.turnout_percent == 54.0
    assert [c.votes for c in declaration.contest.candidates][:2] == [2904, 2168]
    names = [name for name, _ in winners(declaration, PartyBook.empty())]
    assert names == ["Roger Noel Davison"]


def test_null_elected_means_top_n_by_votes_flagged_not_stated(party_book: PartyBook) -> None:
    """With every `elected` null, winners are the top N by votes and the summary says so."""
    expected = [ExpectedContest(ballot_paper_id=bid("north"), ward="North", seats=2)]
    found = result(
        bid("north"),
        [
            ("A", "Labour Party", 500, None),
            ("B", "Labour Party", 400, None),
            ("C", "Green Party", 300, None),
        ],
    )
    (declaration,) = parse_results_page(page(found), expected).declarations
    assert not declaration.winners_stated
    assert declaration.contest.seats == 2
    assert [n for n, _ in winners(declaration, party_book)] == ["A", "B"]
    followed = FollowedElection(election_id=ELECTION, title="T", expected=tuple(expected))
    followed, _ = merge(followed, [declaration])
    assert night_summary(followed, party_book).winners_not_stated == ("North",)


def test_bad_result_is_skipped_not_fatal() -> None:
    """A result without candidates is left out with a reason; the rest of the page is read."""
    bad = {"ballot": {"ballot_paper_id": bid("x")}, "candidate_results": []}
    parsed = parse_results_page(page(bad, one_seat("y", "Labour Party", "Green Party")))
    assert [d.ward for d in parsed.declarations] == ["Y"]
    assert parsed.skipped and "no candidate_results" in parsed.skipped[0]
    with pytest.raises(ValueError):
        parse_results_page({"detail": "Request was throttled."})


@pytest.mark.parametrize(
    ("ballot_id", "ward"),
    [
        ("local.derby.littleover-north.2026-05-07", "Littleover North"),
        ("local.derby.abbey.by.2026-05-07", "Abbey"),
        ("local.derby.abbey", "Abbey"),
    ],
)
def test_ward_name_from_ballot_id(ballot_id: str, ward: str) -> None:
    """Without a ballot list, the ward name is read from the ballot paper id."""
    assert ward_from_ballot(ballot_id) == ward


def test_ballots_page_gives_wards_and_seats() -> None:
    """The ballots list names each ward (post label) and its seats (winner count)."""
    parsed = parse_ballots_page(page(ballot(bid("st-johns"), "St John's", 3)))
    assert parsed.ballots == (
        ExpectedContest(ballot_paper_id=bid("st-johns"), ward="St John's", seats=3),
    )


def test_merge_tells_new_unchanged_and_corrected() -> None:
    """A re-poll of the same result is unchanged; other votes are a correction, kept in place."""
    first = parse_results_page(
        page(
            one_seat("a", "Labour Party", "Green Party"),
            one_seat("b", "Green Party", "Labour Party"),
        )
    ).declarations
    followed, changes = merge(FollowedElection(election_id=ELECTION, title="T"), first)
    assert [c.kind for c in changes] == ["new", "new"]
    again = parse_results_page(
        page(
            one_seat("a", "Labour Party", "Green Party"),
            one_seat("b", "Green Party", "Labour Party", (950, 600)),
        )
    ).declarations
    followed, changes = merge(followed, again)
    assert [c.kind for c in changes] == ["unchanged", "corrected"]
    corrected = changes[1]
    assert corrected.previous is not None
    assert corrected.previous.content_hash != corrected.declaration.content_hash
    assert [d.ward for d in followed.declared] == ["A", "B"]
    assert followed.declared[1].contest.candidates[0].votes == 950


def _night(party_book: PartyBook, wins: list[str], wards: int = 9) -> Any:
    expected = tuple(
        ExpectedContest(ballot_paper_id=bid(f"w{n}"), ward=f"W{n}") for n in range(wards)
    )
    declarations = parse_results_page(
        page(*(one_seat(f"w{n}", party, "Reform UK") for n, party in enumerate(wins))), expected
    ).declarations
    followed, _ = merge(
        FollowedElection(election_id=ELECTION, title="T", expected=expected), declarations
    )
    return night_summary(followed, party_book)


def test_race_names_what_each_contender_needs(party_book: PartyBook) -> None:
    """9 seats, majority 5: Labour with 1 needs 4 of the 8 undeclared; control not called."""
    summary = _night(party_book, ["Labour Party"])
    assert summary.majority == 5 and summary.undeclared_seats == 8
    assert not summary.certain
    assert "Labour needs 4 of the 8 undeclared seats." in race_lines(summary)
    assert progress_line(summary) == "1 of 9 wards declared (1 of 9 seats)"


def test_control_called_once_mathematically_certain(party_book: PartyBook) -> None:
    """Five Labour seats of nine is a majority before the rest declare."""
    summary = _night(party_book, ["Labour Party"] * 4 + ["Green Party"])
    assert summary.control is None
    summary = _night(party_book, ["Labour Party"] * 5)
    assert summary.control == "labour" and not summary.final
    assert any("has won control" in line for line in race_lines(summary))


def test_no_overall_control_once_nobody_can_reach(party_book: PartyBook) -> None:
    """4 Labour, 4 Green of 9, 1 left: nobody can reach 5? Labour can; a split 3-3-2 cannot."""
    assert not _night(party_book, ["Labour Party"] * 4 + ["Green Party"] * 4).no_overall_control
    split = ["Labour Party"] * 3 + ["Green Party"] * 3 + ["Conservative Party"] * 2
    summary = _night(party_book, split)
    assert summary.no_overall_control and summary.certain


def test_final_when_every_ballot_declared(party_book: PartyBook) -> None:
    """The summary is final only when every expected ballot has declared."""
    assert not _night(party_book, ["Labour Party"] * 8).final
    assert _night(party_book, ["Labour Party"] * 9).final


def test_council_by_thirds_counts_continuing_seats(party_book: PartyBook) -> None:
    """With seats not up tonight, the majority is of the whole council."""
    expected = (ExpectedContest(ballot_paper_id=bid("a"), ward="A"),)
    followed = FollowedElection(
        election_id=ELECTION,
        title="T",
        expected=expected,
        council_size=9,
        continuing=(("Labour Party", 4),),
    )
    summary = night_summary(followed, party_book)
    assert summary.majority == 5
    assert "Labour needs 1 of the 1 undeclared seat." in race_lines(summary)


def test_document_round_trips_through_the_reader(party_book: PartyBook) -> None:
    """The night's document is read back by the ordinary `.txt` reader with the same votes."""
    declarations = parse_results_page(
        page(
            one_seat("a", "Labour Party", "Green Party"),
            one_seat("b", "Green Party", "Labour Party"),
        )
    ).declarations
    followed, _ = merge(
        FollowedElection(
            election_id=ELECTION, title="2026 Testshire Council election", council_size=2
        ),
        declarations,
    )
    text = night_document(followed)
    store = ResultsStore.from_texts([("live.txt", text)], party_book)
    assert not store.errors
    (election,) = store.elections
    assert [c.ward for c in election.contests] == ["A", "B"]
    assert election.contests[0].candidates[0].votes == 900
    assert election.contests[0].turnout_percent == pytest.approx(31.4)


def test_loaded_election_gives_ballots_and_declarations(seed_store: ResultsStore) -> None:
    """The seed as a count: 17 wards of 3 seats, all declared; DC ballot ids from the ward."""
    from knowledge.night.loaded import dc_ballot, declarations_from, expected_from

    election = seed_store.election("derby-2002")
    assert election is not None
    expected = expected_from(election, "local.derby.2002-05-02")
    assert len(expected) == 17 and sum(e.seats for e in expected) == 51
    assert expected[0].ballot_paper_id == "local.derby.abbey.2002-05-02"
    assert dc_ballot("local.derby.2002-05-02", "Littleover North") == (
        "local.derby.littleover-north.2002-05-02"
    )
    assert dc_ballot("derby-2002", "Abbey") is None
    declared = declarations_from(election)
    assert len(declared) == 17 and all(d.contest.seats == 3 for d in declared)
    followed, _ = merge(
        FollowedElection(
            election_id="derby-2002", title=election.title, expected=expected_from(election)
        ),
        declared,
    )
    summary = night_summary(followed, seed_store.book)
    assert summary.final and summary.control == "labour"


def test_undeclared_wards_of_a_document_are_not_declarations(party_book: PartyBook) -> None:
    """A ward listing candidates without votes (before its count) is expected, not declared."""
    from knowledge.night.loaded import declarations_from, expected_from

    text = night_document(
        merge(
            FollowedElection(election_id=ELECTION, title="2026 Testshire Council election"),
            parse_results_page(page(one_seat("a", "Labour Party", "Green Party"))).declarations,
        )[0]
    )
    text += "===B===\n\n  - B**\n\n- Cat (Labour Party)\n- Dan (Green Party)\n"
    (election,) = ResultsStore.from_texts([("t.txt", text)], party_book).elections
    assert [e.ward for e in expected_from(election)] == ["A", "B"]
    assert [d.ward for d in declarations_from(election)] == ["A"]
