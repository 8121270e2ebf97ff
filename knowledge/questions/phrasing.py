"""Small pure helpers that put numbers and names into sentences the same way everywhere.

Figures come from `knowledge.numbers`, shared with every renderer.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.models import Election
from knowledge.numbers import ordinal, percent, plural, votes
from knowledge.parties import Party
from knowledge.store import ResultsStore

__all__ = [
    "NO_COUNTS",
    "date_text",
    "join",
    "num",
    "ordinal",
    "party_noun",
    "pct",
    "plural",
    "possessive",
    "sentence",
    "title_of",
    "uncapitalised",
    "were",
    "with_verdict",
]

NO_COUNTS = "the source gives no vote counts"
"""Said of contests whose winners are named without counts (a candidates list with its elected
column filled in), where a figure would be asked for."""

_SENTENCE_OPENERS = frozenset(
    {
        "The",
        "In",
        "A",
        "An",
        "There",
        "No",
        "Every",
        "Only",
        "All",
        "Turnout",
        "Against",
        "At",
        "Counting",
        "Of",
    }
)


def num(value: int) -> str:
    return votes(value)


def were(count: int) -> str:
    return "was" if count == 1 else "were"


def pct(value: float | None) -> str:
    return percent(value)


def join(items: Sequence[str], last: str = "and") -> str:
    """`A`, `A and B`, `A, B and C`."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def at_most(items: Sequence[str], most: int) -> list[str]:
    """The items a reply names: the first `most`, then how many more there are ("4 more"), so
    that `join` reads "A, B, C and 4 more"."""
    if len(items) <= most:
        return list(items)
    return [*items[:most], f"{len(items) - most} more"]


def sentence(text: str) -> str:
    """Capitalise the first letter only (names keep their own case)."""
    return text[:1].upper() + text[1:] if text else text


def uncapitalised(text: str) -> str:
    """A sentence to follow a dash or a semicolon: its opening word in lower case when it is an
    ordinary one (`the Conservatives`, `in Abbey`); names keep their capitals."""
    first = text.split(" ", 1)[0]
    if first in _SENTENCE_OPENERS:
        return first.lower() + text[len(first) :]
    return text


def with_verdict(verdict: str, text: str) -> str:
    """`Yes — ` + text, keeping "the" lower case after the dash (`No — the Conservatives`)."""
    return verdict + uncapitalised(text) if verdict else text


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


def date_text(election: Election) -> str | None:
    if election.date is None:
        return None
    return f"{election.date.day} {election.date:%B %Y}"
