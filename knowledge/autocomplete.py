"""Autocomplete as people type: the start of each word, allowing one slip.

What is typed is compared with the *start* of each word of a name, so an unfinished word
counts ("litl" offers Littleover, "l" offers Lucy Care). One edit is allowed in a typed word of
three letters or more (a letter dropped, added, changed, or two neighbours swapped: "mikc",
"chdd", "bolu"), and in two letters beside other words or that begin no word. Names whose
joined words start with what was typed count too ("lucyca").
Ranking: names that start with the typed text first, then names each of whose typed words
begins one of their words, then one-edit matches (closest first); alphabetical within each.
Only the vocabulary and the matching names' words are read, never every name.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections.abc import Hashable, Iterable
from typing import TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.normalize import normalize
from knowledge.resolve import _FILLER, Entry, NameIndex, _Shape

P = TypeVar("P")

MAX_CHOICES = 25
_PER_WORD = 400
"""Vocabulary words gathered per typed word and per spelling tried (bounds a one-letter word)."""
_GATHERED = 2000
"""Entries considered at most (a short prefix of a common word matches thousands)."""
_READ = 300
"""Entries gathered at most for the rarest typed word (the closest words' first)."""
_WORDS_READ = 100
"""Vocabulary words like the rarest typed word whose names are read at most (the closest)."""
_EXACT = 100
"""Entries read and ranked exactly at most; past that many, the likeliest by their keys."""
_OTHERS = 200
"""Names read beyond those whose key starts with what is typed, to find other spellings
that do (hyphens joined, filler words dropped)."""

_FULL_PREFIX, _WORD_PREFIX, _ONE_EDIT = 0, 1, 2
_EDITS_FROM = 3
"""A typed word this long may hold a slip; a shorter one is taken as typed, except two letters
beside other words ("on a" for Ron Allen) or that begin no word ("uc" for "luc")."""


def complete(
    index: NameIndex[P], text: str, limit: int = MAX_CHOICES, *, scope: str | None = None
) -> list[Entry[P]]:
    """Up to `limit` entries for what is typed so far, best first (see the module docstring)."""
    words = normalize(text).split()
    words = [w for w in words if w not in _FILLER[index.kind]] or words
    if not words:
        return index.source.first(limit, scope)
    compact = "".join(words)
    ranked: list[tuple[int, float, str, Hashable]] = []
    heads: dict[Hashable, str] = {}
    if scope is None:
        # Names that start with what is typed rank first, alphabetically: when there are
        # enough of them, the rest need not be read.
        typed = " ".join(words)
        heads = dict(index.source.starting(typed, _GATHERED))
        ranked = [(_FULL_PREFIX, 0.0, name, ident) for ident, name in heads.items()]
        if len(heads) >= limit:
            if len(heads) < _GATHERED:  # all of them read: also those starting so in another
                # spelling ("Smith-Jones" as "smithjo", "The Park" as "park")
                wholes = index.source.wholes_starting(compact, len(heads) + _OTHERS)
                others = [i for i in wholes if i not in heads]
                for ident, entry in index.source.entries_of(others).items():
                    if _starts_so(index.source.shapes(ident), typed, compact):
                        ranked.append((_FULL_PREFIX, 0.0, entry.name, ident))
            return _best(index, ranked, limit)
    vocabulary = _vocabulary(index, scope)
    alphabet = sorted({c for w in words for c in w} | _LETTERS)
    per_word: list[dict[str, int]] = []  # vocabulary word -> edits (0 or 1) for each typed word
    for word in words:
        per_word.append(_matching_words(word, vocabulary, alphabet, alone=len(words) == 1))
    found: dict[Hashable, None] = {}
    if scope is not None:  # one election's few names: each that may match is ranked
        found = {
            ident: None
            for ident, tokens in index._pool(scope)
            if _may_match(tokens, compact, per_word)
        }
    else:
        found = _gather(index, words, per_word)
        for ident in heads:
            found.pop(ident, None)
    if len(found) > _EXACT:
        found = _likeliest(index, words, compact, found, per_word)
    ranked += _ranked(index, words, compact, found, per_word)
    return _best(index, ranked, limit)


def _near(typed: str, token: str) -> float:
    """How close a word's start is to a typed word (as `_rank` measures a name's start)."""
    return max(fuzz.ratio(typed, token[: len(typed) + 1]), fuzz.ratio(typed, token[: len(typed)]))


def _gather(
    index: NameIndex[P], words: list[str], per_word: list[dict[str, int]]
) -> dict[Hashable, None]:
    """The entries that may match: those with a word like the typed word that the fewest names
    have (closest words first, at most `_READ`), kept when their words (their keys: nothing
    read) also match each other typed word; and those whose joined words start
    with what is typed ("lucyca")."""
    first = _rarest(index, per_word)
    order = [first, *(i for i in range(len(per_word)) if i != first)]
    rarest = per_word[first]
    typed = words[first]
    found: dict[Hashable, None] = {}
    closest = sorted(rarest, key=lambda t: (rarest[t], -_near(typed, t), t))[:_WORDS_READ]
    for token in closest:
        if order[0] == 0:  # names starting with the word rank above those that only have it
            starting = index.source.starting(token, _READ - len(found))
            found.update((ident, None) for ident, _ in starting)
            if len(found) >= _READ:
                break
        for ident in index.source.postings(token):
            found[ident] = None
            if len(found) >= _READ:
                break
        if len(found) >= _READ:
            break
    others = [per_word[i] for i in order[1:]]
    if others:  # each other typed word must begin a word of the name too (its key says)
        found = {
            ident: None
            for ident in found
            if all(any(t in m for t in index.source.words_of(ident)) for m in others)
        }
    for ident in index.source.wholes_starting("".join(words), _GATHERED):
        found[ident] = None
    return found


def _rarest(index: NameIndex[P], per_word: list[dict[str, int]]) -> int:
    """The typed word whose matching words the fewest names have (the first of equals). A
    count stops once past the fewest so far: a short word may match thousands of words."""
    best, fewest = 0, math.inf
    for at in sorted(range(len(per_word)), key=lambda i: len(per_word[i])):
        total = 0
        for token in per_word[at]:
            total += index.count(token)
            if total > fewest:
                break
        if total < fewest or (total == fewest and at < best):
            best, fewest = at, total
    return best


def _likeliest(
    index: NameIndex[P],
    words: list[str],
    compact: str,
    found: dict[Hashable, None],
    per_word: list[dict[str, int]],
) -> dict[Hashable, None]:
    """The `_EXACT` entries ranked best by their plain spelling, which a stored source gives
    without reading the entry (its key); the others are ranked as they are read."""
    cheap: list[tuple[int, float, str, Hashable]] = []
    rest: dict[Hashable, None] = {}
    for ident in found:
        plain = index.source.plain(ident)
        if plain is None:
            rest[ident] = None
            continue
        rank = _rank(words, compact, plain, per_word)
        if rank is not None:
            cheap.append((rank[0], rank[1], str(ident), ident))
    best = heapq.nsmallest(_EXACT, cheap)
    return {**rest, **dict.fromkeys(ident for *_, ident in best)}


def _starts_so(shapes: tuple[_Shape, ...], typed: str, compact: str) -> bool:
    """Does a spelling of the name start with the typed words (the first tier)?"""
    return any(
        whole.startswith(compact) and " ".join(tokens).startswith(typed)
        for tokens, whole, _ in shapes
    )


def _ranked(
    index: NameIndex[P],
    words: list[str],
    compact: str,
    idents: Iterable[Hashable],
    per_word: list[dict[str, int]],
) -> list[tuple[int, float, str, Hashable]]:
    ranked: list[tuple[int, float, str, Hashable]] = []
    for ident, entry in index.source.entries_of(idents).items():
        rank = _rank(words, compact, index.source.shapes(ident), per_word)
        if rank is not None:
            ranked.append((rank[0], rank[1], entry.name, ident))
    return ranked


def _best(
    index: NameIndex[P], ranked: list[tuple[int, float, str, Hashable]], limit: int
) -> list[Entry[P]]:
    best = heapq.nsmallest(limit, ranked, key=lambda r: (r[0], r[1], r[2]))
    entries = index.source.entries_of(ident for *_, ident in best)
    return [entries[ident] for *_, ident in best]


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def _vocabulary(index: NameIndex[P], scope: str | None) -> list[str]:
    return (index._vocabulary() if scope is None else index._scope(scope)[0]).sorted


def _prefixed(prefix: str, vocabulary: list[str]) -> list[str]:
    start = bisect.bisect_left(vocabulary, prefix)
    last = min(len(vocabulary), start + _PER_WORD)
    end = bisect.bisect_left(vocabulary, prefix + "\U0010ffff", start, last)
    return vocabulary[start:end]


def _edits(word: str, alphabet: Iterable[str]) -> set[str]:
    """Every spelling one edit from `word` (dropped, added, changed or swapped letters)."""
    letters = list(alphabet)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    found |= {a + c + b[1:] for a, b in splits if b for c in letters}
    found |= {a + c + b for a, b in splits[:-1] for c in letters}  # added at the end: no use
    found.discard(word)
    return {f for f in found if f}


def _matching_words(
    word: str, vocabulary: list[str], alphabet: list[str], *, alone: bool
) -> dict[str, int]:
    """Vocabulary words that start with `word` (0 edits) or with a one-edit spelling of it."""
    found = dict.fromkeys(_prefixed(word, vocabulary), 0)
    if len(word) == 1 and not alone:  # "abdul e": the first letter of "re" was dropped
        spellings: Iterable[str] = (c + word for c in alphabet)
    elif len(word) >= _EDITS_FROM or (len(word) == 2 and (not found or not alone)):
        if len(vocabulary) <= _SCANNED:
            return {**dict.fromkeys(_starting_one_edit(word, vocabulary, alphabet), 1), **found}
        spellings = _edits(word, alphabet)
    else:
        spellings = ()
    slipped = [t for s in spellings if len(s) >= 2 for t in _prefixed(s, vocabulary)]
    return {**dict.fromkeys(slipped, 1), **found}


_SCANNED = 4000
"""A vocabulary this small (one election's) is scanned for words starting one edit from the
typed word; a larger one is searched for each of the ~50 spellings one edit away."""


def _starting_one_edit(word: str, vocabulary: list[str], alphabet: list[str]) -> list[str]:
    """Vocabulary words whose start is one edit from `word` (what `_edits` spells, found by
    comparing each word's starts of the lengths one edit can give: rapidfuzz's OSA distance
    counts a swap of neighbours as one edit). An added or changed letter is one of `alphabet`."""
    letters = frozenset(alphabet)
    found: dict[str, None] = {}
    for length in (len(word) - 1, len(word), len(word) + 1):
        if length < 2:
            continue
        starts = [token[:length] for token in vocabulary]
        for start, _, at in process.extract(
            word, starts, scorer=OSA.distance, score_cutoff=1, limit=None
        ):
            if len(start) == length and start != word and letters.issuperset(start):
                found[vocabulary[at]] = None
    return list(found)


def _may_match(tokens: frozenset[str], compact: str, per_word: list[dict[str, int]]) -> bool:
    """Can `_rank` find a name with these words: each typed word matches one of them, or one
    could begin the typed words run together?"""
    return all(not m.keys().isdisjoint(tokens) for m in per_word) or any(
        compact.startswith(t) or t.startswith(compact) for t in tokens
    )


def _rank(
    words: list[str], compact: str, shapes: tuple[_Shape, ...], per_word: list[dict[str, int]]
) -> tuple[int, float] | None:
    """(tier, closeness) of one entry, or None when it does not match what is typed."""
    best: tuple[int, float] | None = None
    for tokens, whole, _ in shapes:
        if whole.startswith(compact) and " ".join(tokens).startswith(" ".join(words)):
            return (_FULL_PREFIX, 0.0)
        edits = _claim(tokens, per_word)
        if edits is None:
            if whole.startswith(compact):  # the words run together ("lucyca")
                edits = 0
            else:
                continue
        if edits == 0:
            rank = (_WORD_PREFIX, 0.0)
        else:
            start = whole[: len(compact)]
            closeness = max(
                fuzz.ratio(compact, whole[: len(compact) + 1]),
                fuzz.ratio(compact, start),
                _as_dropped(len(compact)) if _swapped(compact, start) else 0.0,
            )
            rank = (_ONE_EDIT, -closeness)
        if best is None or rank < best:
            best = rank
    return best


def _as_dropped(length: int) -> float:
    """Closeness of two neighbours swapped ("mri" typed "mir"): that of one letter dropped, so
    above a letter changed (which rapidfuzz's ratio scores the same as a swap)."""
    return 100.0 * 2 * length / (2 * length + 1)


def _swapped(typed: str, start: str) -> bool:
    """Is `typed` the start of the name with two neighbouring letters swapped?"""
    if len(typed) != len(start) or typed == start:
        return False
    at = next(i for i, (a, b) in enumerate(zip(typed, start, strict=True)) if a != b)
    return (
        at + 1 < len(typed)
        and typed[at] == start[at + 1]
        and typed[at + 1] == start[at]
        and typed[at + 2 :] == start[at + 2 :]
    )


def _claim(tokens: tuple[str, ...], per_word: list[dict[str, int]]) -> int | None:
    """Fewest edits (0 or 1) with which each typed word begins its own word of the name."""
    options = [[(m[t], i) for i, t in enumerate(tokens) if t in m] for m in per_word]
    if any(not o for o in options):
        return None
    best: int | None = None

    def walk(n: int, used: frozenset[int], edits: int) -> None:
        nonlocal best
        if edits > 1 or (best is not None and edits >= best):
            return
        if n == len(options):
            best = edits
            return
        for cost, position in sorted(options[n]):
            if position not in used:
                walk(n + 1, used | {position}, edits + cost)

    walk(0, frozenset(), 0)
    return best
