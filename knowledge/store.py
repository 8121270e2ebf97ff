"""The results store: every election, read from the compiled SQLite file as answers need it.

Documents are compiled once (`knowledge.compiled`); opening the store reads a light catalog of
the elections and the distinct names, nothing more. An election's models and derived facts are
built from its rows on first use and kept in a bounded LRU cache. Cross-election lookups (a
candidate across elections, the list of elections, autocomplete) read the indexes, not objects.

Loading never stops at a bad document: its `ParseError` is kept in `errors` (naming the file and
line) and the other documents load. A file store holds one read snapshot for its lifetime, so
a recompile running beside it (a reload) never changes what it answers.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, overload

from knowledge.compiled import compiler
from knowledge.compiled.compiler import CompileReport, Document, Progress
from knowledge.compiled.election_names import StoredElections
from knowledge.compiled.names import StoredNames
from knowledge.compiled.party_names import PartyNames, stored_parties
from knowledge.errors import ParseError
from knowledge.facts import (
    ContestResult,
    ElectionFacts,
    Standing,
    contest_result,
    election_facts,
)
from knowledge.models import Contest, Election, ParseWarning
from knowledge.normalize import normalize
from knowledge.parties import Party, PartyBook
from knowledge.resolve import ACCEPT, EntityKind, Entry, Match, NameIndex, Resolution

CACHE_SIZE = 32
"""Elections (models and facts) kept built at once; the rest are rebuilt from rows on use."""
REFS_CACHE_SIZE = 1024
"""A name's elections and candidacies (small tuples read from the name index), kept at once."""
ELECTION_QUERIES_KEPT = 512
"""Election names resolved, kept at once (each a few matches)."""


@dataclass(frozen=True, slots=True)
class WardRef:
    election_id: str
    ward: str


@dataclass(frozen=True, slots=True)
class CandidateRef:
    election_id: str
    ward: str
    name: str
    party: Party
    votes: int | None = field(default=None, compare=False)
    """The result as compiled, so answers listing many candidacies build no election."""
    elected: bool = field(default=False, compare=False)
    tied: bool = field(default=False, compare=False)


def namesakes(refs: Sequence[CandidateRef], match: Match, query: str) -> Resolution:
    """People of one name in one election, in different wards, as a choice to offer: each
    named with their ward ("David Green (Worthter)"), which asked again picks them."""
    people = tuple(
        match.model_copy(update={"name": f"{r.name} ({r.ward})", "detail": r.party.display})
        for r in refs
    )
    return Resolution(status="ambiguous", kind="candidate", query=query, matches=people)


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    """Enough of a person's candidacies to list them (`ResultsStore.candidate_record`)."""

    shown: tuple[CandidateRef, ...]
    """In their newest elections and the one asked about, newest first."""
    candidacies: int
    """How many in all."""
    elections: tuple[str, ...]
    """Every election they stood in, newest first."""


_CANDIDACY_COLUMNS = (
    "SELECT p.election, p.contest, p.position, c.ward, p.name, p.party, p.votes, p.won, p.tied"
)
"""A candidacy as a `CandidateRef` is made from (election row first, for `_newest_first`)."""


class ElectionInfo(NamedTuple):
    """What listing and choosing an election needs, without building it.

    A named tuple: a store opens with one per election (10,000 at scale), and a tuple is made
    several times faster than a frozen dataclass.
    """

    id: str
    title: str
    council: str
    date: dt.date | None
    year: int | None
    kind: str
    source: str
    row: int
    """The election's row in the database."""
    wards: int
    seats: int
    """Seats contested."""
    candidates: int
    citation: str | None = None
    council_key: str = ""
    """The council as recognised across documents and formats (`derby`), as compiled."""
    whole_council: bool = False
    """Every seat of the council was elected (an all-out election), as its facts derive."""
    seats_for_election: str | None = None

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        """The same order as `Election.sort_key`: oldest first, undated by year then title."""
        return (self.date or dt.date(self.year or 1, 1, 1), self.title)


def election_match(election: ElectionInfo, score: float) -> Match:
    """An election as a resolution lists it (its id, told apart by its title)."""
    return Match(
        kind="election",
        key=election.id,
        name=election.id,
        detail=election.title,
        score=score,
        elections=(election.id,),
    )


