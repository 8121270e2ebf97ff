"""/history and /councillors: a ward, a person or a party across the council's elections."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.commands._common import SPECS, answer, complete, descriptions

if TYPE_CHECKING:
    from bot.client import ElectionBot

Name = app_commands.Range[str, 1, 100]


@app_commands.command(name="history", description=SPECS["history"].description)
@app_commands.describe(**descriptions("history"))
@app_commands.autocomplete(
    ward=complete("ward"),
    candidate=complete("candidate"),
    party=complete("party"),
    council=complete("election"),
)
async def history(
    interaction: discord.Interaction[Any],
    ward: Name | None = None,
    candidate: Name | None = None,
    party: Name | None = None,
    council: Name | None = None,
) -> None:
    """One of ward, candidate or party; none of them gives the council's own history."""
    await answer(
        interaction, "history", ward=ward, candidate=candidate, party=party, council=council
    )


@app_commands.command(name="councillors", description=SPECS["councillors"].description)
@app_commands.describe(**descriptions("councillors"))
@app_commands.autocomplete(ward=complete("ward"), council=complete("election"))
async def councillors(
    interaction: discord.Interaction[Any], ward: Name, council: Name | None = None
) -> None:
    await answer(interaction, "councillors", ward=ward, council=council)


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(history)
    bot.tree.add_command(councillors)
