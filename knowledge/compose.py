"""Facts -> typed answers, for one named election.

Each function takes the store and what was already resolved; choosing the election and resolving
names happens in `knowledge.commands`.
"""

from __future__ import annotations

from collections.abc import Collection

from knowledge.answers import (
    Candidacy,
    CandidateAnswer,
    CandidateLine,
    ClosestAnswer,
    ElectionRef,
    ElectionRow,
    ElectionsAnswer,
    MarginRow,
    PartyAnswer,
    PartyRow,
    PartySeats,
    SummaryAnswer,
    WardAnswer,
)
from knowledge.facts import CHANGE_BASELINE, ContestResult, Standing
from knowledge.models import Election
from knowledge.outcomes import readable_outcomes
from knowledge.parties import NEUTRAL_COLOUR, Party
from knowledge.store import CandidateRecord, CandidateRef, ElectionInfo, ResultsStore

PARTY_SHARE_RULE = (
    "share of all votes cast across the wards (in multi-seat wards every vote a voter cast counts)"
)
CLOSEST_COUNT = 5
MAX_LISTED = 10
"""Other elections and same-name candidacies listed in an answer; a common name has hundreds."""


def election_ref(election: Election | ElectionInfo) -> ElectionRef:
    return ElectionRef(
        id=election.id,
        title=election.title,
        source=election.source,
        date=election.date,
        year=election.year,
        cited=election.citation,
    )


def others_than(elections: tuple[str, ...], election_id: str) -> tuple[str, ...]:
    """The other elections (a party stands in thousands: sliced, not filtered one by one)."""
    if election_id not in elections:
        return elections
    at = elections.index(election_id)
    return elections[:at] + elections[at + 1 :]


def refs(store: ResultsStore, ids: tuple[str, ...]) -> tuple[ElectionRef, ...]:
    found = (store.info(i) for i in ids)  # the catalog: no election is built for a citation
    return tuple(election_ref(e) for e in found if e is not None)


def candidate_line(contest: ContestResult, standing: Standing) -> CandidateLine:
    return CandidateLine(
        name=standing.name,
        ward=contest.ward,
        party=standing.party.display,
        party_key=standing.party.key,
        party_short=standing.party.short,
        colour=standing.party.colour,
        votes=standing.votes,
        share=standing.share,
        position=standing.position,
        elected=standing.elected,
        tied=standing.tied,
        by_lot=standing.by_lot,
    )


def margin_row(contest: ContestResult) -> MarginRow | None:
    if contest.majority is None:
        return None
    last_place = contest.seats - 1
    return MarginRow(
        ward=contest.ward,
        majority=contest.majority,
        majority_percent=contest.majority_percent,
        last_winner=candidate_line(contest, contest.standings[last_place]),
        first_loser=candidate_line(contest, contest.standings[contest.seats]),
        tie=contest.tie,
    )


def ward_answer(
    store: ResultsStore, election_id: str, contest: ContestResult, others: tuple[str, ...] = ()
) -> WardAnswer:
    election = store.info(election_id)  # the catalog: a ward's answer builds no election
    assert election is not None
    seats = []
    for key, count in contest.seats_by_party:
        party = _party_for(store, contest, key)
        seats.append(
            PartySeats(party=party.display, party_key=key, colour=party.colour, seats=count)
        )
    leading = contest.leading_party
    colour = _party_for(store, contest, leading).colour if leading else NEUTRAL_COLOUR
    return WardAnswer(
        election=election_ref(election),
        other_elections=refs(store, others[:MAX_LISTED]),
        more_elections=max(0, len(others) - MAX_LISTED),
        ward=contest.ward,
        seats=contest.seats,
        candidates=tuple(candidate_line(contest, s) for s in contest.standings),
        total_votes=contest.total_votes,
        majority=contest.majority,
        majority_percent=contest.majority_percent,
        tie=contest.tie,
        unopposed=contest.unopposed,
        split=contest.split,
        seats_by_party=tuple(seats),
        colour=colour,
        share_rule=contest.share_rule,
        turnout=contest.turnout,
        turnout_percent=contest.turnout_percent,
        electorate=contest.electorate,
        outcomes=readable_outcomes(contest.outcomes, lambda name: _party_for(store, contest, name)),
        by_election=contest.by_election,
        lot=contest.decided_by_lot,
        declared=contest.declared,
        counted=contest.counted,
    )


