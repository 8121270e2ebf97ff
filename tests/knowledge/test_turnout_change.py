"""Turnout against the previous election, ward by ward (knowledge.history.turnout)."""

from __future__ import annotations

from questions_eval_documents import eval_store

from knowledge.history.turnout import TurnoutChange, turnout_change


def test_a_by_election_is_not_the_contest_turnout_is_compared_with() -> None:
    """Trumpington's by-election of August 2022 drew 27.3%: its 2026 turnout (41.1%) is set
    against the May 2022 contest, which gives ballots but no percentage, so nothing compares."""
    found = turnout_change(eval_store("articles"), "cambridge-2026", ("Trumpington",))
    assert isinstance(found, str) and "Trumpington" in found


def test_percentages_are_compared_where_both_contests_give_them() -> None:
    found = turnout_change(eval_store("articles"), "burnley-2026")
    assert isinstance(found, TurnoutChange) and found.basis == "percent"
    assert (len(found.wards), found.rose, found.fell, found.without) == (15, 15, 0, 0)
    assert round(found.before, 1) == 31.0 and round(found.now, 1) == 39.1
    bank_hall = next(w for w in found.wards if w.ward == "Bank Hall")
    assert (bank_hall.before, bank_hall.now, bank_hall.since.id) == (31.2, 37.6, "burnley-2022")


def test_ballots_are_compared_when_an_election_gives_no_percentages() -> None:
    """Cambridge 2022 gives ballots cast only: 11 wards have ballots in both elections."""
    found = turnout_change(eval_store("articles"), "cambridge-2026")
    assert isinstance(found, TurnoutChange) and found.basis == "ballots"
    assert (len(found.wards), found.rose, found.fell) == (11, 9, 2)
    assert found.now == sum(w.now for w in found.wards)


def test_one_election_of_a_council_has_nothing_to_compare() -> None:
    assert turnout_change(eval_store("seed"), "derby-2002") == (
        "No earlier election of Derby City Council is loaded."
    )
