"""Autocomplete as people type: word starts, one slip allowed, the full-name prefix first.

The property: for every ward and candidate of the seed and of the real test documents, every
prefix of three or more letters of the name, and every such prefix with one letter dropped or
two neighbours swapped, offers the name within the 25 choices, unless more than 25 names share
that prefix. What is typed is kept to three letters or more: two typed letters offer only names
with a word starting so (an existing behaviour), so "Ad" (Abd with the b dropped) is not read
as a slip when Adam and Adrian exist.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from knowledge import ResultsStore, autocomplete, suggest
from knowledge.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "tests" / "knowledge" / "documents"
SEED = ROOT / "data" / "elections" / "2002_derby_city_council_election.txt"
PARTIES = ROOT / "data" / "parties.toml"


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory) -> ResultsStore:
    """The seed and every real test document, in one compiled store."""
    folder = tmp_path_factory.mktemp("documents")
    for document in [SEED, *DOCUMENTS.glob("*.txt")]:
        shutil.copy(document, folder / document.name)
    return ResultsStore.load(folder, PARTIES, database=folder / ".elections.sqlite3")


def _names(store: ResultsStore) -> list[tuple[str, str]]:
    rows = store._query("SELECT kind, name FROM entries ORDER BY kind, name")
    return [(kind, name) for kind, name in rows]


def _offered(store: ResultsStore, kind: str, typed: str, name: str) -> bool:
    choices = suggest(store, kind, typed)  # type: ignore[arg-type]
    assert len(choices) <= 25
    return normalize(name) in {normalize(c.value) for c in choices}


def _sharing(store: ResultsStore, kind: str, prefix: str) -> int:
    """How many names of this kind start with the prefix (as typed, folded)."""
    folded = normalize(prefix)
    return sum(1 for k, n in _names(store) if k == kind and normalize(n).startswith(folded))


Mutation = tuple[str, int]


@st.composite
def typed_prefixes(draw: st.DrawFn, names: list[tuple[str, str]]) -> tuple[str, str, str, str]:
    kind, name = draw(st.sampled_from(names))
    length = draw(st.integers(min_value=min(3, len(name)), max_value=len(name)))
    prefix = name[:length]
    how = draw(st.sampled_from(["as typed", "dropped", "swapped"]))
    if how == "dropped" and len(prefix) > 1:
        at = draw(st.integers(0, len(prefix) - 1))
        typed = prefix[:at] + prefix[at + 1 :]
    elif how == "swapped" and len(prefix) > 1:
        at = draw(st.integers(0, len(prefix) - 2))
        typed = prefix[:at] + prefix[at + 1] + prefix[at] + prefix[at + 2 :]
    else:
        typed = prefix
    return kind, name, prefix, typed


def test_every_prefix_offers_the_name(everything: ResultsStore) -> None:
    """Property over every ward and candidate: prefixes and one-slip prefixes offer the name."""
    names = [(k, n) for k, n in _names(everything) if len(normalize(n)) >= 3]

    @settings(
        max_examples=600,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(typed_prefixes(names))
    @example(("candidate", "Lucy Care", "Lucy", "Lcuy"))
    @example(("candidate", "Lucy Care", "Lucy Ca", "LucyCa"))
    @example(("ward", "Littleover", "Litt", "Litl"))
    @example(("candidate", "Mrinal Choudhury", "Mri", "Mir"))
    def check(case: tuple[str, str, str, str]) -> None:
        kind, name, prefix, typed = case
        if len(normalize(typed).replace(" ", "")) < 3 or _sharing(everything, kind, prefix) > 25:
            return
        assert _offered(everything, kind, typed, name), (kind, name, typed)

    check()


@pytest.mark.parametrize(
    ("kind", "typed", "name"),
    [
        ("ward", "litl", "Littleover"),
        ("ward", "mikc", "Mickleover"),
        ("ward", "chdd", "Chaddesden"),
        ("ward", "bolu", "Boulton"),
        ("candidate", "l", "Lucy Care"),
        ("candidate", "care", "Lucy Care"),
        ("candidate", "care lu", "Lucy Care"),
    ],
)
def test_half_typed_words_offer_the_name(kind: str, typed: str, name: str) -> None:
    """What used to offer nothing ("litl", "mikc", "chdd", "bolu", "l") offers the name."""
    store = ResultsStore.load(SEED, PARTIES)
    assert _offered(store, kind, typed, name)


def test_the_full_name_prefix_comes_first() -> None:
    """A name that starts with what is typed ranks above one that only has such a word."""
    store = ResultsStore.load(SEED, PARTIES)
    choices = suggest(store, "ward", "da")
    assert choices[0].value == "Darley"
    assert [c.value for c in suggest(store, "candidate", "lucy c")][:1] == ["Lucy Care"]


def test_one_election_offers_what_the_whole_store_offers() -> None:
    """Property: with one election loaded, suggestions scoped to it are the store's own (the
    scoped search scans that election's few words; the store's searches its vocabulary for
    each spelling one slip away: the two must agree)."""
    store = ResultsStore.load(SEED, PARTIES)
    (election,) = [info.id for info in store.catalog]
    names = [(k, n) for k, n in _names(store) if len(normalize(n)) >= 2]

    @settings(max_examples=400, deadline=None)
    @given(typed_prefixes(names), st.sampled_from(["", "x", "e", "q", "é"]))
    @example(("ward", "Littleover", "Litt", "Litl"), "")
    @example(("candidate", "Mrinal Choudhury", "Mrinal Cho", "Mrinal Cho"), "x")
    def check(case: tuple[str, str, str, str], extra: str) -> None:
        kind, _, _, typed = case
        typed += extra
        scoped = suggest(store, kind, typed, election)  # type: ignore[arg-type]
        everywhere = suggest(store, kind, typed)  # type: ignore[arg-type]
        assert [c.value for c in scoped] == [c.value for c in everywhere], typed

    check()


@st.composite
def slips(draw: st.DrawFn, words: list[str]) -> str:
    """A start of a word with one slip, or a few letters at random."""
    if draw(st.booleans()):
        return draw(st.text(alphabet="abeilnorstuy'é1", min_size=2, max_size=8))
    word = draw(st.sampled_from(words))
    start = word[: draw(st.integers(2, max(2, len(word))))]
    at = draw(st.integers(0, len(start) - 1))
    letter = draw(st.sampled_from("aeiostxé"))
    return draw(
        st.sampled_from(
            [
                start,
                start[:at] + start[at + 1 :],
                start[:at] + start[at + 1 : at + 2] + start[at] + start[at + 2 :],
                start[:at] + letter + start[at + 1 :],
                start[:at] + letter + start[at:],
            ]
        )
    )


@pytest.fixture(scope="module")
def seed_words() -> list[str]:
    store = ResultsStore.load(SEED, PARTIES)
    return sorted({*store.wards._vocabulary().sorted, *store.candidates._vocabulary().sorted})


@pytest.mark.parametrize("typed", ["litl", "ltitle", "mir", "chdd", "abdy", "x1"])
def test_a_small_vocabulary_is_scanned_for_the_same_words(
    seed_words: list[str], typed: str
) -> None:
    """An election's few words are scanned for those starting one slip from what is typed;
    the scan finds exactly the words found by looking up each one-slip spelling in turn (as a
    large vocabulary is searched)."""
    _scanned_as_searched(typed, seed_words)


def test_the_scan_agrees_with_the_search_on_any_slip(seed_words: list[str]) -> None:
    """Property: the same, for starts of the seed's words with a slip, and random letters."""

    @settings(
        max_examples=500,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(slips(seed_words))
    def check(typed: str) -> None:
        _scanned_as_searched(typed, seed_words)

    check()


def _scanned_as_searched(typed: str, vocabulary: list[str]) -> None:
    alphabet = sorted(set(typed) | autocomplete._LETTERS)
    scanned = autocomplete._matching_words(typed, vocabulary, alphabet, alone=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(autocomplete, "_SCANNED", 0)
        searched = autocomplete._matching_words(typed, vocabulary, alphabet, alone=False)
    assert scanned == searched, typed
