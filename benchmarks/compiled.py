"""The compiled store against the issue's targets, at 1 (the seed), 1,000 and 10,000 elections.

For each size, synthetic documents (`benchmarks/synthetic.py`, in the seed's grammar) are
written once into a folder (kept under --cache for the next run), then:

    first compile   ResultsStore.load into the folder's .elections.sqlite3 (fresh file)
    recompile one   one document changed, compiled again
    cold ask        a fresh `python -m bot --data FOLDER ask "/ward NAME"`, median of --runs
                    (after the compile), beside the import floor `import pydantic, rapidfuzz`
                    (timed in turn with the asks, so both meet the same load)
    cold question   the same for a question, `ask "who won in NAME?"`: it also reads the words
                    of every name kind and resolves the ward as a question does
    ask memory      peak resident memory of that process
    command p99     /ward, /candidate, /party, /summary, /closest on random elections
    suggest p99     autocomplete of ward and candidate prefixes (3+ letters, some with a typo)
    question p99    plain-words questions naming a ward, a candidate or a party

Child interpreters may write bytecode even when this shell sets PYTHONDONTWRITEBYTECODE
(`timing.child_env`): the untimed first `ask` writes the .pyc files, as an installed copy's
first run does, and the timed runs read them.

Each latency row samples names from the store at random (seeded) with nothing cached between
sizes, after `prepare_questions` (the bot and the console build the question lexicon and read
the name words' counts at start, off the first answer) and a fifth of each row's calls untimed;
a result is ✓ when it meets the issue's target for its size.

    python benchmarks/compiled.py [--sizes 1 1000] [--count 400] [--runs 7] [--cache DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import synthetic
from timing import ROOT, child_env, ms, percentile, table

from bot import heap
from knowledge import ResultsStore, answer_question, prepare_questions, run_text, suggest
from knowledge.resolve import EntityKind

PARTIES = ROOT / "data" / "parties.toml"
SEED = ROOT / "data" / "elections"


@dataclass(frozen=True)
class Targets:
    compile_s: float | None
    start_s: float | None
    """Seconds for a cold ask; None: use the import floor times `floor_ratio`."""
    floor_ratio: float | None
    memory_mb: float | None
    command_ms: float
    suggest_ms: float
    question_ms: float


TARGETS = {
    1: Targets(None, None, 2.0, None, 1.0, 1.0, 2.0),
    1000: Targets(60.0, 0.3, None, 120.0, 5.0, 5.0, 10.0),
    10000: Targets(600.0, 0.5, 2.5, 200.0, 10.0, 10.0, 20.0),
}


def folder_for(size: int, cache: Path) -> Path:
    if size == 1:
        return SEED
    folder = cache / f"synthetic-{size}"
    if not folder.exists() or len(list(folder.glob("*.txt"))) != size:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        synthetic.write(folder, size)
    return folder


def database_for(folder: Path) -> Path:
    return folder / ".elections.sqlite3"


def fresh_compile(folder: Path) -> tuple[float, ResultsStore]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database_for(folder)}{suffix}").unlink(missing_ok=True)

    def progress(done: int, total: int) -> None:
        if total >= 1000 and (done % max(1, total // 50) == 0 or done == total):
            bar = "#" * (30 * done // total)
            print(f"\r  compiling [{bar:<30}] {done}/{total}", end="", file=sys.stderr)
            if done == total:
                print(file=sys.stderr)

    start = time.perf_counter()
    store = ResultsStore.load(folder, PARTIES, database=database_for(folder), progress=progress)
    return time.perf_counter() - start, store


def recompile_one(folder: Path) -> float | None:
    files = sorted(folder.glob("*.txt"))
    if len(files) < 2:
        return None
    target = files[len(files) // 2]
    original = target.read_bytes()
    target.write_bytes(original.replace(b" votes", b"  votes", 1))
    try:
        start = time.perf_counter()
        store = ResultsStore.load(folder, PARTIES, database=database_for(folder))
        elapsed = time.perf_counter() - start
        assert store.report.compiled == [target.name], store.report.compiled
    finally:
        target.write_bytes(original)
    ResultsStore.load(folder, PARTIES, database=database_for(folder)).close()
    return elapsed


FLOOR = ["-c", "import pydantic, rapidfuzz"]


def wall(args: list[str], runs: int) -> tuple[float, float]:
    """Median seconds of a fresh interpreter running `args`, and of the import floor, the two
    taking turns (so load on a shared machine lands on both alike)."""
    env = child_env("DISCORD_TOKEN", "ELECTIONS_DB")
    commands = ([sys.executable, *args], [sys.executable, *FLOOR])
    for command in commands:
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for command, samples in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)
            samples.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def ask_memory_mb(folder: Path, text: str) -> float:
    """Peak resident memory of one `ask` (VmHWM: ru_maxrss would keep this parent's peak,
    which Linux carries across exec)."""
    script = (
        "import resource, runpy, sys\n"
        f"sys.argv = ['bot', '--data', {str(folder)!r}, 'ask', {text!r}]\n"
        "try:\n    runpy.run_module('bot', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')]\n"
        "print(int(peak[0].split()[1]) if peak else"
        " resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=child_env("DISCORD_TOKEN", "ELECTIONS_DB"),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def p99(calls: list[Callable[[], object]]) -> float:
    """The 99th percentile of the calls' times; between calls (untimed) the heap is settled as
    the bot and the console settle it whenever they are idle (`bot.heap`)."""
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
        heap.settle()
    return percentile(times, 0.99)


def typo(text: str, rng: random.Random) -> str:
    """One letter dropped or two neighbours swapped (texts of 5+ letters)."""
    if len(text) < 5:
        return text
    cut = rng.randrange(1, len(text) - 1)
    if rng.random() < 0.5:
        return text[:cut] + text[cut + 1 :]
    return text[: cut - 1] + text[cut] + text[cut - 1] + text[cut + 1 :]


def latencies(store: ResultsStore, count: int) -> tuple[float, float, float]:
    rng = random.Random(2002)
    ids = [info.id for info in store.catalog]
    contests = [
        (election, ward, name)
        for election, ward, name in store._query(
            "SELECT e.sid, c.ward, p.name FROM candidacies p JOIN elections e"
            " ON e.id = p.election JOIN contests c ON c.election = p.election"
            " AND c.position = p.contest WHERE e.rank IS NOT NULL"
            " AND (p.election * 31 + p.contest * 7 + p.position) % 20 = 7 LIMIT 20000"
        )
    ]
    parties = ["labour", "tories", "lib dems", "green", "conservative"]
    commands: list[Callable[[], object]] = []
    suggestions: list[Callable[[], object]] = []
    questions: list[Callable[[], object]] = []
    for _ in range(count):
        election, ward, name = rng.choice(contests)
        text = rng.choice(
            [
                f"/ward {ward} election:{election}",
                f"/candidate {name}",
                f"/candidate {typo(name, rng)} election:{election}",
                f"/party {rng.choice(parties)} election:{election}",
                f"/summary {election}",
                f"/closest {rng.choice(ids)}",
            ]
        )
        commands.append(partial(run_text, store, text))
        kinds: list[tuple[EntityKind, str]] = [("ward", ward), ("candidate", name)]
        kind, written = rng.choice(kinds)
        prefix = written[: rng.randint(3, max(3, len(written)))]
        if rng.random() < 0.3:
            prefix = typo(prefix, rng)
        scope = election if rng.random() < 0.5 else None
        suggestions.append(partial(suggest, store, kind, prefix, scope))
        question = rng.choice(
            [
                f"who won in {ward}?",
                f"how did {name} do?",
                f"did {name.split()[-1]} win in {ward}",
                f"how many seats did {rng.choice(parties)} win",
                f"who won {ward} in {election.rsplit('-', 1)[-1]}",
            ]
        )
        questions.append(partial(answer_question, store, question))
    prepare_questions(store)  # as the bot and the console do at start, off the first answer
    heap.enable()
    warm = count // 5  # the first calls build each answer model's schema once: not timed
    for call in commands[:warm] + suggestions[:warm] + questions[:warm]:
        call()
    return p99(commands[warm:]), p99(suggestions[warm:]), p99(questions[warm:])


def tick(ok: bool | None) -> str:
    return "" if ok is None else (" ✓" if ok else " ✗")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000])
    parser.add_argument("--count", type=int, default=400, help="calls per latency row")
    parser.add_argument("--runs", type=int, default=7, help="cold asks per size")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/election-bot-benchmarks"))
    args = parser.parse_args()
    floors = []
    rows = []
    for size in args.sizes:
        folder = folder_for(size, args.cache)
        compile_s, store = fresh_compile(folder)
        target = TARGETS.get(size, TARGETS[10000 if size > 1000 else 1000])
        recompile = recompile_one(folder)
        ward = store.catalog[-1] and store.facts(store.catalog[-1].id).contests[0].ward
        ask_args = ["-m", "bot", "--data", str(folder), "ask", f"/ward {ward}"]
        cold, floor = wall(ask_args, args.runs)
        floors.append(floor)
        question_args = [*ask_args[:-1], f"who won in {ward}?"]
        cold_question, question_floor = wall(question_args, args.runs)
        memory = ask_memory_mb(folder, f"/ward {ward}")
        store = ResultsStore.load(folder, PARTIES, database=database_for(folder))
        command, suggested, question = latencies(store, args.count)
        start_limit = target.start_s
        question_limit = target.start_s
        if target.floor_ratio is not None:
            start_limit = min(start_limit or 1e9, floor * target.floor_ratio)
            question_limit = min(question_limit or 1e9, question_floor * target.floor_ratio)
        rows.append(
            [
                f"{size:,}",
                "—"
                if size == 1
                else f"{compile_s:.1f} s" + tick(compile_s < (target.compile_s or 1e9)),
                "—" if recompile is None else f"{recompile:.2f} s" + tick(recompile < 1.0),
                f"{cold:.3f} s ({cold / floor:.2f}x)" + tick(cold <= (start_limit or 1e9)),
                f"{cold_question:.3f} s ({cold_question / question_floor:.2f}x)"
                + tick(cold_question <= (question_limit or 1e9)),
                f"{memory:.0f} MB"
                + tick(None if target.memory_mb is None else memory < target.memory_mb),
                ms(command) + tick(command * 1000 < target.command_ms),
                ms(suggested) + tick(suggested * 1000 < target.suggest_ms),
                ms(question) + tick(question * 1000 < target.question_ms),
            ]
        )
        store.close()
    floor_text = ", ".join(f"{f:.3f} s" for f in floors)
    print(f"import floor (import pydantic, rapidfuzz), beside each size's asks: {floor_text}\n")
    print(
        table(
            [
                "elections",
                "first compile",
                "recompile one",
                "cold ask",
                "cold question",
                "ask memory",
                "command p99 ms",
                "suggest p99 ms",
                "question p99 ms",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
