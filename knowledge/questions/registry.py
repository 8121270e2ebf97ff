"""Each intent's reply, registered beside the reply function itself with `@reply(name)`.

The reply modules register on import; `answering.py` imports them all. A name registered
twice is a mistake and raises at import; `validate.py` checks every record has a reply.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.questions.context import Reply

REPLIES: dict[str, Reply] = {}
"""Every intent's reply, by intent name."""


def reply(*names: str) -> Callable[[Reply], Reply]:
    """Register the decorated function as the reply to each of these intents."""

    def register(function: Reply) -> Reply:
        for name in names:
            if name in REPLIES:
                raise ValueError(f"intent {name!r} already has a reply")
            REPLIES[name] = function
        return function

    return register
