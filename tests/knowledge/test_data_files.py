"""Every shipped data file loads: all election documents, and the party reference data."""

from __future__ import annotations

from pathlib import Path

from knowledge import ParseError, PartyBook, ResultsStore, parse_document
from knowledge.facts import election_facts
from knowledge.normalize import normalize
from knowledge.parser import decode_document

ROOT = Path(__file__).resolve().parents[2]
ELECTIONS = ROOT / "data" / "elections"
PARTIES = ROOT / "data" / "parties.toml"


def test_every_election_document_parses() -> None:
    """Parse each data/elections/*.txt and report every failure at once, with file and line."""
    book = PartyBook.from_toml(PARTIES)
    documents = sorted(ELECTIONS.glob("*.txt"))
    assert documents, f"no documents in {ELECTIONS}"
    failures: list[str] = []
    for path in documents:
        try:
            election = parse_document(decode_document(path.read_bytes(), path.name), path.name)
            election_facts(election, book)
        except ParseError as error:
            failures.append(str(error))
        except Exception as error:  # report a crash with the others, not instead of them
            failures.append(f"{path.name}: {type(error).__name__}: {error}")
    assert not failures, f"{len(failures)} of {len(documents)} documents failed:\n" + "\n".join(
        failures
    )


def test_every_election_document_has_a_distinct_id() -> None:
    """Two documents that would share an id (and so be told apart by a suffix) are a data bug."""
    store = ResultsStore.load(ELECTIONS, PARTIES)
    ids = [
        parse_document(decode_document(p.read_bytes(), p.name), p.name).id
        for p in sorted(ELECTIONS.glob("*.txt"))
    ]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == [], duplicates
    assert len(store.elections) == len(ids)


def test_party_file_loads_with_unique_keys_and_hex_colours() -> None:
    """parties.toml: every entry valid, keys unique, colours #RRGGBB."""
    book = PartyBook.from_toml(PARTIES)
    keys = [p.key for p in book.known()]
    assert len(keys) == len(set(keys)) >= 4
    assert all(p.colour.startswith("#") and len(p.colour) == 7 for p in book.known())


def test_every_party_spelling_resolves_to_its_own_party() -> None:
    """No alias, short label or document spelling is claimed by two parties."""
    book = PartyBook.from_toml(PARTIES)
    claimed: dict[str, set[str]] = {}
    for party in book.known():
        for spelling in party.spellings:
            claimed.setdefault(normalize(spelling), set()).add(party.key)
    clashes = {spelling: keys for spelling, keys in claimed.items() if len(keys) > 1}
    assert clashes == {}
    store = ResultsStore([], book)
    wrong = []
    for party in book.known():
        for spelling in party.spellings:
            resolution = store.resolve_party(spelling)
            if resolution.best is None or resolution.best.key != party.key:
                wrong.append(f"{spelling!r} -> {resolution.status} {resolution.matches[:2]}")
    assert wrong == []


def test_document_spellings_in_the_party_file_are_recognised() -> None:
    """Each `names` entry, as a document writes it, maps to its party (not an unknown one)."""
    book = PartyBook.from_toml(PARTIES)
    for party in book.known():
        for name in party.names:
            assert book.lookup(name).key == party.key, name
