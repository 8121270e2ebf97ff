"""The `import` subcommand's arguments, kept apart from the importers so that building the
parser for `ask` or the console imports no HTTP code (start-up time is part of answer time)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`import` and its two sources, on the main parser's subcommands."""
    command = sub.add_parser(
        "import", help="fetch election documents from Wikipedia or Democracy Club"
    )
    sources = command.add_subparsers(dest="source", metavar="SOURCE", required=True)
    wiki = sources.add_parser(
        "wikipedia", help="council-election articles by title (wikitext, CC BY-SA 4.0)"
    )
    wiki.add_argument("titles", nargs="*", metavar="TITLE", help="article titles")
    wiki.add_argument(
        "--list",
        dest="list_title",
        metavar="TITLE",
        help='import every election article an article links to ("Derby City Council elections")',
    )
    club = sources.add_parser(
        "democracyclub", help="a results CSV, from a file or by election id (CC BY 4.0)"
    )
    club.add_argument("what", metavar="FILE.csv|ELECTION_ID", help="e.g. local.derby.2022-05-05")
    for parser in (wiki, club):
        parser.add_argument(
            "--data",
            type=Path,
            dest="import_data",
            metavar="DIR",
            help="folder to write into (default: --data, else ELECTIONS_DATA, else data/elections)",
        )
