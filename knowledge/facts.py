"""Facts derived from an election document: winners, ties, majorities, shares, tallies, control.

Nothing here is copied from the infobox's own arithmetic. Winners are the top N by votes, or
those the source marks as elected; a tie at the last winning place is flagged, and broken only
when the source says who won the draw (a marker, a hold/gain line naming the party, or prose
such as "won on the toss of a coin"): that seat is then "decided by lot". Gains and losses are
measured against the infobox's Seats Before (the council just before the election), the
baseline stated in answers.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from knowledge.models import Candidacy, Contest, Election, InfoboxParty, ParseWarning
from knowledge.outcomes import parse_outcome
from knowledge.parties import Party, PartyBook

SHARE_RULE = "share of all votes cast in the ward"
MULTI_SEAT_RULE = "each voter could cast up to {seats} votes"
CHANGE_BASELINE = "against Seats Before, the council just before the election"


def share_rule(seats: int) -> str:
    """The sentence stated wherever a candidate's share is shown."""
    if seats > 1:
        return f"{SHARE_RULE}; {MULTI_SEAT_RULE.format(seats=seats)}"
    return SHARE_RULE


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Standing(_Frozen):
    """A candidate's place in a contest."""

    name: str
    party: Party
    votes: int | None
    position: int
    share: float | None
    """Percent of all votes cast in the contest (see `share_rule`)."""
    elected: bool
    tied: bool = False
    """Level with another candidate for the last seat: neither is counted as elected."""
    line: int
    by_lot: bool = False
    """Won the last seat on a tie, by drawing lots or a toss, as the source states."""
    incumbent: bool = False
    """Marked by the source as a sitting councillor (`Jo Bloggs*`): who lost their seat is
    then the source's word, not a guess from the ward's previous loaded contest."""


class ContestResult(_Frozen):
    """One ward's result, with everything derived from its candidate lines."""

    election_id: str
    ward: str
    seats: int
    standings: tuple[Standing, ...]
    total_votes: int
    unopposed: bool
    tie: bool
    majority: int | None
    """Last winner's votes minus the first loser's; 0 on a tie; None when unopposed."""
    seats_by_party: tuple[tuple[str, int], ...]
    """(party key, seats won), most seats first."""
    turnout: int | None = None
    turnout_percent: float | None = None
    electorate: int | None = None
    stated_majority: int | None = None
    rejected: int | None = None
    outcomes: tuple[str, ...] = ()
    by_election: bool = False
    line: int = 0
    decided_by_lot: bool = False
    """The last seat was tied and the source says who won the draw (see `Standing.by_lot`)."""
    declared: bool = True
    """False while the source lists candidates without votes: nobody is elected yet."""

    @property
    def counted(self) -> bool:
        """Votes are given (or none were needed): False when the source names the winners of
        a contested ward without counts, so no figure may be quoted for it."""
        return (
            not self.declared or self.unopposed or any(s.votes is not None for s in self.standings)
        )

    @property
    def elected(self) -> tuple[Standing, ...]:
        return tuple(s for s in self.standings if s.elected)

    @property
    def tied(self) -> tuple[Standing, ...]:
        return tuple(s for s in self.standings if s.tied)

    @property
    def losers(self) -> tuple[Standing, ...]:
        return tuple(s for s in self.standings if not s.elected and not s.tied)

    @property
    def split(self) -> bool:
        """Seats in this ward went to more than one party."""
        return len(self.seats_by_party) > 1

    @property
    def share_rule(self) -> str:
        return share_rule(self.seats)

    @property
    def majority_percent(self) -> float | None:
        if self.majority is None or not self.total_votes:
            return None
        return 100.0 * self.majority / self.total_votes

    @property
    def leading_party(self) -> str | None:
        """The party key that won most seats here, if one did."""
        if not self.seats_by_party:
            return None
        if len(self.seats_by_party) > 1 and self.seats_by_party[0][1] == self.seats_by_party[1][1]:
            return None
        return self.seats_by_party[0][0]


