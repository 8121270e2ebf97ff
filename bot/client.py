"""The Discord client: holds the results store, registers the slash commands at start-up and
answers questions in messages that mention it."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Any

import discord

from bot import commands
from bot.cache import Answers
from bot.live_store import LiveStore
from bot.mentions import Mentions
from bot.replies import NO_MENTIONS
from bot.tree import ElectionTree
from bot.views import PendingChoices, PickMatch
from knowledge import ResultsStore

log = logging.getLogger(__name__)


class ElectionBot(discord.Client):
    """Answers slash commands and mentions from an in-memory `ResultsStore`.

    Only the default (non-privileged) intents are requested: slash commands need no others, and
    Discord sends the content of messages that mention the bot (and of DMs) without the
    message-content intent.
    With `guild_id`, start-up copies the commands to that server and syncs there, which Discord
    applies at once (global commands are registered on purpose, with `python -m bot sync`).
    """

    def __init__(
        self,
        store: ResultsStore,
        *,
        guild_id: int | None = None,
        sync_guild: bool = True,
        watch_data: bool = False,
        **options: Any,
    ) -> None:
        options.setdefault("intents", discord.Intents.default())
        options.setdefault("allowed_mentions", NO_MENTIONS)
        options.setdefault("max_messages", None)  # answers come from the store, not the cache
        # The bot never joins voice: skip discord.py's start-up warnings about voice libraries.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(**options)
        self.store = store
        self.answers = Answers(store)
        self.guild_id = guild_id
        self.sync_guild = sync_guild
        self.tree = ElectionTree(self)
        self.pending = PendingChoices()
        self.pin_locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.mentions = Mentions(self)
        self.live = LiveStore(store)
        self.live.listeners.append(self._use_store)
        self.watch_data = watch_data

    def _use_store(self, store: ResultsStore) -> None:
        """A reloaded store: answer from it, and forget answers and pictures of the old one."""
        from bot.pictures import clear_cache

        self.store = store
        self.answers = Answers(store)
        clear_cache()

    async def setup_hook(self) -> None:
        commands.setup(self)
        if self.watch_data:  # a changed data folder is compiled off the loop, then swapped in
            loop = asyncio.get_running_loop()
            self.live.watch(
                lambda: asyncio.run_coroutine_threadsafe(self.live.reload_async(), loop).result()
            )
        self.add_dynamic_items(PickMatch)
        if self.guild_id is not None and self.sync_guild:
            guild = discord.Object(self.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("Synced %d commands to server %s", len(synced), self.guild_id)

    async def on_message(self, message: discord.Message) -> None:
        await self.mentions.on_message(message)

    async def on_ready(self) -> None:
        log.info(
            "Connected as %s to %d server(s); %d election(s) loaded",
            self.user,
            len(self.guilds),
            len(self.store.elections),
        )
