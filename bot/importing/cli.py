"""`python -m bot import wikipedia|democracyclub …`: argument parsing, progress and the table.

Every expected failure is one line on stderr and exit status 1; nothing is half-written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.importing import ImportFailure
from bot.importing.client import HttpClient, user_agent
from bot.importing.democracyclub import import_election, import_file, is_election_id
from bot.importing.mediawiki import MediaWiki
from bot.importing.wikipedia import Outcome, WikipediaImporter
from bot.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
BAR_WIDTH = 24


def run(args: argparse.Namespace, settings: Settings, folder: Path) -> int:
    """Run one import; the return value is the process's exit status."""
    folder = getattr(args, "import_data", None) or folder
    if folder.exists() and not folder.is_dir():
        print(f"error: {folder} is a file; imports need a folder", file=sys.stderr)
        return EXIT_USAGE
    client = HttpClient(user_agent(settings.import_contact))
    try:
        if args.source == "wikipedia":
            return _wikipedia(args, settings, client, folder)
        return _democracyclub(args.what, settings, client, folder)
    except ImportFailure as failure:
        print(f"error: {failure}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"error: cannot write to {folder}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED


def _wikipedia(
    args: argparse.Namespace, settings: Settings, client: HttpClient, folder: Path
) -> int:
    importer = WikipediaImporter(MediaWiki(client, settings.wikipedia_api_url), folder)
    if not args.titles and not args.list_title:
        print("error: give article titles, or --list TITLE", file=sys.stderr)
        return EXIT_USAGE
    outcomes: list[Outcome] = []
    if args.titles and not args.list_title and len(args.titles) == 1:
        outcome = importer.import_title(args.titles[0])
        print(f"{outcome.status}: {outcome.title} ({outcome.detail})")
        return EXIT_OK
    for title in args.titles:
        try:
            outcomes.append(importer.import_title(title))
        except ImportFailure as failure:
            outcomes.append(Outcome(title, "failed", str(failure)))
    if args.list_title:
        outcomes.extend(importer.import_list(args.list_title, ProgressBar(sys.stderr)))
    print(table(outcomes))
    return EXIT_FAILED if any(o.status == "failed" for o in outcomes) else EXIT_OK


def _democracyclub(what: str, settings: Settings, client: HttpClient, folder: Path) -> int:
    if is_election_id(what) and not Path(what).exists():
        token = settings.democracyclub_token
        outcome = import_election(
            what,
            client,
            settings.democracyclub_url,
            folder,
            token.get_secret_value() if token else None,
        )
    else:
        outcome = import_file(Path(what), folder)
    print(f"{outcome.status}: {outcome.title} ({outcome.detail})")
    return EXIT_OK


class ProgressBar:
    """`[########----------------]  5/17  2010 Derby City Council election`, redrawn in place
    on a terminal and one line per article otherwise (logs stay readable)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()

    def __call__(self, done: int, total: int, title: str) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"[{bar}] {done:>{len(str(total))}}/{total}  {title}"
        if self.live:
            self.stream.write("\r\x1b[2K" + line[:120] + ("\n" if done == total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def table(outcomes: Sequence[Outcome]) -> str:
    """The final report: one row per article, then the counts."""
    if not outcomes:
        return "nothing imported"
    width = min(max(len(o.title) for o in outcomes), 60)
    lines = [f"{'article':<{width}}  {'result':<9}  detail", f"{'-' * width}  {'-' * 9}  ------"]
    for outcome in outcomes:
        title = outcome.title if len(outcome.title) <= width else outcome.title[: width - 1] + "…"
        lines.append(f"{title:<{width}}  {outcome.status:<9}  {outcome.detail}")
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    lines.append("")
    lines.append(", ".join(f"{n} {status}" for status, n in counts.items()))
    return "\n".join(lines)
