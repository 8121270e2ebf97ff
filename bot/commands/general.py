"""/elections and /help: what the bot knows and how to ask it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.commands._common import SPECS, answer

if TYPE_CHECKING:
    from bot.client import ElectionBot


@app_commands.command(name="elections", description=SPECS["elections"].description)
async def elections(interaction: discord.Interaction[Any]) -> None:
    await answer(interaction, "elections")


@app_commands.command(name="help", description=SPECS["help"].description)
async def help_(interaction: discord.Interaction[Any]) -> None:
    await answer(interaction, "help")


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(elections)
    bot.tree.add_command(help_)
