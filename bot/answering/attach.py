"""Pictures attached to answers: which picture an answer gets, and drawing it in time.

A summary, ward or party answer carries its picture; a candidate answer carries their ward's
chart. The picture is a PNG attached to the message and shown as the embed's image, with its alt
text as the attachment's description. It only illustrates: the embed states every fact, so an
answer without its picture (not drawable, or no Attach Files permission) loses nothing.

Interactions must be acknowledged within 3 seconds. A cached picture is ready at once and a new
one usually takes tens of milliseconds, so the reply waits up to `PICTURE_WAIT` for it and then
goes out in one piece. When drawing takes longer (a queue of new pictures on election night),
the interaction is deferred ("thinking…") and the answer follows with its picture: the drawing
goes on in its worker thread meanwhile, and the second wait joins it instead of drawing again.
"""

from __future__ import annotations

import asyncio
import io
import logging

import discord

from bot.answering import delivery
from bot.pictures import Picture, picture_for_async
from knowledge.answers import Answer, CandidateAnswer

log = logging.getLogger(__name__)

PICTURE_WAIT = 0.5
"""Seconds an interaction waits for its picture before deferring (Discord allows 3)."""
SAFETY = 1.0
"""Seconds kept in hand for the reply itself to reach Discord after the picture is ready."""


def illustrated(answer: Answer) -> Answer:
    """The answer whose picture illustrates `answer`: a candidate's is their ward result's."""
    match answer:
        case CandidateAnswer():
            return answer.result
        case _:
            return answer


async def picture(answer: Answer) -> Picture | None:
    """The answer's picture, drawn off the event loop; None when it has none or drawing failed.

    A failure anywhere in the picture code is logged and costs only the picture, never the answer.
    """
    try:
        return await picture_for_async(illustrated(answer))
    except Exception:
        log.exception("No picture for a %s answer", answer.kind)
        return None


async def picture_in_time(
    interaction: discord.Interaction,
    answer: Answer,
    *,
    update: bool = False,
    ephemeral: bool = False,
) -> Picture | None:
    """The answer's picture for an interaction reply, deferring first if it is slow to draw.

    It waits at most `PICTURE_WAIT`, less when the interaction has little of its 3 seconds left.
    `update` defers as an edit of the message the interaction came from (a menu pick);
    `ephemeral` is the visibility of the answer. None when there is no picture, or the bot may
    not attach files in this channel.
    """
    if not interaction.app_permissions.attach_files:
        return None
    wait = max(0.0, min(PICTURE_WAIT, delivery.time_left(interaction) - SAFETY))
    if not interaction.response.is_done():
        try:  # a cached picture returns without waiting, even when no time is left
            async with asyncio.timeout(wait):
                return await picture(answer)
        except TimeoutError:
            log.debug("Picture for interaction %s not ready; deferring", interaction.id)
    await delivery.defer(interaction, update=update, ephemeral=ephemeral)
    return await picture(answer)


def attach(embed: discord.Embed, found: Picture | None) -> list[discord.File]:
    """Show `found` as the embed's image; the files to send with it (none without a picture)."""
    if found is None:
        return []
    embed.set_image(url=f"attachment://{found.filename}")
    return [discord.File(io.BytesIO(found.png), filename=found.filename, description=found.alt)]
