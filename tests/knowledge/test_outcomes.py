"""Hold/gain lines are read by one parser: for the answers' wording, the history's check
against its computed outcome, and a tie settled by lot."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.outcomes import StatedOutcome, parse_outcome, readable_outcome
from knowledge.parties import PartyBook

PARTIES = Path(__file__).resolve().parents[2] / "data" / "parties.toml"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Labour hold", StatedOutcome("Labour", "hold")),
        (
            "Green Party gain from Labour Party (UK)",
            StatedOutcome("Green Party", "gain", "Labour Party (UK)"),
        ),
        (
            "Reform UK gain from Conservative Swing: 12.1% Con to Reform",
            StatedOutcome("Reform UK", "gain", "Conservative", "Swing: 12.1% Con to Reform"),
        ),
        ("Labour new seat win", StatedOutcome("Labour", "new seat win")),
        ("Liberal Democrats HOLD", StatedOutcome("Liberal Democrats", "HOLD")),
        ("Labour hold (2 seats)", StatedOutcome("Labour", "hold", unread="(2 seats)")),
        ("Turnout 32%", None),
        ("Labour holding on", None),
    ],
)
def test_a_line_is_read_once_for_every_use(line: str, expected: StatedOutcome | None) -> None:
    assert parse_outcome(line) == expected


def test_answers_name_parties_the_bot_way_and_keep_what_they_cannot_read() -> None:
    book = PartyBook.from_toml(PARTIES)
    assert readable_outcome(
        "Labour Party (UK) gain from Liberal Democrats (UK, 2025)", book.lookup
    ) == (f"{book.lookup('Labour').display} gain from {book.lookup('Liberal Democrats').display}")
    assert readable_outcome("Labour hold (2 seats)", book.lookup) == "Labour hold (2 seats)"
