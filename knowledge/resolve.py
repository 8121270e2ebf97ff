"""Fuzzy resolution of what people type to wards, candidates, parties and elections.

One scorer for every kind of name. Query and names are folded by `normalize` once; each query
word must match a word of the name (exactly, as a prefix, or within a typo's distance by
rapidfuzz), and names whose words are all covered score higher, so "Bulwell" picks the ward
Bulwell over Bulwell Forest. A token index keeps a search over hundreds of thousands of names
fast: only names sharing a similar word are scored.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from knowledge.normalize import normalize

EntityKind = Literal["ward", "candidate", "party", "election"]
Status = Literal["ok", "ambiguous", "not_found"]

ACCEPT = 80.0
"""Below this score a match is never used as the answer: the user is asked instead."""
AMBIGUITY_MARGIN = 4.0
"""Matches within this many points of the best are offered as options, not guessed between."""
SUGGEST_FLOOR = 55.0
_TOKEN_FLOOR = 70.0
_FILLER: dict[str, frozenset[str]] = {
    "ward": frozenset({"ward", "wards", "the", "division", "area"}),
    "candidate": frozenset({"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "the"}),
    "party": frozenset({"the", "party", "lot", "candidates", "councillors"}),
    "election": frozenset({"the", "election", "elections", "council", "local"}),
}

P = TypeVar("P")


class Match(BaseModel):
    """One thing a query may mean, with how well it matched (0-100)."""

    model_config = ConfigDict(frozen=True)

    kind: EntityKind
    key: str
    """Stable identity: normalised name (wards, candidates), party key, or election id."""
    name: str
    detail: str = ""
    """What tells matches apart: ward and party of a candidate, title of an election."""
    score: float
    elections: tuple[str, ...] = ()
    """Ids of the loaded elections that have it, newest first."""


class Resolution(BaseModel):
    """The outcome of resolving one query: a match, options to choose from, or suggestions."""

    model_config = ConfigDict(frozen=True)

    status: Status
    kind: EntityKind
    query: str
    matches: tuple[Match, ...] = ()
    """ok: the match first; ambiguous: the ranked options; not_found: the closest suggestions."""

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.status == "ok" and self.matches else None


@dataclass
class Entry(Generic[P]):
    """An indexed name and its spellings; `payload` carries what the caller needs back."""

    key: str
    name: str
    detail: str
    variants: tuple[str, ...]
    payload: P
    elections: tuple[str, ...] = ()
    tokens: tuple[tuple[str, ...], ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        self.tokens = tuple(tuple(v.split()) for v in self.variants if v)


def _token_similarity(query_token: str, token: str) -> float:
    if query_token == token:
        return 100.0
    if len(query_token) >= 3 and token.startswith(query_token):
        return 85.0 + 10.0 * len(query_token) / len(token)
    return float(fuzz.ratio(query_token, token))


class NameIndex(Generic[P]):
    """Names of one kind, searchable by fuzzy words."""

    def __init__(self, kind: EntityKind, entries: Iterable[Entry[P]]) -> None:
        self.kind = kind
        self.entries: list[Entry[P]] = list(entries)
        self._by_token: dict[str, list[int]] = {}
        self._by_whole: dict[str, list[int]] = {}
        for number, entry in enumerate(self.entries):
            for variant, tokens in zip(entry.variants, entry.tokens, strict=False):
                self._by_whole.setdefault(variant.replace(" ", ""), []).append(number)
                for token in set(tokens):
                    postings = self._by_token.setdefault(token, [])
                    if not postings or postings[-1] != number:
                        postings.append(number)
        self._vocabulary = sorted(self._by_token)

    def __len__(self) -> int:
        return len(self.entries)

    def _similar_tokens(self, query_token: str) -> dict[str, float]:
        similar: dict[str, float] = {}
        if query_token in self._by_token:
            similar[query_token] = 100.0
        if len(query_token) >= 3:
            start = bisect.bisect_left(self._vocabulary, query_token)
            for token in self._vocabulary[start : start + 400]:
                if not token.startswith(query_token):
                    break
                similar.setdefault(token, _token_similarity(query_token, token))
        if len(query_token) >= 3:
            cutoff = _TOKEN_FLOOR if len(query_token) > 4 else 75.0
            for token, score, _ in process.extract(
                query_token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=60
            ):
                similar.setdefault(token, float(score))
        return similar

    def search(self, query: str, limit: int = 10) -> list[tuple[Entry[P], float]]:
        """Entries ranked by score (0-100), best first."""
        words = normalize(query).split()
        filler = _FILLER[self.kind]
        words = [w for w in words if w not in filler] or words
        if not words:
            return []
        similar = {w: self._similar_tokens(w) for w in set(words)}
        candidates: set[int] = set(self._by_whole.get("".join(words), ()))
        per_word: list[set[int]] = []
        for word in set(words):
            hits: set[int] = set()
            for token in similar[word]:
                hits.update(self._by_token[token])
            per_word.append(hits)
        if per_word:
            common = set.intersection(*per_word)
            candidates |= common if common else set.union(*per_word)
        scored = []
        whole = "".join(words)
        for number in candidates:
            entry = self.entries[number]
            score = max(_score(words, tokens, similar, whole) for tokens in entry.tokens if tokens)
            scored.append((entry, score))
        scored.sort(key=lambda pair: (-pair[1], pair[0].name))
        return scored[:limit]

    def resolve(self, query: str, limit: int = 10) -> Resolution:
        """ok when one entry clearly matches; ambiguous when several do; else not_found."""
        ranked = self.search(query, limit=max(limit, 10))
        if not ranked or ranked[0][1] < ACCEPT:
            suggestions = [(e, s) for e, s in ranked if s >= SUGGEST_FLOOR][:5]
            return Resolution(
                status="not_found",
                kind=self.kind,
                query=query,
                matches=tuple(self._match(e, s) for e, s in suggestions),
            )
        top = ranked[0][1]
        close = [(e, s) for e, s in ranked if s >= top - AMBIGUITY_MARGIN and s >= ACCEPT]
        if len(close) == 1:
            return Resolution(
                status="ok", kind=self.kind, query=query, matches=(self._match(*close[0]),)
            )
        return Resolution(
            status="ambiguous",
            kind=self.kind,
            query=query,
            matches=tuple(self._match(e, s) for e, s in close[:limit]),
        )

    def suggest(self, query: str, limit: int = 25) -> list[Entry[P]]:
        """Ranked entries for autocomplete; on empty input, the first entries in order."""
        if not normalize(query):
            return self.entries[:limit]
        return [e for e, s in self.search(query, limit=limit) if s >= SUGGEST_FLOOR]

    def _match(self, entry: Entry[P], score: float) -> Match:
        return Match(
            kind=self.kind,
            key=entry.key,
            name=entry.name,
            detail=entry.detail,
            score=round(score, 1),
            elections=entry.elections,
        )


def _score(
    words: Sequence[str],
    tokens: Sequence[str],
    similar: dict[str, dict[str, float]],
    whole: str,
) -> float:
    """90 points for how well every query word matches, 10 for how much of the name is covered."""
    compact_name = "".join(tokens)
    if compact_name == whole:
        return 100.0
    best_per_word = []
    covered: set[str] = set()
    for word in words:
        options = similar[word]
        best = 0.0
        best_token = ""
        for token in tokens:
            value = options.get(token, 0.0)
            if value > best:
                best, best_token = value, token
        best_per_word.append(best)
        if best >= _TOKEN_FLOOR:
            covered.add(best_token)
    mean = sum(best_per_word) / len(best_per_word)
    match = (mean + min(best_per_word)) / 200.0
    coverage = len(covered) / len(set(tokens))
    token_score = 90.0 * match + 10.0 * coverage
    if len(whole) >= 5:
        token_score = max(token_score, float(fuzz.ratio(whole, compact_name)) - 6.0)
    return token_score
