"""What a picture is of: its cache key, its ASCII file name, and the answer's fingerprint.

No Pillow here: `bot.pictures` decides whether an answer has a picture, and finds a cached one,
without loading the drawing code.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from pydantic import BaseModel

    from knowledge.answers import Answer

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_MAX = 48
IGNORED_FIELDS = frozenset({"headline", "other_elections"})
"""Parts of an answer that never change its picture (a question's reply sentence ...)."""


@dataclass(frozen=True)
class Subject:
    kind: str
    election_id: str
    key: str
    filename: str

    @property
    def cache_key(self) -> tuple[str, str, str]:
        return (self.election_id, self.kind, self.key)


def slug(text: str) -> str:
    """ASCII, lower case, hyphens: safe in `attachment://` URLs. Never empty."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    found = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    digest = f"{zlib.crc32(text.encode('utf-8')):08x}"
    if not found:
        return digest
    if len(found) > SLUG_MAX:
        return f"{found[:SLUG_MAX].rstrip('-')}-{digest}"
    return found


def subject_of(answer: Answer) -> Subject | None:
    """The subject of an answer that has a picture; None for every other answer.

    A `match` over every kind of answer: mypy checks that each kind says whether it has one.
    """
    from knowledge.answers import (  # loaded with the answer already
        AmbiguousAnswer,
        CandidateAnswer,
        ClosestAnswer,
        ElectionsAnswer,
        FactAnswer,
        HelpAnswer,
        NotFoundAnswer,
        PartyAnswer,
        RankingAnswer,
        SummaryAnswer,
        WardAnswer,
    )
    from knowledge.history.answers import (
        CouncilHistoryAnswer,
        CouncillorsAnswer,
        PartyHistoryAnswer,
        PersonHistoryAnswer,
        WardHistoryAnswer,
    )

    match answer:
        case SummaryAnswer():
            election = slug(answer.election.id or "election")
            return Subject("summary", answer.election.id, "", f"summary-{election}.png")
        case WardAnswer():
            key = answer.ward.casefold()
            election = slug(answer.election.id or "election")
            return Subject("ward", answer.election.id, key, f"ward-{election}-{slug(key)}.png")
        case PartyAnswer():
            if not answer.stood and not answer.seats_after:
                return None  # nothing to draw: the text answer says it did not stand
            election = slug(answer.election.id or "election")
            return Subject(
                "party", answer.election.id, answer.key, f"party-{election}-{slug(answer.key)}.png"
            )
        case WardHistoryAnswer() | CouncilHistoryAnswer() | PartyHistoryAnswer():
            return _history_subject(answer)
        case (
            CandidateAnswer()  # illustrated by its ward's chart (`bot.answering.attach`)
            | ClosestAnswer()
            | ElectionsAnswer()
            | HelpAnswer()
            | RankingAnswer()
            | FactAnswer()
            | AmbiguousAnswer()
            | NotFoundAnswer()
            | PersonHistoryAnswer()
            | CouncillorsAnswer()
        ):
            return None
        case _:
            assert_never(answer)


def _history_subject(answer: object) -> Subject | None:
    """A ward's shares over time, or the council's seats over time (for a party too)."""
    from knowledge.history.answers import WardHistoryAnswer

    election = getattr(answer, "election", None)
    election_id = getattr(election, "id", "") or "election"
    council = str(getattr(answer, "council", ""))
    if isinstance(answer, WardHistoryAnswer):
        key = answer.ward.casefold()
        return Subject("ward_history", election_id, key, f"history-{slug(council)}-{slug(key)}.png")
    if not getattr(answer, "composition", ()):
        return None
    return Subject("council_history", election_id, council, f"history-{slug(council)}.png")


def fingerprint(answer: BaseModel) -> int:
    """A hash of everything the picture is drawn from."""
    return hash(tuple(value for name, value in answer if name not in IGNORED_FIELDS))
