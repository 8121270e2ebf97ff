"""Questions in plain words as Discord delivers them: the text after a mention, and re-asking a
question once the asker has picked which name (or election) they meant.

`knowledge.questions` does the understanding; this module only prepares its input.
"""

from __future__ import annotations

import re

from knowledge.commands import ASK_COMMAND

ASK = ASK_COMMAND.name
"""The pending-menu command for questions (from /ask or a mention)."""

_SPACES = re.compile(r"\s+")


def strip_mention(content: str, bot_id: int) -> str:
    """The question in a message: the bot's mentions (`<@id>`, `<@!id>`) removed, spaces tidied."""
    return _SPACES.sub(" ", re.sub(rf"<@!?{bot_id}>", " ", content)).strip()


def with_choice(
    question: str, query: str, chosen: str, election: str | None, *, is_election: bool
) -> tuple[str, str | None]:
    """The question and election to ask again after the asker chose `chosen` for `query`.

    The chosen name replaces the ambiguous words, so the question keeps its meaning and its
    one-sentence reply ("how did williams do" -> "how did Chris Williamson do"). When the words
    cannot be found, a chosen election becomes the default election, and a chosen name is asked
    about on its own.
    """
    found = re.search(re.escape(query), question, re.IGNORECASE) if query.strip() else None
    if found is not None:
        question = question[: found.start()] + chosen + question[found.end() :]
    elif not is_election:
        question = chosen
    return question, chosen if is_election else election
