"""Cold-start wall time of `python -m bot ask "/ward Littleover"` beside the import floor.

Each row is a fresh interpreter, run `--runs` times (after one untimed run to warm the OS file
cache), the rows taking turns; the table gives the median and the fastest. The floor is
`import pydantic, rapidfuzz`: the answer cannot start sooner than its two libraries load.
Target: within 2x of that floor. `import pydantic` is lazy, though: the first model class loads
most of pydantic, so a second, fairer floor defines one model.
`--importtime` also prints the slowest imports of the `ask` run (python -X importtime).

The children run as on an installed copy: bytecode writing is allowed even when this shell sets
PYTHONDONTWRITEBYTECODE, so the untimed first run writes the .pyc files the timed runs read
(`timing.child_env`); without them each run would re-compile the project's sources.

    python benchmarks/cold_start.py [--runs 15] [--importtime]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from timing import ROOT, child_env, table

TARGET_RATIO = 2.0
ASK = ["-m", "bot", "ask", "/ward Littleover"]
ROWS: list[tuple[str, list[str]]] = [
    ("python -c pass", ["-c", "pass"]),
    ("import pydantic, rapidfuzz (floor)", ["-c", "import pydantic, rapidfuzz"]),
    (
        "pydantic with one model, rapidfuzz",
        ["-c", "import rapidfuzz; from pydantic import BaseModel\nclass M(BaseModel):\n x: int"],
    ),
    ("import knowledge", ["-c", "import knowledge"]),
    (
        "load the seed store",
        [
            "-c",
            "from pathlib import Path; from knowledge import ResultsStore; "
            "ResultsStore.load(Path('data/elections'), Path('data/parties.toml'))",
        ],
    ),
    ('python -m bot ask "/ward Littleover"', ASK),
]


def wall_times(rows: list[tuple[str, list[str]]], runs: int) -> dict[str, list[float]]:
    """Seconds per fresh interpreter running each row's arguments, from the project root.

    The rows take turns (one run of each, `runs` rounds), so a burst of load on a shared
    machine lands on every row alike instead of skewing the ratios between them.
    """
    env = child_env("DISCORD_TOKEN")
    commands = {label: [sys.executable, *args] for label, args in rows}
    for command in commands.values():
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)
            times[label].append(time.perf_counter() - start)
    return times


def slowest_imports(count: int = 12) -> list[list[str]]:
    """The imports of the `ask` run that take longest (cumulative), from -X importtime."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *ASK],
        cwd=ROOT,
        env=child_env("DISCORD_TOKEN"),
        capture_output=True,
        text=True,
    )
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue  # the header, or not an importtime line
        rows.append((int(parts[1]), int(parts[0]), parts[2].rstrip()))
    rows.sort(reverse=True)
    return [[f"{c / 1000:.1f}", f"{o / 1000:.1f}", name.strip()] for c, o, name in rows[:count]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()

    results = wall_times(ROWS, args.runs)
    floor = statistics.median(results["import pydantic, rapidfuzz (floor)"])
    rows = [
        [
            f"`{label}`" if label.startswith("python") else label,
            f"{statistics.median(times) * 1000:.0f}",
            f"{min(times) * 1000:.0f}",
            f"{statistics.median(times) / floor:.2f}x",
        ]
        for label, times in results.items()
    ]
    print(f"Cold start, {args.runs} fresh interpreters each (milliseconds)\n")
    print(table(["run", "median", "fastest", "vs floor"], rows))
    ask = statistics.median(results[ROWS[-1][0]])
    verdict = "PASS" if ask <= TARGET_RATIO * floor else "FAIL"
    modelled = statistics.median(results["pydantic with one model, rapidfuzz"])
    print(f"\n`ask`: {ask / floor:.2f}x the import floor (target <= {TARGET_RATIO:g}x): {verdict}")
    print(
        f"`ask`: {ask / modelled:.2f}x a program that defines one pydantic model "
        "(`import pydantic` alone is lazy: the first model loads most of it)"
    )
    if args.importtime:
        print("\nSlowest imports of the `ask` run (ms, cumulative and own)\n")
        print(table(["cumulative", "own", "module"], slowest_imports()))


if __name__ == "__main__":
    main()
