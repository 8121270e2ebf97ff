"""Who holds each seat of a ward, followed through every loaded election of its council.

The chain starts at an all-out election (every seat filled), and is carried forward: at an
election by thirds each winner takes the seat whose term ended (the one won a full term, four
years, earlier; after an all-out election, the seat of the councillor elected with the fewest
votes ends first), and a by-election winner takes the seat that fell vacant. Each winner's seat
change (hold or gain) is measured against the party that held that seat before.

Where the loaded data cannot settle a seat (no all-out election loaded, an election between
missing, a by-election in a ward of several seats that does not say whose seat it filled), the
chain says what is known and what is missing instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

from knowledge.facts import Standing
from knowledge.history.index import Council, WardContest, gc_paused, ward_key
from knowledge.outcomes import StatedOutcome, parse_outcome, readable_outcome
from knowledge.parties import Party, PartyBook
from knowledge.store import ElectionInfo

TERM_YEARS = 4
"""A councillor's term in English local government."""
_TERM_SLACK_DAYS = 200
"""A full term is four years give or take a few months (polling days move)."""
_NEW_BOUNDARY = re.compile(r"\bnew\s+(?:boundary|seat|ward|division)\b", re.IGNORECASE)


def _stated(line: str) -> StatedOutcome | None:
    """A plain hold or gain line (`Labour hold`, `Green gain from Labour`): the lines the
    history compares with its computed outcome."""
    found = parse_outcome(line)
    if found is None or found.what not in ("hold", "gain") or found.unread or found.swing:
        return None
    return found


Via = Literal["all-out", "thirds", "by-election"]
Outcome = Literal["hold", "gain", "new", "unknown"]
OLDEST_FIRST_RULE = (
    "after an all-out election the councillor elected with the fewest votes serves the "
    "shortest term"
)


@dataclass(frozen=True, slots=True)
class Holder:
    """A councillor in a seat: who, for which party, elected when and how."""

    name: str
    party: Party
    votes: int | None
    election: ElectionInfo
    via: Via
    place: int
    """Place among the contest's winners (1 = most votes)."""
    by_lot: bool = False

    @property
    def date(self) -> dt.date:
        return self.election.sort_key[0]


@dataclass(frozen=True, slots=True)
class SeatChange:
    """One seat won at one election, against the seat's previous holder."""

    winner: Standing
    outcome: Outcome
    previous: Holder | None
    """The holder the winner replaced, when the loaded data says who that was."""
    previous_party: Party | None
    reason: str
    """How the previous holder was found, e.g. `the seat won in 2022, a full term earlier`."""
    by_lot: bool = False
    stated: str | None = None
    """The document's own hold/gain line for a seat whose previous holder is not loaded."""


@dataclass(slots=True)
class WardSeats:
    """A ward's seats after some election: known holders, doubts and gaps."""

    size: int | None = None
    """Seats in the ward, when an all-out election (or a one-seat contest) settles it."""
    holders: list[Holder] = field(default_factory=list)
    doubtful: list[Holder] = field(default_factory=list)
    """Holders of whom `doubtful_left` are no longer councillors (which is not said)."""
    doubtful_left: int = 0
    notes: list[str] = field(default_factory=list)

    def copy(self) -> WardSeats:
        return WardSeats(
            self.size,
            list(self.holders),
            list(self.doubtful),
            self.doubtful_left,
            list(self.notes),
        )

    @property
    def unknown(self) -> int | None:
        """Seats whose holder the loaded data does not give; None when the size is not known."""
        if self.size is None:
            return None
        return max(0, self.size - len(self.holders) - (len(self.doubtful) - self.doubtful_left))


@dataclass(frozen=True, slots=True)
class Step:
    """One contest of the ward in the chain: its seat changes and the seats after it."""

    contest: WardContest
    via: Via
    changes: tuple[SeatChange, ...]
    boundary_change: str | None
    """Why this contest is not compared with the ward's earlier ones, when it is not."""
    seats_after: WardSeats
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WardChain:
    ward: str
    steps: tuple[Step, ...]

    def step_for(self, election_id: str) -> Step | None:
        return next((s for s in self.steps if s.contest.election.id == election_id), None)


def _full_term_ago(then: dt.date, now: dt.date) -> bool:
    years = dt.timedelta(days=365.25 * TERM_YEARS)
    return abs((now - then) - years) <= dt.timedelta(days=_TERM_SLACK_DAYS)