class PartyTally(_Frozen):
    """A party's totals over one election."""

    party: Party
    candidates: int
    seats_won: int
    votes: int
    vote_share: float
    """Percent of all votes cast in the election (every vote of multi-seat wards counted)."""
    seats_before: int | None = None
    seats_after: int | None = None
    change: int | None = None
    """seats_after - seats_before: measured against the council just before the election."""
    wards_won: tuple[str, ...] = ()
    wards_contested: tuple[str, ...] = ()
    tied_seats: int = 0


class ElectionFacts(_Frozen):
    """Everything derived from one election document, computed once at load."""

    election_id: str
    contests: tuple[ContestResult, ...]
    parties: tuple[PartyTally, ...]
    """Most seats first (after the election where known, else won), then most votes."""
    total_votes: int
    seats_contested: int
    council_size: int | None
    majority_threshold: int | None
    control: str | None
    """Party key holding a majority of the council after the election; None = no overall control."""
    composition_basis: str
    """What the seat totals used for control are: the council after the election, or seats won."""
    whole_council: bool
    undecided_seats: int
    wards_missing: bool = False
    """The whole council was elected but the ward results give only some of its seats (an
    excerpt, an article with wards left out): the council after is the infobox's."""
    warnings: tuple[ParseWarning, ...] = ()

    def contest(self, ward: str) -> ContestResult | None:
        contests, by_ward = self._ward_index
        if contests is not self.contests:  # a model_copy with other contests: index afresh
            del self.__dict__["_ward_index"]
            contests, by_ward = self._ward_index
        return by_ward.get(ward.casefold())

    @cached_property
    def _ward_index(self) -> tuple[tuple[ContestResult, ...], dict[str, ContestResult]]:
        """Contests by case-folded ward name (ward names are unique within a document)."""
        return self.contests, {c.ward.casefold(): c for c in self.contests}

    def tally(self, party_key: str) -> PartyTally | None:
        return next((t for t in self.parties if t.party.key == party_key), None)

    @property
    def split_wards(self) -> tuple[ContestResult, ...]:
        return tuple(c for c in self.contests if c.split)

    @property
    def ties(self) -> tuple[ContestResult, ...]:
        return tuple(c for c in self.contests if c.tie and c.tied)

    def by_margin(self) -> list[ContestResult]:
        """Contested wards, closest first (ties first, then smallest majority)."""
        contested = [c for c in self.contests if c.majority is not None]
        return sorted(contested, key=lambda c: (c.majority or 0, c.ward))

    @property
    def turnout(self) -> int | None:
        figures = [c.turnout for c in self.contests]
        if not figures or any(f is None for f in figures):
            return None
        return sum(f for f in figures if f is not None)


_M = TypeVar("_M", bound=BaseModel)


def _constructed(cls: type[_M], **values: Any) -> _M:
    """`cls.model_construct(**values)` for values naming every field, without its per-field
    bookkeeping: an election's facts build thousands of standings, each on first use."""
    made = cls.__new__(cls)
    object.__setattr__(made, "__dict__", values)
    object.__setattr__(made, "__pydantic_fields_set__", set(values))
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


