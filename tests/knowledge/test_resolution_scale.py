"""Name resolution at scale: the shortcuts give the answers the plain scans give."""

from __future__ import annotations

import random
import string
from collections.abc import Hashable, Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from knowledge import lookalikes, resolve
from knowledge.lookalikes import Lookalikes
from knowledge.questions.segment import _complete
from knowledge.resolve import Entry, NameIndex, _each_word, _one_word
from knowledge.store import ResultsStore


def _words(count: int, seed: int = 9) -> list[str]:
    rng = random.Random(seed)
    found = {
        "".join(rng.choice(string.ascii_lowercase[:8]) for _ in range(rng.randint(2, 13)))
        for _ in range(count)
    }
    return sorted(found)


def _scanned(word: str, vocabulary: list[str], cutoff: float) -> list[tuple[str, float]]:
    """Every word's ratio, best first then alphabetically: what `alike` must find."""
    found = [
        (token, float(score))
        for token, score, _ in process.extract(
            word, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        )
    ]
    return sorted(found, key=lambda pair: (-pair[1], pair[0]))


@pytest.mark.parametrize("counted", ["letters", "lengths", "first scans"])
@pytest.mark.parametrize("cutoff", [55.0, 65.0, 70.0, 75.0, 90.0])
def test_look_alikes_are_what_a_scan_of_every_word_finds(cutoff: float, counted: str) -> None:
    """Scanning only the word lengths that can reach the cutoff, and (in a large vocabulary)
    only the words sharing enough letters, loses no word and keeps the order (best first, then
    alphabetically), for words of every length, with letters repeated or not ASCII; so do a
    large vocabulary's first scans, of every word before any is grouped or counted."""
    vocabulary = sorted({*_words(4000), "zoë", "zoe", "ꝁmnop", "aaaaaaa", "łódź", "lodz"})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lookalikes, "_COUNTED", 10**9 if counted == "lengths" else 0)
        scans = Lookalikes(vocabulary)
        if counted == "first scans":
            patch.setattr(lookalikes, "PLAIN_SCANS", 10**9)
        else:
            scans.ready()
        _check_look_alikes(scans, vocabulary, cutoff)
        assert (scans._groups is None) == (counted == "first scans")


def _check_look_alikes(scans: Lookalikes, vocabulary: list[str], cutoff: float) -> None:
    asked = [*_words(60, seed=3), "zoe", "zoë", "ꝁmnoq", "aaaaaa", "aab", "lodz", "łodz"]
    for word in asked:
        expected = _scanned(word, vocabulary, cutoff)
        assert scans.alike(word, cutoff, len(vocabulary)) == expected, word
        assert scans.alike(word, cutoff, 5) == expected[:5], word


@given(
    st.lists(st.text(alphabet="abcdeéz'1", min_size=1, max_size=9), min_size=1, max_size=60),
    st.text(alphabet="abcdeéz'1", min_size=1, max_size=9),
    st.sampled_from([65.0, 70.0, 80.0, 95.0]),
)
@settings(max_examples=300, deadline=None)
def test_counting_letters_never_loses_a_look_alike(
    vocabulary: list[str], word: str, cutoff: float
) -> None:
    """Property: whatever the words, counting the letters they share finds every word a scan
    finds."""
    words = sorted(set(vocabulary))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lookalikes, "_COUNTED", 0)
        scans = Lookalikes(words)
        scans.ready()
    assert scans.alike(word, cutoff, len(words)) == _scanned(word, words, cutoff)


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


def test_an_exact_full_name_is_answered_as_the_full_search_answers_it() -> None:
    """The exact-name shortcut gives what the full search gives: one entry that is the query
    exactly; and a name that another entry also has every word of goes to the full search."""
    from knowledge.resolve import Entry, NameIndex

    names = ["John Smith", "Smith John", "Mary Smith", "Johnny Smyth", "Lucy Care"]
    index = NameIndex[None](
        "candidate", [Entry(n.lower(), n, "", (n.lower(),), None) for n in names]
    )
    care = index.resolve("lucy care")
    assert care.status == "ok" and care.matches[0].name == "Lucy Care"
    assert index._only_exact("lucy care", None) is not None
    assert index._only_exact("john smith", None) is None  # "Smith John" has both words too
    assert index._only_exact("smith", None) is None  # one word: the full search's choices
    both = index.resolve("john smith")
    assert both.status == "ambiguous" and {m.name for m in both.matches} >= {
        "John Smith",
        "Smith John",
    }


