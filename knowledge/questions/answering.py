"""The pipeline from a question to a typed answer: words -> names -> intent -> election ->
resolved slots -> reply. Each step is a pure function of the store and the text."""

from __future__ import annotations

from knowledge.answers import Answer, NotFoundAnswer
from knowledge.gazetteer import COMPASS, PLACE_PARTS
from knowledge.questions.context import Ask, headed
from knowledge.questions.count_so_far import so_far
from knowledge.questions.cues import NATIONAL, cue_score, phrases
from knowledge.questions.lexicon import lexicon_for
from knowledge.questions.newer_election import from_by_election, from_older_election
from knowledge.questions.other_councils import with_other_councils
from knowledge.questions.phrasing import uncapitalised
from knowledge.questions.recognise import Reading, recognise
from knowledge.questions.registry import reply_to
from knowledge.questions.same_day import with_same_day
from knowledge.questions.scope import Scope, asks_by_election, choose_election
from knowledge.questions.segment import whole_ward
from knowledge.questions.slots import fill, settle
from knowledge.questions.spotting import Spotted, spot
from knowledge.questions.text import quote, tokenize
from knowledge.questions.uncounted import without_counts
from knowledge.questions.unresolved import (
    across_councils,
    no_elections,
    not_found_answer,
    out_of_scope,
    unknown_place,
)
from knowledge.questions.years import one_question_per_year, year_by_year
from knowledge.store import ResultsStore


def answer_question(store: ResultsStore, text: str, election: str | None = None) -> Answer:
    """Answer a question in plain words from the loaded results; never raises.

    `election` is the default election (a command option, say); an election named in the
    question itself takes precedence. Out-of-scope questions, unknown names and names that need
    choosing come back as NotFoundAnswer / AmbiguousAnswer, with a headline saying so.
    """
    if not store.catalog:
        return no_elections()
    lexicon = lexicon_for(store)
    text, tokens = tokenize(lexicon.spaced(text))
    spotted = spot(store, lexicon, text, tokens)
    turned = _place_part_first(spotted)
    if turned is not None:
        return answer_question(store, turned, election)
    turned = _compass_word_first(spotted)
    if turned is not None:
        return answer_question(store, turned, election)
    elsewhere = _ward_beside_compass_word(store, spotted)
    if elsewhere is not None:
        return elsewhere
    if cue_score(NATIONAL, phrases(tuple(t.word for t in tokens))):  # "across England"
        return across_councils(store, text, national=True)
    each_year = one_question_per_year(spotted)
    if each_year:
        return year_by_year([(y, answer_question(store, q, election)) for y, q in each_year])
    default = choose_election(store, spotted, None, election)
    single = isinstance(default, Scope) and len(default.election.contests) == 1
    reading = None if spotted.off_topic else recognise(spotted, implicit_ward=single)
    if reading is None:
        named = [
            s.resolution.best.name
            for s in spotted.spans
            if s.resolution.best and s.kind != "election"
        ]
        return out_of_scope(store, text, named[0] if named else None)
    if _across_councils(store, spotted, reading):
        return across_councils(store, text)
    reading = settle(store, reading)
    scope = choose_election(store, spotted, reading, election)
    if not isinstance(scope, Scope):
        return scope
    ask = fill(store, spotted, reading, scope)
    if isinstance(ask, NotFoundAnswer) and ask.what == "ward":
        unknown = None if scope.named else unknown_place(store, ask)
        return _place_named(store, spotted, reading) or unknown or ask
    if not isinstance(ask, Ask):
        return ask
    replied = without_counts(ask) or reply_to(reading.intent.name)(ask)
    answer = with_same_day(so_far(replied, store), store)
    if not scope.named:  # the newest election the candidate stood in may not be the newest
        if not asks_by_election(spotted):  # (a by-election asked about is meant, not newest)
            older = from_older_election(answer, store)  # (which names a by-election itself)
            answer = older if older is not answer else from_by_election(answer, store)
        answer = with_other_councils(answer, ask, store)
    if _asks_why(spotted) and answer.headline:  # the results hold no reasons
        shown = uncapitalised(answer.headline)
        answer = headed(answer, f"The results don't say why; they show: {shown}")
    if asks_by_election(spotted) and ask.election.kind != "by-election" and ask.wards:
        # "the Ashton by-election" when only Ashton's ordinary election is loaded: say so,
        # rather than pass that result off as the by-election's
        ward = ask.wards[0].ward
        note = f"I don't have a by-election in {ward}; in the {ask.election.title}: "
        answer = headed(answer, note + (answer.headline or ""))
    return answer


