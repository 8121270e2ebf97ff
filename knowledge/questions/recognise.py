"""Choosing the intent: score every cue pattern of every intent record against the question.

A pattern scores the length of its best trigger phrase in each group, plus its filled slots, minus
names it leaves unused. A name the store doesn't know ("Narnia") may fill a missing slot of a
row whose trigger words matched, so "who won in Narnia?" is a ward question with an unknown
ward, not "who won the election"; a row with no trigger words (just "Abbey") needs a clean
question: any unknown word makes it out of scope. On an equal score the record with the
higher priority wins (records are tried highest priority first).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from knowledge.questions.cues import SHARE, VOTES, WIN, cue_score, phrases
from knowledge.questions.intents import INTENTS, Entity, Intent, Pattern
from knowledge.questions.segment import COMPLETE
from knowledge.questions.spotting import PLACEHOLDER, Span, Spotted, Unknown
from knowledge.questions.text import Token
from knowledge.tuning import WEIGHTS

SLOT_SCORE: Final = WEIGHTS.slot
CONTEXT_SCORE: Final = WEIGHTS.context
UNKNOWN_SLOT_SCORE: Final = WEIGHTS.unknown_slot
IMPLICIT_SLOT_SCORE: Final = WEIGHTS.implicit_slot
MAX_VARIANTS: Final = 8
ALTERNATIVE_COST: Final = WEIGHTS.alternative_cost
PLACE_SCORE: Final = WEIGHTS.place
"""A ward named after "in" ("who won in Bolton") reads as a place."""
PERSON_IN_PLACE_COST: Final = WEIGHTS.person_in_place
"""A person read from the words after "in" or "at", where a place reads first."""
UNUSED_NAME_COST: Final = WEIGHTS.unused_name
UNUSED_UNKNOWN_COST: Final = WEIGHTS.unused_unknown
UNUSED_PROPER_NOUN_COST: Final = WEIGHTS.unused_proper_noun
"""An unexplained capitalised word ("in Barnsley") is probably a name we would be ignoring."""
_SLOT_KINDS: Final[tuple[Entity, ...]] = ("ward", "candidate", "party")


@dataclass(frozen=True)
class Reading:
    """The chosen intent and the names that fill its slots."""

    intent: Intent
    score: float
    slots: tuple[Span, ...]
    """Spans filling `intent.required`, in order (fewer when `unknown` fills one)."""
    context: tuple[Span, ...]
    unknown: Unknown | None = None
    unknown_kind: Entity | None = None
    implicit_ward: bool = False
    """The ward is the election's only one, not named in the question."""


def _fitting_unknown(unknowns: list[Unknown], slot: Entity, cued: bool) -> Unknown | None:
    """An unknown name that can stand in a missing slot: one its neighbours call that kind
    ("Narnia ward"), or, when trigger words matched, one that looks like a name (capitalised,
    or after "in")."""
    for unknown in unknowns:
        if unknown.hint == slot:
            return unknown
    if not cued:
        return None
    for unknown in unknowns:
        if unknown.hint is None and (unknown.capital or unknown.place):
            return unknown
        if slot == "candidate" and unknown.person:  # "did emma whysall win": a person's name
            return unknown
    return None


def _unknown_score(unknown: Unknown, slot: Entity) -> float:
    """Places ("in Narnia") read as wards, other names as candidates."""
    if unknown.person and slot == "party":  # two words, no "party" beside them: a person
        return 0.0
    if unknown.hint == slot or (slot == "ward") == unknown.place:
        return UNKNOWN_SLOT_SCORE
    return UNKNOWN_SLOT_SCORE / 2


def recognise(spotted: Spotted, implicit_ward: bool = False) -> Reading | None:
    """The best-scoring intent, or None when nothing fits (out of scope).

    Words that read as two kinds of name ("Bolton") are tried both ways; on a tie the reading
    the spotter preferred wins. `implicit_ward` lets ward questions go without naming the ward
    when the election has only one (a by-election).
    """
    present = _received_in(phrases(spotted.words))
    # Each pattern's cue score depends on the words alone: scored once, not once a variant.
    scored = [
        (intent, pattern, cues)
        for intent in INTENTS
        for pattern in intent.cues
        if (cues := _cue_score(pattern, present)) is not None
    ]
    best: Reading | None = None
    for spans, cost in _variants(spotted.spans, spotted.tokens):
        for intent, pattern, cues in scored:
            reading = _read(intent, pattern, cues, spans, spotted.unknowns, implicit_ward)
            if reading is None:
                continue
            reading = replace(reading, score=reading.score - cost)
            if reading.score > 0 and (best is None or reading.score > best.score):
                best = reading
    return best


def _cue_score(pattern: Pattern, present: frozenset[str]) -> int | None:
    """The pattern's cue words present (None when a group it needs is missing)."""
    needs = [cue_score(group, present) for group in pattern.needs]
    if not all(needs):
        return None
    return sum(needs) + sum(cue_score(group, present) for group in pattern.bonus)


_GET_IN: Final = ("get in", "got in", "gets in", "getting in")
"""WIN phrases meaning elected, unless votes are what was got."""
assert set(_GET_IN) <= set(WIN)


def _received_in(present: frozenset[str]) -> frozenset[str]:
    """ "how many votes did Labour *get in* Darley": votes got in a place, not getting elected,
    when the question asks for votes or a share and a name follows (while "did Labour get in
    in Darley" and "did Lucy Care get in" still ask who was elected)."""
    if not (cue_score(VOTES, present) or cue_score(SHARE, present)):
        return present
    dropped = {p for p in _GET_IN if f"{p} {PLACEHOLDER}" in present}
    return present - dropped if dropped else present


