"""Clickable command mentions: `</ward:ID>` instead of `/ward`, in /help and in "try" examples.

Discord turns `</name:id>` into a link that fills the command in, but only with the id Discord
gave the command, which the bot learns when it syncs (or fetches) its commands. Until then, or
for a name it has no id for, the plain `/ward` text stays: a link that points nowhere is worse.
Examples are written in code spans (`` `/ward Littleover` ``); a mention cannot live inside one,
so it becomes `</ward:ID>` followed by the rest in a code span.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands

_SPAN = re.compile(r"`/(?P<name>[a-z][a-z0-9_-]*)(?P<rest>(?: [^`]*)?)`")


class CommandLinks:
    """Command name -> the id Discord gave it; renders mentions from them."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def remember(self, commands: Iterable[app_commands.AppCommand]) -> None:
        """Keep the ids of synced chat-input commands (context-menu commands have no mention)."""
        for command in commands:
            if command.type is discord.AppCommandType.chat_input:
                self.ids[command.name] = command.id

    def mention(self, name: str) -> str:
        """`</ward:ID>`, or `/ward` when the id is not known."""
        found = self.ids.get(name)
        return f"</{name}:{found}>" if found else f"/{name}"

    def text(self, text: str) -> str:
        """Code spans that start with a known command become a mention plus the rest."""

        def replace(match: re.Match[str]) -> str:
            name, rest = match["name"], match["rest"].strip()
            if name not in self.ids:
                return match.group(0)
            return self.mention(name) + (f" `{rest}`" if rest else "")

        return _SPAN.sub(replace, text) if self.ids else text

    def embed(self, embed: discord.Embed) -> discord.Embed:
        """A copy of `embed` with command examples as mentions (the original is left alone:
        it may be a cached answer's)."""
        if not self.ids:
            return embed
        data: dict[str, Any] = copy.deepcopy(dict(embed.to_dict()))
        if "description" in data:
            data["description"] = self.text(data["description"])
        for field in data.get("fields", []):
            field["value"] = self.text(field["value"])
        return discord.Embed.from_dict(data)
