"""Typed answers: what every command and question returns, before anything renders it.

Front ends (the terminal renderer, Discord embeds, pictures) turn these into something to look
at; nothing here knows about Discord. "Not found" and "ambiguous" are answers too.

No `from __future__ import annotations` here: ~40 models are defined on every start, and
pydantic would compile and evaluate each field's annotation string (~2 ms of a cold `ask`).
A forward reference (a history answer, imported at the end) is written as a string.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.resolve import EntityKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class ElectionRef(_Frozen):
    """Which election an answer comes from, and the document it was read from."""

    id: str
    title: str
    source: str
    date: dt.date | None = None
    year: int | None = None
    cited: str | None = None
    """Where the document came from, beyond its file (an article and its revision)."""

    @property
    def citation(self) -> str:
        if self.cited:
            return f"Source: {self.source} ({self.title}; {self.cited})"
        return f"Source: {self.source} ({self.title})"


class CandidateLine(_Frozen):
    """A candidate's row in a ward result."""

    name: str
    ward: str
    party: str
    party_key: str
    party_short: str
    colour: str
    votes: int | None
    share: float | None
    position: int
    elected: bool
    tied: bool = False
    by_lot: bool = False
    """Won a tied last seat by drawing lots or a toss, as the source states."""


class PartySeats(_Frozen):
    party: str
    party_key: str
    colour: str
    seats: int


class MarginRow(_Frozen):
    """A contest's last-seat margin: the last winner against the first loser."""

    ward: str
    majority: int
    majority_percent: float | None
    last_winner: CandidateLine
    first_loser: CandidateLine
    tie: bool = False


class PartyRow(_Frozen):
    """One party's line in a council summary."""

    name: str
    key: str
    short: str
    colour: str
    candidates: int
    seats_won: int
    seats_before: int | None
    seats_after: int | None
    change: int | None
    votes: int
    vote_share: float


class _Answer(_Frozen):
    headline: str | None = None
    """A one-sentence direct reply, set when the answer responds to a question."""


class SourcedAnswer(_Answer):
    """An answer read from one election, which it cites."""

    election: ElectionRef
    other_elections: tuple[ElectionRef, ...] = ()
    """Other loaded elections that also have this ward, candidate or party (newest first)."""
    more_elections: int = 0
    """How many further elections have it, beyond those listed (the list is capped)."""


class WardAnswer(SourcedAnswer):
    kind: Literal["ward"] = "ward"
    counted: bool = True
    """False when the source names the winners without vote counts (a candidates list with its
    elected column filled in): no figure is shown, none being given."""
    ward: str
    seats: int
    candidates: tuple[CandidateLine, ...]
    total_votes: int
    majority: int | None
    majority_percent: float | None
    tie: bool
    unopposed: bool
    split: bool
    seats_by_party: tuple[PartySeats, ...]
    colour: str
    """The colour of the party that won most seats here (neutral when split evenly)."""
    share_rule: str
    turnout: int | None = None
    turnout_percent: float | None = None
    electorate: int | None = None
    outcomes: tuple[str, ...] = ()
    by_election: bool = False
    last_time: "LastTime | None" = None
    """This result against the ward's previous loaded contest (/ward and /candidate)."""
    history_note: str | None = None
    """Why there is no `last_time` (no earlier election of the council loaded ...)."""
    lot: bool = False
    """The last seat was tied and decided by lot (the winner has `by_lot`)."""
    declared: bool = True
    """False while the source lists the candidates but not their votes."""

    @property
    def winners(self) -> tuple[CandidateLine, ...]:
        return tuple(c for c in self.candidates if c.elected)

    @property
    def tied(self) -> tuple[CandidateLine, ...]:
        return tuple(c for c in self.candidates if c.tied)


class Candidacy(_Frozen):
    """The same name in another ward or election."""

    election: ElectionRef
    ward: str
    party: str
    votes: int | None
    elected: bool
    tied: bool = False


class CandidateAnswer(SourcedAnswer):
    kind: Literal["candidate"] = "candidate"
    candidate: CandidateLine
    seats: int
    margin: int | None
    """Elected: votes ahead of the first loser. Not elected: votes short of the last winner."""
    result: WardAnswer
    elsewhere: tuple[Candidacy, ...] = ()
    """Other candidacies under the same name (other wards, other elections), newest first."""
    more_elsewhere: int = 0
    """How many further candidacies share the name, beyond those listed (the list is capped)."""


class PartyAnswer(SourcedAnswer):
    kind: Literal["party"] = "party"
    counted: bool = True
    """False when the source names the winners without vote counts (a candidates list with its
    elected column filled in): no figure is shown, none being given."""
    party: str
    key: str
    short: str
    colour: str
    known: bool
    stood: bool
    candidates: int
    seats_won: int
    seats_contested: int
    seats_before: int | None
    seats_after: int | None
    change: int | None
    change_baseline: str
    votes: int
    vote_share: float
    share_rule: str
    controls: bool
    wards_won: tuple[tuple[str, int], ...]
    """(ward, seats won there), most seats first."""
    winners: tuple[CandidateLine, ...]
    best: CandidateLine | None
    worst: CandidateLine | None
    tied_seats: int = 0


