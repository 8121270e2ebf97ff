"""The store's own vocabulary, word by word: which words can start a ward, candidate, party or
election name, and which are ordinary words (possibly mistyped).

Built once per store (cached on it weakly) from the store's name indexes, so spotting names in
a question costs a few dictionary look-ups and, for unfamiliar words, one rapidfuzz scan.
"""

from __future__ import annotations

import bisect
import re
import threading
import weakref
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.normalize import normalize
from knowledge.questions.intents import KEYWORDS
from knowledge.questions.words import OFF_TOPIC, SPELLINGS, STOP_WORDS
from knowledge.resolve import EntityKind, NameIndex
from knowledge.store import ResultsStore
from knowledge.tuning import WEIGHTS

Role = Literal["stop", "soft", "name", "unknown", "year", "number"]
"""stop: an ordinary word; soft: an ordinary word that is also part of a name (Janet *Till*);
name: like a name word of some kind; unknown: neither; year/number: digits."""

NAME_SIMILARITY: Final = WEIGHTS.name_similarity
"""A word at least this close (rapidfuzz ratio) to a name word may be that name, mistyped."""
SHORT_NAME_SIMILARITY: Final = WEIGHTS.short_name_similarity
"""Four-letter words need a closer match: "joke" is not "Joe", though "Carre" is "Care"."""
KEYWORD_SIMILARITY: Final = WEIGHTS.keyword_similarity
"""A word at least this close to a trigger word (and with the same first letter) is read as
that word, mistyped ("votse")."""
_MIN_FUZZY_LENGTH: Final = 4
SHORT_KEYWORDS: Final = ("who", "won", "win", "how", "what", "did", "was", "vote")
"""The only words a two- or three-letter typo is read as ("wn", "hw"): short surnames such as
"Doe" must not become "does"."""
_MEMO_LIMIT: Final = 20_000
_RUN_TOGETHER: Final = re.compile(r"\b([A-Z][a-z]+)([A-Z][a-z]+)\b")
"""Two capitalised words with no space between them: "LucyCare"."""
_YEAR = re.compile(r"^(18|19|20)\d\d$")
_KINDS: Final[tuple[EntityKind, ...]] = ("ward", "candidate", "party", "election")

ORDINARY: Final[frozenset[str]] = STOP_WORDS | KEYWORDS | OFF_TOPIC
"""Words that are not names (unless a name is spelt the same): glue, trigger words and the
off-topic words ("is Chris Williamson *married*" must not look up "Williamson Married")."""


@dataclass(frozen=True)
class WordInfo:
    """What one folded word of a question may be."""

    role: Role
    word: str
    """The word, or the trigger word it was read as when mistyped."""
    kinds: dict[EntityKind, float] = field(default_factory=dict)
    """Name kinds it resembles, with the best word similarity (0-100)."""


