"""A small thread-safe LRU of rendered pictures, keyed per (election, subject kind, subject key).

Each entry also remembers a fingerprint of the answer it was drawn from, so reloaded documents
(or a test's hand-made election reusing an id) never get a stale picture: a different fingerprint
is a miss and the entry is replaced.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
Key = tuple[str, str, str]


@dataclass(frozen=True)
class CacheInfo:
    hits: int
    misses: int
    """Pictures drawn (and stored)."""
    size: int
    maxsize: int


class LRUCache(Generic[T]):
    """Least recently used entries are dropped past `maxsize`."""

    def __init__(self, maxsize: int = 256) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._entries: OrderedDict[Key, tuple[int, T]] = OrderedDict()
        self._lock = threading.Lock()
        self._hits = 0
        self._misses = 0

    def get(self, key: Key, fingerprint: int) -> T | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != fingerprint:
                return None  # counted as a miss when the drawn picture is `put`
            self._entries.move_to_end(key)
            self._hits += 1
            return entry[1]

    def put(self, key: Key, fingerprint: int, value: T) -> None:
        with self._lock:
            self._misses += 1
            self._entries[key] = (fingerprint, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._hits = self._misses = 0

    def info(self) -> CacheInfo:
        with self._lock:
            return CacheInfo(self._hits, self._misses, len(self._entries), self.maxsize)
