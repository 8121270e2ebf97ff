"""What the night has done, kept in SQLite so a restart resumes and posts nothing twice.

Three small tables: the follows (channel, pin, the source's high-water mark), the followed
election itself (expected ballots and every declaration, as JSON), and one row per posted
contest (message id and the content hash it showed). The interface is a handful of methods so
it can later move into the shared per-server settings database. stdlib sqlite3: each call is a
short transaction on a local file, fast enough to run on the event loop.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from knowledge.night import FollowedElection

SCHEMA = """
CREATE TABLE IF NOT EXISTS night_follows (
    guild_id INTEGER NOT NULL,
    election_id TEXT NOT NULL,
    channel_id INTEGER NOT NULL,
    started_by INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    pin_message_id INTEGER,
    final_message_id INTEGER,
    high_water TEXT,
    followed TEXT NOT NULL,
    PRIMARY KEY (guild_id, election_id)
);
CREATE TABLE IF NOT EXISTS night_posts (
    guild_id INTEGER NOT NULL,
    election_id TEXT NOT NULL,
    ballot_paper_id TEXT NOT NULL,
    message_id INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (guild_id, election_id, ballot_paper_id)
);
"""


@dataclass(frozen=True)
class Follow:
    """One followed election in one server."""

    guild_id: int
    election_id: str
    channel_id: int
    started_by: int
    started_at: dt.datetime
    active: bool
    pin_message_id: int | None
    final_message_id: int | None
    high_water: dt.datetime | None


@dataclass(frozen=True)
class Posted:
    message_id: int
    content_hash: str


class NightState:
    """The night's SQLite file; safe to open again after a restart."""

    def __init__(self, path: Path | str) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    # ----- follows ----------------------------------------------------------------------------

    def start(
        self, guild_id: int, channel_id: int, started_by: int, followed: FollowedElection
    ) -> Follow:
        """Begin (or restart) following an election; what was posted before is kept."""
        now = dt.datetime.now(dt.UTC).isoformat()
        with self._db:
            self._db.execute(
                "INSERT INTO night_follows (guild_id, election_id, channel_id, started_by,"
                " started_at, followed) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, election_id) DO UPDATE SET"
                " channel_id = excluded.channel_id, started_by = excluded.started_by, active = 1",
                (
                    guild_id,
                    followed.election_id,
                    channel_id,
                    started_by,
                    now,
                    followed.model_dump_json(),
                ),
            )
        follow = self.follow(guild_id, followed.election_id)
        assert follow is not None
        return follow

    def follow(self, guild_id: int, election_id: str) -> Follow | None:
        row = self._db.execute(
            "SELECT guild_id, election_id, channel_id, started_by, started_at, active,"
            " pin_message_id, final_message_id, high_water FROM night_follows"
            " WHERE guild_id = ? AND election_id = ?",
            (guild_id, election_id),
        ).fetchone()
        return _follow(row) if row else None

    def follows(self, guild_id: int | None = None, *, active: bool = True) -> list[Follow]:
        """Active follows (of one server, or every server: what a restart resumes)."""
        query = (
            "SELECT guild_id, election_id, channel_id, started_by, started_at, active,"
            " pin_message_id, final_message_id, high_water FROM night_follows WHERE active = ?"
        )
        params: tuple[object, ...] = (int(active),)
        if guild_id is not None:
            query += " AND guild_id = ?"
            params += (guild_id,)
        return [_follow(row) for row in self._db.execute(query + " ORDER BY started_at", params)]

    def stop(self, guild_id: int, election_id: str) -> bool:
        cursor = self._db.execute(
            "UPDATE night_follows SET active = 0 WHERE guild_id = ? AND election_id = ?"
            " AND active = 1",
            (guild_id, election_id),
        )
        return cursor.rowcount > 0

    def followed(self, guild_id: int, election_id: str) -> FollowedElection | None:
        row = self._db.execute(
            "SELECT followed FROM night_follows WHERE guild_id = ? AND election_id = ?",
            (guild_id, election_id),
        ).fetchone()
        return FollowedElection.model_validate_json(row[0]) if row else None

    def save(
        self, guild_id: int, followed: FollowedElection, high_water: dt.datetime | None
    ) -> None:
        """The merged election and the source's high-water mark, together."""
        self._db.execute(
            "UPDATE night_follows SET followed = ?, high_water = ?"
            " WHERE guild_id = ? AND election_id = ?",
            (
                followed.model_dump_json(),
                high_water.isoformat() if high_water else None,
                guild_id,
                followed.election_id,
            ),
        )

    def set_pin(self, guild_id: int, election_id: str, message_id: int | None) -> None:
        self._db.execute(
            "UPDATE night_follows SET pin_message_id = ? WHERE guild_id = ? AND election_id = ?",
            (message_id, guild_id, election_id),
        )

    def set_final(self, guild_id: int, election_id: str, message_id: int) -> None:
        """The final summary was posted: the follow is over."""
        self._db.execute(
            "UPDATE night_follows SET final_message_id = ?, active = 0"
            " WHERE guild_id = ? AND election_id = ?",
            (message_id, guild_id, election_id),
        )

    # ----- posts ------------------------------------------------------------------------------

    def posts(self, guild_id: int, election_id: str) -> dict[str, Posted]:
        rows = self._db.execute(
            "SELECT ballot_paper_id, message_id, content_hash FROM night_posts"
            " WHERE guild_id = ? AND election_id = ?",
            (guild_id, election_id),
        )
        return {ballot: Posted(message, digest) for ballot, message, digest in rows}

    def record_post(
        self, guild_id: int, election_id: str, ballot_paper_id: str, posted: Posted
    ) -> None:
        self._db.execute(
            "INSERT INTO night_posts VALUES (?, ?, ?, ?, ?) ON CONFLICT"
            " (guild_id, election_id, ballot_paper_id) DO UPDATE SET"
            " message_id = excluded.message_id, content_hash = excluded.content_hash",
            (guild_id, election_id, ballot_paper_id, posted.message_id, posted.content_hash),
        )


def _follow(row: tuple[object, ...]) -> Follow:
    guild, election, channel, by, started, active, pin, final, mark = row
    return Follow(
        guild_id=int(str(guild)),
        election_id=str(election),
        channel_id=int(str(channel)),
        started_by=int(str(by)),
        started_at=dt.datetime.fromisoformat(str(started)),
        active=bool(active),
        pin_message_id=int(str(pin)) if pin is not None else None,
        final_message_id=int(str(final)) if final is not None else None,
        high_water=dt.datetime.fromisoformat(str(mark)) if mark else None,
    )
