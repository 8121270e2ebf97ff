"""`python -m bot` as a separate process against the fake: start, answer, stop, fail clearly."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from fake_discord import FakeDiscord, Session

START_TIMEOUT = 30.0


class BotProcess:
    """`python -m bot ARGS` with the given settings in its environment, output captured."""

    def __init__(self, env: dict[str, str], args: tuple[str, ...], cwd: Path) -> None:
        self.env, self.args, self.cwd = env, args, cwd
        self.proc: asyncio.subprocess.Process | None = None
        self.stdout = self.stderr = ""

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            *self.args,
            cwd=self.cwd,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )

    async def finish(self, timeout: float = START_TIMEOUT) -> int:
        assert self.proc is not None
        out, err = await asyncio.wait_for(self.proc.communicate(), timeout)
        self.stdout, self.stderr = out.decode(), err.decode()
        assert self.proc.returncode is not None
        return self.proc.returncode

    def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()


@pytest.fixture
def run_bot(tmp_path: Path) -> object:
    """Build a `BotProcess` whose environment holds only the given settings (no stray .env)."""
    started: list[BotProcess] = []

    def make(*args: str, **settings: str) -> BotProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "LOG_"))}
        env["PYTHONPATH"] = str(ROOT)
        env["ELECTIONS_DATA"] = str(ROOT / "data" / "elections")
        env["SETTINGS_DB_PATH"] = str(tmp_path / "guild-settings.sqlite3")
        for name in ("DATABASE_URL", "SHARD_COUNT", "SHARD_IDS", "METRICS_PORT", "LOG_FORMAT"):
            env.pop(name, None)
        env.update(settings)
        process = BotProcess(env, args, tmp_path)
        started.append(process)
        return process

    yield make
    for process in started:
        process.kill()


def fake_settings(fake: FakeDiscord, **overrides: str) -> dict[str, str]:
    settings = {
        "DISCORD_TOKEN": fake.world.token,
        "DISCORD_GUILD_ID": str(fake.world.guild_id),
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "LOG_LEVEL": "DEBUG",
    }
    settings.update(overrides)
    return settings


def one_sentence_failure(process: BotProcess, code: int, secret: str) -> str:
    """The process failed with one line on stderr, no traceback, and no token anywhere."""
    assert code != 0
    assert "Traceback" not in process.stderr
    assert secret not in process.stdout + process.stderr
    last = process.stderr.strip().splitlines()[-1]
    assert last.endswith("."), last
    return last


async def test_python_m_bot_connects_syncs_answers_and_stops(
    fake_discord: FakeDiscord, run_bot: object
) -> None:
    """The real entry point syncs to the guild, answers a slash command and stops on SIGTERM."""
    fake = fake_discord
    process = run_bot(**fake_settings(fake))  # type: ignore[operator]
    await process.start()
    try:
        await fake.wait_for(lambda: bool(fake.guild_commands()) and fake.gateway.connected, 20)
        reply = await Session(fake, timeout=10).slash("ward", name="Abbey")
        assert reply.embed["title"].startswith("Abbey")
    finally:
        if process.proc.returncode is None:
            process.proc.send_signal(signal.SIGTERM)
    assert await process.finish() == 0
    assert fake.world.token not in process.stdout + process.stderr
    assert " ERROR " not in process.stderr and "Traceback" not in process.stderr
    assert fake.global_commands() == []  # global registration is only done on purpose


async def test_python_m_bot_sync_registers_globally_and_clears_the_dev_copy(
    fake_discord: FakeDiscord, run_bot: object
) -> None:
    """`python -m bot sync` registers the commands globally and, with DISCORD_GUILD_ID set,
    removes that server's development copies so nothing shows twice."""
    fake_discord.commands[fake_discord.world.guild_id] = [{"name": "ward", "type": 1, "id": "1"}]
    process = run_bot("sync", **fake_settings(fake_discord))  # type: ignore[operator]
    await process.start()
    assert await process.finish() == 0
    # issue 12: /settings; issue 11: /history, /councillors; issue 9: /reload
    assert "Registered 14 slash commands globally" in process.stdout
    assert "and 1 message command (Look up in results)" in process.stdout
    assert "Removed the development copies" in process.stdout
    assert {c["name"] for c in fake_discord.global_commands()} >= {"ward", "pin-summary"}
    assert fake_discord.guild_commands() == []
    assert not fake_discord.gateway.connections


