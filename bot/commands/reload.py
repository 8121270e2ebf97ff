"""/reload: a moderator has the bot compile the changed election documents now.

The bot also notices a changed data folder by itself; this is for "I just fixed that file".
The compile runs in a worker thread (answers keep flowing from the current store), then the new
store is swapped in and the moderator is told, privately, what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.answering.delivery import NO_MENTIONS
from bot.commands._common import bot_of

if TYPE_CHECKING:
    from bot.client import ElectionBot

REPLY_LIMIT = 1900
"""Discord's message limit is 2,000 characters; the summary is cut well inside it."""


@app_commands.command(
    name="reload", description="Moderators: load the election documents that changed, now"
)
@app_commands.guild_only()
@app_commands.default_permissions(manage_messages=True)
@app_commands.checks.has_permissions(manage_messages=True)
async def reload(interaction: discord.Interaction[Any]) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    report = await bot_of(interaction).live.reload_async()
    text = report.summary()
    if len(text) > REPLY_LIMIT:
        text = text[: REPLY_LIMIT - 1] + "…"
    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(reload)
