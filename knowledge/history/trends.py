"""A council through time: its make-up after each election, a party's seats and share, firsts
and the longest-serving councillors, all computed from the loaded elections.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from knowledge.answers import PartySeats
from knowledge.compose import election_ref
from knowledge.history.answers import (
    CompositionRow,
    CouncilHistoryAnswer,
    PartyHistoryAnswer,
    PartyHistoryRow,
)
from knowledge.history.index import Council, gc_paused, history_index
from knowledge.history.seats import WardSeats, abolished_by, overdue, ward_chain
from knowledge.parties import Party
from knowledge.store import ElectionInfo, ResultsStore


def _seats_after(
    store: ResultsStore, council: Council, election: ElectionInfo
) -> dict[str, WardSeats]:
    """Each ward's seats just after `election` (wards contested by then and not abolished)."""
    found: dict[str, WardSeats] = {}
    end = election.sort_key
    for key, name in council.ward_names.items():
        chain = ward_chain(council, name, store.book)
        keys = [s.contest.key for s in chain.steps]
        at = bisect_right(keys, end)
        if at and abolished_by(council, chain, election) is None:
            found[key] = chain.steps[at - 1].seats_after
    return found


def composition(store: ResultsStore, council: Council) -> tuple[CompositionRow, ...]:
    """The council after each ordinary election: seats per party as far as the chain tells,
    checked against the document's own council after the election where it gives one."""
    memo_key = ("composition", "")
    cached = council.memo.get(memo_key)
    if isinstance(cached, tuple):
        return cached
    with gc_paused():
        result = _composition(store, council)
    council.memo[memo_key] = result
    return result


