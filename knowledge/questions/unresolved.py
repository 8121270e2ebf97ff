"""Answers for questions that can't be answered: a name not found, a name that needs choosing,
or a question outside what the results hold. Each says so plainly and shows what to ask.
"""

from __future__ import annotations

from knowledge.answers import AmbiguousAnswer, NotFoundAnswer, NotFoundWhat, Option
from knowledge.models import Election
from knowledge.questions.phrasing import at_most, join, plural, title_of
from knowledge.resolve import EntityKind, Resolution
from knowledge.store import ResultsStore

_NOUNS: dict[EntityKind, str] = {
    "ward": "ward",
    "candidate": "candidate",
    "party": "party",
    "election": "election",
}


def examples(store: ResultsStore) -> tuple[str, ...]:
    """Three questions this store can answer, built from its newest election."""
    latest = store.latest
    if latest is None:
        return ()
    facts = store.facts(latest.id)
    found: list[str] = []
    if facts.contests:
        found.append(f"Who won in {facts.contests[0].ward}?")
        standings = [s for c in facts.contests for s in c.standings if s.votes is not None]
        if standings:
            top = max(standings, key=lambda s: s.votes or 0)
            found.append(f"Did {top.name} get in?")
    if facts.parties:
        found.append(f"How many seats did {facts.parties[0].party.display} win?")
    found.append("Which was the closest contest?")
    return tuple(found[:3])


def options(resolution: Resolution) -> tuple[Option, ...]:
    return tuple(
        Option(name=m.name, detail=m.detail, key=m.key, score=m.score) for m in resolution.matches
    )


def ambiguous_answer(
    resolution: Resolution, query: str, election: Election | None, more: int = 0
) -> AmbiguousAnswer:
    """Ask which one: the options, each with what tells it apart (and, when `more` fit than
    are listed, how many there are in all)."""
    choices = options(resolution)
    named = [f"{o.name} ({o.detail})" if o.detail else o.name for o in choices[:5]]
    if more:
        total = len(choices) + more
        headline = f"“{query}” names {total:,} {resolution.kind}s. Which one? " + (
            f"For example {join(named, 'or')}."
        )
    else:
        headline = f"Which “{query}” do you mean: {join(named, 'or')}?"
    return AmbiguousAnswer(
        headline=headline,
        what=resolution.kind,
        query=query,
        options=choices,
        command=resolution.kind,
        election=election.id if election else None,
        more=more,
    )


def not_found_answer(
    store: ResultsStore,
    resolution: Resolution,
    query: str,
    election: Election | None,
) -> NotFoundAnswer:
    """No such name (in this election): say so; offer the nearest names, or what there is."""
    noun = _NOUNS[resolution.kind]
    where = f" in the {title_of(election)}" if election else " in the loaded results"
    suggestions = options(resolution) if resolution.status != "ok" else ()
    article = "an" if noun[0] in "aeiou" else "a"
    headline = f"I couldn't find {article} {noun} called “{query}”{where}."
    if resolution.kind == "candidate" and election is not None:
        headline = _stood_elsewhere(store, query, election) or headline
    if suggestions:
        message = f"Did you mean {join([s.name for s in suggestions[:3]], 'or')}?"
    else:
        message = _what_there_is(store, resolution.kind, election)
    what: NotFoundWhat = resolution.kind
    return NotFoundAnswer(
        headline=headline,
        what=what,
        query=query[:100],
        message=message,
        suggestions=suggestions,
        examples=examples(store),
    )


def _stood_elsewhere(store: ResultsStore, query: str, election: Election) -> str | None:
    """ "Martin McCabe didn't stand in the 2022 Worthing ... election; they stood in the 2026
    ... election (Marine)": a person the loaded results know, asked about where they did not
    stand. None unless the name is one person's and they stood elsewhere only."""
    found = store.resolve_candidate(query, suggest=False)
    best = found.best
    if found.status != "ok" or best is None:
        return None
    refs = store.candidate_refs(best.key)
    if not refs or any(r.election_id == election.id for r in refs):
        return None
    places = [
        f"the {info.title} ({r.ward})"
        for r in refs[:_PLACES_NAMED]
        if (info := store.info(r.election_id)) is not None
    ]
    more = (
        f" and {plural(len(refs) - _PLACES_NAMED, 'more election')}"
        if len(refs) > _PLACES_NAMED
        else ""
    )
    return f"{best.name} didn't stand in the {election.title}; they stood in {join(places)}{more}."


_PLACES_NAMED = 3


def not_loaded_answer(
    store: ResultsStore, query: str, year: int, councils: set[str]
) -> NotFoundAnswer:
    """An election asked for by a year that isn't loaded ("the 2003 Derby election" when only
    2002 is): never answered from another year; say so and list the years that are loaded."""
    have = loaded_councils(store, councils)
    where = f" for {join(sorted(councils))}" if councils else ""
    return NotFoundAnswer(
        headline=f"I don't have the {year} election{where} loaded; I have {have}.",
        what="election",
        query=query[:100],
        message=f"The loaded elections are: {join([e.title for e in store.catalog][::-1][:8])}.",
        examples=examples(store),
    )


