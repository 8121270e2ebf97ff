"""A bot serving 10,000 elections through 5,000 mixed interactions: its memory, and latencies.

The bot runs as in production: `python -m bot` in its own process, on a compiled folder of
synthetic elections (`compiled.py` writes and caches it), connected to the fake Discord that runs
in this process. It then gets `--count` interactions one after another, from many members, drawn
at random (seeded) from the store's own names:

    command       /ward, /candidate, /party, /summary, /closest, /councillors on random elections
    autocomplete  ward, candidate and election names as typed (prefixes, some with a typo)
    question      /ask in plain words naming a ward, a candidate, a party or a council
    history       /history of a ward, a candidate, a party or a council

Every reply goes the whole way: the answer, its embed, its picture (drawn and uploaded),
autocomplete choices. Printed: the bot process's VmRSS and VmHWM (/proc/PID/status) before the
first interaction and after every `--every`, against the issue's target (under 400 MB after
5,000), then each kind's latency (sending INTERACTION_CREATE -> the reply with its picture
received) p50/p99/max, and how many replies were private (not found, ambiguous lists).

    python benchmarks/soak.py [--size 10000] [--count 5000] [--every 1000] [--cache DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiled import database_for, folder_for, typo
from discord_throughput import fake_discord
from timing import ROOT, ms, percentile, table

TARGET_MB = 400.0
READY_TIMEOUT = 120.0
ANSWER_TIMEOUT = 60.0
PARTIES = ["labour", "conservative", "tories", "lib dems", "green", "independent", "reform"]


@dataclass(frozen=True)
class Sample:
    """What the interactions are about: names taken from the compiled store."""

    elections: list[tuple[str, str, int | None]]
    """(store id, council, year) of every election."""
    contests: list[tuple[str, str, str, str]]
    """(store id, council, ward, candidate) of random candidacies."""


def sample(database: Path, rng: random.Random) -> Sample:
    """Random names from the compiled file (read-only: the bot holds it open)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        elections = connection.execute(
            "SELECT sid, council, year FROM elections WHERE rank IS NOT NULL ORDER BY rank"
        ).fetchall()
        rows = connection.execute(
            "SELECT e.sid, e.council, c.ward, p.name FROM candidacies p"
            " JOIN elections e ON e.id = p.election"
            " JOIN contests c ON c.election = p.election AND c.position = p.contest"
            " WHERE e.rank IS NOT NULL AND (p.election * 31 + p.contest * 7 + p.position) % 50 = 7"
            " LIMIT 50000"
        ).fetchall()
    connection.close()
    rng.shuffle(rows)
    return Sample(elections, rows)


Payload = tuple[str, str, dict[str, Any]]
"""(kind, command or autocomplete command, options) of one interaction."""


def interactions(found: Sample, count: int, rng: random.Random) -> list[Payload]:
    """`count` interactions: 35% commands, 25% autocomplete, 25% questions, 15% history."""
    plans: list[Payload] = []
    for _ in range(count):
        election, council, ward, name = rng.choice(found.contests)
        place = council.split()[0]
        party = rng.choice(PARTIES)
        kind = rng.choices(["command", "autocomplete", "question", "history"], [35, 25, 25, 15])[0]
        if kind == "command":
            command, options = rng.choice(
                [
                    ("ward", {"name": ward, "election": election}),
                    ("candidate", {"name": name}),
                    ("candidate", {"name": typo(name, rng), "election": election}),
                    ("party", {"name": party, "election": election}),
                    ("summary", {"election": election}),
                    ("closest", {"election": rng.choice(found.elections)[0]}),
                    ("councillors", {"ward": ward, "council": place}),
                ]
            )
        elif kind == "autocomplete":
            focus, written = rng.choice([("name", ward), ("name", name), ("election", place)])
            typed = written[: rng.randint(1, max(1, len(written)))]
            if rng.random() < 0.3:
                typed = typo(typed, rng)
            command = "ward" if written == ward else "candidate"
            options = {focus: typed}
            if focus == "name" and rng.random() < 0.5:
                options["election"] = election
            command = f"{command}:{focus}"
        elif kind == "question":
            command = "ask"
            options = {
                "question": rng.choice(
                    [
                        f"who won in {ward}?",
                        f"how did {name} do?",
                        f"did {name.split()[-1]} win in {ward}",
                        f"how many seats did the {party} win in {place}",
                        f"who controls {place} council",
                        f"which ward was closest in {council}",
                    ]
                )
            }
        else:
            command = "history"
            options = rng.choice(
                [
                    {"ward": ward, "council": place},
                    {"candidate": name},
                    {"party": party, "council": place},
                    {"council": place},
                ]
            )
        plans.append((kind, command, options))
    return plans


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def compile_first(folder: Path) -> None:
    """Compile the folder in a process of its own (a first compile takes minutes, and the bot
    must be ready within seconds of connecting)."""
    subprocess.run(
        [sys.executable, "-m", "bot", "--data", str(folder), "ask", "/elections"],
        cwd=ROOT,
        env=_environment({}),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _environment(extra: dict[str, str]) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DISCORD_") and k not in {"ELECTIONS_DB", "ELECTIONS_DATA"}
    }
    env.update(PYTHONPATH=str(ROOT), **extra)
    return env


