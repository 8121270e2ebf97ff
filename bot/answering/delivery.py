"""Getting a reply to Discord: send, edit or follow up, within the 3-second deadline.

Nothing a user typed may ping anyone, so every message goes out with `AllowedMentions.none()`
(the client default too, but stated on each send so no code path can forget it).

Discord drops an interaction that is not acknowledged within 3 seconds of its creation. Under a
burst the bot may only start on an interaction after it has waited in the queue for a while, and
its answer (with a picture) queues behind the others' uploads, so `acknowledge_if_late` defers
("thinking…") first when the interaction is already old or the bot is busy, and the answer
follows. `ephemeral` is the visibility of the answer to come, so a deferral shows the
"thinking" message only where the answer will be.

Some failures are nobody's bug: the interaction expired before the reply reached Discord (404,
code 10062), or Discord itself is unavailable (5xx). `undeliverable` names them, so the error path
logs one WARNING line and does not apologise to an interaction that can no longer be answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Sequence

import discord
from discord.utils import MISSING

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()

DEADLINE = 3.0
"""Seconds Discord allows between an interaction's creation and its acknowledgement."""
DEFER_AFTER = 1.0
"""An interaction that has already waited this long is deferred before it is answered."""
UNKNOWN_INTERACTION = 10062
UNKNOWN_WEBHOOK = 10015
CLOCK_SLACK = 60.0
"""Ages beyond this are a wrong clock, not a queue: such interactions are treated as new."""
RESPONSE_GRACE = 2.0
"""Seconds past the deadline an acknowledgement may still be in transit before it is given up
(generous: a host clock a little ahead of Discord's must not cut short a good acknowledgement)."""


class ReplyTooLate(Exception):
    """Discord did not take the acknowledgement before the interaction expired (an outage that
    discord.py kept retrying): no reply can arrive any more."""


def age(interaction: discord.Interaction) -> float:
    """Seconds since Discord created the interaction (its id holds the time), 0 if unknowable.

    Relies on the host clock being synchronised (NTP), as Discord's own rate limits do.
    """
    waited = time.time() - interaction.created_at.timestamp()
    return waited if 0.0 <= waited <= CLOCK_SLACK else 0.0


def time_left(interaction: discord.Interaction) -> float:
    """Seconds left before Discord stops accepting the acknowledgement."""
    return DEADLINE - age(interaction)


def is_late(interaction: discord.Interaction) -> bool:
    return age(interaction) >= DEFER_AFTER


@contextlib.asynccontextmanager
async def before_expiry(interaction: discord.Interaction) -> AsyncIterator[None]:
    """Bound an acknowledgement by the interaction's life: discord.py retries a 5xx for up to
    25 s, though Discord refuses any acknowledgement after 3 s."""
    try:
        async with asyncio.timeout(max(0.0, time_left(interaction)) + RESPONSE_GRACE):
            yield
    except TimeoutError:
        raise ReplyTooLate(f"interaction {interaction.id}") from None


async def defer(
    interaction: discord.Interaction, *, update: bool = False, ephemeral: bool = False
) -> None:
    """Acknowledge now, answer later; `update` for a menu pick (the answer edits its message)."""
    if interaction.response.is_done():
        return
    async with before_expiry(interaction):
        if update:
            await interaction.response.defer()
        else:
            await interaction.response.defer(thinking=True, ephemeral=ephemeral)


async def acknowledge_if_late(
    interaction: discord.Interaction,
    *,
    update: bool = False,
    ephemeral: bool = False,
    busy: bool = False,
) -> bool:
    """Defer when answering directly could miss the deadline: the interaction has waited long
    already, or the bot is `busy` (a deferral is a small request, where an answer may carry a
    picture that would queue behind the others' uploads). True if deferred."""
    if interaction.response.is_done() or not (busy or is_late(interaction)):
        return False
    log.debug("Interaction %s (%.2f s old): deferring", interaction.id, age(interaction))
    await defer(interaction, update=update, ephemeral=ephemeral)
    return True


async def send(
    interaction: discord.Interaction,
    embed: discord.Embed,
    *,
    files: Sequence[discord.File] = (),
    view: discord.ui.View | None = None,
    edit: bool = False,
    ephemeral: bool = False,
) -> None:
    """Deliver the answer whatever state the interaction is in.

    `edit` replaces the message the interaction came from (a menu pick): as the response, or as
    an edit of the original after a deferral. Otherwise the response, or after a deferral the
    follow-up that fills the "thinking" message. A view of None removes an edited message's menu.
    """
    attachments = list(files) or MISSING
    if edit and interaction.response.is_done():
        await interaction.edit_original_response(
            embed=embed, view=view, attachments=attachments, allowed_mentions=NO_MENTIONS
        )
    elif edit:
        async with before_expiry(interaction):
            await interaction.response.edit_message(
                embed=embed, view=view, attachments=attachments, allowed_mentions=NO_MENTIONS
            )
    elif interaction.response.is_done():
        await interaction.followup.send(
            embed=embed,
            files=attachments,
            view=view or MISSING,
            ephemeral=ephemeral,
            allowed_mentions=NO_MENTIONS,
        )
    else:
        async with before_expiry(interaction):
            await interaction.response.send_message(
                embed=embed,
                files=attachments,
                view=view or MISSING,
                ephemeral=ephemeral,
                allowed_mentions=NO_MENTIONS,
            )


async def send_private(interaction: discord.Interaction, embed: discord.Embed) -> None:
    """Tell only the person who asked, whatever state the interaction is in.

    Before any response: an ephemeral reply. After a deferral: the follow-up (which fills the
    "thinking" message). After a reply: an ephemeral follow-up. Autocomplete cannot show a message,
    so it gets an empty list. If Discord no longer accepts an answer, that is logged.
    """
    try:
        if interaction.type is discord.InteractionType.autocomplete:
            if not interaction.response.is_done():
                async with before_expiry(interaction):
                    await interaction.response.autocomplete([])
        else:
            await send(interaction, embed, ephemeral=True)
    except discord.HTTPException as exc:
        log.warning(
            "Could not answer interaction %s privately: %s %s", interaction.id, exc.status, exc.text
        )
    except ReplyTooLate:
        log.warning("Could not answer interaction %s privately: it expired", interaction.id)


def undeliverable(error: BaseException) -> str | None:
    """Why no reply can reach the user, for a failure that is nobody's bug; None otherwise."""
    if isinstance(error, discord.NotFound) and error.code in (
        UNKNOWN_INTERACTION,
        UNKNOWN_WEBHOOK,
    ):
        return "the interaction expired before the reply reached Discord"
    if isinstance(error, discord.DiscordServerError):
        return f"Discord is unavailable (HTTP {error.status})"
    if isinstance(error, ReplyTooLate):
        return "Discord did not take the reply before the interaction expired"
    return None
