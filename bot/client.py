"""The Discord client: holds the results store, registers the slash commands at start-up and
answers questions in messages that mention it."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

import aiohttp
import discord

from bot import commands
from bot.answering.answers import Answers
from bot.answering.delivery import NO_MENTIONS
from bot.answering.dispatch import PickMatch
from bot.answering.menus import PendingChoices
from bot.command_links import CommandLinks
from bot.conversations import Conversations
from bot.guild_settings import GuildSettingsService, open_store
from bot.heap import settle
from bot.in_flight import InFlight
from bot.live_store import LiveStore
from bot.load_report import log_load_problems
from bot.log_channel import send_report
from bot.mentions import Mentions
from bot.metrics import Metrics
from bot.night.follow import NightConfig, NightDesk
from bot.server_lifecycle import ServerLifecycle
from bot.tree import ElectionTree
from knowledge import ResultsStore

log = logging.getLogger(__name__)

MEMORY = Path(":memory:")
CONNECTIONS = 64
"""HTTP connections to Discord at once (each gateway connection holds one of them): under a
burst, requests reuse them instead of opening a connection per request, as discord.py's
unlimited default does. At 1,000 interactions at once this halves the acknowledgement time."""
DIRECT_AT_ONCE = 16
"""Answers sent as the acknowledgement itself at once; beyond that the bot is busy, and an
interaction is deferred first (a small request) and answered in a follow-up."""
FOLLOW_UPS_AT_ONCE = 16
"""Answers of deferred interactions sent at once; the rest wait, so that under a burst the
small deferrals of newer interactions do not queue behind hundreds of picture uploads."""


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
        guild_settings: GuildSettingsService | None = None,
        night: NightConfig | None = None,
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
        self.conversations = Conversations(store)
        self.guild_id = guild_id
        self.sync_guild = sync_guild
        self.tree = ElectionTree(self)
        self.pending = PendingChoices()
        self.pin_locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.mentions = Mentions(self)
        self.in_flight = InFlight(on_idle=settle)
        self.direct_answers = asyncio.Semaphore(DIRECT_AT_ONCE)
        self.follow_ups = asyncio.Semaphore(FOLLOW_UPS_AT_ONCE)
        # Per-server settings; without a configured store (tests, tools), an in-memory one.
        self.guild_settings = guild_settings or GuildSettingsService(open_store(MEMORY))
        self.lifecycle = ServerLifecycle(self.guild_settings)
        self.links = CommandLinks()
        self._reported = False
        self.metrics = Metrics()
        self.metrics.watch(
            lambda: self.store,
            lambda: self.latency,
            lambda: self.is_ready() and not self.is_closed(),
        )
        self._connected_before = False
        self.night = (
            NightDesk(
                self,
                store,
                night,
                self.guild_settings,
                self.use_store,
                reload=lambda: self.live.reload_async(),
            )
            if night is not None
            else None
        )
        self.live = LiveStore(store)
        self.live.listeners.append(self._reloaded)
        self.watch_data = watch_data

    def _reloaded(self, store: ResultsStore) -> None:
        """Documents compiled again (a changed folder, /reload): answer from the new store,
        drop the pictures of the old one, and tell the log channels when something is wrong."""
        from bot.pictures import clear_cache

        self.use_store(store)
        if self.night is not None:
            self.night.store = store
        clear_cache()
        if store.errors and self.is_ready():
            asyncio.get_running_loop().create_task(
                send_report(self, "Election documents: problems found on reload")
            )

    async def login(self, token: str) -> None:
        if self.http.connector is discord.utils.MISSING:  # made here: it needs the running loop
            shards = getattr(self, "shard_count", None) or 1  # each holds a connection
            self.http.connector = aiohttp.TCPConnector(limit=CONNECTIONS + shards)
        await super().login(token)

    async def setup_hook(self) -> None:
        log_load_problems(self.store)
        commands.setup(self)
        self.live.prepare()  # the first question's lexicon, built while the gateway connects
        if self.watch_data:  # a changed data folder is compiled off the loop, then swapped in
            loop = asyncio.get_running_loop()
            self.live.watch(
                lambda: asyncio.run_coroutine_threadsafe(self.live.reload_async(), loop).result()
            )
        self.add_dynamic_items(PickMatch)
        if self.night is not None:
            await self.night.resume()
        if self.guild_id is not None and self.sync_guild:
            guild = discord.Object(self.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            self.links.remember(synced)
            log.info("Synced %d commands to server %s", len(synced), self.guild_id)
        else:
            await self.learn_command_ids()
        self.lifecycle.start()

    async def learn_command_ids(self) -> None:
        """The ids of the globally registered commands, for clickable mentions (optional)."""
        try:
            self.links.remember(await self.tree.fetch_commands())
        except discord.HTTPException as exc:
            log.warning("Could not fetch the command ids (plain /names instead): %s", exc)

    async def on_connect(self) -> None:
        if self._connected_before:  # a new session after a lost one
            self.metrics.reconnects.inc()
        self._connected_before = True

    async def on_resumed(self) -> None:
        self.metrics.reconnects.inc()

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self.lifecycle.joined(guild)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await self.lifecycle.left(guild)

    def use_store(self, store: ResultsStore) -> None:
        """Answer from `store` from now on (election night's latest declarations)."""
        self.store = store
        self.answers = Answers(store)
        self.conversations = Conversations(store)

    async def close(self) -> None:
        await self.lifecycle.stop()
        if self.night is not None:
            await self.night.close()
            self.night = None
        await super().close()

    async def on_message(self, message: discord.Message) -> None:
        await self.mentions.on_message(message)

    async def on_ready(self) -> None:
        log.info(
            "Connected as %s to %d server(s); %d election(s) loaded",
            self.user,
            len(self.guilds),
            len(self.store.elections),
        )
        if not self._reported:  # READY comes again after a reconnect: report once
            self._reported = True
            await send_report(self, "Election documents: problems found at start-up")
