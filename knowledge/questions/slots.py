"""Turning the spotted names of a reading into results of the chosen election.

Names are looked up again inside that election. An ambiguous candidate is narrowed by the
ward, party or election named alongside it ("Care in Spondon" is Ian Care); whatever stays
ambiguous is asked about, and a name that isn't there is reported, never swapped for the
nearest match.
"""

from __future__ import annotations

from dataclasses import replace

from knowledge.answers import AmbiguousAnswer, NotFoundAnswer
from knowledge.facts import ContestResult
from knowledge.normalize import normalize
from knowledge.parties import Party
from knowledge.questions.context import Ask
from knowledge.questions.cues import phrases
from knowledge.questions.recognise import Reading
from knowledge.questions.scope import Scope
from knowledge.questions.segment import whole_ward
from knowledge.questions.spotting import Span, Spotted, resolvers
from knowledge.questions.unresolved import ambiguous_answer, missing_answer, not_found_answer
from knowledge.resolve import AMBIGUITY_MARGIN, Match, Resolution
from knowledge.store import CandidateRef, ResultsStore, namesakes

Problem = AmbiguousAnswer | NotFoundAnswer


def fill(store: ResultsStore, spotted: Spotted, reading: Reading, scope: Scope) -> Ask | Problem:
    """An `Ask` with every slot resolved in the scope's election, or why it can't be."""
    election = scope.election
    if reading.unknown is not None and reading.unknown_kind is not None:
        resolution = resolvers(store)[reading.unknown_kind](reading.unknown.text)
        if resolution.status == "ok":
            resolution = resolution.model_copy(update={"status": "not_found"})
        return not_found_answer(store, resolution, reading.unknown.text, election)
    spans = (*reading.slots, *reading.context)
    wards: list[ContestResult] = []
    if reading.implicit_ward:
        only = store.facts(election.id).contests
        if len(only) != 1:
            return missing_answer(store, "ward")
        wards.append(only[0])
    filled = len(reading.slots) + reading.implicit_ward
    if filled < len(reading.intent.required):
        return missing_answer(store, reading.intent.required[filled])
    parties: list[Party] = []
    for span in spans:
        if span.kind == "ward":
            contest = _ward(store, span, election.id)
            if not isinstance(contest, ContestResult):
                return contest
            wards.append(contest)
        elif span.kind == "party":
            party = _party(store, span, scope)
            if not isinstance(party, Party):
                return party
            parties.append(party)
    found: dict[int, CandidateRef | Problem] = {}
    for n, span in enumerate(spans):
        if span.kind == "candidate":
            found[n] = _candidate(store, span, scope, wards, parties)
    fellows = [r.ward for r in found.values() if isinstance(r, CandidateRef)]
    for n, ref in found.items():  # "Repton and Hart": the Hart who stood against Repton
        if isinstance(ref, AmbiguousAnswer) and fellows:
            found[n] = _candidate(store, spans[n], scope, wards, parties, fellows)
    candidates: list[CandidateRef] = []
    for ref in found.values():
        if not isinstance(ref, CandidateRef):
            return ref
        candidates.append(ref)
    return Ask(
        store=store,
        intent=reading.intent,
        election=election,
        named=scope.named,
        wards=tuple(wards),
        candidates=tuple(candidates),
        parties=tuple(parties),
        present=phrases(spotted.words),
        first_word=spotted.opener,
        numbers=spotted.numbers,
    )


def _ward(store: ResultsStore, span: Span, election_id: str) -> ContestResult | Problem:
    resolution = whole_ward(store.resolve_ward(span.resolution.query, election_id))
    election = store.election(election_id)
    if resolution.status == "ambiguous":
        return ambiguous_answer(resolution, span.text, election)
    match = resolution.best
    if match is None:
        return not_found_answer(store, resolution, span.text, election)
    ref = next(r for r in store.ward_refs(match.key) if r.election_id == election_id)
    contest = store.contest(election_id, ref.ward)
    assert contest is not None
    return contest


def _party(store: ResultsStore, span: Span, scope: Scope) -> Party | Problem:
    resolution = span.resolution
    if resolution.status == "ambiguous":
        return ambiguous_answer(resolution, span.text, scope.election)
    match = resolution.best
    party = store.party(match.key) if match else None
    if party is None:
        return not_found_answer(store, resolution, span.text, None)
    return party