def loaded_councils(store: ResultsStore, councils: set[str] | None = None) -> str:
    """`Cambridge City Council in 2022 and 2026 and Worthing ...`: the loaded councils' years
    (of these councils, when any is loaded). Read from the catalog: listing the elections must
    not build every one of them."""
    same = [e for e in store.catalog if e.council in (councils or ())] or list(store.catalog)
    names: dict[str, str] = {}  # council key -> its name, as a whole-council election gives it
    by_council: dict[str, list[str]] = {}
    for e in same:
        if e.kind == "council" or e.council_key not in names:
            names[e.council_key] = e.council
        by_council.setdefault(e.council_key, []).append(str(e.year) if e.year else e.title)
    named = [f"{names[key]} in {join(sorted(set(years)))}" for key, years in by_council.items()]
    if len(named) > _COUNCILS_NAMED:  # at 10,000 elections, thousands of councils
        more = plural(len(named) - _COUNCILS_NAMED, "more council")
        named = [*named[:_COUNCILS_NAMED], more]
    return join(named)


_COUNCILS_NAMED = 6


def unknown_place(store: ResultsStore, missing: NotFoundAnswer) -> NotFoundAnswer | None:
    """A ward not found in the election chosen for the question, when no loaded election has a
    ward of that name either ("how many seats did Labour win in Derby" with Derby not loaded):
    the name is of nothing loaded, not missing from that one election. None when some other
    election has the ward (the question's own election was chosen for a reason)."""
    if store.resolve_ward(missing.query, suggest=False).status != "not_found":
        return None
    return missing.model_copy(
        update={
            "headline": f"I couldn't find a ward or council called “{missing.query}” in the "
            f"loaded results: I have {loaded_councils(store)}."
        }
    )


def across_councils(store: ResultsStore, query: str, national: bool = False) -> NotFoundAnswer:
    """ "Which council had the highest turnout?": councils are not ranked against each other
    (each answer is from one council's election); say so rather than rank one council's wards.
    `national`: "how many seats did Reform win across England" is no sum of the councils I
    happen to have."""
    headline = (
        "National totals are not in the results I have; I answer about one council at a time. "
        if national
        else "I answer about one council at a time, not councils against each other: ask about "
        "one of them. "
    )
    return NotFoundAnswer(
        headline=f"{headline}I have {loaded_councils(store)}.",
        what="question",
        query=query[:100],
        message="Name a council in the question, e.g. its turnout or its closest ward.",
        examples=examples(store),
    )


def one_year_at_a_time(store: ResultsStore, query: str, years: list[int]) -> NotFoundAnswer:
    """Loaded years in different parts of one question ("who won Abbey in 2014 and who won
    Boulton in 2016"): no election is both, but neither is missing, so never say one is."""
    named = join([str(year) for year in sorted(set(years))])
    return NotFoundAnswer(
        headline=f"I can answer about one year at a time: ask about {named} separately.",
        what="election",
        query=query[:100],
        message=f"Each of {named} is loaded.",
        examples=examples(store),
    )


def _what_there_is(store: ResultsStore, kind: EntityKind, election: Election | None) -> str:
    """A pointer to the names that do exist, when none is close to what was asked."""
    scope = election or store.latest
    if kind == "election" or scope is None:
        loaded = join([e.title for e in reversed(store.catalog)][:5])
        return f"The loaded elections are: {loaded}."
    facts = store.facts(scope.id)
    if kind == "ward":
        names = [c.ward for c in facts.contests]
        shown = join(at_most(names, 3))
        return f"The {scope.title} has {len(names)} wards: {shown}."
    if kind == "party":
        stood = [t.party.display for t in facts.parties if t.candidates]
        return f"Parties that stood in the {scope.title}: {join(stood)}."
    return "Check the spelling, or ask who stood in a ward to see its candidates."


_MAYOR = frozenset({"mayor", "mayoral", "mayors", "mayoralty"})


def out_of_scope(store: ResultsStore, text: str, about: str | None = None) -> NotFoundAnswer:
    """A question the results can't answer: what the bot can answer instead."""
    scope = "the loaded election results"
    headline = "I can't answer that from the election results I have."
    if about:
        headline = f"I can't answer that about {about} from the election results I have."
    if _MAYOR.intersection(text.casefold().split()):  # read, not guessed from a ward's result
        headline = (
            "I hold councils' ward results, not mayoral elections (an article's mayoral "
            "contest is skipped when it is loaded), so I can't answer that."
        )
    message = (
        f"I answer questions about {scope}: who won a ward, how a candidate or a party did, "
        "who controls the council, the closest contests and the biggest votes."
    )
    return NotFoundAnswer(
        headline=headline,
        what="question",
        query=" ".join(text.split())[:100],
        message=message,
        examples=examples(store),
    )


def missing_answer(store: ResultsStore, kind: EntityKind) -> NotFoundAnswer:
    """The question needs a name it doesn't give ("who won in the ward?")."""
    noun = _NOUNS[kind]
    message = f"Which {noun} do you mean? Name it in the question."
    what: NotFoundWhat = kind
    return NotFoundAnswer(
        headline=message, what=what, query="", message=message, examples=examples(store)
    )


def no_elections() -> NotFoundAnswer:
    message = "No elections are loaded, so there is nothing to answer from."
    return NotFoundAnswer(headline=message, what="election", query="", message=message)
