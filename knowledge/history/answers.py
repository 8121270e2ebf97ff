"""Typed answers about a council across its loaded elections.

Every figure that compares elections carries the elections it compares (`ElectionRef`s), so a
renderer can always name them. Nothing here knows about Discord.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from knowledge.answers import ElectionRef, PartySeats


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


def short(ref: ElectionRef) -> str:
    """An election in a few words: `2022`, or `2022 by-election` (two polls in one year)."""
    year = str(ref.year or ref.title)
    return f"{year} by-election" if "by-election" in ref.title.lower() else year


SWING_RULE = (
    "two-party (Butler) swing: half the change in the lead of one party over the other, "
    "from each party's share of all votes cast in the ward"
)


class PartyShare(_Frozen):
    """A party's votes and share in one contest, and the change since the one compared."""

    party: str
    party_key: str
    colour: str
    votes: int
    share: float | None
    change: float | None = None
    """Percentage points since the earlier contest; None when it did not stand then."""


class SeatLine(_Frozen):
    """A seat won, as a hold or a gain against the party that held it before."""

    name: str
    party: str
    party_key: str
    colour: str
    votes: int | None
    outcome: Literal["hold", "gain", "new", "unknown"]
    previous_party: str | None = None
    previous_name: str | None = None
    reason: str = ""
    by_lot: bool = False
    stated: str | None = None
    """The document's hold/gain line, where the loaded data cannot compare the seat."""

    @property
    def text(self) -> str:
        lot = " (won by lot)" if self.by_lot else ""
        if self.outcome == "hold":
            return f"{self.party} hold{lot}"
        if self.outcome == "gain":
            return f"{self.party} gain from {self.previous_party}{lot}"
        if self.outcome == "new":
            return f"{self.party} win (new seat){lot}"
        if self.stated:
            return f"“{self.stated}”, as the document says (previous holder not loaded){lot}"
        return f"{self.party} win (previous holder not loaded){lot}"


class Swing(_Frozen):
    """Butler swing between two contests of a ward; positive = towards `to_party`."""

    points: float
    from_party: str
    to_party: str
    since: ElectionRef
    rule: str = SWING_RULE
    from_key: str = ""
    to_key: str = ""
    """The parties' keys, for matching the party a question names."""
    stated: str | None = None
    """The swing as the document states it, shown as stated."""

    @property
    def text(self) -> str:
        computed = f"{abs(self.points):.1f} points from {self.from_party} to {self.to_party}"
        if self.points < 0:
            computed = f"{abs(self.points):.1f} points from {self.to_party} to {self.from_party}"
        if self.stated:
            return f"{self.stated} (stated); computed: {computed} since {short(self.since)}"
        return f"{computed} since {short(self.since)}"


class LastTime(_Frozen):
    """A ward's result set against its previous loaded contest."""

    current: ElectionRef
    previous: ElectionRef
    previous_winners: tuple[str, ...]
    """`Name (Party)` of each winner at the previous contest."""
    shares: tuple[PartyShare, ...]
    seats: tuple[SeatLine, ...]
    swing: Swing | None = None
    swing_note: str | None = None
    boundary: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def line(self) -> str:
        """One line: previous winners, seat changes, share changes and swing, naming both years."""
        then = short(self.previous)
        now = short(self.current)
        if self.boundary:
            return f"Last time ({self.previous.title}): {self.boundary}."
        parts = [f"Last time ({then}): " + (", ".join(self.previous_winners) or "no winner")]
        known = [s.text for s in self.seats if s.outcome in ("hold", "gain")]
        if known:
            parts.append(f"{now}: " + "; ".join(dict.fromkeys(known)))
        moves = [f"{s.party} {s.change:+.1f}" for s in self.shares[:4] if s.change is not None]
        new = [s.party for s in self.shares[:4] if s.change is None]
        if moves:
            parts.append(f"Share {then}→{now}: " + ", ".join(moves) + " pts")
        if new:
            parts.append(f"Not standing in {then}: " + ", ".join(new))
        if self.swing:
            parts.append("Swing: " + self.swing.text)
        elif self.swing_note:
            parts.append(self.swing_note[0].upper() + self.swing_note[1:])
        return ". ".join(parts) + "."


