"""Compile election documents into the SQLite store, one document at a time.

Each document is remembered with its size, modification time and content hash: an unchanged
stat skips it without reading, a changed stat with the same hash only updates the stat, and a
changed hash recompiles that document alone. A removed file's rows disappear with it (foreign
keys cascade). Parse errors and warnings are stored with the document and its elections, so
every start reports them without parsing again. All writes of one compile are one transaction:
a reader (or a crash) sees the old store or the new one, never half of each.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, overload

from pydantic import BaseModel

from knowledge import readers
from knowledge.compiled import catalog, election_names, schema
from knowledge.errors import ParseError
from knowledge.facts import election_facts
from knowledge.models import Election, ParseWarning
from knowledge.normalize import normalize, spellings
from knowledge.parties import PartyBook
from knowledge.resolve import index_shapes

Progress = Callable[[int, int], None]
"""Called with (documents done, documents to compile) while compiling."""


@dataclass(slots=True)
class Document:
    """A document to compile: its name in the folder, stat, and how to read its bytes."""

    path: str
    size: int
    mtime: int
    source: str | bytes
    """The file to read, or the document's bytes themselves."""
    elections: tuple[Election, ...] | None = None
    """Already-read elections (a store built from models): stored as they are, not parsed."""

    def read(self) -> bytes:
        if isinstance(self.source, bytes):
            return self.source
        with open(self.source, "rb") as opened:
            return opened.read()


@dataclass
class CompileReport:
    """What one compile changed, by document and by election."""

    compiled: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    elections_added: list[str] = field(default_factory=list)
    elections_updated: list[str] = field(default_factory=list)
    elections_removed: list[str] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)
    """Errors of the documents compiled this time (every error is also in the store)."""
    kept: list[str] = field(default_factory=list)
    """Documents that loaded before but not now: their last good elections stay in place."""

    @property
    def changed(self) -> bool:
        return bool(self.compiled or self.removed)


def book_digest(book: PartyBook) -> str:
    """The party book's fingerprint: facts and party names depend on it, so a change rebuilds."""
    parties = [p.model_dump(mode="json") for p in book.known()]
    return hashlib.sha256(json.dumps(parties, sort_keys=True).encode()).hexdigest()


class Listing(Sequence[Document]):
    """A folder's documents as sorted names and stats, each `Document` made only when asked
    for: an unchanged start compares the state string alone, and at 10,000 documents making
    the objects and sorting them again cost 10 ms."""

    def __init__(self, folder: str, names: list[str], stats: list[tuple[int, int]]) -> None:
        self._folder = folder
        self._names = names
        self._stats = stats

    def __len__(self) -> int:
        return len(self._names)

    @overload
    def __getitem__(self, index: int) -> Document: ...
    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...
    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        name = self._names[index]
        size, mtime = self._stats[index]
        return Document(name, size, mtime, os.path.join(self._folder, name))

    def __iter__(self) -> Iterator[Document]:
        return map(self.__getitem__, range(len(self)))

    def state(self) -> str:
        """`_state` of these documents: the names are sorted and distinct already."""
        return "".join(
            f"{name}\0{size}\0{mtime}\0"
            for name, (size, mtime) in zip(self._names, self._stats, strict=True)
        )


def folder_documents(path: Path) -> Sequence[Document]:
    """Every document the readers know under a folder (or the one document given), by name.

    Every start stats every document, so this runs on plain names, statted relative to the
    open folder: at 10,000 documents, `Path`s cost more than the stats themselves, and
    `os.scandir` entries 8 ms more than names.
    """
    if not path.is_dir():
        return [_stat_document(path.name, str(path))]
    wanted = readers.suffixes()
    folder = str(path)
    names = sorted(  # `_suffix` only where a dot starts the name: half the cost at 10,000
        name
        for name in os.listdir(folder)
        if name.lower().endswith(wanted) and (name[0] != "." or _suffix(name) in wanted)
    )
    try:
        if os.stat in os.supports_dir_fd:
            descriptor = os.open(folder, os.O_RDONLY)
            try:
                stats = [os.stat(name, dir_fd=descriptor) for name in names]
            finally:
                os.close(descriptor)
        else:
            stats = [os.stat(os.path.join(folder, name)) for name in names]
    except OSError:  # a file went between listing and statting: each on its own
        each = [_stat_document(name, os.path.join(folder, name)) for name in names]
        return Listing(folder, names, [(d.size, d.mtime) for d in each])
    return Listing(folder, names, [(stat.st_size, stat.st_mtime_ns) for stat in stats])