def contest_result(
    election_id: str, contest: Contest, book: PartyBook, prose: str = ""
) -> ContestResult:
    """Winners, tie, majority and shares of one contest (`prose`: the document's text)."""
    ordered = sorted(
        contest.candidates,
        key=lambda c: (-(c.votes if c.votes is not None else 1 << 62), c.line),
    )
    total = sum(c.votes or 0 for c in ordered)
    seats = contest.seats
    unopposed = len(ordered) <= seats
    tie = False
    majority: int | None = None
    cutoff: int | None = None
    if not unopposed:
        last = ordered[seats - 1].votes or 0
        first_loser = ordered[seats].votes or 0
        tie = last == first_loser
        majority = last - first_loser
        cutoff = last
    marked = contest.declared and any(c.elected for c in contest.candidates)
    uncounted = all(c.votes is None for c in contest.candidates)
    lot: set[int] = set()
    if not contest.declared:
        unopposed, tie, majority = False, False, None
    elif marked and uncounted and not unopposed:  # winners named without counts (a candidates
        tie, majority = False, None  # list with its elected column filled in)
        ordered.sort(key=lambda c: (not c.elected, c.line))
    elif tie:
        lot = _lot_winners(contest, ordered, cutoff or 0, book, prose)
        tie = not lot
    standings = []
    for position, candidacy in enumerate(ordered, start=1):
        votes = candidacy.votes
        by_lot = id(candidacy) in lot
        if not contest.declared:
            elected, tied = False, False
        elif unopposed:
            elected, tied = True, False
        elif lot:
            elected, tied = (votes or 0) > (cutoff or 0) or by_lot, False
        elif tie:
            elected = (votes or 0) > (cutoff or 0)
            tied = votes == cutoff
        elif marked:
            elected, tied = bool(candidacy.elected), False  # the source's markers stand
        else:
            elected, tied = position <= seats, False
        standings.append(
            _constructed(  # built from checked values: skip re-validating each one
                Standing,
                name=candidacy.name,
                party=book.lookup(candidacy.party),
                votes=votes,
                position=position,
                share=(100.0 * votes / total) if (votes is not None and total) else None,
                elected=elected,
                tied=tied,
                line=candidacy.line,
                by_lot=by_lot,
                incumbent=candidacy.incumbent,
            )
        )
    won = Counter(s.party.key for s in standings if s.elected)
    return ContestResult(
        election_id=election_id,
        ward=contest.ward,
        seats=seats,
        standings=tuple(standings),
        total_votes=total,
        unopposed=unopposed,
        tie=tie,
        majority=majority,
        seats_by_party=tuple(sorted(won.items(), key=lambda kv: (-kv[1], kv[0]))),
        turnout=contest.turnout,
        turnout_percent=contest.turnout_percent,
        electorate=contest.electorate,
        stated_majority=contest.stated_majority,
        rejected=contest.rejected,
        outcomes=contest.outcomes,
        by_election=contest.by_election,
        line=contest.line,
        decided_by_lot=bool(lot),
        declared=contest.declared,
    )


_LOT = re.compile(
    r"toss(?:ing)? (?:of )?a coin|coin (?:toss|was tossed)|tossed a coin|draw(?:ing)? (?:of )?lots"
    r"|drew lots|drawn (?:by|from) (?:a )?(?:lot|hat)|by lot\b|lots were drawn|cut (?:of )?cards",
    re.IGNORECASE,
)


def _lot_winners(
    contest: Contest, ordered: list[Candidacy], cutoff: int, book: PartyBook, prose: str
) -> set[int]:
    """Who won a tied last seat, when the source says (ids of the winning candidacies).

    In order: the source's own flags (`by_lot`, a winning-candidate marker), prose naming a
    tied candidate beside "toss of a coin" / "drawing of lots", and hold/gain lines whose
    parties leave exactly the tied candidates of one party in the remaining seats.
    """
    above = [c for c in ordered if (c.votes or 0) > cutoff]
    level = [c for c in ordered if c.votes == cutoff]
    remaining = contest.seats - len(above)
    if remaining <= 0:
        return set()
    flagged = [c for c in level if c.by_lot or c.elected]
    if len(flagged) == remaining:
        return {id(c) for c in flagged}
    for sentence in re.split(r"(?<=[.!?])\s+", prose):
        if not _LOT.search(sentence):
            continue
        lowered = sentence.casefold()
        named = [c for c in level if c.name.casefold() in lowered]
        if not named:
            surnames = [c.name.split()[-1].casefold() for c in level]
            named = [
                c
                for c, surname in zip(level, surnames, strict=True)
                if surnames.count(surname) == 1 and re.search(rf"\b{re.escape(surname)}\b", lowered)
            ]
        if len(named) >= remaining:
            named.sort(key=lambda c: lowered.find(c.name.split()[-1].casefold()))
            return {id(c) for c in named[:remaining]}
    wins: Counter[str] = Counter()
    for outcome in contest.outcomes:
        if stated := parse_outcome(outcome):
            wins[book.lookup(stated.party).key] += 1
    if sum(wins.values()) != contest.seats:
        return set()
    wins.subtract(book.lookup(c.party).key for c in above)
    chosen = [c for c in level if wins[book.lookup(c.party).key] > 0]
    keys = Counter(book.lookup(c.party).key for c in chosen)
    if len(chosen) == remaining and all(keys[k] <= wins[k] for k in keys):
        return {id(c) for c in chosen}
    return set()


