"""Slash interactions per second through the real discord.py client and the fake Discord.

Two bots are measured in the same run, each as its own process against the fake Discord, which
runs in this process: a bare discord.py bot that answers a fixed embed with a fixed picture, and
our bot started as `python -m bot`. The fixed embed and PNG are copies of our bot's answer and
ward chart (the same multipart upload on the wire), so the comparison measures our bot's own work:
resolving, answering, rendering, checks, finding the picture. Our bot draws the chart once, in the
warm-up burst; the measured bursts get it from the picture cache, as repeated questions do.

Each bot gets bursts of INTERACTION_CREATE events (`/ward name:Abbey`, from many different
members, so our per-user cooldown does not apply) and the fake records when each reply arrives.
Printed: interactions per second over a burst, and p50/p99 latency from sending INTERACTION_CREATE
to receiving the interaction callback. Our bot should stay within 1.5x of the bare bot's time
(`--check` makes that the exit code).

    python benchmarks/discord_throughput.py [--burst 500] [--rounds 3] [--check]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import io
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5
READY_TIMEOUT = 30.0


@dataclass
class Round:
    bot: str
    count: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        return self.count / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def fake_discord() -> Any:
    """The fake lives with the tests (tests/fake_discord); import it without packaging it."""
    sys.path.insert(0, str(ROOT / "tests"))
    return importlib.import_module("fake_discord")


# ----- the bare bot (run in its own process with --serve-bare) ----------------------------------


def serve_bare() -> None:
    """A bare discord.py bot: one /ward command answering a fixed embed and picture."""
    import discord
    import yarl
    from discord import app_commands

    discord.http.Route.BASE = os.environ["DISCORD_API_BASE"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])
    guild = discord.Object(int(os.environ["DISCORD_GUILD_ID"]))
    embed = discord.Embed.from_dict(json.loads(os.environ["BARE_EMBED"]))
    picture = json.loads(os.environ["BARE_PICTURE"])
    png = Path(picture["path"]).read_bytes()

    class Bare(discord.Client):
        def __init__(self) -> None:
            super().__init__(intents=discord.Intents.default())
            self.tree = app_commands.CommandTree(self)

        async def setup_hook(self) -> None:
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)

    client = Bare()

    @client.tree.command(name="ward", description="A ward's result")
    @app_commands.describe(name="The ward")
    async def ward(interaction: discord.Interaction, name: str) -> None:
        file = discord.File(
            io.BytesIO(png), filename=picture["filename"], description=picture["alt"]
        )
        await interaction.response.send_message(embed=embed, file=file)

    client.run(os.environ["DISCORD_TOKEN"], log_handler=None)


# ----- measuring -----------------------------------------------------------------------------


def reference_answer(folder: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """Our bot's embed and picture for /ward Abbey, for the bare bot to send unchanged: the embed,
    and the picture's file name, alt text and path (its PNG is written into `folder`)."""
    sys.path.insert(0, str(ROOT))
    from bot.embeds import render
    from bot.pictures import picture_for
    from knowledge import ResultsStore, run_command

    data = ROOT / "data"
    store = ResultsStore.load(data / "elections", data / "parties.toml")
    answer = run_command(store, "ward", {"name": "Abbey"})
    picture = picture_for(answer)
    assert picture is not None
    path = folder / picture.filename
    path.write_bytes(picture.png)
    embed = render(answer).set_image(url=f"attachment://{picture.filename}")
    about = {"path": str(path), "filename": picture.filename, "alt": picture.alt}
    return embed.to_dict(), about  # type: ignore[return-value]


async def start_bot(kind: str, fake: Any, folder: Path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    env.update(
        DISCORD_TOKEN=fake.world.token,
        DISCORD_GUILD_ID=str(fake.world.guild_id),
        DISCORD_API_BASE=fake.api_base,
        DISCORD_GATEWAY_URL=fake.gateway_url,
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
        SETTINGS_DB_PATH=":memory:",  # server settings: none, and no file left behind
    )
    if kind == "bare":
        embed, picture = reference_answer(folder)
        env.update(BARE_EMBED=json.dumps(embed), BARE_PICTURE=json.dumps(picture))
    args = ["-m", "bot"] if kind == "ours" else [str(Path(__file__).resolve()), "--serve-bare"]
    process = await asyncio.create_subprocess_exec(
        sys.executable, *args, cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL
    )
    await fake.wait_for(
        lambda: bool(fake.guild_commands()) and fake.gateway.connected, READY_TIMEOUT
    )
    return process


async def burst(fake: Any, count: int) -> tuple[float, list[Any]]:
    """Send `count` /ward interactions back to back; wait for every reply."""
    events = fake_discord().Events(fake.world, fake.guild_commands(), fake.app_permissions)
    payloads = [events.slash("ward", events.stranger(), name="Abbey") for _ in range(count)]
    started = time.monotonic()
    records = [await fake.send_interaction(p) for p in payloads]
    await asyncio.wait_for(asyncio.gather(*(r.answered.wait() for r in records)), 120)
    # Until the last answer arrived: a deferred interaction's answer comes after its callback.
    return time.monotonic() - started, records


async def measure(kind: str, count: int) -> Round:
    fake = await fake_discord().FakeDiscord().start()
    fake.interactions.deadline = 120.0  # measure slow replies instead of refusing them
    with tempfile.TemporaryDirectory() as folder:
        process = await start_bot(kind, fake, Path(folder))
    try:
        await burst(fake, 20)  # warm-up: connections, caches, first-call costs, the chart drawn
        seconds, records = await burst(fake, count)
        # An answer may come deferred first, then as the follow-up: check what the user sees.
        bad = [r for r in records if r.ephemeral or not r.message.get("attachments")]
        if bad:
            raise SystemExit(f"{kind}: {len(bad)} replies were not public answers with a picture")
        return Round(kind, count, seconds, [r.latency for r in records])
    finally:
        process.terminate()
        await process.wait()
        await fake.stop()


async def main(count: int, rounds: int) -> list[Round]:
    results = []
    for _ in range(rounds):
        for kind in ("bare", "ours"):
            results.append(await measure(kind, count))
    return results


def report(results: list[Round], count: int) -> float:
    names = {"bare": "bare discord.py (fixed answer)", "ours": "election bot (python -m bot)"}
    print(f"\n{count} slash interactions per burst, {len(results) // 2} rounds, median shown\n")
    print(f"{'bot':<32}{'per second':>12}{'burst s':>10}{'p50 ms':>9}{'p99 ms':>9}")
    medians: dict[str, float] = {}
    for kind in ("bare", "ours"):
        rounds = [r for r in results if r.bot == kind]
        seconds = statistics.median(r.seconds for r in rounds)
        p50 = statistics.median(r.percentile(0.50) for r in rounds)
        p99 = statistics.median(r.percentile(0.99) for r in rounds)
        medians[kind] = seconds
        print(f"{names[kind]:<32}{count / seconds:>12.0f}{seconds:>10.3f}{p50:>9.1f}{p99:>9.1f}")
    ratio = medians["ours"] / medians["bare"]
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"\nours / bare time: {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
    return ratio


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="exit 1 if over the target ratio")
    parser.add_argument("--serve-bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare()
        sys.exit(0)
    ratio = report(asyncio.run(main(args.burst, args.rounds)), args.burst)
    sys.exit(1 if args.check and ratio > TARGET_RATIO else 0)
