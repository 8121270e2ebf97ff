"""The parties' name index over a compiled store: the parties in memory, their elections read
on demand.

A store knows a few hundred parties at most, but at 10,000 elections they stood 60,000 times:
listing every election of every party before the first question read all those rows (300 ms
of a cold `ask`). The parties themselves are found by skipping through the names index, one
step per party; the elections a party stood in are read when a match needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import NamedTuple

from knowledge.compiled.names import Query
from knowledge.parties import Party
from knowledge.resolve import Entry, MemoryNames

PARTY_KEYS = """
WITH RECURSIVE k(key) AS (
    SELECT min(key) FROM names WHERE kind = 'party'
    UNION ALL
    SELECT (SELECT min(key) FROM names WHERE kind = 'party' AND key > k.key)
    FROM k WHERE k.key IS NOT NULL
)
SELECT k.key,
    (SELECT n.name FROM names n WHERE n.kind = 'party' AND n.key = k.key
        AND n.rank IS NOT NULL ORDER BY n.rank DESC LIMIT 1),
    (SELECT max(n.rank) FROM names n WHERE n.kind = 'party' AND n.key = k.key),
    EXISTS (SELECT 1 FROM names n WHERE n.kind = 'party' AND n.key = k.key AND n.stood
        AND n.rank IS NOT NULL)
FROM k WHERE k.key IS NOT NULL
"""
"""Each distinct party key with its newest name, that election's rank, and whether it stood
anywhere: each a step through the index, not a scan of every party row."""


class StoredParty(NamedTuple):
    key: str
    name: str
    newest: int
    """The rank of the newest election naming it."""
    stood: bool
    """It stood somewhere (not only an infobox row)."""


def stored_parties(query: Query) -> list[StoredParty]:
    """Every party the catalogued elections name, newest first."""
    found = [
        StoredParty(key, name, newest, bool(stood))
        for key, name, newest, stood in query(PARTY_KEYS, ())
        if name is not None  # only rows of duplicate elections
    ]
    found.sort(key=lambda p: -p.newest)
    return found


class PartyNames(MemoryNames[Party]):
    """`MemoryNames` whose entries' elections are read when asked for."""

    def __init__(
        self,
        entries: Iterable[Entry[Party]],
        elections_of: Callable[[str], tuple[str, ...]],
        keys_in: Callable[[str], Iterable[str]],
    ) -> None:
        super().__init__("party", entries)
        self._elections_of = elections_of
        self._keys_in = keys_in

    def elections(self, entry: Entry[Party]) -> tuple[str, ...]:
        """The elections the party stood in, newest first (the store keeps them read)."""
        return self._elections_of(entry.key)

    def members(self, scope: str) -> dict[Hashable, frozenset[str]]:
        return {n: frozenset(self.words_of(n)) for n in self._numbers_in(scope)}

    def first(self, limit: int, scope: str | None) -> list[Entry[Party]]:
        if scope is None:
            return self.items[:limit]
        return [self.items[n] for n in self._numbers_in(scope)[:limit]]

    def _numbers_in(self, scope: str) -> list[int]:
        """The entries of the parties that stood in one election, in index order."""
        by_key = self._by_key
        return sorted(n for key in self._keys_in(scope) if (n := by_key.get(key)) is not None)
