"""Name resolution, autocomplete and question recognition at scale, one row per kind of call.

Opens an already compiled store (a folder of documents with its `.elections.sqlite3`, as
`benchmarks/compiled.py` leaves it under /tmp/election-bot-benchmarks) and times, with names
sampled from the store at random (seeded):

    resolve     ward / candidate / party / election names, as written or with a typo,
                unscoped and scoped to an election they belong to
    suggest     autocomplete of ward and candidate prefixes (3+ letters, a third with a typo;
                single letters), unscoped and scoped
    recognise   a question's names and intent found (tokenize, spot, recognise), not answered
    answer      the whole question answered (for comparison: includes building the election)

The election-build and facts costs of `answer` are not resolution's; `recognise` is.

    python benchmarks/resolution.py FOLDER [FOLDER ...] [--count 300]

The folder's documents are compiled first where they changed, so point it at a copy of a shared
corpus if another process must not see the database file rewritten.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from compiled import typo
from timing import ROOT, ms, percentile, table

from knowledge import ResultsStore, answer_question, suggest
from knowledge.questions.lexicon import lexicon_for
from knowledge.questions.recognise import recognise
from knowledge.questions.spotting import spot
from knowledge.questions.text import tokenize

PARTIES = ROOT / "data" / "parties.toml"


def recognised(store: ResultsStore, question: str) -> object:
    text, tokens = tokenize(question)
    spotted = spot(store, lexicon_for(store), text, tokens)
    return recognise(spotted, implicit_ward=False)


CLOCK = time.perf_counter


def timed(calls: list[Callable[[], object]]) -> list[float]:
    times = []
    for call in calls:
        start = CLOCK()
        call()
        times.append(CLOCK() - start)
    return times


def rows_for(store: ResultsStore, count: int) -> list[tuple[str, list[Callable[[], object]]]]:
    rng = random.Random(2002)
    sample = store._query(
        "SELECT e.sid, c.ward, p.name FROM candidacies p JOIN elections e"
        " ON e.id = p.election JOIN contests c ON c.election = p.election"
        " AND c.position = p.contest WHERE e.rank IS NOT NULL"
        " AND (p.election * 31 + p.contest * 7 + p.position) % 20 = 7 LIMIT 20000"
    )
    picks = [rng.choice(sample) for _ in range(count)]
    parties = ["labour", "tories", "lib dems", "green", "conservative", "libral democrats"]
    ids = [info.id for info in store.catalog]
    titles = [(info.council, info.year) for info in store.catalog]

    def each(make: Callable[[str, str, str], Callable[[], object]]) -> list[Callable[[], object]]:
        return [make(e, w, n) for e, w, n in picks]

    def prefix(text: str, slip: bool) -> str:
        cut = text[: rng.randint(3, max(3, len(text)))]
        return typo(cut, rng) if slip else cut

    return [
        ("ward", each(lambda e, w, n: partial(store.resolve_ward, w))),
        ("ward typo", each(lambda e, w, n: partial(store.resolve_ward, typo(w, rng)))),
        ("ward scoped", each(lambda e, w, n: partial(store.resolve_ward, w, e))),
        ("ward typo scoped", each(lambda e, w, n: partial(store.resolve_ward, typo(w, rng), e))),
        ("candidate", each(lambda e, w, n: partial(store.resolve_candidate, n))),
        ("candidate typo", each(lambda e, w, n: partial(store.resolve_candidate, typo(n, rng)))),
        (
            "candidate surname",
            each(lambda e, w, n: partial(store.resolve_candidate, n.split()[-1])),
        ),
        ("candidate scoped", each(lambda e, w, n: partial(store.resolve_candidate, n, e))),
        (
            "candidate typo scoped",
            each(lambda e, w, n: partial(store.resolve_candidate, typo(n, rng), e)),
        ),
        ("party", [partial(store.resolve_party, rng.choice(parties)) for _ in picks]),
        (
            "election",
            [
                partial(store.resolve_election, rng.choice([f"{c} {y}", c, str(y), i]))
                for (c, y), i in ((rng.choice(titles), rng.choice(ids)) for _ in picks)
            ],
        ),
        ("suggest ward", each(lambda e, w, n: partial(suggest, store, "ward", prefix(w, False)))),
        (
            "suggest ward typo",
            each(lambda e, w, n: partial(suggest, store, "ward", prefix(w, True))),
        ),
        (
            "suggest ward scoped",
            each(lambda e, w, n: partial(suggest, store, "ward", prefix(w, rng.random() < 0.3), e)),
        ),
        (
            "suggest candidate",
            each(lambda e, w, n: partial(suggest, store, "candidate", prefix(n, False))),
        ),
        (
            "suggest candidate typo",
            each(lambda e, w, n: partial(suggest, store, "candidate", prefix(n, True))),
        ),
        (
            "suggest candidate scoped",
            each(
                lambda e, w, n: partial(
                    suggest, store, "candidate", prefix(n, rng.random() < 0.3), e
                )
            ),
        ),
        (
            "suggest one letter",
            each(lambda e, w, n: partial(suggest, store, rng.choice(["ward", "candidate"]), n[0])),
        ),
        (
            "recognise",
            each(
                lambda e, w, n: partial(
                    recognised,
                    store,
                    rng.choice(
                        [
                            f"who won in {w}?",
                            f"how did {n} do?",
                            f"did {n.split()[-1]} win in {w}",
                            f"how many seats did {rng.choice(parties)} win",
                            f"who won {w} in {e.rsplit('-', 1)[-1]}",
                            f"who won {typo(w, rng)} in {store.info(e).council}",  # type: ignore[union-attr]
                        ]
                    ),
                )
            ),
        ),
        (
            "answer",
            each(
                lambda e, w, n: partial(
                    answer_question,
                    store,
                    rng.choice([f"who won in {w}?", f"how did {n} do?", f"did {n} win in {w}"]),
                )
            ),
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--count", type=int, default=300, help="calls per row")
    parser.add_argument("--only", nargs="*", help="rows whose name starts with one of these")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time this process's CPU (steadier than wall time on a machine others share)",
    )
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.cpu else time.perf_counter
    for folder in args.folders:
        start = time.perf_counter()
        store = ResultsStore.load(folder, PARTIES, database=folder / ".elections.sqlite3")
        opened = time.perf_counter() - start
        out = []
        for name, calls in rows_for(store, args.count):
            if args.only and not any(name.startswith(o) for o in args.only):
                continue
            gc.collect()
            first = timed(calls[:1])[0]
            warm = len(calls) // 5
            timed(calls[1:warm])
            times = timed(calls[warm:])
            out.append(
                [
                    name,
                    ms(first),
                    ms(percentile(times, 0.5)),
                    ms(sum(times) / len(times)),
                    ms(percentile(times, 0.99)),
                    ms(max(times)),
                ]
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"\n{folder.name}: {len(store.catalog):,} elections, opened in {opened:.2f} s,"
            f" peak memory {peak:.0f} MB after the rows; {'CPU' if args.cpu else 'wall'} time\n"
        )
        print(table(["call (ms)", "first", "p50", "mean", "p99", "max"], out))


if __name__ == "__main__":
    main()
