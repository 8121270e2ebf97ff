"""Every loaded election of one council, oldest first, and each ward's contests through them.

Built once per store (and rebuilt when the store's elections change), so a history answer is a
few dictionary look-ups. Elections are read only through the store's public API: the list of
loaded elections and their derived facts.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.councils import stated_council
from knowledge.facts import ContestResult, Standing
from knowledge.models import Election
from knowledge.normalize import normalize
from knowledge.store import ResultsStore


def loaded_elections(store: ResultsStore) -> Sequence[Election]:
    """Every loaded election, oldest first (the store's public listing)."""
    return store.elections


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

    @property
    def all_out_keys(self) -> list[tuple[dt.date, str]]:
        """Sort keys of the all-out elections, oldest first."""
        return [e.sort_key for e in self.council_elections if self.whole[e.id]]

    def before(self, election: Election) -> list[Election]:
        return [e for e in self.elections if e.sort_key < election.sort_key]


@dataclass(slots=True)
class HistoryIndex:
    """Councils by key, and which council each election belongs to."""

    councils: dict[str, Council]
    of_election: dict[str, str]
    """Election id -> council key."""
    size: int

    def council_of(self, election_id: str) -> Council | None:
        key = self.of_election.get(election_id)
        return self.councils.get(key) if key else None


_built: weakref.WeakKeyDictionary[ResultsStore, HistoryIndex] = weakref.WeakKeyDictionary()


def history_index(store: ResultsStore) -> HistoryIndex:
    """The store's history index, built on first use and kept while the store lives."""
    elections = loaded_elections(store)
    found = _built.get(store)
    if found is not None and found.size == len(elections):
        return found
    councils: dict[str, Council] = {}
    of_election: dict[str, str] = {}
    for election in sorted(elections, key=lambda e: e.sort_key):
        key = election.council_key
        council = councils.get(key)
        if council is None:
            named = stated_council(election.seats_for_election) or election.council
            council = councils[key] = Council(key=key, name=named)
        if election.kind != "by-election":
            council.name = election.council  # the newest council document names it best
        council.elections.append(election)
        if election.kind != "by-election":
            council.ordinary.append(election)
        facts = store.facts(election.id)
        council.whole[election.id] = facts.whole_council
        of_election[election.id] = key
        for result in facts.contests:
            wk = ward_key(result.ward)
            contest = WardContest(election, result, result.elected, election.sort_key)
            council.wards.setdefault(wk, []).append(contest)
            council.ward_names[wk] = result.ward
    index = HistoryIndex(councils=councils, of_election=of_election, size=len(elections))
    _built[store] = index
    return index
