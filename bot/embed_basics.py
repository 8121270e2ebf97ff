"""The pieces every embed is built from: safe text, party colours, a clipped embed.

Shared by bot/embeds.py and the embeds of other answer families (history), so that neither
imports the other.
"""

from __future__ import annotations

import functools
import re

import discord
from discord.utils import escape_markdown, escape_mentions

from bot import limits

NEUTRAL = 0x808080


# Characters without which discord.py's escapers change nothing (markdown, quotes, mentions).
_RISKY = re.compile(r"[_\\~|*`@>#\[]|^\s*-", re.MULTILINE)


@functools.lru_cache(maxsize=4096)
def safe(text: str) -> str:
    """Text shown as typed: no mentions that could ping, no markdown that could restyle it.

    Cached, with a fast path for plain text: names repeat in every answer.
    """
    if not _RISKY.search(text):
        return text
    return escape_markdown(escape_mentions(text))


def colour(hex_colour: str | None) -> discord.Colour:
    """A party colour ("#E4003B") as a Discord colour; neutral grey when missing or malformed."""
    try:
        return discord.Colour(int((hex_colour or "").lstrip("#"), 16))
    except ValueError:
        return discord.Colour(NEUTRAL)


def new_embed(title: str, hex_colour: str | None, description: str = "") -> discord.Embed:
    """An embed whose title and description are already within Discord's limits."""
    return discord.Embed(
        title=limits.clip(title, limits.TITLE),
        colour=colour(hex_colour),
        description=limits.clip(description, limits.DESCRIPTION) or None,
    )