def _suffix(name: str) -> str:
    """`os.path.splitext(name)[1].lower()` for a plain file name, at a third of its cost."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 and name[:dot].strip(".") else ""


def _stat_document(name: str, file: str) -> Document:
    try:
        stat = os.stat(file)
        size, mtime = stat.st_size, stat.st_mtime_ns
    except OSError:
        size, mtime = -1, -1
    return Document(name, size, mtime, file)


def text_documents(documents: Iterable[tuple[str, str]]) -> list[Document]:
    """(file name, text) pairs as documents, kept in the order given."""
    return [
        Document(f"{n:08d}/{name}", len(text), 0, text.encode("utf-8"))
        for n, (name, text) in enumerate(documents)
    ]


def compile_documents(
    connection: sqlite3.Connection,
    documents: Sequence[Document],
    book: PartyBook,
    *,
    progress: Progress | None = None,
) -> CompileReport:
    """Bring the database in step with `documents`, in one transaction.

    Nothing is written when every document's name and stat and the party book are as last
    compiled (`meta` holds them in one row, so a start with 10,000 unchanged documents reads
    one row instead of 10,000)."""
    report = CompileReport()
    digest = book_digest(book)
    state = (
        documents.state()
        if isinstance(documents, Listing)
        else _state((d.path, d.size, d.mtime) for d in documents)
    )
    if _meta(connection, "parties") == digest and _meta(connection, "documents") == state:
        return report
    with connection:  # one transaction: commit at the end, roll back on any error
        connection.execute("BEGIN IMMEDIATE")
        rebuilt = _meta(connection, "parties") != digest
        if rebuilt:
            connection.execute("DELETE FROM documents")  # every fact depends on the party book
            _set_meta(connection, "parties", digest)
        known = {
            path: (doc_id, size, mtime, hashed, errors)
            for doc_id, path, size, mtime, hashed, errors in connection.execute(
                "SELECT id, path, size, mtime, hash, errors FROM documents"
            )
        }
        wanted = {d.path for d in documents}
        touched: set[Name] = set()
        for path, (doc_id, *_rest) in known.items():
            if path not in wanted:
                report.removed.append(path)
                report.elections_removed.extend(_election_names(connection, doc_id))
                touched |= _names_of(connection, "e.document", doc_id)
                connection.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        todo = [
            d for d in documents if d.path not in known or known[d.path][1:3] != (d.size, d.mtime)
        ]
        for done, document in enumerate(todo, start=1):
            touched |= _compile_one(connection, document, known.get(document.path), book, report)
            if progress is not None:
                progress(done, len(todo))
        if report.changed or rebuilt:
            _order(connection, None if rebuilt else touched)
        stored = connection.execute("SELECT path, size, mtime FROM documents").fetchall()
        _set_meta(connection, "documents", _state(stored))
        _set_meta(connection, "catalog", catalog.encoded(connection))
        _set_meta(connection, "errors", json.dumps(_errors_of_documents(connection)))
    return report


def _state(documents: Iterable[tuple[str, int, int]]) -> str:
    """Every document's name and stat, in one string: NUL ends each field (no file name has
    one), so two states are equal only when the documents are. Compared at every start: at
    10,000 documents, joining costs 2 ms where JSON cost 5."""
    return "".join(f"{path}\0{size}\0{mtime}\0" for path, size, mtime in sorted(documents))


def _meta(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set_meta(connection: sqlite3.Connection, key: str, value: str) -> None:
    connection.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


Name = tuple[str, str]
"""(kind, key) of a ward or candidate name."""


def _names_of(connection: sqlite3.Connection, where: str, value: int) -> set[Name]:
    rows = connection.execute(
        "SELECT n.kind, n.key FROM names n JOIN elections e ON e.id = n.election"
        f" WHERE n.kind != 'party' AND {where} = ?",
        (value,),
    )
    return {(kind, key) for kind, key in rows}


RANK_GAP = 1 << 20
"""The distance between neighbours' ranks when they are numbered afresh: an election added
between two takes a rank in the gap, so adding one election rewrites one row, not every later
one (the gap halves with each addition at the same place; a full gap renumbers them all)."""


def _order(connection: sqlite3.Connection, touched: set[Name] | None) -> None:
    """Settle the store's order, drop duplicate elections and bring the distinct names up to
    date: all of them (`touched` None), or those of the elections compiled, removed, or
    dropped or restored as duplicates.

    The first document (by name) holding an election keeps it; the elections are ordered oldest
    first; an id two elections share gets a suffix (`-2`). Only rows whose id or rank changes
    are written. `entries` holds each distinct ward and candidate name once, named as in the
    newest election that has it.
    """
    rows = connection.execute(
        "SELECT e.id, e.name, e.identity, e.sort_date, e.title, e.sid, e.rank FROM elections e"
        " JOIN documents d ON d.id = e.document ORDER BY d.path, e.position"
    ).fetchall()
    kept: dict[object, tuple[int, str, str | None, str, str, str | None, int | None]] = {}
    for row in rows:
        kept.setdefault(row[2] if row[2] is not None else row[0], row)
    ordered = sorted(kept.values(), key=lambda r: (r[3], r[4]))
    was_kept = {row[0] for row in rows if row[6] is not None}
    now_kept = {row[0] for row in ordered}
    ranks = _ranks([row[6] for row in ordered], renumber=touched is None)
    seen: set[str] = set()
    updates: list[tuple[str | None, int | None, int]] = []
    renamed_elections: list[int] = []
    for rank, (row_id, name, _identity, _date, _title, sid, old_rank) in zip(
        ranks, ordered, strict=True
    ):
        unique, suffix = name, 2
        while unique in seen:
            unique, suffix = f"{name}-{suffix}", suffix + 1
        seen.add(unique)
        if (unique, rank) != (sid, old_rank):
            updates.append((unique, rank, row_id))
        if unique != sid:  # new, or its id changed: its spellings are (re)indexed
            renamed_elections.append(row_id)
    dropped = was_kept - now_kept
    updates.extend((None, None, row_id) for row_id in dropped)
    connection.executemany("UPDATE elections SET sid = ?, rank = ? WHERE id = ?", updates)
    election_names.forget(connection, dropped)
    election_names.write(connection, renamed_elections)
    connection.executemany(
        "UPDATE names SET rank = ? WHERE election = ?", [(rank, i) for _, rank, i in updates]
    )
    if touched is None:
        connection.execute("DELETE FROM entries")
        connection.execute(
            "INSERT INTO entries(kind, key, name, detail)"
            " SELECT n.kind, n.key, n.name, n.detail FROM names n"
            " JOIN (SELECT kind, key, max(rank) AS newest FROM names"
            " WHERE rank IS NOT NULL AND kind != 'party' GROUP BY kind, key) AS best"
            " ON best.kind = n.kind AND best.key = n.key AND n.rank = best.newest"
        )
        _index_words(connection, None)
        return
    for row_id in was_kept ^ now_kept:  # a duplicate dropped or restored
        touched |= _names_of(connection, "e.id", row_id)
    renamed: set[Name] = set()
    for kind, key in touched:
        before = connection.execute(
            "SELECT name FROM entries WHERE kind = ? AND key = ?", (kind, key)
        ).fetchall()
        connection.execute("DELETE FROM entries WHERE kind = ? AND key = ?", (kind, key))
        newest = connection.execute(
            "SELECT kind, key, name, detail FROM names WHERE kind = ? AND key = ?"
            " AND rank IS NOT NULL ORDER BY rank DESC LIMIT 1",
            (kind, key),
        ).fetchall()
        connection.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", newest)
        # The words index the name alone: a new detail (ward, party) leaves them as they are.
        if [(name,) for _, _, name, _ in newest] != before:
            renamed.add((kind, key))
    _index_words(connection, renamed)


def _ranks(old: Sequence[int | None], *, renumber: bool) -> list[int]:
    """Increasing ranks for elections in store order, keeping each old rank that still fits.

    The old ranks that already increase stay; the elections between two of them (new ones,
    or ones whose rank no longer fits) share the gap. Everything is numbered afresh on a full
    compile, or when a gap is too small.
    """
    if not renumber:
        anchors: list[int] = []
        for n, rank in enumerate(old):
            if rank is not None and (not anchors or rank > _rank_at(old, anchors[-1])):
                anchors.append(n)
        if anchors:
            ranks = _fill(old, anchors)
            if ranks is not None:
                return ranks
    return [n * RANK_GAP for n in range(len(old))]


def _rank_at(old: Sequence[int | None], n: int) -> int:
    rank = old[n]
    assert rank is not None
    return rank


def _fill(old: Sequence[int | None], anchors: list[int]) -> list[int] | None:
    """Ranks keeping `old` at the anchors and spreading the others between them; None when a
    gap is too small for the elections that go in it."""
    ranks = [0] * len(old)
    bounds = [-1, *anchors, len(old)]
    for low, high in pairwise(bounds):
        count = high - low - 1
        if high < len(old):
            ranks[high] = _rank_at(old, high)
        if count == 0:
            continue
        floor = _rank_at(old, low) if low >= 0 else _rank_at(old, high) - (count + 1) * RANK_GAP
        ceiling = (
            _rank_at(old, high) if high < len(old) else _rank_at(old, low) + (count + 1) * RANK_GAP
        )
        step = (ceiling - floor) // (count + 1)
        if step < 1:
            return None
        for k in range(count):
            ranks[low + 1 + k] = floor + step * (k + 1)
    return ranks


def _index_words(connection: sqlite3.Connection, touched: set[Name] | None) -> None:
    """The token index of the distinct names: every word and joined spelling of each entry
    (of the `touched` entries only, when given), and the vocabulary's counts (counted afresh,
    or moved by the words removed and added)."""
    counts: Counter[tuple[str, str]] = Counter()
    if touched is None:
        for table in ("words", "wholes", "vocabulary"):
            connection.execute(f"DELETE FROM {table}")
        rows = connection.execute("SELECT kind, key, name FROM entries").fetchall()
    else:
        for kind, key in touched:
            for (word,) in connection.execute(
                "SELECT word FROM words WHERE kind = ? AND key = ?", (kind, key)
            ).fetchall():
                counts[kind, word] -= 1
            connection.execute("DELETE FROM words WHERE kind = ? AND key = ?", (kind, key))
            connection.execute("DELETE FROM wholes WHERE kind = ? AND key = ?", (kind, key))
        rows = []
        for kind, key in touched:
            rows.extend(
                connection.execute(
                    "SELECT kind, key, name FROM entries WHERE kind = ? AND key = ?", (kind, key)
                )
            )
    words: set[tuple[str, str, str]] = set()
    wholes: set[tuple[str, str, str]] = set()
    for kind, key, name in rows:
        tokens = tuple(tuple(v.split()) for v in spellings(name) if v)
        for shape, whole, _ in index_shapes(kind, tokens):
            wholes.add((kind, whole, key))
            words.update((kind, word, key) for word in shape)
    connection.executemany("INSERT INTO words VALUES (?, ?, ?)", sorted(words))
    connection.executemany("INSERT INTO wholes VALUES (?, ?, ?)", sorted(wholes))
    if touched is None:
        connection.execute(
            "INSERT INTO vocabulary SELECT kind, word, count(*) FROM words GROUP BY kind, word"
        )
        return
    for kind, word, _ in words:
        counts[kind, word] += 1
    changed = [(kind, word, n) for (kind, word), n in counts.items() if n]
    connection.executemany(
        "INSERT INTO vocabulary VALUES (?, ?, ?) ON CONFLICT(kind, word)"
        " DO UPDATE SET entries = entries + excluded.entries",
        changed,
    )
    connection.executemany(
        "DELETE FROM vocabulary WHERE kind = ? AND word = ? AND entries <= 0",
        [(kind, word) for kind, word, _ in changed],
    )


def _election_names(connection: sqlite3.Connection, document_id: int) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM elections WHERE document = ? ORDER BY position", (document_id,)
    )
    return [name for (name,) in rows]


def _compile_one(
    connection: sqlite3.Connection,
    document: Document,
    known: tuple[int, int, int, str, str] | None,
    book: PartyBook,
    report: CompileReport,
) -> set[Name]:
    """Compile one document; returns the names of the elections it removed or added."""
    name = document.path.rpartition("/")[2]
    failure: ParseError | None = None
    try:
        data = document.read()
    except OSError as error:
        data, failure = b"", ParseError(name, 1, f"cannot be read: {error.strerror}")
    hashed = hashlib.sha256(data).hexdigest()
    if known is not None and known[3] == hashed and failure is None:
        # Errors beside elections were a broken version's (the elections kept): fixed now.
        kept = _election_names(connection, known[0]) if known[4] != "[]" else []
        connection.execute(
            "UPDATE documents SET size = ?, mtime = ?, errors = ? WHERE id = ?",
            (document.size, document.mtime, "[]" if kept else known[4], known[0]),
        )
        if kept:
            report.compiled.append(document.path)
            report.elections_updated.extend(kept)
        return set()
    before = set(_election_names(connection, known[0])) if known is not None else set()
    elections: list[Election] = []
    if document.elections is not None:
        elections = list(document.elections)
    elif failure is None:
        try:
            elections = readers.read_document(data, name)
        except ParseError as error:
            failure = error
    errors = [[failure.file, failure.line, failure.reason]] if failure else []
    if failure is not None and known is not None and before:
        # A document that loaded before is broken now (often half-saved): keep its last good
        # elections, report the error on every start, and read it again until it is fixed.
        connection.execute(
            "UPDATE documents SET errors = ? WHERE id = ?", (json.dumps(errors), known[0])
        )
        report.errors.append(failure)
        report.kept.append(document.path)
        return set()
    touched: set[Name] = set()
    if known is not None:
        touched = _names_of(connection, "e.document", known[0])
        connection.execute("DELETE FROM documents WHERE id = ?", (known[0],))
    cursor = connection.execute(
        "INSERT INTO documents(path, size, mtime, hash, errors) VALUES (?, ?, ?, ?, ?)",
        (document.path, document.size, document.mtime, hashed, json.dumps(errors)),
    )
    document_id = cursor.lastrowid
    assert document_id is not None
    for position, election in enumerate(elections):
        write_election(connection, document_id, position, election, book)
    touched |= _names_of(connection, "e.document", document_id)
    report.compiled.append(document.path)
    if failure is not None:
        report.errors.append(failure)
    after = [e.id for e in elections]
    report.elections_added.extend(i for i in after if i not in before)
    report.elections_updated.extend(i for i in after if i in before)
    report.elections_removed.extend(sorted(before - set(after)))
    return touched


ELECTION_COLUMNS = frozenset(
    {
        "id", "title", "source", "council", "date", "year", "kind", "infobox", "parties",
        "majority_seats", "seats_for_election", "control_before", "control_after", "summary",
        "contests", "warnings", "citation",
    }
)  # fmt: skip
CONTEST_COLUMNS = frozenset(
    {
        "ward", "seats", "candidates", "line", "stated_majority", "turnout", "turnout_percent",
        "electorate", "outcomes", "by_election", "rejected", "declared",
    }
)  # fmt: skip
CANDIDACY_COLUMNS = frozenset(
    {"name", "party", "votes", "line", "elected", "by_lot", "incumbent"}
)  # fmt: skip
"""The model fields stored in columns of their own; any other field (one added to the models
later) is kept in the row's `extra` JSON, so nothing a reader finds is lost."""