def test_remembered_look_alikes_are_the_scans_whatever_the_order_of_asking() -> None:
    """The look-alike memo (one scan from the search's floor, one lower for suggestions) gives
    each cutoff exactly what a fresh scan at that cutoff gives, asked in any order, and keeps
    answering right once it has forgotten its oldest words."""
    vocabulary = _words(3000)
    index = NameIndex[None]("ward", [Entry(w, w, "", (w,), None) for w in vocabulary])
    asked = [(w, c) for w in _words(40, seed=5) for c in (90.0, 55.0, 75.0, 70.0, 62.0)]
    random.Random(1).shuffle(asked)
    for word, cutoff in asked * 2:
        assert index.alike(word, cutoff, 60) == _scanned(word, vocabulary, cutoff)[:60], (
            word,
            cutoff,
        )


def test_a_split_question_looks_for_suggestions_only_for_the_reading_it_keeps() -> None:
    """Trying readings of a question's words does not look loosely for suggestions; the
    reading kept still gets them."""
    from knowledge.questions.segment import Lookup
    from knowledge.resolve import Resolution

    index = NameIndex[None](
        "ward", [Entry(n.lower(), n, "", (n.lower(),), None) for n in ["Littleover", "Abbey"]]
    )
    loose: list[str] = []
    original = index.search

    def counting(query: str, limit: int = 10, **options: object) -> list[tuple[Entry[None], float]]:
        if options.get("loose"):
            loose.append(query)
        return original(query, limit, **options)  # type: ignore[arg-type]

    index.search = counting  # type: ignore[method-assign]

    def ward(query: str, *, suggest: bool = True) -> Resolution:
        return index.resolve(query, suggest=suggest)

    lookup = Lookup({"ward": ward})
    assert lookup("ward", "ltlvr").status == "not_found"
    assert loose == []
    kept = lookup.full("ward", "ltlvr")
    assert kept.status == "not_found" and [m.name for m in kept.matches] == ["Littleover"]
    assert loose == ["ltlvr"]


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["smith", "jo", "j", "west", "littleover", "care"]),
    st.lists(
        st.sampled_from(["smith", "smyth", "john", "jones", "west", "care", "lucy", "c"]),
        min_size=1,
        max_size=4,
    ),
    st.dictionaries(
        st.sampled_from(["smith", "smyth", "jones", "west", "care", "lucy"]),
        st.sampled_from([55.0, 70.0, 79.5, 85.0, 93.3, 100.0]),
    ),
)
def test_one_word_is_scored_as_the_claiming_scores_it(
    word: str, tokens: list[str], options: dict[str, float]
) -> None:
    """A query of one word (a surname alone) takes a shorter path through scoring: the score
    is the one every query's word-by-word claiming gives, to the last bit."""
    similar = {word: options}
    distinct = len(set(tokens))
    assert (
        _one_word(word, tokens, distinct, similar)
        == _each_word([word], tokens, distinct, similar)[0]
    )


def test_one_exact_word_is_answered_as_the_full_search_answers_it() -> None:
    """A ward typed exactly as one word ("Abbey") is answered without the full search, and
    the answer is the full search's; a word two names are exactly ("Abbey", "Abbey Ward") and
    a word only part of names ("Park") go to the full search."""
    names = ["Abbey", "Abbey Hulton", "Park", "Park Ward", "Parkside", "North Park", "Darley"]
    index = NameIndex[None]("ward", [Entry(n.lower(), n, "", (n.lower(),), None) for n in names])
    abbey = index._only_exact("abbey", None)
    assert abbey is not None and abbey.name == "Abbey"
    assert index._only_exact("park", None) is None  # "Park" and "Park Ward" are both exact
    assert index._only_exact("hulton", None) is None
    full = NameIndex[None]("ward", [Entry(n.lower(), n, "", (n.lower(),), None) for n in names])
    full._only_exact = lambda query, scope: None  # type: ignore[method-assign]
    for query in ["abbey", "Abbey ward", "park", "darley", "hulton", "parkside", "dar"]:
        assert index.resolve(query) == full.resolve(query), query


