"""Seats that changed hands at one election, party by party, against each ward's previous
loaded contest: the gains and losses to give when the document has no council after the
election to subtract from (Burnley's 2026 article gives Seats Before only).

The seat-by-seat comparison is the one `last_time` makes; a seat counts as a loss for the party
the winner took it from, when the loaded data says who that was.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from knowledge.history.index import history_index
from knowledge.history.seats import SeatChange, ward_chain
from knowledge.normalize import normalize
from knowledge.parties import Party
from knowledge.store import ResultsStore


@dataclass(frozen=True)
class SeatMove:
    ward: str
    to_party: Party
    from_party: Party | None
    """None when the seat's previous holder is not known."""
    by_lot: bool = False
    previous: str | None = None
    """The councillor the winner replaced, when the loaded data says who."""
    winner: str = ""
    standing: Literal["defeated", "re-elected", "not standing", "unknown"] = "unknown"
    """What became of the previous councillor in this contest: stood and lost, won again for
    another party, or did not stand."""

    @property
    def text(self) -> str:
        """`Reform UK gain from Labour`, as a hold/gain line reads."""
        lot = " (won by lot)" if self.by_lot else ""
        since = f" from {self.from_party.display}" if self.from_party else ""
        return f"{self.to_party.display} gain{since}{lot}"


@dataclass(frozen=True)
class SeatChanges:
    title: str
    """The election's title."""
    moves: tuple[SeatMove, ...]
    """Every seat that changed hands, in ward order."""
    compared_wards: frozenset[str]
    """Wards with an earlier loaded contest to compare with."""
    wards: int

    @property
    def compared(self) -> int:
        return len(self.compared_wards)

    def gained(self, key: str) -> tuple[SeatMove, ...]:
        return tuple(m for m in self.moves if m.to_party.key == key)

    def lost(self, key: str) -> tuple[SeatMove, ...]:
        return tuple(m for m in self.moves if m.from_party and m.from_party.key == key)

    def net(self) -> dict[str, tuple[Party, int, int]]:
        """Party key -> (party, seats gained, seats lost)."""
        found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        parties: dict[str, Party] = {}
        for move in self.moves:
            parties[move.to_party.key] = move.to_party
            found[move.to_party.key][0] += 1
            if move.from_party is not None:
                parties[move.from_party.key] = move.from_party
                found[move.from_party.key][1] += 1
        return {key: (parties[key], won, lost) for key, (won, lost) in found.items()}


def seat_changes(store: ResultsStore, election_id: str) -> SeatChanges | str:
    """The seats that changed hands at this election, or the sentence saying why none can be
    compared ("No earlier election of Derby City Council is loaded.")."""
    council = history_index(store).council_of(election_id)
    info = store.info(election_id)
    if council is None or info is None:
        return "This election belongs to no council with other loaded elections."
    if len(council.elections) == 1:
        return f"No earlier election of {council.name} is loaded."
    if council.elections[0].id == election_id:
        return f"No election of {council.name} before the {info.title} is loaded."
    moves: list[SeatMove] = []
    compared_wards: set[str] = set()
    contests = store.facts(election_id).contests
    for contest in contests:
        steps = ward_chain(council, contest.ward, store.book).steps
        index = next((n for n, s in enumerate(steps) if s.contest.election.id == election_id), 0)
        if index == 0:  # the ward's first loaded contest: nothing to compare with
            continue
        compared_wards.add(contest.ward)
        stood = {normalize(s.name) for s in contest.standings}
        elected = {normalize(s.name) for s in contest.elected}
        moves += [
            _move(contest.ward, c, stood, elected)
            for c in steps[index].changes
            if c.outcome == "gain"
        ]
    return SeatChanges(info.title, tuple(moves), frozenset(compared_wards), len(contests))


def _move(ward: str, change: SeatChange, stood: set[str], elected: set[str]) -> SeatMove:
    previous = change.previous.name if change.previous else None
    standing: Literal["defeated", "re-elected", "not standing", "unknown"] = "unknown"
    if previous is not None:
        name = normalize(previous)
        if name in elected:
            standing = "re-elected"
        elif name in stood:
            standing = "defeated"
        else:
            standing = "not standing"
    return SeatMove(
        ward,
        change.winner.party,
        change.previous_party,
        change.by_lot,
        previous,
        change.winner.name,
        standing,
    )


@dataclass(frozen=True)
class Returned:
    """Winners who had also won their ward's previous loaded contest."""

    names: tuple[tuple[str, str, Party], ...]
    """(name, ward, party now), in ward order."""
    compared: int
    """Wards with an earlier loaded contest to compare with."""


def returned(store: ResultsStore, election_id: str) -> Returned | None:
    """The councillors re-elected in the ward they won last time (any party), or None when no
    ward of this election has an earlier loaded contest."""
    council = history_index(store).council_of(election_id)
    if council is None or len(council.elections) == 1:
        return None
    names: list[tuple[str, str, Party]] = []
    compared = 0
    for contest in store.facts(election_id).contests:
        steps = ward_chain(council, contest.ward, store.book).steps
        index = next((n for n, s in enumerate(steps) if s.contest.election.id == election_id), 0)
        if index == 0:
            continue
        compared += 1
        before = {normalize(s.name) for s in steps[index - 1].contest.result.elected}
        names += [
            (s.name, contest.ward, s.party) for s in contest.elected if normalize(s.name) in before
        ]
    return Returned(tuple(names), compared) if compared else None
