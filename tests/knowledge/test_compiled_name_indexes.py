"""The elections' and parties' name indexes over the compiled store.

Both used to be built in memory from every election at the first question (0.8 s at 10,000
elections). The election index now reads words compiled with each election and makes its
entries as a search reads them; the parties' elections are read when a match needs them. They
must answer exactly as the in-memory indexes did.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import ResultsStore
from knowledge.autocomplete import complete
from knowledge.resolve import MemoryNames, NameIndex

ROOT = Path(__file__).resolve().parents[2]
PARTIES = ROOT / "data" / "parties.toml"
FOLDERS = [
    ROOT / "data" / "elections",
    ROOT / "tests" / "knowledge" / "documents",
    ROOT / "tests" / "knowledge" / "history_documents",
    ROOT / "tests" / "fixtures",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ResultsStore:
    """Many councils and years, in every format: the seed and the test documents."""
    folder = tmp_path_factory.mktemp("many")
    for source in sorted(f for top in FOLDERS for f in top.rglob("*") if f.is_file()):
        shutil.copy(source, folder / f"{source.parent.name}-{source.name}")
    found = ResultsStore.load(folder, PARTIES, database=folder / ".elections.sqlite3")
    assert len(found.catalog) > 25
    return found


def _in_memory(store: ResultsStore) -> NameIndex[object]:
    return NameIndex[object]("election", MemoryNames("election", store.election_index.entries))


def _queries(store: ResultsStore) -> list[str]:
    found: set[str] = {"2002", "derby", "Derby 2002", "derbby", "2000", "city council", "by"}
    for info in store.catalog:
        found |= {info.id, info.title, info.council, f"{info.council} {info.year}"}
        found |= {info.council[:-1], info.title.replace("election", "electon"), info.id[:5]}
    return sorted(found)


def test_elections_resolve_as_the_in_memory_index_resolved(store: ResultsStore) -> None:
    """Every id, title, council, council and year, and slip of them resolves to the same
    elections, scores and order as an index built in memory from the same entries."""
    memory = _in_memory(store)
    stored = store.election_index
    for query in _queries(store):
        assert stored.resolve(query).model_dump() == memory.resolve(query).model_dump(), query
        assert stored.search(query, loose=True) == memory.search(query, loose=True), query


def test_election_autocomplete_is_unchanged(store: ResultsStore) -> None:
    """What a moderator typing an election's name is offered, letter by letter."""
    memory = _in_memory(store)
    for typed in ["", "d", "de", "der", "derby-2", "2", "20", "200", "bur", "x", "littleover"]:
        assert complete(store.election_index, typed, 25) == complete(memory, typed, 25), typed


def test_the_election_index_words_are_the_in_memory_words(store: ResultsStore) -> None:
    memory = _in_memory(store)
    stored = store.election_index
    assert stored.sorted_words == memory.sorted_words
    assert all(stored.count(w) == memory.count(w) for w in memory.sorted_words)
    assert stored.most_words() == memory.most_words()


def test_a_partys_elections_are_those_it_stood_in_newest_first(store: ResultsStore) -> None:
    """Read on demand, they are the elections where the party had candidates (an infobox row
    alone does not count), newest first."""
    keys = {t.party.key for info in store.catalog for t in store.facts(info.id).parties}
    assert len(keys) > 5
    for key in sorted(keys):
        expected = tuple(
            info.id
            for info in reversed(store.catalog)
            if any(t.party.key == key and t.candidates for t in store.facts(info.id).parties)
        )
        assert store.party_elections(key) == expected, key
        resolution = store.resolve_party(key)
        if resolution.status == "ok" and resolution.matches[0].key == key:
            assert resolution.matches[0].elections == expected


def test_the_parties_of_one_election_are_those_that_stood(store: ResultsStore) -> None:
    for info in store.catalog:
        standing = {
            t.party.key for t in store.facts(info.id).parties if t.candidates and t.party.key
        }
        assert {e.key for e in store.parties.in_scope(info.id)} == standing, info.id