def _across_councils(store: ResultsStore, spotted: Spotted, reading: Reading) -> bool:
    """ "Which council had the highest turnout?" with several councils loaded and none named:
    a ranking of councils, which no reply makes (each answers from one election)."""
    words = spotted.words
    asks = any(
        words[n : n + 2] in (("which", "council"), ("what", "council")) for n in range(len(words))
    )
    named = spotted.of("election")
    return asks and not named and reading.intent.family != "help" and store.council_count > 1


def _asks_why(spotted: Spotted) -> bool:
    """ "Why did Labour lose?", "how come ...": a reason, which no election result gives."""
    words = spotted.words
    return bool(words) and (words[0] == "why" or tuple(words[:2]) == ("how", "come"))


def read_question(store: ResultsStore, text: str, election: str | None = None) -> Reading | None:
    """The intent a question is read as, with its names (None when out of scope); for checks of
    the intent records, which must know which record answered."""
    if not store.elections:
        return None
    lexicon = lexicon_for(store)
    text, tokens = tokenize(lexicon.spaced(text))
    spotted = spot(store, lexicon, text, tokens)
    default = choose_election(store, spotted, None, election)
    single = isinstance(default, Scope) and len(default.election.contests) == 1
    reading = None if spotted.off_topic else recognise(spotted, implicit_ward=single)
    return None if reading is None else settle(store, reading)


def _place_part_first(spotted: Spotted) -> str | None:
    """ "who won North in Littleover": the place word put before its ward ("Littleover North"),
    so the question is asked again about that ward (found, or not found as one ward) rather
    than reading "North" as an unknown party."""
    tokens = spotted.tokens
    for unknown in spotted.unknowns:
        parts = tokens[unknown.start : unknown.end]
        if not all(t.word in PLACE_PARTS for t in parts) or unknown.end + 1 >= len(tokens):
            continue
        if tokens[unknown.end].word not in ("in", "at"):
            continue
        ward = next((s for s in spotted.of("ward") if s.start == unknown.end + 1), None)
        if ward is None:
            continue
        before, after = spotted.text[: parts[0].start], spotted.text[tokens[ward.end - 1].end :]
        return f"{before}{ward.text} {unknown.text}{after}"
    return None


_COMPASS = COMPASS


def _compass_word_first(spotted: Spotted) -> str | None:
    """ "who won West in Kenton": asked again as "Kenton West", the way wards are named."""
    tokens = spotted.tokens
    for ward in spotted.of("ward"):
        n = ward.start - 2
        if n < 0 or tokens[n + 1].word not in ("in", "at") or tokens[n].word not in _COMPASS:
            continue
        before, after = spotted.text[: tokens[n].start], spotted.text[tokens[ward.end - 1].end :]
        compass = spotted.text[tokens[n].start : tokens[n].end]
        return f"{before}{ward.text} {compass}{after}"
    return None


def _ward_beside_compass_word(store: ResultsStore, spotted: Spotted) -> Answer | None:
    """ "who won Kenton West" when only Kenton East is loaded: a compass word next to a ward,
    and not in its name, makes another place. It is asked about whole (and not found), never
    answered as the ward it resembles."""
    tokens = spotted.tokens
    for ward in spotted.of("ward"):
        best = ward.resolution.best
        if best is None:
            continue
        name_words = set(best.key.split())
        for n in (ward.start - 1, ward.end):
            if not 0 <= n < len(tokens):
                continue
            word = tokens[n].word
            if word not in _COMPASS or word in name_words:
                continue
            first, last = min(n, ward.start), max(n + 1, ward.end)
            words = quote(spotted.text, tokens[first:last])
            resolution = whole_ward(store.resolve_ward(words))
            if resolution.status == "not_found":
                return not_found_answer(store, resolution, words, None)
    return None


def _place_named(store: ResultsStore, spotted: Spotted, reading: Reading) -> Answer | None:
    """A ward not found right after (or before) a place that names an election: "Littleover
    North" is one unknown ward, not the ward "North" in the Littleover by-election."""
    for ward in (s for s in (*reading.slots, *reading.context) if s.kind == "ward"):
        for place in spotted.of("election"):
            if place.text.strip().isdigit() or not (
                place.end == ward.start or ward.end == place.start
            ):
                continue
            first, last = min(place.start, ward.start), max(place.end, ward.end)
            words = quote(spotted.text, spotted.tokens[first:last])
            resolution = whole_ward(store.resolve_ward(words))
            if resolution.status != "not_found":
                return None
            return not_found_answer(store, resolution, words, None)
    return None
