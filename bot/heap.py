"""The bot's heap policy: what outlives an answer is cache, so the collector stops walking it.

A long-running bot keeps elections, facts, contests and histories in bounded caches: a few
hundred thousand small objects. CPython's full collection walks every tracked object, so as
those caches filled, about one answer in a hundred paid 100-800 ms for a collection (measured at
1,000 elections, `benchmarks/compiled.py`). So after start and whenever the bot is idle again,
`settle` collects what is new (the objects made since the last settle: cheap), which frees any
garbage cycles, then `gc.freeze` moves the survivors out of the collector's reach.

Frozen objects are still freed by reference counting when a cache lets them go. Only a frozen
*cycle* would outlive its last use: the caches hold none, and the history index refers to its
store weakly, so a store replaced by a reload is freed (`tests/test_heap.py`).
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
