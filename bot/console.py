"""The offline console: the bot's commands and questions in a terminal, no Discord needed.

Lines starting with `/` are commands (`/ward Littleover`, `/ward name:Abbey election:derby-2002`);
anything else is a question in plain words. Ctrl-D, Ctrl-C, `exit` or `quit` leave cleanly.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TextIO

from bot import heap
from bot.ask import APOLOGY, answer_for
from bot.live_store import LiveStore
from bot.text import render
from knowledge.questions.conversation import Conversation
from knowledge.store import ResultsStore

PROMPT = "election> "
log = logging.getLogger(__name__)
_GOODBYES = {"exit", "quit", "/exit", "/quit", ":q"}


def banner(store: ResultsStore) -> str:
    count = len(store.elections)
    latest = store.latest
    lines = [
        "Election results bot — offline console (no Discord token configured).",
        f"{count} election{'s' if count != 1 else ''} loaded"
        + (f"; latest: {latest.id} ({latest.title})." if latest else "."),
    ]
    for error in store.errors:
        lines.append(f"Not loaded: {error}")
    lines.append('Type /help for commands, or ask a question ("who won in Boulton?").')
    lines.append("Ctrl-D or 'exit' to leave.")
    return "\n".join(lines)


def _enable_history() -> None:
    """Arrow-key history and line editing where the platform has readline."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (importing it is what enables history in input())


def run_console(
    store: ResultsStore | LiveStore,
    read: Callable[[str], str] = input,
    out: TextIO | None = None,
) -> int:
    """Read, answer, print, until end of input; returns the exit status (0).

    With a `LiveStore` each line is answered from the current store, and `/reload` compiles
    the changed documents now (the store may also be watching its folder).
    """
    import sys

    live = store if isinstance(store, LiveStore) else LiveStore(store)
    stream = out or sys.stdout
    if read is input:
        _enable_history()
    print(banner(live.current), file=stream, flush=True)
    conversation = Conversation(live.current)  # one conversation: "and the lib dems?" follows up
    while True:
        try:
            line = read(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print("\nBye.", file=stream, flush=True)
            return 0
        text = line.strip()
        if not text:
            continue
        if text.lower() in _GOODBYES:
            print("Bye.", file=stream, flush=True)
            return 0
        if text.lower() == "/reload" and live.current.origin is not None:
            print(live.reload().summary(), file=stream, flush=True)
            continue
        conversation.store = live.current  # a reload swaps the store; the thread carries on
        try:
            reply = render(answer_for(live.current, text, conversation=conversation))
        except Exception:  # a bug must cost one answer, not the session
            log.exception("Unexpected error answering %r", text[:200])
            reply = APOLOGY
        print(reply, file=stream, flush=True)
        heap.settle()  # idle until the next line: what the answer cached is frozen (bot.heap)