def _composition(store: ResultsStore, council: Council) -> tuple[CompositionRow, ...]:
    rows = []
    for election in council.council_elections:
        facts = store.facts(election.id)
        now = election.sort_key[0]
        seats: Counter[str] = Counter()
        parties: dict[str, Party] = {}
        size: int | None = 0
        gaps = False
        for ward in _seats_after(store, council, election).values():
            for holder in ward.holders:
                if not overdue(holder.date, now):
                    seats[holder.party.key] += 1
                    parties[holder.party.key] = holder.party
                else:
                    gaps = True
            if ward.size is None or size is None:
                size = None
            else:
                size += ward.size
            if ward.doubtful or ward.unknown:
                gaps = True
        known = sum(seats.values())
        if facts.whole_council:
            basis = "seats won at this all-out election"
        elif size is not None and not gaps and known == size:
            basis = "carried forward from the last all-out election through later elections"
        else:
            basis = (
                f"partly known: {known} seats whose holders the loaded elections give "
                "(earlier elections that filled the others are not loaded)"
            )
        complete = size is not None and not gaps and known == size
        warning = None
        if facts.composition_basis.startswith("council after") and complete:
            stated = {t.party.key: t.seats_after for t in facts.parties if t.seats_after}
            differs = [
                f"{parties[k].display if k in parties else k}: "
                f"{stated.get(k, 0)} stated, {seats.get(k, 0)} carried forward"
                for k in sorted(set(stated) | set(seats))
                if stated.get(k, 0) != seats.get(k, 0)
            ]
            if differs:
                warning = "the document's council after the election differs: " + "; ".join(differs)
        threshold = facts.majority_threshold or (size // 2 + 1 if size and complete else None)
        control = None
        if complete and threshold:
            control = next((parties[k].display for k, n in seats.items() if n >= threshold), None)
        rows.append(
            CompositionRow(
                election=election_ref(election),
                parties=tuple(
                    PartySeats(
                        party=parties[k].display,
                        party_key=k,
                        colour=parties[k].colour,
                        seats=n,
                    )
                    for k, n in sorted(seats.items(), key=lambda kv: (-kv[1], kv[0]))
                ),
                size=size if complete else None,
                known=known,
                threshold=threshold,
                basis=basis,
                warning=warning,
                control=control,
            )
        )
    return tuple(rows)


def firsts(store: ResultsStore, council: Council) -> tuple[str, ...]:
    """The first and (if later) last election at which each party won a seat, of those loaded."""
    first: dict[str, tuple[Party, ElectionInfo]] = {}
    last: dict[str, ElectionInfo] = {}
    for election in council.elections:
        for contest in store.facts(election.id).contests:
            for standing in contest.elected:
                first.setdefault(standing.party.key, (standing.party, election))
                last[standing.party.key] = election
    lines = []
    for key, (party, election) in first.items():
        text = f"{party.display}: first won a seat in the {election.title}"
        if last[key] is not election:
            text += f", last in the {last[key].title}"
        lines.append(text)
    return tuple(lines)


def longest_serving(store: ResultsStore, council: Council, limit: int = 5) -> tuple[str, ...]:
    """Councillors holding a seat now, longest unbroken service first, by the loaded data."""
    latest = council.elections[-1].sort_key[0]
    serving = []
    for name in council.ward_names.values():
        chain = ward_chain(council, name, store.book)
        if not chain.steps or abolished_by(council, chain, council.elections[-1]):
            continue
        for holder in chain.steps[-1].seats_after.holders:
            if overdue(holder.date, latest):
                continue
            since = holder.election
            for step in reversed(chain.steps):  # unbroken wins in this ward, going back
                if step.contest.election.sort_key > holder.election.sort_key:
                    continue
                if any(s.name == holder.name for s in step.contest.result.elected):
                    since = step.contest.election
                elif step.via == "all-out":
                    break  # every seat was up and they did not win one
            serving.append((since.sort_key, holder.name, chain.ward, holder.party, since))
    serving.sort(key=lambda s: (s[0], s[1]))
    return tuple(
        f"{name} ({party.display}, {ward}): serving since the {since.title}"
        for _, name, ward, party, since in serving[:limit]
    )


def council_history(store: ResultsStore, election_id: str) -> CouncilHistoryAnswer | None:
    council = history_index(store).council_of(election_id)
    if council is None:
        return None
    rows = composition(store, council)
    notes = []
    if len(council.elections) == 1:
        notes.append(f"No earlier election of {council.name} is loaded.")
    return CouncilHistoryAnswer(
        election=election_ref(council.elections[-1]),
        council=council.name,
        composition=rows,
        firsts=firsts(store, council) if len(council.elections) > 1 else (),
        longest=longest_serving(store, council) if len(council.elections) > 1 else (),
        notes=tuple(notes),
        warnings=tuple(f"{r.election.title}: {r.warning}" for r in rows if r.warning),
    )


def party_history(store: ResultsStore, election_id: str, party: Party) -> PartyHistoryAnswer | None:
    council = history_index(store).council_of(election_id)
    if council is None:
        return None
    rows = []
    wins: list[ElectionInfo] = []
    previous_share: float | None = None
    after = {r.election.id: r for r in composition(store, council)}
    for election in council.council_elections:
        facts = store.facts(election.id)
        tally = facts.tally(party.key)
        share = tally.vote_share if tally else 0.0
        stood = bool(tally and tally.candidates)
        seats_now = after.get(election.id)
        held = None
        if seats_now is not None and seats_now.size is not None:
            held = next((p.seats for p in seats_now.parties if p.party_key == party.key), 0)
        rows.append(
            PartyHistoryRow(
                election=election_ref(election),
                candidates=tally.candidates if tally else 0,
                seats_won=tally.seats_won if tally else 0,
                seats_contested=facts.seats_contested,
                votes=tally.votes if tally else 0,
                share=share,
                share_change=(share - previous_share)
                if (stood and previous_share is not None)
                else None,
                seats_after=held,
            )
        )
        previous_share = share if stood else None
    for election in council.elections:
        tally = store.facts(election.id).tally(party.key)
        if tally and tally.seats_won:
            wins.append(election)
    notes = []
    if len(council.elections) == 1:
        notes.append(f"No earlier election of {council.name} is loaded.")
    return PartyHistoryAnswer(
        election=election_ref(council.elections[-1]),
        council=council.name,
        party=party.display,
        party_key=party.key,
        colour=party.colour,
        rows=tuple(rows),
        composition=tuple(after.values()),
        first_win=f"the {wins[0].title}" if wins else None,
        last_win=f"the {wins[-1].title}" if wins else None,
        notes=tuple(notes),
    )
