"""Finding the names inside a question: wards, candidates, parties and elections.

The question is cut into runs of name-like words (ordinary words such as "won", "the" or
"seats" end a run). Each run is split into spans by trying its word n-grams against the store's
resolvers and keeping the split that explains most words with the best matches: "Lucy Care
Littleover" becomes a candidate and a ward. Two rules keep it honest:

* every name-like word must belong to a span (or is reported as unknown), so "Lucy Smithers" is
  looked up whole and not found, instead of quietly becoming Lucy Care;
* two spans of the same kind may not touch, so "John Smith" is one (unknown) candidate rather
  than "John" (some John) next to "Smith" (Grace Smith).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from knowledge.questions.lexicon import Lexicon, WordInfo
from knowledge.questions.text import Token, quote
from knowledge.questions.words import (
    KIND_HINTS,
    NUMBER_AFTER,
    OFF_TOPIC,
    OFF_TOPIC_PHRASES,
    TITLES,
)
from knowledge.resolve import ACCEPT, EntityKind, Resolution
from knowledge.store import ResultsStore

MAX_SPAN: Final = 4
"""Longest name, in words, looked up as one."""
UNCOVERED_PENALTY: Final = 12.0
"""Leaving a name-like word unexplained costs more than any single match gains."""
SPAN_COST: Final = 1.0
COMPLETE: Final = 99.0
"""A match this good is a whole name, so a word beside it is not part of it."""
SOFT_WEIGHT: Final = 0.1
"""An ordinary word inside a name ("Janet *Till*", "Labour *and* ...") explains little."""
PLACEHOLDER: Final = "§"
"""Stands in for a name in the words that trigger phrases are matched against."""
PLACE_WORDS: Final = frozenset({"in", "at", "for"})

_CONTENT: Final = frozenset({"name", "soft", "unknown", "year"})
_NAME_KINDS: Final = frozenset({"ward", "candidate"})


@dataclass(frozen=True)
class Span:
    """A name found in the question and what the store's resolver made of it."""

    kind: EntityKind
    start: int
    end: int
    text: str
    """As the user typed it."""
    resolution: Resolution
    after_in: bool = False
    """Follows "in", "at" or "for": a place, so more likely a ward than a surname."""
    names_election: bool = False
    """Followed by "by-election": the ward names the election too, so may go unused."""
    alternatives: tuple[Span, ...] = ()
    """The same words read as another kind that also matches well ("Bolton": a candidate's
    surname, or the ward Boulton mistyped); the intent decides between them."""


@dataclass(frozen=True)
class Unknown:
    """Name-like words that match nothing in the store ("Narnia")."""

    start: int
    end: int
    text: str
    capital: bool
    hint: EntityKind | None
    place: bool = False
    """Follows "in", "at" or "for"."""
    """What a neighbouring word says it is: "Narnia *ward*", "the Pirate *party*"."""


@dataclass(frozen=True)
class Spotted:
    """A question with its names found: the spans, the unknowns and the remaining words."""

    text: str
    tokens: tuple[Token, ...]
    spans: tuple[Span, ...]
    unknowns: tuple[Unknown, ...]
    words: tuple[str, ...]
    """The question's words with every name and unknown replaced by `PLACEHOLDER`."""
    off_topic: bool = False
    """It asks something the results don't hold ("how old is ...")."""

    def of(self, kind: EntityKind) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.kind == kind)


Resolver = Callable[[str], Resolution]


def resolvers(store: ResultsStore) -> dict[EntityKind, Resolver]:
    return {
        "ward": store.resolve_ward,
        "candidate": store.resolve_candidate,
        "party": store.resolve_party,
        "election": store.resolve_election,
    }


def spot(store: ResultsStore, lexicon: Lexicon, text: str, tokens: tuple[Token, ...]) -> Spotted:
    """Find the names in a tokenised question."""
    infos = [lexicon.classify(t.word) for t in tokens]
    for n, info in enumerate(infos[:-1]):
        if info.role == "year" and tokens[n + 1].word in NUMBER_AFTER:
            infos[n] = WordInfo("number", info.word)
    lookup = _Lookup(resolvers(store))
    spans: list[Span] = []
    for start, end in _runs(infos):
        spans += _spans(text, tokens, infos, start, end, lookup)
    covered = {n for span in spans for n in range(span.start, span.end)}
    unknowns = _unknowns(text, tokens, infos, covered)
    words = _words(tokens, infos, spans, unknowns)
    loose = [t.word for n, t in enumerate(tokens) if n not in covered]
    return Spotted(text, tokens, tuple(spans), unknowns, words, _off_topic(loose))


