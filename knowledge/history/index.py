"""Every loaded election of one council, oldest first, and each ward's contests through them.

Built once per store (and rebuilt when the store's elections change), so a history answer is a
few dictionary look-ups. Elections are read only through the store's public API: the list of
loaded elections and their derived facts.
"""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from knowledge.councils import stated_council
from knowledge.facts import ContestResult, Standing
from knowledge.normalize import normalize
from knowledge.store import ElectionInfo, ResultsStore


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector while building a council's history (thousands of small,
    acyclic, long-lived objects): left on, it rescans the growing memo again and again, and a
    full collection in the middle of one answer costs a quarter of a second at 1,000
    elections."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def loaded_elections(store: ResultsStore) -> Sequence[ElectionInfo]:
    """Every loaded election, oldest first: the store's catalog (no election is built until
    its council is asked about)."""
    return store.catalog


def ward_key(name: str) -> str:
    """One ward across documents: `St. Mary's` and `St Marys` are the same ward."""
    return normalize(name) or name.casefold()


@dataclass(frozen=True, slots=True)
class WardContest:
    """One contest of a ward: the election it was part of and its derived result."""

    election: ElectionInfo
    result: ContestResult
    winners: tuple[Standing, ...]
    """The contest's elected candidates, most votes first (kept: asked for at every step)."""
    key: tuple[dt.date, str]
    """The election's sort key, kept for the same reason."""
    swing: str | None = None
    """The swing the document states for this contest, if any."""

    @property
    def date(self) -> dt.date:
        return self.election.sort_key[0]


COUNCILS_KEPT = 8
"""Councils whose gathered wards and derived answers are kept at once (the rest are gathered
again on use): a bot serving thousands of councils must not keep every one it was asked about."""


@dataclass(slots=True)
class Council:
    """One council's loaded elections, oldest first, and its wards' contests.

    A ward's contests are read from the store when that ward is first asked about (one contest
    from each election that has it), so "last time" on a /ward builds no whole election; the
    every-ward view (`wards`) gathers the rest on first use.
    """

    key: str
    name: str
    owner: weakref.ReferenceType[ResultsStore]
    """The store (weakly: the index is kept beside the store, and must not keep it alive)."""
    elections: list[ElectionInfo] = field(default_factory=list)
    ordinary: list[ElectionInfo] = field(default_factory=list)
    whole: dict[str, bool] = field(default_factory=dict)
    """Election id -> the whole council was elected (an all-out election)."""
    memo: dict[tuple[str, str], object] = field(default_factory=dict)
    """Derived results (a ward's seat chain ...) kept for the life of this index."""
    gathered: dict[str, list[WardContest]] = field(default_factory=dict)
    """Ward key -> its contests, oldest first (by-elections included), for the wards read."""
    complete: bool = False

    @property
    def store(self) -> ResultsStore:
        store = self.owner()
        if store is None:
            raise ReferenceError("the store of this council's history is gone")
        return store

    @property
    def council_elections(self) -> list[ElectionInfo]:
        """Ordinary elections (all-out or by thirds), without by-elections, oldest first."""
        return self.ordinary

    @property
    def by_thirds(self) -> bool:
        """Some ordinary election elected only part of the council."""
        return any(not self.whole[e.id] for e in self.council_elections)

    def contests(self, ward: str) -> list[WardContest]:
        key = ward_key(ward)
        found = self.gathered.get(key)
        if found is None and not self.complete:
            with gc_paused():
                found = self.gathered[key] = _ward_contests(self, key)
        return found or []

    @property
    def wards(self) -> dict[str, list[WardContest]]:
        """Ward key -> its contests, oldest first, for every ward of the council."""
        if not self.complete:
            with gc_paused():
                _gather_all(self)
        return self.gathered

    @property
    def ward_names(self) -> dict[str, str]:
        """Ward key -> the name as the newest document writes it."""
        return {key: contests[-1].result.ward for key, contests in self.wards.items()}

    def ward_name(self, ward: str) -> str:
        """The ward's name as the newest document writes it (`ward` when it has no contest)."""
        contests = self.contests(ward)
        return contests[-1].result.ward if contests else ward


@dataclass(slots=True)
class HistoryIndex:
    """Which council each election belongs to; a council's wards are gathered on first use
    (only the wards asked about read their contests)."""

    members: dict[str, list[ElectionInfo]]
    """Council key -> its elections, oldest first."""
    of_election: dict[str, str]
    """Election id -> council key."""
    size: int
    owner: weakref.ReferenceType[ResultsStore]
    built: OrderedDict[str, Council] = field(default_factory=OrderedDict)

    @property
    def keys(self) -> list[str]:
        return list(self.members)

    def council(self, key: str) -> Council | None:
        found = self.built.get(key)
        if found is None and key in self.members:
            found = _council(self.owner, key, self.members[key])
        if found is not None:
            self.built[key] = found
            self.built.move_to_end(key)
            while len(self.built) > COUNCILS_KEPT:
                self.built.popitem(last=False)
        return found

    def council_of(self, election_id: str) -> Council | None:
        key = self.of_election.get(election_id)
        return self.council(key) if key else None


def _council(
    owner: weakref.ReferenceType[ResultsStore], key: str, elections: list[ElectionInfo]
) -> Council:
    """One council's elections, from the catalog alone."""
    first = elections[0]
    council = Council(
        key=key, name=stated_council(first.seats_for_election) or first.council, owner=owner
    )
    for election in elections:
        if election.kind != "by-election":
            council.name = election.council  # the newest council document names it best
            council.ordinary.append(election)
        council.elections.append(election)
        council.whole[election.id] = election.whole_council
    return council


def _ward_contests(council: Council, key: str) -> list[WardContest]:
    """One ward's contests through the council's elections, oldest first."""
    store = council.store
    order = {info.row: n for n, info in enumerate(council.elections)}
    found = []
    wanted = [
        (council.elections[order[row]], position)
        for row, position in sorted(
            store.contest_positions(list(order), normalize(key)),
            key=lambda r: (order[r[0]], r[1]),
        )
    ]
    for (info, _), (contest, result) in store.contests_at(wanted):
        if ward_key(result.ward) == key:
            found.append(WardContest(info, result, result.elected, info.sort_key, contest.swing))
    return found


def _gather_all(council: Council) -> None:
    """Every ward's contests through the council's elections."""
    store = council.store
    gathered: dict[str, list[WardContest]] = {}
    for election in council.elections:
        facts = store.facts(election.id)
        source = store.built(election)
        for contest, result in zip(source.contests, facts.contests, strict=True):
            wk = ward_key(result.ward)
            gathered.setdefault(wk, []).append(
                WardContest(election, result, result.elected, election.sort_key, contest.swing)
            )
    council.gathered = gathered
    council.complete = True


_built: weakref.WeakKeyDictionary[ResultsStore, HistoryIndex] = weakref.WeakKeyDictionary()


def history_index(store: ResultsStore) -> HistoryIndex:
    """The store's history index, built on first use and kept while the store lives."""
    elections = loaded_elections(store)
    found = _built.get(store)
    if found is not None and found.size == len(elections):
        return found
    members: dict[str, list[ElectionInfo]] = {}
    of_election: dict[str, str] = {}
    for election in elections:  # the catalog is oldest first already
        key = election.council_key
        members.setdefault(key, []).append(election)
        of_election[election.id] = key
    index = HistoryIndex(
        members=members, of_election=of_election, size=len(elections), owner=weakref.ref(store)
    )
    _built[store] = index
    return index
