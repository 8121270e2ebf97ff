"""/ask: a question in plain words ("who won in Boulton?"), answered with the same embeds.

The question goes to `knowledge.questions`; its typed answer is rendered like the command's
would be, with the one-sentence reply (the headline) first. The command's text is
`knowledge.commands.ASK_COMMAND`, beside the other commands' specs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.answering import dispatch
from bot.commands._common import complete
from knowledge.commands import ASK_COMMAND as SPEC

if TYPE_CHECKING:
    from bot.client import ElectionBot

QUESTION_MAX = 300
"""Longer than any question the bot can answer; Discord itself would allow 6,000 characters."""


@app_commands.command(name=SPEC.name, description=SPEC.description)
@app_commands.describe(**{option.name: option.description for option in SPEC.options})
@app_commands.autocomplete(election=complete("election"))
async def ask(
    interaction: discord.Interaction[Any],
    question: app_commands.Range[str, 1, QUESTION_MAX],
    election: app_commands.Range[str, 1, 100] | None = None,
) -> None:
    await dispatch.ask(interaction, question, election)


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(ask)
