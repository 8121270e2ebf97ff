"""Servers joining and leaving: settings outlive a removal by a grace period, then go.

A server that removes the bot is marked with the time (in the database, so a restart does not
lose the countdown); rejoining before the grace period ends clears the mark and keeps its
settings. Expired servers are forgotten at start-up and then every `SWEEP_EVERY_S`. With several
shard processes each sweeps; deleting an already-deleted row is harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import discord

from bot.guild_settings import GuildSettingsService

log = logging.getLogger(__name__)

SWEEP_EVERY_S = 3600.0


class ServerLifecycle:
    """Reacts to GUILD_CREATE/GUILD_DELETE for the settings, and sweeps expired ones."""

    def __init__(self, settings: GuildSettingsService, every: float = SWEEP_EVERY_S) -> None:
        self.settings = settings
        self.every = every
        self._task: asyncio.Task[None] | None = None

    async def joined(self, guild: discord.Guild) -> None:
        try:
            if await self.settings.returned(guild.id):
                log.info("Back in server %s: its settings are kept", guild.id)
        except Exception as exc:
            log.warning("Could not update the settings of server %s: %r", guild.id, exc)

    async def left(self, guild: discord.Guild) -> None:
        try:
            await self.settings.left(guild.id)
            log.info(
                "Left server %s: its settings go in %g days unless it adds the bot back",
                guild.id,
                self.settings.grace_days,
            )
        except Exception as exc:
            log.warning("Could not mark server %s as left: %r", guild.id, exc)

    async def sweep(self) -> list[int]:
        try:
            gone = await self.settings.forget_expired()
        except Exception as exc:
            log.warning("Could not remove expired server settings: %r", exc)
            return []
        if gone:
            log.info("Forgot the settings of %d server(s) left long ago", len(gone))
        return gone

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._sweep_forever(), name="settings-sweep")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _sweep_forever(self) -> None:
        while True:
            await self.sweep()
            await asyncio.sleep(self.every)
