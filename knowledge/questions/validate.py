"""Checks of the intent records, run by the test suite (tests/knowledge/test_intent_records.py).

- every example question is recognised as its own record, and its answer's headline holds the
  example's facts;
- every record has a reply, and every reply a record;
- two records of the same priority that need the same names and share a required cue phrase
  are reported: the same question would score the same for both, so neither priority nor score
  could choose (the way rasa reports overlapping keywords between intents).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import combinations

from knowledge.questions.answering import answer_question, read_question
from knowledge.questions.intents import INTENTS, Intent
from knowledge.questions.registry import all_replies
from knowledge.store import ResultsStore


def example_problems(
    stores: Callable[[str], ResultsStore], intents: Iterable[Intent] = INTENTS
) -> list[str]:
    """Each example that is read as another intent or answered without its facts."""
    problems = []
    for intent in intents:
        if not intent.examples:
            problems.append(f"{intent.name}: no examples")
        for example in intent.examples:
            store = stores(example.store)
            reading = read_question(store, example.question)
            found = reading.intent.name if reading else None
            if found != intent.name:
                problems.append(f"{intent.name}: {example.question!r} is read as {found}")
                continue
            headline = answer_question(store, example.question).headline or ""
            for fact in example.facts:
                if fact.casefold() not in headline.casefold():
                    problems.append(f"{intent.name}: {example.question!r} lacks {fact!r}")
    return problems


def reply_problems(
    intents: Iterable[Intent] = INTENTS, replies: Mapping[str, object] | None = None
) -> list[str]:
    """Records without a reply, and replies without a record."""
    replies = all_replies() if replies is None else replies
    names = {i.name for i in intents}
    return [f"{n}: no reply" for n in sorted(names - set(replies))] + [
        f"{n}: reply without a record" for n in sorted(set(replies) - names)
    ]


def cue_overlaps(intents: Iterable[Intent] = INTENTS) -> list[str]:
    """Pairs of same-priority records, needing the same names, that share a required phrase."""
    found = []
    for a, b in combinations(intents, 2):
        if a.priority != b.priority or a.required != b.required:
            continue
        shared = _required_phrases(a) & _required_phrases(b)
        if shared:
            found.append(f"{a.name} / {b.name} (priority {a.priority}): {sorted(shared)[:5]}")
    return found


def _required_phrases(intent: Intent) -> frozenset[str]:
    return frozenset(p for pattern in intent.cues for group in pattern.needs for p in group)
