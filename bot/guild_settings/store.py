"""The settings store: one interface, one versioned schema, two engines.

The schema is a list of migrations; `schema_version` holds how many have been applied, and
opening a store applies the rest in one transaction, so an old file or database upgrades itself
and two processes starting at once cannot both migrate (PostgreSQL takes a lock first). The SQL
is the common subset of SQLite and PostgreSQL, written with `?` placeholders; each engine says how
it runs a statement.

A server the bot leaves is not forgotten at once (it may be a mistake, or a re-invite): `left_at`
records when, `forget_left` removes servers gone longer than the grace period, and rejoining
clears the mark.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from bot.guild_settings.model import GuildSettings

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE guild_settings (
            guild_id BIGINT PRIMARY KEY,
            scope TEXT,
            log_channel_id BIGINT,
            private BOOLEAN NOT NULL DEFAULT FALSE,
            updated_at DOUBLE PRECISION NOT NULL
        )""",
    ),
    ("ALTER TABLE guild_settings ADD COLUMN left_at DOUBLE PRECISION",),
)
"""Migration n (1-based) is MIGRATIONS[n - 1]; append, never edit a released one."""
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = "guild_id, scope, log_channel_id, private"


class SettingsStore(ABC):
    """Guild settings kept in a database. Calls block: the bot runs them in a worker thread
    (`GuildSettingsService`); a lock makes one connection safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    # ----- what each engine provides ---------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement inside the current transaction; its rows (empty if none)."""

    @abstractmethod
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Commit what runs inside, or roll it all back."""

    @abstractmethod
    def _lock_schema(self) -> None:
        """Keep other processes from migrating at the same time (inside the transaction)."""

    @abstractmethod
    def close(self) -> None: ...

    # ----- schema ----------------------------------------------------------------------------

    def migrate(self) -> int:
        """Bring the schema up to date; returns the version it started from."""
        with self._lock, self._transaction():
            self._lock_schema()
            self._execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            rows = self._execute("SELECT version FROM schema_version")
            if not rows:
                self._execute("INSERT INTO schema_version (version) VALUES (0)")
            start = int(rows[0][0]) if rows else 0
            if start > SCHEMA_VERSION:
                raise RuntimeError(
                    f"the settings database is at schema version {start}, newer than this bot "
                    f"({SCHEMA_VERSION}): upgrade the bot"
                )
            for statements in MIGRATIONS[start:]:
                for sql in statements:
                    self._execute(sql)
            self._execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
        return start

    def schema_version(self) -> int:
        with self._lock, self._transaction():
            return int(self._execute("SELECT version FROM schema_version")[0][0])

    # ----- settings --------------------------------------------------------------------------

    def get(self, guild_id: int) -> GuildSettings:
        """The server's settings; the defaults when it never set any."""
        with self._lock, self._transaction():
            rows = self._execute(
                f"SELECT {_COLUMNS} FROM guild_settings WHERE guild_id = ?", (guild_id,)
            )
        return _row(rows[0]) if rows else GuildSettings(guild_id)

    def save(self, settings: GuildSettings, now: float) -> None:
        """Insert or replace the server's settings (and clear any "left" mark)."""
        with self._lock, self._transaction():
            self._execute(
                f"""INSERT INTO guild_settings ({_COLUMNS}, updated_at, left_at)
                VALUES (?, ?, ?, ?, ?, NULL)
                ON CONFLICT (guild_id) DO UPDATE SET scope = excluded.scope,
                    log_channel_id = excluded.log_channel_id, private = excluded.private,
                    updated_at = excluded.updated_at, left_at = NULL""",
                (
                    settings.guild_id,
                    settings.scope,
                    settings.log_channel_id,
                    settings.private,
                    now,
                ),
            )

    def with_log_channel(self) -> list[GuildSettings]:
        """Every server that has a log channel (reports at start-up and on reload)."""
        with self._lock, self._transaction():
            rows = self._execute(
                f"SELECT {_COLUMNS} FROM guild_settings "
                "WHERE log_channel_id IS NOT NULL ORDER BY guild_id"
            )
        return [_row(r) for r in rows]

    # ----- servers the bot leaves ------------------------------------------------------------

    def mark_left(self, guild_id: int, now: float) -> None:
        """The bot left the server: forget its settings after the grace period."""
        with self._lock, self._transaction():
            self._execute(
                "UPDATE guild_settings SET left_at = ? WHERE guild_id = ? AND left_at IS NULL",
                (now, guild_id),
            )

    def mark_returned(self, guild_id: int) -> bool:
        """The bot is back in the server: keep its settings. True if it had been marked."""
        with self._lock, self._transaction():
            rows = self._execute(
                "SELECT guild_id FROM guild_settings WHERE guild_id = ? AND left_at IS NOT NULL",
                (guild_id,),
            )
            self._execute(
                "UPDATE guild_settings SET left_at = NULL WHERE guild_id = ?", (guild_id,)
            )
        return bool(rows)

    def left_at(self, guild_id: int) -> float | None:
        with self._lock, self._transaction():
            rows = self._execute(
                "SELECT left_at FROM guild_settings WHERE guild_id = ?", (guild_id,)
            )
        return float(rows[0][0]) if rows and rows[0][0] is not None else None

    def forget_left(self, before: float) -> list[int]:
        """Remove the settings of servers left before `before`; their ids."""
        with self._lock, self._transaction():
            rows = self._execute(
                "SELECT guild_id FROM guild_settings WHERE left_at IS NOT NULL AND left_at < ? "
                "ORDER BY guild_id",
                (before,),
            )
            gone = [int(r[0]) for r in rows]
            for guild_id in gone:
                self._execute("DELETE FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return gone


def _row(row: tuple[Any, ...]) -> GuildSettings:
    guild_id, scope, log_channel_id, private = row
    return GuildSettings(
        int(guild_id),
        scope,
        int(log_channel_id) if log_channel_id is not None else None,
        bool(private),
    )