class SummaryAnswer(SourcedAnswer):
    kind: Literal["summary"] = "summary"
    counted: bool = True
    """False when the source names the winners without vote counts (a candidates list with its
    elected column filled in): no figure is shown, none being given."""
    council: str
    rows: tuple[PartyRow, ...]
    seats_contested: int
    wards: int
    council_size: int | None
    majority_threshold: int | None
    control: str | None
    control_stated: str | None = None
    """Control after the election as the document states it (infobox `after_party`, or prose
    such as "Labour kept control"), used where the seats alone can't settle it (thirds)."""
    """Display name of the party with a majority; None = no overall control (or unknown)."""
    control_key: str | None
    control_known: bool
    colour: str
    composition_basis: str
    change_baseline: str
    total_votes: int
    turnout: int | None
    split_wards: tuple[str, ...]
    tie_wards: tuple[str, ...]
    closest: tuple[MarginRow, ...]
    undecided_seats: int
    undeclared_wards: tuple[str, ...] = ()
    """Contests whose votes the source doesn't give yet (an article written on the night)."""
    whole_council: bool
    summary: str = ""

    @property
    def control_text(self) -> str:
        if self.control:
            return f"{self.control} majority"
        if self.control_known:
            return "No overall control"
        if self.control_stated:
            return f"{self.control_stated} (as the document states; the seats alone can't tell)"
        return "Control not known"


class ClosestAnswer(SourcedAnswer):
    kind: Literal["closest"] = "closest"
    closest: tuple[MarginRow, ...]
    safest: tuple[MarginRow, ...]
    unopposed: tuple[str, ...] = ()


class ElectionRow(_Frozen):
    ref: ElectionRef
    council: str
    kind: str
    wards: int
    seats: int
    candidates: int
    latest: bool


class ElectionsAnswer(_Answer):
    kind: Literal["elections"] = "elections"
    elections: tuple[ElectionRow, ...]
    problems: tuple[str, ...] = ()
    """Documents that could not be loaded, each naming its file and line."""


class HelpEntry(_Frozen):
    usage: str
    description: str


class HelpAnswer(_Answer):
    kind: Literal["help"] = "help"
    commands: tuple[HelpEntry, ...]
    examples: tuple[str, ...]


class RankedLine(_Frozen):
    """A candidate in a ranking (most votes, fewest votes ...)."""

    rank: int
    candidate: CandidateLine


class RankingAnswer(SourcedAnswer):
    """A list answer to a superlative question: most votes overall, in a party, and so on."""

    kind: Literal["ranking"] = "ranking"
    title: str
    lines: tuple[RankedLine, ...]
    note: str = ""


class FactAnswer(SourcedAnswer):
    """A short factual answer that no single ward, candidate or party answer holds."""

    kind: Literal["fact"] = "fact"
    title: str
    lines: tuple[str, ...]
    colour: str = "#808080"


class Option(_Frozen):
    """One choice offered when a name is ambiguous."""

    name: str
    detail: str
    key: str
    score: float


class AmbiguousAnswer(_Answer):
    kind: Literal["ambiguous"] = "ambiguous"
    what: EntityKind
    query: str
    options: tuple[Option, ...]
    command: str
    """The command to run again with the chosen option, e.g. `candidate`."""
    election: str | None = None
    more: int = 0
    """How many more fit than are listed ("1992" names 900 elections: a few are offered)."""


NotFoundWhat = Literal["ward", "candidate", "party", "election", "command", "question"]


class NotFoundAnswer(_Answer):
    kind: Literal["not_found"] = "not_found"
    what: NotFoundWhat
    query: str
    message: str
    suggestions: tuple[Option, ...] = ()
    examples: tuple[str, ...] = ()


# History answers build on the models above (ElectionRef, PartySeats), so they are imported
# here, after them; `LastTime` is resolved when WardAnswer is first built.
from knowledge.history.answers import (  # noqa: E402
    CouncilHistoryAnswer,
    CouncillorsAnswer,
    LastTime,
    PartyHistoryAnswer,
    PersonHistoryAnswer,
    WardHistoryAnswer,
)

Answer = Annotated[
    WardAnswer
    | CandidateAnswer
    | PartyAnswer
    | SummaryAnswer
    | ClosestAnswer
    | ElectionsAnswer
    | HelpAnswer
    | RankingAnswer
    | FactAnswer
    | AmbiguousAnswer
    | NotFoundAnswer
    | WardHistoryAnswer
    | PersonHistoryAnswer
    | PartyHistoryAnswer
    | CouncilHistoryAnswer
    | CouncillorsAnswer,
    Field(discriminator="kind"),
]
"""Every answer type; `kind` tells them apart (and names them in `--json` output)."""
