"""The message command "Look up in results": right-click a message -> Apps -> answers the
message's text as a question, privately (the message is someone else's: the answer is for the
person who asked, not for the channel).

The server's default election applies, as with /ask. A message with no text (only a picture or
an embed) gets a private note saying so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot import embeds
from bot.answering import dispatch
from bot.answering.delivery import send_private
from bot.questions import strip_mention

if TYPE_CHECKING:
    from bot.client import ElectionBot

NAME = "Look up in results"
QUESTION_MAX = 300


@app_commands.context_menu(name=NAME)
async def look_up(interaction: discord.Interaction[Any], message: discord.Message) -> None:
    me = interaction.client.user
    content = strip_mention(message.content, me.id) if me else message.content
    text = " ".join(content.split())[:QUESTION_MAX]
    if not text:
        await send_private(
            interaction,
            embeds.error("Nothing to look up", "That message has no text to look up."),
        )
        return
    await dispatch.ask(interaction, text, ephemeral=True)


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(look_up)