def term_over(then: dt.date, now: dt.date) -> bool:
    """A term that reached its end at or before `now` (the seat was up at an election then)."""
    return overdue(then, now) or _full_term_ago(then, now)


def overdue(then: dt.date, now: dt.date) -> bool:
    return (now - then) > dt.timedelta(days=365.25 * TERM_YEARS + _TERM_SLACK_DAYS)


def abolished_by(council: Council, chain: WardChain, until: ElectionInfo) -> ElectionInfo | None:
    """An all-out election after the ward's last contest (up to `until`) that did not contest
    it: the ward was abolished or renamed there, and its seats ended."""
    end = until.sort_key
    last = None
    for step in chain.steps:
        if step.contest.key > end:
            break
        last = step.contest.key
    if last is None:
        return None
    for election in council.council_elections:
        key = election.sort_key
        if last < key <= end and council.whole.get(election.id):
            return election
    return None


def via_of(council: Council, contest: WardContest) -> Via:
    if contest.election.kind == "by-election" or contest.result.by_election:
        return "by-election"
    return "all-out" if council.whole.get(contest.election.id) else "thirds"


def _boundary_change(council: Council, contest: WardContest, previous: WardSeats) -> str | None:
    """A ward new at this election: said by the document, or absent from the last all-out one."""
    stated = next((o for o in contest.result.outcomes if _NEW_BOUNDARY.search(o)), None)
    if stated:
        return f"the document says “{stated}”: new boundaries, not compared with earlier results"
    election = contest.election
    if not council.whole.get(election.id) or election.kind == "by-election":
        return None
    last_all_out = next(
        (
            e
            for e in reversed(council.council_elections)
            if e.sort_key < contest.key and council.whole.get(e.id)
        ),
        None,
    )
    if last_all_out is None:
        return None
    had = any(c.election.id == last_all_out.id for c in council.contests(contest.result.ward))
    if not had:
        return (
            f"{contest.result.ward} was not contested in the {last_all_out.title} (the last "
            "all-out election loaded): a new ward or new boundaries, not compared"
        )
    if previous.size is not None and previous.size != contest.result.seats:
        return (
            f"{contest.result.ward} elected {previous.size} at the {last_all_out.title} and "
            f"{contest.result.seats} now: new boundaries, not compared seat by seat"
        )
    return None


def _holder(standing: Standing, contest: WardContest, via: Via, place: int) -> Holder:
    """A winner as a seat's holder (who may have won a tied last seat by lot)."""
    return Holder(
        name=standing.name,
        party=standing.party,
        votes=standing.votes,
        election=contest.election,
        via=via,
        place=place,
        by_lot=standing.by_lot,
    )


def _all_out(contest: WardContest, before: WardSeats, boundary: str | None) -> list[SeatChange]:
    """Every seat filled: a winner of a party that held a seat here holds it, others gain."""
    winners = contest.winners
    title = contest.election.title
    if boundary:
        return [SeatChange(w, "new", None, None, boundary) for w in winners]
    known = list(before.holders)
    if before.doubtful and len({h.party.key for h in before.doubtful}) == 1:
        # A by-election replaced one of several holders of one party: the party is certain.
        staying = len(before.doubtful) - before.doubtful_left
        names = {w.name for w in winners}
        pool = sorted(before.doubtful, key=lambda h: h.name not in names)
        known += pool[:staying]
    if not known and not before.doubtful:
        reason = "no earlier holder of these seats is in the loaded elections"
        return [SeatChange(w, "unknown", None, None, reason) for w in winners]
    unmatched = list(known)
    changes: dict[int, SeatChange] = {}
    for n, winner in enumerate(winners):  # holds first: same party (the same person first)
        match = _same_party(unmatched, winner)
        if match is not None:
            unmatched.remove(match)
            reason = f"the seat held by {match.name} since the {match.election.title}"
            changes[n] = SeatChange(winner, "hold", match, match.party, reason)
    complete = before.unknown == 0 and len(known) == before.size
    for n, winner in enumerate(winners):
        if n in changes:
            continue
        if unmatched:
            lost = next((h for h in unmatched if h.name == winner.name), unmatched[0])
            unmatched.remove(lost)
            reason = f"the seat held by {lost.name} since the {lost.election.title}"
            changes[n] = SeatChange(winner, "gain", lost, lost.party, reason)
        elif complete:
            reason = f"a seat more than before {title}"
            changes[n] = SeatChange(winner, "new", None, None, reason)
        else:
            reason = "the seat's previous holder is not in the loaded elections"
            changes[n] = SeatChange(winner, "unknown", None, None, reason)
    return [changes[n] for n in range(len(winners))]


