"""The few ways the bot speaks, each sending with no allowed mentions.

Nothing a user typed may ping anyone, so every message goes out with `AllowedMentions.none()`
(the client default too, but stated on each send so no code path can forget it).
"""

from __future__ import annotations

import logging

import discord

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


async def send_private(interaction: discord.Interaction, embed: discord.Embed) -> None:
    """Tell only the person who asked, whatever state the interaction is in.

    Before any response: an ephemeral reply. After a deferral: the follow-up (which fills the
    "thinking" message). After a reply: an ephemeral follow-up. Autocomplete cannot show a message,
    so it gets an empty list. If Discord no longer accepts an answer, that is logged.
    """
    try:
        if interaction.type is discord.InteractionType.autocomplete:
            if not interaction.response.is_done():
                await interaction.response.autocomplete([])
        elif interaction.response.is_done():
            await interaction.followup.send(
                embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
        else:
            await interaction.response.send_message(
                embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException as exc:
        log.warning(
            "Could not answer interaction %s privately: %s %s", interaction.id, exc.status, exc.text
        )
