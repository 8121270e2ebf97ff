"""What every command module shares: the command specs, autocomplete, and answering."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands

from bot import limits
from bot.answering import dispatch
from bot.answering.answers import option_text
from knowledge import COMMANDS, CommandSpec, suggest
from knowledge.resolve import EntityKind

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)

SPECS: dict[str, CommandSpec] = {spec.name: spec for spec in COMMANDS}

Complete = Callable[
    [discord.Interaction[Any], str], Coroutine[Any, Any, list[app_commands.Choice[str]]]
]


def bot_of(interaction: discord.Interaction[Any]) -> ElectionBot:
    return cast("ElectionBot", interaction.client)


def descriptions(command: str) -> dict[str, str]:
    """Option descriptions from the shared spec, so /help, the console and Discord agree."""
    return {option.name: option.description for option in SPECS[command].options}


def complete(kind: EntityKind) -> Complete:
    """An autocomplete callback for names of `kind`, from memory, useful on empty input.

    Names are narrowed to the election already chosen in the same command, if any.
    """

    async def callback(
        interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        election = getattr(interaction.namespace, "election", None) if kind != "election" else None
        typed = option_text(current) or ""  # untrusted: not always the text it should be
        try:
            found = suggest(bot_of(interaction).store, kind, typed, option_text(election))
        except Exception:  # autocomplete cannot report errors: log it and offer nothing
            log.exception("Autocomplete for %s failed on %r", kind, current)
            return []
        return limits.choices((s.label, s.value) for s in found)

    callback.__name__ = f"complete_{kind}"
    return callback


async def answer(interaction: discord.Interaction[Any], command: str, **options: Any) -> None:
    """Resolve the typed text again (autocomplete is optional), answer, and reply (the server's
    default election and privacy apply)."""
    await dispatch.reply(interaction, command, options)
