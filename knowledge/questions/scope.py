"""Which election a question is about.

An election named in the question ("in 2002", "in Barnsley", "the Littleover by-election")
wins; then the `election` argument (a command option or a channel default); otherwise the newest
election that has every ward and candidate asked about, and for a party the newest it stood in.
Naming only a council that has several elections means its most recent one; naming nothing
means the most recent whole-council (not by-) election.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from knowledge.answers import AmbiguousAnswer, NotFoundAnswer
from knowledge.gazetteer import COUNCIL_WORDS, ELECTION_WORDS
from knowledge.models import Election
from knowledge.questions.recognise import Reading
from knowledge.questions.segment import whole_ward
from knowledge.questions.spotting import Spotted
from knowledge.questions.unresolved import (
    ambiguous_answer,
    not_found_answer,
    not_loaded_answer,
    one_year_at_a_time,
)
from knowledge.questions.years import month_named, year_named
from knowledge.resolve import ACCEPT, RESOLUTION_LIMIT, Resolution
from knowledge.store import ElectionInfo, ResultsStore, election_match

BY_ELECTION = ("by", "election")

LISTED_ELECTIONS = 25
"""Elections offered when asking which one, at most (as many as a Discord menu holds); the
rest are counted."""


@dataclass(frozen=True)
class Scope:
    election: Election
    named: bool
    """True when the question or the caller chose it; names are then looked up in it alone."""


def choose_election(
    store: ResultsStore, spotted: Spotted, reading: Reading | None, option: str | None
) -> Scope | AmbiguousAnswer | NotFoundAnswer:
    """The election to answer from, or the answer explaining why none can be chosen.

    Without a reading (before the intent is known) only named elections and defaults count.
    """
    if reading is not None:
        spotted = _as_read(spotted, reading)
    named: set[str] | None = None
    for span in spotted.of("election"):
        missing = _year_not_loaded(store, span.text, span.resolution)
        if missing is not None:
            return missing
        ids = _every_one(store, span.text, _ids(store, span.resolution))
        if not ids:
            return not_found_answer(store, span.resolution, span.text, None)
        if named is not None and not named & ids:
            return _no_such_year(store, spotted, named, ids) or not_found_answer(
                store, span.resolution, span.text, None
            )
        named = ids if named is None else named & ids
    for unknown in spotted.unknowns:
        if unknown.hint == "election":
            resolution = store.resolve_election(unknown.text)
            return not_found_answer(store, resolution, unknown.text, None)
    if named is None and option:
        resolution = store.resolve_election(option)
        ids = _ids(store, resolution)
        if not ids:
            return not_found_answer(store, resolution, option, None)
        named = ids
    wanted = _entity_elections(reading, store) if reading is not None else None
    month = month_named(spotted.tokens)
    if month is not None:  # "how many votes did she get in May": not July's by-election
        named = _in_month(store, named, month)
        wanted = _in_month(store, wanted, month)
    if named is not None:
        places = _entity_elections(reading, store, party=False) if reading is not None else None
        if places and named & places:  # "Abbey in 2002": the 2002 election that has Abbey
            named &= places
        elif len(named) > 1 and reading is not None:
            holding = {i for i in named if _holds(store, reading, i)}
            if holding:  # "Queensbury in 2006": only Brent 2006 has a ward of that name
                named = holding
            elif places:  # "did Martin McCabe stand in 2022": his council's 2022 election
                councils = {e.council_key for i in places if (e := store.info(i)) is not None}
                named = {
                    i for i in named if (e := store.info(i)) and e.council_key in councils
                } or named
        if reading is not None and reading.intent.family == "help":  # "elections from 2022":
            return Scope(_newest(store, named), named=True)  # listed, not chosen among
        return _pick(store, named, spotted)
    if asks_by_election(spotted):
        by = {e.id for e in store.catalog if e.kind == "by-election"}
        named_ward = _named_ward_elections(spotted) & by  # "when was the Mill by-election"
        if wanted is not None and wanted & by:
            wanted &= by
        elif wanted is None and named_ward:
            wanted = named_ward
        elif wanted is None and by:
            wanted = by
    if wanted:
        return Scope(_newest(store, wanted), named=False)
    default = next((e for e in reversed(store.catalog) if e.kind == "council"), store.catalog[-1])
    return Scope(store.built(default), named=False)


def _named_ward_elections(spotted: Spotted) -> set[str]:
    """The elections of the wards the question names, whether or not its intent uses a ward
    (a by-election's date is asked of the by-election, named by its ward)."""
    return {
        election
        for span in spotted.of("ward")
        if span.resolution.status == "ok" and (best := span.resolution.best) is not None
        for election in best.elections
    }


def _as_read(spotted: Spotted, reading: Reading) -> Spotted:
    """The question without the election names the reading takes as something else ("did
    *Preston* win in Fishwick": a candidate, not the Preston election)."""
    other = {(s.start, s.end) for s in (*reading.slots, *reading.context) if s.kind != "election"}
    kept = tuple(s for s in spotted.spans if s.kind != "election" or (s.start, s.end) not in other)
    return spotted if len(kept) == len(spotted.spans) else replace(spotted, spans=kept)


def _year_not_loaded(
    store: ResultsStore, text: str, resolution: Resolution
) -> NotFoundAnswer | None:
    """A year in the election's name that none of the matching elections has ("the 2003 Derby
    election", "in 1999"): that election is not loaded, whatever else resembles it."""
    years = {int(y) for y in _YEAR.findall(text)}
    if not years:
        return None
    matched = [e for m in resolution.matches if (e := store.info(m.key)) is not None]
    if any(e.year in years for e in matched):
        return None
    if any(e.year in years for e in store.catalog) and not _names_council(text):
        return None
    councils = {e.council for e in matched} if _names_council(text) else set()
    return not_loaded_answer(store, text, min(years), councils)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _no_such_year(
    store: ResultsStore, spotted: Spotted, one: set[str], other: set[str]
) -> NotFoundAnswer | None:
    """A council and a year that name no election together ("Barnsley in 2002", when only its
    2004 election is loaded): the years of that council, not "no election called 2002" (other
    councils have one). None unless one side is a year and the other one council's elections
    (its by-elections aside)."""
    years = {int(y) for span in spotted.of("election") for y in _YEAR.findall(span.text)}
    if len(years) > 1 and all(year_named(span.text) for span in spotted.of("election")):
        return one_year_at_a_time(store, spotted.text, sorted(years))
    if len(years) != 1:
        return None
    for council_ids in (one, other):
        infos = [e for i in council_ids if (e := store.info(i)) is not None]
        whole = [e for e in infos if e.kind != "by-election"] or infos
        councils = {e.council for e in whole}
        if len(councils) == 1 and not any(e.year in years for e in infos):
            return not_loaded_answer(store, spotted.text, years.pop(), councils)
    return None


def _names_council(text: str) -> bool:
    """More than a year: "the 2003 Derby" names a council, "the 2003" does not."""
    ignored = COUNCIL_WORDS | ELECTION_WORDS | {"the", "in", "of", "elections"}
    return any(w.isalpha() and w.lower() not in ignored for w in text.split())


def _every_one(store: ResultsStore, text: str, ids: set[str]) -> set[str]:
    """All the elections a name means when its resolution lists only some of them: "2010"
    among 500 councils' 2010 elections, "Ernor" with more elections than are listed. Else
    `ids` itself. Without this, "Rosash in Ernor in 2010" intersects two partial lists."""
    if len(ids) < RESOLUTION_LIMIT:
        return ids
    matched = [e for i in ids if (e := store.info(i)) is not None]
    councils = {e.council_key for e in matched}
    years = {e.year for e in matched}
    if len(councils) == 1:
        return set(store.ids_of_council(councils.pop()))
    if len(years) == 1 and (year := years.pop()) is not None and str(year) in text:
        return set(store.ids_of_year(year))
    return ids


def _ids(store: ResultsStore, resolution: Resolution) -> set[str]:
    if resolution.status == "not_found":
        return set()
    return {m.key for m in resolution.matches if store.info(m.key) is not None}


def _pick(
    store: ResultsStore, ids: set[str], spotted: Spotted
) -> Scope | AmbiguousAnswer | NotFoundAnswer:
    """One of several named elections: the newest when they are one council's, else ask. A
    by-election counts only when one is asked about: "Ernor" also names the Ernor Oak
    by-election, but "who controls Ernor?" is about the council's newest election."""
    elections = _in_store_order(store, ids)
    if asks_by_election(spotted):
        by = [e for e in elections if e.kind == "by-election"]
        elections = by or elections
    else:
        elections = [e for e in elections if e.kind != "by-election"] or elections
    councils = {e.council for e in elections if e.kind == "council"}
    if len(elections) == 1 or (
        len(councils) == 1 and not any(e.kind == "by-election" for e in elections)
    ):
        return Scope(store.built(elections[-1]), named=True)
    span = spotted.of("election")[0] if spotted.of("election") else None
    query = span.text if span else ""
    listed = {m.key: m for s in spotted.of("election") for m in s.resolution.matches}
    score = span.resolution.top_score if span else 100.0
    resolution = Resolution(
        status="ambiguous",
        kind="election",
        query=query,
        matches=tuple(
            listed.get(e.id) or election_match(e, score) for e in elections[:LISTED_ELECTIONS]
        ),
    )
    return ambiguous_answer(resolution, query, None, more=len(elections) - len(resolution.matches))


def _entity_elections(
    reading: Reading, store: ResultsStore, *, party: bool = True
) -> set[str] | None:
    """Elections holding every ward and candidate of the question that resolved to one name,
    and where a candidate is named with a ward, those where they stood in it (people move
    wards). With `party` and no ward or candidate, the newest whole-council election a named
    party stood in (a later by-election says little about a party)."""
    found: set[str] | None = None
    for span in (*reading.slots, *reading.context):
        if span.kind == "party":
            continue
        match = span.resolution.best
        if match is None:
            continue
        ids = set(match.elections)
        found = ids if found is None else (found & ids or found)
    stood = _stood_in_named_ward(store, reading)
    if stood:
        found = stood if found is None else (found & stood or stood)
    if found is None and party:
        for span in (*reading.slots, *reading.context):
            match = span.resolution.best
            if span.kind == "party" and match is not None and match.elections:
                council = next(  # the newest council election it stood in (not all 10,000)
                    (i for i in match.elections if (e := store.info(i)) and e.kind == "council"),
                    match.elections[0],
                )
                return {council}
    return found


def _stood_in_named_ward(store: ResultsStore, reading: Reading) -> set[str]:
    """Elections where a named candidate stood in a named ward: "did Nigel Winbrook win in
    Rosash?" is about his Rosash contest, not his newest one in another ward."""
    spans = (*reading.slots, *reading.context)
    wards = [m.name for s in spans if s.kind == "ward" and (m := s.resolution.best) is not None]
    if not wards:
        return set()
    return {
        ref.election_id
        for s in spans
        if s.kind == "candidate" and (m := s.resolution.best) is not None
        for ref in store.candidate_refs_in(m.key, wards)
    }


def _holds(store: ResultsStore, reading: Reading, election_id: str) -> bool:
    """Does this election have every ward and candidate the question names, looked up in it?"""
    spans = [s for s in (*reading.slots, *reading.context) if s.kind in ("ward", "candidate")]
    if not spans:
        return False
    for span in spans:
        if _found_there(span.resolution, span.kind, election_id):
            continue
        query = span.resolution.query
        if span.kind == "ward":
            resolution = whole_ward(store.resolve_ward(query, election_id))
        else:
            resolution = store.resolve_candidate(query, election_id)
        if resolution.status == "not_found":
            return False
    return True


def _found_there(resolution: Resolution, kind: str, election_id: str) -> bool:
    """Whether the question's own resolution already shows the name in that election: an
    accepted match standing there scores at least as well when looked up in the election alone
    (its words are all there), so the look-up in it cannot find nothing. Ten elections of one
    council each looked up again cost 20 ms at 1,000 elections."""
    if kind == "ward":
        resolution = whole_ward(resolution)
    return resolution.status != "not_found" and any(
        m.score >= ACCEPT and election_id in m.elections for m in resolution.matches
    )


def _in_month(store: ResultsStore, ids: set[str] | None, month: int) -> set[str] | None:
    """The elections held in that month, when any of them was (else all of them)."""
    if not ids:
        return ids
    held = {i for i in ids if (e := store.info(i)) is not None and e.date and e.date.month == month}
    return held or ids


def _newest(store: ResultsStore, ids: set[str]) -> Election:
    return store.built(_in_store_order(store, ids)[-1])


def _in_store_order(store: ResultsStore, ids: set[str]) -> list[ElectionInfo]:
    """The elections with these ids, oldest first (without reading 10,000 catalog entries)."""
    return [info for i in reversed(store.newest_first(ids)) if (info := store.info(i)) is not None]


def asks_by_election(spotted: Spotted) -> bool:
    words = spotted.words
    return any(words[n : n + 2] == BY_ELECTION for n in range(len(words) - 1)) or (
        "byelection" in words
    )
