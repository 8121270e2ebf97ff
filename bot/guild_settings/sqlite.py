"""The default settings store: one SQLite file, created (with its folder) on first use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.guild_settings.store import SettingsStore

BUSY_TIMEOUT_S = 5.0


class SqliteSettingsStore(SettingsStore):
    """Settings in one file. WAL mode, so a reader never waits for the writer."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        if str(path) != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL never corrupts the file; a power cut may lose the last change.
            self._db.execute("PRAGMA synchronous=NORMAL")
        self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, tuple(params)).fetchall()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _lock_schema(self) -> None:
        pass  # BEGIN IMMEDIATE already holds the write lock

    def close(self) -> None:
        self._db.close()
