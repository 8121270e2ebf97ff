"""The bot's heap policy: what outlives an answer is frozen once the bot is idle again."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import heap

SEED = "2002_derby_city_council_election.txt"


@pytest.fixture
def policy() -> Iterator[None]:
    """Take the policy on for one test, and leave the test process as it was."""
    heap.enable()
    try:
        yield
    finally:
        heap._enabled = False
        gc.unfreeze()


def test_a_process_that_only_imports_the_bot_keeps_its_collector() -> None:
    gc.unfreeze()
    heap.settle()
    assert gc.get_freeze_count() == 0


def test_settling_frees_garbage_cycles_and_freezes_the_survivors(policy: None) -> None:
    """A cycle made by an answer is collected, not frozen; what a cache keeps is frozen."""
    import weakref

    class Node:
        pass

    kept = [Node() for _ in range(100)]
    cycle = Node()
    cycle.me = cycle  # type: ignore[attr-defined]
    gone = weakref.ref(cycle)
    del cycle
    heap.settle()
    assert gone() is None
    assert gc.get_freeze_count() > len(kept)
    walked = {id(o) for g in range(3) for o in gc.get_objects(g)}
    assert not any(id(o) in walked for o in kept)  # the collector no longer walks them


def test_the_bot_settles_when_its_last_interaction_finishes() -> None:
    """InFlight calls its idle hook once nothing is in flight (the client passes settle)."""
    import asyncio

    from bot.in_flight import InFlight

    calls: list[int] = []

    async def main() -> None:
        flight = InFlight(on_idle=lambda: calls.append(len(flight)))

        async def work() -> None:
            assert flight.admit()
            await asyncio.sleep(0)

        await asyncio.gather(work(), work())
        await asyncio.sleep(0)

    asyncio.run(main())
    assert calls == [0]


def test_a_store_replaced_by_a_reload_is_freed_at_the_next_settle(
    policy: None, tmp_path: Path
) -> None:
    """The old store (a cycle, frozen while it was current) is collected once the bot settles."""
    import shutil
    import weakref

    from bot.live_store import LiveStore
    from knowledge import ResultsStore, run_text

    root = Path(__file__).resolve().parents[2]
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(root / "data" / "elections" / SEED, data / SEED)
    live = LiveStore(ResultsStore.load(data, root / "data" / "parties.toml"))
    run_text(live.current, "/ward Littleover")
    heap.settle()  # the current store and what it cached are frozen
    old = weakref.ref(live.current)
    live.reload()
    heap.settle()
    assert old() is None


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_settling_hands_memory_freed_by_an_answer_back_to_the_system(policy: None) -> None:
    """Memory an answer freed in the middle of the heap (glibc keeps it otherwise, behind
    whatever is still in use above it) is returned to the system when the bot is idle."""
    if heap._glibc() is None:
        pytest.skip("the allocator is tuned only where it is glibc's")
    freed = [bytes(64 * 1024) for _ in range(3200)]  # 200 MB, below glibc's mmap threshold
    kept = bytes(64 * 1024)  # made last: the top of the heap stays in use
    del freed
    before = _resident_mb()
    heap.settle()
    assert before - _resident_mb() > 100, "freed pages were not handed back"
    assert len(kept) == 64 * 1024
