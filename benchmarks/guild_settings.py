"""Server settings: the cost of a lookup per interaction, and of the database behind it.

For SQLite (a temporary file) and PostgreSQL (a throwaway server started as the tests do),
prints the median time of a raw read and a write, and of the bot's cached lookup
(`GuildSettingsService.get`, what each interaction pays), over many servers.

    python benchmarks/guild_settings.py [--guilds 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bot.guild_settings import GuildSettings, GuildSettingsService, SettingsStore  # noqa: E402
from bot.guild_settings.service import open_store  # noqa: E402

FIRST_GUILD = 1_100_000_000_000_000_000


def median_us(run: Callable[[int], object], ids: list[int]) -> float:
    times = []
    for guild_id in ids:
        started = time.perf_counter()
        run(guild_id)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e6


async def cached_us(store: SettingsStore, ids: list[int]) -> tuple[float, float]:
    service = GuildSettingsService(store)
    cold, warm = [], []
    for guild_id in ids:
        started = time.perf_counter()
        await service.get(guild_id)
        cold.append(time.perf_counter() - started)
    for guild_id in ids:
        started = time.perf_counter()
        await service.get(guild_id)
        warm.append(time.perf_counter() - started)
    return statistics.median(cold) * 1e6, statistics.median(warm) * 1e6


def measure(name: str, store: SettingsStore, count: int) -> tuple[str, float, float, float, float]:
    ids = [FIRST_GUILD + n for n in range(count)]
    write = median_us(lambda g: store.save(GuildSettings(g, "council:derby"), time.time()), ids)
    read = median_us(store.get, ids)
    cold, warm = asyncio.run(cached_us(store, ids))
    store.close()
    return name, write, read, cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guilds", type=int, default=2000)
    count = parser.parse_args().guilds
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows.append(measure("SQLite (file)", open_store(Path(folder) / "s.sqlite3"), count))
    pg = importlib.import_module("postgres_server")  # tests/postgres_server.py
    try:
        with pg.postgres_server() as server:
            store = open_store(Path("unused"), server.new_database())
            rows.append(measure("PostgreSQL (loopback)", store, count))
    except pg.PostgresUnavailable as exc:
        print(f"PostgreSQL skipped: {exc}")
    print(f"\n{count} servers, median per call\n")
    print(f"{'backend':24} {'write µs':>9} {'read µs':>9} {'lookup cold µs':>15} {'cached µs':>10}")
    for name, write, read, cold, warm in rows:
        print(f"{name:24} {write:9.1f} {read:9.1f} {cold:15.1f} {warm:10.2f}")


if __name__ == "__main__":
    main()