def _spans(
    text: str,
    tokens: tuple[Token, ...],
    infos: list[WordInfo],
    start: int,
    end: int,
    lookup: _Lookup,
) -> list[Span]:
    """The names in one run, each with its other plausible readings."""
    found = []
    for kind, first, last in _best_split(tokens, infos, start, end, lookup):
        first, last = _trim(tokens, infos, kind, first, last, lookup)
        query = _q(tokens[first:last])
        hint = _hint(tokens, first, last)
        if hint not in (None, kind) and lookup(kind, query).status == "not_found":
            continue  # "the Monster Raving Loony party": an unknown party, not a candidate
        typed = quote(text, tokens[first:last])
        place = first > 0 and tokens[first - 1].word in PLACE_WORDS
        following = [t.word for t in tokens[last : last + 2]]
        by_election = kind == "ward" and (
            following == ["by", "election"] or following[:1] == ["byelection"]
        )
        others: tuple[Span, ...] = ()
        if kind != "election":
            others = tuple(
                Span(other, first, last, typed, resolution, place, by_election)
                for other in sorted(_span_kinds(tokens, infos, first, last) - {kind, "election"})
                if _plausible(resolution := lookup(other, query))
            )
        found.append(
            Span(kind, first, last, typed, lookup(kind, query), place, by_election, others)
        )
    return found


def _off_topic(loose: list[str]) -> bool:
    """Words outside any name that ask what results don't hold ("how *old* is ...")."""
    pairs = set(itertools.pairwise(loose))
    return bool(OFF_TOPIC.intersection(loose)) or any(p in pairs for p in OFF_TOPIC_PHRASES)


def _trim(
    tokens: tuple[Token, ...],
    infos: list[WordInfo],
    kind: EntityKind,
    first: int,
    last: int,
    lookup: _Lookup,
) -> tuple[int, int]:
    """Drop ordinary lower-case words stuck to a complete name ("the Tories *perform*").

    A span that matched nothing is cut back while its edge word is unknown and not capitalised,
    if what remains is a name matched in full; "Lucy Smithers" stays whole ("Lucy" alone is
    only part of Lucy Care's name), and so does "Littleover North" (a capital: part of a name).
    """
    if lookup(kind, _q(tokens[first:last])).status == "ok":
        return first, last
    for new_first, new_last in _cuts(tokens, infos, first, last):
        if _complete(lookup(kind, _q(tokens[new_first:new_last]))):
            return new_first, new_last
    return first, last


def _cuts(
    tokens: tuple[Token, ...], infos: list[WordInfo], first: int, last: int
) -> list[tuple[int, int]]:
    """Shorter spans with only droppable (unknown, lower-case) words removed from the edges."""

    def droppable(n: int) -> bool:
        return infos[n].role == "unknown" and not tokens[n].capital

    cuts = []
    left = first
    while left < last - 1 and droppable(left):
        left += 1
        cuts.append((left, last))
    for start in [first, *(c[0] for c in cuts)]:
        right = last
        while right > start + 1 and droppable(right - 1):
            right -= 1
            cuts.append((start, right))
    return cuts


class _Lookup:
    """The resolvers, memoised for one question (the split tries the same n-gram often)."""

    def __init__(self, by_kind: dict[EntityKind, Resolver]) -> None:
        self._by_kind = by_kind
        self._seen: dict[tuple[EntityKind, str], Resolution] = {}

    def __call__(self, kind: EntityKind, query: str) -> Resolution:
        key = (kind, query)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._by_kind[kind](query)
        return found


def _q(tokens: tuple[Token, ...]) -> str:
    return " ".join(t.word for t in tokens)


def _runs(infos: list[WordInfo]) -> list[tuple[int, int]]:
    """Maximal stretches of name-like words (ordinary words and numbers end a run)."""
    runs = []
    start: int | None = None
    for n, info in enumerate([*infos, WordInfo("stop", "")]):
        if info.role in _CONTENT:
            start = n if start is None else start
        elif start is not None:
            runs.append((start, n))
            start = None
    return runs


def _span_kinds(
    tokens: tuple[Token, ...], infos: list[WordInfo], first: int, last: int
) -> set[EntityKind]:
    """Kinds a span may be: some word in it must look like that kind's name words."""
    kinds: set[EntityKind] = set()
    all_soft = all(infos[i].role == "soft" for i in range(first, last))
    for i in range(first, last):
        info = infos[i]
        if info.role == "year":
            kinds.add("election")
        elif info.role == "name":
            kinds.update(info.kinds)
        elif info.role == "soft" and all_soft and tokens[i].capital:
            kinds.update(k for k in info.kinds if k in _NAME_KINDS)
    return kinds


def _complete(resolution: Resolution) -> bool:
    """One name matched in full (not a part of it, not one of several)."""
    return resolution.status == "ok" and resolution.matches[0].score >= COMPLETE


def _plausible(resolution: Resolution) -> bool:
    """Good enough to be offered to the intent as another reading of the same words."""
    return resolution.status != "not_found" and resolution.matches[0].score >= ACCEPT


