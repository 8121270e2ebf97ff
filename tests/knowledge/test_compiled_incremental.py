"""A recompile writes what changed and nothing else, whatever the size of the store.

Ranks leave gaps, so an election added between two takes a rank in the gap and no other row
moves; a name's newest election is found through the rank copied into `names`.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge import ResultsStore
from knowledge.compiled import catalog
from knowledge.compiled.compiler import RANK_GAP, Listing, _ranks, _state, folder_documents

ROOT = Path(__file__).resolve().parents[2]
PARTIES = ROOT / "data" / "parties.toml"
SEED = ROOT / "data" / "elections" / "2002_derby_city_council_election.txt"
DOCUMENTS = ROOT / "tests" / "knowledge" / "documents"
GAP = RANK_GAP


@pytest.mark.parametrize(
    ("old", "expected"),
    [
        ([0, GAP, 2 * GAP], [0, GAP, 2 * GAP]),
        ([0, None, GAP], [0, GAP // 2, GAP]),
        ([0, None, None, 3 * GAP], [0, GAP, 2 * GAP, 3 * GAP]),
        ([None, 0, None], [-GAP, 0, GAP]),
        ([0, None, 1], [0, GAP, 2 * GAP]),  # no room between 0 and 1: all numbered afresh
        ([None, None], [0, GAP]),
        ([5, 3, None], [5, 5 + GAP, 5 + 2 * GAP]),  # 3 no longer fits after 5: re-ranked
        ([], []),
    ],
)
def test_ranks_keep_the_old_values_and_share_the_gaps(
    old: list[int | None], expected: list[int]
) -> None:
    """Old ranks that still increase stay; the others go in the gap between them."""
    assert _ranks(old, renumber=False) == expected


def test_a_full_compile_numbers_every_rank_afresh() -> None:
    assert _ranks([7, None, 9], renumber=True) == [0, GAP, 2 * GAP]


def test_many_additions_at_one_place_stay_in_order() -> None:
    """Adding again and again between the same two elections halves the gap until it renumbers;
    the ranks always increase."""
    ranks: list[int] = [0, GAP]
    for _ in range(40):
        old: list[int | None] = [ranks[0], None, *ranks[1:]]
        ranks = _ranks(old, renumber=False)
        assert ranks == sorted(set(ranks))
    assert len(ranks) == 42


Rows = tuple[dict[int, tuple[str | None, int | None]], dict[tuple[int, str, str], int | None]]


def _rows(database: Path) -> Rows:
    """(sid, rank) of every election by row, and the rank copied into each of its names."""
    with sqlite3.connect(database) as connection:
        elections = {
            row[0]: row[1:] for row in connection.execute("SELECT id, sid, rank FROM elections")
        }
        names = {
            (election, kind, key): rank
            for election, kind, key, rank in connection.execute(
                "SELECT election, kind, key, rank FROM names"
            )
        }
    connection.close()
    return elections, names


def test_adding_a_document_writes_no_other_election(tmp_path: Path) -> None:
    """An election dated between two others takes a rank between theirs; every other row
    (its id, its rank, the ranks copied into its names) is left as it was."""
    data = tmp_path / "data"
    data.mkdir()
    for document in ("2000_sheffield_city_council_election.txt", "2005_littleover_by-election.txt"):
        shutil.copy(DOCUMENTS / document, data / document)
    database = data / ".elections.sqlite3"
    ResultsStore.load(data, PARTIES, database=database).close()
    elections, names = _rows(database)
    shutil.copy(SEED, data / SEED.name)
    store = ResultsStore.load(data, PARTIES, database=database)
    assert store.report.elections_added == ["derby-2002"]
    assert [info.id for info in store.catalog] == [
        "sheffield-2000",
        "derby-2002",
        "littleover-by-election-2005",
    ]
    store.close()
    after, after_names = _rows(database)
    assert {row: after[row] for row in elections} == elections
    assert {key: after_names[key] for key in names} == names
    (added,) = set(after) - set(elections)
    ranks = sorted(rank for _, rank in elections.values() if rank is not None)
    rank = after[added][1]
    assert rank is not None and ranks[0] < rank < ranks[1]
    assert {r for (row, _, _), r in after_names.items() if row == added} == {rank}


def test_folder_documents_are_the_readers_formats_by_name(tmp_path: Path) -> None:
    """Only the formats the readers know, sorted by file name, with their size."""
    for name in ("b.txt", "a.TXT", "notes.md", "c.csv", ".txt", "..wiki", ".d.wiki", "e.txt.bak"):
        (tmp_path / name).write_text("x" * len(name))
    found = folder_documents(tmp_path)
    assert [d.path for d in found] == [".d.wiki", "a.TXT", "b.txt", "c.csv"]
    assert [d.size for d in found] == [7, 5, 5, 5]
    assert found[2].read() == b"xxxxx"
    assert [d.path for d in found[1:3]] == ["a.TXT", "b.txt"]
    (single,) = folder_documents(tmp_path / "notes.md")
    assert single.path == "notes.md"


def test_a_folder_listing_states_itself_as_its_documents_do(tmp_path: Path) -> None:
    """An unchanged start compares the listing's own state string: it must be the documents'
    state exactly, or every start would recompile (or, worse, none would)."""
    for name in ("z.txt", "a b.csv", "Ünïcode.wiki", "a.txt"):
        (tmp_path / name).write_text(name * 3)
    listing = folder_documents(tmp_path)
    assert isinstance(listing, Listing)
    assert listing.state() == _state((d.path, d.size, d.mtime) for d in list(listing))
    database = tmp_path / ".elections.sqlite3"
    ResultsStore.load(tmp_path, PARTIES, database=database).close()
    again = ResultsStore.load(tmp_path, PARTIES, database=database)
    assert not again.report.changed
    again.close()


def test_an_unchanged_folder_opens_without_writing_and_with_the_same_catalog(
    tmp_path: Path,
) -> None:
    """A start with nothing changed reads the documents' state and the catalog from one row
    each, and writes nothing: the file is byte for byte as it was."""
    data = tmp_path / "data"
    shutil.copytree(DOCUMENTS, data, ignore=shutil.ignore_patterns("family", "wikipedia"))
    database = data / ".elections.sqlite3"
    first = ResultsStore.load(data, PARTIES, database=database)
    catalog = first.catalog
    first.close()
    before = database.read_bytes()
    again = ResultsStore.load(data, PARTIES, database=database)
    assert again.catalog == catalog and again.report.changed is False
    again.close()
    assert database.read_bytes() == before
    (data / "2005_littleover_by-election.txt").unlink()  # a change is still seen
    changed = ResultsStore.load(data, PARTIES, database=database)
    assert changed.report.removed == ["2005_littleover_by-election.txt"]
    assert "littleover-by-election-2005" not in {info.id for info in changed.catalog}
    changed.close()


@pytest.mark.parametrize(
    "damaged",
    [
        '[["derby',  # an older store's JSON, cut short
        "[[1, 2]]",  # JSON, but not the catalog's rows
        "columns/1:x\x1e",  # the count unreadable
        "columns/1:2\x1ederby-2002",  # too few columns
        "columns/1:1\x1e" + "\x1e".join(["a\x00b"] * 15),  # a column with too many values
        "columns/1:1\x1e" + "\x1e".join(["seventeen"] * 15),  # words where numbers are
    ],
)
def test_a_damaged_catalog_row_is_read_from_the_tables_instead(
    tmp_path: Path, damaged: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SEED, data / SEED.name)
    database = data / ".elections.sqlite3"
    ResultsStore.load(data, PARTIES, database=database).close()
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'catalog'", (damaged,))
    connection.close()
    store = ResultsStore.load(data, PARTIES, database=database)
    assert [info.id for info in store.catalog] == ["derby-2002"]
    assert store.catalog[0].wards == 17
    store.close()


def _catalog_by_every_route(database: Path) -> list[list[list[object]]]:
    """The catalog's columns as stored, as an older store kept them (JSON rows), and read from
    the elections' rows."""
    connection = sqlite3.connect(database)
    try:
        (stored,) = connection.execute("SELECT value FROM meta WHERE key = 'catalog'").fetchone()
        as_json = json.dumps(catalog.rows(connection))
        return [
            catalog.decoded(stored, connection),
            catalog.decoded(as_json, connection),
            catalog.decoded(None, connection),
        ]
    finally:
        connection.close()


