"""A server's default council or election: parsing what a moderator typed, and applying it."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import PartyBook, ResultsStore
from knowledge.council_scope import Refused, Scope, apply_scope, choices, describe, parse_scope

PARTIES = Path(__file__).resolve().parents[2] / "data" / "parties.toml"
DERBY_2002 = (
    "= 2002 Derby City Council election =\n\n==Results==\n===Abbey===\n"
    "- A (Labour Party (UK)): 5 votes\n"
)
DERBY_2006 = (
    "= 2006 Derby City Council election =\n\n==Results==\n===Abbey===\n"
    "- B (Labour Party (UK)): 7 votes\n"
)
SHEFFIELD = (
    "= 2008 Sheffield City Council election =\n\n==Results==\n===Abbey===\n"
    "- C (Labour Party (UK)): 9 votes\n"
)


@pytest.fixture(scope="module")
def store() -> ResultsStore:
    return ResultsStore.from_texts(
        [("d2002.txt", DERBY_2002), ("d2006.txt", DERBY_2006), ("s2008.txt", SHEFFIELD)],
        PartyBook.from_toml(PARTIES),
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Derby", Scope("council", "derby")),
        ("derby city council", Scope("council", "derby")),
        ("  SHEFFIELD ", Scope("council", "sheffield")),
        ("derby-2002", Scope("election", "derby-2002")),
        ("council:sheffield", Scope("council", "sheffield")),
        ("election:derby-2006", Scope("election", "derby-2006")),
    ],
)
def test_a_council_or_election_is_recognised(
    store: ResultsStore, typed: str, expected: Scope
) -> None:
    assert parse_scope(store, typed) == expected


@pytest.mark.parametrize("typed", ["Atlantis", "", "council:atlantis"])
def test_something_not_loaded_is_refused_with_the_choices(store: ResultsStore, typed: str) -> None:
    refused = parse_scope(store, typed)
    assert isinstance(refused, Refused)
    assert "Derby" in refused.message or "e.g." in refused.message


def test_a_council_default_means_its_newest_election(store: ResultsStore) -> None:
    """Derby -> Derby 2006, for the commands that answer from one election."""
    derby = Scope("council", "derby")
    assert apply_scope(store, "ward", {"name": "Abbey", "election": None}, derby) == {
        "name": "Abbey",
        "election": "derby-2006",
    }
    assert "now the 2006 Derby City Council election" in describe(store, derby)


def test_a_named_election_and_unscoped_commands_are_left_alone(store: ResultsStore) -> None:
    derby = Scope("council", "derby")
    named = {"name": "Abbey", "election": "sheffield-2008"}
    assert apply_scope(store, "ward", named, derby) == named
    assert apply_scope(store, "elections", {}, derby) == {}
    assert apply_scope(store, "ward", {"name": "Abbey"}, None) == {"name": "Abbey"}
    gone = Scope("council", "atlantis")
    assert apply_scope(store, "ward", {"name": "Abbey"}, gone) == {"name": "Abbey"}
    assert "no longer loaded" in describe(store, gone)


def test_stored_text_round_trips_and_bad_text_is_refused() -> None:
    assert Scope.parse(str(Scope("election", "derby-2002"))) == Scope("election", "derby-2002")
    for bad in ("derby", "ward:abbey", "council:"):
        with pytest.raises(ValueError):
            Scope.parse(bad)


def test_autocomplete_offers_councils_then_elections(store: ResultsStore) -> None:
    values = [value for _, value in choices(store, "der")]
    assert values == ["council:derby", "election:derby-2006", "election:derby-2002"]
    assert len(choices(store, "", limit=2)) == 2
