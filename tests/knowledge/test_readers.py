"""Documents of every format load through one reader interface into one store."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import ParseError, ResultsStore
from knowledge.councils import council_key
from knowledge.readers import read_document

SEED = Path(__file__).resolve().parents[2] / "data/elections/2002_derby_city_council_election.txt"


def test_the_seed_reads_as_one_election_through_the_interface() -> None:
    """The `.txt` grammar is one reader among several: the seed is one election."""
    [election] = read_document(SEED.read_bytes(), SEED.name)
    assert election.title == "2002 Derby City Council election"
    assert len(election.contests) == 17


def test_a_file_of_an_unknown_kind_names_the_kinds_the_store_reads() -> None:
    """A `.pdf` is refused with the formats that are read, not parsed as text."""
    with pytest.raises(ParseError) as raised:
        read_document(b"%PDF-1.4", "results.pdf")
    assert raised.value.file == "results.pdf"
    assert ".txt" in raised.value.reason


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Derby City Council", "derby"),
        ("City of Derby", "derby"),
        ("local.derby.2022-05-05", "derby"),
        ("Barnet London Borough Council", "barnet"),
        ("London Borough of Barnet", "barnet"),
        ("Burnley Borough Council", "burnley"),
        ("Kingston upon Thames", "kingston upon thames"),
        ("local.kingston-upon-thames.2026-05-07", "kingston upon thames"),
        ("Wigan Metropolitan Borough Council", "wigan"),
    ],
)
def test_a_council_is_recognised_across_its_names(name: str, key: str) -> None:
    """The names different sources give one council fold to one key."""
    assert council_key(name) == key


def test_the_same_dated_election_in_two_files_loads_once_naming_both(tmp_path: Path) -> None:
    """A copy of the seed beside it is reported, not loaded as a second election."""
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    store = ResultsStore.load(tmp_path)
    assert [e.source for e in store.elections] == ["a.txt"]
    [warning] = [w for w in store.warnings if "loaded once" in w.message]
    assert warning.file == "b.txt" and "a.txt" in warning.message