def test_the_stored_catalog_is_the_elections_rows(tmp_path: Path) -> None:
    """Column by column, every value of every election (dates, none, flags, numbers) reads
    back as the elections' rows give it, and as an older store's JSON catalog gave it."""
    data = tmp_path / "data"
    shutil.copytree(DOCUMENTS, data, ignore=shutil.ignore_patterns("family", "wikipedia"))
    database = data / ".elections.sqlite3"
    store = ResultsStore.load(data, PARTIES, database=database)
    assert len(store.catalog) > 5
    store.close()
    stored, as_json, from_rows = _catalog_by_every_route(database)
    assert stored == as_json == from_rows
    assert any(value is None for column in stored for value in column)
    assert {type(value) for column in stored for value in column} == {str, int, bool, type(None)}
    assert [len(c) for c in stored] == [len(store.catalog)] * len(catalog.COLUMNS)


def test_a_title_with_a_separator_in_it_is_kept_as_json(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    text = SEED.read_text(encoding="utf-8").replace(
        "2002 Derby City Council election", "2002 Derby\x1e City\x01 Council election", 1
    )
    (data / SEED.name).write_text(text, encoding="utf-8")
    database = data / ".elections.sqlite3"
    first = ResultsStore.load(data, PARTIES, database=database)
    title = first.catalog[0].title
    first.close()
    assert "\x1e" in title
    stored, _, from_rows = _catalog_by_every_route(database)
    assert stored == from_rows
    again = ResultsStore.load(data, PARTIES, database=database)
    assert again.catalog[0].title == title
    again.close()


def test_an_empty_folder_has_an_empty_catalog(tmp_path: Path) -> None:
    database = tmp_path / ".elections.sqlite3"
    ResultsStore.load(tmp_path, PARTIES, database=database).close()
    store = ResultsStore.load(tmp_path, PARTIES, database=database)
    assert store.catalog == ()
    store.close()
    assert all(column == [] for column in _catalog_by_every_route(database)[0])


def test_a_document_that_cannot_be_statted_is_listed_and_the_others_are_read(
    tmp_path: Path,
) -> None:
    """A file that goes between listing and statting (here a link to nothing) does not stop
    the folder being read: it is listed without a stat, and every other document has its own."""
    (tmp_path / "a.txt").write_text("aaa")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "c.txt").write_text("ccccc")
    found = folder_documents(tmp_path)
    assert [(d.path, d.size) for d in found] == [("a.txt", 3), ("b.txt", -1), ("c.txt", 5)]
    assert found[2].read() == b"ccccc"
