"""The bot's heap policy: what outlives an answer is cache, so the collector stops walking it.

A long-running bot keeps elections, facts, contests and histories in bounded caches: a few
hundred thousand small objects. CPython's full collection walks every tracked object, so as
those caches filled, about one answer in a hundred paid 100-800 ms for a collection (measured at
1,000 elections, `benchmarks/compiled.py`). So after start and whenever the bot is idle again,
`settle` collects what is new (the objects made since the last settle: cheap), which frees any
garbage cycles, then `gc.freeze` moves the survivors out of the collector's reach.

Frozen objects are still freed by reference counting when a cache lets them go. Only a frozen
*cycle* would outlive its last use. The caches hold none, but a store itself is one (its
indexes refer back to it): so when a reload replaces the store, `release` unfreezes the heap, and
the next settle collects the old store (one full collection per reload) and freezes the rest
again (`tests/bot/test_heap.py`).
"""

from __future__ import annotations

import gc

_enabled = False


def enable() -> None:
    """Take on this policy: for the process running the bot or the console (`python -m bot`),
    not for a process that merely imports the bot (a test run keeps its ordinary collector)."""
    global _enabled
    _enabled = True
    settle()


def settle() -> None:
    """Collect the garbage made since the last settle, then freeze what survived."""
    if _enabled:
        gc.collect()
        gc.freeze()


def release() -> None:
    """Let the collector walk everything again once (a replaced store is garbage now)."""
    if _enabled:
        gc.unfreeze()