def _candidate(
    store: ResultsStore,
    span: Span,
    scope: Scope,
    wards: list[ContestResult],
    parties: list[Party],
    fellows: list[str] | None = None,
) -> CandidateRef | Problem:
    """The candidate a span names; an ambiguous name is narrowed by the wards and parties
    asked about, then by the wards of the other candidates named (`fellows`)."""
    election_id = scope.election.id
    if scope.named:
        resolution = store.resolve_candidate(span.resolution.query, election_id)
    else:
        resolution = span.resolution
    if resolution.status == "not_found":
        hint = _unscoped_hint(span, resolution)
        return not_found_answer(store, hint, span.text, scope.election)
    options = list(resolution.matches)
    if resolution.status == "ambiguous":
        ward_names = [w.ward for w in wards]
        keys = [p.key for p in parties]
        scoped = election_id if scope.named else None
        narrowed = [m for m in options if _fits(store, m, scoped, ward_names, keys)]
        if len(narrowed) != 1 and fellows:
            beside = [m for m in narrowed or options if _fits(store, m, scoped, fellows, keys)]
            narrowed = beside if len(beside) == 1 else narrowed
        if len(narrowed) != 1:
            kept = narrowed or options
            return ambiguous_answer(
                resolution.model_copy(update={"matches": tuple(kept)}),
                span.text,
                scope.election if scope.named else None,
            )
        options = narrowed
    refs = store.candidate_refs_in(options[0].key, elections=_only(election_id))
    if not refs:
        return not_found_answer(store, resolution, span.text, scope.election)
    in_ward = [r for r in refs if any(r.ward == w.ward for w in wards)]
    same = in_ward or [r for r in refs if r.party.key in {p.key for p in parties}] or list(refs)
    if len({r.ward for r in same}) > 1:  # namesakes in one election: ask which
        return ambiguous_answer(namesakes(same, options[0], span.text), span.text, scope.election)
    return same[0]


def settle(store: ResultsStore, reading: Reading) -> Reading:
    """Narrow ambiguous candidates by the ward and party named with them, before the election
    is chosen ("Care in Spondon" settles on Ian Care, and so on his election)."""
    places = [m for s in reading.context if s.kind == "ward" and (m := s.resolution.best)]
    wards = [m.name for m in places]
    keys = [
        s.resolution.best.key for s in reading.context if s.kind == "party" and s.resolution.best
    ]
    if not wards and not keys:
        return reading
    settled = []
    for span in reading.slots:
        resolution = span.resolution
        if span.kind == "candidate" and resolution.status == "ambiguous":
            # With a ward, everyone of that name who stood there, not only those listed: a
            # surname shared by hundreds lists few of them ("Leyring in Thorpmer").
            options = _standing_in(store, resolution.query, places) if places else []
            fits = (
                _for_parties(store, options, wards, keys)
                if options
                else [m for m in resolution.matches if _fits(store, m, None, wards, keys)]
            )
            if len(fits) == 1:
                resolution = resolution.model_copy(update={"status": "ok", "matches": tuple(fits)})
                span = replace(span, resolution=resolution)
            elif options and fits:  # still several, but only those who stood there
                resolution = resolution.model_copy(update={"matches": tuple(fits)})
                span = replace(span, resolution=resolution)
        elif span.kind == "candidate" and resolution.best is not None and places:
            span = _read_in_ward(store, span, resolution.best, places, keys)
        settled.append(span)
    return replace(reading, slots=tuple(settled))


def _read_in_ward(
    store: ResultsStore, span: Span, best: Match, places: list[Match], keys: list[str]
) -> Span:
    """A name matched to someone who never stood in the ward named with it: the people of the
    ward it also matches are meant ("John Fenemr in Denric" is John Fenmer, who stood there,
    not John Fener, closer in spelling, who never did). A whole name typed exactly is kept:
    its answer says where that person stood."""
    wards = [p.name for p in places]
    typed_whole = normalize(span.resolution.query) == best.key  # not "Ali" for "Ali Ali"
    if typed_whole or _fits(store, best, None, wards, []):
        return span
    there = _for_parties(store, _standing_in(store, span.resolution.query, places), wards, keys)
    if not there:
        return span
    status = "ok" if len(there) == 1 else "ambiguous"
    return replace(
        span,
        resolution=span.resolution.model_copy(update={"status": status, "matches": tuple(there)}),
    )


def _standing_in(store: ResultsStore, query: str, places: list[Match]) -> list[Match]:
    """The people of a name who stood in these wards, looked for among the wards' contests: a
    surname shared by more people than a resolution lists ("Leyring in Thorpmer") may leave
    out the one who stood there."""
    found = {m.key: m for place in places for m in store.candidates_of_ward(query, place.name)}
    top = max((m.score for m in found.values()), default=0.0)
    return [m for m in found.values() if m.score >= top - AMBIGUITY_MARGIN]


def _for_parties(
    store: ResultsStore, people: list[Match], wards: list[str], keys: list[str]
) -> list[Match]:
    """Those of the people who stood in the wards (as `_standing_in` finds them) who stood
    there for one of the parties named, if any were: no second look when none was."""
    return [m for m in people if _fits(store, m, None, wards, keys)] if keys else people


def _fits(
    store: ResultsStore,
    match: Match,
    election_id: str | None,
    wards: list[str],
    party_keys: list[str],
) -> bool:
    """Did this candidate stand in one of these wards, for one of these parties (if named)?"""
    if wards or election_id is not None:
        refs = store.candidate_refs_in(match.key, wards, _only(election_id))
    else:
        refs = store.candidate_refs(match.key)
    for ref in refs:
        if party_keys and ref.party.key not in party_keys:
            continue
        return True
    return False


def _only(election_id: str | None) -> tuple[str, ...]:
    return () if election_id is None else (election_id,)


def _unscoped_hint(span: Span, scoped: Resolution) -> Resolution:
    """When the name exists in another election, suggest it rather than nothing."""
    if scoped.matches:
        return scoped
    return span.resolution.model_copy(update={"status": "not_found"})
