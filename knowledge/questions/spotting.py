"""Finding the names inside a question: wards, candidates, parties and elections.

The question is cut into runs of name-like words (ordinary words such as "won", "the" or
"seats" end a run); `segment` splits each run into names ("Lucy Care Littleover" is a candidate
and a ward). Two rules keep it honest:

* every name-like word must belong to a name (or is reported as unknown), so "Lucy Smithers" is
  looked up whole and not found, instead of quietly becoming Lucy Care;
* two names of the same kind may not touch, so "John Smith" is one (unknown) candidate rather
  than "John" (some John) next to "Smith" (Grace Smith).

What is left over says what was asked: the words around the names (for the intent), unknown
names with a hint of their kind ("the Pirate *party*"), and words no result can answer ("how
*old* is ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from knowledge.gazetteer import TITLES
from knowledge.questions.lexicon import Lexicon, WordInfo
from knowledge.questions.segment import (
    Lookup,
    Resolver,
    best_split,
    plausible,
    query_of,
    span_kinds,
    trim,
)
from knowledge.questions.text import Token, quote
from knowledge.questions.words import (
    KIND_HINTS,
    NUMBER_AFTER,
    NUMBER_BEFORE,
    OFF_TOPIC,
    OFF_TOPIC_PHRASES,
    OPENING_FILLER,
)
from knowledge.resolve import ACCEPT, EntityKind, Resolution
from knowledge.store import ResultsStore

PLACEHOLDER: Final = "§"
NUMBER: Final = "num"
"""Stands in for a figure ("more than *num* votes"), so trigger phrases can mention one."""
"""Stands in for a name in the words that trigger phrases are matched against."""
PLACE_WORDS: Final = frozenset({"in", "at", "for"})
ECHOED: Final = frozenset({"candidate", "candidates", "councillor", "councillors"})
"""Words that end a party's name ("Labour candidates") but also say what is asked about."""

_CONTENT: Final = frozenset({"name", "soft", "unknown", "year"})


@dataclass(frozen=True)
class Span:
    """A name found in the question and what the store's resolver made of it."""

    kind: EntityKind
    start: int
    end: int
    text: str
    """As the user typed it."""
    resolution: Resolution
    after_in: bool = False
    """Follows "in", "at" or "for": a place, so more likely a ward than a surname."""
    names_election: bool = False
    """Followed by "by-election": the ward names the election too, so may go unused."""
    alternatives: tuple[Span, ...] = ()
    """The same words read as another kind that also matches well ("Bolton": a candidate's
    surname, or the ward Boulton mistyped); the intent decides between them."""


@dataclass(frozen=True)
class Unknown:
    """Name-like words that match nothing in the store ("Narnia")."""

    start: int
    end: int
    text: str
    capital: bool
    hint: EntityKind | None
    """What a neighbouring word says it is: "Narnia *ward*", "the Pirate *party*"."""
    place: bool = False
    """Follows "in", "at" or "for"."""
    person: bool = False
    """Two or more words, not after "in" or "the": a person's name rather than a party's
    ("did Emma Whysall win in Barnet Vale"; not "who won the world cup")."""


@dataclass(frozen=True)
class Spotted:
    """A question with its names found: the spans, the unknowns and the remaining words."""

    text: str
    tokens: tuple[Token, ...]
    spans: tuple[Span, ...]
    unknowns: tuple[Unknown, ...]
    words: tuple[str, ...]
    """The question's words with every name and unknown replaced by `PLACEHOLDER`."""
    off_topic: bool = False
    """It asks something the results don't hold ("how old is ...")."""
    numbers: tuple[int, ...] = ()
    """Figures in the question that are not years ("more than *2,000* votes")."""
    opener: str = ""
    """The word the question proper starts with, after greetings and "can you tell me"."""

    def of(self, kind: EntityKind) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.kind == kind)


def resolvers(store: ResultsStore) -> dict[EntityKind, Resolver]:
    return {
        "ward": store.resolve_ward,
        "candidate": store.resolve_candidate,
        "party": store.resolve_party,
        "election": store.resolve_election,
    }


