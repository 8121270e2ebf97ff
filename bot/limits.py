"""Discord's message limits, in one place, and the trimming that keeps us inside them.

Discord rejects an over-long message outright (400 Invalid Form Body), so every embed is fitted
here before it is sent: text is shortened with an ellipsis, lists stop early with a pointer to
the rest. The numbers are Discord's documented limits for embeds, components and choices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import discord

TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
CONTENT = 2000
CHOICES = 25
CHOICE_TEXT = 100
SELECT_OPTIONS = 25
SELECT_TEXT = 100
CUSTOM_ID = 100

ELLIPSIS = "…"
BLANK = "\u200b"  # Discord needs a non-empty field name; this one shows as nothing


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ending in an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if cut.endswith("\\"):  # never leave a dangling markdown escape before the ellipsis
        cut = cut[:-1]
    return cut + ELLIPSIS


def join_within(
    lines: Sequence[str], limit: int, more: str = "…and {n} more", hidden: int = 0
) -> str:
    """As many whole lines as fit in `limit`, then a pointer saying how many were left out.

    `more` is formatted with `n`, the number of lines left out, plus `hidden`: items already
    left out before these lines (so one pointer counts both).
    """
    kept: list[str] = []
    used = 0
    for line in lines:
        left_after = len(lines) - len(kept) - 1 + hidden
        tail = len(more.format(n=left_after)) + 1 if left_after else 0
        cost = len(line) + (1 if kept else 0)
        if used + cost + tail > limit:
            break
        kept.append(line)
        used += cost
    if len(kept) < len(lines) or hidden:
        kept.append(more.format(n=len(lines) - len(kept) + hidden))
    return clip("\n".join(kept), limit)


def fit(embed: discord.Embed, pointer: str = "Some rows were left out to fit.") -> discord.Embed:
    """Enforce every embed limit as a last line of defence; dropped fields leave a pointer."""
    if embed.title:
        embed.title = clip(embed.title, TITLE)
    if embed.description:
        embed.description = clip(embed.description, DESCRIPTION)
    if embed.author.name:
        embed.set_author(name=clip(embed.author.name, AUTHOR), url=embed.author.url)
    if embed.footer.text:
        embed.set_footer(text=clip(embed.footer.text, FOOTER))
    fields = [
        (clip(f.name or BLANK, FIELD_NAME), clip(f.value or BLANK, FIELD_VALUE), bool(f.inline))
        for f in embed.fields
    ]
    embed.clear_fields()
    for name, value, inline in fields[:FIELDS]:
        embed.add_field(name=name, value=value, inline=inline)
    dropped = len(fields) - len(embed.fields)
    while len(embed) > EMBED_TOTAL and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
        dropped += 1
    if len(embed) > EMBED_TOTAL and embed.description:
        over = len(embed) - EMBED_TOTAL
        embed.description = clip(embed.description, max(1, len(embed.description) - over))
    if dropped:
        note = clip(pointer, FIELD_VALUE)
        while embed.fields and (
            len(embed.fields) >= FIELDS or len(embed) + len(note) + 1 > EMBED_TOTAL
        ):
            embed.remove_field(len(embed.fields) - 1)
        if len(embed) + len(note) + 1 <= EMBED_TOTAL:
            embed.add_field(name=BLANK, value=note, inline=False)
    return embed


def choices(pairs: Iterable[tuple[str, str]]) -> list[discord.app_commands.Choice[str]]:
    """At most 25 autocomplete choices, names and values within 100 characters, no repeats."""
    out: list[discord.app_commands.Choice[str]] = []
    seen: set[str] = set()
    for name, value in pairs:
        value = value[:CHOICE_TEXT]
        if not name.strip() or not value.strip() or value in seen:
            continue
        seen.add(value)
        out.append(discord.app_commands.Choice(name=clip(name, CHOICE_TEXT), value=value))
        if len(out) == CHOICES:
            break
    return out
