"""Cold-start wall time of `python -m bot ask "/ward Littleover"` beside the import floor.

Each row is a fresh interpreter, run `--runs` times (after one untimed run to warm the OS file
cache), the rows taking turns; the table gives the median and the fastest. The floor is
`import pydantic, rapidfuzz`: the answer cannot start sooner than its two libraries load.
Target: within 2x of that floor (2.5x at 10,000 elections).

`import pydantic` is lazy, though: the first model class loads most of pydantic (`pydantic.main`
and its schema machinery), which the floor leaves out and any answer built as a pydantic model
pays. Two rows measure that: one model defined and validated, and the least any program using a
model can pay (its schema never built, `model_construct`, the plugin scan off as `python -m bot`
turns it off). With `--data FOLDER` (a compiled folder, such as `compiled.py`'s 10,000), two
more rows time statting every document there, which every start must do to notice an edited
document, alone and after that least model use, and the `ask` runs on that folder.
`--importtime` also prints the slowest imports of the `ask` run (python -X importtime).

The children run as on an installed copy: bytecode writing is allowed even when this shell sets
PYTHONDONTWRITEBYTECODE, so the untimed first run writes the .pyc files the timed runs read
(`timing.child_env`); without them each run would re-compile the project's sources.

    python benchmarks/cold_start.py [--runs 15] [--importtime] [--data FOLDER]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import ROOT, child_env, table

TARGET_RATIO = 2.0
FOLDER_RATIO = 2.5
"""The target at 10,000 elections, for `--data`."""
ASK = ["-m", "bot", "ask", "/ward Littleover"]
FLOOR = "import pydantic, rapidfuzz (floor)"
ONE_MODEL = "pydantic with one model, rapidfuzz"
LEAST_MODEL = "least use of one pydantic model, rapidfuzz"
_NO_PLUGINS = "import os; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
_LEAST = (
    _NO_PLUGINS + "import rapidfuzz; from pydantic import BaseModel, ConfigDict\n"
    "class M(BaseModel):\n model_config = ConfigDict(defer_build=True)\n x: int\n"
    "M.model_construct(x=1)\n"
)
ROWS: list[tuple[str, list[str]]] = [
    ("python -c pass", ["-c", "pass"]),
    (FLOOR, ["-c", "import pydantic, rapidfuzz"]),
    (
        ONE_MODEL,
        [
            "-c",
            _NO_PLUGINS + "import rapidfuzz; from pydantic import BaseModel\n"
            "class M(BaseModel):\n x: int\nM(x=1)",
        ],
    ),
    (LEAST_MODEL, ["-c", _LEAST]),
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


_STAT_ALL = (
    "import os, sys\nfolder = sys.argv[1]\n"
    "names = sorted(n for n in os.listdir(folder) if not n.startswith('.'))\n"
    "descriptor = os.open(folder, os.O_RDONLY)\n"
    "stats = [os.stat(n, dir_fd=descriptor) for n in names]\n"
)


def folder_rows(folder: str) -> list[tuple[str, list[str]]]:
    """Rows for a compiled folder: statting its documents, alone and after the least model use,
    and `ask` on one of its wards (the last election's first)."""
    from knowledge import ResultsStore

    store = ResultsStore.load(Path(folder), ROOT / "data" / "parties.toml")
    ward = store.facts(store.catalog[-1].id).contests[0].ward
    store.close()
    count = len(store.catalog)
    return [
        (f"stat every document ({count:,})", ["-c", _STAT_ALL, folder]),
        ("least model use, then stat every document", ["-c", _LEAST + _STAT_ALL, folder]),
        (
            f'python -m bot --data FOLDER ask "/ward {ward}"',
            ["-m", "bot", "--data", folder, "ask", f"/ward {ward}"],
        ),
    ]


def wall_times(rows: list[tuple[str, list[str]]], runs: int) -> dict[str, list[float]]:
    """Seconds per fresh interpreter running each row's arguments, from the project root.

    The rows take turns (one run of each, `runs` rounds), so a burst of load on a shared
    machine lands on every row alike instead of skewing the ratios between them.
    """
    env = child_env("DISCORD_TOKEN", "ELECTIONS_DB")
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
    parser.add_argument("--data", help="a compiled folder of documents: its rows too")
    args = parser.parse_args()

    extra = folder_rows(args.data) if args.data else []
    results = wall_times(ROWS + extra, args.runs)
    floor = statistics.median(results[FLOOR])
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
    ratio = {label: statistics.median(times) / floor for label, times in results.items()}
    checks = [(ROWS[-1][0], TARGET_RATIO, LEAST_MODEL)]
    if extra:
        checks.append((extra[-1][0], FOLDER_RATIO, extra[1][0]))
    for ask, target, least in checks:
        verdict = "PASS" if ratio[ask] <= target else "FAIL"
        print(f"\n`{ask}`: {ratio[ask]:.2f}x the import floor (target <= {target:g}x): {verdict}")
        print(
            f"  its least possible while the answer is a pydantic model: {ratio[least]:.2f}x"
            f" ({least}); `ask` is {ratio[ask] / ratio[least]:.2f}x that"
        )
    if args.importtime:
        print("\nSlowest imports of the `ask` run (ms, cumulative and own)\n")
        print(table(["cumulative", "own", "module"], slowest_imports()))


if __name__ == "__main__":
    main()
