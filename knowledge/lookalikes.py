"""The words of a vocabulary most like a word, by rapidfuzz's ratio, without reading them all.

The ratio of words of n and m letters is 200 * LCS / (n + m), and their longest common
subsequence is at most the letters they share. So a large vocabulary keeps, for each word
length and each letter, one big integer with a byte a word: 1 where the word has the letter.
Adding the query's letters' integers counts, for every word at once, the query letters it
could share; rapidfuzz then reads only the words that could reach the cutoff. The words found
are the ones a scan of them all finds: the count never falls below the common subsequence.

Why: a rapidfuzz scan of the candidates' 107,535 words at 10,000 elections reads every word's
string object, 3.8-4.9 ms a scan and two or three scans a question (benchmarks/README.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate, compress, count
from operator import add

from rapidfuzz import fuzz, process

PLAIN_SCANS = 8
"""Scans of a large vocabulary before its letters are counted (see `Lookalikes`)."""
_COUNTED = 2_000
"""From this many words on, letters are counted before a scan; below, a scan costs less (a
counted scan of a ward's 14,762 words at 10,000 elections takes 0.25 ms against 0.64 ms; at
5,000 words 0.13 against 0.25 ms; at 1,000 words 0.056 against 0.049 ms)."""
_COUNTED_FROM = 65.0
"""Below this cutoff so many words share enough letters that counting costs more than it saves
(at 55, a fifth of the candidates' words at 10,000 elections: 8.1 ms a scan, 7.6 ms without)."""
_ONE_SCAN = 0.6
"""Past this share of the words in the lengths to scan, all words are scanned at once."""
_LONGEST = 255
"""Longest query counted: a word's count is one byte."""
_SELECTED_SPARSE = 8
"""Below one word in this many selected, the selected are found from the runs between them."""
_ONE = [bytes(value) + b"\x01" + bytes(255 - value) for value in range(256)]
"""Per byte value, the `bytes.translate` table that marks that value 1 and every other 0."""
_AT_LEAST = [bytes(need) + b"\x01" * (256 - need) for need in range(257)]
"""Per count needed, the table that marks counts at least that 1 and the rest 0."""


def by_length(words: Iterable[str]) -> dict[int, list[str]]:
    """Words grouped by length, each group in the order given."""
    groups: dict[int, list[str]] = {}
    for word in words:
        groups.setdefault(len(word), []).append(word)
    return groups


def lengths_reaching(length: int, cutoff: float) -> range:
    """The word lengths whose ratio with a word of `length` can reach `cutoff` (the ratio is at
    most 200 * min(n, m) / (n + m))."""
    if not length or cutoff <= 0.0:
        return range(0, 1 << 30)
    shortest = math.ceil(length * cutoff / (200.0 - cutoff) - 1e-9)
    longest = math.floor(length * (200.0 - cutoff) / cutoff + 1e-9)
    return range(shortest, longest + 1)


class Lookalikes:
    """One vocabulary's words, ready for `alike`.

    A large vocabulary is grouped by length and its letters counted (about 100 ms for the
    candidates' 107,535 words at 10,000 elections) only at its `PLAIN_SCANS`-th scan, or when
    `ready` is called (a long-running bot, before its first question): a counted scan costs a
    tenth of a plain one, so one `ask`, with a few scans, costs less without counting. Once
    grouped, each length's words are in memory order (a scan reads their string objects: after
    a compile in the same process scattered them over the heap, alphabetical order cost a cache
    miss a word, 9.5 ms against 4.9 ms a scan)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = list(words)
        self._scans = 0
        self._everything: list[str] = self._words
        self._groups: dict[int, list[str]] | None = None
        self._letters: dict[int, dict[int, tuple[int, int]] | None] | None = None

    def ready(self) -> None:
        """Group the words by length and count their letters now, not at a later scan."""
        if self._groups is not None:
            return
        everything = sorted(self._words, key=id)
        groups = by_length(everything)
        if len(everything) >= _COUNTED:
            self._letters = {length: _letters_of(g, length) for length, g in groups.items()}
        self._everything = everything
        self._groups = groups  # last: another thread scanning meanwhile reads the plain words

    def alike(self, word: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """The `limit` words most like `word` (rapidfuzz ratio at least `cutoff`), best first,
        then alphabetically."""
        if self._groups is None:
            self._scans += 1
            if self._scans >= PLAIN_SCANS or len(self._words) < _COUNTED:
                self.ready()
        groups_by_length = self._groups
        if groups_by_length is None:  # one of the first scans: every word, unsorted
            scanned = self._words
        else:
            reaching = lengths_reaching(len(word), cutoff)
            groups = [(m, g) for m, g in groups_by_length.items() if m in reaching]
            if self._letters is not None and 0 < len(word) <= _LONGEST and cutoff >= _COUNTED_FROM:
                wanted = Counter(_bytes(word)).items()
                scanned = []
                for length, group in groups:
                    scanned += self._could_reach(word, wanted, length, group, cutoff)
            elif sum(len(group) for _, group in groups) > _ONE_SCAN * len(self._everything):
                scanned = self._everything  # one call costs less than one a length
            else:
                scanned = [w for _, group in groups for w in group]
        found = [
            (token, float(score))
            # every word past the cutoff: a limit would keep, of words scoring alike at the
            # limit, whichever the scan reads first
            for token, score, _ in process.extract(
                word, scanned, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            )
        ]
        found.sort(key=lambda pair: (-pair[1], pair[0]))
        return found[:limit]

    def _could_reach(
        self,
        word: str,
        wanted: Iterable[tuple[int, int]],
        length: int,
        group: list[str],
        cutoff: float,
    ) -> Iterable[str]:
        """The words of one length that share enough of `word`'s letters to reach `cutoff`."""
        assert self._letters is not None
        need = math.ceil(cutoff * (len(word) + length) / 200.0 - 1e-9)
        letters = self._letters[length]
        if need <= 0 or letters is None:
            return group
        shared = 0
        for value, times in wanted:
            lanes = letters.get(value)
            if lanes is not None:
                once, twice = lanes
                # min(times, count in the word), or more when `times` is past two
                shared += once if times == 1 else once + twice * (times - 1)
        if not shared:
            return ()
        counts = shared.to_bytes(len(group), "little").translate(_AT_LEAST[min(need, 256)])
        if counts.count(1) * _SELECTED_SPARSE > len(group):
            return compress(group, counts)
        # few words: their positions from the runs between them (C loops, not one a word)
        runs = counts.split(b"\x01")[:-1]
        return map(group.__getitem__, map(add, accumulate(map(len, runs)), count()))


def _bytes(text: str) -> bytes:
    """One byte a letter: ASCII as itself, any other letter as "?" (so counted alike with every
    other one: a count may only be too high, never too low)."""
    return text.encode("ascii", "replace")


def _letters_of(group: list[str], length: int) -> dict[int, tuple[int, int]] | None:
    """Per byte value in the words (all `length` long), the lanes marking the words with it
    once and twice or more; None when the words are too long for a byte's count."""
    if length > _LONGEST:
        return None
    joined = _bytes("".join(group))
    letters = {}
    for value in set(joined):
        marked = joined.translate(_ONE[value])
        times = sum(int.from_bytes(marked[i::length], "little") for i in range(length))
        counts = times.to_bytes(len(group), "little")
        letters[value] = (
            int.from_bytes(counts.translate(_AT_LEAST[1]), "little"),
            int.from_bytes(counts.translate(_AT_LEAST[2]), "little"),
        )
    return letters
