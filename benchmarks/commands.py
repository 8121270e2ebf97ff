"""In-process latency of every command and of autocomplete on the seed election, and load time.

Each row is `run_text` (or `suggest`) called repeatedly on the 2002 Derby store. "warm" repeats
the same text, so the per-word similarity memo in `knowledge.resolve` answers; "cold" clears that
memo before every call, as for text never seen before. Target: p99 under 1 ms for every row.

    python benchmarks/commands.py [--count 2000]
"""

from __future__ import annotations

import argparse
import time

from timing import ROOT, ms, percentile, samples, table

from knowledge import ResultsStore, run_text, suggest
from knowledge.resolve import EntityKind

SEED = ROOT / "data" / "elections" / "2002_derby_city_council_election.txt"
PARTIES = ROOT / "data" / "parties.toml"
TARGET_MS = 1.0

COMMANDS: list[tuple[str, str]] = [
    ("ward", "/ward Littleover"),
    ("ward, typo", "/ward litleover"),
    ("ward, options", "/ward name:Littleover election:derby-2002"),
    ("ward, not found", "/ward qwzx"),
    ("candidate", "/candidate Lucy Care"),
    ("candidate, typo", "/candidate chris wiliamson"),
    ("candidate, nickname", "/candidate nick van grudgings"),
    ("candidate, surname", "/candidate Dhindsa"),
    ("candidate, ambiguous", "/candidate Pearn"),
    ("candidate, near miss", "/candidate Lucie Carr"),
    ("party", "/party lib dems"),
    ("party, typo", "/party conservitive"),
    ("summary", "/summary"),
    ("closest", "/closest"),
    ("elections", "/elections"),
    ("help", "/help"),
    ("unknown command", "/frobnicate"),
]

SUGGESTIONS: list[tuple[EntityKind, str]] = [
    ("ward", ""),
    ("ward", "litt"),
    ("ward", "mickel"),
    ("candidate", ""),
    ("candidate", "sk"),
    ("candidate", "chris w"),
    ("candidate", "zzz"),
    ("party", ""),
    ("party", "lib"),
    ("election", ""),
    ("election", "derby"),
]


def forget(store: ResultsStore) -> None:
    """Clear the per-word similarity memo of every index (a benchmark-only reach inside)."""
    for index in (store.wards, store.candidates, store.parties, store.election_index):
        index._similar_memo.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="timed calls per row")
    args = parser.parse_args()

    loads = []
    for _ in range(20):
        start = time.perf_counter()
        store = ResultsStore.load(SEED, PARTIES)
        loads.append(time.perf_counter() - start)
    print(
        f"Seed store load (parse 156 candidacies, derive facts, build indexes): "
        f"p50 {ms(percentile(loads, 0.5))} ms, min {ms(min(loads))} ms over {len(loads)} loads\n"
    )

    rows = []
    slowest = 0.0
    for label, text in COMMANDS:
        warm = samples(lambda text=text: run_text(store, text), args.count)  # type: ignore[misc]
        cold = samples(
            lambda text=text: run_text(store, text),  # type: ignore[misc]
            args.count,
            before=lambda: forget(store),
        )
        slowest = max(slowest, percentile(warm, 0.99), percentile(cold, 0.99))
        rows.append(
            [
                label,
                f"`{text}`",
                run_text(store, text).kind,
                ms(percentile(warm, 0.5)),
                ms(percentile(warm, 0.99)),
                ms(percentile(cold, 0.5)),
                ms(percentile(cold, 0.99)),
            ]
        )
    print(f"run_text on the seed, {args.count} calls per column (milliseconds)\n")
    print(
        table(["command", "text", "answer", "warm p50", "warm p99", "cold p50", "cold p99"], rows)
    )

    rows = []
    for kind, text in SUGGESTIONS:
        warm = samples(lambda k=kind, t=text: suggest(store, k, t), args.count)  # type: ignore[misc]
        cold = samples(
            lambda k=kind, t=text: suggest(store, k, t),  # type: ignore[misc]
            args.count,
            before=lambda: forget(store),
        )
        slowest = max(slowest, percentile(warm, 0.99), percentile(cold, 0.99))
        rows.append(
            [
                kind,
                f"`{text}`",
                str(len(suggest(store, kind, text))),
                ms(percentile(warm, 0.5)),
                ms(percentile(warm, 0.99)),
                ms(percentile(cold, 0.5)),
                ms(percentile(cold, 0.99)),
            ]
        )
    print(f"\nsuggest (autocomplete) on the seed, {args.count} calls per column (milliseconds)\n")
    print(table(["kind", "typed", "choices", "warm p50", "warm p99", "cold p50", "cold p99"], rows))
    verdict = "PASS" if slowest * 1000 < TARGET_MS else "FAIL"
    print(f"\nSlowest p99: {ms(slowest)} ms (target < {TARGET_MS:g} ms): {verdict}")


if __name__ == "__main__":
    main()
