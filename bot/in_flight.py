"""The interactions and mentions being answered right now, so stopping can let them finish.

On SIGTERM the bot stops taking new work (`admit` says no), gives the work in hand a short grace
period, cancels whatever is left, and only then closes the HTTP session and the gateway. Work
that ran into a closed session would otherwise end in a traceback each ("Session is closed").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Drained:
    finished: int
    cancelled: int


class InFlight:
    """The tasks answering users; `closing` once a stop has begun.

    It also knows which interactions still await their acknowledgement, so that under a burst
    the answers of deferred interactions wait until the newer ones are acknowledged
    (`acknowledgements_first`): Discord drops an unacknowledged interaction after 3 s, while a
    deferred one may be answered for 15 minutes.
    """

    def __init__(self, on_idle: Callable[[], None] | None = None) -> None:
        """`on_idle`: called whenever the last task in flight finishes (the heap's settle)."""
        self.closing = False
        self._on_idle = on_idle
        self._tasks: set[asyncio.Task[object]] = set()
        self._unacknowledged: set[asyncio.Task[object]] = set()
        self._all_acknowledged = asyncio.Event()
        self._all_acknowledged.set()

    def __len__(self) -> int:
        return len(self._tasks)

    def admit(self, *, interaction: bool = True) -> bool:
        """Count the current task as in flight (an `interaction` awaiting its acknowledgement,
        else other work such as a mention); False (take nothing new) once closing."""
        if self.closing:
            return False
        task = asyncio.current_task()
        if task is not None and task not in self._tasks:
            self._tasks.add(task)
            task.add_done_callback(self._done)
            if interaction:
                self._unacknowledged.add(task)
                self._all_acknowledged.clear()
        return True

    def acknowledged(self) -> None:
        """The current task's interaction has been acknowledged (deferred)."""
        task = asyncio.current_task()
        if task is not None:
            self._forget_ack(task)

    async def acknowledgements_first(self, limit: float) -> None:
        """Wait (at most `limit` seconds) until no admitted interaction awaits acknowledgement."""
        if not self._all_acknowledged.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._all_acknowledged.wait(), limit)

    def _done(self, task: asyncio.Task[object]) -> None:
        self._tasks.discard(task)
        self._forget_ack(task)
        if not self._tasks and self._on_idle is not None:
            self._on_idle()

    def _forget_ack(self, task: asyncio.Task[object]) -> None:
        self._unacknowledged.discard(task)
        if not self._unacknowledged:
            self._all_acknowledged.set()

    async def drain(self, grace: float) -> Drained:
        """Stop admitting; wait up to `grace` seconds for the work in hand, then cancel the rest."""
        self.closing = True
        current = asyncio.current_task()
        pending = {t for t in self._tasks if t is not current}
        total = len(pending)
        if pending:
            _, pending = await asyncio.wait(pending, timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=1.0)
        return Drained(finished=total - len(pending), cancelled=len(pending))
