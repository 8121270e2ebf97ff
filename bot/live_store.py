"""The store the bot and the console answer from, kept in step with the data folder.

`LiveStore.reload()` compiles what changed (only those documents) and swaps the store in one
assignment: an answer already running keeps the store it started with (each store reads its own
database snapshot), the next answer gets the new one. A document that breaks keeps its last good
elections, with the error logged. `watch()` polls the folder in a daemon thread (the folder's
names, sizes and modification times, at most 2% of the time: every 2 s, or every 5 s or so at
10,000 documents) and reloads on a change. Listeners run after each swap, to drop caches
keyed on the data.

The Discord client reloads through `reload_async`, which compiles in a worker thread so the
event loop never waits, and swaps back on the loop.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot import heap
from knowledge.compiled.compiler import folder_documents
from knowledge.questions import prepare_questions
from knowledge.store import ResultsStore

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0
_POLL_SHARE = 0.02
"""At most this share of the time goes to polling: statting 10,000 documents takes about 0.1 s
of the interpreter (answers wait for it), so a folder that large is polled every 5 s or so."""
Listener = Callable[[ResultsStore], None]
Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class ReloadReport:
    """What one reload changed, for the log and the /reload reply."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    """Documents that broke: their last good elections are still answered."""
    elections: int = 0
    problems: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.errors)

    def summary(self) -> str:
        """One line per kind of change, or that nothing changed."""
        lines = []
        for label, ids in (
            ("Added", self.added),
            ("Updated", self.updated),
            ("Removed", self.removed),
        ):
            if ids:
                shown = ", ".join(ids[:10]) + (
                    f" and {len(ids) - 10} more" if len(ids) > 10 else ""
                )
                lines.append(f"{label} ({len(ids)}): {shown}")
        for error in self.errors:
            lines.append(f"Not loaded: {error}")
        if self.kept:
            lines.append("Kept the last good version of: " + ", ".join(self.kept))
        for problem in self.problems:
            lines.append(f"Database: {problem}")
        if not lines:
            lines.append("No changes.")
        lines.append(f"{self.elections} election{'s' if self.elections != 1 else ''} loaded.")
        return "\n".join(lines)


def signature(path: Path) -> Signature:
    """What changes when a document is added, removed or saved (names, sizes, mtimes), read
    as the compiler reads the folder (the same documents, the same cheap scan)."""
    return tuple((d.path, d.size, d.mtime) for d in folder_documents(path) if d.size >= 0)


def next_poll(interval: float, scan_seconds: float) -> float:
    """Seconds until the next poll: `interval`, or longer when a scan is slow, so that polling
    takes at most `_POLL_SHARE` of the time."""
    return max(interval, scan_seconds / _POLL_SHARE)


class LiveStore:
    """The current store, reloaded on demand or when the data folder changes."""

    def __init__(self, store: ResultsStore) -> None:
        self.current = store
        self.listeners: list[Listener] = []
        self._reloading = threading.Lock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    @property
    def folder(self) -> Path | None:
        return self.current.origin[0] if self.current.origin else None

    def compile(self) -> tuple[ResultsStore, ReloadReport]:
        """Compile what changed into a new store, without swapping it in (any thread)."""
        with self._reloading:
            fresh = self.current.reload()
        prepare_questions(fresh)  # here, off the loop: not in the first answer after the swap
        report = fresh.report
        return fresh, ReloadReport(
            added=tuple(report.elections_added),
            updated=tuple(report.elections_updated),
            removed=tuple(report.elections_removed),
            errors=tuple(str(e) for e in report.errors),
            kept=tuple(report.kept),
            elections=len(fresh.catalog),
            problems=tuple(fresh.problems),
        )

    def swap(self, fresh: ResultsStore, report: ReloadReport) -> None:
        """Make `fresh` the store answers come from, then tell the listeners."""
        self.current = fresh
        heap.release()  # the old store is a cycle: the next settle collects it (bot.heap)
        if report.changed or report.problems:
            log.info("Reloaded the election documents:\n%s", report.summary())
        for error in report.errors:
            log.error("Election document not loaded: %s", error)
        for listener in self.listeners:
            listener(fresh)

    def prepare(self) -> threading.Thread:
        """Build what the first question needs in a daemon thread (`prepare_questions`): a
        question asked meanwhile waits for it instead of building it too."""
        thread = threading.Thread(
            target=prepare_questions, args=(self.current,), name="prepare-questions", daemon=True
        )
        thread.start()
        return thread

    def reload(self) -> ReloadReport:
        """Compile and swap, here (the console's watcher thread, tests)."""
        fresh, report = self.compile()
        self.swap(fresh, report)
        return report

    async def reload_async(self) -> ReloadReport:
        """Compile in a worker thread, then swap on the event loop."""
        import asyncio

        fresh, report = await asyncio.to_thread(self.compile)
        self.swap(fresh, report)
        return report

    def watch(
        self,
        on_change: Callable[[], object] | None = None,
        interval: float = POLL_SECONDS,
    ) -> None:
        """Poll the folder in a daemon thread; on a change call `on_change` (default: reload)."""
        folder = self.folder
        if folder is None or self._watcher is not None:
            return
        action = on_change or self.reload
        last = signature(folder)

        def poll() -> None:
            nonlocal last
            wait = interval
            while not self._stop.wait(wait):
                try:
                    started = time.perf_counter()
                    now = signature(folder)
                    wait = next_poll(interval, time.perf_counter() - started)
                    if now != last:
                        last = now
                        action()
                except Exception:  # a failed reload must not stop the watching
                    log.exception("Reloading the election documents failed")

        self._watcher = threading.Thread(target=poll, name="data-watcher", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)
            self._watcher = None
