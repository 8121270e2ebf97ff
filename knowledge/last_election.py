"""Seats against the last election as a document's infobox states them (`last_election1 = 25
seats`, `seat_change1 = +16`): the gains and losses of an all-out election whose infobox gives
no seats just before it, which is how most Wikipedia articles on all-out elections read.

This baseline (the result last time) differs from Seats Before (the council just before, after
by-elections and defections), so answers name it.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.models import Election
from knowledge.parties import Party, PartyBook

BASIS = "against the last election, as the document's infobox gives it"


@dataclass(frozen=True)
class SinceLast:
    party: Party
    change: int
    then: int | None
    now: int | None


def since_last_election(election: Election, book: PartyBook) -> dict[str, SinceLast]:
    """Party key -> its stated change since the last election (the infobox's seat change, or
    its seats now less its seats last time); parties the infobox gives neither for are left
    out."""
    found: dict[str, SinceLast] = {}
    for row in election.parties:
        party = book.lookup(row.name)
        now = row.seats_after if row.seats_after is not None else row.seats
        then = row.last_election
        change = row.seat_change
        if change is None and then is not None and now is not None:
            change = now - then
        if change is not None:
            found[party.key] = SinceLast(party, int(change), then, now)
    return found


def since_last_phrase(found: SinceLast, noun: str) -> str:
    """`Labour gained 16 seats against the last election, as the document's infobox gives it
    (25 then, 41 after this one)`."""
    figures = (
        f" ({found.then} then, {found.now} after this one)"
        if found.then is not None and found.now is not None
        else ""
    )
    return f"{change_clause(found, noun)} {BASIS}{figures}"


def change_clause(found: SinceLast, noun: str) -> str:
    """`Labour gained 16 seats` (`25 → 41` added where both figures are stated)."""
    change = found.change
    if change > 0:
        text = f"{noun} gained {change} seat{'s' if change != 1 else ''}"
    elif change < 0:
        text = f"{noun} lost {-change} seat{'s' if change != -1 else ''}"
    else:
        text = f"{noun} neither gained nor lost seats"
    return text
