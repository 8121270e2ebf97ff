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

Where the allocator is glibc's, the bot also caps its arenas (one per thread otherwise) and,
when it settles, hands back the pages that answers freed: glibc keeps freed memory below any
block still in use, so a bot's resident size crept up with every picture drawn.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from functools import cache

_enabled = False

_ARENAS = 2
"""glibc arenas (malloc pools) at most, whatever the number of threads: each thread drawing a
picture or reading a feed otherwise gets its own, and each keeps the memory it once held."""
_M_ARENA_MAX = -8
"""mallopt's parameter number for the arena limit (glibc's malloc.h)."""
_KEPT = 64 << 20
"""Bytes left at the top of the heap when settling: the buffers a name scan or a picture takes
again at once (handing those back too made every question fault them in anew: +0.5 s over 240
questions at 10,000 elections)."""


def enable() -> None:
    """Take on this policy: for the process running the bot or the console (`python -m bot`),
    not for a process that merely imports the bot (a test run keeps its ordinary collector)."""
    global _enabled
    _enabled = True
    allocator = _glibc()
    if allocator is not None:
        allocator.mallopt(_M_ARENA_MAX, _ARENAS)
    settle()


def settle() -> None:
    """Collect the garbage made since the last settle, then freeze what survived."""
    if _enabled:
        gc.collect()
        gc.freeze()
        allocator = _glibc()
        if allocator is not None:
            # Hand back to the system the pages an answer's pictures and rows freed, which
            # glibc otherwise keeps for the thread that used them (about 1 ms when idle).
            allocator.malloc_trim(_KEPT)


def release() -> None:
    """Let the collector walk everything again once (a replaced store is garbage now)."""
    if _enabled:
        gc.unfreeze()


@cache
def _glibc() -> ctypes.CDLL | None:
    """The C library's allocator when it is glibc's (Linux), else None: elsewhere the system's
    allocator is left as it is."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        library = ctypes.CDLL("libc.so.6")  # glibc's name; musl (Alpine) has none such
        library.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        library.malloc_trim.argtypes = [ctypes.c_size_t]
        return library
    except (OSError, AttributeError):
        return None
