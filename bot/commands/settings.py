"""/settings: a server's managers choose its default council or election, a log channel for
data problems and reloads, and whether answers are public or private by default.

With no option it shows the current settings. Every reply is private; a value that cannot be
used is refused with what would work instead, and nothing is saved.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands

from bot import embeds, limits
from bot.answering.delivery import NO_MENTIONS, send_private
from bot.commands._common import bot_of
from bot.guild_settings import GuildSettings, SettingsError
from knowledge.council_scope import Refused, choices, describe, parse_scope

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)

Answers = Literal["public", "private"]
Clear = Literal["council", "log channel"]
LOG_CHANNEL_NEEDS = ("view_channel", "send_messages", "embed_links")


async def complete_council(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Councils, then elections, from what is loaded."""
    return limits.choices(choices(bot_of(interaction).store, current))


@app_commands.command(
    name="settings",
    description="Server managers: default council, log channel, public or private answers",
)
@app_commands.describe(
    council="The council or election answers use when none is named (e.g. Derby)",
    log_channel="Where I report data problems and reloads",
    answers="Whether answers are public (everyone sees them) or private (only the asker)",
    clear="Remove the default council or the log channel",
)
@app_commands.autocomplete(council=complete_council)
@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
@app_commands.checks.has_permissions(manage_guild=True)
async def settings(
    interaction: discord.Interaction[Any],
    council: app_commands.Range[str, 1, 100] | None = None,
    log_channel: discord.TextChannel | None = None,
    answers: Answers | None = None,
    clear: Clear | None = None,
) -> None:
    bot = bot_of(interaction)
    assert interaction.guild_id is not None  # guild_only
    current = await bot.guild_settings.get(interaction.guild_id)
    assert current is not None
    if council is None and log_channel is None and answers is None and clear is None:
        await send_private(interaction, show(bot, current, "Settings for this server"))
        return
    refusal, changed = change(bot, interaction, current, council, log_channel, answers, clear)
    if refusal is not None:
        log.info("/settings refused in %s: %s", interaction.guild_id, refusal)
        await send_private(interaction, embeds.error("Not changed", refusal))
        return
    assert changed is not None
    if log_channel is not None:
        refusal = await announce(log_channel, interaction.user)
        if refusal:
            await send_private(interaction, embeds.error("Not changed", refusal))
            return
    await bot.guild_settings.save(changed)
    log.info(
        "Settings of server %s changed by %s: %s", changed.guild_id, interaction.user.id, changed
    )
    await send_private(interaction, show(bot, changed, "Settings saved"))


def change(
    bot: ElectionBot,
    interaction: discord.Interaction[Any],
    current: GuildSettings,
    council: str | None,
    log_channel: discord.TextChannel | None,
    answers: Answers | None,
    clear: Clear | None,
) -> tuple[str | None, GuildSettings | None]:
    """(why not, None) or (None, the new settings)."""
    if clear == "council" and council is not None:
        return "Choose a council or clear it, not both.", None
    if clear == "log channel" and log_channel is not None:
        return "Choose a log channel or clear it, not both.", None
    updated = current
    try:
        if council is not None:
            scope = parse_scope(bot.store, council)
            if isinstance(scope, Refused):
                return scope.message, None
            updated = updated.but(scope=str(scope))
        if clear == "council":
            updated = updated.but(scope=None)
        if log_channel is not None:
            problem = cannot_post(interaction, log_channel)
            if problem:
                return problem, None
            updated = updated.but(log_channel_id=log_channel.id)
        if clear == "log channel":
            updated = updated.but(log_channel_id=None)
        if answers is not None:
            updated = updated.but(private=answers == "private")
    except SettingsError as exc:
        return str(exc), None
    return None, updated


def cannot_post(interaction: discord.Interaction[Any], channel: discord.TextChannel) -> str:
    """Why the bot could not post reports in `channel` ("" when it can)."""
    guild = interaction.guild
    if guild is None or channel.guild.id != guild.id:
        return "The log channel must be a text channel of this server."
    me = guild.me
    if me is None:
        return "I am not a member of this server, so I cannot post reports here."
    allowed = channel.permissions_for(me)
    missing = [p for p in LOG_CHANNEL_NEEDS if not getattr(allowed, p)]
    if missing:
        names = ", ".join(p.replace("_", " ").title() for p in missing)
        return f"I cannot post in #{channel.name}: I need {names} there."
    return ""


async def announce(channel: discord.TextChannel, by: discord.abc.User) -> str:
    """Post a first note in the new log channel: it proves the bot can post there (the cached
    permissions may be stale). Why not, or "" when it could."""
    note = discord.Embed(
        title="Election bot reports",
        description="Problems in the election documents and reloads will be reported here "
        f"(chosen with /settings by {by.mention}).",
    )
    try:
        await channel.send(embed=note, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        return f"I cannot post in #{channel.name}: Discord refused ({exc.text or exc.status})."
    return ""


def show(bot: ElectionBot, settings: GuildSettings, title: str) -> discord.Embed:
    """The settings in words."""
    embed = discord.Embed(title=title, colour=discord.Colour.blurple())
    embed.add_field(
        name="Default council or election",
        value=describe(bot.store, settings.default),
        inline=False,
    )
    channel = f"<#{settings.log_channel_id}>" if settings.log_channel_id else "none"
    embed.add_field(name="Log channel", value=channel, inline=False)
    embed.add_field(
        name="Answers",
        value="private (only the asker sees them)"
        if settings.private
        else "public (everyone in the channel sees them)",
        inline=False,
    )
    embed.set_footer(text="Change with /settings council: log_channel: answers: clear:")
    return embed


def setup(bot: ElectionBot) -> None:
    bot.tree.add_command(settings)