def spot(store: ResultsStore, lexicon: Lexicon, text: str, tokens: tuple[Token, ...]) -> Spotted:
    """Find the names in a tokenised question."""
    infos = [lexicon.classify(t.word) for t in tokens]
    for n, info in enumerate(infos):
        following = tokens[n + 1].word if n + 1 < len(tokens) else ""
        before = tokens[n - 1].word if n else ""
        if info.role == "year" and (following in NUMBER_AFTER or before in NUMBER_BEFORE):
            infos[n] = WordInfo("number", info.word)
        elif _mistyped_where_a_name_is(tokens, infos, n):
            infos[n] = lexicon.as_name(tokens[n].word) or info
    lookup = Lookup(
        resolvers(store),
        lexicon.longest,
        lexicon.councils,
        lexicon.names,
        lexicon.longest_party,
        lexicon.near_council,
        lambda key: (info := store.info(key)) is not None and info.kind == "by-election",
        lexicon.could_be_whole,
    )
    spans: list[Span] = []
    commas = frozenset(
        n for n in range(1, len(tokens)) if "," in text[tokens[n - 1].end : tokens[n].start]
    )
    for start, end in _runs(infos, commas):
        spans += _spans(text, tokens, infos, start, end, lookup)
    spans = [s for s in spans if not _unknown_place(tokens, s) and not _noise(tokens, infos, s)]
    spans = sorted([*spans, *_ordinary_party(text, tokens, spans, lexicon, lookup)], key=_at)
    covered = {n for span in spans for n in range(span.start, span.end)}
    unknowns = _unknowns(text, tokens, infos, covered)
    councils = frozenset(s.start for s in spans if _one_council(store, s))
    words = _words(tokens, infos, spans, unknowns, lexicon, councils)
    loose = [t.word for n, t in enumerate(tokens) if n not in covered]
    numbers = tuple(int(t.word) for t, i in zip(tokens, infos, strict=True) if i.role == "number")
    return Spotted(
        text, tokens, tuple(spans), unknowns, words, _off_topic(loose), numbers, _opener(tokens)
    )


def _ordinary_party(
    text: str, tokens: tuple[Token, ...], spans: list[Span], lexicon: Lexicon, lookup: Lookup
) -> list[Span]:
    """A party whose name is ordinary words alone ("how did *Your Party* do"), found whole:
    word by word its words are never names."""
    taken = {n for span in spans for n in range(span.start, span.end)}
    words = [t.word for t in tokens]
    found = []
    for phrase in lexicon.ordinary_parties:
        size = len(phrase)
        for n in range(len(words) - size + 1):
            if tuple(words[n : n + size]) != phrase or taken & set(range(n, n + size)):
                continue
            resolution = lookup.full("party", " ".join(phrase))
            if resolution.status == "ok":
                typed = quote(text, tokens[n : n + size])
                found.append(Span("party", n, n + size, typed, resolution))
                taken |= set(range(n, n + size))
    return found


def _at(span: Span) -> int:
    return span.start


def _one_council(store: ResultsStore, span: Span) -> bool:
    """The span names one council: one election, or several of the same council ("who ran
    Cambridge" with its 2022 and 2026 elections loaded)."""
    if span.kind != "election" or span.resolution.status not in ("ok", "ambiguous"):
        return False
    if span.resolution.status == "ok":
        return True
    councils = {
        info.council_key if (info := store.info(m.key)) is not None else None
        for m in span.resolution.matches
    }
    return len(councils) == 1 and None not in councils


_ASKERS: Final = frozenset({"you", "u", "anyone", "anybody", "someone", "somebody"})


def _opener(tokens: tuple[Token, ...]) -> str:
    """The first word after the greetings and wrappers a question may open with ("hey bot,
    sorry, one more: *did* ...", "do you know *who* ...", "can you tell me *if* ...")."""
    words = [t.word for t in tokens]
    n = 0
    while n < len(words):
        if words[n] in ("do", "does") and n + 1 < len(words) and words[n + 1] in _ASKERS:
            n += 2  # "do you know ...", "does anyone know ..."
        elif words[n] in OPENING_FILLER:
            n += 1
        else:
            return words[n]
    return words[0] if words else ""


