"""Small pure helpers that put numbers and names into sentences the same way everywhere."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.answers import CandidateLine
from knowledge.models import Election
from knowledge.parties import Party
from knowledge.store import ResultsStore


def num(value: int) -> str:
    return f"{value:,}"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`1 seat`, `3 seats`, with thousands separators."""
    word = noun if count == 1 else (many or noun + "s")
    return f"{count:,} {word}"


def were(count: int) -> str:
    return "was" if count == 1 else "were"


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def ordinal(value: int) -> str:
    teens = 10 <= value % 100 <= 20
    suffix = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def join(items: Sequence[str], last: str = "and") -> str:
    """`A`, `A and B`, `A, B and C`."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def sentence(text: str) -> str:
    """Capitalise the first letter only (names keep their own case)."""
    return text[:1].upper() + text[1:] if text else text


def with_verdict(verdict: str, text: str) -> str:
    """`Yes — ` + text, keeping "the" lower case after the dash (`No — the Conservatives`)."""
    if verdict and text.startswith("The "):
        text = "the " + text[4:]
    return verdict + text


def title_of(election: Election | None) -> str:
    return election.title if election else "election"


def party_noun(store: ResultsStore, key: str, display: str) -> str:
    """How a party reads in a sentence: `Labour`, `the Conservatives`, `the Liberal Democrats`.

    A party whose names in the party file include its display name plus "s" reads as that
    plural; a display name already ending in "s" takes "the".
    """
    party: Party | None = store.party(key)
    if party is not None:
        plural_name = display + "s"
        if any(name.casefold() == plural_name.casefold() for name in party.names):
            return f"the {plural_name}"
    if display.endswith("s") and not display.isupper():
        return f"the {display}"
    return display


def possessive(noun: str) -> str:
    return f"{noun}'" if noun.endswith("s") else f"{noun}'s"


def who(line: CandidateLine, with_ward: bool = False) -> str:
    """`Lucy Care (Liberal Democrats)` or `Lucy Care (Liberal Democrats, Littleover)`."""
    if with_ward:
        return f"{line.name} ({line.party}, {line.ward})"
    return f"{line.name} ({line.party})"


def who_votes(line: CandidateLine) -> str:
    """`Lucy Care (Liberal Democrats, 2,695)`."""
    votes = num(line.votes) if line.votes is not None else "unopposed"
    return f"{line.name} ({line.party}, {votes})"


def date_text(election: Election) -> str | None:
    if election.date is None:
        return None
    return f"{election.date.day} {election.date:%B %Y}"
