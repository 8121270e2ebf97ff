"""Load time, memory and lookup latency as the number of elections grows (synthetic documents).

For each size (default 10, 100 and 1,000 elections; about 196 candidacies each) a fresh process
writes the documents with `benchmarks/synthetic.py`, loads them with `ResultsStore.load` and
times lookups on a seeded sample of real candidacies, with the per-word memo cleared before every
call (a query not seen before):

    scoped      resolve_candidate(full name, election id)         one election's names
    /candidate  run_text("/candidate NAME election:ID")           the whole command
    cross       resolve_candidate(full name)                       every election's names
    cross typo  resolve_candidate(full name with a letter dropped)
    surname     resolve_candidate(surname alone)                   usually ambiguous
    scan        rapidfuzz process.extract (WRatio) over every candidacy name: no index, for scale

Targets: cross-election search p99 under 20 ms at 1,000 elections; load under ~30 s.

    python benchmarks/scale.py [--sizes 10 100 1000] [--queries 300]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import synthetic
from timing import ROOT, ms, percentile, samples, table

from knowledge import ResultsStore, run_text

PARTIES = ROOT / "data" / "parties.toml"
CROSS_TARGET_MS = 20.0
LOAD_TARGET_S = 30.0


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc), else the peak so far."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def typo(name: str, rng: random.Random) -> str:
    """The name with one letter of its longest word dropped."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) > 4:
        cut = rng.randrange(1, len(word) - 1)
        words[longest] = word[:cut] + word[cut + 1 :]
    return " ".join(words)


def measure(elections: int, queries: int) -> dict[str, float]:
    """One size, in this process: write, load, then time the lookups."""
    with tempfile.TemporaryDirectory() as folder:
        synthetic.write(Path(folder), elections)
        gc.collect()
        before = rss_mb()
        start = time.perf_counter()
        store = ResultsStore.load(Path(folder), PARTIES)
        load = time.perf_counter() - start
        gc.collect()
        memory = rss_mb() - before
    assert not store.errors, store.errors[:3]
    candidacies = [
        (e.id, c.name) for e in store.elections for ct in e.contests for c in ct.candidates
    ]
    rng = random.Random(7)
    sample = rng.sample(candidacies, min(queries, len(candidacies)))

    def forget() -> None:
        store.candidates._similar_memo.clear()  # benchmark-only: every query is new

    def timed(call: Callable[[str, str], object]) -> list[float]:
        calls = iter(sample * 2)

        def one() -> None:
            election_id, name = next(calls)
            call(election_id, name)

        return samples(one, len(sample), warmup=0, before=forget)

    results: dict[str, float] = {
        "elections": len(store.elections),
        "candidacies": len(candidacies),
        "names": len(store.candidates),
        "words": len(store.candidates.words),
        "load_s": load,
        "memory_mb": memory,
    }
    runs: dict[str, Callable[[str, str], object]] = {
        "scoped": lambda e, n: store.resolve_candidate(n, e),
        "command": lambda e, n: run_text(store, f"/candidate {n} election:{e}"),
        "cross": lambda e, n: store.resolve_candidate(n),
        "cross_typo": lambda e, n: store.resolve_candidate(typo(n, rng)),
        "surname": lambda e, n: store.resolve_candidate(n.split()[-1]),
    }
    for label, call in runs.items():
        times = timed(call)
        results[f"{label}_p50"] = percentile(times, 0.5)
        results[f"{label}_p99"] = percentile(times, 0.99)
    found = sum(store.resolve_candidate(n, e).status == "ok" for e, n in sample)
    results["scoped_ok"] = found / len(sample)
    from rapidfuzz import fuzz, process

    names = [name for _, name in candidacies]
    missing = [typo(n, rng) + "x" for _, n in sample[:5]]  # no exact hit to stop the scan early
    scans = iter(missing * 2)
    scan = samples(lambda: process.extract(next(scans), names, scorer=fuzz.WRatio, limit=10), 5, 0)
    results["scan_p50"] = percentile(scan, 0.5)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.queries)))
        return

    rows = []
    lookups = []
    verdicts = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--queries", str(args.queries)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(
            [
                f"{int(r['elections']):,}",
                f"{int(r['candidacies']):,}",
                f"{int(r['names']):,}",
                f"{int(r['words']):,}",
                f"{r['load_s']:.2f}",
                f"{r['memory_mb']:.0f}",
                f"{r['scoped_ok']:.0%}",
            ]
        )
        lookups.append(
            [
                f"{int(r['elections']):,}",
                *(
                    f"{ms(r[f'{k}_p50'])} / {ms(r[f'{k}_p99'])}"
                    for k in ("scoped", "command", "cross", "cross_typo", "surname")
                ),
                ms(r["scan_p50"]),
            ]
        )
        if size >= 1000:
            verdicts.append(
                f"{size:,} elections: cross p99 {ms(r['cross_p99'])} ms and typo p99 "
                f"{ms(r['cross_typo_p99'])} ms (target < {CROSS_TARGET_MS:g} ms): "
                + (
                    "PASS"
                    if max(r["cross_p99"], r["cross_typo_p99"]) * 1000 < CROSS_TARGET_MS
                    else "FAIL"
                )
                + f"; load {r['load_s']:.1f} s (target < {LOAD_TARGET_S:g} s): "
                + ("PASS" if r["load_s"] < LOAD_TARGET_S else "FAIL")
            )
    print("Loading synthetic elections (a fresh process per size)\n")
    print(
        table(
            [
                "elections",
                "candidacies",
                "distinct names",
                "name words",
                "load s",
                "RSS MB",
                "scoped ok",
            ],
            rows,
        )
    )
    print(f"\nLookups, p50 / p99 in ms over {args.queries} sampled candidacies (memo cleared)\n")
    print(
        table(
            ["elections", "scoped", "/candidate", "cross", "cross typo", "surname", "scan p50"],
            lookups,
        )
    )
    for verdict in verdicts:
        print("\n" + verdict)


if __name__ == "__main__":
    main()