def candidate_answer(
    store: ResultsStore, ref: CandidateRef, record: CandidateRecord
) -> CandidateAnswer | None:
    found = store.standing(ref)
    if found is None:
        return None
    contest, standing = found
    margin: int | None = None
    if not contest.unopposed and standing.votes is not None:
        if standing.elected:
            margin = standing.votes - (contest.standings[contest.seats].votes or 0)
        else:
            margin = (contest.standings[contest.seats - 1].votes or 0) - standing.votes
    elsewhere = []
    others = [other for other in record.shown if other != ref]
    for other in others[:MAX_LISTED]:  # as compiled: no other election is built
        other_election = store.info(other.election_id)
        if other_election is None:
            continue
        elsewhere.append(
            Candidacy(
                election=election_ref(other_election),
                ward=other.ward,
                party=other.party.display,
                votes=other.votes,
                elected=other.elected,
                tied=other.tied,
            )
        )
    result = ward_answer(store, ref.election_id, contest)
    other_ids = tuple(i for i in record.elections if i != ref.election_id)
    other_count = record.candidacies - (ref in record.shown)
    return CandidateAnswer(
        election=result.election,
        other_elections=refs(store, other_ids[:MAX_LISTED]),
        more_elections=max(0, len(other_ids) - MAX_LISTED),
        more_elsewhere=max(0, other_count - MAX_LISTED),
        candidate=candidate_line(contest, standing),
        seats=contest.seats,
        margin=margin,
        result=result,
        elsewhere=tuple(elsewhere),
    )


def party_answer(
    store: ResultsStore, election_id: str, party: Party, others: tuple[str, ...] = ()
) -> PartyAnswer:
    election = store.election(election_id)
    assert election is not None
    facts = store.facts(election_id)
    tally = facts.tally(party.key)
    winners: list[CandidateLine] = []
    stood: list[CandidateLine] = []
    wards: dict[str, int] = {}
    for contest in facts.contests:
        for standing in contest.standings:
            if standing.party.key != party.key:
                continue
            line = candidate_line(contest, standing)
            stood.append(line)
            if standing.elected:
                winners.append(line)
                wards[contest.ward] = wards.get(contest.ward, 0) + 1
    with_votes = [c for c in stood if c.votes is not None]
    best = max(with_votes, key=lambda c: (c.votes or 0, c.name), default=None)
    worst = min(with_votes, key=lambda c: (c.votes or 0, c.name), default=None)
    winners.sort(key=lambda c: (-(c.votes or 0), c.name))
    return PartyAnswer(
        counted=all(c.counted for c in facts.contests),
        election=election_ref(election),
        other_elections=refs(store, others[:MAX_LISTED]),
        more_elections=max(0, len(others) - MAX_LISTED),
        party=party.display,
        key=party.key,
        short=party.short,
        colour=party.colour,
        known=party.known,
        stood=bool(stood),
        candidates=len(stood),
        seats_won=tally.seats_won if tally else 0,
        seats_contested=facts.seats_contested,
        seats_before=tally.seats_before if tally else None,
        seats_after=tally.seats_after if tally else None,
        change=tally.change if tally else None,
        change_baseline=CHANGE_BASELINE,
        votes=tally.votes if tally else 0,
        vote_share=tally.vote_share if tally else 0.0,
        share_rule=PARTY_SHARE_RULE,
        controls=facts.control == party.key,
        wards_won=tuple(sorted(wards.items(), key=lambda kv: (-kv[1], kv[0]))),
        winners=tuple(winners),
        best=best,
        worst=worst,
        tied_seats=tally.tied_seats if tally else 0,
    )


