"""`python -m bot`: read settings, set up logging, then run the console, one answer, or Discord.

    python -m bot                 Discord when DISCORD_TOKEN is set, else the offline console
    python -m bot console         the offline console, even with a token
    python -m bot ask "TEXT"      one answer (a /command or a question), then exit
    python -m bot sync            register the slash commands globally with Discord
    python -m bot import wikipedia "TITLE" | --list "TITLE"     fetch Wikipedia articles
    python -m bot import democracyclub FILE.csv | ELECTION_ID   copy or fetch a results CSV

The console and `ask` never import discord: start-up time is part of the answer time.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.env import TextSettings, database_path

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.store import ResultsStore

PROJECT_PARTIES = Path(__file__).resolve().parent.parent / "data" / "parties.toml"
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Election results bot: Discord or the terminal."
    )
    parser.add_argument(
        "--data",
        type=Path,
        help="folder of election documents, or one document "
        "(default: ELECTIONS_DATA, else data/elections)",
    )
    sub = parser.add_subparsers(dest="mode")
    sub.add_parser("console", help="the offline console, even when a token is configured")
    ask = sub.add_parser("ask", help="print one answer and exit")
    ask.add_argument("text", help='a command ("/ward Littleover") or a question')
    ask.add_argument("--json", action="store_true", help="print the answer model as JSON")
    ask.add_argument("--image", type=Path, metavar="PATH", help="write the answer's picture (PNG)")
    ask.add_argument("--election", help="answer from this election (questions)")
    ask.add_argument("--data", type=Path, dest="ask_data", help=argparse.SUPPRESS)
    sub.add_parser("sync", help="register the slash commands globally with Discord")
    from bot.importing.arguments import add_parser as add_import_parser

    add_import_parser(sub)
    return parser


def parties_file(data: Path) -> Path:
    """A `parties.toml` beside the documents wins; else the project's own."""
    folder = data if data.is_dir() else data.parent
    local = folder / "parties.toml"
    return local if local.exists() else PROJECT_PARTIES


def load_store(
    data: Path, database: Path | None = None, *, long_running: bool = True
) -> ResultsStore:
    """Compile what changed into the store's database and open it.

    A long-running process then freezes the heap, so the garbage collector never walks the
    name indexes again; one `ask` skips that pass (it would cost more than it saves).
    """
    from knowledge.store import ResultsStore

    store = ResultsStore.load(
        data, parties_file(data), database=database_path(data, database), progress=_progress()
    )
    for problem in store.problems:
        print(f"Compiled store: {problem}", file=sys.stderr)
    if long_running:
        from bot import heap

        heap.enable()
    return store


