"""What the night has done, kept in the settings database so a restart resumes and posts nothing
twice, and several bot processes (shards) share it.

Two tables, created by a migration of `bot.guild_settings.store`: the follows (channel, pin, the
source's high-water mark, and the followed election itself as JSON: expected ballots and every
declaration), and one row per posted contest (message id and the content hash it showed). On
SQLite (the default) each call is a short transaction on a local file; on PostgreSQL
(DATABASE_URL) a round trip to the server. Calls block: the night runs them in a worker thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.guild_settings import SettingsStore
from knowledge.night import FollowedElection

_FOLLOW = (
    "SELECT guild_id, election_id, channel_id, started_by, started_at, active,"
    " pin_message_id, final_message_id, high_water FROM night_follows"
)


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
    """The night's tables in the settings database; the store belongs to the caller."""

    def __init__(self, store: SettingsStore) -> None:
        self.store = store

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self.store.transaction() as execute:
            return execute(sql, params)

    # ----- follows ----------------------------------------------------------------------------

    def start(
        self, guild_id: int, channel_id: int, started_by: int, followed: FollowedElection
    ) -> Follow:
        """Begin (or restart) following an election; what was posted before is kept."""
        now = dt.datetime.now(dt.UTC).isoformat()
        self._run(
            "INSERT INTO night_follows (guild_id, election_id, channel_id, started_by,"
            " started_at, active, followed) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id, election_id) DO UPDATE SET"
            " channel_id = excluded.channel_id, started_by = excluded.started_by,"
            " active = excluded.active",
            (
                guild_id,
                followed.election_id,
                channel_id,
                started_by,
                now,
                True,
                followed.model_dump_json(),
            ),
        )
        follow = self.follow(guild_id, followed.election_id)
        assert follow is not None
        return follow

    def follow(self, guild_id: int, election_id: str) -> Follow | None:
        rows = self._run(
            f"{_FOLLOW} WHERE guild_id = ? AND election_id = ?", (guild_id, election_id)
        )
        return _follow(rows[0]) if rows else None

    def follows(self, guild_id: int | None = None, *, active: bool = True) -> list[Follow]:
        """Active follows (of one server, or every server: what a restart resumes)."""
        query = f"{_FOLLOW} WHERE active = ?"
        params: tuple[Any, ...] = (active,)
        if guild_id is not None:
            query += " AND guild_id = ?"
            params += (guild_id,)
        return [_follow(row) for row in self._run(query + " ORDER BY started_at", params)]

    def stop(self, guild_id: int, election_id: str) -> bool:
        """End the follow; False if it was not active."""
        with self.store.transaction() as execute:
            where = " WHERE guild_id = ? AND election_id = ? AND active = ?"
            key = (guild_id, election_id, True)
            if not execute("SELECT guild_id FROM night_follows" + where, key):
                return False
            execute("UPDATE night_follows SET active = ?" + where, (False, *key))
        return True

    def followed(self, guild_id: int, election_id: str) -> FollowedElection | None:
        rows = self._run(
            "SELECT followed FROM night_follows WHERE guild_id = ? AND election_id = ?",
            (guild_id, election_id),
        )
        return FollowedElection.model_validate_json(rows[0][0]) if rows else None

    def save(
        self, guild_id: int, followed: FollowedElection, high_water: dt.datetime | None
    ) -> None:
        """The merged election and the source's high-water mark, together."""
        self._run(
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
        self._run(
            "UPDATE night_follows SET pin_message_id = ? WHERE guild_id = ? AND election_id = ?",
            (message_id, guild_id, election_id),
        )

    def set_final(self, guild_id: int, election_id: str, message_id: int) -> None:
        """The final summary was posted: the follow is over."""
        self._run(
            "UPDATE night_follows SET final_message_id = ?, active = ?"
            " WHERE guild_id = ? AND election_id = ?",
            (message_id, False, guild_id, election_id),
        )

    # ----- posts ------------------------------------------------------------------------------

    def posts(self, guild_id: int, election_id: str) -> dict[str, Posted]:
        rows = self._run(
            "SELECT ballot_paper_id, message_id, content_hash FROM night_posts"
            " WHERE guild_id = ? AND election_id = ?",
            (guild_id, election_id),
        )
        return {str(ballot): Posted(int(message), str(digest)) for ballot, message, digest in rows}

    def record_post(
        self, guild_id: int, election_id: str, ballot_paper_id: str, posted: Posted
    ) -> None:
        self._run(
            "INSERT INTO night_posts (guild_id, election_id, ballot_paper_id, message_id,"
            " content_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT"
            " (guild_id, election_id, ballot_paper_id) DO UPDATE SET"
            " message_id = excluded.message_id, content_hash = excluded.content_hash",
            (guild_id, election_id, ballot_paper_id, posted.message_id, posted.content_hash),
        )


def _follow(row: tuple[Any, ...]) -> Follow:
    guild, election, channel, by, started, active, pin, final, mark = row
    return Follow(
        guild_id=int(guild),
        election_id=str(election),
        channel_id=int(channel),
        started_by=int(by),
        started_at=dt.datetime.fromisoformat(str(started)),
        active=bool(active),
        pin_message_id=int(pin) if pin is not None else None,
        final_message_id=int(final) if final is not None else None,
        high_water=dt.datetime.fromisoformat(str(mark)) if mark else None,
    )