def summary_answer(store: ResultsStore, election_id: str) -> SummaryAnswer:
    election = store.election(election_id)
    assert election is not None
    facts = store.facts(election_id)
    rows = tuple(
        PartyRow(
            name=t.party.display,
            key=t.party.key,
            short=t.party.short,
            colour=t.party.colour,
            candidates=t.candidates,
            seats_won=t.seats_won,
            seats_before=t.seats_before,
            seats_after=t.seats_after,
            change=t.change,
            votes=t.votes,
            vote_share=t.vote_share,
        )
        for t in facts.parties
        if t.candidates or t.seats_before or t.seats_after
    )
    control = facts.tally(facts.control) if facts.control else None
    control_known = facts.majority_threshold is not None and facts.council_size is not None
    closest = tuple(r for r in (margin_row(c) for c in facts.by_margin()[:CLOSEST_COUNT]) if r)
    return SummaryAnswer(
        counted=all(c.counted for c in facts.contests),
        election=election_ref(election),
        council=election.council,
        rows=rows,
        seats_contested=facts.seats_contested,
        wards=len(facts.contests),
        council_size=facts.council_size,
        majority_threshold=facts.majority_threshold,
        control=control.party.display if control else None,
        control_key=facts.control,
        control_known=control_known,
        control_stated=(
            _stated_party(store, election.control_after)
            if election.kind == "council" and not control_known
            else None
        ),
        colour=control.party.colour if control else NEUTRAL_COLOUR,
        composition_basis=facts.composition_basis,
        change_baseline=CHANGE_BASELINE,
        total_votes=facts.total_votes,
        turnout=facts.turnout,
        split_wards=tuple(c.ward for c in facts.split_wards),
        tie_wards=tuple(c.ward for c in facts.ties),
        closest=closest,
        undecided_seats=facts.undecided_seats,
        undeclared_wards=tuple(c.ward for c in facts.contests if not c.declared),
        whole_council=facts.whole_council,
        summary=election.summary,
    )


def closest_answer(store: ResultsStore, election_id: str, count: int = 10) -> ClosestAnswer:
    election = store.election(election_id)
    assert election is not None
    facts = store.facts(election_id)
    ordered = [r for r in (margin_row(c) for c in facts.by_margin()) if r]
    return ClosestAnswer(
        election=election_ref(election),
        closest=tuple(ordered[:count]),
        safest=tuple(reversed(ordered[-count:])) if ordered else (),
        unopposed=tuple(c.ward for c in facts.contests if c.unopposed),
    )


def elections_answer(store: ResultsStore, ids: Collection[str] | None = None) -> ElectionsAnswer:
    """The loaded elections (those of `ids` only, when given), newest first."""
    rows = []
    newest = store.catalog[-1] if store.catalog else None
    for info in reversed(store.catalog):  # the catalog's counts: no election is built
        if ids is not None and info.id not in ids:
            continue
        rows.append(
            ElectionRow(
                ref=election_ref(info),
                council=info.council,
                kind=info.kind,
                wards=info.wards,
                seats=info.seats,
                candidates=info.candidates,
                latest=info is newest,
            )
        )
    return ElectionsAnswer(elections=tuple(rows), problems=tuple(str(e) for e in store.errors))


def _party_for(store: ResultsStore, contest: ContestResult, key: str) -> Party:
    for standing in contest.standings:
        if standing.party.key == key:
            return standing.party
    return store.party(key) or store.book.lookup(key)


def _stated_party(store: ResultsStore, written: str | None) -> str | None:
    """Stated control in the party book's words ("Labour party" -> "Labour")."""
    if not written:
        return None
    party = store.book.lookup(written)
    return party.display if party.known else written
