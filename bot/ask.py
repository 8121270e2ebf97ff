"""`python -m bot ask`: one answer on standard output, then exit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.text import render
from knowledge.answers import Answer, NotFoundAnswer
from knowledge.store import ResultsStore

if TYPE_CHECKING:
    from knowledge.questions.conversation import Conversation

EXIT_UNKNOWN_COMMAND = 2
EXIT_BUG = 1
APOLOGY = (
    "Sorry, something went wrong answering that (the error is logged). Try asking another "
    "way, or /help.\n"
)


def answer_for(
    store: ResultsStore,
    text: str,
    election: str | None = None,
    conversation: Conversation | None = None,
) -> Answer:
    """A typed line -> its answer: a command when it starts with `/`, else a question (a
    follow-up of the conversation's previous question, when a conversation is given)."""
    if text.lstrip().startswith("/"):
        from knowledge.commands import run_text  # here: a question has no use for it

        return run_text(store, text, election)
    if conversation is not None:
        return conversation.ask(text, election)
    from knowledge.questions import answer_question

    return answer_question(store, text, election)


def run_ask(
    store: ResultsStore,
    text: str,
    *,
    as_json: bool = False,
    image: Path | None = None,
    election: str | None = None,
) -> int:
    """Print the answer; exit 2 for an unknown command, else 0."""
    for error in store.errors:
        print(f"Not loaded: {error}", file=sys.stderr)
    try:
        answer = answer_for(store, text, election)
    except Exception:  # a bug: one clear line for the user, the traceback for the log
        import logging  # here: the answer path must not pay for importing it

        logging.getLogger(__name__).exception("Unexpected error answering %r", text[:200])
        sys.stderr.write(APOLOGY)
        return EXIT_BUG
    if as_json:
        print(answer.model_dump_json(indent=2))
    else:
        sys.stdout.write(render(answer))
    if image is not None:
        from bot.pictures import picture_for

        picture = picture_for(answer)
        if picture is None:
            print(f"This answer ({answer.kind}) has no picture; nothing written.", file=sys.stderr)
        else:
            image.write_bytes(picture.png)
            print(f"Picture written to {image}", file=sys.stderr)
    if isinstance(answer, NotFoundAnswer) and answer.what == "command":
        return EXIT_UNKNOWN_COMMAND
    return 0
