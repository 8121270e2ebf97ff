"""Name resolution at scale: the shortcuts give the answers the plain scans give."""

from __future__ import annotations

import random
import string
from collections.abc import Hashable, Iterable

import pytest
from rapidfuzz import fuzz, process

from knowledge.resolve import Entry, NameIndex, alike, by_length


def _words(count: int, seed: int = 9) -> list[str]:
    rng = random.Random(seed)
    found = {
        "".join(rng.choice(string.ascii_lowercase[:8]) for _ in range(rng.randint(2, 13)))
        for _ in range(count)
    }
    return sorted(found)


@pytest.mark.parametrize("cutoff", [55.0, 70.0, 75.0, 90.0])
def test_a_scan_by_length_finds_what_one_scan_finds(cutoff: float) -> None:
    """Scanning only the word lengths that can reach the cutoff loses no word and keeps the
    order (best first, then alphabetical), for words of every length."""
    vocabulary = _words(4000)
    lengths = by_length(vocabulary)
    for word in _words(60, seed=3):
        expected = [
            (token, float(score))
            for token, score, _ in process.extract(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            )
        ]
        expected.sort(key=lambda pair: (-pair[1], pair[0]))
        assert alike(word, lengths, cutoff, len(vocabulary)) == expected, word
        assert alike(word, lengths, cutoff, 5, vocabulary) == expected[:5], word


def test_a_word_every_name_has_does_not_make_every_name_a_candidate() -> None:
    """ "North Smith" among a thousand "North ..." names: the answer is found and not lost
    among the others, and far fewer than every name is scored."""
    names = [f"North {a}{b}{c}" for a in "abcdefghij" for b in "abcdefghij" for c in "klmnopqrst"]
    index = NameIndex[None](
        "ward", [Entry(n.lower(), n, "", (n.lower(),), None) for n in [*names, "North Smith"]]
    )
    scored: list[int] = []
    original = index.source.entries_of

    def counting(idents: Iterable[Hashable]) -> dict[Hashable, Entry[None]]:
        found = original(idents)
        scored.append(len(found))
        return found

    index.source.entries_of = counting  # type: ignore[method-assign]
    resolution = index.resolve("north smith")
    assert resolution.status == "ok"
    assert resolution.matches[0].name == "North Smith"
    assert max(scored) <= 100
