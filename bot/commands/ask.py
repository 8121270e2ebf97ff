"""/ask: a question in plain words ("who won in Boulton?"), answered with the same embeds.

The question goes to `knowledge.questions`; its typed answer is rendered like the command's
would be, with the one-sentence reply (the headline) first. The command's text lives here, not
in `knowledge.commands`: the console has no /ask, it takes questions as they are typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.commands._common import bot_of, complete
from bot.questions import ASK
from bot.server_defaults import defaults_for
from bot.views import show_answer
from knowledge import CommandSpec, OptionSpec
from knowledge.commands import ELECTION_OPTION

if TYPE_CHECKING:
    from bot.client import ElectionBot

QUESTION_MAX = 300
"""Longer than any question the bot can answer; Discord itself would allow 6,000 characters."""

SPEC = CommandSpec(
    name=ASK,
    description="Ask about the results in plain words, e.g. who won in Boulton?",
    options=(
        OptionSpec(
            name="question",
            description="Your question, e.g. who won in Boulton? or did Lucy Care get in?",
            required=True,
        ),
        ELECTION_OPTION,
    ),
    example="/ask who won in Boulton?",
)


@app_commands.command(name=SPEC.name, description=SPEC.description)
@app_commands.describe(**{option.name: option.description for option in SPEC.options})
@app_commands.autocomplete(election=complete("election"))
async def ask(
    interaction: discord.Interaction[Any],
    question: app_commands.Range[str, 1, QUESTION_MAX],
    election: app_commands.Range[str, 1, 100] | None = None,
) -> None:
    bot, defaults = bot_of(interaction), await defaults_for(interaction)
    options = defaults.options(bot.store, ASK, {"question": question, "election": election})
    answer, embed = bot.answers.ask(question, options["election"])
    embed = bot.links.embed(embed)
    await show_answer(interaction, answer, ASK, options, embed=embed, private=defaults.private)


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(ask)