async def start_bot(fake: Any, folder: Path) -> asyncio.subprocess.Process:
    env = _environment(
        {
            "DISCORD_TOKEN": fake.world.token,
            "DISCORD_GUILD_ID": str(fake.world.guild_id),
            "DISCORD_API_BASE": fake.api_base,
            "DISCORD_GATEWAY_URL": fake.gateway_url,
            "ELECTIONS_DATA": str(folder),
            "LOG_LEVEL": "WARNING",
            "SETTINGS_DB_PATH": ":memory:",
        }
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL
    )
    await fake.wait_for(
        lambda: bool(fake.guild_commands()) and fake.gateway.connected, READY_TIMEOUT
    )
    return process


@dataclass
class Timed:
    kind: str
    seconds: float
    private: bool
    asked: str
    """The command or question and its options, for the list of the slowest."""


async def run(
    plans: list[Payload], folder: Path, every: int, checkpoint: Callable[[int, int], None]
) -> list[Timed]:
    fake = await fake_discord().FakeDiscord().start()
    fake.interactions.deadline = 120.0  # measure slow replies instead of refusing them
    process = await start_bot(fake, folder)
    try:
        events = fake_discord().Events(fake.world, fake.guild_commands(), fake.app_permissions)
        await asyncio.sleep(1.0)  # let start-up settle before the first reading
        checkpoint(process.pid, 0)
        timed = []
        for done, (kind, command, options) in enumerate(plans, start=1):
            actor = events.stranger()
            if kind == "autocomplete":
                name, focus = command.split(":")
                payload = events.autocomplete(name, focus, actor, **options)
            else:
                payload = events.slash(command, actor, **options)
            started = time.perf_counter()
            record = await fake.send_interaction(payload)
            await fake.answer(record, ANSWER_TIMEOUT)
            elapsed = time.perf_counter() - started
            private = kind != "autocomplete" and record.ephemeral
            timed.append(Timed(kind, elapsed, private, f"{command} {options}"))
            fake.interactions.by_id.pop(record.id, None)  # the fake keeps no history
            if done % every == 0 or done == len(plans):
                checkpoint(process.pid, done)
        return timed
    finally:
        process.terminate()
        await process.wait()
        await fake.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000, help="synthetic elections")
    parser.add_argument("--count", type=int, default=5000, help="interactions")
    parser.add_argument("--every", type=int, default=1000, help="interactions between readings")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/election-bot-benchmarks"))
    parser.add_argument("--slowest", type=int, default=10, help="list the slowest interactions")
    parser.add_argument("--data", type=Path, help="a compiled folder instead of the synthetic one")
    args = parser.parse_args()
    folder = args.data or folder_for(args.size, args.cache)
    start = time.perf_counter()
    compile_first(folder)
    print(f"store ready in {time.perf_counter() - start:.1f} s ({folder})", file=sys.stderr)
    rng = random.Random(2026)
    plans = interactions(sample(database_for(folder), rng), args.count, rng)
    readings: list[list[object]] = []
    began = time.perf_counter()

    def checkpoint(pid: int, done: int) -> None:
        rss, hwm = memory_mb(pid)
        seconds = time.perf_counter() - began
        readings.append([f"{done:,}", f"{rss:.0f}", f"{hwm:.0f}", f"{seconds:.0f}"])
        print(f"  {done:>5} interactions: VmRSS {rss:.0f} MB, VmHWM {hwm:.0f} MB", file=sys.stderr)

    timed = asyncio.run(run(plans, folder, args.every, checkpoint))
    print(f"\n{args.count:,} mixed interactions, one at a time, {folder.name}\n")
    print(table(["interactions", "VmRSS MB", "VmHWM MB", "elapsed s"], readings))
    peak = float(str(readings[-1][2]))
    verdict = "under" if peak < TARGET_MB else "OVER"
    print(f"\npeak {peak:.0f} MB: {verdict} the {TARGET_MB:.0f} MB target\n")
    by_kind: defaultdict[str, list[Timed]] = defaultdict(list)
    for one in timed:
        by_kind[one.kind].append(one)
    rows = []
    for kind in ("command", "autocomplete", "question", "history"):
        mine = by_kind.get(kind, [])
        if not mine:
            continue
        seconds = [t.seconds for t in mine]
        rows.append(
            [
                kind,
                f"{len(mine):,}",
                ms(percentile(seconds, 0.5)),
                ms(percentile(seconds, 0.99)),
                ms(max(seconds)),
                f"{sum(t.private for t in mine):,}",
            ]
        )
    print(table(["kind", "count", "p50 ms", "p99 ms", "max ms", "private"], rows))
    if args.slowest:
        print(f"\nthe {args.slowest} slowest:")
        for one in sorted(timed, key=lambda t: -t.seconds)[: args.slowest]:
            print(f"  {ms(one.seconds):>8} ms  {one.kind:<12} {one.asked}")


if __name__ == "__main__":
    main()