async def test_bad_token_gives_one_sentence_and_a_failure_code(
    fake_discord: FakeDiscord, run_bot: object
) -> None:
    """A token Discord rejects: one clear sentence, exit code 1, no traceback, no token shown."""
    bad = "bad.token.value"
    process = run_bot(**fake_settings(fake_discord, DISCORD_TOKEN=bad))  # type: ignore[operator]
    await process.start()
    code = await process.finish()
    assert "rejected the bot token" in one_sentence_failure(process, code, bad)


async def test_unreachable_discord_gives_one_sentence(run_bot: object) -> None:
    """Nothing listening at the API address: one clear sentence and a failure code."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = {
        "DISCORD_TOKEN": "some.token.value",
        "DISCORD_API_BASE": f"http://127.0.0.1:{port}/api/v10",
        "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{port}/gateway",
    }
    process = run_bot(**settings)  # type: ignore[operator]
    await process.start()
    code = await process.finish()
    assert "Could not reach Discord" in one_sentence_failure(process, code, "some.token.value")


async def test_refused_intent_gives_one_sentence(
    fake_discord: FakeDiscord, run_bot: object
) -> None:
    """Discord closing the gateway for a privileged intent: one sentence naming the fix."""
    fake_discord.gateway.close_on_identify = 4014
    process = run_bot(**fake_settings(fake_discord))  # type: ignore[operator]
    await process.start()
    code = await process.finish()
    sentence = one_sentence_failure(process, code, fake_discord.world.token)
    assert "Privileged Gateway Intents" in sentence


async def test_guild_without_the_bot_gives_one_sentence(
    fake_discord: FakeDiscord, run_bot: object
) -> None:
    """DISCORD_GUILD_ID for a server the bot is not in: the sentence says how to fix it."""
    settings = fake_settings(fake_discord, DISCORD_GUILD_ID="42")
    process = run_bot(**settings)  # type: ignore[operator]
    await process.start()
    code = await process.finish()
    sentence = one_sentence_failure(process, code, fake_discord.world.token)
    assert "applications.commands" in sentence


async def test_metrics_on_loopback_and_json_logs(
    fake_discord: FakeDiscord, run_bot: object
) -> None:
    """METRICS_PORT serves Prometheus metrics on 127.0.0.1 (answers counted by command and
    outcome, latency, elections loaded); LOG_FORMAT=json makes every log line a JSON object."""
    import json
    import socket

    import aiohttp

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    fake = fake_discord
    settings = fake_settings(fake, METRICS_PORT=str(port), LOG_FORMAT="json", LOG_LEVEL="INFO")
    process = run_bot(**settings)  # type: ignore[operator]
    await process.start()
    try:
        await fake.wait_for(lambda: bool(fake.guild_commands()) and fake.gateway.connected, 20)
        session = Session(fake, timeout=10)
        await session.slash("ward", name="Abbey")
        await session.slash("ward", name="Zzyzx")
        counted = 'election_bot_answer_seconds_count{command="ward"} 2.0'
        text = ""
        async with aiohttp.ClientSession() as http:
            for _ in range(100):  # the count follows the reply; READY waits for the servers
                async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
                    assert response.status == 200
                    text = await response.text()
                if counted in text and "election_bot_ready 1.0" in text:
                    break
                await asyncio.sleep(0.1)
    finally:
        if process.proc.returncode is None:
            process.proc.send_signal(signal.SIGTERM)
    assert await process.finish() == 0
    assert 'election_bot_interactions_total{command="ward",kind="command",outcome="ok"} 2.0' in text
    assert counted in text
    assert "election_bot_elections_loaded 1.0" in text
    assert "election_bot_load_errors 0.0" in text
    assert "election_bot_gateway_latency_seconds" in text
    assert "election_bot_ready 1.0" in text
    lines = [line for line in process.stderr.splitlines() if line.strip()]
    assert lines
    for line in lines:
        entry = json.loads(line)
        assert {"time", "level", "logger", "message"} <= set(entry)


async def test_an_unreachable_settings_database_is_one_sentence_without_the_password(
    fake_discord: FakeDiscord, run_bot: object
) -> None:
    """DATABASE_URL pointing nowhere: exit 1, one line, the password never printed."""
    url = "postgresql://bot:sekrit-pw@127.0.0.1:1/settings"
    process = run_bot(**fake_settings(fake_discord, DATABASE_URL=url))  # type: ignore[operator]
    await process.start()
    code = await process.finish()
    assert code == 1 and "Traceback" not in process.stderr
    assert "sekrit-pw" not in process.stdout + process.stderr
    assert process.stderr.strip().splitlines()[-1].startswith("Could not start:")
