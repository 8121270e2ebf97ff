"""Wall time of importing 50 Wikipedia articles from the fake MediaWiki API on 127.0.0.1.

`python -m bot import wikipedia --list` in-process: one `links` request, then one `parse`
request per article, one at a time (the politeness rule), each written atomically. A second
pass re-imports the same revisions (every article a no-op). A third pass asks for the same
50 articles with every fifth one answered first by a 503 with `Retry-After: 0`, so the retry
path is timed too. The fake serves the whole fixture articles under 50 titles.

    python benchmarks/import.py [--articles 50]
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from timing import ROOT, table

sys.path.insert(0, str(ROOT / "tests"))

from bot.importing.client import HttpClient, user_agent
from bot.importing.mediawiki import MediaWiki
from bot.importing.wikipedia import WikipediaImporter

LIST_TITLE = "Benchmark Borough Council elections"
TARGET_SECONDS = 10.0


def fake_wiki(count: int) -> Any:
    """The fake lives with the tests (tests/fakes); import it without packaging it."""
    fakes = importlib.import_module("fakes.mediawiki")
    templates = fakes.fixture_articles()
    wiki = fakes.FakeMediaWiki([])
    titles = []
    for n in range(count):
        template = templates[n % len(templates)]
        title = f"{1974 + n} Benchmark Borough Council election"
        wiki.add(fakes.Article(title, template.wikitext, 5000 + n))
        titles.append(title)
    wiki.link_list(LIST_TITLE, [(title, True) for title in titles])
    return wiki.start()


def run(wiki: Any, folder: Path) -> tuple[float, int, dict[str, int]]:
    client = HttpClient(user_agent("benchmark"))
    importer = WikipediaImporter(MediaWiki(client, wiki.api_url), folder)
    start = time.perf_counter()
    outcomes = importer.import_list(LIST_TITLE)
    elapsed = time.perf_counter() - start
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return elapsed, client.requests, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args()
    wiki = fake_wiki(args.articles)
    rows: list[list[str]] = []
    try:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            passes: list[tuple[str, int | None]] = [
                ("first import", None),
                ("re-import, same revisions", None),
            ]
            passes.append(("with a 503 on every 5th article", 5))
            for label, every in passes:
                if every:
                    for path in folder.iterdir():
                        path.unlink()
                    for n in range(0, args.articles, every):
                        wiki.fail_next(
                            "503", "0", page=f"{1974 + n} Benchmark Borough Council election"
                        )
                elapsed, requests, counts = run(wiki, folder)
                written = sum(p.stat().st_size for p in folder.glob("*.wiki"))
                rows.append(
                    [
                        label,
                        str(sum(counts.values())),
                        str(requests),
                        ", ".join(f"{n} {s}" for s, n in counts.items()),
                        f"{written / 1e6:.2f}",
                        f"{elapsed:.2f}",
                        f"{1000 * elapsed / max(1, sum(counts.values())):.1f}",
                    ]
                )
    finally:
        wiki.stop()
    headers = ["pass", "articles", "requests", "outcomes", "MB written", "wall s", "ms/article"]
    print(table(headers, rows))
    worst = max(float(row[5]) for row in rows)
    verdict = "PASS" if worst < TARGET_SECONDS else "FAIL"
    print(f"\n{verdict}: every pass under {TARGET_SECONDS:.0f} s for {args.articles} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
