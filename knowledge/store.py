"""The results store: every loaded election, their derived facts, and the name indexes.

Loading never stops at a bad document: its `ParseError` is kept in `errors` (naming the file and
line) and the other documents load. Indexes are built once, here, so lookups are in memory.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from knowledge import readers
from knowledge.errors import ParseError
from knowledge.facts import ContestResult, ElectionFacts, Standing, election_facts
from knowledge.models import Election, ParseWarning
from knowledge.normalize import normalize, spellings
from knowledge.parties import Party, PartyBook
from knowledge.resolve import Entry, Match, NameIndex, P, Resolution


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived objects.

    Loading allocates hundreds of thousands of objects and no cycles worth collecting; left on,
    the collector rescans everything built so far again and again (a third of the load time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _identity(election: Election) -> tuple[object, ...] | None:
    """What makes two documents the same election, whatever their format or file name.

    Only a dated election can be recognised: two undated by-elections of one ward in one year
    may be different polls, so both load.
    """
    if election.date is None:
        return None
    wards: tuple[str, ...] = ()
    if election.kind == "by-election":
        wards = tuple(sorted(normalize(c.ward) for c in election.contests))
    return (election.council_key, election.date, election.kind, wards)


def _without_duplicates(elections: Iterable[Election]) -> tuple[list[Election], list[ParseWarning]]:
    """The first document of each election, and a warning naming every other file that had it."""
    kept: dict[object, Election] = {}
    warnings: list[ParseWarning] = []
    for n, election in enumerate(elections):
        identity = _identity(election) or n
        first = kept.setdefault(identity, election)
        if first is not election:
            warnings.append(
                ParseWarning(
                    file=election.source,
                    line=1,
                    message=(
                        f"{election.title} is loaded once: it is also in {first.source}, "
                        "which is used"
                    ),
                )
            )
    return list(kept.values()), warnings


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


class ResultsStore:
    """Many elections, newest last, with their facts and name indexes."""

    def __init__(
        self,
        elections: Iterable[Election],
        book: PartyBook | None = None,
        errors: Iterable[ParseError] = (),
    ) -> None:
        self.book = book or PartyBook.empty()
        self.errors: list[ParseError] = list(errors)
        unique_elections, self.load_warnings = _without_duplicates(elections)
        ordered = sorted(unique_elections, key=lambda e: e.sort_key)
        self.elections: list[Election] = []
        seen: set[str] = set()
        for election in ordered:
            unique = election.id
            suffix = 2
            while unique in seen:
                unique = f"{election.id}-{suffix}"
                suffix += 1
            seen.add(unique)
            self.elections.append(
                election if unique == election.id else election.model_copy(update={"id": unique})
            )
        self._by_id = {e.id: e for e in self.elections}
        self._order = {e.id: n for n, e in enumerate(self.elections)}
        with _gc_paused():
            self._facts = {e.id: election_facts(e, self.book) for e in self.elections}
            self.wards = NameIndex[tuple[WardRef, ...]]("ward", self._ward_entries())
            self.candidates = NameIndex[tuple[CandidateRef, ...]](
                "candidate", self._candidate_entries()
            )
            self.parties = NameIndex[Party]("party", self._party_entries())
            self.election_index = NameIndex[Election]("election", self._election_entries())

    # Loading -----------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path, parties: Path | None = None) -> ResultsStore:
        """Every document under a folder (or one document), in every format the store reads.

        Bad documents go to `errors`; the same election found in two files loads once, with a
        warning naming both.
        """
        book = PartyBook.from_toml(parties) if parties and parties.exists() else PartyBook.empty()
        if path.is_dir():
            wanted = set(readers.suffixes())
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in wanted)
        else:
            files = [path]
        elections: list[Election] = []
        errors: list[ParseError] = []
        with _gc_paused():
            for file in files:
                try:
                    elections.extend(readers.read_document(file.read_bytes(), file.name))
                except ParseError as error:
                    errors.append(error)
                except OSError as error:
                    errors.append(ParseError(file.name, 1, f"cannot be read: {error.strerror}"))
        return cls(elections, book, errors)

    @classmethod
    def from_texts(
        cls, documents: Iterable[tuple[str, str]], book: PartyBook | None = None
    ) -> ResultsStore:
        """Build a store from (file name, text) pairs; used by tests and generators."""
        elections, errors = [], []
        with _gc_paused():
            for name, text in documents:
                try:
                    elections.extend(readers.read_text(text, name))
                except ParseError as error:
                    errors.append(error)
        return cls(elections, book, errors)

    @property
    def warnings(self) -> list[ParseWarning]:
        found = [*self.load_warnings, *(w for e in self.elections for w in e.warnings)]
        return found + [w for f in self._facts.values() for w in f.warnings]

    # Elections ---------------------------------------------------------------------------

    @property
    def latest(self) -> Election | None:
        return self.elections[-1] if self.elections else None

    def election(self, election_id: str) -> Election | None:
        return self._by_id.get(election_id)

    def facts(self, election_id: str) -> ElectionFacts:
        return self._facts[election_id]

    def newest_first(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(ids), key=lambda i: -self._order.get(i, -1)))

    def resolve_election(self, query: str) -> Resolution:
        """An election from its id, year, council or title ("derby-2002", "2002", "Derby")."""
        exact = self._by_id.get(query.strip().lower())
        if exact is not None:
            return Resolution(
                status="ok",
                kind="election",
                query=query,
                matches=(
                    Match(
                        kind="election",
                        key=exact.id,
                        name=exact.id,
                        detail=exact.title,
                        score=100.0,
                        elections=(exact.id,),
                    ),
                ),
            )
        return self.election_index.resolve(query)

    # Names -------------------------------------------------------------------------------

    def resolve_ward(self, query: str, election_id: str | None = None) -> Resolution:
        return self._scoped(self.wards, query, election_id)

    def resolve_candidate(self, query: str, election_id: str | None = None) -> Resolution:
        resolution = self._scoped(self.candidates, query, election_id)
        if election_id is None:
            return resolution
        details = {}
        for match in resolution.matches:
            for ref in self.candidate_refs(match.key):
                if ref.election_id == election_id:
                    details[match.key] = f"{ref.ward} · {ref.party.display}"
                    break
        return resolution.model_copy(
            update={
                "matches": tuple(
                    m.model_copy(update={"detail": details.get(m.key, m.detail)})
                    for m in resolution.matches
                )
            }
        )

    def resolve_party(self, query: str) -> Resolution:
        return self.parties.resolve(query)

    def party(self, key: str) -> Party | None:
        entry = self.parties.get(key)
        return entry.payload if entry else None

    def ward_refs(self, key: str) -> tuple[WardRef, ...]:
        entry = self.wards.get(key)
        return entry.payload if entry else ()

    def candidate_refs(self, key: str) -> tuple[CandidateRef, ...]:
        entry = self.candidates.get(key)
        return entry.payload if entry else ()

    def contest(self, election_id: str, ward: str) -> ContestResult | None:
        return self._facts[election_id].contest(ward)

    def standing(self, ref: CandidateRef) -> tuple[ContestResult, Standing] | None:
        contest = self.contest(ref.election_id, ref.ward)
        if contest is None:
            return None
        for standing in contest.standings:
            if standing.name == ref.name:
                return contest, standing
        return None

    def _scoped(self, index: NameIndex[P], query: str, election_id: str | None) -> Resolution:
        return index.resolve(query, scope=election_id)

    # Index building ----------------------------------------------------------------------

    def _ward_entries(self) -> list[Entry[tuple[WardRef, ...]]]:
        groups: defaultdict[str, list[WardRef]] = defaultdict(list)
        names: dict[str, str] = {}
        for election in reversed(self.elections):
            for contest in election.contests:
                key = normalize(contest.ward)
                groups[key].append(WardRef(election.id, contest.ward))
                names.setdefault(key, contest.ward)
        entries = []
        for key in sorted(groups, key=lambda k: names[k]):
            refs = tuple(groups[key])
            newest = self._by_id[refs[0].election_id]
            entries.append(
                Entry(
                    key=key,
                    name=names[key],
                    detail=newest.council,
                    variants=spellings(names[key]),
                    payload=refs,
                    elections=tuple(r.election_id for r in refs),
                )
            )
        return entries

    def _candidate_entries(self) -> list[Entry[tuple[CandidateRef, ...]]]:
        groups: defaultdict[str, list[CandidateRef]] = defaultdict(list)
        for election in reversed(self.elections):
            for contest in election.contests:
                for candidacy in contest.candidates:
                    key = normalize(candidacy.name)
                    groups[key].append(
                        CandidateRef(
                            election.id,
                            contest.ward,
                            candidacy.name,
                            self.book.lookup(candidacy.party),
                        )
                    )
        entries = []
        for key in sorted(groups, key=lambda k: groups[k][0].name):
            refs = tuple(groups[key])
            first = refs[0]
            entries.append(
                Entry(
                    key=key,
                    name=first.name,
                    detail=f"{first.ward} · {first.party.display}",
                    variants=spellings(first.name),
                    payload=refs,
                    elections=tuple(dict.fromkeys(r.election_id for r in refs)),
                )
            )
        return entries

    def _party_entries(self) -> list[Entry[Party]]:
        parties: dict[str, Party] = {p.key: p for p in self.book.known()}
        standing: defaultdict[str, list[str]] = defaultdict(list)
        for election in reversed(self.elections):
            facts = self._facts[election.id]
            for tally in facts.parties:
                parties.setdefault(tally.party.key, tally.party)
                if tally.candidates:  # infobox-only rows (seats held, none standing) don't count
                    standing[tally.party.key].append(election.id)
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
                    elections=tuple(standing[key]),
                )
            )
        entries.sort(key=lambda e: (not e.elections, e.name))
        return entries

    def _election_entries(self) -> list[Entry[Election]]:
        entries = []
        for election in reversed(self.elections):
            year = str(election.year or "")
            variants = (
                normalize(election.id),
                normalize(election.title),
                normalize(f"{election.council} {year}"),
                normalize(election.council),
                year,
            )
            entries.append(
                Entry(
                    key=election.id,
                    name=election.id,
                    detail=election.title,
                    variants=tuple(v for v in variants if v),
                    payload=election,
                    elections=(election.id,),
                )
            )
        return entries
