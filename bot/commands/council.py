"""/summary and /closest: the council as a whole."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.commands._common import SPECS, answer, complete, descriptions

if TYPE_CHECKING:
    from bot.client import ElectionBot

Name = app_commands.Range[str, 1, 100]


@app_commands.command(name="summary", description=SPECS["summary"].description)
@app_commands.describe(**descriptions("summary"))
@app_commands.autocomplete(election=complete("election"))
async def summary(interaction: discord.Interaction[Any], election: Name | None = None) -> None:
    await answer(interaction, "summary", election=election)


@app_commands.command(name="closest", description=SPECS["closest"].description)
@app_commands.describe(**descriptions("closest"))
@app_commands.autocomplete(election=complete("election"))
async def closest(interaction: discord.Interaction[Any], election: Name | None = None) -> None:
    await answer(interaction, "closest", election=election)


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(summary)
    bot.tree.add_command(closest)
