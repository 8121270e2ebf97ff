"""The election documents as data: what the parser reads, before anything is derived.

Everything here is exactly what a document says. Facts that are computed (winners,
majorities, shares, control) live in `knowledge.facts`, so a typed-in number is never mistaken
for a derived one.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class ParseWarning(_Frozen):
    """Something odd in a document that did not stop it loading."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.message}"


class Candidacy(_Frozen):
    """One candidate line: `- Name (Party): 1,234 votes`."""

    name: str
    party: str
    """The party exactly as written in the document, e.g. `Liberal Democrats (UK)`."""
    votes: int | None
    """None when the document gives no count (elected unopposed, or not declared yet)."""
    line: int
    elected: bool | None = None
    """Stated by the source (a `winning candidate` row, Democracy Club's `elected`); None when
    the source leaves winners to the vote order."""
    by_lot: bool = False
    """The source says this candidate won a tie for the last seat by drawing lots or a toss."""
    incumbent: bool = False


class Contest(_Frozen):
    """One ward's poll: its heading, the seats it filled and every candidate who stood."""

    ward: str
    seats: int = 1
    candidates: tuple[Candidacy, ...]
    line: int
    stated_majority: int | None = None
    turnout: int | None = None
    turnout_percent: float | None = None
    electorate: int | None = None
    outcomes: tuple[str, ...] = ()
    """Lines such as `Labour Party (UK) hold`, as written."""
    by_election: bool = False
    rejected: int | None = None
    """Rejected (spoilt) ballots, where the source gives them."""
    declared: bool = True
    """False while the source lists candidates without votes (the count is not declared yet)."""
    swing: str | None = None
    """The swing as the source states it (`- Swing: 7.6% Labour to Reform`), never computed."""


class InfoboxParty(_Frozen):
    """One party's row of the infobox (`PartyN`, `SeatsN` ...), numbers as written."""

    slot: int
    name: str
    last_election: int | None = None
    seats_before: int | None = None
    seats: int | None = None
    seats_after: int | None = None
    seat_change: int | None = None
    popular_vote: int | None = None
    percentage: float | None = None


ElectionKind = Literal["council", "by-election"]


class Election(_Frozen):
    """One document: an election (whole council, by thirds, or a by-election)."""

    id: str
    """Short name users type, e.g. `derby-2002`; unique within a store."""
    title: str
    source: str
    """The document's file name, cited in every answer."""
    council: str
    date: dt.date | None = None
    year: int | None = None
    kind: ElectionKind = "council"
    infobox: dict[str, str] = {}
    parties: tuple[InfoboxParty, ...] = ()
    majority_seats: int | None = None
    seats_for_election: str | None = None
    control_before: str | None = None
    control_after: str | None = None
    summary: str = ""
    contests: tuple[Contest, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    citation: str | None = None
    """Where the document came from beyond its file (an article and its revision), if known."""
    stated_totals: tuple[InfoboxParty, ...] = ()
    """A results summary's per-party seats won and votes (beside an infobox), to cross-check."""

    @property
    def label(self) -> str:
        return self.title

    @property
    def council_key(self) -> str:
        """The council as recognised across documents and formats (`derby`).

        A by-election document is titled by its ward; its infobox names the council
        (`1 seat on Derby City Council`), which is used when given.
        """
        from knowledge.councils import council_key, stated_council

        if self.kind == "by-election" and (named := stated_council(self.seats_for_election)):
            return council_key(named)
        return council_key(self.council)

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        """Oldest first; undated documents sort by year, then by title."""
        when = self.date or dt.date(self.year or 1, 1, 1)
        return (when, self.title)
