"""The command tree's single error path, the per-user cooldown, and the gate for new work.

Known failures (cooldowns, checks, missing permissions, Discord refusing a call) become a short
private reply; anything else is logged with its traceback and the user gets an apology. Whatever
happened, the interaction is answered, except when it cannot be: an interaction that expired or
a Discord outage is one WARNING line and no apology (it could not arrive).

Autocomplete always gets a list, empty when the request names no option to complete or one the
command does not complete (a stale schema): discord.py would otherwise leave it unanswered.
While the bot is stopping, new interactions are not taken.
"""

from __future__ import annotations

import logging
import math
import time
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot import embeds
from bot.answering.delivery import send_private, undeliverable

if TYPE_CHECKING:
    from bot.client import ElectionBot

log = logging.getLogger(__name__)

COOLDOWN_RATE = 5
COOLDOWN_PER = 10.0
APOLOGY = "Sorry, something went wrong answering that. It has been logged; please try again."


def permission_names(permissions: list[str]) -> str:
    """["manage_messages", "pin_messages"] -> "Manage Messages and Pin Messages"."""
    names = [p.replace("_", " ").replace("guild", "server").title() for p in permissions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def explain(error: app_commands.AppCommandError) -> tuple[str, str] | None:
    """A (title, text) the user can act on, or None when the error is unexpected."""
    if isinstance(error, app_commands.CommandOnCooldown):
        wait = max(1, math.ceil(error.retry_after))
        return "Slow down", f"You are asking quickly. Try again in {wait} s."
    if isinstance(error, app_commands.MissingPermissions):
        names = permission_names(error.missing_permissions)
        return "Not allowed", f"You need the {names} permission in this channel to do that."
    if isinstance(error, app_commands.BotMissingPermissions):
        names = permission_names(error.missing_permissions)
        return (
            "I'm missing a permission",
            f"I need the {names} permission in this channel. A server admin can grant it in the "
            "channel's settings (Permissions).",
        )
    if isinstance(error, app_commands.NoPrivateMessage):
        return "Server only", "This command works only in a server channel."
    if isinstance(error, app_commands.CheckFailure):
        return "Not allowed", "You can't use this command here."
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return (
            "Command out of date",
            "That command has changed since Discord last saw it. Please try again in a minute.",
        )
    if isinstance(error, app_commands.TransformerError):
        return "I couldn't read that", str(error)
    if isinstance(error, app_commands.CommandInvokeError) and isinstance(
        error.original, discord.Forbidden
    ):
        return "Discord refused", f"Discord refused the request: {error.original.text}."
    return None


class UserCooldowns:
    """At most `rate` commands per `per` seconds for each user, across all commands."""

    def __init__(self, rate: int = COOLDOWN_RATE, per: float = COOLDOWN_PER) -> None:
        self.rate, self.per = rate, per
        self._buckets: dict[int, app_commands.Cooldown] = {}
        self._swept = time.monotonic()

    def retry_after(self, user_id: int) -> tuple[app_commands.Cooldown, float] | None:
        now = time.monotonic()
        if now - self._swept > self.per * 10:
            self._buckets = {
                u: c for u, c in self._buckets.items() if c.get_tokens(now) < self.rate
            }
            self._swept = now
        bucket = self._buckets.get(user_id)
        if bucket is None:
            bucket = self._buckets[user_id] = app_commands.Cooldown(self.rate, self.per)
        wait = bucket.update_rate_limit(now)
        return (bucket, wait) if wait else None


class ElectionTree(app_commands.CommandTree["ElectionBot"]):
    """Adds the cooldown check and the one error handler to discord.py's command tree."""

    def __init__(self, client: ElectionBot, *, cooldowns: UserCooldowns | None = None) -> None:
        super().__init__(client)
        self.cooldowns = cooldowns or UserCooldowns()

    async def interaction_check(self, interaction: discord.Interaction[ElectionBot], /) -> bool:
        if not interaction.client.in_flight.admit():
            log.debug("Stopping: interaction %s not taken", interaction.id)
            return False
        if interaction.type is discord.InteractionType.autocomplete:
            return await self._completable(interaction)
        if interaction.type is discord.InteractionType.application_command:
            limited = self.cooldowns.retry_after(interaction.user.id)
            if limited is not None:
                raise app_commands.CommandOnCooldown(*limited)
        return True

    async def _completable(self, interaction: discord.Interaction[ElectionBot]) -> bool:
        """True when the focused option is one the command completes; else answer no choices."""
        command = interaction.command
        focused = focused_option(interaction.data)
        parameter = None
        if isinstance(command, app_commands.Command) and focused is not None:
            parameter = command.get_parameter(focused)
        if parameter is not None and parameter.autocomplete:
            return True
        log.info(
            "Autocomplete for /%s option %r answered with no choices: %s",
            command.qualified_name if command else "?",
            focused,
            "no focused option" if focused is None else "not an option it completes",
        )
        if not interaction.response.is_done():
            await interaction.response.autocomplete([])
        return False

    def _from_interaction(self, interaction: discord.Interaction[ElectionBot]) -> None:
        """As discord.py runs a command (errors to `on_error`), then timed and counted for the
        metrics (bot/metrics.py) once the outcome is known."""

        async def run() -> None:
            started = time.perf_counter()
            try:
                await self._call(interaction)
            except app_commands.AppCommandError as error:
                await self._dispatch_error(interaction, error)
            finally:
                self.client.metrics.observe(interaction, time.perf_counter() - started)

        self.client.loop.create_task(run(), name="CommandTree-invoker")

    async def on_error(
        self, interaction: discord.Interaction[ElectionBot], error: app_commands.AppCommandError, /
    ) -> None:
        if await self.undeliverable(interaction, error):
            return
        known = explain(error)
        interaction.extras["outcome"] = "error" if known is None else "refused"
        if known is None:
            await self.report_unexpected(interaction, error)
            return
        command = interaction.command.qualified_name if interaction.command else "?"
        log.info("/%s refused for user %s: %s", command, interaction.user.id, known[1])
        await send_private(interaction, embeds.error(*known))

    async def report_unexpected(
        self, interaction: discord.Interaction[Any], error: Exception
    ) -> None:
        """Log with the traceback, and apologise to the user."""
        if await self.undeliverable(interaction, error):
            return
        original = getattr(error, "original", error)
        command = interaction.command.qualified_name if interaction.command else "component"
        log.error(
            "Unexpected error in /%s (user %s, guild %s)",
            command,
            interaction.user.id,
            interaction.guild_id,
            exc_info=(type(original), original, original.__traceback__),
        )
        await send_private(interaction, embeds.error("Something went wrong", APOLOGY))

    async def undeliverable(self, interaction: discord.Interaction[Any], error: Exception) -> bool:
        """One WARNING line, and True, when no reply can reach the user anyway."""
        original = getattr(error, "original", error)
        reason = undeliverable(original)
        if reason is None:
            return False
        interaction.extras["outcome"] = "undelivered"
        command = interaction.command.qualified_name if interaction.command else "component"
        log.warning("No reply to /%s (interaction %s): %s", command, interaction.id, reason)
        return True


def focused_option(data: object) -> str | None:
    """The name of the option being typed in an autocomplete request, within subcommands."""
    options = data.get("options") if isinstance(data, dict) else None
    while isinstance(options, list):
        nested = None
        for option in options:
            if not isinstance(option, dict):
                continue
            if option.get("focused"):
                name = option.get("name")
                return name if isinstance(name, str) else None
            if option.get("type") in (1, 2):  # a subcommand (group): look inside
                nested = option.get("options")
        options = nested
    return None
