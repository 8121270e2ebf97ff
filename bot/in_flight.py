"""The interactions and mentions being answered right now, so stopping can let them finish.

On SIGTERM the bot stops taking new work (`admit` says no), gives the work in hand a short grace
period, cancels whatever is left, and only then closes the HTTP session and the gateway. Work
that ran into a closed session would otherwise end in a traceback each ("Session is closed").
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Drained:
    finished: int
    cancelled: int


class InFlight:
    """The tasks answering users; `closing` once a stop has begun."""

    def __init__(self) -> None:
        self.closing = False
        self._tasks: set[asyncio.Task[object]] = set()

    def __len__(self) -> int:
        return len(self._tasks)

    def admit(self) -> bool:
        """Count the current task as in flight; False (take nothing new) once closing."""
        if self.closing:
            return False
        task = asyncio.current_task()
        if task is not None and task not in self._tasks:
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return True

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
