"""What went wrong loading the election documents, said where a bot operator will see it.

The console and `ask` print the documents that did not load; on Discord nobody reads stdout, so
at start (and on every reload) each load error and warning is logged with its file and line.
`load_problems` is the one list of them, for the log here and for anything else that reports
them (a server's log channel).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from knowledge import ResultsStore

log = logging.getLogger(__name__)

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class LoadProblem:
    """A document that did not load (`error`), or something odd in one that did (`warning`)."""

    severity: Severity
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        what = "Not loaded" if self.severity == "error" else "Warning"
        return f"{what}: {self.file}, line {self.line}: {self.message}"


def load_problems(store: ResultsStore) -> list[LoadProblem]:
    """Every load error, then every warning, in the order the store found them."""
    errors = [LoadProblem("error", e.file, e.line, e.reason) for e in store.errors]
    warnings = [LoadProblem("warning", w.file, w.line, w.message) for w in store.warnings]
    return errors + warnings


def log_load_problems(store: ResultsStore, logger: logging.Logger = log) -> list[LoadProblem]:
    """Log each problem at WARNING (the bot goes on with the good documents), then a count;
    returns them."""
    problems = load_problems(store)
    for problem in problems:
        logger.warning("%s", problem)
    if problems:
        errors = sum(p.severity == "error" for p in problems)
        logger.info(
            "%d document(s) not loaded, %d warning(s); %d election(s) loaded",
            errors,
            len(problems) - errors,
            len(store.elections),
        )
    return problems