def _spans(
    text: str,
    tokens: tuple[Token, ...],
    infos: list[WordInfo],
    start: int,
    end: int,
    lookup: Lookup,
) -> list[Span]:
    """The names in one run, each with its other plausible readings."""
    found = []
    for kind, first, last in _whole_people(
        best_split(tokens, infos, start, end, lookup), tokens, lookup
    ):
        first, last = trim(tokens, infos, kind, first, last, lookup)
        query = query_of(tokens[first:last])
        hint = _hint(tokens, first, last)
        if hint not in (None, kind) and lookup(kind, query).status == "not_found":
            continue  # "the Monster Raving Loony party": an unknown party, not a candidate
        typed = quote(text, tokens[first:last])
        place = first > 0 and tokens[first - 1].word in PLACE_WORDS
        following = [t.word for t in tokens[last : last + 2]]
        by_election = kind == "ward" and (
            following == ["by", "election"] or following[:1] == ["byelection"]
        )
        # An election's name is read as nothing else, except as a person's surname ("did
        # Preston win in Fishwick": the council's name, and a candidate's).
        kinds = span_kinds(tokens, infos, first, last) - {kind, "election"}
        others = tuple(
            Span(other, first, last, typed, resolution, place, by_election)
            for other in sorted(kinds if kind != "election" else kinds & {"candidate"})
            if plausible(resolution := lookup(other, query))
        )
        found.append(
            Span(kind, first, last, typed, lookup.full(kind, query), place, by_election, others)
        )
    return found


def _mistyped_where_a_name_is(tokens: tuple[Token, ...], infos: list[WordInfo], n: int) -> bool:
    """A word corrected to a question word ("Simth": sixth) that stands where a name does:
    capitalised inside the question, or after a person's first name ("david turnre")."""
    info = infos[n]
    if info.role != "stop" or info.word == tokens[n].word or n == 0:
        return False
    return tokens[n].capital or "candidate" in infos[n - 1].kinds


def _whole_people(
    choices: list[tuple[EntityKind, int, int]], tokens: tuple[Token, ...], lookup: Lookup
) -> list[tuple[EntityKind, int, int]]:
    """A person's name split in two, where its surname is also a place ("Hilray | Barkin", a
    ward), made one again when the whole reads as a person at least as well as the first part,
    or the first part alone is a forename many share ("Robert | Lwoash"): otherwise the
    question compares a person with themselves, or a forename with a ward."""
    merged: list[tuple[EntityKind, int, int]] = []
    for choice in choices:
        if merged and merged[-1][0] == "candidate" and merged[-1][2] == choice[1]:
            _, first, middle = merged[-1]
            part = lookup("candidate", query_of(tokens[first:middle]))
            whole = lookup("candidate", query_of(tokens[first : choice[2]]))
            if (
                whole.status != "not_found"
                and whole.matches[0].score >= ACCEPT
                and (part.status == "ambiguous" or whole.matches[0].score >= part.top_score)
            ):
                merged[-1] = ("candidate", first, choice[2])
                continue
        merged.append(choice)
    return merged


def _member_noun(word: str, lexicon: Lexicon) -> bool:
    """A party word naming one member, whose plural also names the party ("Tory", "Lib Dem",
    "Independent"; not "Labour", which has no plural)."""
    plurals = (word + "s", word[:-1] + "ies" if word.endswith("y") else "")
    return any(p in lexicon.names["party"] for p in plurals if p)


def _noise(tokens: tuple[Token, ...], infos: list[WordInfo], span: Span) -> bool:
    """Lower-case words that only look like names and match nothing, not even loosely ("the
    council *tax rates*"): unknown words, not a candidate to report as not found."""
    return (
        span.resolution.status == "not_found"
        and not span.resolution.matches
        and not span.alternatives
        and not any(t.capital or t.word.isdigit() for t in tokens[span.start : span.end])
        and all(infos[n].kinds.get(span.kind, 0.0) < 100.0 for n in range(span.start, span.end))
    )


def _unknown_place(tokens: tuple[Token, ...], span: Span) -> bool:
    """A place that is no ward ("in Derby North", "in Chester Green"): read as an unknown
    name, not as the election or party one of its words resembles."""
    return (
        span.kind != "ward"
        and span.resolution.status == "not_found"
        and span.start > 0
        and tokens[span.start - 1].word in ("in", "at")
        and not any(a.kind == "ward" for a in span.alternatives)
        and not any(t.word.isdigit() for t in tokens[span.start : span.end])  # "in 2006"
    )