def _value(resolution: Resolution, length: float) -> float:
    """What a span is worth: its match score per word it explains, less a cost per span."""
    if resolution.status == "ok" and resolution.matches:
        return resolution.matches[0].score / 10.0 * length - SPAN_COST
    if resolution.status == "ambiguous" and resolution.matches:
        return resolution.matches[0].score / 10.0 * length * 0.9 - SPAN_COST
    return 1.0 * length - SPAN_COST


def _best_split(
    tokens: tuple[Token, ...], infos: list[WordInfo], start: int, end: int, lookup: _Lookup
) -> list[tuple[EntityKind, int, int]]:
    """The highest-valued way to cover one run with spans (dynamic programming over positions).

    A run that is one complete name of one kind ("Lucy Care") is taken whole at once: on a large
    store, looking up "Lucy" alone is the expensive part.
    """
    if 1 < end - start <= MAX_SPAN:
        whole = [
            kind
            for kind in _span_kinds(tokens, infos, start, end)
            if _complete(lookup(kind, _q(tokens[start:end])))
        ]
        if len(whole) == 1:
            return [(whole[0], start, end)]
    State = tuple[float, tuple[tuple[EntityKind, int, int], ...]]
    best: dict[tuple[int, EntityKind | None], State] = {(start, None): (0.0, ())}
    for i in range(start, end):
        for last_kind in (None, "ward", "candidate", "party", "election"):
            state = best.get((i, last_kind))
            if state is None:
                continue
            value, chosen = state
            skip = 0.0 if infos[i].role == "soft" else -UNCOVERED_PENALTY
            _keep(best, (i + 1, None), (value + skip, chosen))
            for j in range(i + 1, min(end, i + MAX_SPAN) + 1):
                for kind in _span_kinds(tokens, infos, i, j):
                    if kind == last_kind:
                        continue
                    resolution = lookup(kind, _q(tokens[i:j]))
                    weight = sum(
                        SOFT_WEIGHT if infos[n].role == "soft" else 1.0 for n in range(i, j)
                    )
                    gained = value + _value(resolution, weight)
                    _keep(best, (j, kind), (gained, (*chosen, (kind, i, j))))
    finals = [state for (pos, _), state in best.items() if pos == end]
    return list(max(finals, key=lambda s: s[0])[1]) if finals else []


def _keep(
    best: dict[
        tuple[int, EntityKind | None], tuple[float, tuple[tuple[EntityKind, int, int], ...]]
    ],
    key: tuple[int, EntityKind | None],
    state: tuple[float, tuple[tuple[EntityKind, int, int], ...]],
) -> None:
    if key not in best or state[0] > best[key][0]:
        best[key] = state


def _unknowns(
    text: str, tokens: tuple[Token, ...], infos: list[WordInfo], covered: set[int]
) -> tuple[Unknown, ...]:
    found = []
    n = 0
    while n < len(tokens):
        if n in covered or infos[n].role not in ("name", "unknown", "year"):
            n += 1
            continue
        start = n
        while n < len(tokens) and n not in covered and infos[n].role in ("name", "unknown", "year"):
            n += 1
        hint = _hint(tokens, start, n, frozenset(covered))
        if hint is None and all(infos[i].role == "year" for i in range(start, n)):
            hint = "election"
        run = tokens[start:n]
        place = start > 0 and tokens[start - 1].word in PLACE_WORDS
        capital = any(t.capital for t in run)
        if hint == "election" and not capital:
            hint = None  # "a good election" is not the Good election
        found.append(Unknown(start, n, quote(text, run), capital, hint, place))
    return tuple(found)


def _hint(
    tokens: tuple[Token, ...], start: int, end: int, taken: frozenset[int] = frozenset()
) -> EntityKind | None:
    """The kind a neighbouring word gives a name: "Narnia *ward*", "the Pirate *party*".

    Words inside other names (`taken`) say nothing: "the Conservative Party perform".
    """
    for i in (end - 1, end, start, start - 1):
        if not 0 <= i < len(tokens) or i in taken:
            continue
        word = tokens[i].word
        if word in KIND_HINTS and (i >= start or word in TITLES):  # "the Pirate party", "Mr X"
            return KIND_HINTS[word]
    return None


def _words(
    tokens: tuple[Token, ...],
    infos: list[WordInfo],
    spans: list[Span],
    unknowns: tuple[Unknown, ...],
) -> tuple[str, ...]:
    marks = {span.start: span.end for span in spans}
    marks.update({unknown.start: unknown.end for unknown in unknowns})
    words: list[str] = []
    n = 0
    while n < len(tokens):
        if n in marks:
            words.append(PLACEHOLDER)
            n = marks[n]
            continue
        info = infos[n]
        words.append("#" if info.role in ("number", "year") else info.word)
        n += 1
    return tuple(words)
