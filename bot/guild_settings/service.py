"""What the bot uses: a server's settings at once from memory, the database off the event loop.

Every interaction asks for its server's settings, so they are cached in memory; a change made
with /settings updates the cache of the process that made it. Other processes (shards elsewhere)
serve other servers, and read a server again after `ttl` seconds, so a moved shard catches up.
Reading the database runs in a worker thread so a slow database never blocks the gateway.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from bot.guild_settings.model import GuildSettings
from bot.guild_settings.store import SettingsStore

log = logging.getLogger(__name__)

CACHE_TTL_S = 60.0
DAY_S = 86_400.0


def open_store(sqlite_path: Path, database_url: str | None = None) -> SettingsStore:
    """PostgreSQL when a URL is given, else the SQLite file (created on first use)."""
    if database_url:
        from bot.guild_settings.postgres import PostgresSettingsStore

        return PostgresSettingsStore(database_url)
    from bot.guild_settings.sqlite import SqliteSettingsStore

    return SqliteSettingsStore(sqlite_path)


class GuildSettingsService:
    """Cached, non-blocking access to a `SettingsStore`."""

    def __init__(
        self, store: SettingsStore, *, grace_days: float = 30.0, ttl: float = CACHE_TTL_S
    ) -> None:
        self.store = store
        self.grace_days = grace_days
        self.ttl = ttl
        self._cache: dict[int, tuple[float, GuildSettings]] = {}
        self._loading: dict[int, asyncio.Future[GuildSettings]] = {}

    async def get(self, guild_id: int | None) -> GuildSettings | None:
        """The server's settings (None outside a server: a DM, a private channel)."""
        if guild_id is None:
            return None
        now = time.monotonic()
        cached = self._cache.get(guild_id)
        if cached is not None and now - cached[0] < self.ttl:
            return cached[1]
        loading = self._loading.get(guild_id)
        if loading is not None:  # a burst from one server: one read, shared
            return await asyncio.shield(loading)
        future: asyncio.Future[GuildSettings] = asyncio.get_running_loop().create_future()
        self._loading[guild_id] = future
        try:
            settings = await asyncio.to_thread(self.store.get, guild_id)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: the waiters (if any) re-raise it
            raise
        finally:
            del self._loading[guild_id]
        future.set_result(settings)
        self._cache[guild_id] = (now, settings)
        return settings

    async def save(self, settings: GuildSettings) -> None:
        await asyncio.to_thread(self.store.save, settings, time.time())
        self._cache[settings.guild_id] = (time.monotonic(), settings)

    async def with_log_channel(self) -> list[GuildSettings]:
        return await asyncio.to_thread(self.store.with_log_channel)

    async def left(self, guild_id: int) -> None:
        """The bot left (or was removed from) the server."""
        self._cache.pop(guild_id, None)
        await asyncio.to_thread(self.store.mark_left, guild_id, time.time())

    async def returned(self, guild_id: int) -> bool:
        """The bot joined the server again before its settings were forgotten."""
        return await asyncio.to_thread(self.store.mark_returned, guild_id)

    async def forget_expired(self) -> list[int]:
        """Remove the settings of servers left longer than the grace period ago."""
        before = time.time() - self.grace_days * DAY_S
        gone = await asyncio.to_thread(self.store.forget_left, before)
        for guild_id in gone:
            self._cache.pop(guild_id, None)
        return gone

    def close(self) -> None:
        self.store.close()