def election_facts(election: Election, book: PartyBook) -> ElectionFacts:
    """Derive every fact of one election; infobox disagreements become warnings."""
    contests = tuple(
        contest_result(election.id, c, book, election.summary) for c in election.contests
    )
    total_votes = sum(c.total_votes for c in contests)
    seats_contested = sum(c.seats for c in contests)

    votes: Counter[str] = Counter()
    seats_won: Counter[str] = Counter()
    candidates: Counter[str] = Counter()
    tied: Counter[str] = Counter()
    wards_won: defaultdict[str, list[str]] = defaultdict(list)
    wards_contested: defaultdict[str, list[str]] = defaultdict(list)
    parties: dict[str, Party] = {}
    for contest in contests:
        for standing in contest.standings:
            key = standing.party.key
            parties.setdefault(key, standing.party)
            votes[key] += standing.votes or 0
            candidates[key] += 1
            seats_won[key] += standing.elected
            tied[key] += standing.tied
            if contest.ward not in wards_contested[key]:
                wards_contested[key].append(contest.ward)
            if standing.elected and contest.ward not in wards_won[key]:
                wards_won[key].append(contest.ward)

    infobox: dict[str, InfoboxParty] = {}
    for row in election.parties:
        party = book.lookup(row.name)
        parties.setdefault(party.key, party)
        infobox[party.key] = row

    whole_council = _is_whole_council(election, seats_contested)
    seats_are_after = _seats_mean_council_after(election, seats_contested, whole_council)
    missing_wards = whole_council and _council_from_infobox(election, seats_contested)

    def stated_after(row: InfoboxParty) -> int | None:
        return row.seats if seats_are_after else row.seats_after

    all_after = bool(infobox) and all(stated_after(r) is not None for r in infobox.values())
    # The whole council elected: its make-up is what the wards returned (the infobox is only
    # checked against it). Otherwise (thirds) only the infobox's Seats After can give it, or
    # its Seats where those plainly count the whole council (more seats than were contested).
    from_infobox = all_after and not whole_council
    tallies = []
    for key, party in parties.items():
        slot = infobox.get(key)
        before = slot.seats_before if slot else None
        if missing_wards:  # the infobox's whole council, not the few wards given
            after: int | None = slot.seats if slot else seats_won[key]
        elif whole_council:
            after = seats_won[key]
        elif from_infobox:
            after = stated_after(slot) if slot else None
        else:
            after = None
        tallies.append(
            PartyTally(
                party=party,
                candidates=candidates[key],
                seats_won=seats_won[key],
                votes=votes[key],
                vote_share=(100.0 * votes[key] / total_votes) if total_votes else 0.0,
                seats_before=before,
                seats_after=after,
                change=(after - before) if (after is not None and before is not None) else None,
                wards_won=tuple(wards_won[key]),
                wards_contested=tuple(wards_contested[key]),
                tied_seats=tied[key],
            )
        )
    tallies.sort(
        key=lambda t: (
            -(t.seats_after if t.seats_after is not None else t.seats_won),
            -t.seats_won,
            -t.votes,
            t.party.display,
        )
    )

    if missing_wards:
        council_size: int | None = sum(t.seats_after or 0 for t in tallies)
        basis = (
            f"the infobox's seats (the whole council was elected, but the ward results give "
            f"only {seats_contested} of its {council_size} seats)"
        )
    elif whole_council:
        council_size = seats_contested
        basis = "seats won in this election (the whole council was elected)"
    elif from_infobox:
        council_size = sum(t.seats_after or 0 for t in tallies)
        if (part := _PART_OF.search(election.seats_for_election or "")) and int(
            part[2]
        ) > council_size:  # `20 of 60 seats` beside an infobox listing only the big parties
            council_size = int(part[2])
        basis = (
            "council after the election (infobox Seats, which count the whole council)"
            if seats_are_after
            else "council after the election (infobox Seats After)"
        )
    else:
        council_size = None
        basis = "seats won in this election only (the council's full make-up is not given)"
    threshold = election.majority_seats or (council_size // 2 + 1 if council_size else None)
    control = None
    if threshold is not None and (all_after or whole_council):
        for tally in tallies:
            held = tally.seats_after if tally.seats_after is not None else tally.seats_won
            if held >= threshold:
                control = tally.party.key
    undecided = sum(c.seats - len(c.elected) for c in contests)
    facts = ElectionFacts(
        election_id=election.id,
        contests=contests,
        parties=tuple(tallies),
        total_votes=total_votes,
        seats_contested=seats_contested,
        council_size=council_size,
        majority_threshold=threshold,
        control=control,
        composition_basis=basis,
        whole_council=whole_council,
        undecided_seats=undecided,
        wards_missing=missing_wards,
    )
    warnings = [
        *_infobox_mismatches(election, facts, book),
        *_summary_mismatches(election, facts, book),
    ]
    return facts.model_copy(update={"warnings": tuple(warnings)})


def _summary_mismatches(
    election: Election, facts: ElectionFacts, book: PartyBook
) -> list[ParseWarning]:
    """Data warnings where a results summary's seats won or votes differ from the wards'."""
    warnings = []
    line = next(iter(election.contests)).line if election.contests else 1
    for row in election.stated_totals:
        tally = facts.tally(book.lookup(row.name).key)
        if tally is None:
            continue
        if row.seats is not None and not (
            tally.seats_won <= row.seats <= tally.seats_won + tally.tied_seats
        ):
            message = (
                f"the results summary gives {tally.party.display} {row.seats} seats won; "
                f"the ward results give {tally.seats_won}"
            )
            warnings.append(ParseWarning(file=election.source, line=line, message=message))
        if row.popular_vote is not None and row.popular_vote != tally.votes:
            message = (
                f"the results summary gives {tally.party.display} {row.popular_vote:,} votes; "
                f"the ward results add up to {tally.votes:,}"
            )
            warnings.append(ParseWarning(file=election.source, line=line, message=message))
    return warnings


_PART_OF = re.compile(r"(\d+)\s+(?:seats?\s+)?(?:out\s+)?of\s+(?:the\s+)?(\d+)")


def _is_whole_council(election: Election, seats_contested: int) -> bool:
    """All seats up: `All 51 seats` or `51 of 51` (`17 of 51` is not), or else a Majority Seats
    that is a majority of the seats contested."""
    if election.kind == "by-election":
        return False
    stated = (election.seats_for_election or "").lower()
    if stated.startswith("all"):
        return True
    if part := _PART_OF.search(stated):
        return part[1] == part[2]
    if election.majority_seats:
        return seats_contested // 2 + 1 == election.majority_seats
    return False


def _council_from_infobox(election: Election, seats_contested: int) -> bool:
    """An all-out election whose ward results fill fewer seats than were up (an excerpt, an
    article with wards missing), while the infobox gives every party's seats and they add up
    to the seats up: the council after the election is the infobox's, not the few wards'."""
    stated = election.seats_for_election or ""
    match = _ALL_SEATS.search(stated) or _PART_OF.search(stated)
    if match is None:
        return False
    total = int(match[1] if match.re is _ALL_SEATS else match[2])
    rows = election.parties
    if seats_contested >= total or not rows or any(r.seats is None for r in rows):
        return False
    return sum(r.seats or 0 for r in rows) == total


_ALL_SEATS = re.compile(r"all\s+(\d+)", re.IGNORECASE)
"""`All 63 seats`: read here and by the warning that the ward results fill another number."""


def _seats_mean_council_after(
    election: Election, seats_contested: int, whole_council: bool
) -> bool:
    """Part of the council elected, no Seats After anywhere, and Seats that add up to more than
    the seats contested: the infobox's Seats then count the council after the election."""
    rows = election.parties
    if whole_council or not rows or any(r.seats_after is not None for r in rows):
        return False
    if any(r.seats is None for r in rows):
        return False
    return sum(r.seats or 0 for r in rows) > seats_contested


def _infobox_mismatches(
    election: Election, facts: ElectionFacts, book: PartyBook
) -> list[ParseWarning]:
    """Data warnings where the infobox and the ward results disagree.

    When the whole council was elected, Seats and Seats After must both equal the seats won;
    otherwise (thirds, by-elections) Seats may give either the seats won or the council after.
    A seat tied at the last place may be counted either way (the infobox knows how the lot fell).
    A party that won seats but is missing from a non-empty infobox is reported too, and so are
    `All N seats` when the ward results fill another number.
    """
    warnings = []
    line = next(iter(election.contests)).line if election.contests else 1

    def warn(message: str) -> None:
        warnings.append(ParseWarning(file=election.source, line=line, message=message))

    stated = election.seats_for_election or ""
    all_n = _ALL_SEATS.match(stated.lstrip())
    if facts.whole_council and all_n and int(all_n[1]) != facts.seats_contested:
        warn(
            f"infobox says all {int(all_n[1])} seats were up; the ward results fill "
            f"{facts.seats_contested}"
        )
    seats_are_after = _seats_mean_council_after(
        election, facts.seats_contested, facts.whole_council
    )
    listed: set[str] = set()
    for row in election.parties:
        party = book.lookup(row.name)
        listed.add(party.key)
        tally = facts.tally(party.key)
        won = tally.seats_won if tally else 0
        tied = tally.tied_seats if tally else 0
        counted = tally.votes if tally else 0

        def agrees(seats: int, won: int = won, tied: int = tied) -> bool:
            return won <= seats <= won + tied

        if facts.whole_council:
            if row.seats is not None and not agrees(row.seats):
                warn(
                    f"infobox gives {party.display} {row.seats} seats; the ward results give {won}"
                )
            elif row.seats_after is not None and not agrees(row.seats_after):
                warn(
                    f"infobox gives {party.display} {row.seats_after} seats after the election; "
                    f"the ward results give {won}"
                )
        elif (
            row.seats is not None
            and not seats_are_after
            and not agrees(row.seats)
            and row.seats != row.seats_after
        ):
            warn(f"infobox gives {party.display} {row.seats} seats; the ward results give {won}")
        if row.popular_vote is not None and row.popular_vote != counted:
            warn(
                f"infobox gives {party.display} {row.popular_vote:,} votes; "
                f"the ward results add up to {counted:,}"
            )
    if listed:
        for tally in facts.parties:
            if tally.seats_won and tally.party.key not in listed:
                seats = "seat" if tally.seats_won == 1 else "seats"
                warn(
                    f"the ward results give {tally.party.display} {tally.seats_won} {seats}, "
                    "but the infobox does not list it"
                )
    return warnings
