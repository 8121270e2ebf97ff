"""Every loaded election of one council, oldest first, and each ward's contests through them.

Built once per store (and rebuilt when the store's elections change), so a history answer is a
few dictionary look-ups. Elections are read only through the store's public API: the list of
loaded elections and their derived facts.
"""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from knowledge.councils import stated_council
from knowledge.facts import ContestResult, Standing
from knowledge.models import Election
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

    election: Election
    result: ContestResult
    winners: tuple[Standing, ...]
    """The contest's elected candidates, most votes first (kept: asked for at every step)."""
    key: tuple[dt.date, str]
    """The election's sort key, kept for the same reason."""

    @property
    def date(self) -> dt.date:
        return self.election.sort_key[0]


@dataclass(slots=True)
class Council:
    """One council's loaded elections, oldest first, and its wards' contests."""

    key: str
    name: str
    elections: list[Election] = field(default_factory=list)
    wards: dict[str, list[WardContest]] = field(default_factory=dict)
    """Ward key -> its contests, oldest first (by-elections included)."""
    ward_names: dict[str, str] = field(default_factory=dict)
    """Ward key -> the name as the newest document writes it."""
    whole: dict[str, bool] = field(default_factory=dict)
    """Election id -> the whole council was elected (an all-out election)."""
    memo: dict[tuple[str, str], object] = field(default_factory=dict)
    """Derived results (a ward's seat chain ...) kept for the life of this index."""

    ordinary: list[Election] = field(default_factory=list)

    @property
    def council_elections(self) -> list[Election]:
        """Ordinary elections (all-out or by thirds), without by-elections, oldest first."""
        return self.ordinary

    @property
    def by_thirds(self) -> bool:
        """Some ordinary election elected only part of the council."""
        return any(not self.whole[e.id] for e in self.council_elections)

    def contests(self, ward: str) -> list[WardContest]:
        return self.wards.get(ward_key(ward), [])


@dataclass(slots=True)
class HistoryIndex:
    """Which council each election belongs to; a council's wards are gathered on first use
    (only the councils asked about read their elections' facts)."""

    members: dict[str, list[ElectionInfo]]
    """Council key -> its elections, oldest first."""
    of_election: dict[str, str]
    """Election id -> council key."""
    size: int
    store: ResultsStore
    built: dict[str, Council] = field(default_factory=dict)

    @property
    def keys(self) -> list[str]:
        return list(self.members)

    def council(self, key: str) -> Council | None:
        found = self.built.get(key)
        if found is None and key in self.members:
            with gc_paused():
                elections = [self.store.built(info) for info in self.members[key]]
                found = self.built[key] = _gather(self.store, key, elections)
        return found

    def council_of(self, election_id: str) -> Council | None:
        key = self.of_election.get(election_id)
        return self.council(key) if key else None


def _gather(store: ResultsStore, key: str, elections: list[Election]) -> Council:
    """One council's elections and every ward's contests through them."""
    first = elections[0]
    council = Council(key=key, name=stated_council(first.seats_for_election) or first.council)
    for election in elections:
        if election.kind != "by-election":
            council.name = election.council  # the newest council document names it best
            council.ordinary.append(election)
        council.elections.append(election)
        facts = store.facts(election.id)
        council.whole[election.id] = facts.whole_council
        for result in facts.contests:
            wk = ward_key(result.ward)
            contest = WardContest(election, result, result.elected, election.sort_key)
            council.wards.setdefault(wk, []).append(contest)
            council.ward_names[wk] = result.ward
    return council


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
    index = HistoryIndex(members=members, of_election=of_election, size=len(elections), store=store)
    _built[store] = index
    return index
