"""Fuzzy resolution of what people type to wards, candidates, parties and elections.

One scorer for every kind of name. Query and names are folded by `normalize` once; each query
word must match a word of the name (exactly, as a prefix, as a nickname, as an initial, or within
a typo's distance by rapidfuzz), and names whose words are all covered score higher, so "Bulwell"
picks the ward Bulwell over Bulwell Forest. Two query words that make one indexed word ("o brien",
"mac donald") are also tried joined. A token index keeps a search over hundreds of thousands of
names fast: only names sharing a similar word are scored, and a search scoped to one election
only looks at that election's words and names.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import OrderedDict
from collections.abc import Collection, Hashable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import permutations
from typing import Generic, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from knowledge.gazetteer import CONTRASTING, WARD_FILLER
from knowledge.lookalikes import Lookalikes
from knowledge.normalize import nicknames, normalize
from knowledge.tuning import WEIGHTS

EntityKind = Literal["ward", "candidate", "party", "election"]
Status = Literal["ok", "ambiguous", "not_found"]

ACCEPT = WEIGHTS.accept
"""Below this score a match is never used as the answer: the user is asked instead."""
_CERTAIN_WORD = 80.0
"""A first name matched less well than this, beside a matching surname, may be another person."""
_CONTRASTING = CONTRASTING
"""Words that tell two places apart (`knowledge.gazetteer`)."""
AMBIGUITY_MARGIN = WEIGHTS.ambiguity_margin
"""Matches within this many points of the best are offered as options, not guessed between."""
SUGGEST_FLOOR = WEIGHTS.suggest_floor
NICKNAME_SCORE = WEIGHTS.nickname
"""How well a nickname matches the name it stands for ("bob" and "robert")."""
INITIAL_SCORE = WEIGHTS.initial
"""How well a one- or two-letter query word matches a word it begins ("l" and "lucy")."""
_SHORT_WORD = 2
_SHORT_HITS = 2000
"""At most this many names are gathered for a query made only of short words ("s")."""
_TOKEN_FLOOR = 70.0
_LOOSE_FLOOR = 55.0
"""Word similarity accepted when looking for suggestions after nothing matched."""
_NEAR_FLOOR = 84.0
"""Word similarity looked for when a query is one word that some names have exactly: a name
with a word only 84 alike scores under 0.9 * 84 + 10 = 85.6, and one spelt so scores over 90,
so the former is never within AMBIGUITY_MARGIN of the latter. (Only a name whose joined words
are 92 alike to the word, and none of its words 84, is lost: "Norwell Stann" for "Norwellstan"
beside a three-word name spelt so.) The narrower scan of the candidates' 107,535 words at
10,000 elections takes a fraction of the 2-4 ms of the wider one.)"""
_ALIKE_LIMIT = 60
"""The most look-alike words of one query word that a search considers."""
RESOLUTION_LIMIT = 10
"""How many matches a resolution lists at most (an ambiguous one may mean more)."""
_EXACT_POSTINGS = 2_000
"""An exact-name shortcut reads at most this many names having the query's rarest word."""
_EXACT_ORDERS = 4
"""Past that many common words, the shortcut does not try every order of them."""
_EXACT_ONE_WORD = 300
"""Names read to answer one word exactly ("Abbey"): past this, the full search's choices."""
_WHOLE_LOOKALIKE = 24
"""Letters from which a word differing by one swap scores 98 (`could_be_whole`)."""
_PREFIX_TOKENS = 400
_SCORED = 100
_LOOSE_SCORED = 60
"""At most this many entries get the full score per search (answers; loose suggestions):
the best by their words' similarity alone. Past that many, the rest tie with them on every
word's similarity (a common surname alone), so reading more only reorders equals."""
_COMMON_HITS = 1000
"""A query word matching more names than this is too common to gather candidates alone."""
_RARE_READ = 4 * _COMMON_HITS
"""A word whose similar words more names have than this is not read to check it is rare."""
_BASE = 5000
"""Names read at most for the query word that the fewest names have."""
_SHORT_SCORED = 100
"""Entries scored at most for one short word (an initial, "St"): they score alike."""
_PARTIAL_SCORED = 20
"""Entries scored at most when none has every query word (this bounds the loose fallback too):
with a word unmatched a name's word score stays under the suggestion floor, so only its joined
spelling's likeness or a contrasting word left out ("Spondon East") makes it a suggestion, and
five suggestions are shown; the 20 with the best first score are scored."""
_CACHE_LIMIT = 1024
"""Query words whose look-alikes are memoised at once, per index (each holds up to 60 words;
at 4,096 the memos of a bot at 10,000 elections held about 100 MB)."""
_SCOPE_LIMIT = 64
"""Elections whose vocabulary and word sets are kept at once, per index (each is rebuilt on
demand from the entries, about 1 ms): 512 of them held about 90 MB of a bot serving 10,000
elections (benchmarks/soak.py), yet a bot's members ask about a few elections at a time."""
_FILLER: dict[str, frozenset[str]] = {
    "ward": WARD_FILLER,
    "candidate": frozenset({"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "the"}),
    "party": frozenset({"the", "party", "lot", "candidates", "councillors"}),
    "election": frozenset({"the", "election", "elections", "council", "local"}),
}

P = TypeVar("P")
_Shape = tuple[tuple[str, ...], str, int]
"""A spelling's words, the words joined, and how many distinct words (for scoring)."""


class Match(BaseModel):
    """One thing a query may mean, with how well it matched (0-100)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

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

    model_config = ConfigDict(frozen=True, defer_build=True)

    status: Status
    kind: EntityKind
    query: str
    matches: tuple[Match, ...] = ()
    """ok: the match first; ambiguous: the ranked options; not_found: the closest suggestions."""

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.status == "ok" and self.matches else None

    @property
    def top_score(self) -> float:
        """The first match's score, whatever the status (0 with no matches)."""
        return self.matches[0].score if self.matches else 0.0


@dataclass(slots=True)
class Entry(Generic[P]):
    """An indexed name and its spellings; `payload` carries what the caller needs back."""

    key: str
    name: str
    detail: str
    variants: tuple[str, ...]
    payload: P
    elections: tuple[str, ...] = ()

    @property
    def tokens(self) -> tuple[tuple[str, ...], ...]:
        """Each spelling's words (not kept: the index keeps them once, in its shapes)."""
        return tuple(tuple(v.split()) for v in self.variants if v)


def _token_similarity(query_token: str, token: str) -> float:
    if query_token == token:
        return 100.0
    if len(query_token) >= 3 and token.startswith(query_token):
        return 85.0 + 10.0 * len(query_token) / len(token)
    return float(fuzz.ratio(query_token, token))


_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


def _recall(memo: OrderedDict[_K, _V], key: _K) -> _V | None:
    """A memoised value, kept as the most recently used (common words stay remembered)."""
    found = memo.get(key)
    if found is not None:
        with suppress(KeyError):  # another thread's search may have just forgotten it
            memo.move_to_end(key)
    return found


def _memorise(memo: OrderedDict[_K, _V], key: _K, value: _V, limit: int = _CACHE_LIMIT) -> None:
    memo[key] = value
    while len(memo) > limit:
        with suppress(KeyError):
            memo.popitem(last=False)


@dataclass
class _Vocabulary:
    """The words of some entries: sorted for prefix search, as a set, and ready for look-alike
    scans (made on the first scan: an exact lookup needs none)."""

    sorted: list[str]
    known: frozenset[str]
    _lookalikes: Lookalikes | None = field(default=None, init=False)

    def alike(self, word: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """The `limit` words most like `word` by rapidfuzz's ratio, at least `cutoff`."""
        return self.lookalikes().alike(word, cutoff, limit)

    def lookalikes(self) -> Lookalikes:
        if self._lookalikes is None:
            self._lookalikes = Lookalikes(self.sorted)
        return self._lookalikes


def swapped(word: str) -> list[str]:
    """The word with each pair of neighbouring letters swapped ("lcuy": "cluy", "lucy", ...)."""
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    ]


def swap_similarity(length: int) -> float:
    """How alike a word of this length is to itself with two neighbours swapped: one slip, as
    alike as with one letter dropped (rapidfuzz's ratio counts a swap as two edits, so "anen"
    would be nearer "ann" than "anne")."""
    return 100.0 * (2 * length - 2) / (2 * length - 1)


_Scope = tuple[_Vocabulary, frozenset[Hashable], list[tuple[Hashable, frozenset[str]]]]


def index_shapes(kind: EntityKind, tokens: Iterable[tuple[str, ...]]) -> tuple[_Shape, ...]:
    """The shapes a name is searched under: each spelling, and each without filler words
    ("Liberal Party (UK)" is also "liberal uk")."""
    filler = _FILLER[kind]
    spellings = list(dict.fromkeys(t for t in tokens if t))  # an election's id and "council
    # year" are often one spelling: each is scored once
    for words in list(spellings):
        kept = tuple(t for t in words if t not in filler)
        if kept and kept not in spellings:
            spellings.append(kept)
    return tuple((t, "".join(t), len(set(t))) for t in spellings)


def one_shape(kind: EntityKind, spelling: str) -> tuple[_Shape, ...]:
    """`index_shapes` of a name with one (non-empty) spelling, without the general case's
    copies."""
    words = tuple(spelling.split())
    if words and _FILLER[kind].isdisjoint(words):
        return ((words, "".join(words), len(set(words))),)
    return index_shapes(kind, (words,))


class NameSource(Protocol[P]):
    """Where an index reads its names: in memory (`MemoryNames`) or the compiled store.

    Entries are known by an id the source chooses (a number, a key); the index only passes
    ids back to the source that gave them.
    """

    def __len__(self) -> int: ...

    def all_entries(self) -> list[Entry[P]]: ...

    def entry(self, ident: Hashable) -> Entry[P]: ...

    def entries_of(self, idents: Iterable[Hashable]) -> dict[Hashable, Entry[P]]: ...

    def shapes(self, ident: Hashable) -> tuple[_Shape, ...]: ...

    def ident(self, key: str) -> Hashable | None: ...

    def idents(self, keys: Iterable[str]) -> list[Hashable]:
        """The ids of the entries with these keys (those that exist), read at once."""
        ...

    def words(self) -> list[str]:
        """Every indexed word, sorted."""
        ...

    def postings(self, word: str) -> Collection[Hashable]:
        """The entries with this word."""
        ...

    def words_of(self, ident: Hashable) -> Collection[str]:
        """An entry's words (a stored entry's from its key, without reading it)."""
        ...

    def counts(self) -> dict[str, int]:
        """How many entries have each word."""
        ...

    def count_of(self, word: str) -> int:
        """How many entries have this word (0 for a word of no name), read alone."""
        ...

    def wholes(self, whole: str) -> Collection[Hashable]:
        """The entries with a spelling whose words, joined, are `whole`."""
        ...

    def members(self, scope: str) -> dict[Hashable, frozenset[str]]:
        """The entries of one election, each with the distinct words of its spellings."""
        ...

    def wholes_starting(self, prefix: str, limit: int) -> list[Hashable]:
        """Entries with a spelling whose joined words start with `prefix` (at most `limit`)."""
        ...

    def first(self, limit: int, scope: str | None) -> list[Entry[P]]:
        """The first entries in index order (for autocomplete on empty input)."""
        ...

    def plain(self, ident: Hashable) -> tuple[_Shape, ...] | None:
        """The shapes of an entry's plain spelling when known without reading it (a stored
        entry's id is its normalised name); None otherwise."""
        ...

    def starting(self, prefix: str, limit: int) -> list[tuple[Hashable, str]]:
        """(id, name) of entries whose key starts with `prefix`, in key order (at most `limit`):
        names that start with what is typed, found without reading their spellings."""
        ...

    def elections(self, entry: Entry[P]) -> tuple[str, ...]: ...

    def most_words(self) -> int:
        """The most words in one spelling of a name (0 when there are none)."""
        ...


class MemoryNames(Generic[P]):
    """Entries held in memory, known by their position (parties, elections, small stores)."""

    def __init__(self, kind: EntityKind, entries: Iterable[Entry[P]]) -> None:
        self.items: list[Entry[P]] = list(entries)
        self._by_key: dict[str, int] = {}
        self._by_token: dict[str, list[int]] = {}
        self._by_whole: dict[str, list[int]] = {}
        self._by_scope: dict[str, list[int]] = {}
        self._shapes: list[tuple[_Shape, ...]] = []
        for number, entry in enumerate(self.items):
            self._by_key.setdefault(entry.key, number)
            for election in entry.elections:
                self._by_scope.setdefault(election, []).append(number)
            shapes = index_shapes(kind, entry.tokens)
            self._shapes.append(shapes)
            for tokens, whole, _ in shapes:
                self._by_whole.setdefault(whole, []).append(number)
                for token in set(tokens):
                    postings = self._by_token.setdefault(token, [])
                    if not postings or postings[-1] != number:
                        postings.append(number)
        self._words = sorted(self._by_token)
        self._wholes = sorted((w, n) for w, numbers in self._by_whole.items() for n in numbers)
        self._keys = sorted((entry.key, n) for n, entry in enumerate(self.items))

    def __len__(self) -> int:
        return len(self.items)

    def all_entries(self) -> list[Entry[P]]:
        return self.items

    def entry(self, ident: Hashable) -> Entry[P]:
        assert isinstance(ident, int)
        return self.items[ident]

    def entries_of(self, idents: Iterable[Hashable]) -> dict[Hashable, Entry[P]]:
        return {i: self.entry(i) for i in idents}

    def shapes(self, ident: Hashable) -> tuple[_Shape, ...]:
        assert isinstance(ident, int)
        return self._shapes[ident]

    def ident(self, key: str) -> Hashable | None:
        return self._by_key.get(key)

    def idents(self, keys: Iterable[str]) -> list[Hashable]:
        return [self._by_key[k] for k in keys if k in self._by_key]

    def words(self) -> list[str]:
        return self._words

    def postings(self, word: str) -> Collection[Hashable]:
        return self._by_token.get(word, ())

    def words_of(self, ident: Hashable) -> Collection[str]:
        assert isinstance(ident, int)
        return {t for tokens, _, _ in self._shapes[ident] for t in tokens}

    def counts(self) -> dict[str, int]:
        return {w: len(p) for w, p in self._by_token.items()}

    def count_of(self, word: str) -> int:
        return len(self._by_token.get(word, ()))

    def wholes(self, whole: str) -> Collection[Hashable]:
        return self._by_whole.get(whole, ())

    def members(self, scope: str) -> dict[Hashable, frozenset[str]]:
        return {n: frozenset(self.words_of(n)) for n in self._by_scope.get(scope, ())}

    def wholes_starting(self, prefix: str, limit: int) -> list[Hashable]:
        start = bisect.bisect_left(self._wholes, (prefix, -1))
        found: list[Hashable] = []
        for whole, number in self._wholes[start : start + limit]:
            if not whole.startswith(prefix):
                break
            found.append(number)
        return found

    def plain(self, ident: Hashable) -> tuple[_Shape, ...] | None:
        return None

    def starting(self, prefix: str, limit: int) -> list[tuple[Hashable, str]]:
        start = bisect.bisect_left(self._keys, (prefix, -1))
        found: list[tuple[Hashable, str]] = []
        for key, number in self._keys[start : start + limit]:
            if not key.startswith(prefix):
                break
            found.append((number, self.items[number].name))
        return found

    def first(self, limit: int, scope: str | None) -> list[Entry[P]]:
        if scope is None:
            return self.items[:limit]
        return [self.items[n] for n in self._by_scope.get(scope, ())[:limit]]

    def elections(self, entry: Entry[P]) -> tuple[str, ...]:
        return entry.elections

    def most_words(self) -> int:
        return max((len(t) for entry in self.items for t in entry.tokens), default=0)


class NameIndex(Generic[P]):
    """Names of one kind, searchable by fuzzy words, optionally within one election."""

    def __init__(self, kind: EntityKind, entries: Iterable[Entry[P]] | NameSource[P] = ()) -> None:
        """Entries in memory, or a `NameSource` (the compiled store's names)."""
        self.kind = kind
        self.source: NameSource[P] = (
            MemoryNames(kind, entries) if isinstance(entries, Iterable) else entries
        )
        self._all: _Vocabulary | None = None
        self._counts: array[int] | None = None
        self._scoped: OrderedDict[str, _Scope] = OrderedDict()
        self._similar_memo: OrderedDict[tuple[str | None, str, bool, bool], dict[str, float]] = (
            OrderedDict()
        )
        self._alike_memo: OrderedDict[tuple[str, float], list[tuple[str, float]]] = OrderedDict()
        self._resolved: OrderedDict[tuple[str, int, str | None, bool], Resolution] = OrderedDict()
        """Resolutions already given: the names are fixed for the index's life, and a question
        resolves the same few common names (a surname, a ward) over and over."""

    def __len__(self) -> int:
        return len(self.source)

    @property
    def entries(self) -> list[Entry[P]]:
        """Every entry, in index order (loads them all from a stored source)."""
        return self.source.all_entries()

    @property
    def words(self) -> frozenset[str]:
        """Every word of every indexed name."""
        return self._vocabulary().known

    @property
    def sorted_words(self) -> list[str]:
        """Every word of every indexed name, alphabetically (the index's own list: not to be
        changed)."""
        return self._vocabulary().sorted

    def get(self, key: str) -> Entry[P] | None:
        """The entry with this key, if any."""
        ident = self.source.ident(key)
        return None if ident is None else self.source.entry(ident)

    def most_words(self) -> int:
        """The most words in one spelling of a name ("St Mark's and St Peter's": 5)."""
        return self.source.most_words()

    def in_scope(self, scope: str) -> list[Entry[P]]:
        """The entries that belong to one election, in index order."""
        return self.source.first(len(self.source), scope)

    def elections(self, entry: Entry[P]) -> tuple[str, ...]:
        """The elections that have this entry, newest first."""
        return self.source.elections(entry)

    def alike(self, word: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """Indexed words like `word` (rapidfuzz ratio at least `cutoff`, at most `limit` <= 60),
        best first. One scan per word serves every caller from the search's floor up (the
        question lexicon and the search ask about the same words, and a scan of 100,000
        candidate words costs 1-3 ms); only the loose search for suggestions scans lower (7 ms),
        where more words can reach the cutoff, and a caller wanting only near words
        (`_NEAR_FLOOR`) before any scan of the word scans for those alone."""
        floor = _TOKEN_FLOOR if cutoff >= _TOKEN_FLOOR else _LOOSE_FLOOR
        found = _recall(self._alike_memo, (word, floor))
        if found is None and cutoff >= _NEAR_FLOOR:  # the same words, if this many are near
            floor = _NEAR_FLOOR
            found = _recall(self._alike_memo, (word, floor))
        if found is None:
            found = self._vocabulary().alike(word, floor, _ALIKE_LIMIT)
            _memorise(self._alike_memo, (word, floor), found)
        assert limit <= _ALIKE_LIMIT
        return [pair for pair in found if pair[1] >= cutoff][:limit]

    def _vocabulary(self) -> _Vocabulary:
        if self._all is None:
            words = self.source.words()
            self._all = _Vocabulary(words, frozenset(words))
        return self._all

    def count(self, word: str) -> int:
        """How many entries have this word (0 for a word of no name)."""
        vocabulary = self._vocabulary()
        if word not in vocabulary.known:
            return 0
        return self._word_counts()[bisect.bisect_left(vocabulary.sorted, word)]

    def _word_counts(self) -> array[int]:
        if self._counts is None:
            # Beside the sorted words, not in a dict keyed by copies of them: 16 MB less for
            # the candidates' 100,000 words at 10,000 elections.
            counts = self.source.counts()
            words = self._vocabulary().sorted
            self._counts = array("L", (counts.get(w, 0) for w in words))
        return self._counts

    def prepare(self) -> None:
        """Read now the words and their counts, and ready the look-alike scans (65-77 ms for
        the candidates' words at 10,000 elections), which the first search would do."""
        self._word_counts()
        self._vocabulary().lookalikes().ready()

    def _count_one(self, word: str) -> int:
        """`count`, without reading every word's count first when they are not yet read (a
        command naming a ward exactly reads two counts, not 15,000 at 10,000 elections)."""
        if self._counts is not None:
            return self.count(word)
        return self.source.count_of(word)

    def _scope(self, scope: str) -> _Scope:
        """One election's vocabulary, entries, and entries with their words (kept); read from
        the words alone, so a first search or suggestion in an election reads no names."""
        found = _recall(self._scoped, scope)
        if found is None:
            pool = self.source.members(scope)
            words = frozenset().union(*pool.values())
            found = (_Vocabulary(sorted(words), words), frozenset(pool), list(pool.items()))
            _memorise(self._scoped, scope, found, _SCOPE_LIMIT)
        return found

    def _similar_tokens(
        self, query_token: str, scope: str | None = None, loose: bool = False, alone: bool = False
    ) -> dict[str, float]:
        """Indexed words like `query_token`, with their similarity (memoised); for a query of
        this word `alone` that names have exactly, only the near ones (`_NEAR_FLOOR`)."""
        memo_key = (scope, query_token, loose, alone)
        cached = _recall(self._similar_memo, memo_key)
        if cached is not None:
            return cached
        vocabulary = self._vocabulary() if scope is None else self._scope(scope)[0]
        similar = self._similar_in(query_token, vocabulary, loose, alone)
        _memorise(self._similar_memo, memo_key, similar)
        return similar

    def _similar_in(
        self, query_token: str, vocabulary: _Vocabulary, loose: bool, alone: bool
    ) -> dict[str, float]:
        """`_similar_tokens` among one vocabulary's words (the index's own, whose look-alike
        scans are memoised, or a few: an election's, a ward's people's)."""
        similar: dict[str, float] = {}
        if query_token in vocabulary.known:
            similar[query_token] = 100.0
        if len(query_token) >= 3:
            words = vocabulary.sorted
            start = bisect.bisect_left(words, query_token)
            for token in words[start : start + _PREFIX_TOKENS]:
                if not token.startswith(query_token):
                    break
                similar.setdefault(token, _token_similarity(query_token, token))
            cutoff = _LOOSE_FLOOR if loose else (_TOKEN_FLOOR if len(query_token) > 4 else 75.0)
            if alone and query_token in vocabulary.known:
                cutoff = max(cutoff, _NEAR_FLOOR)
            alike = (
                self.alike(query_token, cutoff, limit=_ALIKE_LIMIT)
                if vocabulary is self._all
                else vocabulary.alike(query_token, cutoff, limit=_ALIKE_LIMIT)
            )
            for token, score in alike:
                similar.setdefault(token, score)
        for token in swapped(query_token):
            if token in vocabulary.known:
                similar[token] = max(similar.get(token, 0.0), swap_similarity(len(token)))
        if self.kind == "candidate":
            for name in nicknames(query_token):
                if name in vocabulary.known:
                    similar[name] = max(similar.get(name, 0.0), NICKNAME_SCORE)
        if query_token in _CONTRASTING:
            # "West" is never a typo for "East": these words tell places apart.
            similar = {
                t: v for t, v in similar.items() if t == query_token or t not in _CONTRASTING
            }
        return similar

    def _pool(self, scope: str) -> list[tuple[Hashable, frozenset[str]]]:
        """One election's entries with the distinct words of their spellings."""
        return self._scope(scope)[2]

    def _hits(
        self,
        word: str,
        similar: dict[str, float],
        pool: list[tuple[Hashable, frozenset[str]]] | None,
        scope: str | None,
        *,
        prefixes: bool,
    ) -> dict[Hashable, float]:
        """The entries with a word like `word`, each with its best word's similarity; with
        `prefixes` (only short words were typed), also names with a word starting so.

        In one election (`pool`) its few entries are read directly; otherwise the postings of
        the similar words."""
        hits: dict[Hashable, float] = {}
        if pool is not None:
            for ident, tokens in pool:
                value = max((similar.get(t, 0.0) for t in tokens), default=0.0)
                if not value and prefixes and any(t.startswith(word) for t in tokens):
                    value = INITIAL_SCORE
                if value:
                    hits[ident] = value
            return hits
        for token, value in similar.items():
            for ident in self.source.postings(token):
                if hits.get(ident, 0.0) < value:
                    hits[ident] = value
        if prefixes:  # only short words ("l", "sk"): names with words starting so
            for token in self._prefixed(word, scope):
                if len(hits) >= _SHORT_HITS:
                    break
                for ident in self.source.postings(token):
                    hits.setdefault(ident, INITIAL_SCORE)
        return hits

    def _gathered(
        self, words: list[str], similar: dict[str, dict[str, float]], cap: int
    ) -> dict[Hashable, float]:
        """Entries worth scoring for these (3+ letter) words, each with a cheap first score:
        the sum of its best word similarity for each query word.

        Only the names of the word that the fewest names have are read, at most `_BASE` of
        them; each is kept when its own words match every other query word. When none does,
        any word will do, except a word nearly every name has ("Ward", "North"), which would
        make every entry a candidate. One word alone: its `cap` likeliest names.
        """
        counts = {w: sum(self._count_one(t) for t in similar[w]) for w in words}
        order = sorted(words, key=lambda w: (counts[w], w))
        base = order[0]
        if len(order) == 1:
            return self._likeliest(similar[base], cap)
        if counts[base] <= _BASE:
            base_hits = self._hits(base, similar[base], None, None, prefixes=False)
        else:
            base_hits = self._likeliest(similar[base], _BASE)
        found: dict[Hashable, float] = {}
        others = [(similar[w], similar[w].keys()) for w in order[1:]]
        for ident, value in base_hits.items():
            tokens = self.source.words_of(ident)
            for alike, words_alike in others:
                shared = words_alike & tokens  # most names have none: no scoring loop
                if not shared:
                    break
                value += max(alike[t] for t in shared)
            else:
                found[ident] = value
        if found:
            return found
        rare = [
            hits
            for word in order
            if counts[word] <= _RARE_READ
            if len(hits := self._hits(word, similar[word], None, None, prefixes=False))
            <= _COMMON_HITS
        ]
        if not rare:
            return self._likeliest(similar[base], min(cap, _PARTIAL_SCORED))
        lookups = [(similar[w], similar[w].keys()) for w in order]
        partial: dict[Hashable, float] = {}
        for ident in set().union(*rare):
            tokens = self.source.words_of(ident)
            partial[ident] = sum(
                max(alike[t] for t in shared)
                for alike, words_alike in lookups
                if (shared := words_alike & tokens)
            )
        kept = heapq.nsmallest(
            min(cap, _PARTIAL_SCORED), partial, key=lambda i: (-partial[i], str(i))
        )
        return {ident: partial[ident] for ident in kept}

    def _initials(self, word: str, similar: dict[str, float], cap: int) -> dict[Hashable, float]:
        """Up to `cap` entries for one short word: with the word (or a nickname) first, then
        with a word starting so, in the vocabulary's order."""
        found = self._likeliest(similar, cap)
        for token in self._prefixed(word, None):
            if len(found) >= cap:
                break
            for ident in self.source.postings(token):
                found.setdefault(ident, INITIAL_SCORE)
                if len(found) >= cap:
                    break
        return found

    def _likeliest(self, similar: dict[str, float], cap: int) -> dict[Hashable, float]:
        """The `cap` entries with the words most like one query word (then in key order),
        reading the postings of the closest words first."""
        found: dict[Hashable, float] = {}
        values = sorted(set(similar.values()), reverse=True)
        for value in values:
            postings = [self.source.postings(t) for t, v in similar.items() if v == value]
            merged = heapq.merge(*(_in_key_order(p) for p in postings), key=str)
            for ident in merged:
                if ident not in found:
                    found[ident] = value
                    if len(found) >= cap:
                        return found
        return found

    def _prefixed(self, prefix: str, scope: str | None) -> list[str]:
        """Indexed words starting with `prefix`, alphabetically (a bounded number of them)."""
        words = (self._vocabulary() if scope is None else self._scope(scope)[0]).sorted
        start = bisect.bisect_left(words, prefix)
        found = []
        for token in words[start : start + _PREFIX_TOKENS]:
            if not token.startswith(prefix):
                break
            found.append(token)
        return found

    def could_be_whole(self, query: str) -> bool:
        """Whether `resolve` could find a whole name in the query: a match scoring 99 or more,
        or a name that is the query spelt out ("St Ann's" asked as "st ann"). Either needs
        every query word to be a name word (a look-alike one scores under 98 unless it has 24
        letters: `swap_similarity`), joined with a neighbour to be one, or the query to be a
        name with its words run together; a plural is resolved singular too ("the Pearns").
        A question skips the search of a reading that cannot be whole (9-10 ms for a
        two-word ward read as a candidate's name at 10,000 elections)."""
        words = self._query_words(query)
        known = self._vocabulary().known

        def named(n: int) -> bool:
            word = words[n]
            return (
                word in known
                or word + "s" in known
                or (word.endswith("s") and word[:-1] in known)
                or len(word) >= _WHOLE_LOOKALIKE
                or (n > 0 and words[n - 1] + word in known)
                or (n + 1 < len(words) and word + words[n + 1] in known)
            )

        return all(named(n) for n in range(len(words))) or bool(self.source.wholes("".join(words)))

    def _only_exact(self, query: str, scope: str | None) -> Match | None:
        """The match, when exactly one entry is the query exactly (scores 100) and no other can:
        what `resolve` would answer, without the look-alike scans of a full search (1-3 ms a
        word over the candidates' 107,535 words at 10,000 elections, and a first search reads
        every word's count). Only an entry with every query word, or whose joined words are the
        query's, can score 100; None sends the query to the full search."""
        words = self._query_words(query)
        if not words:
            return None
        counts = {w: self._count_one(w) for w in words}
        if not all(counts.values()):
            return None
        rarest = min(sorted(counts), key=counts.__getitem__)
        wanted = set(words)
        whole = "".join(words)
        if counts[rarest] <= (_EXACT_POSTINGS if len(words) > 1 else _EXACT_ONE_WORD):
            possible = {
                i for i in self.source.postings(rarest) if wanted <= set(self.source.words_of(i))
            }
        elif 1 < len(words) <= _EXACT_ORDERS:
            # Every word common ("John Smith"): the names spelt with the query's words in any
            # order, from the joined-words index (a name repeating a word is left out here).
            possible = {
                i for order in set(permutations(words)) for i in self.source.wholes("".join(order))
            }
        else:
            return None  # one common word ("Thomas"): the full search's choices
        identity = {w: {w: 100.0} for w in wanted}

        def exactly(shapes: Iterable[_Shape]) -> bool:
            return any(_score(words, t, c, d, identity, whole) >= 100.0 for t, c, d in shapes)

        if len(words) == 1:
            # Most names with the word have others too ("Abbey Hulton"): their plain spelling,
            # known without reading them, already says they cannot score 100. A name spelt as
            # the word only when its hyphen is joined is among the joined-words matches below.
            possible = {
                i for i in possible if (plain := self.source.plain(i)) is None or exactly(plain)
            }
        possible.update(self.source.wholes(whole))
        if scope is not None:
            possible &= self._scope(scope)[1]
        self.source.entries_of(possible)  # their shapes, in one read
        exact = [ident for ident in possible if exactly(self.source.shapes(ident))]
        if len(exact) != 1:
            return None
        entry = self.source.entries_of(exact)[exact[0]]
        return self._match(entry, 100.0)

    def search(
        self, query: str, limit: int = 10, *, scope: str | None = None, loose: bool = False
    ) -> list[tuple[Entry[P], float]]:
        """Entries ranked by score (0-100), best first; `scope` keeps one election's names.

        `loose` also accepts words further from the query (for suggestions, not answers).
        """
        queries = self._queries(query)
        if not queries:
            return []
        members: frozenset[Hashable] | None = None
        if scope is not None:
            members = self._scope(scope)[1]
            if not members:
                return []
        alone = len(queries) == 1 and len(queries[0]) == 1
        similar = {
            w: self._similar_tokens(w, scope, loose, alone) for w in {w for q in queries for w in q}
        }
        candidates: set[Hashable] = set()
        rough: dict[Hashable, float] = {}
        """A cheap first score (the query words' best word matches) that bounds how many
        entries get the full score: common words cannot make every name a candidate."""
        pool = None if scope is None else self._pool(scope)
        for words_tried in queries:
            exact = self.source.wholes("".join(words_tried))
            candidates.update(exact)
            rough.update(dict.fromkeys(exact, 1000.0))
            distinct = set(words_tried)
            full = [w for w in distinct if len(w) > _SHORT_WORD]
            if pool is None and (full or len(distinct) == 1):
                cap = _LOOSE_SCORED if loose else _SCORED
                if full:
                    gathered = self._gathered(sorted(full), similar, cap)
                else:  # one short word ("st", "l"): the word itself, else words starting so
                    (word,) = distinct
                    gathered = self._initials(word, similar[word], min(cap, _SHORT_SCORED))
                for ident, value in gathered.items():
                    if rough.get(ident, -1.0) < value:
                        rough[ident] = value
                    candidates.add(ident)
                continue
            per_word = [
                self._hits(word, similar[word], pool, scope, prefixes=not full)
                for word in full or distinct
            ]
            if per_word:
                common = set(per_word[0]).intersection(*per_word[1:])
                if not common:
                    # Nothing has every word: any word will do, except a word nearly every name
                    # has ("Ward", "North"), which would make every entry a candidate.
                    rare = [h for h in per_word if len(h) <= _COMMON_HITS]
                    common = set().union(*(rare or [min(per_word, key=len)]))
                for ident in common:
                    value = sum(h.get(ident, 0.0) for h in per_word)
                    if rough.get(ident, -1.0) < value:
                        rough[ident] = value
                candidates |= common
        if members is not None:
            candidates &= members
        cap = _LOOSE_SCORED if loose else _SCORED
        if len(candidates) > cap:
            ranked = sorted(candidates, key=lambda i: (-rough.get(i, 0.0), str(i)))
            candidates = set(ranked[:cap])
        return self._ranked(queries, similar, candidates, limit)

    def rank_among(
        self, query: str, keys: Collection[str], limit: int = 10
    ) -> list[tuple[Entry[P], float]]:
        """The entries with these keys that may be accepted (score at least ACCEPT), scored
        against the query as `search` scores them, best first: for the few people of one ward,
        however many share their name elsewhere. Keys whose words show they cannot be accepted
        are left unread (most of a ward's people, for a surname).

        The query's words are compared with the keys' words (and their neighbours joined, as
        a hyphen may have been), not looked for among every indexed word: a few hundred words,
        where the look-alike scan of the candidates' 107,535 at 10,000 elections takes 2-4 ms
        and keeps only the 60 most alike, which other people's words may fill."""
        queries = self._queries(query)
        if not queries:
            return []
        local = set().union(*(_joined_runs(k.split()) for k in keys))
        among = _Vocabulary(sorted(local), frozenset(local))
        similar = {
            w: self._similar_in(w, among, loose=False, alone=False)
            for w in {w for q in queries for w in q}
        }
        filler = _FILLER[self.kind]
        wanted = [k for k in keys if _may_accept(queries, similar, k.split(), filler)]
        idents = self.source.idents(wanted)
        if not idents:
            return []
        ranked = self._ranked(queries, similar, idents, limit)
        return [(entry, score) for entry, score in ranked if score >= ACCEPT]

    def _queries(self, query: str) -> list[list[str]]:
        """The query's words (without filler such as "ward"), and again with each pair of
        neighbours joined where the index knows the joined word ("New Town": "newtown")."""
        words = self._query_words(query)
        if not words:
            return []
        known = self._vocabulary().known
        queries = [words]
        for i in range(len(words) - 1):
            joined = words[i] + words[i + 1]
            if joined in known:
                queries.append([*words[:i], joined, *words[i + 2 :]])
        return queries

    def _query_words(self, query: str) -> list[str]:
        """The query's folded words without filler such as "ward" (unless it is all filler)."""
        words = normalize(query).split()
        return [w for w in words if w not in _FILLER[self.kind]] or words

    def _ranked(
        self,
        queries: list[list[str]],
        similar: dict[str, dict[str, float]],
        idents: Collection[Hashable],
        limit: int,
    ) -> list[tuple[Entry[P], float]]:
        scored = []
        wholes = ["".join(q) for q in queries]
        # Names share shapes: every election of a council has "Ricdendon Borough Council"
        # among its nine, so each shape is scored once a call.
        seen: dict[tuple[Sequence[str], str, int, int], float] = {}
        for ident, entry in self.source.entries_of(idents).items():
            score = -math.inf
            for tokens, compact_name, distinct in self.source.shapes(ident):
                for i, (q, whole) in enumerate(zip(queries, wholes, strict=True)):
                    key = (tokens, compact_name, distinct, i)
                    value = seen.get(key)
                    if value is None:
                        value = _score(q, tokens, compact_name, distinct, similar, whole)
                        seen[key] = value
                    score = max(score, value)
            scored.append((entry, score))
        return heapq.nsmallest(limit, scored, key=lambda pair: (-pair[1], pair[0].name))

    def match(self, entry: Entry[P], score: float) -> Match:
        """A ranked entry as a resolution lists it."""
        return self._match(entry, score)

    def resolve(
        self,
        query: str,
        limit: int = RESOLUTION_LIMIT,
        *,
        scope: str | None = None,
        suggest: bool = True,
    ) -> Resolution:
        """ok when one entry clearly matches; ambiguous when several do; else not_found, with
        suggestions (looked for more loosely when nothing is close, unless not `suggest`: a
        question tries many readings of its words and offers suggestions for one)."""
        key = (query, limit, scope, suggest)
        found = _recall(self._resolved, key)
        if found is None:
            found = self._resolve(query, limit, scope=scope, suggest=suggest)
            _memorise(self._resolved, key, found)
        return found

    def _resolve(self, query: str, limit: int, *, scope: str | None, suggest: bool) -> Resolution:
        only = self._only_exact(query, scope)
        if only is not None:
            return Resolution(status="ok", kind=self.kind, query=query, matches=(only,))
        ranked = self.search(query, limit=max(limit, RESOLUTION_LIMIT), scope=scope)
        if not ranked or ranked[0][1] < ACCEPT:
            suggestions = [(e, s) for e, s in ranked if s >= SUGGEST_FLOOR]
            if not suggestions and suggest:  # nothing close: look again, more loosely
                loose = self.search(query, limit=10, scope=scope, loose=True)
                suggestions = [(e, s) for e, s in loose if SUGGEST_FLOOR <= s < ACCEPT]
            return Resolution(
                status="not_found",
                kind=self.kind,
                query=query,
                matches=tuple(self._match(e, s) for e, s in suggestions[:5]),
            )
        top = ranked[0][1]
        close = [(e, s) for e, s in ranked if s >= top - AMBIGUITY_MARGIN and s >= ACCEPT]
        exact = [(e, s) for e, s in close if s >= 100.0]
        if len(exact) == 1:  # the whole name, exactly as typed: no need to ask
            close = exact
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

    def _match(self, entry: Entry[P], score: float) -> Match:
        return Match(
            kind=self.kind,
            key=entry.key,
            name=entry.name,
            detail=entry.detail,
            score=round(score, 1),
            elections=self.elections(entry),
        )


def _one_word(
    word: str, tokens: Sequence[str], distinct: int, similar: dict[str, dict[str, float]]
) -> float:
    """`_each_word`'s score for a query of one word (a surname alone: most searches score a
    hundred names for it), without its claiming: the word's best match is its claim."""
    options = similar[word]
    short = len(word) <= _SHORT_WORD
    best = 0.0
    for token in tokens:
        value = options.get(token, 0.0)
        if short and value < INITIAL_SCORE and token.startswith(word):
            value = INITIAL_SCORE
        if value > best:
            best = value
    covered = 1 if best >= _TOKEN_FLOOR else 0
    return 90.0 * (best + best) / 200.0 + 10.0 * covered / distinct  # as `_each_word` sums


def _each_word(
    words: Sequence[str], tokens: Sequence[str], distinct: int, similar: dict[str, dict[str, float]]
) -> tuple[float, bool]:
    """The words' score (90 for their matches, 10 for the name covered), and whether the name's
    first word was claimed by a word only like it."""
    # Each query word claims its own word of the name, best matches first, so "Darley Dale"
    # cannot match the ward Darley by reading both of its words as "darley".
    per_word: list[list[tuple[float, int]]] = []
    for word in words:
        options = similar[word]
        short = len(word) <= _SHORT_WORD
        values = []
        for position, token in enumerate(tokens):
            value = options.get(token, 0.0)
            if short and value < INITIAL_SCORE and token.startswith(word):
                value = INITIAL_SCORE
            values.append((value, position))
        values.sort(reverse=True)
        per_word.append(values)
    claimed: set[int] = set()
    covered: set[str] = set()
    total = 0.0
    lowest = 100.0
    unsure_first_word = False
    for values in sorted(per_word, key=lambda v: -v[0][0] if v else 0.0):
        best = 0.0
        for value, position in values:
            if position not in claimed:
                best = value
                if value > 0.0:
                    claimed.add(position)
                    if value >= _TOKEN_FLOOR:
                        covered.add(tokens[position])
                    unsure_first_word |= position == 0 and value < _CERTAIN_WORD
                break
        total += best
        lowest = min(lowest, best)
    mean = total / len(words)
    token_score = 90.0 * (mean + lowest) / 200.0 + 10.0 * len(covered) / distinct
    return token_score, unsure_first_word


def _in_key_order(postings: Collection[Hashable]) -> Iterable[Hashable]:
    """Postings sorted as `str` sorts their ids (a stored source's already are: keys)."""
    if isinstance(postings, tuple) and all(isinstance(i, str) for i in postings[:1]):
        return postings
    return sorted(postings, key=str)


def _joined_runs(words: Sequence[str]) -> set[str]:
    """Each run of neighbouring words, joined ("a b c": a, b, c, ab, bc, abc): the words a
    name's spellings may have, where a hyphen or a space may have been."""
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _may_accept(
    queries: list[list[str]],
    similar: dict[str, dict[str, float]],
    key: list[str],
    filler: frozenset[str],
) -> bool:
    """Can `_score` reach ACCEPT for a name with these key words (its plain spelling, as
    folded)? Only if a spelling is the query's words joined, or the joined spellings are
    alike enough, or every query word has a like word in the name: among the key's words, or
    neighbours joined where a hyphen may have been (the spellings' other words)."""
    compacts = {"".join(key), "".join(w for w in key if w not in filler)}
    words = _joined_runs(key)
    for query in queries:
        whole = "".join(query)
        if whole in compacts:
            return True
        if len(whole) >= 5 and any(fuzz.ratio(whole, c) - 6.0 >= ACCEPT for c in compacts):
            return True
        if all(
            any(
                similar[w].get(t, 0.0) > 0.0 or (len(w) <= _SHORT_WORD and t.startswith(w))
                for t in words
            )
            for w in query
        ):
            return True
    return False


def _score(
    words: Sequence[str],
    tokens: Sequence[str],
    compact_name: str,
    distinct: int,
    similar: dict[str, dict[str, float]],
    whole: str,
) -> float:
    """90 points for how well every query word matches, 10 for how much of the name is covered.

    A query word of one or two letters is an initial or the start of a word: it matches a name
    word that starts with it (INITIAL_SCORE).
    """
    if compact_name == whole:
        return 100.0
    if len(words) == 1:
        token_score, unsure_first_word = _one_word(words[0], tokens, distinct, similar), False
    else:
        token_score, unsure_first_word = _each_word(words, tokens, distinct, similar)
    contrast_missing = any(word in _CONTRASTING and word not in tokens for word in words)
    if contrast_missing:
        # "Spondon East" is not Spondon, but Spondon is the place to suggest: score the other
        # words, kept just under acceptance.
        rest = [word for word in words if word not in _CONTRASTING]
        if not rest:
            return token_score
        alike = _score(rest, tokens, compact_name, distinct, similar, "".join(rest))
        return min(max(token_score, alike - 10.0), ACCEPT - 1.0)
    if len(whole) >= 5:
        # The joined spellings' similarity (rapidfuzz ratio) can only win when the lengths allow.
        shorter, longer = sorted((len(whole), len(compact_name)))
        if 200.0 * shorter / (shorter + longer) - 6.0 > token_score:
            token_score = max(token_score, float(fuzz.ratio(whole, compact_name)) - 6.0)
    if len(words) > 1 and len(tokens) > 1 and unsure_first_word:
        # The rest matches but the first name only looks alike ("Sean O'Brien" for "Siân
        # O'Brien-Jones"): families share surnames, so this may be someone else. The match is
        # suggested, never taken as the answer. A near miss in a surname ("lucy cair") is a typo.
        token_score = min(token_score, ACCEPT - 0.5)
    return token_score
