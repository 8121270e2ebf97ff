"""Hold and gain lines read the way the rest of an answer names parties.

Sources write them with their own party names ("Liberal Democrats (UK, 2025) hold",
"Green Party of England and Wales gain from Labour Party (UK)"); an answer shows the party
book's names instead, and one line per seat collapses into one line with a count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.parties import Party

_OUTCOME = re.compile(
    r"^(?P<party>.+?)\s+(?P<kind>hold|gain|new seat win|new boundary win|win)\b(?P<after>.*)$",
    re.IGNORECASE,
)
_FROM = re.compile(r"^from\s+(?P<loser>.+?)(?P<swing>\s+Swing:.*)?$", re.IGNORECASE)
_SWING = re.compile(r"^Swing:.*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class StatedOutcome:
    """A source's hold/gain line, read once for every use: the answers' wording, the history's
    check against the computed outcome, and a tie settled by lot."""

    party: str
    """The winning party as the source writes it."""
    kind: str
    """`hold`, `gain`, `win`, `new seat win` or `new boundary win`, as written."""
    loser: str | None = None
    """The party a gain was from (`… gain from Labour`), as written."""
    swing: str | None = None
    """A trailing `Swing: …`, as written."""
    unread: str = ""
    """Words after the kind that are neither `from PARTY` nor a swing (kept, not guessed at)."""

    @property
    def what(self) -> str:
        return self.kind.lower()


def parse_outcome(line: str) -> StatedOutcome | None:
    """`Labour hold`, `Green gain from Labour`, `Reform UK new seat win Swing: 4%`; None when
    the line is not a hold/gain/win line."""
    found = _OUTCOME.match(line.strip())
    if found is None:
        return None
    after = found["after"].strip()
    loser = swing = None
    unread = ""
    if (gain := _FROM.match(after)) is not None:
        loser, swing = gain["loser"], (gain["swing"] or "").strip() or None
    elif _SWING.match(after):
        swing = after
    else:
        unread = after
    return StatedOutcome(found["party"], found["kind"], loser, swing, unread)


def readable_outcome(line: str, party: Callable[[str], Party]) -> str:
    """One source line with its party names replaced by their display names."""
    found = parse_outcome(line)
    if found is None or found.unread:
        return line  # words after the kind that aren't a party: keep the source's wording
    winner = party(found.party).display
    text = f"{winner} {found.kind}"
    if found.loser:
        text += f" from {party(found.loser).display}"
    return text + (f" {found.swing}" if found.swing else "")


def readable_outcomes(lines: tuple[str, ...], party: Callable[[str], Party]) -> tuple[str, ...]:
    """Every line made readable; repeats (one per seat) become one line with "(2 seats)"."""
    counts: dict[str, int] = {}
    for line in lines:
        text = readable_outcome(line, party)
        counts[text] = counts.get(text, 0) + 1
    return tuple(text if n == 1 else f"{text} ({n} seats)" for text, n in counts.items())
