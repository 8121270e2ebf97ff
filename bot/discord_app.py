"""Running on Discord: `python -m bot` with a token, and `python -m bot sync`.

`bot.__main__` imports this lazily, so the offline console never imports discord.py. Every
start-up failure (bad token, missing intent, Discord unreachable, commands refused) becomes one
sentence on stderr and exit code 1, never a traceback. The token is only ever handed to
discord.py; it is not logged or printed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Callable, Coroutine
from typing import Any

import aiohttp
import discord
import yarl

from bot.client import ElectionBot
from bot.night.follow import night_config
from bot.settings import Settings
from knowledge import ResultsStore

log = logging.getLogger(__name__)

Job = Callable[[ElectionBot, str], Coroutine[Any, Any, int]]


def configure_endpoints(settings: Settings) -> None:
    """Send REST calls and the gateway elsewhere (a proxy, or the fake Discord in tests).

    discord.py has no option for this, so its class-level defaults are set before login.
    """
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


def run_discord(settings: Settings, store: ResultsStore, **client_options: Any) -> int:
    """Connect and answer until stopped (Ctrl+C or SIGTERM); returns the exit code."""
    client_options.setdefault("watch_data", True)
    client_options.setdefault("night", night_config(settings))
    return _run(settings, store, _serve, sync_guild=True, **client_options)


def sync_global(settings: Settings, store: ResultsStore, **client_options: Any) -> int:
    """Register the slash commands globally, once, then exit; returns the exit code."""
    return _run(settings, store, _sync, sync_guild=False, **client_options)


def _run(
    settings: Settings, store: ResultsStore, job: Job, *, sync_guild: bool, **client_options: Any
) -> int:
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(
            "DISCORD_TOKEN is not set: put the bot token in .env or the environment.",
            file=sys.stderr,
        )
        return 1
    configure_endpoints(settings)
    try:
        bot = make_bot(settings, store, sync_guild=sync_guild, **client_options)
    except Exception as exc:  # a bad shard setting, or the settings database unreachable
        said = " ".join(redacted(str(exc), settings).split())  # drivers write several lines
        print(f"Could not start: {said}", file=sys.stderr)
        return 1
    token = settings.discord_token.get_secret_value().strip()
    if settings.metrics_port is not None and job is _serve:
        try:
            bot.metrics.serve(settings.metrics_port)
        except OSError as exc:
            print(
                f"Could not serve metrics on port {settings.metrics_port}: {exc}", file=sys.stderr
            )
            return 1
    try:
        return asyncio.run(job(bot, token))
    except KeyboardInterrupt:
        return 0
    except Exception as exc:
        sentence = explain_failure(exc, settings)
        if sentence is None:
            raise
        log.debug("Start-up failure: %r", exc)
        print(sentence, file=sys.stderr)
        return 1


def redacted(text: str, settings: Settings) -> str:
    """`text` without DATABASE_URL's password (a driver's error may quote the URL)."""
    url = settings.database_url_value
    if not url:
        return text
    password = yarl.URL(url).password
    text = text.replace(url, "DATABASE_URL")
    return text.replace(password, "***") if password else text


def make_bot(
    settings: Settings, store: ResultsStore, *, sync_guild: bool, **client_options: Any
) -> ElectionBot:
    """The bot as configured: sharded or not, with its server-settings database."""
    from bot.guild_settings import GuildSettingsService, open_store
    from bot.sharding import build_bot

    shard_count, shard_ids = settings.shards
    if shard_ids is not None and not settings.database_url_value:
        log.warning(
            "SHARD_IDS is set but DATABASE_URL is not: this process keeps its own server "
            "settings in %s, not shared with the other shard processes",
            settings.settings_db_path,
        )
    service = GuildSettingsService(
        open_store(settings.settings_db_path, settings.database_url_value),
        grace_days=settings.settings_grace_days,
    )
    return build_bot(
        store,
        shard_count=shard_count,
        shard_ids=shard_ids,
        sharded=settings.sharded,
        guild_id=settings.discord_guild_id,
        sync_guild=sync_guild,
        guild_settings=service,
        **client_options,
    )


STOP_GRACE = 2.0
"""Seconds in-flight interactions get to finish once a stop is asked for (exit within 5 s)."""


async def _serve(bot: ElectionBot, token: str) -> int:
    stop = asyncio.Event()
    signals: list[str] = []
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(sig, _on_signal, stop, signals, sig.name)
    async with bot:
        runner = asyncio.create_task(bot.start(token), name="discord")
        stopper = asyncio.create_task(stop.wait(), name="stop-signal")
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            stopper.cancel()
            runner.result()  # re-raises why the client stopped
            return 0
        await _stop(bot, runner, signals[0] if signals else "a stop request")
    return 0


def _on_signal(stop: asyncio.Event, signals: list[str], name: str) -> None:
    signals.append(name)
    stop.set()


async def _stop(bot: ElectionBot, runner: asyncio.Task[None], why: str) -> None:
    """Stop taking interactions, let those in flight finish (briefly), then close with 1000.

    The task running `start()` is cancelled before `close()`: otherwise its gateway reader sees
    the socket closing first and closes with 4000 (resumable), and Discord keeps the bot listed
    online for a while (discord.py issue 6719).
    """
    drained = await bot.in_flight.drain(STOP_GRACE)
    runner.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await runner
    await bot.close()
    log.info(
        "Stopped on %s: %d in-flight interaction(s) finished, %d cut short; Discord connection "
        "closed",
        why,
        drained.finished,
        drained.cancelled,
    )


async def _sync(bot: ElectionBot, token: str) -> int:
    """Register globally; with DISCORD_GUILD_ID, also remove that server's development copies,
    which would otherwise show every command twice there."""
    async with bot:
        await bot.login(token)
        synced = await bot.tree.sync()
        slash = [c.name for c in synced if c.type is discord.AppCommandType.chat_input]
        menus = [c.name for c in synced if c.type is not discord.AppCommandType.chat_input]
        names = ", ".join(f"/{name}" for name in slash)
        also = f" and {len(menus)} message command ({', '.join(menus)})" if menus else ""
        print(f"Registered {len(slash)} slash commands globally: {names}{also}.")
        if bot.guild_id is not None:
            guild = discord.Object(bot.guild_id)
            bot.tree.clear_commands(guild=guild)
            await bot.tree.sync(guild=guild)
            print(f"Removed the development copies from server {bot.guild_id}.")
    return 0


def explain_failure(exc: BaseException, settings: Settings) -> str | None:
    """One sentence for a failure the user can fix; None for a bug (which keeps its traceback)."""
    host = yarl.URL(discord.http.Route.BASE).host or "discord.com"
    if isinstance(exc, discord.LoginFailure):
        return (
            "Discord rejected the bot token (DISCORD_TOKEN): copy a fresh one from the Developer "
            "Portal (your application -> Bot -> Reset Token) into .env."
        )
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return (
            "Discord refused the connection because the bot asked for a privileged intent that is "
            "not enabled in the Developer Portal (Bot -> Privileged Gateway Intents)."
        )
    if isinstance(exc, discord.app_commands.CommandSyncFailure):
        return f"Discord rejected the slash command definitions: {exc}"
    if isinstance(exc, discord.Forbidden) and exc.code == 50001:
        where = f"server {settings.discord_guild_id}" if settings.discord_guild_id else "Discord"
        return (
            f"Could not register the slash commands in {where}: the bot is not in that server or "
            "was invited without the applications.commands scope (see docs/discord.md)."
        )
    if isinstance(exc, discord.ConnectionClosed):
        if exc.code == 4004:
            return "Discord closed the connection: the token was not accepted (DISCORD_TOKEN)."
        reason = exc.reason or "no reason given"
        return f"Discord closed the gateway connection (code {exc.code}): {reason}."
    if isinstance(exc, discord.GatewayNotFound):
        return "Discord's gateway could not be found; Discord may be down. Try again later."
    if isinstance(exc, discord.DiscordServerError):
        return f"Discord is having problems (HTTP {exc.status}); try again later."
    if isinstance(exc, discord.HTTPException):
        reason = exc.text or "no reason given"
        return f"Discord refused a start-up request (HTTP {exc.status}): {reason}."
    if isinstance(exc, aiohttp.ClientError | OSError | TimeoutError):
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        hint = " and DISCORD_API_BASE" if settings.discord_api_base else ""
        return f"Could not reach Discord at {host} ({reason}); check the network connection{hint}."
    return None
