"""/ward, /candidate and /party: one contest, one person, one party."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.commands._common import SPECS, answer, complete, descriptions

if TYPE_CHECKING:
    from bot.client import ElectionBot

Name = app_commands.Range[str, 1, 100]


@app_commands.command(name="ward", description=SPECS["ward"].description)
@app_commands.describe(**descriptions("ward"))
@app_commands.autocomplete(name=complete("ward"), election=complete("election"))
async def ward(
    interaction: discord.Interaction[Any], name: Name, election: Name | None = None
) -> None:
    await answer(interaction, "ward", name=name, election=election)


@app_commands.command(name="candidate", description=SPECS["candidate"].description)
@app_commands.describe(**descriptions("candidate"))
@app_commands.autocomplete(name=complete("candidate"), election=complete("election"))
async def candidate(
    interaction: discord.Interaction[Any], name: Name, election: Name | None = None
) -> None:
    await answer(interaction, "candidate", name=name, election=election)


@app_commands.command(name="party", description=SPECS["party"].description)
@app_commands.describe(**descriptions("party"))
@app_commands.autocomplete(name=complete("party"), election=complete("election"))
async def party(
    interaction: discord.Interaction[Any], name: Name, election: Name | None = None
) -> None:
    await answer(interaction, "party", name=name, election=election)


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(ward)
    bot.tree.add_command(candidate)
    bot.tree.add_command(party)