class Lexicon:
    """Name words by kind, and a memo of how each question word was classified."""

    def __init__(self, store: ResultsStore) -> None:
        indexes: dict[EntityKind, NameIndex[Any]] = {
            "ward": store.wards,
            "candidate": store.candidates,
            "party": store.parties,
            "election": store.election_index,
        }
        # The indexes' own word sets and lists (100,000 candidates' words at 10,000 elections
        # are not copied); only the elections' few words lose the stop words.
        names: dict[EntityKind, frozenset[str]] = {k: i.words for k, i in indexes.items()}
        names["election"] = names["election"] - STOP_WORDS
        vocab: dict[EntityKind, list[str]] = {k: i.sorted_words for k, i in indexes.items()}
        vocab["election"] = sorted(names["election"])
        self._indexes = indexes
        self.longest = store.wards.most_words()
        """Words in the longest ward name ("St Mark's and St Peter's": 5)."""
        self.longest_party = store.parties.most_words()
        """Words in the longest party name ("Green Party of England and Wales": 6)."""
        self.councils = frozenset(  # as compiled: council_key(council) but for by-elections
            e.council_key for e in store.catalog if e.kind != "by-election"
        )
        """Each loaded council's own name ("derby"): words that choose its election."""
        self.names = names
        self._council_names = sorted(self.councils)
        self._near: dict[str, bool] = {}
        self.ordinary_parties = _ordinary_parties(store)
        """Party names made of ordinary words alone ("your party"), which no word of a
        question is read as: `spot` looks for them whole."""
        self._vocab = vocab
        self._keywords = sorted(KEYWORDS)
        self._memo: dict[str, WordInfo] = {}

    def near_council(self, name: str) -> bool:
        """One edit (a letter dropped, added, changed, or two swapped) from a loaded council's
        name (memoised: the names are fixed for the store's life)."""
        found = self._near.get(name)
        if found is None:
            best = process.extractOne(
                name, self._council_names, scorer=OSA.distance, score_cutoff=1
            )
            found = best is not None
            if len(self._near) < _MEMO_LIMIT:
                self._near[name] = found
        return found

    def classify(self, word: str) -> WordInfo:
        """The role of one folded word (memoised: questions repeat their words)."""
        known = self._memo.get(word)
        if known is None:
            known = self._classify(word)
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[word] = known
        return known

    def _classify(self, word: str) -> WordInfo:
        if word.isascii() and word.isdigit():
            if word in self.names["election"]:
                return WordInfo("year", word, {"election": 100.0})
            return WordInfo("year" if _YEAR.match(word) else "number", word)
        exact = {kind: 100.0 for kind in _KINDS if word in self.names[kind]}
        if not exact and word in SPELLINGS:  # "wun" -> won, "wich" -> which
            return WordInfo("stop", SPELLINGS[word])
        if not exact and len(word) > 2 and word.endswith("s"):  # "LDs", "Pearns"
            plural = {kind: 100.0 for kind in _KINDS if word[:-1] in self.names[kind]}
            if plural and word not in ORDINARY:
                return WordInfo("name", word, plural)
        if word in ORDINARY:
            return WordInfo("soft" if exact else "stop", word, exact)
        kinds = {**self._similar(word, exact), **exact}
        if exact:
            return WordInfo("name", word, kinds)
        if len(word) >= 2:  # "wn" -> won, "votse" -> votes
            pool = self._keywords if len(word) >= _MIN_FUZZY_LENGTH else SHORT_KEYWORDS
            keywords = [k for k in pool if k[0] == word[0]]  # "dinner" is not "winner"
            found = process.extractOne(
                word, keywords, scorer=fuzz.ratio, score_cutoff=KEYWORD_SIMILARITY
            )
            if found is not None and found[1] >= max(kinds.values(), default=0.0):
                return WordInfo("stop", found[0])
        return WordInfo("name" if kinds else "unknown", word, kinds)

    def could_be_whole(self, kind: EntityKind, query: str) -> bool:
        """Whether a name of this kind could be all of the query (`NameIndex.could_be_whole`)."""
        return self._indexes[kind].could_be_whole(query)

    def spaced(self, text: str) -> str:
        """Names typed without their space ("LucyCare") spaced again: where the whole is no
        name word and each capitalised part is one ("McDonald" stays, unless only "mc" and
        "donald" are known)."""
        return _RUN_TOGETHER.sub(self._space, text)

    def _space(self, found: re.Match[str]) -> str:
        whole, first, second = (found[n].lower() for n in (0, 1, 2))
        if any(whole in self.names[kind] for kind in _KINDS):
            return found[0]
        people, places = self.names["candidate"], self.names["ward"]
        if all(w in people or w in places for w in (first, second)):
            return f"{found[1]} {found[2]}"
        return found[0]

    def as_name(self, word: str) -> WordInfo | None:
        """A word read as a question word it resembles ("simth": sixth), read as a name
        instead, when a name word is as close ("smith"): for a word where a name belongs."""
        kinds = self._similar(word, short_cutoff=NAME_SIMILARITY)
        return WordInfo("name", word, kinds) if kinds else None

    def _similar(
        self,
        word: str,
        exact: Collection[EntityKind] = (),
        short_cutoff: float = SHORT_NAME_SIMILARITY,
    ) -> dict[EntityKind, float]:
        """How much the word looks like each kind's name words. A kind it is spelt exactly as
        one of is not scanned (nothing is more alike than the word itself), and a word spelt
        exactly as a ward's is not read as a misspelt candidate's word (a candidate spelt so is
        found exactly, and one starting so by prefix): at 10,000 elections each look-alike scan
        of the candidates' 107,535 words costs 2-4 ms, the most of a question's time."""
        if len(word) < _MIN_FUZZY_LENGTH:
            return {}
        kinds: dict[EntityKind, float] = {}
        for kind in _KINDS:
            if kind in exact:
                kinds[kind] = 100.0
                continue
            vocab = self._vocab[kind]
            best = 0.0
            at = bisect.bisect_left(vocab, word)
            if at < len(vocab) and vocab[at].startswith(word):
                best = 90.0
            short = len(word) <= _MIN_FUZZY_LENGTH
            cutoff = short_cutoff if short else NAME_SIMILARITY
            names = self.names[kind]
            fuzzy = not ("ward" in exact and kind == "candidate")
            found = fuzzy and [
                p for p in self._indexes[kind].alike(word, cutoff, 60) if p[0] in names
            ]
            if found:
                best = max(best, found[0][1])
            if best:
                kinds[kind] = best
        return kinds


_LEXICONS: weakref.WeakKeyDictionary[ResultsStore, Lexicon] = weakref.WeakKeyDictionary()


_BUILDING = threading.Lock()
"""Held while a lexicon is built: a question arriving meanwhile waits for it, not builds it
again (the bot builds one ahead in a worker thread, `prepare`)."""


def lexicon_for(store: ResultsStore) -> Lexicon:
    """The store's lexicon, built on first use and kept as long as the store lives."""
    found = _LEXICONS.get(store)
    if found is None:
        with _BUILDING:
            found = _LEXICONS.get(store)
            if found is None:
                found = _LEXICONS[store] = Lexicon(store)
    return found


def _ordinary_parties(store: ResultsStore) -> tuple[tuple[str, ...], ...]:
    """The parties named with ordinary words alone, two or more ("your party", of "Your Party
    (UK)"; a country qualifier may follow). Their names, not their aliases: Independent's
    alias "no party" would take "no party has a majority". Only the party index's entries are
    read, a few hundred names."""
    found: set[tuple[str, ...]] = set()
    for entry in store.parties.entries:
        words = normalize(entry.name).split()
        while words and words[-1] in _QUALIFIERS:
            words.pop()
        if len(words) >= 2 and all(w in ORDINARY for w in words):
            found.add(tuple(words))
    return tuple(sorted(found))


_QUALIFIERS: Final = frozenset({"uk", "gb", "england", "scotland", "wales"})


def prepare(store: ResultsStore) -> None:
    """Build now what a store's first question would build: its lexicon (every kind's words,
    the election and party indexes) and the ward and candidate words' counts and look-alike
    scans, and the election index's entries. At 10,000 elections that is about 0.8 s, which the
    bot spends in a worker thread at start and before swapping in a reloaded store, rather than
    in its first answers. The reply modules are imported too: a one-answer `ask` imports only
    the one it needs, a long-running process all of them, once."""
    from knowledge.questions.registry import all_replies

    all_replies()
    lexicon_for(store)
    store.wards.prepare()
    store.candidates.prepare()
    store.election_index.entries  # noqa: B018 - made now: a search then only scores them
