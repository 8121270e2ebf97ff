"""The compiled store's ward and candidate names, read on demand by `NameIndex`.

Opening a store reads nothing here. The first search of a kind reads its sorted vocabulary (the
distinct words of every name, a few tens of thousands); a search then reads the entries sharing
its words (`words`), scores those alone, and keeps the entries it read in a bounded cache.
Entries are known by their normalised key.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from typing import Any

from knowledge.normalize import spellings
from knowledge.resolve import EntityKind, Entry, _Shape, index_shapes, one_shape

Query = Callable[[str, Sequence[object]], list[Any]]
"""Runs one SQL query on the store's snapshot and returns its rows."""

_CACHE = 4_096
"""Entries (with their shapes) kept read at once, per kind: a search scores at most a few
hundred, autocomplete gathers up to 2,000. At about 1.5 kB an entry, 20,000 of each kind held
60 MB of a bot serving 10,000 elections (benchmarks/soak.py)."""
_WORDS = 20_000
"""Words whose postings are kept read at once (their keys bounded by `_POSTED` too)."""
_POSTED = 200_000
"""Keys of postings kept read at once (about 15 MB), whatever the number of words."""
_JOINERS = frozenset("-\u2010\u2011")
"""The hyphens `spellings` joins words at: a name without them has one spelling."""
_BATCH = 500
"""Keys per `IN (...)` query (SQLite allows 999 parameters by default)."""


