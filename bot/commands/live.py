"""/live start|status|stop: moderators have the bot follow an election count in a channel.

Thin: the commands read their options and hand them to the bot's `NightDesk`
(`bot.night.follow`), which polls, posts and pins. Every reply is private to the moderator; the
results channel sees only results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot import embeds, limits
from bot.answering.delivery import NO_MENTIONS
from bot.commands._common import bot_of
from bot.embed_basics import colour, safe
from bot.night.follow import NightDesk, Run

if TYPE_CHECKING:
    from bot.client import ElectionBot

live = app_commands.Group(
    name="live",
    description="Moderators: follow an election count live, posting each result as it declares",
    guild_only=True,
    default_permissions=discord.Permissions(manage_messages=True),
)


def _moderator(interaction: discord.Interaction[Any]) -> bool:
    """Manage Server or Manage Messages, either will do."""
    permissions = interaction.permissions
    if permissions.manage_guild or permissions.manage_messages:
        return True
    raise app_commands.MissingPermissions(["manage_messages"])


def _desk(interaction: discord.Interaction[Any]) -> NightDesk | None:
    return getattr(bot_of(interaction), "night", None)


async def _private(interaction: discord.Interaction[Any], embed: discord.Embed) -> None:
    await interaction.response.send_message(
        embed=limits.fit(embed), ephemeral=True, allowed_mentions=NO_MENTIONS
    )


NOT_SET_UP = embeds.error(
    "Election night is not set up",
    "This bot was started without election night (a test or tool configuration).",
)


async def complete_election(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Followed elections first, then the loaded elections' ids, matching what is typed."""
    bot = bot_of(interaction)
    desk = _desk(interaction)
    typed = current.strip().lower()
    pairs: list[tuple[str, str]] = []
    if desk is not None and interaction.guild_id is not None:
        pairs += [
            (f"{run.followed.title} (followed)", run.follow.election_id)
            for run in desk.status(interaction.guild_id)
        ]
    pairs += [(f"{e.title} ({e.id})", e.id) for e in reversed(bot.store.catalog)]
    if typed:
        pairs = [p for p in pairs if typed in p[0].lower() or typed in p[1].lower()]
        if "." in typed and all(typed != value for _, value in pairs):
            pairs.insert(0, (f"Democracy Club: {current.strip()}", current.strip()))
    return limits.choices(pairs)


@live.command(name="start", description="Follow an election's count in a channel")
@app_commands.describe(
    election="A Democracy Club election id (local.derby.2026-05-07) or a loaded election",
    channel="Where to post the results (default: this channel)",
)
@app_commands.autocomplete(election=complete_election)
@app_commands.check(_moderator)
async def start(
    interaction: discord.Interaction[Any],
    election: app_commands.Range[str, 1, 100],
    channel: discord.TextChannel | None = None,
) -> None:
    desk = _desk(interaction)
    if desk is None or interaction.guild_id is None:
        await _private(interaction, NOT_SET_UP)
        return
    election = election.strip()
    if not desk.is_known(election):
        await _private(
            interaction,
            embeds.error(
                "Unknown election",
                f"`{safe(election)}` is neither a Democracy Club election id (such as "
                "`local.derby.2026-05-07`) nor a loaded election.",
            ),
        )
        return
    channel_id = channel.id if channel is not None else interaction.channel_id
    assert channel_id is not None
    follow = await desk.start(interaction.guild_id, channel_id, interaction.user.id, election)
    run = desk.runs.get((follow.guild_id, follow.election_id))
    title = run.followed.title if run else election
    await _private(
        interaction,
        discord.Embed(
            title="Following the count",
            description=f"{safe(title)} (`{safe(election)}`): each result will be "
            f"posted in <#{channel_id}> as it declares, with one pinned summary kept up to date. "
            "`/live status` shows progress; `/live stop` ends it.",
            colour=colour("#2E8B57"),
        ),
    )


def _status_line(run: Run) -> str:
    status = run.source.status
    last = f"<t:{int(status.last_poll.timestamp())}:R>" if status.last_poll else "not yet"
    declared = f"{len(run.followed.declared)} of {run.followed.total_contests} contests declared"
    line = f"**{safe(run.followed.title)}** in <#{run.follow.channel_id}>: {declared}; "
    line += f"last poll {last}"
    if status.last_error:
        line += f"\n⚠️ Source: {safe(status.last_error)}"
        if status.consecutive_errors > 1:
            line += f" ({status.consecutive_errors} times in a row)"
    elif run.problem:
        line += f"\n⚠️ Source: {safe(run.problem)}"
    if run.problem_since:
        line += f" (in trouble since <t:{int(run.problem_since.timestamp())}:R>)"
    if run.unreadable:
        line += f"\n⚠️ {len(run.unreadable)} result(s) from the source could not be read"
    if run.poster.discord_error:
        line += f"\n⚠️ Posting: {safe(run.poster.discord_error)}"
    return line


@live.command(name="status", description="What is being followed, the last poll and any errors")
@app_commands.check(_moderator)
async def status(interaction: discord.Interaction[Any]) -> None:
    desk = _desk(interaction)
    if desk is None or interaction.guild_id is None:
        await _private(interaction, NOT_SET_UP)
        return
    runs = desk.status(interaction.guild_id)
    text = "\n\n".join(_status_line(run) for run in runs) or "No count is being followed."
    await _private(
        interaction,
        discord.Embed(title="Election night", description=text, colour=colour("#2E8B57")),
    )


@live.command(name="stop", description="Stop following an election's count")
@app_commands.describe(election="The followed election")
@app_commands.autocomplete(election=complete_election)
@app_commands.check(_moderator)
async def stop(
    interaction: discord.Interaction[Any], election: app_commands.Range[str, 1, 100]
) -> None:
    desk = _desk(interaction)
    if desk is None or interaction.guild_id is None:
        await _private(interaction, NOT_SET_UP)
        return
    stopped = await desk.stop(interaction.guild_id, election.strip())
    text = (
        f"Stopped following `{safe(election)}`. The posted results and the pin stay."
        if stopped
        else f"`{safe(election)}` was not being followed."
    )
    await _private(
        interaction, discord.Embed(title="Election night", description=text, colour=0x808080)
    )


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(live)
