"""Gains and losses counted seat by seat against each ward's previous loaded contest, in the
sentences the party, ranking and council replies use when the document gives no council after
the election to subtract from. The counting is `knowledge.history.changes`."""

from __future__ import annotations

from knowledge.history.answers import LastTime, short
from knowledge.history.changes import SeatChanges, SeatMove, seat_changes
from knowledge.questions.context import Ask
from knowledge.questions.phrasing import at_most, join, plural

BASIS = "against each ward's previous loaded contest"
NO_CHANGES = (
    "The document doesn't give each party's seats both before and after the election, and no "
    "earlier election of the council is loaded, so gains and losses can't be worked out."
)
MAX_WARDS = 5


def moves_of(ask: Ask) -> SeatChanges | None:
    """The seats that changed hands at the asked election, when any ward can be compared."""
    found = seat_changes(ask.store, ask.election.id)
    if isinstance(found, str) or not found.compared:
        return None
    return found


def compared(changes: SeatChanges) -> str:
    """`against each ward's previous loaded contest` (and how many wards, when not all)."""
    return wards_compared(changes.compared, changes.wards)


def wards_compared(compared: int, wards: int) -> str:
    """`compared`, from the counts: how many of the election's wards have an earlier contest."""
    if compared < wards:
        return f"{BASIS} ({compared} of {wards} wards have one)"
    return BASIS


def party_moves(
    changes: SeatChanges, key: str, noun: str, most: int = MAX_WARDS
) -> tuple[int, int, str]:
    """Seats the party gained and lost, and the clause saying so with the wards (`most` of
    them named): `Labour lost 7 seats (Bank Hall to Independent, ...) and gained none`."""
    gained, lost = changes.gained(key), changes.lost(key)
    won = f"gained {plural(len(gained), 'seat')} ({_wards(gained, True, most)})"
    gone = f"lost {plural(len(lost), 'seat')} ({_wards(lost, False, most)})"
    if gained and lost:
        text = f"{noun} {won} and {gone}"
    elif gained:
        text = f"{noun} {won} and lost none"
    elif lost:
        text = f"{noun} {gone} and gained none"
    else:
        text = f"{noun} neither gained nor lost a seat"
    return len(gained), len(lost), text


def every_move(changes: SeatChanges, key: str, noun: str) -> str:
    """`against each ward's previous loaded contest, Labour lost 8 seats (Broadwater to Green,
    ...) and gained none`, every ward named (up to 12): for a question asking which."""
    return f"{compared(changes)}, {party_moves(changes, key, noun, MAX_NAMED)[2]}"


MAX_NAMED = 12


def _wards(moves: tuple[SeatMove, ...], gained: bool, most: int) -> str:
    if gained:
        named = [f"{m.ward} from {m.from_party.display}" if m.from_party else m.ward for m in moves]
    else:
        named = [f"{m.ward} to {m.to_party.display}" for m in moves]
    return join(at_most(named, most))


def holds_and_gains(found: LastTime) -> str:
    """`2026, against 2022: Green gain from Labour (Natasha Davie)`: each seat of a ward as a
    hold or a gain against its previous contest."""
    seats = join([f"{s.text} ({s.name})" for s in found.seats]) or "no seat won"
    return f"{short(found.current)}, against {short(found.previous)}: {seats}"