def _variants(
    spans: tuple[Span, ...], tokens: tuple[Token, ...] = ()
) -> list[tuple[tuple[Span, ...], float]]:
    """The spotted spans, then each combination of their alternative readings, each with its
    cost: an alternative costs a point plus its score shortfall against the spotter's choice.
    A part of a place's name that is also a person's ("did *Mary* win": St. Mary's, or a
    Mary) is read as the person first when the question asks what a person did, and so is a
    whole place's or council's name when another place follows ("did *Leyring* win in
    Thorpmer": a ward does not win in another ward, nor a council in a ward)."""
    variants: list[tuple[tuple[Span, ...], float]] = [((), 0.0)]
    for span in spans:
        choices = [(span, 0.0)]
        person = next((a for a in span.alternatives if a.kind == "candidate"), None)
        if (
            person is not None
            and span.kind in ("ward", "election")
            and (_top(span) < COMPLETE or _place_follows(span, spans))
            and _person_subject(span, tokens)
        ):
            choices = [(person, 0.0), (span, ALTERNATIVE_COST)]
            choices += [(o, ALTERNATIVE_COST) for o in span.alternatives[:2] if o is not person]
            variants = [((*v, c), cost + extra) for c, extra in choices for v, cost in variants]
            variants = variants[:MAX_VARIANTS]
            continue
        for other in span.alternatives[:2]:
            price = ALTERNATIVE_COST + (_top(span) - _top(other)) / 10.0
            if other.kind == "candidate" and _after_place_word(span, tokens):
                price += PERSON_IN_PLACE_COST  # "closest in *Ernor*": a place, not Gil Ernor
            choices.append((other, price))
        variants = [((*v, c), cost + extra) for c, extra in choices for v, cost in variants]
        variants = variants[:MAX_VARIANTS]
    return variants


_DID: Final = frozenset({"did", "does", "didnt", "doesnt", "do", "will"})
_DEEDS: Final = frozenset({
    "win", "get", "lose", "stand", "come", "finish", "poll", "receive", "score", "make",
    "beat", "run", "top", "take", "hold", "keep", "retain", "scrape", "squeak", "sneak",
    "do", "fare", "perform",
})  # fmt: skip
"""What a person does in an election: "did X *win*", "how many votes did X *get*", "how did
X *do*"."""


def _person_subject(span: Span, tokens: tuple[Token, ...]) -> bool:
    """The name is the subject of "did ... win" (or "get", "lose", "stand" ...)."""
    if span.start == 0 or span.end >= len(tokens):
        return False
    return tokens[span.start - 1].word in _DID and tokens[span.end].word in _DEEDS


def _after_place_word(span: Span, tokens: tuple[Token, ...]) -> bool:
    """The words follow "in" or "at", which name a place ("for" may name a person: "votes
    for Lucy Care")."""
    return span.start > 0 and tokens[span.start - 1].word in ("in", "at")


def _place_follows(span: Span, spans: tuple[Span, ...]) -> bool:
    return any(s.kind == "ward" and s.after_in and s.start > span.end for s in spans)


def _top(span: Span) -> float:
    return span.resolution.top_score


def _read(
    intent: Intent,
    pattern: Pattern,
    cues: int,
    spans: tuple[Span, ...],
    unknowns_found: tuple[Unknown, ...],
    implicit_ward: bool,
) -> Reading | None:
    available = {kind: [s for s in spans if s.kind == kind] for kind in _SLOT_KINDS}
    slots: list[Span] = []
    missing: list[Entity] = []
    for slot in intent.required:
        if available[slot]:
            slots.append(available[slot].pop(0))
        else:
            missing.append(slot)
    context = [available[kind].pop(0) for kind in intent.optional if available[kind]]
    for kind in intent.many:
        context += available[kind]
        available[kind] = []
    unused = sum(1 for left in available.values() for s in left if not s.names_election)
    unknowns = list(unknowns_found)
    unknown: Unknown | None = None
    named_ward = any(s.kind == "ward" for s in spans)
    implicit = implicit_ward and missing == ["ward"] and not unknowns and not named_ward
    if implicit:
        missing = []
    if missing:
        unknown = _fitting_unknown(unknowns, missing[0], bool(cues))
        if unknown is None and missing == ["ward"] and slots:  # "how did Labour do in Narnia":
            unknown = next((u for u in unknowns if u.hint is None and u.place), None)  # a place
        if len(missing) > 1 or unknown is None:
            return None
        unknowns.remove(unknown)
    leftover = [u for u in unknowns if u.hint != "election"]
    if leftover and not pattern.needs:
        return None
    score = (
        cues
        + SLOT_SCORE * sum(not s.names_election for s in slots)
        + CONTEXT_SCORE * len(context)
        + (_unknown_score(unknown, missing[0]) if unknown else 0.0)
        + (IMPLICIT_SLOT_SCORE if implicit else 0.0)
        + PLACE_SCORE * sum(s.kind == "ward" and s.after_in for s in (*slots, *context))
        + (PLACE_SCORE if unknown and unknown.place and missing[0] == "ward" else 0.0)
        - UNUSED_NAME_COST * unused
        - sum(UNUSED_PROPER_NOUN_COST if u.capital else UNUSED_UNKNOWN_COST for u in leftover)
    )
    return Reading(
        intent=intent,
        score=score,
        slots=tuple(slots),
        context=tuple(context),
        unknown=unknown,
        unknown_kind=missing[0] if missing else None,
        implicit_ward=implicit,
    )
