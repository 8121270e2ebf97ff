"""/history and /councillors, and the "last time" line under /ward and /candidate.

The command layer (`knowledge.commands`) parses the options and hands them here with its helper
for names that do not resolve (`Unresolved`), so ambiguity and "not found" read the same as in
every other command.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Literal, TypeVar, cast

from knowledge.answers import Answer, CandidateAnswer, NotFoundAnswer, NotFoundWhat, WardAnswer
from knowledge.compose import election_ref
from knowledge.history.answers import CouncillorsAnswer
from knowledge.history.index import history_index, ward_key
from knowledge.history.people import person_history
from knowledge.history.seats import ward_chain
from knowledge.history.trends import council_history, party_history
from knowledge.history.wards import councillor_lines, last_time, ward_history
from knowledge.models import Election
from knowledge.normalize import normalize
from knowledge.resolve import Match, Resolution
from knowledge.store import ResultsStore

T = TypeVar("T")


def _kept(store: ResultsStore, election_id: str, key: tuple[str, str], build: Callable[[], T]) -> T:
    """An answer built once per council and kept in its memo (answers are immutable)."""
    council = history_index(store).council_of(election_id)
    if council is None:
        return build()
    found = council.memo.get(key)
    if found is None:
        found = council.memo[key] = build()
    return cast(T, found)


Unresolved = Callable[[Resolution, str, "str | None", ResultsStore], Answer]
"""(resolution, command, election id, store) -> the ambiguous / not-found answer."""


def with_last_time(store: ResultsStore, answer: Answer) -> Answer:
    """A /ward or /candidate answer with its ward's "last time" line (or why there is none)."""
    if isinstance(answer, CandidateAnswer):
        return answer.model_copy(update={"result": _ward_with(store, answer.result)})
    if isinstance(answer, WardAnswer):
        return _ward_with(store, answer)
    return answer


def _ward_with(store: ResultsStore, answer: WardAnswer) -> WardAnswer:
    found = last_time(store, answer.election.id, answer.ward)
    if found is None:
        return answer
    if isinstance(found, str):
        return answer.model_copy(update={"history_note": found})
    return answer.model_copy(update={"last_time": found})


def _council(store: ResultsStore, text: str | None, unresolved: Unresolved) -> Election | Answer:
    """The latest loaded election of the council named (or of the latest election's council)."""
    if not store.elections:
        return NotFoundAnswer(what="election", query=text or "", message="No elections are loaded.")
    if not text:
        latest = store.latest
        assert latest is not None
        chosen = latest
    else:
        resolution = store.resolve_election(text)
        index = history_index(store)
        councils = {index.of_election.get(m.key) for m in resolution.matches}
        if resolution.status == "ok" and resolution.best is not None:
            key = resolution.best.key
        elif resolution.status == "ambiguous" and len(councils) == 1:
            key = resolution.matches[0].key  # elections of one council: the council was asked for
        else:
            return unresolved(resolution, "history", None, store)
        election = store.election(key)
        assert election is not None
        chosen = election
    council = history_index(store).council_of(chosen.id)
    assert council is not None
    return store.built(council.elections[-1])


def _in_council(
    store: ResultsStore, match: Match, council: Election | None
) -> tuple[str | None, tuple[str, ...]]:
    """The newest election with this name (in the council, when one is named) and its councils."""
    index = history_index(store)
    key = index.of_election.get(council.id) if council else None
    for election_id in match.elections:
        if key is None or index.of_election.get(election_id) == key:
            return election_id, ()
    names = tuple(
        dict.fromkeys(c.name for i in match.elections if (c := index.council_of(i)) is not None)
    )
    return None, names


