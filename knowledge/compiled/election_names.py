"""The elections' name index over a compiled store: its words written at compile time, its
entries made from the catalog when a search reads them.

An election is found by its id, title, council, council and year, or year ("derby-2002",
"Derby 2002"). Indexing those spellings in memory took 0.5 s at 10,000 elections before a first
question (every question looks for an election's name in its words). The compile writes each
election's words and joined spellings once, when its id is settled; a search reads the
postings of its words and makes only the entries it scores.

Entries are known by their place in the index, newest election first, as they were when the
index was built in memory: ties between equal scores are broken the same way.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections import OrderedDict
from collections.abc import Collection, Hashable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from knowledge.compiled.names import Query
from knowledge.normalize import normalize
from knowledge.resolve import Entry, _Shape, index_shapes

_WHOLES_KEPT = 4_096
"""Joined spellings whose elections are kept read (every joined run of a question's words is
looked up, most of them no election's)."""
_BATCH = 500
"""Elections per `IN (...)` query (SQLite allows 999 parameters by default)."""


class Named(Protocol):
    """What an election's spellings are made from (an `ElectionInfo`, a row of `elections`)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def council(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def council_key(self) -> str: ...
    @property
    def row(self) -> int: ...


def election_variants(
    election_id: str, title: str, council: str, year: int | None, council_key: str
) -> tuple[str, ...]:
    """The spellings an election is searched under: its id, its title, its council with and
    without the year, the council as recognised across documents, and its year."""
    year_text = str(year or "")
    variants = (
        normalize(election_id),
        normalize(title),
        normalize(f"{council} {year_text}"),
        normalize(council),
        council_key,  # "Testbury" for Testbury Borough Council, however written
        year_text,
    )
    return tuple(v for v in variants if v)


def election_shapes(variants: Iterable[str]) -> tuple[_Shape, ...]:
    return index_shapes("election", (tuple(v.split()) for v in variants))


def write(connection: sqlite3.Connection, rows: Sequence[int]) -> None:
    """Index the spellings of these elections (rows of `elections`), replacing what was."""
    for start in range(0, len(rows), _BATCH):
        batch = rows[start : start + _BATCH]
        forget(connection, batch)
        marks = ", ".join("?" * len(batch))
        words: list[tuple[str, int]] = []
        wholes: dict[tuple[str, int], int] = {}
        for row, sid, title, council, year, council_key in connection.execute(
            f"SELECT id, sid, title, council, year, council_key FROM elections"
            f" WHERE id IN ({marks}) AND sid IS NOT NULL",
            batch,
        ):
            shapes = election_shapes(election_variants(sid, title, council, year, council_key))
            words.extend((w, row) for w in {t for tokens, _, _ in shapes for t in tokens})
            for tokens, whole, _ in shapes:
                wholes[whole, row] = max(wholes.get((whole, row), 0), len(tokens))
        connection.executemany("INSERT INTO election_words(word, election) VALUES (?, ?)", words)
        connection.executemany(
            "INSERT INTO election_wholes(whole, election, words) VALUES (?, ?, ?)",
            [(whole, row, count) for (whole, row), count in wholes.items()],
        )


def forget(connection: sqlite3.Connection, rows: Iterable[int]) -> None:
    """Take these elections out of the index (duplicates no longer catalogued, or elections
    about to be indexed again)."""
    found = [(row,) for row in rows]
    connection.executemany("DELETE FROM election_words WHERE election = ?", found)
    connection.executemany("DELETE FROM election_wholes WHERE election = ?", found)


P = TypeVar("P", bound=Named)


class StoredElections(Generic[P]):
    """A `NameSource` of the catalogued elections (oldest first in `catalog`), known by their
    place newest first."""

    def __init__(self, catalog: Sequence[P], query: Query) -> None:
        self._catalog = catalog
        self._query = query
        self._made: dict[int, tuple[Entry[P], tuple[_Shape, ...]]] = {}
        self._places: dict[int, int] | None = None
        self._keys: list[tuple[str, int]] | None = None
        self._by_key: dict[str, int] | None = None
        self._postings: dict[str, list[int]] = {}
        """Postings read, by word: the vocabulary is small (1,665 words at 10,000 elections),
        and a question looks up the same few words (years, councils) again and again."""
        self._wholes: OrderedDict[str, list[int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._catalog)

    def _info(self, place: int) -> P:
        return self._catalog[len(self._catalog) - 1 - place]

    def _made_at(self, ident: Hashable) -> tuple[Entry[P], tuple[_Shape, ...]]:
        assert isinstance(ident, int)
        found = self._made.get(ident)
        if found is None:
            info = self._info(ident)
            variants = election_variants(
                info.id, info.title, info.council, info.year, info.council_key
            )
            entry = Entry(info.id, info.id, info.title, variants, info, (info.id,))
            found = self._made[ident] = (entry, election_shapes(variants))
        return found

    def all_entries(self) -> list[Entry[P]]:
        return [self.entry(n) for n in range(len(self))]

    def entry(self, ident: Hashable) -> Entry[P]:
        return self._made_at(ident)[0]

    def entries_of(self, idents: Iterable[Hashable]) -> dict[Hashable, Entry[P]]:
        return {i: self.entry(i) for i in idents}

    def shapes(self, ident: Hashable) -> tuple[_Shape, ...]:
        return self._made_at(ident)[1]

    def ident(self, key: str) -> Hashable | None:
        if self._by_key is None:
            last = len(self._catalog) - 1
            self._by_key = {info.id: last - n for n, info in enumerate(self._catalog)}
        return self._by_key.get(key)

    def idents(self, keys: Iterable[str]) -> list[Hashable]:
        return [i for k in keys if (i := self.ident(k)) is not None]

    def _place_of_row(self) -> dict[int, int]:
        if self._places is None:
            last = len(self._catalog) - 1
            self._places = {info.row: last - n for n, info in enumerate(self._catalog)}
        return self._places

    def _placed(self, rows: Iterable[tuple[int]]) -> list[int]:
        """Rows of `elections` -> their places, in order (rows not catalogued left out)."""
        places = self._place_of_row()
        return sorted(places[row] for (row,) in rows if row in places)

    def words(self) -> list[str]:
        return sorted(w for (w,) in self._query("SELECT DISTINCT word FROM election_words", ()))

    def postings(self, word: str) -> Collection[Hashable]:
        found = self._postings.get(word)
        if found is None:
            found = self._placed(
                self._query("SELECT election FROM election_words WHERE word = ?", (word,))
            )
            self._postings[word] = found
        return found

    def words_of(self, ident: Hashable) -> Collection[str]:
        return {t for tokens, _, _ in self.shapes(ident) for t in tokens}

    def counts(self) -> dict[str, int]:
        rows = self._query("SELECT word, count(*) FROM election_words GROUP BY word", ())
        return {word: int(count) for word, count in rows}

    def count_of(self, word: str) -> int:
        return len(self.postings(word))

    def wholes(self, whole: str) -> Collection[Hashable]:
        found = self._wholes.get(whole)
        if found is None:
            found = self._placed(
                self._query("SELECT election FROM election_wholes WHERE whole = ?", (whole,))
            )
            self._wholes[whole] = found
            if len(self._wholes) > _WHOLES_KEPT:
                self._wholes.popitem(last=False)
        return found

    def members(self, scope: str) -> dict[Hashable, frozenset[str]]:
        ident = self.ident(scope)
        return {} if ident is None else {ident: frozenset(self.words_of(ident))}

    def wholes_starting(self, prefix: str, limit: int) -> list[Hashable]:
        """As the index in memory gave them: by joined spelling, then place."""
        rows = self._query(
            "SELECT whole, election FROM election_wholes WHERE whole >= ? ORDER BY whole LIMIT ?",
            (prefix, limit),
        )
        rows = [(w, r) for w, r in rows if w.startswith(prefix)]
        if len(rows) == limit:  # the last spelling's other elections may come first by place
            rows += self._query(
                "SELECT whole, election FROM election_wholes WHERE whole = ?", (rows[-1][0],)
            )
        places = self._place_of_row()
        found = sorted({(w, places[r]) for w, r in rows if r in places})
        return [place for _, place in found[:limit]]

    def first(self, limit: int, scope: str | None) -> list[Entry[P]]:
        if scope is None:
            return [self.entry(n) for n in range(min(limit, len(self)))]
        ident = self.ident(scope)
        return [] if ident is None or limit < 1 else [self.entry(ident)]

    def plain(self, ident: Hashable) -> tuple[_Shape, ...] | None:
        return None

    def starting(self, prefix: str, limit: int) -> list[tuple[Hashable, str]]:
        if self._keys is None:
            last = len(self._catalog) - 1
            self._keys = sorted((info.id, last - n) for n, info in enumerate(self._catalog))
        start = bisect.bisect_left(self._keys, (prefix, -1))
        found: list[tuple[Hashable, str]] = []
        for key, place in self._keys[start : start + limit]:
            if not key.startswith(prefix):
                break
            found.append((place, key))
        return found

    def elections(self, entry: Entry[P]) -> tuple[str, ...]:
        return entry.elections

    def most_words(self) -> int:
        rows = self._query("SELECT max(words) FROM election_wholes", ())
        return int(rows[0][0] or 0)
