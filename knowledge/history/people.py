"""A person across a council's elections, matched by name.

The same normalised name in the same council is taken as one person and the answer says so:
two people may share a name, and when the party or the ward changes the answer flags the doubt
rather than hiding it.
"""

from __future__ import annotations

from knowledge.compose import election_ref
from knowledge.history.answers import PersonHistoryAnswer, PersonRow
from knowledge.history.index import Council, WardContest, history_index, ward_key
from knowledge.history.seats import ward_chain
from knowledge.history.wards import councillor_lines, seat_lines
from knowledge.normalize import normalize
from knowledge.store import ResultsStore

MATCH_NOTE = "matched by name: the same name in the same council is taken as one person"


def _appearances(council: Council, name: str) -> list[tuple[WardContest, int]]:
    """Each contest of the council where the name stood, with its standing's index."""
    wanted = normalize(name)
    found = []
    for contests in council.wards.values():
        for contest in contests:
            for n, standing in enumerate(contest.result.standings):
                if normalize(standing.name) == wanted:
                    found.append((contest, n))
    found.sort(key=lambda f: f[0].election.sort_key)
    return found


def person_history(store: ResultsStore, election_id: str, name: str) -> PersonHistoryAnswer | None:
    """Every candidacy under this name in the council of `election_id`, oldest first."""
    council = history_index(store).council_of(election_id)
    if council is None:
        return None
    appearances = _appearances(council, name)
    if not appearances:
        return None
    chains = {}
    rows = []
    for contest, n in appearances:
        standing = contest.result.standings[n]
        key = ward_key(contest.result.ward)
        if key not in chains:
            chains[key] = ward_chain(council, contest.result.ward, store.book)
        step = chains[key].step_for(contest.election.id)
        seat = None
        if step is not None and standing.elected and len(council.elections) > 1:
            change = next((c for c in step.changes if c.winner.name == standing.name), None)
            seat = seat_lines((change,))[0] if change else None
        rows.append(
            PersonRow(
                election=election_ref(contest.election),
                ward=contest.result.ward,
                party=standing.party.display,
                party_key=standing.party.key,
                colour=standing.party.colour,
                votes=standing.votes,
                share=standing.share,
                position=standing.position,
                elected=standing.elected,
                seat=seat,
            )
        )
    shown = appearances[-1][0].result.standings[appearances[-1][1]].name
    doubts = []
    parties = list(dict.fromkeys(r.party for r in rows))
    wards = list(dict.fromkeys(r.ward for r in rows))
    if len(parties) > 1:
        doubts.append(
            f"stood for {', '.join(parties)}: a change of party, or two people with one name"
        )
    same_day: dict[str, str] = {}
    for row in rows:
        if same_day.setdefault(row.election.id, row.ward) != row.ward:
            doubts.append(
                f"stood in both {same_day[row.election.id]} and {row.ward} in the "
                f"{row.election.title}: most likely two people with one name"
            )
    if len(wards) > 1 and not any("two people" in d for d in doubts):
        doubts.append(f"stood in {', '.join(wards)}: a move of ward, or two people with one name")
    now = None
    holding = []
    for chain in chains.values():
        if chain.steps:
            holders, _ = councillor_lines(council, chain)
            holding += [h for h in holders if normalize(h.name) == normalize(name)]
    latest = council.elections[-1]
    if holding:
        h = holding[0]
        now = (
            f"A councillor for {h.ward} by the loaded data (elected in the {h.elected.title}; "
            f"latest loaded: {latest.title})."
        )
    elif any(r.elected for r in rows):
        now = f"Not holding a seat by the loaded data (latest loaded: {latest.title})."
    return PersonHistoryAnswer(
        election=rows[-1].election,
        council=council.name,
        name=shown,
        rows=tuple(rows),
        stood=len(rows),
        won=sum(r.elected for r in rows),
        match_note=MATCH_NOTE,
        doubts=tuple(doubts),
        now=now,
    )
