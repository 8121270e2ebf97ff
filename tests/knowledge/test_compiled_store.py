"""The compiled store: documents compiled once into SQLite, recompiled one at a time.

A changed, added, removed or broken document is handled by recompiling that document alone; a
file from an older schema, a corrupted file and a locked file are rebuilt or reported, never a
traceback; a store keeps answering from its own snapshot while the file is recompiled.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge import ResultsStore, run_text
from knowledge.compiled import schema
from knowledge.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
ELECTIONS = ROOT / "data" / "elections"
PARTIES = ROOT / "data" / "parties.toml"
DOCUMENTS = ROOT / "tests" / "knowledge" / "documents"
SEED_NAME = "2002_derby_city_council_election.txt"
BY_ELECTION = "2005_littleover_by-election.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder with the seed and one by-election."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(ELECTIONS / SEED_NAME, data / SEED_NAME)
    shutil.copy(DOCUMENTS / BY_ELECTION, data / BY_ELECTION)
    return data


def open_store(folder: Path, database: Path | None = None) -> ResultsStore:
    return ResultsStore.load(folder, PARTIES, database=database or folder / ".elections.sqlite3")


def care_votes(store: ResultsStore) -> str:
    return run_text(store, "/candidate Lucy Care election:derby-2002").model_dump_json()


def test_unchanged_documents_are_not_compiled_again(folder: Path) -> None:
    """The second start reads the file: nothing is compiled, the answers are the same."""
    first = open_store(folder)
    assert sorted(first.report.compiled) == [SEED_NAME, BY_ELECTION]
    answer = care_votes(first)
    again = open_store(folder)
    assert again.report.compiled == [] and again.report.removed == []
    assert [e.id for e in again.elections] == [e.id for e in first.elections]
    assert care_votes(again) == answer


def test_a_changed_document_recompiles_alone(folder: Path) -> None:
    """Editing one document recompiles it, not the others, and its new numbers are answered."""
    open_store(folder)
    seed = folder / SEED_NAME
    seed.write_text(
        seed.read_text().replace(
            "Lucy Care (Liberal Democrats (UK)): 2,695", "Lucy Care (Liberal Democrats (UK)): 2,696"
        )
    )
    store = open_store(folder)
    assert store.report.compiled == [SEED_NAME]
    assert store.report.elections_updated == ["derby-2002"]
    assert (
        '"votes":2696'
        in run_text(store, "/candidate Lucy Care election:derby-2002").model_dump_json()
    )


def test_a_touched_but_unchanged_document_is_not_recompiled(folder: Path) -> None:
    """A new modification time with the same content only updates the stat."""
    open_store(folder)
    seed = folder / SEED_NAME
    seed.write_bytes(seed.read_bytes())
    store = open_store(folder)
    assert store.report.compiled == []


def test_added_and_removed_documents(folder: Path) -> None:
    """A new document's elections appear; a deleted document's elections disappear."""
    open_store(folder)
    shutil.copy(
        DOCUMENTS / "2011_st_marys_by-election.txt", folder / "2011_st_marys_by-election.txt"
    )
    (folder / BY_ELECTION).unlink()
    store = open_store(folder)
    assert store.report.compiled == ["2011_st_marys_by-election.txt"]
    assert store.report.removed == [BY_ELECTION]
    assert len(store.report.elections_added) == 1 and len(store.report.elections_removed) == 1
    ids = [e.id for e in store.elections]
    assert store.report.elections_removed[0] not in ids
    assert store.report.elections_added[0] in ids
    assert store.resolve_ward("Littleover", "derby-2002").status == "ok"


def test_a_broken_document_is_reported_on_every_start(folder: Path) -> None:
    """A document that cannot be read is an error of the store each time, without re-parsing."""
    (folder / "bad.txt").write_text("no title here\n")
    first = open_store(folder)
    assert [e.file for e in first.errors] == ["bad.txt"]
    assert [e.file for e in first.report.errors] == ["bad.txt"]
    again = open_store(folder)
    assert again.report.compiled == []
    assert [str(e) for e in again.errors] == [str(e) for e in first.errors]
    assert len(again.elections) == 2


@pytest.mark.parametrize("damaged", [None, "[[", '"bad.txt"', '[["bad.txt"]]'])
def test_errors_are_read_from_the_documents_when_their_summary_is_missing_or_damaged(
    folder: Path, damaged: str | None
) -> None:
    """The errors are kept in one summary row for a quick start; a store written before it
    existed (None), or a damaged row, still reports every error, read from the documents."""
    (folder / "bad.txt").write_text("no title here\n")
    (folder / "worse.txt").write_text("nor here\n")
    first = open_store(folder)
    first.close()
    with sqlite3.connect(folder / ".elections.sqlite3") as connection:
        if damaged is None:
            connection.execute("DELETE FROM meta WHERE key = 'errors'")
        else:
            connection.execute("UPDATE meta SET value = ? WHERE key = 'errors'", (damaged,))
    connection.close()
    again = open_store(folder)
    assert again.report.compiled == []
    assert [str(e) for e in again.errors] == [str(e) for e in first.errors]
    assert [e.file for e in again.errors] == ["bad.txt", "worse.txt"]


def test_warnings_are_stored_with_the_document(folder: Path) -> None:
    """Warnings found while compiling are the same when the store is opened again."""
    seed = folder / SEED_NAME
    seed.write_text(seed.read_text().replace("- Seats1: 27", "- Seats1: 30"))
    first = open_store(folder)
    assert first.warnings
    again = open_store(folder)
    assert again.report.compiled == []
    assert again.warnings == first.warnings


def test_the_database_is_safe_to_delete(folder: Path) -> None:
    """Deleting the file only means compiling again."""
    answer = care_votes(open_store(folder))
    (folder / ".elections.sqlite3").unlink()
    store = open_store(folder)
    assert len(store.report.compiled) == 2
    assert care_votes(store) == answer


def test_an_older_schema_is_rebuilt_not_misread(folder: Path) -> None:
    """A file stamped with another schema version is rebuilt from the documents."""
    database = folder / ".elections.sqlite3"
    with sqlite3.connect(database) as old:
        old.execute("CREATE TABLE elections (id TEXT, something TEXT)")
        old.execute("INSERT INTO elections VALUES ('derby-1999', 'old')")
        old.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    old.close()
    store = open_store(folder)
    assert sorted(store.report.compiled) == [SEED_NAME, BY_ELECTION]
    assert "derby-1999" not in [e.id for e in store.elections]
    assert care_votes(store)


def test_a_corrupted_database_is_rebuilt(folder: Path) -> None:
    """A file that is not a database is deleted and built again, with a note, not a traceback."""
    first = open_store(folder)
    answer = care_votes(first)
    first.close()
    database = folder / ".elections.sqlite3"
    database.write_bytes(b"this is not a database file " * 100)
    store = open_store(folder)
    assert any("rebuilt" in p for p in store.problems)
    assert care_votes(store) == answer


def test_a_locked_database_is_reported_and_the_store_compiled_in_memory(folder: Path) -> None:
    """Another writer holding the file: the store still loads (in memory) and says why."""
    database = folder / ".elections.sqlite3"
    answer = care_votes(open_store(folder))
    (folder / SEED_NAME).write_text((folder / SEED_NAME).read_text() + "\n")
    locker = sqlite3.connect(database, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        store = open_store(folder)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert store.problems and "in memory" in store.problems[-1]
    assert care_votes(store) == answer


def test_an_open_store_keeps_its_snapshot_while_the_file_is_recompiled(folder: Path) -> None:
    """A store opened before a recompile answers from the data it opened with."""
    before = open_store(folder)
    old = care_votes(before)
    seed = folder / SEED_NAME
    seed.write_text(seed.read_text().replace("2,695", "3,001"))
    after = open_store(folder)
    assert '"votes":3001' in care_votes(after)
    before._refs.clear()  # nothing cached: the old store reads its rows again
    before._elections.clear()
    before._facts.clear()
    assert care_votes(before) == old


def test_elections_are_built_on_first_use_and_cached(folder: Path) -> None:
    """Opening builds no election; reading one builds it once."""
    store = open_store(folder)
    assert len(store._elections) == 0
    first = store.election("derby-2002")
    assert first is store.election("derby-2002")
    assert len(store._elections) == 1


def test_a_compiled_store_matches_the_documents(folder: Path) -> None:
    """The elections rebuilt from rows equal the elections the readers produce."""
    from knowledge import readers

    store = open_store(folder)
    for election in store.elections:
        (read,) = readers.read_document((folder / election.source).read_bytes(), election.source)
        assert election == read


def _index_tables(database: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(database) as connection:
        tables = {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("entries", "words", "wholes", "vocabulary")
        }
        # The elections' index, by election id (rows are numbered by the order of compiles).
        for table, column in (("election_words", "word"), ("election_wholes", "whole")):
            tables[table] = sorted(
                connection.execute(
                    f"SELECT t.{column}, e.sid FROM {table} t JOIN elections e ON e.id = t.election"
                ).fetchall()
            )
        # Ranks leave gaps for elections added later, so their values depend on the history
        # of compiles: the order they give is what must match.
        tables["elections"] = sorted(
            connection.execute(
                "SELECT sid, CASE WHEN rank IS NULL THEN NULL ELSE"
                " (SELECT count(*) FROM elections o WHERE o.rank < e.rank) END, title"
                " FROM elections e"
            ).fetchall(),
            key=repr,
        )
    connection.close()
    return tables


def test_incremental_recompiles_match_a_fresh_compile(folder: Path, tmp_path: Path) -> None:
    """After adding, editing, duplicating and removing documents one compile at a time, the
    name index equals the one a fresh compile of the same folder builds."""
    documents = sorted(DOCUMENTS.glob("*.txt"))
    open_store(folder).close()
    steps = [
        lambda: shutil.copy(documents[0], folder / documents[0].name),
        lambda: shutil.copy(documents[3], folder / documents[3].name),
        lambda: shutil.copy(folder / SEED_NAME, folder / "zz_copy_of_the_seed.txt"),
        lambda: (folder / SEED_NAME).write_text(
            (folder / SEED_NAME).read_text().replace("Lucy Care", "Lucy Carew")
        ),
        lambda: (folder / BY_ELECTION).unlink(),
        lambda: (folder / "zz_copy_of_the_seed.txt").unlink(),
        # A copy sorting first takes the election over (the seed's is dropped), then goes.
        lambda: shutil.copy(folder / SEED_NAME, folder / "0_copy_of_the_seed.txt"),
        lambda: (folder / "0_copy_of_the_seed.txt").unlink(),
    ]
    for step in steps:
        step()
        open_store(folder).close()
        fresh = tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}.sqlite3"
        open_store(folder, fresh).close()
        assert _index_tables(folder / ".elections.sqlite3") == _index_tables(fresh)


def test_a_persons_candidacies_narrowed_by_ward_or_election_match_the_full_list(
    folder: Path,
) -> None:
    """Reading one person's candidacies from the ward's or the election's side gives exactly
    the full list narrowed, whether or not the full list is already cached."""
    cold, warm = open_store(folder), open_store(folder)
    keys = {normalize(c.name) for e in warm.elections for w in e.contests for c in w.candidates}
    assert len(keys) > 100
    for key in sorted(keys):
        full = warm.candidate_refs(key)
        for ref in full:
            for wards, election in (
                ({ref.ward}, None),
                ((), ref.election_id),
                ({ref.ward}, ref.election_id),
            ):
                expected = tuple(
                    r
                    for r in full
                    if (not wards or r.ward in wards)
                    and (election is None or r.election_id == election)
                )
                narrowed = () if election is None else (election,)
                assert cold.candidate_refs_in(key, wards, narrowed) == expected
                assert warm.candidate_refs_in(key, wards, narrowed) == expected
    assert cold.candidate_refs_in("lucy care", {"Nowhere"}) == ()
    assert cold.candidate_refs_in("lucy care", elections=["no-such-election"]) == ()
