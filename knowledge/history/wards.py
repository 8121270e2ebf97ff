"""A ward across elections: its previous contest, share changes, hold or gain, swing, holders.

Shares are each party's share of all votes cast in the ward (every vote of a multi-seat ward
counted), the same rule as the single-election answers; every comparison names both elections.
"""

from __future__ import annotations

from collections import defaultdict

from knowledge.compose import election_ref
from knowledge.facts import ContestResult
from knowledge.history.answers import (
    CouncillorLine,
    LastTime,
    PartyShare,
    SeatLine,
    Swing,
    WardHistoryAnswer,
    WardHistoryRow,
)
from knowledge.history.index import Council, WardContest, history_index
from knowledge.history.seats import (
    TERM_YEARS,
    Holder,
    SeatChange,
    WardChain,
    abolished_by,
    overdue,
    term_over,
    ward_chain,
)
from knowledge.parties import Party
from knowledge.store import ResultsStore


def party_shares(result: ContestResult) -> list[tuple[Party, int, float | None]]:
    """(party, votes, share of all votes cast) in one contest, most votes first."""
    votes: defaultdict[str, int] = defaultdict(int)
    parties: dict[str, Party] = {}
    for standing in result.standings:
        parties.setdefault(standing.party.key, standing.party)
        votes[standing.party.key] += standing.votes or 0
    total = result.total_votes
    rows = [(parties[k], v, (100.0 * v / total) if total else None) for k, v in votes.items()]
    rows.sort(key=lambda r: (-r[1], r[0].display))
    return rows


def share_lines(result: ContestResult, earlier: ContestResult | None) -> tuple[PartyShare, ...]:
    before = {p.key: share for p, _, share in party_shares(earlier)} if earlier else {}
    lines = []
    for party, votes, share in party_shares(result):
        was = before.get(party.key)
        change = share - was if (share is not None and was is not None) else None
        lines.append(
            PartyShare(
                party=party.display,
                party_key=party.key,
                colour=party.colour,
                votes=votes,
                share=share,
                change=change,
            )
        )
    return tuple(lines)


def butler_swing(
    now: WardContest, then: WardContest, stated: str | None
) -> tuple[Swing | None, str | None]:
    """Swing between the two parties leading now, or why it cannot be computed."""
    current = party_shares(now.result)
    if len(current) < 2 or now.result.unopposed or then.result.unopposed:
        return None, "no swing: one of the two contests was unopposed or had one party"
    earlier = {p.key: share for p, _, share in party_shares(then.result)}
    (first, _, first_now), (second, _, second_now) = current[0], current[1]
    first_then, second_then = earlier.get(first.key), earlier.get(second.key)
    if None in (first_now, second_now, first_then, second_then):
        missing = first.display if first_then is None else second.display
        return None, f"no swing: {missing} did not stand in the {then.election.title}"
    assert first_now is not None and second_now is not None
    assert first_then is not None and second_then is not None
    points = ((first_now - first_then) - (second_now - second_then)) / 2
    swing = Swing(
        points=points,
        from_party=second.display,
        to_party=first.display,
        from_key=second.key,
        to_key=first.key,
        since=election_ref(then.election),
        stated=stated,
    )
    return swing, None


def seat_lines(changes: tuple[SeatChange, ...]) -> tuple[SeatLine, ...]:
    return tuple(
        SeatLine(
            name=c.winner.name,
            party=c.winner.party.display,
            party_key=c.winner.party.key,
            colour=c.winner.party.colour,
            votes=c.winner.votes,
            outcome=c.outcome,
            previous_party=c.previous_party.display if c.previous_party else None,
            previous_name=c.previous.name if c.previous else None,
            reason=c.reason,
            by_lot=c.by_lot,
            stated=c.stated,
        )
        for c in changes
    )


def _chain(store: ResultsStore, election_id: str, ward: str) -> tuple[Council, WardChain] | None:
    council = history_index(store).council_of(election_id)
    if council is None:
        return None
    return council, ward_chain(council, ward, store.book)


def last_time(store: ResultsStore, election_id: str, ward: str) -> LastTime | str | None:
    """The ward's result against its previous loaded contest, or a sentence saying why not.

    None when the ward has no contest in this election.
    """
    found = _chain(store, election_id, ward)
    if found is None:
        return None
    council, chain = found
    index = next(
        (n for n, s in enumerate(chain.steps) if s.contest.election.id == election_id), None
    )
    if index is None:
        return None
    step = chain.steps[index]
    if len(council.elections) == 1:
        return f"No earlier election of {council.name} is loaded."
    if index == 0:
        return f"No earlier contest of {chain.ward} is loaded (this is its first)."
    before = chain.steps[index - 1]
    shares = share_lines(step.contest.result, before.contest.result)
    swing, note = butler_swing(step.contest, before.contest, step_swing(step.contest))
    winners = tuple(f"{s.name} ({s.party.short})" for s in before.contest.result.elected)
    return LastTime(
        current=election_ref(step.contest.election),
        previous=election_ref(before.contest.election),
        previous_winners=winners,
        shares=shares,
        seats=seat_lines(step.changes),
        swing=None if step.boundary_change else swing,
        swing_note=note,
        boundary=step.boundary_change,
        warnings=step.warnings,
    )


