"""The compiled store's tables: documents, elections and their rows, and the name indexes.

`PRAGMA user_version` holds `SCHEMA_VERSION`; a file written by another version is rebuilt
rather than read, so a change here only needs the number bumped.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 13
"""Bump whenever a table, a column or what a column means changes (13: party keys of registered
names with their abbreviation, `UK Independence Party (UKIP)`, and facts of uncounted wards)."""

TABLES = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,       -- the file name within the folder: the document's identity
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,          -- nanoseconds: a changed stat is what makes us hash again
    hash TEXT NOT NULL,              -- sha256 of the bytes: what decides a recompile
    errors TEXT NOT NULL DEFAULT '[]'  -- JSON [[file, line, reason]]: reported on every start
);

CREATE TABLE elections (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,       -- order within its document
    name TEXT NOT NULL,              -- the id the document gives it (`derby-2002`)
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    council TEXT NOT NULL,
    date TEXT,
    year INTEGER,
    kind TEXT NOT NULL,
    sort_date TEXT NOT NULL,         -- oldest first with title: the store's order
    identity TEXT,                   -- what makes two documents one election (JSON), if dated
    infobox TEXT NOT NULL,           -- JSON object, as written
    majority_seats INTEGER,
    seats_for_election TEXT,
    control_before TEXT,
    control_after TEXT,
    summary TEXT NOT NULL,
    citation TEXT,
    warnings TEXT NOT NULL,          -- JSON [[file, line, message]] found by the reader
    fact_warnings TEXT NOT NULL,     -- JSON [[file, line, message]] found deriving its facts
    wards INTEGER NOT NULL,          -- contests, seats contested and candidacies: for listing
    seats INTEGER NOT NULL,
    candidates INTEGER NOT NULL,
    extra TEXT NOT NULL,             -- JSON: fields of the model without a column of their own
    council_key TEXT NOT NULL,       -- the council as recognised across documents (derived)
    whole_council INTEGER NOT NULL,  -- derived: every seat was elected (all-out), for history
    sid TEXT,                        -- the id in the store (unique); NULL for a duplicate
    rank INTEGER                     -- the store's order, oldest lowest (with gaps between, so
                                     -- an election added needs no other row renumbered); NULL
                                     -- for a duplicate
);
CREATE INDEX elections_document ON elections(document);

CREATE TABLE contests (
    election INTEGER NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ward TEXT NOT NULL,
    ward_key TEXT NOT NULL,          -- normalised: what resolution matches
    seats INTEGER NOT NULL,
    line INTEGER NOT NULL,
    stated_majority INTEGER,
    turnout INTEGER,
    turnout_percent REAL,
    electorate INTEGER,
    outcomes TEXT NOT NULL,          -- JSON list of the hold/gain lines
    by_election INTEGER NOT NULL,
    rejected INTEGER,
    declared INTEGER NOT NULL,
    extra TEXT NOT NULL,
    PRIMARY KEY (election, position)
) WITHOUT ROWID;
CREATE INDEX contests_ward ON contests(ward_key);

CREATE TABLE candidacies (
    election INTEGER NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    contest INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,          -- normalised: what resolution matches
    party TEXT NOT NULL,             -- as written
    votes INTEGER,
    line INTEGER NOT NULL,
    elected INTEGER,
    by_lot INTEGER NOT NULL,
    incumbent INTEGER NOT NULL,
    won INTEGER NOT NULL,            -- derived: elected (ties at the last seat are not)
    tied INTEGER NOT NULL,           -- derived: level with another for the last seat
    extra TEXT NOT NULL,
    PRIMARY KEY (election, contest, position)
) WITHOUT ROWID;
CREATE INDEX candidacies_name ON candidacies(name_key);

CREATE TABLE parties (               -- the infobox's party rows
    election INTEGER NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    name TEXT NOT NULL,
    last_election INTEGER,
    seats_before INTEGER,
    seats INTEGER,
    seats_after INTEGER,
    seat_change INTEGER,
    popular_vote INTEGER,
    percentage REAL,
    PRIMARY KEY (election, position)
) WITHOUT ROWID;

CREATE TABLE names (                 -- the distinct names of each election, for resolution
    election INTEGER NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,              -- ward | candidate | party
    key TEXT NOT NULL,               -- normalised name (wards, candidates) or party key
    name TEXT NOT NULL,              -- as first written in the election
    detail TEXT NOT NULL,            -- ward · party of a candidate, council of a ward
    position INTEGER NOT NULL,       -- first appearance within the election
    stood INTEGER NOT NULL DEFAULT 1,  -- parties: 0 for an infobox-only row
    rank INTEGER,                    -- the election's rank, copied: a name's newest election
                                     -- is one index step, however many elections have it
    PRIMARY KEY (election, kind, key)
) WITHOUT ROWID;
CREATE INDEX names_key ON names(kind, key, rank, stood);  -- covers a party's elections

CREATE TABLE entries (               -- each distinct ward and candidate name once, all elections
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,              -- as written in the newest election that has it
    detail TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX entries_name ON entries(kind, name);

CREATE TABLE words (                 -- each word of each entry's spellings: the token index
    kind TEXT NOT NULL,
    word TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (kind, word, key)
) WITHOUT ROWID;
CREATE INDEX words_key ON words(kind, key);

CREATE TABLE wholes (                -- each spelling's words joined ("smithjones")
    kind TEXT NOT NULL,
    whole TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (kind, whole, key)
) WITHOUT ROWID;
CREATE INDEX wholes_key ON wholes(kind, key);

CREATE TABLE election_words (        -- each word of each catalogued election's spellings
    word TEXT NOT NULL,
    election INTEGER NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    PRIMARY KEY (word, election)
) WITHOUT ROWID;
CREATE INDEX election_words_election ON election_words(election);

CREATE TABLE election_wholes (       -- each election spelling's words joined ("derby2002")
    whole TEXT NOT NULL,
    election INTEGER NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    words INTEGER NOT NULL,          -- how many words that spelling has
    PRIMARY KEY (whole, election)
) WITHOUT ROWID;
CREATE INDEX election_wholes_election ON election_wholes(election);

CREATE TABLE vocabulary (            -- the distinct words of each kind, with how many entries
    kind TEXT NOT NULL,
    word TEXT NOT NULL,
    entries INTEGER NOT NULL,
    PRIMARY KEY (kind, word)
) WITHOUT ROWID;
"""


def create(connection: sqlite3.Connection) -> None:
    """Create every table in an empty database and stamp it with the schema version."""
    connection.executescript(TABLES)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def is_empty(connection: sqlite3.Connection) -> bool:
    row = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return not row or row[0] == 0