_K = TypeVar("_K")


def _ids_by(
    catalog: Iterable[ElectionInfo], key: Callable[[ElectionInfo], _K | None]
) -> dict[_K, tuple[str, ...]]:
    """The catalog's election ids grouped by a key (elections without one left out), in the
    catalog's order."""
    found: dict[_K, list[str]] = defaultdict(list)
    for info in catalog:
        if (value := key(info)) is not None:
            found[value].append(info.id)
    return {value: tuple(ids) for value, ids in found.items()}


class ElectionList(Sequence[Election]):
    """The store's elections, oldest first; each is built from its rows when it is read."""

    def __init__(self, store: ResultsStore) -> None:
        self._store = store

    def __len__(self) -> int:
        return len(self._store.catalog)

    @overload
    def __getitem__(self, index: int) -> Election: ...

    @overload
    def __getitem__(self, index: slice) -> list[Election]: ...

    def __getitem__(self, index: int | slice) -> Election | list[Election]:
        catalog = self._store.catalog
        if isinstance(index, slice):
            return [self._store.built(info) for info in catalog[index]]
        return self._store.built(catalog[index])

    def __iter__(self) -> Iterator[Election]:
        return (self._store.built(info) for info in self._store.catalog)

    def __reversed__(self) -> Iterator[Election]:
        return (self._store.built(info) for info in reversed(self._store.catalog))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ElectionList({[i.id for i in self._store.catalog]!r})"


