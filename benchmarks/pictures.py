"""Render time of each kind of picture: the first one ever, cold (cache cleared) and cached.

    python benchmarks/pictures.py [--repeat N] [--save docs/images]

`--save DIR` also writes the three pictures there (the README's samples).

Targets: under 50 ms cold, under 1 ms cached. The first picture also pays for importing Pillow and
loading the fonts, so it is reported on its own line.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

import bot.pictures as pictures  # noqa: E402
from knowledge import ResultsStore, run_text  # noqa: E402

CASES = {
    "seat diagram": "/summary",
    "ward chart": "/ward Boulton",
    "party chart": "/party labour",
}
COLD_TARGET_MS, CACHED_TARGET_MS = 50.0, 1.0


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(action: Callable[[], object], repeat: int, before: Callable[[], None]) -> list[float]:
    """Milliseconds per call, `before` run untimed ahead of each."""
    samples = []
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="timed calls per row")
    parser.add_argument("--save", type=Path, help="write the pictures to this folder")
    args = parser.parse_args()
    store = ResultsStore.load(ROOT / "data" / "elections", ROOT / "data" / "parties.toml")
    answers = {name: run_text(store, command) for name, command in CASES.items()}

    start = time.perf_counter()
    pictures.picture_for(answers["seat diagram"])
    first = (time.perf_counter() - start) * 1000

    rows = []
    for name, answer in answers.items():
        draw = functools.partial(pictures.picture_for, answer)
        cold = timed(draw, args.repeat, pictures.clear_cache)
        draw()
        cached = timed(draw, args.repeat, lambda: None)
        picture = pictures.picture_for(answer)
        size = len(picture.png) // 1024 if picture else 0
        if args.save and picture:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / picture.filename).write_bytes(picture.png)
        rows.append((name, cold, cached, size))

    print(f"first picture ever (imports Pillow, loads fonts): {first:.1f} ms")
    print(f"{args.repeat} calls per row, milliseconds\n")
    header = f"{'picture':<14}{'cold p50':>10}{'cold p99':>10}{'cached p50':>12}{'cached p99':>12}"
    print(header + f"{'PNG':>8}  targets <{COLD_TARGET_MS:g} / <{CACHED_TARGET_MS:g} ms")
    print("-" * (len(header) + 34))
    for name, cold, cached, size in rows:
        ok = percentile(cold, 0.99) < COLD_TARGET_MS and percentile(cached, 0.99) < CACHED_TARGET_MS
        print(
            f"{name:<14}{statistics.median(cold):>10.2f}{percentile(cold, 0.99):>10.2f}"
            f"{statistics.median(cached):>12.4f}{percentile(cached, 0.99):>12.4f}"
            f"{size:>6} kB  {'ok' if ok else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
