"""Declarations into the channel: each contest posted once, corrections edited in, one pin.

What was posted is compared by content hash with what is declared (not with what the last poll
returned), so a restart, a lost post or a re-poll all converge on one message per contest.
The pinned summary is edited in place, at most once every `coalesce` seconds however many
contests declare in between. A message or pin deleted by a moderator is posted again the next
time it changes; Discord failing leaves the post for the next pass rather than losing it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

import aiohttp
import discord

from bot.answering import attach
from bot.answering.delivery import NO_MENTIONS
from bot.night.messages import contest_embed, summary_embed
from bot.night.state import Follow, NightState, Posted
from bot.pictures import Picture
from knowledge.night import FollowedElection, night_summary
from knowledge.parties import PartyBook

log = logging.getLogger(__name__)

COALESCE_SECONDS = 5.0
DISCORD_FAILURES = (discord.HTTPException, aiohttp.ClientError, OSError, asyncio.TimeoutError)

Illustrate = Callable[[str | None], Awaitable[Picture | None]]
"""The picture for a ward's result (its chart), or for None the council's seat diagram."""


class Poster:
    """Posts one follow's results in its channel."""

    def __init__(
        self,
        client: discord.Client,
        state: NightState,
        follow: Follow,
        book: PartyBook,
        *,
        coalesce: float = COALESCE_SECONDS,
        illustrate: Illustrate | None = None,
    ) -> None:
        self.client = client
        self.state = state
        self.follow = follow
        self.book = book
        self.coalesce = coalesce
        self.illustrate = illustrate
        self.pictures = True
        """False once Discord refused an attachment here (no Attach Files): text only then."""
        self.channel = client.get_partial_messageable(follow.channel_id, guild_id=follow.guild_id)
        self.pin_id = follow.pin_message_id
        self.discord_error: str | None = None
        self.requests = 0
        self._latest: FollowedElection | None = None
        self._wanted = asyncio.Event()
        self._last_pin_edit = 0.0
        self._pin_task: asyncio.Task[None] | None = None
        self._pin_lock = asyncio.Lock()

    # ----- contests ---------------------------------------------------------------------------

    async def sync(self, followed: FollowedElection) -> bool:
        """Post or correct every declared contest not yet shown as declared; True when done.

        Stops at the first Discord failure (the rest wait for the next pass, in order).
        """
        posts = self.state.posts(self.follow.guild_id, self.follow.election_id)
        changed = False
        try:
            for declaration in followed.declared:
                posted = posts.get(declaration.ballot_paper_id)
                if posted is not None and posted.content_hash == declaration.content_hash:
                    continue
                corrected = posted is not None
                embed = contest_embed(declaration, self.book, followed.title, corrected=corrected)
                picture = await self._picture(declaration.ward)
                message_id = await self._post_or_edit(posted, embed, picture)
                self.state.record_post(
                    self.follow.guild_id,
                    self.follow.election_id,
                    declaration.ballot_paper_id,
                    Posted(message_id, declaration.content_hash),
                )
                changed = True
                if corrected:
                    await self._send(
                        content=f"✏️ Corrected: the {declaration.ward} result has been updated "
                        f"(https://discord.com/channels/{self.follow.guild_id}/"
                        f"{self.follow.channel_id}/{message_id})."
                    )
        except DISCORD_FAILURES as error:
            self._failed(error)
            return False
        finally:
            if changed or self._latest is None:
                self.want_summary(followed)
        self.discord_error = None
        return True

    async def _picture(self, ward: str | None) -> Picture | None:
        if self.illustrate is None or not self.pictures:
            return None
        return await self.illustrate(ward)

    async def _post_or_edit(
        self, posted: Posted | None, embed: discord.Embed, picture: Picture | None = None
    ) -> int:
        if posted is not None:
            try:
                await self._edit(posted.message_id, embed, picture)
                return posted.message_id
            except discord.NotFound:
                log.info("Result message %s was deleted: posting it again", posted.message_id)
        message = await self._send(embed=embed, picture=picture)
        return message.id

    async def _edit(self, message_id: int, embed: discord.Embed, picture: Picture | None) -> None:
        message = self.channel.get_partial_message(message_id)
        for with_picture in (True, False) if picture is not None else (False,):
            shown = embed.copy()
            files = attach.attach(shown, picture) if with_picture else []
            self.requests += 1
            try:
                await message.edit(embed=shown, attachments=files, allowed_mentions=NO_MENTIONS)
                return
            except discord.Forbidden:
                if not with_picture:
                    raise
                self._no_pictures()

    async def _send(
        self,
        *,
        content: str | None = None,
        embed: discord.Embed | None = None,
        picture: Picture | None = None,
    ) -> discord.Message:
        if embed is None:
            self.requests += 1
            return await self.channel.send(content=content, allowed_mentions=NO_MENTIONS)
        for with_picture in (True, False) if picture is not None else (False,):
            shown = embed.copy()
            files = attach.attach(shown, picture) if with_picture else []
            self.requests += 1
            try:
                return await self.channel.send(
                    content=content,
                    embed=shown,
                    files=files or discord.utils.MISSING,
                    allowed_mentions=NO_MENTIONS,
                )
            except discord.Forbidden:
                if not with_picture:
                    raise
                self._no_pictures()
        raise AssertionError("unreachable: the text-only attempt returns or raises")

    def _no_pictures(self) -> None:
        log.warning(
            "Discord refused a picture in channel %s (Attach Files?): posting text only",
            self.follow.channel_id,
        )
        self.pictures = False

    def _failed(self, error: BaseException) -> None:
        reason = getattr(error, "text", None) or str(error) or type(error).__name__
        status = getattr(error, "status", None)
        self.discord_error = f"Discord {status}: {reason}" if status else f"Discord: {reason}"
        log.warning(
            "Posting %s results in channel %s failed: %s",
            self.follow.election_id,
            self.follow.channel_id,
            self.discord_error,
        )

    # ----- the pinned summary -----------------------------------------------------------------

    def want_summary(self, followed: FollowedElection) -> None:
        """Ask for the pinned summary to show `followed`; edits are coalesced."""
        self._latest = followed
        self._wanted.set()
        if self._pin_task is None or self._pin_task.done():
            self._pin_task = asyncio.create_task(self._pin_loop(), name="night-pin")

    async def _pin_loop(self) -> None:
        while True:
            await self._wanted.wait()
            wait = self._last_pin_edit + self.coalesce - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self._wanted.clear()
            if not await self.update_pin():
                await asyncio.sleep(self.coalesce)
                self._wanted.set()  # try again: Discord being down delays the pin, not loses it

    async def update_pin(self) -> bool:
        """Edit the pinned summary to the latest state (post and pin it when missing)."""
        followed = self._latest
        if followed is None:
            return True
        async with self._pin_lock:
            self._last_pin_edit = time.monotonic()
            embed = summary_embed(night_summary(followed, self.book))
            try:
                picture = await self._picture(None)
                if self.pin_id is not None:
                    try:
                        await self._edit(self.pin_id, embed, picture)
                        return True
                    except discord.NotFound:
                        log.info("Pinned summary %s was deleted: posting it again", self.pin_id)
                message = await self._send(embed=embed, picture=picture)
                self.pin_id = message.id
                self.state.set_pin(self.follow.guild_id, self.follow.election_id, message.id)
                self.requests += 1
                await message.pin(reason=f"Live results of {followed.election_id}")
            except DISCORD_FAILURES as error:
                self._failed(error)
                return False
        return True

    async def finish(self, followed: FollowedElection) -> bool:
        """The last contest has declared: the pin shows the final state, and a final message."""
        await self.close()
        self._latest = followed
        if not await self.update_pin():
            return False
        try:
            embed = summary_embed(night_summary(followed, self.book), final=True)
            message = await self._send(embed=embed, picture=await self._picture(None))
        except DISCORD_FAILURES as error:
            self._failed(error)
            return False
        self.state.set_final(self.follow.guild_id, self.follow.election_id, message.id)
        return True

    async def close(self) -> None:
        """Stop the pin task (a pending edit is flushed by `finish`, or dropped on stop)."""
        if self._pin_task is not None:
            self._pin_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pin_task
            self._pin_task = None
