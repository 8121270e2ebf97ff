"""Hold and gain lines read the way the rest of an answer names parties.

Sources write them with their own party names ("Liberal Democrats (UK, 2025) hold",
"Green Party of England and Wales gain from Labour Party (UK)"); an answer shows the party
book's names instead, and one line per seat collapses into one line with a count.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.parties import Party

_OUTCOME = re.compile(
    r"^(?P<winner>.+?) (?P<kind>gain from|hold|gain|win|new seat win|new boundary win)"
    r"(?: (?P<loser>.+?))?(?P<rest> Swing: .*)?$"
)


def readable_outcome(line: str, party: Callable[[str], Party]) -> str:
    """One source line with its party names replaced by their display names."""
    found = _OUTCOME.match(line.strip())
    if found is None:
        return line
    winner = party(found["winner"]).display
    loser = found["loser"]
    if found["kind"] == "gain from" and loser:
        text = f"{winner} gain from {party(loser).display}"
    elif loser:
        return line  # words after the kind that aren't a party: keep the source's wording
    else:
        text = f"{winner} {found['kind']}"
    return text + (found["rest"] or "")


def readable_outcomes(lines: tuple[str, ...], party: Callable[[str], Party]) -> tuple[str, ...]:
    """Every line made readable; repeats (one per seat) become one line with "(2 seats)"."""
    counts: dict[str, int] = {}
    for line in lines:
        text = readable_outcome(line, party)
        counts[text] = counts.get(text, 0) + 1
    return tuple(text if n == 1 else f"{text} ({n} seats)" for text, n in counts.items())
