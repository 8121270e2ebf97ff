"""A burst of 1,000 slash interactions at once: when each is acknowledged, and the throughput.

Discord drops an interaction that is not acknowledged (answered or deferred) within 3 s. This
sends `--burst` INTERACTION_CREATE events back to back through the fake Discord to `python -m
bot` (its own process), and to a bare discord.py bot answering a fixed copy of our embed and
picture (see `discord_throughput.py`, whose machinery this reuses). For each it prints the
acknowledgement latency (sending the event -> the interaction callback) p50/p99/max, how many
were deferred first, and answers per second over the whole burst (until the last answer, a
follow-up included). Targets: no acknowledgement later than 2.5 s, p99 under 1.5 s, and our
throughput at least 1/1.5 of the bare bot's.

    python benchmarks/burst.py [--burst 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from discord_throughput import fake_discord, start_bot

LATEST_ACK = 2.5
P99_ACK = 1.5
MIN_RATIO = 1 / 1.5
DEFERRED = 5
ANSWER_WAIT = 120.0


@dataclass
class Burst:
    bot: str
    count: int
    seconds: float
    """From the first event sent to the last answer received."""
    acks: list[float]
    deferred: int
    expired: int

    @property
    def per_second(self) -> float:
        return self.count / self.seconds

    def ack(self, q: float) -> float:
        ordered = sorted(self.acks)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def answered_at(record: Any) -> float:
    await record.answered.wait()
    return time.monotonic()


async def burst(fake: Any, count: int) -> tuple[float, list[Any]]:
    """Send `count` /ward interactions back to back; the time until every answer arrived."""
    events = fake_discord().Events(fake.world, fake.guild_commands(), fake.app_permissions)
    payloads = [events.slash("ward", events.stranger(), name="Abbey") for _ in range(count)]
    started = time.monotonic()
    records = []
    waiters = []
    for payload in payloads:
        record = await fake.send_interaction(payload)
        records.append(record)
        waiters.append(asyncio.create_task(answered_at(record)))
    done, _ = await asyncio.wait(waiters, timeout=ANSWER_WAIT)
    if len(done) < len(waiters):  # dropped: acknowledged too late for Discord to accept
        print(f"{len(waiters) - len(done)} of {count} interactions got no answer", file=sys.stderr)
    finished = [task.result() for task in done]
    return max(finished) - started, records


async def measure(kind: str, count: int) -> Burst:
    fake = await fake_discord().FakeDiscord().start()
    fake.interactions.deadline = 180.0  # measure late acknowledgements instead of refusing them
    with tempfile.TemporaryDirectory() as folder:
        process = await start_bot(kind, fake, Path(folder))
    try:
        await burst(fake, 20)  # warm-up: connections, caches, first-call costs, the chart drawn
        seconds, records = await burst(fake, count)
        answered = [r for r in records if r.answered.is_set()]
        bad = [r for r in answered if not r.message.get("attachments")]
        if bad:
            raise SystemExit(f"{kind}: {len(bad)} answers came without their picture")
        acks = [r.latency if r.latency is not None else float("inf") for r in records]
        return Burst(
            kind,
            count,
            seconds,
            acks,
            deferred=sum(r.callback_type == DEFERRED for r in records),
            expired=sum(a > 3.0 for a in acks),  # none of them answered on Discord
        )
    finally:
        process.terminate()
        await process.wait()
        await fake.stop()


async def main(count: int, rounds: int) -> list[Burst]:
    results = []
    for _ in range(rounds):
        for kind in ("bare", "ours"):
            results.append(await measure(kind, count))
    return results


def report(results: list[Burst], count: int) -> bool:
    names = {"bare": "bare discord.py (fixed answer)", "ours": "election bot (python -m bot)"}
    rounds = len(results) // 2
    print(f"\n{count} slash interactions at once, {rounds} round(s), median of rounds shown\n")
    header = (
        f"{'bot':<32}{'ack p50 s':>10}{'ack p99 s':>10}{'ack max s':>10}"
        f"{'deferred':>10}{'>3 s':>6}{'answers/s':>11}"
    )
    print(header)
    per_second: dict[str, float] = {}
    worst: dict[str, tuple[float, float]] = {}
    for kind in ("bare", "ours"):
        mine = [r for r in results if r.bot == kind]
        p50 = statistics.median(r.ack(0.50) for r in mine)
        p99 = statistics.median(r.ack(0.99) for r in mine)
        latest = statistics.median(max(r.acks) for r in mine)
        deferred = statistics.median(r.deferred for r in mine)
        expired = statistics.median(r.expired for r in mine)
        per_second[kind] = statistics.median(r.per_second for r in mine)
        worst[kind] = (p99, latest)
        print(
            f"{names[kind]:<32}{p50:>10.2f}{p99:>10.2f}{latest:>10.2f}"
            f"{deferred:>10.0f}{expired:>6.0f}{per_second[kind]:>11.0f}"
        )
    ratio = per_second["ours"] / per_second["bare"]
    p99, latest = worst["ours"]
    checks = [
        (f"latest acknowledgement {latest:.2f} s <= {LATEST_ACK} s", latest <= LATEST_ACK),
        (f"acknowledgement p99 {p99:.2f} s < {P99_ACK} s", p99 < P99_ACK),
        (f"throughput ours/bare {ratio:.2f} >= {MIN_RATIO:.2f}", ratio >= MIN_RATIO),
    ]
    print()
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return all(ok for _, ok in checks)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    passed = report(asyncio.run(main(args.burst, args.rounds)), args.burst)
    sys.exit(0 if passed else 1)