def _same_party(holders: list[Holder], winner: Standing) -> Holder | None:
    """A holder of the winner's party (the winner themself, if they held a seat): a hold."""
    party = [h for h in holders if h.party.key == winner.party.key]
    return next((h for h in party if h.name == winner.name), party[0] if party else None)


def _due(before: WardSeats, election: ElectionInfo) -> tuple[list[Holder], str]:
    """The seats whose term ends at an election by thirds, and the rule that picked them."""
    now = election.sort_key[0]
    full_term = [h for h in before.holders + before.doubtful if _full_term_ago(h.date, now)]
    if full_term:
        return full_term, "a full term earlier"
    all_out = [h for h in before.holders if h.via == "all-out" and not overdue(h.date, now)]
    if all_out:
        latest = max(h.date for h in all_out)
        group = [h for h in all_out if h.date == latest]
        group.sort(key=lambda h: -h.place)  # fewest votes first
        return group, OLDEST_FIRST_RULE
    return [], ""


def _thirds(
    contest: WardContest, before: WardSeats, after: WardSeats, boundary: str | None
) -> list[SeatChange]:
    """Each winner takes a seat whose term ended: the same person's, else the same party's."""
    winners = contest.winners
    if boundary:
        return [SeatChange(w, "new", None, None, boundary) for w in winners]
    due, rule = _due(before, contest.election)
    ending = due[: len(winners)]
    for lost in ending:
        if lost in after.holders:
            after.holders.remove(lost)
        elif lost in after.doubtful:
            after.doubtful.remove(lost)
            after.doubtful_left = min(after.doubtful_left, len(after.doubtful))
    changes: dict[int, SeatChange] = {}
    for n, winner in enumerate(winners):  # the same party first (the same person first)
        same = _same_party(ending, winner)
        if same is not None:
            lost = same
            ending.remove(lost)
            reason = f"the seat {lost.name} won at the {lost.election.title}, {rule}"
            changes[n] = SeatChange(winner, "hold", lost, lost.party, reason)
    for n, winner in enumerate(winners):
        if n in changes:
            continue
        if ending:
            lost = next((h for h in ending if h.name == winner.name), ending[0])
            ending.remove(lost)
            reason = f"the seat {lost.name} won at the {lost.election.title}, {rule}"
            changes[n] = SeatChange(winner, "gain", lost, lost.party, reason)
        else:
            reason = (
                "the seat's previous holder is not in the loaded elections (the election a "
                "full term earlier is not loaded)"
            )
            changes[n] = SeatChange(winner, "unknown", None, None, reason)
    return [changes[n] for n in range(len(winners))]


def _by_election(contest: WardContest, before: WardSeats, after: WardSeats) -> list[SeatChange]:
    """A vacancy filled: certain only in a one-seat ward, or when every holder was one party."""
    winners = contest.winners
    current = before.holders + before.doubtful
    if before.size == 1 and len(current) == 1:
        lost = current[0]
        after.holders = []
        after.doubtful, after.doubtful_left = [], 0
        outcome: Outcome = "hold" if lost.party.key == winners[0].party.key else "gain"
        reason = f"the ward's one seat, held by {lost.name} since the {lost.election.title}"
        return [SeatChange(w, outcome, lost, lost.party, reason) for w in winners[:1]] + [
            SeatChange(w, "unknown", None, None, reason) for w in winners[1:]
        ]
    parties = {h.party.key for h in current}
    complete = before.unknown == 0
    if current:
        after.doubtful = list(after.holders) + list(after.doubtful)
        after.holders = []
        names = ", ".join(h.name for h in current)
        if complete:  # every seat's holder is known: one of them certainly left
            after.doubtful_left += len(winners)
            where = f"one of {names}"
        else:  # the vacancy may be a seat whose holder is not loaded
            where = f"one of {names}, or by a councillor whose election is not loaded"
        after.notes.append(
            f"the {contest.election.title} filled a seat held by {where}; which one is not said"
        )
    changes = []
    for winner in winners:
        if len(parties) == 1 and complete:
            party = current[0].party
            same: Outcome = "hold" if party.key == winner.party.key else "gain"
            reason = f"every seat here was held by {party.display} before the by-election"
            changes.append(SeatChange(winner, same, None, party, reason))
        else:
            reason = "the by-election does not say whose seat it filled"
            changes.append(SeatChange(winner, "unknown", None, None, reason))
    return changes


