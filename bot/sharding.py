"""Sharding: one bot in many servers, its gateway connections split into shards.

SHARD_COUNT (a number, or `auto` for Discord's recommendation) runs the bot as a
`discord.AutoShardedClient`, one gateway connection per shard in one process. SHARD_IDS lets
several processes (on several machines) each run some of the shards: Discord sends a server's
events to shard `(server id >> 22) % shard count`, so each process answers its own servers.
Per-server settings live in one shared database then (DATABASE_URL), as every process may be
asked about any server after a re-shard.
"""

from __future__ import annotations

from typing import Any

import discord

from bot.client import ElectionBot
from knowledge import ResultsStore


class ShardedElectionBot(ElectionBot, discord.AutoShardedClient):
    """The same bot over several gateway connections (discord.py's AutoShardedClient)."""


def build_bot(
    store: ResultsStore,
    *,
    shard_count: int | None,
    shard_ids: list[int] | None,
    sharded: bool,
    **options: Any,
) -> ElectionBot:
    """The unsharded bot, or the sharded one when a shard count (or auto) or ids are given."""
    if not sharded:
        return ElectionBot(store, **options)
    if shard_ids is not None and shard_count is None:
        raise ValueError("SHARD_IDS needs SHARD_COUNT as a number (not auto)")
    return ShardedElectionBot(store, shard_count=shard_count, shard_ids=shard_ids, **options)


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord sends a server's events to."""
    return (guild_id >> 22) % shard_count
