"""Each intent's reply, registered beside the reply function itself with `@reply(name)`.

The reply modules register when imported, and are imported when a reply is first wanted
(`reply_to`), in `REPLY_MODULES` order: a one-question process (`python -m bot ask`) loads
only the modules up to its reply's, not the history and control machinery the others bring
(about 10 ms of a cold ask). A name registered twice is a mistake and raises at import;
`validate.py` checks every record has a reply (`all_replies`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Final

from knowledge.questions.context import Reply

REPLY_MODULES: Final = (
    "ward_replies",
    "candidate_replies",
    "party_replies",
    "council_replies",
    "rankings",
    "figure_replies",
    "arithmetic",
    "comparisons",
    "history_replies",
)
"""Every module of replies (in `knowledge.questions`), the most asked about first."""

_REPLIES: dict[str, Reply] = {}


def reply(*names: str) -> Callable[[Reply], Reply]:
    """Register the decorated function as the reply to each of these intents."""

    def register(function: Reply) -> Reply:
        for name in names:
            if name in _REPLIES:
                raise ValueError(f"intent {name!r} already has a reply")
            _REPLIES[name] = function
        return function

    return register


def reply_to(name: str) -> Reply:
    """The intent's reply, importing reply modules until one has registered it."""
    for module in (None, *REPLY_MODULES):
        if module is not None:
            import_module(f"knowledge.questions.{module}")
        found = _REPLIES.get(name)
        if found is not None:
            return found
    raise KeyError(f"intent {name!r} has no reply")


def all_replies() -> Mapping[str, Reply]:
    """Every intent's reply, by intent name (every reply module imported)."""
    for module in REPLY_MODULES:
        import_module(f"knowledge.questions.{module}")
    return _REPLIES