def extra(model: BaseModel, columns: frozenset[str]) -> str:
    """The model's fields without a column, as JSON (`{}` when every field has one)."""
    others = set(type(model).model_fields) - columns
    if not others:
        return "{}"
    return json.dumps(model.model_dump(mode="json", include=others))


def _warnings(warnings: Iterable[ParseWarning]) -> str:
    return json.dumps([[w.file, w.line, w.message] for w in warnings])


def _identity(election: Election) -> str | None:
    """What makes two documents the same election, whatever their format or file name.

    Only a dated election can be recognised: two undated by-elections of one ward in one year
    may be different polls, so both load.
    """
    if election.date is None:
        return None
    wards: list[str] = []
    if election.kind == "by-election":
        wards = sorted(normalize(c.ward) for c in election.contests)
    return json.dumps([election.council_key, election.date.isoformat(), election.kind, wards])


def write_election(
    connection: sqlite3.Connection,
    document_id: int,
    position: int,
    election: Election,
    book: PartyBook,
) -> None:
    """One election's rows: the election, its contests, candidacies, infobox and names."""
    facts = election_facts(election, book)
    when = election.date or dt.date(election.year or 1, 1, 1)
    cursor = connection.execute(
        "INSERT INTO elections(document, position, name, title, source, council, date, year,"
        " kind, sort_date, identity, infobox, majority_seats, seats_for_election,"
        " control_before, control_after, summary, citation, warnings, fact_warnings,"
        " wards, seats, candidates, extra, council_key, whole_council)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _fit(
            document_id,
            position,
            election.id,
            election.title,
            election.source,
            election.council,
            election.date.isoformat() if election.date else None,
            election.year,
            election.kind,
            when.isoformat(),
            _identity(election),
            json.dumps(election.infobox),
            election.majority_seats,
            election.seats_for_election,
            election.control_before,
            election.control_after,
            election.summary,
            election.citation,
            _warnings(election.warnings),
            _warnings(facts.warnings),
            len(facts.contests),
            facts.seats_contested,
            sum(len(c.standings) for c in facts.contests),
            extra(election, ELECTION_COLUMNS),
            election.council_key,
            facts.whole_council,
        ),
    )
    election_id = cursor.lastrowid
    results = [
        {(s.line, s.name): (s.elected, s.tied) for s in contest.standings}
        for contest in facts.contests
    ]
    connection.executemany(
        "INSERT INTO contests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            _fit(
                election_id,
                n,
                c.ward,
                normalize(c.ward),
                c.seats,
                c.line,
                c.stated_majority,
                c.turnout,
                c.turnout_percent,
                c.electorate,
                json.dumps(list(c.outcomes)),
                c.by_election,
                c.rejected,
                c.declared,
                extra(c, CONTEST_COLUMNS),
            )
            for n, c in enumerate(election.contests)
        ],
    )
    connection.executemany(
        "INSERT INTO candidacies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            _fit(
                election_id,
                n,
                m,
                p.name,
                normalize(p.name),
                p.party,
                p.votes,
                p.line,
                p.elected,
                p.by_lot,
                p.incumbent,
                *results[n][p.line, p.name],
                extra(p, CANDIDACY_COLUMNS),
            )
            for n, c in enumerate(election.contests)
            for m, p in enumerate(c.candidates)
        ],
    )
    connection.executemany(
        "INSERT INTO parties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            _fit(
                election_id,
                n,
                r.slot,
                r.name,
                r.last_election,
                r.seats_before,
                r.seats,
                r.seats_after,
                r.seat_change,
                r.popular_vote,
                r.percentage,
            )
            for n, r in enumerate(election.parties)
        ],
    )
    names: dict[tuple[str, str], tuple[str, str, int, int]] = {}
    for contest in election.contests:
        key = ("ward", normalize(contest.ward))
        names.setdefault(key, (contest.ward, election.council, len(names), 1))
    for contest in election.contests:
        for candidacy in contest.candidates:
            detail = f"{contest.ward} · {book.lookup(candidacy.party).display}"
            key = ("candidate", normalize(candidacy.name))
            names.setdefault(key, (candidacy.name, detail, len(names), 1))
    for tally in facts.parties:  # infobox-only rows (seats held, none standing) don't count
        key = ("party", tally.party.key)
        names.setdefault(key, (tally.party.display, "", len(names), int(tally.candidates > 0)))
    connection.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
        [
            (election_id, kind, key, name, detail, n, stood)
            for (kind, key), (name, detail, n, stood) in names.items()
        ],
    )


