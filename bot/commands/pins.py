"""/pin-summary: a moderator posts the council summary and has the bot pin it.

Each pin posts a new message (with the council seat diagram attached) where the channel will see
it, pins it, then unpins the bot's earlier pinned summary, so pins do not pile up and a failed pin
leaves the old one in place. Drawing, posting and pinning can outlast the reply deadline, so the
command defers privately first; every failure is reported to the moderator, never swallowed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.utils import MISSING

from bot import embeds
from bot.answering import attach
from bot.answering.answers import as_text
from bot.answering.delivery import NO_MENTIONS
from bot.answering.dispatch import show_answer
from bot.commands._common import bot_of, complete
from bot.embed_basics import colour
from bot.pictures import Picture
from bot.server_defaults import defaults_for
from knowledge.answers import SummaryAnswer

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)

OLD_PINS_SCANNED = 50


def refused(exc: discord.HTTPException) -> str:
    """Discord's refusal in words, naming the permission when that was the reason."""
    if exc.code == 50013:
        return "Discord says I am missing a permission here (I need Pin Messages)"
    if exc.code == 30003:
        return "this channel already has the maximum number of pins (250)"
    return f"Discord answered {exc.status}: {exc.text or 'no reason given'}"


@app_commands.command(
    name="pin-summary",
    description="Moderators: post the council summary here and pin it, replacing the last one",
)
@app_commands.describe(election="Which election (default: the most recent)")
@app_commands.autocomplete(election=complete("election"))
@app_commands.guild_only()
@app_commands.default_permissions(manage_messages=True)
@app_commands.checks.has_permissions(manage_messages=True)
@app_commands.checks.bot_has_permissions(
    view_channel=True,
    send_messages=True,
    embed_links=True,
    read_message_history=True,
    pin_messages=True,
)
async def pin_summary(
    interaction: discord.Interaction[Any], election: app_commands.Range[str, 1, 100] | None = None
) -> None:
    bot = bot_of(interaction)
    election = (await defaults_for(interaction)).options(
        bot.store, "summary", as_text({"election": election})
    )["election"]
    answer, _ = bot.answers("summary", {"election": election})
    channel = interaction.channel
    if not isinstance(answer, SummaryAnswer):
        await show_answer(interaction, answer, "summary", {"election": election}, menu=False)
        return
    if not isinstance(channel, discord.abc.Messageable) or interaction.channel_id is None:
        await show_answer(interaction, answer, "summary", {"election": election})
        return
    await interaction.response.defer(ephemeral=True, thinking=True)
    picture = await attach.picture(answer) if interaction.app_permissions.attach_files else None
    async with bot.pin_locks[interaction.channel_id]:
        report = await _post_and_pin(bot, channel, answer, interaction.user, picture)
    await interaction.followup.send(embed=report, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def _post_and_pin(
    bot: ElectionBot,
    channel: discord.abc.Messageable,
    answer: SummaryAnswer,
    moderator: discord.abc.User,
    picture: Picture | None = None,
) -> discord.Embed:
    reason = f"/pin-summary by {moderator} ({moderator.id})"
    embed = embeds.pinned_summary(answer)
    files = attach.attach(embed, picture) or MISSING
    message = await channel.send(embed=embed, files=files, allowed_mentions=NO_MENTIONS)
    try:
        await message.pin(reason=reason)
    except discord.HTTPException as exc:
        log.warning(
            "Could not pin summary %s in %s: %s %s",
            message.id,
            message.channel.id,
            exc.status,
            exc.text,
        )
        return embeds.error(
            "Posted, but not pinned",
            f"I posted the summary but could not pin it: {refused(exc)}. "
            "The earlier pinned summary, if any, is still pinned.",
        )
    assert bot.user is not None
    unpinned, failures = 0, []
    async for old in channel.pins(limit=OLD_PINS_SCANNED):
        if old.id == message.id or not embeds.is_pinned_summary(old, bot.user.id):
            continue
        try:
            await old.unpin(reason=f"Replaced by a newer summary ({reason})")
            unpinned += 1
        except discord.HTTPException as exc:
            log.warning("Could not unpin old summary %s: %s %s", old.id, exc.status, exc.text)
            failures.append(refused(exc))
    if failures:
        return embeds.error(
            "Pinned, but the old summary is still pinned",
            f"The new summary is pinned, but I could not unpin the previous one: {failures[0]}.",
        )
    replaced = " It replaces the previously pinned summary." if unpinned else ""
    done = discord.Embed(
        title="Summary pinned",
        description=f"{answer.election.title} is pinned in this channel.{replaced}",
        colour=colour(answer.colour),
    )
    return done


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(pin_summary)
