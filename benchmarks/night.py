"""A simulated election night: 60 contests declared within one minute, followed by the real bot.

The fake Democracy Club API (tests/fakes) declares 60 one-seat wards at random moments within a
minute; the real ElectionBot follows the count with `/live start` against the fake Discord
(tests/fake_discord). Time is compressed by `--speed` (default 10: the minute lasts 6 s, a 15 s
poll interval becomes 1.5 s, the 5 s pin coalescing 0.5 s). Latency, from a result's appearance
at the source to its message in the channel, is in night seconds: the wait for the next poll
times the speed, plus the bot's own work (fetch, merge, save, document, chart, post) unscaled,
which is also shown alone (poll -> message). Printed per poll interval (15 s with a token, 60 s
anonymous), with the Discord requests used (messages, edits, pins) and the source requests.
The fake Discord does not rate-limit, so Discord's 5 messages / 5 s per channel is not in these
numbers.

    python benchmarks/night.py [--contests 60] [--speed 10] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from timing import ROOT, percentile, table

sys.path.insert(0, str(ROOT / "tests"))  # the fakes live with the tests; not packaged

ELECTION = "local.benchshire.2026-05-07"
PARTIES = ["Labour Party", "Conservative and Unionist Party", "Liberal Democrats", "Green Party"]
POST = "POST /channels/{channel_id}/messages"
EDIT = "PATCH /channels/{channel_id}/messages/{message_id}"
PIN = "PUT /channels/{channel_id}/messages/pins/{message_id}"


def ward(n: int) -> str:
    return f"Ward {n:02d}"


def bid(n: int) -> str:
    return f"local.benchshire.ward-{n:02d}.2026-05-07"


async def night(contests: int, interval: float, speed: float, seed: int) -> list[object]:
    import discord
    import yarl

    fakes: Any = importlib.import_module("fake_discord")
    api: Any = importlib.import_module("fakes.democracyclub_results_api")
    FakeDiscord, Session = fakes.FakeDiscord, fakes.Session
    FakeDemocracyClub, ballot, result = api.FakeDemocracyClub, api.ballot, api.result

    from bot.client import ElectionBot
    from bot.night.follow import NightConfig
    from knowledge import ResultsStore

    rng = random.Random(seed)
    fake = await FakeDiscord().start()
    dc = await FakeDemocracyClub().start()
    dc.expect(ballot(bid(n), ward(n)) for n in range(contests))
    discord.http.Route.BASE = fake.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    store = ResultsStore.load(ROOT / "data" / "elections", ROOT / "data" / "parties.toml")
    with tempfile.TemporaryDirectory() as folder:
        config = NightConfig(
            db_path=Path(folder) / "night.sqlite3",
            data_dir=Path(folder),
            democracyclub_url=dc.url,
            democracyclub_token="bench",
            poll_seconds=interval / speed,
            coalesce_seconds=5.0 / speed,
        )
        bot = ElectionBot(store, guild_id=fake.world.guild_id, night=config)
        runner = asyncio.create_task(bot.start(fake.world.token))
        await asyncio.wait_for(bot.wait_until_ready(), 30)
        session = Session(fake)
        await session.slash("live start", session.events.moderator(), election=ELECTION)
        first_call = len(fake.calls)
        minute = 60.0 / speed
        moments = sorted(rng.uniform(0, minute) for _ in range(contests))
        appeared: dict[str, float] = {}
        start = time.monotonic()
        for n, moment in enumerate(moments):
            await asyncio.sleep(max(0.0, start + moment - time.monotonic()))
            winner, loser = rng.sample(PARTIES, 2)
            dc.declare(
                result(
                    bid(n),
                    [
                        (f"Winner {n}", winner, rng.randint(800, 2000), True),
                        (f"Runner {n}", loser, rng.randint(100, 790), False),
                    ],
                    turnout=3000,
                    turnout_percentage="30.00",
                )
            )
            appeared[ward(n)] = time.monotonic()

        def posted() -> dict[str, float]:
            seen: dict[str, float] = {}
            for call in fake.calls_to(POST):
                embeds = (call.body or {}).get("embeds") or []
                title = embeds[0].get("title", "") if embeds else ""
                if title.startswith("Ward ") and ":" in title:
                    seen.setdefault(title.split(":")[0].split(" (")[0], call.at)
            return seen

        deadline = time.monotonic() + minute + 4 * interval / speed + 10
        while (len(posted()) < contests or (bot.night and bot.night.runs)) and (
            time.monotonic() < deadline
        ):
            await asyncio.sleep(0.05)
        seen = posted()
        polls_at = sorted(r.at for r in dc.calls() if r.status == 200)
        latencies, handling = [], []
        for name, at in appeared.items():
            polled = next((p for p in polls_at if p >= at), None)
            if name not in seen or polled is None:
                continue
            # waiting for the poll runs on night time; the bot's own work does not scale
            latencies.append((polled - at) * speed + (seen[name] - polled))
            handling.append(seen[name] - polled)
        calls = fake.calls[first_call:]
        posts = sum(c.route == POST for c in calls)
        edits = sum(c.route == EDIT for c in calls)
        pins = sum(c.route == PIN for c in calls)
        polls = len(dc.calls())
        await bot.close()
        with contextlib.suppress(asyncio.CancelledError):
            await runner
    await dc.stop()
    await fake.stop()
    return [
        f"{interval:g} s",
        f"{len(seen)}/{contests}",
        f"{percentile(latencies, 0.5):.1f}" if latencies else "—",
        f"{percentile(latencies, 0.99):.1f}" if latencies else "—",
        f"{percentile(handling, 0.5):.2f}" if handling else "—",
        f"{percentile(handling, 0.99):.2f}" if handling else "—",
        posts,
        edits,
        pins,
        len(calls),
        polls,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contests", type=int, default=60)
    parser.add_argument("--speed", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rows = [
        asyncio.run(night(args.contests, interval, args.speed, args.seed))
        for interval in (15.0, 60.0)
    ]
    headers = [
        "poll interval",
        "posted",
        "p50 s",
        "p99 s",
        "poll->message p50 s",
        "p99 s ",
        "messages",
        "edits",
        "pins",
        "Discord requests",
        "DC requests",
    ]
    print(
        f"{args.contests} contests declared within one minute (time x{args.speed:g}; "
        "latency = appearance at the source -> message in the channel, in night seconds)"
    )
    print(table(headers, rows))


if __name__ == "__main__":
    main()