def _stated_for_unknown(
    contest: WardContest, changes: list[SeatChange], book: PartyBook
) -> list[SeatChange]:
    """Seats the loaded data cannot compare take the document's hold/gain line for their party
    (shown as the document's, not checked)."""
    if not contest.result.outcomes or all(c.outcome != "unknown" for c in changes):
        return changes
    lines = [
        (book.lookup(m.party).key, readable_outcome(line, book.lookup))
        for line in contest.result.outcomes
        if (m := _stated(line))
    ]
    out = []
    for change in changes:
        if change.outcome == "unknown":
            found = next((item for item in lines if item[0] == change.winner.party.key), None)
            if found is not None:
                lines.remove(found)
                change = replace(change, stated=found[1])
        out.append(change)
    return out


def _stated_checks(contest: WardContest, changes: list[SeatChange], book: PartyBook) -> list[str]:
    """The document's hold/gain lines checked against the computed ones (a warning each)."""
    if not contest.result.outcomes:
        return []
    warnings = []
    computed: Counter[tuple[str, str]] = Counter((c.winner.party.key, c.outcome) for c in changes)
    known = all(c.outcome in ("hold", "gain") for c in changes)
    for line in contest.result.outcomes:
        match = _stated(line)
        if not match or not known:
            continue
        party = book.lookup(match.party)
        what = match.what
        if computed[(party.key, what)] > 0:
            computed[(party.key, what)] -= 1
            if what == "gain" and match.loser:
                loser = book.lookup(match.loser)
                froms = {c.previous_party.key for c in changes if c.previous_party}
                if loser.key not in froms:
                    warnings.append(
                        f"{contest.result.ward}, {contest.election.title}: the document says "
                        f"“{line}”; the seat was last won by "
                        + " / ".join(
                            sorted(c.previous_party.display for c in changes if c.previous_party)
                        )
                    )
            continue
        said = "; ".join(f"{c.winner.party.display} {c.outcome}" for c in changes)
        warnings.append(
            f"{contest.result.ward}, {contest.election.title}: the document says “{line}”; "
            f"computed from the earlier results: {said}"
        )
    return warnings


def ward_chain(council: Council, ward: str, book: PartyBook) -> WardChain:
    """The ward's seats through every loaded contest, oldest first (computed once per index)."""
    memo_key = ("chain", ward_key(ward))
    found = council.memo.get(memo_key)
    if isinstance(found, WardChain):
        return found
    with gc_paused():
        chain = _ward_chain(council, ward, book)
    council.memo[memo_key] = chain
    return chain


def _ward_chain(council: Council, ward: str, book: PartyBook) -> WardChain:
    contests = council.contests(ward)
    seats = WardSeats()
    steps = []
    for contest in contests:
        via = via_of(council, contest)
        boundary = None if via == "by-election" else _boundary_change(council, contest, seats)
        after = seats.copy()
        after.notes = []
        winners = contest.winners
        if via == "all-out":
            changes = _all_out(contest, seats, boundary)
            after = WardSeats(size=contest.result.seats)
        elif via == "thirds":
            if boundary:
                after = WardSeats()
            changes = _thirds(contest, seats, after, boundary)
        else:
            changes = _by_election(contest, seats, after)
        for place, winner in enumerate(winners, start=1):
            after.holders.append(_holder(winner, contest, via, place))
        if len(winners) < contest.result.seats:
            after.notes.append(
                f"the {contest.election.title} left a tie for the last seat here unsettled "
                "(the document names no winner by lot)"
            )
        if contest.result.decided_by_lot:
            changes = [replace(c, by_lot=c.winner.by_lot) for c in changes]
        changes = _stated_for_unknown(contest, changes, book)
        warnings = _stated_checks(contest, changes, book)
        steps.append(Step(contest, via, tuple(changes), boundary, after, tuple(warnings)))
        seats = after
    name = council.ward_name(ward)
    return WardChain(ward=name, steps=tuple(steps))
