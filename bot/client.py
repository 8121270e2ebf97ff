"""The Discord client: holds the results store, registers the slash commands at start-up and
answers questions in messages that mention it."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Any

import aiohttp
import discord

from bot import commands
from bot.answering.answers import Answers
from bot.answering.delivery import NO_MENTIONS
from bot.answering.dispatch import PickMatch
from bot.answering.menus import PendingChoices
from bot.in_flight import InFlight
from bot.load_report import log_load_problems
from bot.mentions import Mentions
from bot.night.follow import NightConfig, NightDesk
from bot.tree import ElectionTree
from knowledge import ResultsStore

log = logging.getLogger(__name__)

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
        night: NightConfig | None = None,
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
        self.in_flight = InFlight()
        self.direct_answers = asyncio.Semaphore(DIRECT_AT_ONCE)
        self.follow_ups = asyncio.Semaphore(FOLLOW_UPS_AT_ONCE)
        self.night = NightDesk(self, store, night, self.use_store) if night is not None else None

    async def login(self, token: str) -> None:
        if self.http.connector is discord.utils.MISSING:  # made here: it needs the running loop
            self.http.connector = aiohttp.TCPConnector(limit=CONNECTIONS)
        await super().login(token)

    async def setup_hook(self) -> None:
        log_load_problems(self.store)
        commands.setup(self)
        self.add_dynamic_items(PickMatch)
        if self.night is not None:
            await self.night.resume()
        if self.guild_id is not None and self.sync_guild:
            guild = discord.Object(self.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("Synced %d commands to server %s", len(synced), self.guild_id)

    def use_store(self, store: ResultsStore) -> None:
        """Answer from `store` from now on (election night's latest declarations)."""
        self.store = store
        self.answers = Answers(store)

    async def close(self) -> None:
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