def test_a_name_resolved_again_is_answered_from_memory() -> None:
    """The names of an index never change, so the same query (with the same options) gets the
    same resolution without a second search; other options are searched afresh."""
    names = ["John Smith", "Mary Smith", "Lucy Care"]
    index = NameIndex[None](
        "candidate", [Entry(n.lower(), n, "", (n.lower(),), None) for n in names]
    )
    searched: list[str] = []
    original = index.search

    def counting(query: str, limit: int = 10, **options: object) -> list[tuple[Entry[None], float]]:
        searched.append(query)
        return original(query, limit, **options)  # type: ignore[arg-type]

    index.search = counting  # type: ignore[method-assign]
    first = index.resolve("smith")
    assert first.status == "ambiguous" and searched == ["smith"]
    assert index.resolve("smith") == first and searched == ["smith"]
    assert index.resolve("smith", limit=1).matches == first.matches[:1]
    assert searched == ["smith", "smith"]


def test_preparing_an_index_readies_its_look_alike_scans() -> None:
    """The bot prepares its indexes at start, off the first answer: the look-alike scans are
    ready then, and give what they give when made by the first search."""
    vocabulary = _words(500)
    entries = [Entry(w, w, "", (w,), None) for w in vocabulary]
    prepared = NameIndex[None]("ward", entries)
    prepared.prepare()
    assert prepared._vocabulary()._lookalikes is not None
    searched = NameIndex[None]("ward", entries)
    for word in _words(20, seed=4):
        assert prepared.alike(word, 70.0, 60) == searched.alike(word, 70.0, 60)


def _people(seed: int = 3) -> list[str]:
    """Names made of shared syllables, so most surnames have many look-alikes (as the
    synthetic 10,000 elections do), with a few split spellings ("Mar Ston")."""
    rng = random.Random(seed)
    syllables = ["mar", "ston", "wel", "den", "ric", "ash", "ton", "bar", "ing", "ley"]
    firsts = ["Ann", "Bob", "Cy", "Di", "Ed", "Flo"]
    names = set()
    for _ in range(400):
        surname = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 5)))
        names.add(f"{rng.choice(firsts)} {surname.capitalize()}")
        if rng.random() < 0.2:  # one letter more: "Marstonweldens", 96 alike to the name
            names.add(f"{rng.choice(firsts)} {surname.capitalize()}s")
        if rng.random() < 0.05:
            names.add(f"{rng.choice(firsts)} {surname[:3].capitalize()} {surname[3:]}")
    return sorted(names)


def _index(names: Iterable[str]) -> NameIndex[None]:
    return NameIndex[None](
        "candidate", [Entry(n.lower(), n, "", (n.lower(),), None) for n in names]
    )


def test_one_word_spelt_as_a_name_word_resolves_as_the_wide_scan_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A query of one word that names have exactly looks only for near words: what it
    resolves to is what the scan from the search's usual floor gives."""
    names = _people()
    surnames = sorted({n.split()[1].lower() for n in names})
    near = _index(names)
    near_answers = [near.resolve(s, suggest=False) for s in surnames]
    monkeypatch.setattr(resolve, "_NEAR_FLOOR", resolve._TOKEN_FLOOR)  # the wide scan
    wide = _index(names)
    assert [wide.resolve(s, suggest=False) for s in surnames] == near_answers


def test_a_reading_that_cannot_be_whole_never_resolves_whole(seed_store: ResultsStore) -> None:
    """The split skips the search of a reading `could_be_whole` rules out: such a reading
    never resolves to a whole name, and every name (and its words run together, and its
    plural) may be one."""
    people = _people()
    index = _index(people)
    words = sorted({w.lower() for n in people for w in n.split()})
    rng = random.Random(5)
    queries = [" ".join(rng.sample(words, 2)) for _ in range(150)] + [
        w[:-1] + "x" for w in words[:60]
    ]
    for query in queries:
        if not index.could_be_whole(query):
            assert not _complete(index.resolve(query, suggest=False)), query
    for name in people:
        lowered = name.lower()
        assert index.could_be_whole(lowered)
        assert index.could_be_whole(lowered.replace(" ", ""))
        assert index.could_be_whole(lowered + "s")
    for ward in seed_store.wards.source.all_entries():
        assert seed_store.wards.could_be_whole(ward.name.lower().replace("'s", ""))
