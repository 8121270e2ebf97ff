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

from knowledge import ResultsStore, suggest
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