class _Lru(OrderedDict[Hashable, Any]):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def remember(self, key: Hashable, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


class ResultsStore:
    """Many elections, newest last, with their facts and name indexes."""

    def __init__(
        self,
        elections: Iterable[Election] = (),
        book: PartyBook | None = None,
        errors: Iterable[ParseError] = (),
    ) -> None:
        """A store of elections already read (tests, generators): compiled in memory."""
        book = book or PartyBook.empty()
        documents = [
            Document(f"{n:08d}/{e.source}", 0, 0, b"", (e,)) for n, e in enumerate(elections)
        ]
        connection, _ = compiler.connect(None)
        report = compiler.compile_documents(connection, documents, book)
        self._open(connection, book, list(errors), [], report)

    # Loading -----------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        path: Path,
        parties: Path | None = None,
        *,
        database: Path | None = None,
        progress: Progress | None = None,
    ) -> ResultsStore:
        """Every document under a folder (or one document), in every format the store reads.

        The documents are compiled into `database` (only those changed since the last compile;
        None compiles in memory). Bad documents go to `errors`; the same election found in two
        files loads once, with a warning naming both.
        """
        book = PartyBook.from_toml(parties) if parties and parties.exists() else PartyBook.empty()
        store = cls.compile(compiler.folder_documents(path), book, database, progress)
        store.origin = (path, parties, database)
        return store

    def reload(self, progress: Progress | None = None) -> ResultsStore:
        """The documents this store was loaded from, compiled again where they changed.

        A new store: this one keeps answering from its own snapshot until it is dropped. Its
        `report` says what changed; a document that loaded before and is broken now keeps its
        last good elections (`report.kept`), with its error in `errors`.
        """
        if self.origin is None:
            raise ValueError("only a store loaded from documents can be reloaded")
        path, parties, database = self.origin
        return ResultsStore.load(path, parties, database=database, progress=progress)

    @classmethod
    def from_texts(
        cls, documents: Iterable[tuple[str, str]], book: PartyBook | None = None
    ) -> ResultsStore:
        """Build a store from (file name, text) pairs; used by tests and generators."""
        return cls.compile(compiler.text_documents(documents), book or PartyBook.empty())

    @classmethod
    def compile(
        cls,
        documents: Sequence[Document],
        book: PartyBook,
        database: Path | None = None,
        progress: Progress | None = None,
    ) -> ResultsStore:
        """Compile what changed into `database` (None: in memory), then open it."""
        connection, problems = compiler.connect(database)
        try:
            report = compiler.compile_documents(connection, documents, book, progress=progress)
        except sqlite3.DatabaseError as error:  # locked by another writer, disk full, ...
            connection.close()
            problems.append(f"{database}: {error}; compiled in memory instead")
            connection, _ = compiler.connect(None)
            report = compiler.compile_documents(connection, documents, book, progress=progress)
        store = cls.__new__(cls)
        store._open(connection, book, [], problems, report)
        return store

    def _open(
        self,
        connection: sqlite3.Connection,
        book: PartyBook,
        errors: list[ParseError],
        problems: list[str],
        report: CompileReport,
    ) -> None:
        self.book = book
        self.origin: tuple[Path, Path | None, Path | None] | None = None
        """(documents, party file, database) of a store loaded from a folder: what `reload`
        compiles again."""
        self.problems = problems
        """Problems with the database file itself (rebuilt, or compiled in memory instead)."""
        self.report = report
        """What the compile that opened this store changed."""
        self._db = connection
        self._lock = threading.RLock()
        self._elections: _Lru = _Lru(CACHE_SIZE)
        self._facts: _Lru = _Lru(CACHE_SIZE)
        self._refs: _Lru = _Lru(REFS_CACHE_SIZE)
        self._scopes: _Lru = _Lru(4 * CACHE_SIZE)
        self._election_queries: _Lru = _Lru(ELECTION_QUERIES_KEPT)
        """Resolutions of election names: few distinct ("2006", a council), each asked often,
        and "2006" at 10,000 elections ranks hundreds of candidates (10 ms)."""
        self._contests: _Lru = _Lru(4 * CACHE_SIZE)
        """Single contests (and each election's ward positions) read without their election."""
        connection.execute("BEGIN")  # one snapshot for the store's lifetime
        self.errors: list[ParseError] = [*errors, *compiler.stored_errors(connection)]
        columns = compiler.stored_catalog(connection)
        columns[3] = [dt.date.fromisoformat(d) if d else None for d in columns[3]]
        self.catalog: tuple[ElectionInfo, ...] = tuple(map(ElectionInfo, *columns))
        self._by_id = {info.id: info for info in self.catalog}
        self._by_row = {info.row: info for info in self.catalog}
        self._order = {info.id: n for n, info in enumerate(self.catalog)}
        self.elections: Sequence[Election] = ElectionList(self)
        self.wards = NameIndex[None]("ward", self._stored("ward"))
        self.candidates = NameIndex[None]("candidate", self._stored("candidate"))

    @cached_property
    def parties(self) -> NameIndex[Party]:
        """Every party known or standing (built on first use: a /ward never needs it)."""
        return NameIndex[Party](
            "party",
            PartyNames(
                self._party_entries(),
                lambda key: self._elections_of("party", key),
                lambda scope: self._scope_keys("party", scope),
            ),
        )

    @cached_property
    def election_index(self) -> NameIndex[ElectionInfo]:
        """Elections by id, title, council and year; its words are compiled, its entries made
        as a search reads them (`StoredElections`)."""
        return NameIndex[ElectionInfo]("election", StoredElections(self.catalog, self._query))

    def _query(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    @property
    def load_warnings(self) -> list[ParseWarning]:
        """A warning naming every document whose election another document already gave."""
        rows = self._query(
            "SELECT e.identity, e.title, e.source, e.rank FROM elections e"
            " JOIN documents d ON d.id = e.document WHERE e.identity IS NOT NULL"
            " ORDER BY d.path, e.position"
        )
        kept = {identity: source for identity, _, source, rank in rows if rank is not None}
        return [
            ParseWarning(
                file=source,
                line=1,
                message=f"{title} is loaded once: it is also in {kept[identity]}, which is used",
            )
            for identity, title, source, rank in rows
            if rank is None and identity in kept
        ]

    @property
    def warnings(self) -> list[ParseWarning]:
        rows = self._query(
            "SELECT warnings, fact_warnings FROM elections WHERE rank IS NOT NULL ORDER BY rank"
        )
        found = [_warning(*w) for read, _ in rows for w in json.loads(read)]
        derived = [_warning(*w) for _, facts in rows for w in json.loads(facts)]
        return [*self.load_warnings, *found, *derived]

    def close(self) -> None:
        """Let go of the database snapshot (a reloaded store replaces this one)."""
        with self._lock:
            self._db.close()

    # Elections ---------------------------------------------------------------------------

    @property
    def latest(self) -> Election | None:
        return self.built(self.catalog[-1]) if self.catalog else None

    def info(self, election_id: str) -> ElectionInfo | None:
        return self._by_id.get(election_id)

    def election(self, election_id: str) -> Election | None:
        info = self._by_id.get(election_id)
        return None if info is None else self.built(info)

    def built(self, info: ElectionInfo) -> Election:
        """The election's models, built from its rows on first use (then cached)."""
        with self._lock:
            found: Election | None = self._elections.get(info.id)
            if found is None:
                found = self._build(info)
            self._elections.remember(info.id, found)
            return found

    def facts(self, election_id: str) -> ElectionFacts:
        with self._lock:
            found: ElectionFacts | None = self._facts.get(election_id)
            if found is None:
                election = self.election(election_id)
                if election is None:
                    raise KeyError(election_id)
                found = election_facts(election, self.book)
            self._facts.remember(election_id, found)
            return found

    def ids_of_council(self, council_key: str) -> tuple[str, ...]:
        """Every election of one council (by `council_key`), oldest first."""
        return self._by_council.get(council_key, ())

    @property
    def council_count(self) -> int:
        """How many councils the loaded elections are of."""
        return len(self._by_council)

    def ids_of_year(self, year: int) -> tuple[str, ...]:
        """Every election of one year, oldest first."""
        return self._by_year.get(year, ())

    @cached_property
    def _by_council(self) -> dict[str, tuple[str, ...]]:
        return _ids_by(self.catalog, lambda info: info.council_key)

    @cached_property
    def _by_year(self) -> dict[int, tuple[str, ...]]:
        return _ids_by(self.catalog, lambda info: info.year)

    def newest_first(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(ids), key=lambda i: -self._order.get(i, -1)))

    def resolve_election(self, query: str, *, suggest: bool = True) -> Resolution:
        """An election from its id, year, council or title ("derby-2002", "2002", "Derby")."""
        exact = self._by_id.get(query.strip().lower())
        if exact is not None:
            return Resolution(
                status="ok", kind="election", query=query, matches=(election_match(exact, 100.0),)
            )
        with self._lock:
            found: Resolution | None = self._election_queries.get((query, suggest))
        if found is None:
            found = self.election_index.resolve(query, suggest=suggest)
            with self._lock:
                self._election_queries.remember((query, suggest), found)
        return found

    def _build(self, info: ElectionInfo) -> Election:
        row = info.row
        (election,) = self._db.execute(
            "SELECT infobox, majority_seats, seats_for_election, control_before, control_after,"
            " summary, citation, warnings, extra FROM elections WHERE id = ?",
            (row,),
        ).fetchall()
        infobox, majority, seats_for, before, after, summary, citation, warnings, more = election
        contests = list(self._contest_values(row).values())
        parties = [
            dict(zip(_PARTY_COLUMNS, values, strict=True))
            for values in self._db.execute(
                f"SELECT {', '.join(_PARTY_COLUMNS)} FROM parties WHERE election = ?"
                " ORDER BY position",
                (row,),
            )
        ]
        return Election.model_validate(
            {
                "id": info.id,
                "title": info.title,
                "source": info.source,
                "council": info.council,
                "date": info.date,
                "year": info.year,
                "kind": info.kind,
                "infobox": json.loads(infobox),
                "parties": parties,
                "majority_seats": majority,
                "seats_for_election": seats_for,
                "control_before": before,
                "control_after": after,
                "summary": summary,
                "contests": contests,
                "warnings": [
                    {"file": f, "line": n, "message": m} for f, n, m in json.loads(warnings)
                ],
                "citation": citation,
                **json.loads(more),
            }
        )

    def _contest_values(
        self, row: int | None = None, pairs: Sequence[tuple[int, int]] = ()
    ) -> dict[tuple[int, int], dict[str, Any]]:
        """The values of `Contest` of one election's contests (`row`), or of the contests at
        (election row, position) `pairs` (one query for many elections), in their order."""
        if row is not None:
            where, parameters = "election = ?", [row]
        else:
            # OR of (election, position) terms: SQLite searches the primary key once per term,
            # where a row-value IN list would scan the whole table.
            where = " OR ".join("(election = ? AND {0} = ?)" for _ in pairs)
            parameters = [v for p in pairs for v in p]
        candidacies: defaultdict[tuple[int, int], list[dict[str, object]]] = defaultdict(list)
        for (
            election,
            contest,
            name,
            party,
            votes,
            line,
            elected,
            by_lot,
            incumbent,
            extra,
        ) in self._db.execute(
            "SELECT election, contest, name, party, votes, line, elected, by_lot, incumbent,"
            f" extra FROM candidacies WHERE {where.format('contest')}"
            " ORDER BY election, contest, position",
            parameters,
        ):
            candidacies[election, contest].append(
                {
                    "name": name,
                    "party": party,
                    "votes": votes,
                    "line": line,
                    "elected": None if elected is None else bool(elected),
                    "by_lot": bool(by_lot),
                    "incumbent": bool(incumbent),
                    **(json.loads(extra) if extra != "{}" else {}),
                }
            )
        return {
            (election, number): {
                "ward": ward,
                "seats": seats,
                "candidates": candidacies[election, number],
                "line": line,
                "stated_majority": stated,
                "turnout": turnout,
                "turnout_percent": percent,
                "electorate": electorate,
                "outcomes": json.loads(outcomes),
                "by_election": bool(by),
                "rejected": rejected,
                "declared": bool(declared),
                **(json.loads(extra) if extra != "{}" else {}),
            }
            for election, number, ward, seats, line, stated, turnout, percent, electorate,
            outcomes, by, rejected, declared, extra in self._db.execute(
                "SELECT election, position, ward, seats, line, stated_majority, turnout,"
                " turnout_percent, electorate, outcomes, by_election, rejected, declared, extra"
                f" FROM contests WHERE {where.format('position')} ORDER BY election, position",
                parameters,
            )
        }  # fmt: skip

    def ward_positions(self, info: ElectionInfo) -> dict[str, int]:
        """Case-folded ward name -> the contest's position in its election (one small query)."""
        key = f"p:{info.row}"
        with self._lock:
            found: dict[str, int] | None = self._contests.get(key)
            if found is None:
                found = {
                    ward.casefold(): position
                    for position, ward in self._db.execute(
                        "SELECT position, ward FROM contests WHERE election = ? ORDER BY position",
                        (info.row,),
                    )
                }
            self._contests.remember(key, found)
            return found

    def contest_positions(self, rows: Sequence[int], ward_key: str) -> list[tuple[int, int]]:
        """(election row, contest position) of the contests among these elections whose
        normalised ward name is `ward_key` (the compiled index: no election is built)."""
        marks = ", ".join("?" * len(rows))
        found: list[tuple[int, int]] = self._query(
            f"SELECT election, position FROM contests WHERE ward_key = ? AND election IN ({marks})",
            (ward_key, *rows),
        )
        return found

    def contest_at(self, info: ElectionInfo, position: int) -> tuple[Contest, ContestResult]:
        """One contest of an election, as written and derived, without building the rest of
        the election."""
        ((_, found),) = self.contests_at([(info, position)])
        return found

    def contests_at(
        self, wanted: Sequence[tuple[ElectionInfo, int]]
    ) -> list[tuple[tuple[ElectionInfo, int], tuple[Contest, ContestResult]]]:
        """Contests of many elections, as written and derived, without building the rest of
        those elections (a ward's history reads one contest from each of many elections): those
        not cached are read with one query."""
        with self._lock:
            found: dict[tuple[int, int], tuple[Contest, ContestResult]] = {}
            missing: list[tuple[ElectionInfo, int]] = []
            for info, position in wanted:
                key = (info.row, position)
                cached: tuple[Contest, ContestResult] | None = self._contests.get(key)
                election: Election | None = self._elections.get(info.id)
                facts: ElectionFacts | None = self._facts.get(info.id)
                if cached is None and election is not None and facts is not None:
                    cached = election.contests[position], facts.contests[position]
                if cached is None:
                    missing.append((info, position))
                else:
                    found[key] = cached
            if missing:
                pairs = [(info.row, position) for info, position in missing]
                values = self._contest_values(pairs=pairs)
                marks = ", ".join("?" * len(pairs))
                summaries = dict(
                    self._db.execute(
                        f"SELECT id, summary FROM elections WHERE id IN ({marks})",
                        [row for row, _ in pairs],
                    ).fetchall()
                )
                for info, position in missing:
                    contest = Contest.model_validate(values[info.row, position])
                    result = contest_result(info.id, contest, self.book, summaries[info.row])
                    found[info.row, position] = contest, result
            for info, position in wanted:
                self._contests.remember((info.row, position), found[info.row, position])
            return [((i, p), found[i.row, p]) for i, p in wanted]

    # Names -------------------------------------------------------------------------------

    def resolve_ward(
        self, query: str, election_id: str | None = None, *, suggest: bool = True
    ) -> Resolution:
        return self.wards.resolve(query, scope=election_id, suggest=suggest)

    def resolve_candidate(
        self, query: str, election_id: str | None = None, *, suggest: bool = True
    ) -> Resolution:
        resolution = self.candidates.resolve(query, scope=election_id, suggest=suggest)
        if election_id is None:
            return resolution
        details = {  # one row each, not the thousands of candidacies a common name has
            m.key: detail
            for m in resolution.matches
            if (detail := self.candidate_detail(m.key, election_id)) is not None
        }
        return resolution.model_copy(
            update={
                "matches": tuple(
                    m.model_copy(update={"detail": details.get(m.key, m.detail)})
                    for m in resolution.matches
                )
            }
        )

    def resolve_party(self, query: str, *, suggest: bool = True) -> Resolution:
        return self.parties.resolve(query, suggest=suggest)

    def party(self, key: str) -> Party | None:
        entry = self.parties.get(key)
        return entry.payload if entry else None

    def ward_refs(self, key: str) -> tuple[WardRef, ...]:
        """Every contest of a ward (by normalised name), newest election first."""
        cached: tuple[WardRef, ...] | None = self._refs.get(f"w:{key}")
        if cached is None:
            rows = self._query(
                "SELECT election, position, ward FROM contests WHERE ward_key = ?", (key,)
            )
            cached = tuple(WardRef(info.id, ward) for info, _, ward in self._newest_first(rows))
            with self._lock:
                self._refs.remember(f"w:{key}", cached)
        return cached

    def council_contests(
        self, election_id: str, ward: str, keep: Callable[[ElectionInfo], bool]
    ) -> Iterator[tuple[ElectionInfo, ContestResult]]:
        """The ward's contests in the council's other loaded elections that `keep` wants,
        newest first: a by-election beside the ordinary election, an earlier year's. Lazily,
        and only for the elections kept: building a contest builds its election's facts."""
        info = self.info(election_id)
        if info is None:
            return
        for ref in self.ward_refs(normalize(ward)):
            other = self.info(ref.election_id)
            if other is None or other.id == info.id or other.council_key != info.council_key:
                continue
            if not keep(other):
                continue
            contest = self.contest(other.id, ref.ward)
            if contest is not None:
                yield other, contest

    def candidate_refs(self, key: str) -> tuple[CandidateRef, ...]:
        """Every candidacy of a person (by normalised name), newest election first."""
        cached: tuple[CandidateRef, ...] | None = self._refs.get(f"c:{key}")
        if cached is None:
            cached = self._candidate_refs(
                _CANDIDACY_COLUMNS + " FROM candidacies p JOIN contests c"
                " ON c.election = p.election AND c.position = p.contest WHERE p.name_key = ?",
                (key,),
            )
            with self._lock:
                self._refs.remember(f"c:{key}", cached)
        return cached

    def candidate_refs_in(
        self, key: str, wards: Collection[str] = (), elections: Collection[str] = ()
    ) -> tuple[CandidateRef, ...]:
        """A person's candidacies in wards of these names and/or in these elections, newest
        election first. Read from the wards' or the elections' side, not from the thousands of
        candidacies a common name has: narrowing ten John Smiths by a ward reads ten short
        lists."""
        cached: tuple[CandidateRef, ...] | None = self._refs.get(f"c:{key}")
        if cached is None and not wards and not elections:
            return self.candidate_refs(key)
        if cached is None:
            rows = [info.row for i in elections if (info := self._by_id.get(i)) is not None]
            if elections and not rows:
                return ()
            where: list[str] = ["p.name_key = ?"]
            parameters: list[Any] = [key]
            if rows:
                where.append(f"p.election IN ({', '.join('?' * len(rows))})")
                parameters += rows
            if wards:
                keys = sorted({normalize(w) for w in wards})
                where.append(f"c.ward_key IN ({', '.join('?' * len(keys))})")
                parameters += keys
            # The wards' contests first when there are wards (CROSS JOIN keeps that order);
            # else the person's rows in those elections, through the name index.
            tables = (
                "contests c CROSS JOIN candidacies p" if wards else "candidacies p JOIN contests c"
            )
            cached = self._candidate_refs(
                _CANDIDACY_COLUMNS + f" FROM {tables}"
                " ON p.election = c.election AND p.contest = c.position"
                f" WHERE {' AND '.join(where)}",
                tuple(parameters),
            )
        ward_keys = {normalize(w) for w in wards}
        return tuple(
            r
            for r in cached
            if (not wards or r.ward in wards or normalize(r.ward) in ward_keys)
            and (not elections or r.election_id in elections)
        )

    def candidates_of_ward(self, query: str, ward: str, limit: int = 10) -> tuple[Match, ...]:
        """The people matching `query` who stood in a ward of this name in any election, best
        first, each told apart by their newest contest there ("Mondworth 2006 · Labour"): a
        surname shared by hundreds is narrowed to the few of one ward's contests."""
        rows = self._query(
            "SELECT DISTINCT p.name_key FROM contests c CROSS JOIN candidacies p"
            " ON p.election = c.election AND p.contest = c.position WHERE c.ward_key = ?",
            (normalize(ward),),
        )
        ranked = self.candidates.rank_among(query, [key for (key,) in rows], limit)
        found = []
        for entry, score in ranked:
            refs = self.candidate_refs_in(entry.key, [ward])
            if score < ACCEPT or not refs or (info := self.info(refs[0].election_id)) is None:
                continue
            detail = f"{refs[0].ward} {info.year} · {refs[0].party.display}"
            found.append(self.candidates.match(entry, score).model_copy(update={"detail": detail}))
        return tuple(found)

    def candidate_record(self, key: str, election_id: str, newest: int) -> CandidateRecord:
        """A person's candidacies as an answer lists them: those in their `newest` latest
        elections and in the one asked about, with every election and the count of them all.
        A name standing thousands of times reads a count and a few rows, not every row."""
        elections = self._elections_of("candidate", key)
        shown = self.candidate_refs_in(key, elections={election_id, *elections[: newest + 1]})
        return CandidateRecord(shown, self.candidacy_count(key), elections)

    def candidacy_count(self, key: str) -> int:
        """How many times a person stood in the catalogued elections (one count over the name
        index, unless some compiled election is a duplicate left out of the catalog)."""
        ((total,),) = self._query("SELECT count(*) FROM candidacies WHERE name_key = ?", (key,))
        if self._has_duplicates:
            rows = self._query("SELECT election FROM candidacies WHERE name_key = ?", (key,))
            total = sum(1 for (row,) in rows if row in self._by_row)
        return int(total)

    @cached_property
    def _has_duplicates(self) -> bool:
        ((count,),) = self._query("SELECT count(*) FROM elections")
        return int(count) != len(self.catalog)

    def _candidate_refs(self, sql: str, parameters: tuple[Any, ...]) -> tuple[CandidateRef, ...]:
        return tuple(
            CandidateRef(
                info.id, ward, name, self.book.lookup(party), _number(votes), bool(won), bool(tied)
            )
            for info, _, _, ward, name, party, votes, won, tied in self._newest_first(
                self._query(sql, parameters)
            )
        )

    def candidate_detail(self, key: str, election_id: str) -> str | None:
        """ "Ward · Party" of a person's first candidacy in an election (None if not there): one
        row of the name index, not the hundreds of candidacies a common name has."""
        info = self._by_id.get(election_id)
        if info is None:
            return None
        rows = self._query(
            "SELECT detail FROM names WHERE election = ? AND kind = 'candidate' AND key = ?",
            (info.row, key),
        )
        return str(rows[0][0]) if rows else None

    def contest(self, election_id: str, ward: str) -> ContestResult | None:
        """One ward's result: from the election's facts when they are built, else alone."""
        with self._lock:
            facts: ElectionFacts | None = self._facts.get(election_id)
        if facts is not None:
            return facts.contest(ward)
        info = self._by_id.get(election_id)
        if info is None:
            raise KeyError(election_id)
        position = self.ward_positions(info).get(ward.casefold())
        return None if position is None else self.contest_at(info, position)[1]

    def standing(self, ref: CandidateRef) -> tuple[ContestResult, Standing] | None:
        contest = self.contest(ref.election_id, ref.ward)
        if contest is None:
            return None
        for standing in contest.standings:
            if standing.name == ref.name:
                return contest, standing
        return None

    # Index building ----------------------------------------------------------------------

    def _elections_of(self, kind: str, key: str) -> tuple[str, ...]:
        """The elections that have a name (a party: that it stood in), newest first."""
        # The name index alone (its covering index): the elections' rows are wide, with their
        # id and rank stored last, and the catalog already maps rows to ids in order.
        # The names rows carry their election's rank, so the index gives them newest first.
        cached: tuple[str, ...] | None = self._refs.get(f"e:{kind}:{key}")
        if cached is None:
            rows = self._query(
                "SELECT election FROM names WHERE kind = ? AND key = ? AND stood"
                " ORDER BY rank DESC",
                (kind, key),
            )
            by_row = self._by_row
            cached = tuple(by_row[row].id for (row,) in rows if row in by_row)
            with self._lock:
                self._refs.remember(f"e:{kind}:{key}", cached)
        return cached

    def _newest_first(self, rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Rows starting with an election's row number, that number replaced by its
        `ElectionInfo`, newest election first, then in the rows' order of the other columns;
        rows of a duplicate election (not in the catalog) left out. The elections' own rows are
        wide (JSON), so joining them to read an id and a rank costs more than this."""
        position = self._position_of_row
        found = [(position[row], *rest) for row, *rest in rows if row in position]
        found.sort(key=lambda r: (-r[0], *r[1:3]))
        return [(self.catalog[n], *rest) for n, *rest in found]

    @cached_property
    def _position_of_row(self) -> dict[int, int]:
        """Each catalogued election's row number -> its place in the store's order."""
        return {info.row: n for n, info in enumerate(self.catalog)}

    def _scope_keys(self, kind: str, scope: str) -> list[str]:
        """The names of one election (its parties: those that stood, not infobox-only rows).
        Ward and candidate names always stood."""
        info = self._by_id.get(scope)
        if info is None:
            return []
        rows = self._query(
            "SELECT key FROM names WHERE election = ? AND kind = ? AND stood", (info.row, kind)
        )
        return [key for (key,) in rows]

    def _stored(self, kind: EntityKind) -> StoredNames:
        return StoredNames(
            kind,
            self._query,
            lambda key: self._elections_of(kind, key),
            lambda scope: self._scope_keys(kind, scope),
        )

    def _party_entries(self) -> list[Entry[Party]]:
        """Every party of the book or standing, those that stood first; their elections are
        read when a match needs them (`PartyNames`)."""
        parties: dict[str, Party] = {p.key: p for p in self.book.known()}
        stood: set[str] = set()
        for found in stored_parties(self._query):
            if found.key not in parties:
                parties[found.key] = self.book.lookup(found.name)
            if found.stood:
                stood.add(found.key)
        entries = []
        for key, party in parties.items():
            variants = tuple(dict.fromkeys(normalize(s) for s in party.spellings if normalize(s)))
            entries.append(
                Entry(
                    key=key,
                    name=party.display,
                    detail=party.short,
                    variants=variants,
                    payload=party,
                )
            )
        entries.sort(key=lambda e: (e.key not in stood, e.name))
        return entries

    def party_elections(self, key: str) -> tuple[str, ...]:
        """The elections a party stood in, newest first (kept read, as other names' are)."""
        return self._elections_of("party", key)


def _number(value: int | str | None) -> int | None:
    """A stored count (a number beyond 64 bits is stored as text)."""
    return None if value is None else int(value)


def _warning(file: str, line: int, message: str) -> ParseWarning:
    return ParseWarning(file=file, line=line, message=message)


_PARTY_COLUMNS = (
    "slot",
    "name",
    "last_election",
    "seats_before",
    "seats",
    "seats_after",
    "seat_change",
    "popular_vote",
    "percentage",
)