def step_swing(contest: WardContest) -> str | None:
    """The swing the document states for this contest, if any."""
    return contest.swing


def councillor_lines(
    council: Council, chain: WardChain
) -> tuple[tuple[CouncillorLine, ...], tuple[str, ...]]:
    """The holders after the latest loaded election, and what the data leaves unknown."""
    ward = chain.ward
    latest = council.elections[-1]
    now = latest.sort_key[0]
    if not chain.steps:
        return (), ()
    if (ended := abolished_by(council, chain, latest)) is not None:
        return (), (
            f"{ward} was not contested at the {ended.title}, an all-out election: the ward was "
            "abolished or renamed, and its councillors' seats ended there",
        )
    seats = chain.steps[-1].seats_after
    lines, missing = [], list(seats.notes)
    for holder, doubtful in [(h, False) for h in seats.holders] + [
        (h, True) for h in seats.doubtful
    ]:
        if overdue(holder.date, now):
            missing.append(
                f"{holder.name} ({holder.party.display}) was elected in the "
                f"{holder.election.title}; that term has ended, and the election that filled "
                "the seat next is not loaded"
            )
            continue
        if holder.election is not latest and term_over(holder.date, now):
            missing.append(
                f"{holder.name} ({holder.party.display}) was elected in the "
                f"{holder.election.title}; that seat was due for election by the "
                f"{latest.title}, and the loaded results do not show who holds it now"
            )
            continue
        lines.append(_councillor(holder, ward, council, doubtful))
    if seats.unknown is None:
        missing.append(
            f"How many seats {ward} has is not settled by the loaded elections (no all-out "
            "election of it is loaded); other seats may be held by councillors elected at "
            "elections that are not loaded"
        )
    elif seats.unknown:
        missing.append(
            f"{seats.unknown} of {ward}'s {seats.size} seats were filled at elections that "
            "are not loaded"
        )
    return tuple(lines), tuple(missing)


def _councillor(holder: Holder, ward: str, council: Council, doubtful: bool) -> CouncillorLine:
    if holder.via == "by-election":
        ends, rule = None, "the rest of the term of the seat the by-election filled"
    elif holder.via == "all-out" and council.by_thirds:
        ends, rule = None, "staggered: the council then went on electing by thirds"
    elif len(council.council_elections) < 2:
        ends, rule = None, "not known: one election does not show the council's cycle"
    else:
        year = holder.date.year + TERM_YEARS
        ends, rule = year, f"a {TERM_YEARS}-year term"
    return CouncillorLine(
        name=holder.name,
        ward=ward,
        party=holder.party.display,
        party_key=holder.party.key,
        colour=holder.party.colour,
        elected=election_ref(holder.election),
        via=holder.via,
        term_ends=ends,
        term_rule=rule,
        by_lot=holder.by_lot,
        doubtful=doubtful,
    )


def ward_history(store: ResultsStore, election_id: str, ward: str) -> WardHistoryAnswer | None:
    """Every loaded contest of the ward, oldest first, with seats, shares and swing."""
    found = _chain(store, election_id, ward)
    if found is None or not found[1].steps:
        return None
    council, chain = found
    rows = []
    firsts: dict[str, str] = {}
    lasts: dict[str, str] = {}
    for n, step in enumerate(chain.steps):
        earlier = chain.steps[n - 1].contest if n else None
        swing = None
        if earlier is not None and not step.boundary_change:
            swing, _ = butler_swing(step.contest, earlier, step_swing(step.contest))
        result = step.contest.result
        for standing in step.contest.winners:
            firsts.setdefault(
                standing.party.key,
                f"{standing.party.display} first won a seat here (of the loaded elections) in "
                f"the {step.contest.election.title}",
            )
            lasts[standing.party.key] = step.contest.election.title
        rows.append(
            WardHistoryRow(
                election=election_ref(step.contest.election),
                via=step.via,
                seats=result.seats,
                winners=seat_lines(step.changes),
                shares=share_lines(result, earlier.result if earlier else None),
                total_votes=result.total_votes,
                turnout_percent=result.turnout_percent,
                boundary=step.boundary_change,
                swing=swing,
            )
        )
    last = chain.steps[-1]
    holders, missing = councillor_lines(council, chain)
    notes = list(missing)
    if len(council.elections) == 1:
        notes.insert(0, f"No earlier election of {council.name} is loaded.")
    elif len(chain.steps) == 1:
        notes.insert(0, f"{chain.ward} is contested in only one loaded election.")
    return WardHistoryAnswer(
        election=election_ref(last.contest.election),
        council=council.name,
        ward=chain.ward,
        rows=tuple(rows),
        holders=holders,
        firsts=tuple(
            text if lasts[key] in text else f"{text}, last in the {lasts[key]}"
            for key, text in firsts.items()
        )
        if len(chain.steps) > 1
        else (),
        notes=tuple(notes),
        warnings=tuple(w for s in chain.steps for w in s.warnings),
    )
