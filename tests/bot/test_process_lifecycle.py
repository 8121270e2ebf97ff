"""`python -m bot` as its own process: what it says at start, and stopping on SIGTERM/SIGINT.

Broken documents are named (file and line) in the log at start. Stopping is quiet, prompt and
clean: Discord lists a bot offline at once only when its gateway closes with code 1000; in-flight
commands may finish for a short grace period, and none may end in a traceback.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from fake_discord import FakeDiscord, Session
from test_process import BotProcess, fake_settings

STOP_WITHIN = 5.0


@pytest.fixture
def processes() -> Iterator[list[BotProcess]]:
    """Bot processes started by the test, killed afterwards if still running."""
    started: list[BotProcess] = []
    yield started
    for process in started:
        process.kill()


async def started(
    fake: FakeDiscord, processes: list[BotProcess], data: Path = ROOT / "data" / "elections"
) -> BotProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "LOG_"))}
    env.update(PYTHONPATH=str(ROOT), ELECTIONS_DATA=str(data))
    env.update(fake_settings(fake, LOG_LEVEL="INFO"))
    process = BotProcess(env, (), ROOT / "tests")  # no .env there: only these settings
    processes.append(process)
    await process.start()
    await fake.wait_for(lambda: bool(fake.guild_commands()) and fake.gateway.connected, 20)
    return process


async def stop(process: BotProcess, sig: signal.Signals) -> tuple[int, float]:
    assert process.proc is not None
    began = time.monotonic()
    process.proc.send_signal(sig)
    code = await process.finish()
    return code, time.monotonic() - began


def assert_quiet_stop(process: BotProcess, fake: FakeDiscord, sig: signal.Signals) -> None:
    assert fake.gateway.close_codes[-1] == 1000
    assert "Traceback" not in process.stderr
    assert " ERROR " not in process.stderr
    assert "never retrieved" not in process.stderr
    stopped = [line for line in process.stderr.splitlines() if "Stopped on" in line]
    assert len(stopped) == 1 and sig.name in stopped[0], process.stderr[-2000:]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_closes_the_gateway_with_1000_and_exits_0(
    fake_discord: FakeDiscord, processes: list[BotProcess], sig: signal.Signals
) -> None:
    """SIGTERM or SIGINT: one log line, gateway closed with 1000, exit 0 within 5 s."""
    process = await started(fake_discord, processes)
    reply = await Session(fake_discord, timeout=10).slash("ward", name="Abbey")
    assert reply.embed["title"].startswith("Abbey")
    code, took = await stop(process, sig)
    assert code == 0 and took < STOP_WITHIN
    assert_quiet_stop(process, fake_discord, sig)


async def test_stopping_during_a_burst_is_quiet(
    fake_discord: FakeDiscord, processes: list[BotProcess]
) -> None:
    """SIGTERM while hundreds of commands are in flight: those that finish are answered, the
    rest are dropped without a traceback, and the process still exits 0 within 5 s."""
    fake = fake_discord
    fake.interactions.deadline = 60.0  # count slow answers as answers, not as expired
    process = await started(fake, processes)
    events = Session(fake).events
    payloads = [events.slash("ward", events.stranger(), name="Abbey") for _ in range(400)]
    records = [await fake.send_interaction(p) for p in payloads]
    await fake.wait_for(lambda: any(r.acknowledged for r in records), 20)
    code, took = await stop(process, signal.SIGTERM)
    assert code == 0 and took < STOP_WITHIN
    assert_quiet_stop(process, fake, signal.SIGTERM)
    await asyncio.sleep(0)
    assert any(r.answered.is_set() for r in records)


async def test_a_broken_document_is_logged_with_file_and_line_at_start(
    fake_discord: FakeDiscord, processes: list[BotProcess], tmp_path: Path
) -> None:
    """A corrupted document beside a good one: the bot answers from the good one, and its log
    names the bad file and line at start (a WARNING, not a traceback)."""
    for document in (ROOT / "data" / "elections").glob("*.txt"):
        shutil.copy(document, tmp_path)
    (tmp_path / "broken.txt").write_text("# Broken\n\nthis is not an election\n")
    process = await started(fake_discord, processes, tmp_path)
    reply = await Session(fake_discord, timeout=10).slash("ward", name="Abbey")
    assert reply.embed["title"].startswith("Abbey")
    await stop(process, signal.SIGTERM)
    problems = [line for line in process.stderr.splitlines() if "broken.txt" in line]
    assert len(problems) == 1, process.stderr[-2000:]
    assert " WARNING " in problems[0] and "broken.txt, line 1: missing title" in problems[0]
    assert "Traceback" not in process.stderr
