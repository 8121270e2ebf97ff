"""Embeds for the answers about a council across elections (see `bot.embeds`).

The description carries the same lines as the console's text (every comparison names its
elections); the footer cites the latest election the answer draws on.
"""

from __future__ import annotations

import discord

from bot import history_text, limits
from bot.embed_basics import new_embed, safe
from knowledge.history.answers import (
    CouncilHistoryAnswer,
    CouncillorsAnswer,
    LastTime,
    PartyHistoryAnswer,
    PersonHistoryAnswer,
    WardHistoryAnswer,
)
from knowledge.parties import NEUTRAL_COLOUR


def last_time_field(embed: discord.Embed, last: LastTime | None, note: str | None) -> None:
    """The "Last time" field under a ward or candidate result, when there is anything to say."""
    lines = history_text.last_time_lines(last, note)
    if lines:
        value = limits.join_within([safe(line) for line in lines], limits.FIELD_VALUE)
        embed.add_field(name="Last time", value=value, inline=False)


def _from_lines(lines: list[str], colour: str | None, citation: str) -> discord.Embed:
    title, *rest = lines
    while rest and not rest[0].strip():
        rest.pop(0)
    embed = new_embed(title, colour)
    embed.description = limits.join_within(
        [safe(line) if line.strip() else "" for line in rest],
        limits.DESCRIPTION - 100,
        "…and {n} more lines (use the console or a narrower question)",
    )
    embed.set_footer(text=citation)
    return embed


def ward_history(a: WardHistoryAnswer) -> discord.Embed:
    colour = a.holders[0].colour if a.holders else NEUTRAL_COLOUR
    return _from_lines(history_text.ward_history(a), colour, a.election.citation)


def person_history(a: PersonHistoryAnswer) -> discord.Embed:
    colour = a.rows[-1].colour if a.rows else NEUTRAL_COLOUR
    return _from_lines(history_text.person_history(a), colour, a.election.citation)


def party_history(a: PartyHistoryAnswer) -> discord.Embed:
    return _from_lines(history_text.party_history(a), a.colour, a.election.citation)


def council_history(a: CouncilHistoryAnswer) -> discord.Embed:
    last = a.composition[-1] if a.composition else None
    colour = last.parties[0].colour if last and last.control and last.parties else NEUTRAL_COLOUR
    return _from_lines(history_text.council_history(a), colour, a.election.citation)


def councillors(a: CouncillorsAnswer) -> discord.Embed:
    colour = a.holders[0].colour if a.holders else NEUTRAL_COLOUR
    return _from_lines(history_text.councillors(a), colour, a.election.citation)