_INTEGER = range(-(2**63), 2**63)


def _fit(*values: object) -> tuple[object, ...]:
    """A row SQLite can hold: an integer beyond 64 bits (a typo'd vote count) kept as text,
    which the models read back as the same number."""
    return tuple(
        str(v) if isinstance(v, int) and not isinstance(v, bool) and v not in _INTEGER else v
        for v in values
    )


def connect(path: Path | None) -> tuple[sqlite3.Connection, list[str]]:
    """A database ready to compile into, and any problem met opening the file.

    A file from another schema version, or one that is not a database, is deleted and built
    again; a file that cannot be written (locked, read-only) is reported and the store is
    compiled in memory instead, so the bot still answers.
    """
    problems: list[str] = []
    if path is not None:
        try:
            try:
                return _open_file(path), problems
            except sqlite3.OperationalError:
                raise  # locked, read-only, no such folder: someone else's file, left alone
            except sqlite3.DatabaseError as error:  # not a database (any more): rebuilt
                problems.append(f"{path}: {error}; rebuilt")
            _delete(path)
            return _open_file(path), problems
        except (sqlite3.DatabaseError, OSError) as error:
            problems.append(f"{path} cannot be used ({error}); compiled in memory instead")
    connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    _prepare(connection)
    schema.create(connection)
    return connection, problems


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _open_file(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=1.0, check_same_thread=False, isolation_level=None)
    try:
        _prepare(connection)
        connection.execute("PRAGMA journal_mode = WAL")
        current = schema.version(connection)
        if current != schema.SCHEMA_VERSION or schema.is_empty(connection):
            if current != 0 or not schema.is_empty(connection):
                connection.close()
                _delete(path)
                connection = sqlite3.connect(
                    path, timeout=1.0, check_same_thread=False, isolation_level=None
                )
                _prepare(connection)
                connection.execute("PRAGMA journal_mode = WAL")
            schema.create(connection)
        connection.execute("BEGIN IMMEDIATE")  # fails now, not mid-compile, when locked
        connection.execute("ROLLBACK")
    except BaseException:
        connection.close()
        raise
    return connection


def _prepare(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = NORMAL")


def stored_errors(connection: sqlite3.Connection) -> list[ParseError]:
    """Every document's parse errors, by document name, as the last compile left them: one row
    of `meta` (scanning the documents for them took 2-4 ms of every start at 10,000); an older
    store's, or a damaged row, are read from the documents instead."""
    try:
        found = json.loads(_meta(connection, "errors") or "null")
        if isinstance(found, list):
            return [ParseError(*error) for error in found]
    except (ValueError, TypeError):
        pass
    return [ParseError(*error) for error in _errors_of_documents(connection)]


def _errors_of_documents(connection: sqlite3.Connection) -> list[list[Any]]:
    rows = connection.execute(
        "SELECT errors FROM documents WHERE errors != '[]' ORDER BY path"  # most have none
    )
    return [error for (found,) in rows for error in json.loads(found)]


def stored_catalog(connection: sqlite3.Connection) -> list[list[Any]]:
    """The catalog's columns (`catalog.COLUMNS`) as the last compile left them."""
    return catalog.decoded(_meta(connection, "catalog"), connection)
