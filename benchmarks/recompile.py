"""Reloading a compiled store after one document changed, was added or was removed.

For each size, a working folder links to every cached synthetic document (`compiled.py` writes
them once; they are never modified here) and holds its own database, compiled once (the first
compile is timed when it happens). Then each operation below is done, the store loaded again
(`ResultsStore.load`, what a reload runs) and timed, and the folder put back (untimed):

    nothing       no document changed: the scan of the folder and the opening of the store
    change one    a document in the middle of the store edited (one vote count)
    add one       a new document (another council, the same date: ranked in the middle)
    remove one    a document in the middle removed

Printed: the median of --runs for each, in seconds, against the issue's target (< 1 s at
10,000 elections for a changed document).

    python benchmarks/recompile.py [--sizes 1000 10000] [--runs 5] [--cache DIR] [--work DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from compiled import PARTIES, folder_for
from timing import table

from knowledge import ResultsStore

TARGET_S = 1.0
Step = tuple[Callable[[], object], Callable[[], object]]
"""(do, undo) of one operation on the working folder."""


def working_folder(source: Path, work: Path) -> Path:
    """A folder of links to `source`'s documents (made once), beside its own database."""
    folder = work / source.name
    documents = sorted(source.glob("*.txt"))
    linked = sorted(folder.glob("*.txt")) if folder.exists() else []
    if [p.name for p in linked] != [p.name for p in documents] or any(
        not p.is_symlink() for p in linked
    ):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for document in documents:
            (folder / document.name).symlink_to(document)
    return folder


def load(folder: Path) -> ResultsStore:
    return ResultsStore.load(folder, PARTIES, database=folder / ".elections.sqlite3")


def first_compile(folder: Path) -> float | None:
    """Compile the folder if its database is missing or stale; the seconds it took, if so."""
    start = time.perf_counter()
    store = load(folder)
    elapsed = time.perf_counter() - start
    compiled = len(store.report.compiled)
    store.close()
    return elapsed if compiled > 1 else None


def steps(folder: Path) -> dict[str, Step]:
    documents = sorted(folder.glob("*.txt"))
    middle = documents[len(documents) // 2]
    text = middle.read_text(encoding="utf-8")
    council = middle.name.split("_")[1]
    added = folder / middle.name.replace(council, f"zz{council}")
    removed = folder.parent / f".removed-{middle.name}"
    target = middle.readlink()

    def change() -> None:
        middle.unlink()  # the link, not the cached document
        middle.write_text(text.replace(" votes", "  votes", 1), encoding="utf-8")

    def unchange() -> None:
        middle.unlink()
        middle.symlink_to(target)

    def add() -> None:
        added.write_text(text.replace(council.title(), f"Zz{council}"), encoding="utf-8")

    return {
        "nothing": (lambda: None, lambda: None),
        "change one": (change, unchange),
        "add one": (add, added.unlink),
        "remove one": (lambda: middle.rename(removed), lambda: removed.rename(middle)),
    }


def measure(folder: Path, runs: int) -> dict[str, float]:
    timings: dict[str, list[float]] = {}
    for name, (do, undo) in steps(folder).items():
        for _ in range(runs):
            do()
            try:
                start = time.perf_counter()
                store = load(folder)
                timings.setdefault(name, []).append(time.perf_counter() - start)
                changed = store.report.compiled or store.report.removed
                assert name == "nothing" or changed, f"{name}: nothing was recompiled"
                store.close()
            finally:
                undo()
            load(folder).close()  # back in step, untimed
    return {name: statistics.median(values) for name, values in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/election-bot-benchmarks"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/election-bot-recompile"))
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        source = folder_for(size, args.cache)
        folder = working_folder(source.resolve(), args.work)
        print(f"{size:,}: compiling {folder} if needed", file=sys.stderr)
        compiled = first_compile(folder)
        found = measure(folder, args.runs)
        rows.append(
            [
                f"{size:,}",
                "—" if compiled is None else f"{compiled:.1f}",
                *(f"{found[name]:.3f}" for name in ("nothing", "change one")),
                *(f"{found[name]:.3f}" for name in ("add one", "remove one")),
                "✓" if found["change one"] < TARGET_S else "✗",
            ]
        )
    print(
        table(
            [
                "elections",
                "first compile s",
                "nothing s",
                "change one s",
                "add one s",
                "remove one s",
                "change < 1 s",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