class StoredNames:
    """A `NameSource` over the `entries`, `words` and `wholes` tables of one kind."""

    def __init__(
        self,
        kind: EntityKind,
        query: Query,
        elections_of: Callable[[str], tuple[str, ...]],
        scope_keys: Callable[[str], Iterable[str]],
    ) -> None:
        self.kind = kind
        self._query = query
        self._elections_of = elections_of
        self._scope_keys = scope_keys
        self._cache: OrderedDict[str, tuple[Entry[None], tuple[_Shape, ...]]] = OrderedDict()
        self._postings: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._posted = 0
        """Keys held in `_postings`: a word 25,000 names have holds 25,000."""
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            rows = self._query("SELECT count(*) FROM entries WHERE kind = ?", (self.kind,))
            self._count = int(rows[0][0])
        return self._count

    def all_entries(self) -> list[Entry[None]]:
        rows = self._query(
            "SELECT key, name, detail FROM entries WHERE kind = ? ORDER BY name, key", (self.kind,)
        )
        return [self._remember(key, name, detail)[0] for key, name, detail in rows]

    def _remember(self, key: str, name: str, detail: str) -> tuple[Entry[None], tuple[_Shape, ...]]:
        found = self._cache.get(key)
        if found is None:
            if _JOINERS.isdisjoint(name):  # one spelling, the key (`normalize(name)`): read
                # hundreds of times a question, so not folded again
                entry = Entry(key, name, detail, (key,), None)
                found = (entry, one_shape(self.kind, key))
            else:
                entry = Entry(key, name, detail, spellings(name), None)
                found = (entry, index_shapes(self.kind, entry.tokens))
            self._cache[key] = found
            if len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
        return found

    def entry(self, ident: Hashable) -> Entry[None]:
        return self.entries_of((ident,))[ident]

    def entries_of(self, idents: Iterable[Hashable]) -> dict[Hashable, Entry[None]]:
        found: dict[Hashable, Entry[None]] = {}
        missing = []
        for ident in idents:
            cached = self._cache.get(str(ident))
            if cached is None:
                missing.append(str(ident))
            else:
                found[ident] = cached[0]
        for key, name, detail in self._of_keys("key, name, detail FROM entries", missing):
            found[key] = self._remember(key, name, detail)[0]
        return found

    def _of_keys(self, what: str, keys: Sequence[str]) -> list[Any]:
        """`SELECT {what} WHERE kind = ? AND key IN (keys)`, the keys `_BATCH` at a time."""
        rows: list[Any] = []
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ", ".join("?" * len(batch))
            rows += self._query(
                f"SELECT {what} WHERE kind = ? AND key IN ({marks})", (self.kind, *batch)
            )
        return rows

    def shapes(self, ident: Hashable) -> tuple[_Shape, ...]:
        cached = self._cache.get(str(ident))
        if cached is None:
            self.entry(ident)
            cached = self._cache[str(ident)]
        return cached[1]

    def ident(self, key: str) -> Hashable | None:
        if key in self._cache:
            return key
        return key if self.entries_of((key,)) else None

    def idents(self, keys: Iterable[str]) -> list[Hashable]:
        return list(self.entries_of(keys))

    def words(self) -> list[str]:
        rows = self._query("SELECT word FROM vocabulary WHERE kind = ? ORDER BY word", (self.kind,))
        return [word for (word,) in rows]

    def postings(self, word: str) -> Collection[Hashable]:
        found = self._postings.get(word)
        if found is None:
            rows = self._query(
                "SELECT key FROM words WHERE kind = ? AND word = ? ORDER BY key", (self.kind, word)
            )
            found = tuple(key for (key,) in rows)
            self._postings[word] = found
            self._posted += len(found)
            while len(self._postings) > _WORDS or self._posted > _POSTED:
                self._posted -= len(self._postings.popitem(last=False)[1])
        return found

    def words_of(self, ident: Hashable) -> Collection[str]:
        cached = self._cache.get(str(ident))
        if cached is not None:
            return {t for tokens, _, _ in cached[1] for t in tokens}
        return str(ident).split()

    def counts(self) -> dict[str, int]:
        rows = self._query("SELECT word, entries FROM vocabulary WHERE kind = ?", (self.kind,))
        return {word: int(entries) for word, entries in rows}

    def count_of(self, word: str) -> int:
        rows = self._query(
            "SELECT entries FROM vocabulary WHERE kind = ? AND word = ?", (self.kind, word)
        )
        return int(rows[0][0]) if rows else 0

    def wholes(self, whole: str) -> Collection[Hashable]:
        rows = self._query(
            "SELECT key FROM wholes WHERE kind = ? AND whole = ?", (self.kind, whole)
        )
        return [key for (key,) in rows]

    def wholes_starting(self, prefix: str, limit: int) -> list[Hashable]:
        # Not DISTINCT: SQLite would then scan every row of the kind instead of the range.
        rows = self._query(
            "SELECT key FROM wholes WHERE kind = ? AND whole >= ? AND whole < ? LIMIT ?",
            (self.kind, prefix, prefix + "\U0010ffff", limit),
        )
        return list(dict.fromkeys(key for (key,) in rows))

    def plain(self, ident: Hashable) -> tuple[_Shape, ...] | None:
        cached = self._cache.get(str(ident))
        if cached is not None:
            return cached[1]
        return one_shape(self.kind, str(ident))

    def starting(self, prefix: str, limit: int) -> list[tuple[Hashable, str]]:
        rows = self._query(
            "SELECT key, name FROM entries WHERE kind = ? AND key >= ? AND key < ?"
            " ORDER BY key LIMIT ?",
            (self.kind, prefix, prefix + "\U0010ffff", limit),
        )
        return [(key, name) for key, name in rows]

    def members(self, scope: str) -> dict[Hashable, frozenset[str]]:
        keys = list(self._scope_keys(scope))
        words: dict[str, set[str]] = {key: set() for key in keys}
        for key, word in self._of_keys("key, word FROM words", keys):
            words[key].add(word)
        return {key: frozenset(found) for key, found in words.items()}

    def first(self, limit: int, scope: str | None) -> list[Entry[None]]:
        if scope is None:
            rows = self._query(
                "SELECT key, name, detail FROM entries WHERE kind = ? ORDER BY name, key LIMIT ?",
                (self.kind, limit),
            )
            return [self._remember(key, name, detail)[0] for key, name, detail in rows]
        entries = self.entries_of(self._scope_keys(scope)).values()
        return sorted(entries, key=lambda e: (e.name, e.key))[:limit]

    def elections(self, entry: Entry[None]) -> tuple[str, ...]:
        return self._elections_of(entry.key)

    def most_words(self) -> int:
        """Counted on the normalised keys: a name's plain spelling has the most words."""
        rows = self._query(
            "SELECT max(length(key) - length(replace(key, ' ', '')) + 1) FROM entries"
            " WHERE kind = ?",
            (self.kind,),
        )
        return int(rows[0][0] or 0)
