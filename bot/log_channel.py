"""Reports to a server's log channel (set with /settings): data problems and reloads.

Documents that failed to load, and warnings about ones that loaded, are posted at start-up (and
after a reload) to every server of this process that chose a log channel, so a moderator learns
of a broken file without reading the bot's logs. A channel the bot can no longer post in costs a
WARNING, never the start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord

from bot import limits
from bot.answering.delivery import NO_MENTIONS
from bot.load_report import load_problems
from knowledge import ResultsStore

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)

LINES_MAX = 20


def problems(store: ResultsStore) -> list[str]:
    """Every load error and warning, each naming its file and line (`bot.load_report`)."""
    return [str(problem) for problem in load_problems(store)]


def report(title: str, lines: Sequence[str], elections: int) -> discord.Embed:
    """The report: how many elections are loaded, then the problems (trimmed to fit)."""
    colour = discord.Colour.orange() if lines else discord.Colour.green()
    embed = discord.Embed(title=title, colour=colour)
    head = f"{elections} election(s) loaded."
    if not lines:
        embed.description = head + " No problems in the documents."
        return embed
    shown = [f"• {limits.clip(line, 300)}" for line in lines[:LINES_MAX]]
    if len(lines) > LINES_MAX:
        shown.append(f"…and {len(lines) - LINES_MAX} more (see the bot's log).")
    embed.description = limits.join_within([head, *shown], 3500, "…and {n} more")
    return embed


async def send_report(bot: ElectionBot, title: str, *, only_problems: bool = True) -> int:
    """Post the load report to the log channel of every server this process serves that has
    one; returns how many were sent. With `only_problems`, nothing is sent when all is well."""
    lines = problems(bot.store)
    if only_problems and not lines:
        return 0
    try:
        targets = await bot.guild_settings.with_log_channel()
    except Exception as exc:
        log.warning("Could not read the log channels: %r", exc)
        return 0
    embed = report(title, lines, len(bot.store.elections))
    sent = 0
    for settings in targets:
        if bot.get_guild(settings.guild_id) is None or settings.log_channel_id is None:
            continue  # another shard's server, or one the bot has left
        channel = bot.get_channel(settings.log_channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning(
                "Log channel %s of server %s not found", settings.log_channel_id, settings.guild_id
            )
            continue
        try:
            await channel.send(embed=embed, allowed_mentions=NO_MENTIONS)
            sent += 1
        except discord.HTTPException as exc:
            log.warning(
                "Could not post to the log channel %s of server %s: %s %s",
                settings.log_channel_id,
                settings.guild_id,
                exc.status,
                exc.text,
            )
    return sent
