"""What can be asked, as data: one record per intent.

A record says when a question is this intent (its cue patterns: every group a pattern `needs`
must be present, `bonus` groups add to the score), which names it takes (slots, each of a kind
and required or optional), how many elections it is about, whether it is a yes/no question,
an explicit priority that settles a tie in score, and example questions with the facts their
answer must contain. Its reply is registered under the same name in the reply modules with
`@reply(name)` (see `registry.py`). So adding a kind of question touches one record here and
one reply function.

`validate.py` checks every record: each example is recognised as its own record and answered
with its facts, every record has a reply, and two records of the same priority whose required
cues overlap are reported, so a new cue cannot silently take another record's questions.
"""

from __future__ import annotations

from typing import Final

from knowledge.questions.cues import REPLY_CUES
from knowledge.questions.intents import (
    arithmetic,
    candidates,
    council,
    history,
    parties,
    rankings,
    wards,
)
from knowledge.questions.intents.records import (
    Elections,
    Entity,
    Example,
    Family,
    Intent,
    Pattern,
    Polarity,
    Slot,
    SlotKind,
)  # fmt: skip

INTENTS: Final[tuple[Intent, ...]] = tuple(
    sorted(
        (*wards.RECORDS, *candidates.RECORDS, *parties.RECORDS, *rankings.RECORDS,
         *council.RECORDS, *arithmetic.RECORDS, *history.RECORDS),
        key=lambda intent: -intent.priority,
    )
)  # fmt: skip
"""Every record, highest priority first."""

KEYWORDS: Final[frozenset[str]] = frozenset(
    word
    for groups in (*(p.needs + p.bonus for i in INTENTS for p in i.cues), REPLY_CUES)
    for group in groups
    for phrase in group
    for word in phrase.split()
)
"""Every word of every cue phrase: never read as the start of a name."""

__all__ = [
    "INTENTS", "KEYWORDS", "Elections", "Entity", "Example", "Family", "Intent", "Pattern",
    "Polarity", "Slot", "SlotKind",
]  # fmt: skip