class CouncillorLine(_Frozen):
    """A councillor holding a seat now, by the loaded data."""

    name: str
    ward: str
    party: str
    party_key: str
    colour: str
    elected: ElectionRef
    via: str
    term_ends: int | None = None
    term_rule: str = ""
    by_lot: bool = False
    doubtful: bool = False
    """A by-election filled one of several seats here and did not say whose: maybe gone."""


class CouncillorsAnswer(_Frozen):
    kind: Literal["councillors"] = "councillors"
    headline: str | None = None
    election: ElectionRef
    """The latest loaded election of the council: the data this answer is as of."""
    council: str
    ward: str
    seats: int | None
    holders: tuple[CouncillorLine, ...]
    missing: tuple[str, ...] = ()
    """What the loaded data cannot settle, each said in a sentence."""
    sources: tuple[ElectionRef, ...] = ()


class WardHistoryRow(_Frozen):
    election: ElectionRef
    via: str
    seats: int
    winners: tuple[SeatLine, ...]
    shares: tuple[PartyShare, ...]
    total_votes: int
    turnout_percent: float | None = None
    boundary: str | None = None
    swing: Swing | None = None


class WardHistoryAnswer(_Frozen):
    kind: Literal["ward_history"] = "ward_history"
    headline: str | None = None
    election: ElectionRef
    council: str
    ward: str
    rows: tuple[WardHistoryRow, ...]
    """Oldest first."""
    holders: tuple[CouncillorLine, ...] = ()
    firsts: tuple[str, ...] = ()
    """`Green first won a seat here in 2022` ..."""
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


class PersonRow(_Frozen):
    election: ElectionRef
    ward: str
    party: str
    party_key: str
    colour: str
    votes: int | None
    share: float | None
    position: int
    elected: bool
    seat: SeatLine | None = None


class PersonHistoryAnswer(_Frozen):
    kind: Literal["person_history"] = "person_history"
    headline: str | None = None
    election: ElectionRef
    council: str
    name: str
    rows: tuple[PersonRow, ...]
    """Oldest first."""
    stood: int
    won: int
    match_note: str
    doubts: tuple[str, ...] = ()
    now: str | None = None
    """Whether they hold a seat now, by the loaded data, in a sentence."""
    notes: tuple[str, ...] = ()


class CompositionRow(_Frozen):
    """The council after one election: seats per party, as far as the loaded data tells."""

    election: ElectionRef
    parties: tuple[PartySeats, ...]
    size: int | None
    known: int
    threshold: int | None
    basis: str
    warning: str | None = None
    control: str | None = None


class PartyHistoryRow(_Frozen):
    election: ElectionRef
    candidates: int
    seats_won: int
    seats_contested: int
    votes: int
    share: float
    share_change: float | None = None
    seats_after: int | None = None


class PartyHistoryAnswer(_Frozen):
    kind: Literal["party_history"] = "party_history"
    headline: str | None = None
    election: ElectionRef
    council: str
    party: str
    party_key: str
    colour: str
    rows: tuple[PartyHistoryRow, ...]
    composition: tuple[CompositionRow, ...] = ()
    first_win: str | None = None
    last_win: str | None = None
    notes: tuple[str, ...] = ()


class CouncilHistoryAnswer(_Frozen):
    kind: Literal["council_history"] = "council_history"
    headline: str | None = None
    election: ElectionRef
    council: str
    composition: tuple[CompositionRow, ...]
    firsts: tuple[str, ...] = ()
    longest: tuple[str, ...] = ()
    """Longest-serving councillors by the loaded data, in words."""
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
