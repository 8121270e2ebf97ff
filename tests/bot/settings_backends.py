"""The settings store on both engines: every test taking `settings_store` (or `database`) runs on
SQLite and on a real PostgreSQL server started for the session (tests/postgres_server.py).
Import the fixtures into a test module to use them.

Without PostgreSQL a local run skips the PostgreSQL half with the reason; in CI (CI=1) that is a
failure, so CI never passes without having tested both engines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.guild_settings import SettingsStore, open_store

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from postgres_server import PostgresServer, PostgresUnavailable  # noqa: E402

BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server for the whole run."""
    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI and could not be started: {exc}")
        pytest.skip(f"PostgreSQL could not be started: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> tuple[Path, str | None]:
    """(SQLite path, DATABASE_URL) for a fresh, empty settings database on this backend."""
    if backend == "postgres":
        server: PostgresServer = request.getfixturevalue("postgres")
        return tmp_path / "unused.sqlite3", server.new_database()
    return tmp_path / "settings" / "guilds.sqlite3", None


@pytest.fixture
def settings_store(database: tuple[Path, str | None]) -> Iterator[SettingsStore]:
    store = open_store(*database)
    try:
        yield store
    finally:
        store.close()
