"""Fixtures that run the real discord.py client against the fake Discord on 127.0.0.1.

fake_discord   a started FakeDiscord; fails the test if the client called a route it lacks
error_logs     fails the test if anything logged at ERROR (call .expect() to allow one)
point_at_fake  points discord.py's REST base and gateway URL at the fake, restored afterwards
running_client an async context manager: start a client, wait for READY, close it afterwards
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl
from pydantic import SecretStr

from bot.client import ElectionBot
from bot.discord_app import configure_endpoints
from bot.settings import Settings
from knowledge import ResultsStore

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:  # the fake lives in tests/fake_discord, shared with benchmarks/
    sys.path.insert(0, str(TESTS))

from fake_discord import FakeDiscord, Session  # noqa: E402
from settings_backends import backend, database, postgres, settings_store  # noqa: E402, F401

READY_TIMEOUT = 10.0


class ErrorLogs(logging.Handler):
    """Collects ERROR records; a test that expects one says so with `expect`."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.expected: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def expect(self, fragment: str) -> None:
        """Allow (and require) one ERROR record whose message contains `fragment`."""
        self.expected.append(fragment)

    def unexpected(self) -> list[logging.LogRecord]:
        left = list(self.records)
        for fragment in self.expected:
            match = next((r for r in left if fragment in r.getMessage()), None)
            if match is None:
                pytest.fail(
                    f"expected an ERROR log containing {fragment!r}; got {self.describe(left)}"
                )
            left.remove(match)
        return left

    @staticmethod
    def describe(records: list[logging.LogRecord]) -> str:
        return (
            "\n".join(
                f"{r.name}: {r.getMessage()}"
                + (f"\n{logging.Formatter().formatException(r.exc_info)}" if r.exc_info else "")
                for r in records
            )
            or "none"
        )


@pytest.fixture(autouse=True)
def error_logs() -> Iterator[ErrorLogs]:
    """Any ERROR logged during a Discord test fails it, with the record and traceback shown."""
    handler = ErrorLogs()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    unexpected = handler.unexpected()
    if unexpected:
        pytest.fail("ERROR logged during the test:\n" + handler.describe(unexpected))


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A fake Discord on an ephemeral 127.0.0.1 port, stopped after the test."""
    fake = await FakeDiscord().start()
    try:
        yield fake
    finally:
        await fake.stop()
    unknown = fake.unknown_calls
    if unknown:
        pytest.fail(
            "the client called routes the fake does not serve: " + ", ".join(map(str, unknown))
        )


@pytest.fixture
def point_at_fake(fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> FakeDiscord:
    """discord.py's REST base and gateway at the fake; monkeypatch restores both afterwards."""
    monkeypatch.setattr(discord.http.Route, "BASE", fake_discord.api_base)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake_discord.gateway_url)
    )
    return fake_discord


@contextlib.asynccontextmanager
async def running_client(client: discord.Client, token: str) -> AsyncIterator[discord.Client]:
    """Start `client`, wait until READY (guilds received), and close it on the way out."""
    task = asyncio.create_task(client.start(token), name="discord-client")
    ready = asyncio.create_task(client.wait_until_ready())
    done, _ = await asyncio.wait(
        {task, ready}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
    )
    if ready not in done:
        ready.cancel()
        await client.close()
        if task in done:
            task.result()  # re-raise why the client stopped
        task.cancel()
        raise TimeoutError(f"the client was not ready within {READY_TIMEOUT}s")
    try:
        yield client
    finally:
        await client.close()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 5.0)


# ----- the real bot against the fake -----------------------------------------------------------

ROOT = TESTS.parent


@pytest.fixture(scope="session")
def derby_store() -> ResultsStore:
    """The shipped seed election (Derby 2002), loaded once."""
    return ResultsStore.load(ROOT / "data" / "elections", ROOT / "data" / "parties.toml")


class BotSession(Session):
    """A `Session` with the running `ElectionBot` at hand."""

    def __init__(self, fake: FakeDiscord, bot: ElectionBot) -> None:
        super().__init__(fake)
        self.bot = bot


StartBot = Callable[..., Awaitable[BotSession]]


@pytest.fixture
async def start_bot(
    point_at_fake: FakeDiscord, derby_store: ResultsStore
) -> AsyncIterator[StartBot]:
    """`await start_bot(store=...)`: the real ElectionBot, configured as `python -m bot` does,
    connected to the fake and synced to its guild. Closed after the test; every message it sent
    must have had mentions disabled."""
    fake = point_at_fake
    stack = contextlib.AsyncExitStack()

    async def start(store: ResultsStore | None = None, **options: Any) -> BotSession:
        settings = Settings(
            _env_file=None,
            discord_token=SecretStr(fake.world.token),
            discord_guild_id=fake.world.guild_id,
            discord_api_base=fake.api_base,
            discord_gateway_url=fake.gateway_url,
        )
        configure_endpoints(settings)
        options.setdefault("guild_ready_timeout", 0.01)
        bot = ElectionBot(store or derby_store, guild_id=settings.discord_guild_id, **options)
        await stack.enter_async_context(running_client(bot, fake.world.token))
        return BotSession(fake, bot)

    async with stack:
        yield start
    session = Session(fake)
    for body in session.message_bodies():
        assert body.get("allowed_mentions") == {"parse": []}, f"mentions not disabled in {body}"


@pytest.fixture
async def session(start_bot: StartBot) -> BotSession:
    """The bot with the seed election, ready to receive interactions."""
    return await start_bot()