def _named(
    store: ResultsStore,
    resolution: Resolution,
    kind: Literal["ward", "candidate"],
    council: Election | None,
    unresolved: Unresolved,
    key: Callable[[str], str],
    build: Callable[[ResultsStore, str, str], Answer | None],
) -> Answer:
    """The history of a ward or a person by name: resolved, placed in the council, kept."""
    if resolution.status != "ok" or resolution.best is None:
        return unresolved(resolution, "history", None, store)
    election_id, elsewhere = _in_council(store, resolution.best, council)
    if election_id is None:
        assert council is not None
        return _not_in(kind, resolution.best.name, council, elsewhere)
    name = resolution.best.name
    memo = "ward_history" if kind == "ward" else "person"
    found = _kept(store, election_id, (memo, key(name)), partial(build, store, election_id, name))
    assert found is not None
    return found


def _not_in(kind: str, name: str, council: Election, elsewhere: tuple[str, ...]) -> NotFoundAnswer:
    message = f"No {kind} “{name}” in the loaded elections of {council.council}."
    if elsewhere:
        message += " It is in: " + ", ".join(elsewhere) + "."
    what: NotFoundWhat = "ward" if kind == "ward" else "candidate"
    return NotFoundAnswer(what=what, query=name, message=message)


def history(store: ResultsStore, options: Mapping[str, str], unresolved: Unresolved) -> Answer:
    """/history ward:|candidate:|party: [council:] — or the council's own history alone."""
    named = options.get("council")
    council = _council(store, named, unresolved) if named else None
    if council is not None and not isinstance(council, Election):
        return council
    if ward := options.get("ward"):
        resolution = store.resolve_ward(ward)
        return _named(store, resolution, "ward", council, unresolved, ward_key, ward_history)
    if candidate := options.get("candidate"):
        resolution = store.resolve_candidate(candidate)
        return _named(
            store, resolution, "candidate", council, unresolved, normalize, person_history
        )
    if party := options.get("party"):
        resolution = store.resolve_party(party)
        if resolution.status != "ok" or resolution.best is None:
            return unresolved(resolution, "history", None, store)
        found_party = store.party(resolution.best.key)
        assert found_party is not None
        scope = council or store.latest
        assert scope is not None
        answer = _kept(
            store,
            scope.id,
            ("party", found_party.key),
            partial(party_history, store, scope.id, found_party),
        )
        assert answer is not None
        return answer
    scope = council or store.latest
    assert scope is not None
    whole = _kept(store, scope.id, ("council", ""), partial(council_history, store, scope.id))
    assert whole is not None
    return whole


def councillors(store: ResultsStore, options: Mapping[str, str], unresolved: Unresolved) -> Answer:
    """/councillors ward: [council:] — who holds the ward's seats now, by the loaded data."""
    named = options.get("council")
    council = _council(store, named, unresolved) if named else None
    if council is not None and not isinstance(council, Election):
        return council
    ward = options.get("ward", "")
    resolution = store.resolve_ward(ward)
    if resolution.status != "ok" or resolution.best is None:
        return unresolved(resolution, "councillors", None, store)
    election_id, elsewhere = _in_council(store, resolution.best, council)
    if election_id is None:
        assert council is not None
        return _not_in("ward", resolution.best.name, council, elsewhere)
    name = resolution.best.name
    return _kept(
        store,
        election_id,
        ("councillors", ward_key(name)),
        partial(councillors_answer, store, election_id, name),
    )


def councillors_answer(store: ResultsStore, election_id: str, ward: str) -> CouncillorsAnswer:
    """The ward's holders after the council's latest loaded election, and what is missing."""
    found = history_index(store).council_of(election_id)
    assert found is not None
    chain = ward_chain(found, ward, store.book)
    seats = chain.steps[-1].seats_after
    holders, missing = councillor_lines(found, chain)
    latest = found.elections[-1]
    sources = tuple(dict.fromkeys(h.elected for h in holders))
    return CouncillorsAnswer(
        election=election_ref(latest),
        council=found.name,
        ward=chain.ward,
        seats=seats.size,
        holders=holders,
        missing=missing,
        sources=sources,
    )


__all__ = ["councillors", "councillors_answer", "history", "with_last_time"]