def _progress() -> Callable[[int, int], None]:
    """Progress of a long first compile on standard error: a bar on a terminal; elsewhere (a
    service's log) a line every tenth, so minutes of compiling do not look like a hang."""
    terminal = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if total < (50 if terminal else 1000):
            return
        if not terminal:
            if done == total or done % max(1, total // 10) == 0:
                print(f"Compiling: {done}/{total} documents", file=sys.stderr, flush=True)
            return
        if done == total or done % max(1, total // 200) == 0:
            filled = 30 * done // total
            bar = "#" * filled + "." * (30 - filled)
            end = "\n" if done == total else ""
            print(f"\rCompiling [{bar}] {done}/{total} documents", end=end, file=sys.stderr)

    return show


def one_shot() -> None:
    """Tune a process that answers once and exits (`ask`): its start-up is the answer time.

    - The cyclic garbage collector is off: the few cycles made while loading (classes,
      schemas) die with the process, and its passes during the imports cost about 10 ms.
    - At exit every object is frozen (`gc.freeze`), so the interpreter's final collection
      skips them: it took 20 ms or more to free what the exit frees anyway. Streams are still
      flushed and the store's database closed as usual.
    - Pydantic's plugin discovery (an entry-point scan of every installed package, at the
      first model built) is skipped unless PYDANTIC_DISABLE_PLUGINS is set already: one
      printed answer has no use for pydantic plugins. Its loader module is stood in for
      (`_no_pydantic_plugins`), as importing it imports `importlib.metadata` and `email`
      (15-25 ms) only to find the variable set.

    Only the process entry calls this, never `main` itself, so a caller running `main` in its
    own process (the tests) keeps its settings.
    """
    import atexit
    import gc
    import os

    gc.disable()
    atexit.register(gc.freeze)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in ("__all__", "1", "true"):
        _no_pydantic_plugins()


_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_pydantic_plugins() -> None:
    """Stand in for pydantic's plugin loader with one that finds none, as the real one does
    when PYDANTIC_DISABLE_PLUGINS says all are off. Pydantic imports it on the first model it
    builds (`from ._loader import get_plugins`); a pydantic that no longer does so never
    looks at this module, and one that imports more from it gets the real module's names."""
    import importlib.util
    import types

    if _PLUGIN_LOADER in sys.modules:
        return
    stand_in = types.ModuleType(_PLUGIN_LOADER)

    def get_plugins() -> tuple[()]:
        return ()

    def real(name: str) -> object:  # anything else: the real module, imported on demand
        if name.startswith("__"):  # the import system asking whether it is a package
            raise AttributeError(name)
        del sys.modules[_PLUGIN_LOADER]
        spec = importlib.util.find_spec(_PLUGIN_LOADER)
        if spec is None or spec.loader is None:
            raise AttributeError(name)
        module = importlib.util.module_from_spec(spec)
        sys.modules[_PLUGIN_LOADER] = module
        spec.loader.exec_module(module)
        return getattr(module, name)

    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    stand_in.__getattr__ = real  # type: ignore[method-assign]
    sys.modules[_PLUGIN_LOADER] = stand_in


def main(argv: list[str] | None = None, *, process: bool = False) -> int:
    """Run the CLI; `process`: this is the whole process (`python -m bot`), so a one-shot
    `ask` may tune it (see `one_shot`)."""
    args = build_parser().parse_args(argv)
    if process and args.mode == "ask":
        one_shot()
    settings: Settings | TextSettings
    if args.mode in ("ask", "console"):
        try:
            settings = TextSettings.read()
        except ValueError as error:
            print(f"Configuration error: {error}", file=sys.stderr)
            return EXIT_USAGE
    else:
        from bot.settings import Settings

        try:
            settings = Settings()
        except Exception as error:  # pydantic ValidationError: a bad value in the environment
            print(f"Configuration error: {error}", file=sys.stderr)
            return EXIT_USAGE
    if args.mode != "ask":  # one answer logs nothing: skip importing logging
        from bot.log_format import configure

        configure(settings.log_level, settings.log_format)
    data = getattr(args, "ask_data", None) or args.data or settings.elections_data
    if args.mode == "import":  # writes documents; the store is not needed (nor may exist yet)
        from bot.importing import cli as import_cli

        assert not isinstance(settings, TextSettings)  # read in full above (not ask/console)
        return import_cli.run(args, settings, data)
    if not data.exists():
        print(f"No election documents at {data}.", file=sys.stderr)
        return EXIT_USAGE
    # ELECTIONS_DB belongs to ELECTIONS_DATA: another folder given here gets its own file.
    database = settings.elections_db if data == settings.elections_data else None
    store = load_store(data, database, long_running=args.mode != "ask")
    if args.mode == "ask":
        from bot.ask import run_ask

        try:
            return run_ask(
                store, args.text, as_json=args.json, image=args.image, election=args.election
            )
        finally:
            store.close()  # now, not whenever the store is collected (see `one_shot`)
    if isinstance(settings, TextSettings):
        return _console(store)
    if args.mode == "sync":
        if not settings.has_token:
            print("DISCORD_TOKEN is not set: nothing to sync with.", file=sys.stderr)
            return EXIT_USAGE
        from bot.discord_app import sync_global

        return sync_global(settings, store)
    if args.mode == "console" or not settings.has_token:
        return _console(store)
    from bot.discord_app import run_discord

    return run_discord(settings, store)


def _console(store: ResultsStore) -> int:
    """The offline console over a live store: an edited document is answered from on the next
    line, and the first question's lexicon is built while the first line is typed."""
    from bot.console import run_console
    from bot.live_store import LiveStore

    live = LiveStore(store)
    live.watch()
    live.prepare()
    return run_console(live)


def entry() -> int:
    """Run `main`, leaving quietly when the reader of our output goes away (`| head`)."""
    try:
        return main(process=True)
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(entry())
