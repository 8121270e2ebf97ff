"""Who controlled a council just before an election, so that "did Labour lose control?" compares
before with after instead of only reading after.

The document's own word comes first (the infobox's control before the election). Otherwise the
infobox's Seats Before settle it, but only when they cover every party that holds a seat after
the election: a party short of a majority of a partial count is not known to have lacked one.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.facts import ElectionFacts
from knowledge.models import Election
from knowledge.parties import Party, PartyBook


@dataclass(frozen=True)
class ControlBefore:
    party: str | None
    """The key of the party with a majority; None = no overall control."""
    name: str | None
    """That party's display name."""
    stated: bool
    """The document says so; else it is worked out from the seats before the election."""
    seats: dict[str, int]
    """Seats before the election by party key (empty when stated)."""
    size: int | None
    """The council's seats before the election (None when stated)."""


def stated_control(written: str, book: PartyBook) -> Party | None:
    """The party a document says controls the council ("Labour Party (UK)"); None for "No
    overall control"."""
    return None if "overall control" in written.casefold() else book.lookup(written)


def control_before(
    election: Election, facts: ElectionFacts, book: PartyBook
) -> ControlBefore | None:
    """Control of the council just before this election, or None when the document can't say."""
    written = election.control_before
    if written:
        found = stated_control(written, book)
        return ControlBefore(
            party=found.key if found else None,
            name=found.display if found else None,
            stated=True,
            seats={},
            size=None,
        )
    seats = {t.party.key: t.seats_before for t in facts.parties if t.seats_before is not None}
    size = sum(seats.values())
    sitting = [t for t in facts.parties if (t.seats_after or 0) > 0 or t.seats_won > 0]
    if not size or any(t.party.key not in seats for t in sitting):
        return None
    threshold = size // 2 + 1
    party = next((t.party for t in facts.parties if (t.seats_before or 0) >= threshold), None)
    return ControlBefore(
        party=party.key if party else None,
        name=party.display if party else None,
        stated=False,
        seats=seats,
        size=size,
    )
