"""Typed records of a followed count: what is expected, what has declared, what changed."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from knowledge.models import Contest
from knowledge.parties import Party


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class ExpectedContest(_Frozen):
    """A ballot that will declare tonight (from the ballots list or a loaded document)."""

    ballot_paper_id: str
    ward: str
    seats: int = 1


class Declaration(_Frozen):
    """One ballot's declared result, as the source gave it."""

    ballot_paper_id: str
    contest: Contest
    winners_stated: bool
    """False when the source left every `elected` null: winners are then the top N by votes."""
    source: str | None = None
    content_hash: str
    """Hash of what a reader sees (candidates, votes, winners, turnout): new hash, correction."""

    @property
    def ward(self) -> str:
        return self.contest.ward


ChangeKind = Literal["new", "unchanged", "corrected"]


class ContestChange(_Frozen):
    """What one declaration in a poll means against what was already known."""

    kind: ChangeKind
    declaration: Declaration
    previous: Declaration | None = None


class FollowedElection(_Frozen):
    """An election being followed: its expected ballots and every declaration so far."""

    election_id: str
    title: str
    expected: tuple[ExpectedContest, ...] = ()
    declared: tuple[Declaration, ...] = ()
    """In order of first declaration; a correction replaces its ballot's entry in place."""
    council_size: int | None = None
    """Seats on the whole council, when more than the seats up tonight (election by thirds)."""
    continuing: tuple[tuple[str, int], ...] = ()
    """(party as written, seats not up tonight) for councils elected by thirds."""

    def declaration(self, ballot_paper_id: str) -> Declaration | None:
        return next((d for d in self.declared if d.ballot_paper_id == ballot_paper_id), None)

    @property
    def total_contests(self) -> int:
        """Expected ballots, or the declared ones when no list of ballots is known."""
        known = {e.ballot_paper_id for e in self.expected}
        return len(known | {d.ballot_paper_id for d in self.declared})

    @property
    def complete(self) -> bool:
        """Every expected ballot has declared (never true when nothing is expected)."""
        declared = {d.ballot_paper_id for d in self.declared}
        return bool(self.expected) and all(e.ballot_paper_id in declared for e in self.expected)


class PartySeats(_Frozen):
    """A party's standing in the race for a majority so far."""

    party: Party
    seats: int
    """Seats won tonight so far."""
    continuing: int = 0
    """Seats held and not up tonight."""
    needs: int
    """More seats needed for a majority (0 once it has one)."""
    can_reach: bool

    @property
    def total(self) -> int:
        return self.seats + self.continuing


class NightSummary(_Frozen):
    """The running summary pinned in the channel."""

    election_id: str
    title: str
    declared_contests: int
    total_contests: int
    declared_seats: int
    total_seats: int
    """Seats up tonight."""
    undeclared_seats: int
    council_size: int
    majority: int
    """Seats needed for a majority of the whole council."""
    parties: tuple[PartySeats, ...]
    """Most seats first."""
    control: str | None = None
    """The party key certain to control the council (it has a majority already)."""
    no_overall_control: bool = False
    """Certain: no party can reach a majority any more."""
    final: bool = False
    winners_not_stated: tuple[str, ...] = ()
    """Wards whose winners the source did not state (taken as the top N by votes)."""

    @property
    def certain(self) -> bool:
        return self.control is not None or self.no_overall_control
