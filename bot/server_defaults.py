"""What a server's settings change for one interaction: the default election and privacy.

Outside a server (a DM, a group DM, a user-installed app) there are no server settings: answers
are public to the people in that conversation and name their election, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import discord

from knowledge import ResultsStore
from knowledge.council_scope import Scope, apply_scope

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Defaults:
    """The server's default council or election, and whether its answers are private."""

    scope: Scope | None = None
    private: bool = False

    def options(
        self, store: ResultsStore, command: str, options: Mapping[str, str | None]
    ) -> dict[str, str | None]:
        """The command's options with the default election filled in when none was named."""
        return apply_scope(store, command, options, self.scope)


NONE = Defaults()


async def defaults_for(interaction: discord.Interaction[Any]) -> Defaults:
    """The defaults of the server the interaction came from; none outside a server.

    A database that cannot be read costs the defaults, never the answer (logged once per call).
    """
    bot = cast("ElectionBot", interaction.client)
    try:
        settings = await bot.guild_settings.get(interaction.guild_id)
    except Exception as exc:
        log.warning("Server settings unavailable for %s: %r", interaction.guild_id, exc)
        return NONE
    if settings is None:
        return NONE
    return Defaults(settings.default, settings.private)
