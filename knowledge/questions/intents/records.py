"""The shape of an intent record: its slots, cue patterns, examples and settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from knowledge.questions.cues import Cue

Entity = Literal["ward", "candidate", "party"]
"""A name the store resolves: what recognition fills a slot with."""
SlotKind = Literal[
    "ward", "party", "rival_party", "candidate", "election", "year", "ordinal", "number",
]  # fmt: skip
Family = Literal[
    "ward", "candidate", "party", "council", "margins", "superlatives", "splits", "comparisons",
    "help",
]  # fmt: skip
Elections = Literal["one", "two", "range", "all"]
"""How many elections an intent is about: one (the usual), two (a change between elections),
a range of years, or all of a council's (its history)."""
Polarity = Literal["open", "yes_no", "claim"]
"""`open`: a what/who question. `yes_no`: "did X win", answered yes or no. `claim`: a yes/no
question whose quantifier counts ("did Labour win *all* the seats", "did *any* Tory get in"),
answered yes only when the whole claim is true."""

_ENTITY: Final[dict[SlotKind, Entity]] = {
    "ward": "ward", "party": "party", "rival_party": "party", "candidate": "candidate",
}  # fmt: skip


@dataclass(frozen=True)
class Slot:
    """A named slot: its kind and whether the question must fill it."""

    kind: SlotKind
    required: bool = True
    many: bool = False
    """Takes every further name of its kind ("Labour, the Tories *and the Lib Dems*")."""

    @property
    def entity(self) -> Entity | None:
        """The kind of name that fills it (None for years, ordinals and figures, which the
        question's words give)."""
        return _ENTITY.get(self.kind)


@dataclass(frozen=True)
class Pattern:
    """One way of asking: every group of `needs` present; `bonus` groups add to the score."""

    needs: tuple[Cue, ...] = ()
    bonus: tuple[Cue, ...] = ()


@dataclass(frozen=True)
class Example:
    """A question this intent must recognise, and facts its answer's headline must contain.

    `store` names the evaluation store it is asked of ("seed" is the 2002 Derby election)."""

    question: str
    facts: tuple[str, ...] = ()
    store: str = "seed"


@dataclass(frozen=True)
class Intent:
    """One kind of question."""

    name: str
    family: Family
    priority: int
    """On an equal score, the higher priority wins (never the order of the records)."""
    cues: tuple[Pattern, ...]
    slots: tuple[Slot, ...] = ()
    examples: tuple[Example, ...] = ()
    elections: Elections = "one"
    polarity: Polarity = "open"
    summary: str = ""
    """What it answers, for the README's list of questions (the name when empty)."""

    @property
    def required(self) -> tuple[Entity, ...]:
        """The names the question must give, in order."""
        return tuple(e for s in self.slots if s.required and (e := s.entity) is not None)

    @property
    def optional(self) -> tuple[Entity, ...]:
        """Names used when the question gives them ("did Care win *in Spondon*")."""
        return tuple(
            e for s in self.slots if not s.required and not s.many and (e := s.entity) is not None
        )

    @property
    def many(self) -> tuple[Entity, ...]:
        """Kinds of which every further name given is used."""
        return tuple(e for s in self.slots if s.many and (e := s.entity) is not None)


WARD: Final = Slot("ward")
PARTY: Final = Slot("party")
CANDIDATE: Final = Slot("candidate")
IN_WARD: Final = Slot("ward", required=False)
OF_PARTY: Final = Slot("party", required=False)
RIVAL_PARTY: Final = Slot("rival_party", required=False)
"""The party a seat was taken from ("did the Tories take Amington *from Labour*")."""
ORDINAL_SLOT: Final = Slot("ordinal", required=False)
NUMBER_SLOT: Final = Slot("number", required=False)
MORE_PARTIES: Final = Slot("party", required=False, many=True)
MORE_WARDS: Final = Slot("ward", required=False, many=True)