def _off_topic(loose: list[str]) -> bool:
    """Words outside any name that ask what results don't hold ("how *old* is ...", "will
    ... *win*")."""
    if OFF_TOPIC.intersection(loose):
        return True
    runs = {tuple(loose[n : n + size]) for size in (2, 3) for n in range(len(loose) - size + 1)}
    return any(phrase in runs for phrase in OFF_TOPIC_PHRASES)


def _runs(infos: list[WordInfo], commas: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Maximal stretches of name-like words (ordinary words, numbers and commas end a run:
    "Labour, Conservatives and Lib Dems" is three names)."""
    runs = []
    start: int | None = None
    for n, info in enumerate([*infos, WordInfo("stop", "")]):
        if n in commas and start is not None:
            runs.append((start, n))
            start = None
        if info.role in _CONTENT:
            start = n if start is None else start
        elif start is not None:
            runs.append((start, n))
            start = None
    return runs


def _unknowns(
    text: str, tokens: tuple[Token, ...], infos: list[WordInfo], covered: set[int]
) -> tuple[Unknown, ...]:
    found = []
    n = 0
    while n < len(tokens):
        if n in covered or infos[n].role not in ("name", "unknown", "year"):
            n += 1
            continue
        start = n
        while n < len(tokens) and n not in covered and infos[n].role in ("name", "unknown", "year"):
            n += 1
        hint = _hint(tokens, start, n, frozenset(covered))
        if hint is None and all(infos[i].role == "year" for i in range(start, n)):
            hint = "election"
        run = tokens[start:n]
        place = (start > 0 and tokens[start - 1].word in PLACE_WORDS) or any(t.place for t in run)
        capital = any(t.capital for t in run)
        if hint == "election" and not capital:
            hint = None  # "a good election" is not the Good election
        person = n - start >= 2 and not place and hint is None and not _determined(tokens, start)
        found.append(Unknown(start, n, quote(text, run), capital, hint, place, person))
    return tuple(found)


def _determined(tokens: tuple[Token, ...], start: int) -> bool:
    """ "the world cup", "a new council": a thing, not a person."""
    return start > 0 and tokens[start - 1].word in _DETERMINERS


_DETERMINERS: Final = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "our"})


def _hint(
    tokens: tuple[Token, ...], start: int, end: int, taken: frozenset[int] = frozenset()
) -> EntityKind | None:
    """The kind a neighbouring word gives a name: "Narnia *ward*", "the Pirate *party*".

    Words inside other names (`taken`) say nothing: "the Conservative Party perform".
    """
    for i in (end - 1, end, start, start - 1):
        if not 0 <= i < len(tokens) or i in taken:
            continue
        word = tokens[i].word
        if word in KIND_HINTS and (i >= start or word in TITLES):  # "the Pirate party", "Mr X"
            return KIND_HINTS[word]
    return None


def _words(
    tokens: tuple[Token, ...],
    infos: list[WordInfo],
    spans: list[Span],
    unknowns: tuple[Unknown, ...],
    lexicon: Lexicon,
    councils: frozenset[int],
) -> tuple[str, ...]:
    marks = {span.start: span.end for span in spans}
    people = {
        span.start
        for span in spans
        if span.kind == "party" and _member_noun(tokens[span.end - 1].word, lexicon)
    }
    council = {  # "do the Lib Dems run Derby": the council, as the trigger phrases see it
        span.start: "council"
        for span in spans
        if span.start in councils
        and all(infos[n].role != "year" for n in range(span.start, span.end))
    }
    marks.update({unknown.start: unknown.end for unknown in unknowns})
    words: list[str] = []
    n = 0
    while n < len(tokens):
        if n in marks:
            named = council.get(n)
            words.append(PLACEHOLDER if named is None else named)
            last = tokens[marks[n] - 1].word
            if last in ECHOED:  # "the Labour candidates": a question about people
                words.append(last)
            elif n in people:  # "the top Tory": one of the party's candidates
                words.append("person")
            n = marks[n]
            continue
        info = infos[n]
        words.append(NUMBER if info.role in ("number", "year") else info.word)
        n += 1
    return tuple(words)
