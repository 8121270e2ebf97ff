"""The shared settings store: PostgreSQL, when DATABASE_URL is set.

Several bot processes (shards on several machines) then read and write one set of settings.
Statements are written with `?` placeholders for both engines; psycopg wants `%s`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from bot.guild_settings.store import SettingsStore

MIGRATION_LOCK = 0x5E77_1165
"""The advisory lock key held while migrating (any fixed number, the same in every process)."""
CONNECT_TIMEOUT_S = 10


class PostgresSettingsStore(SettingsStore):
    """Settings in a PostgreSQL database; one connection, reconnected when it drops."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self._url = url
        self._db = self._connect()
        self.migrate()

    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        return psycopg.connect(self._url, connect_timeout=CONNECT_TIMEOUT_S, autocommit=True)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self._db.execute(sql.replace("?", "%s").encode(), tuple(params))
        return list(cursor.fetchall()) if cursor.description is not None else []

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._db.closed or self._db.broken:
            self._db = self._connect()
        with self._db.transaction():
            yield

    def _lock_schema(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    def close(self) -> None:
        self._db.close()
