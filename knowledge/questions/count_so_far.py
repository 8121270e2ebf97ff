"""An election still being counted (an article taken on election night, a live results feed):
every answer about the whole election covers the declared wards only, and says so."""

from __future__ import annotations

from knowledge.answers import (
    Answer,
    ClosestAnswer,
    FactAnswer,
    PartyAnswer,
    RankingAnswer,
    SummaryAnswer,
)
from knowledge.facts import ContestResult, ElectionFacts
from knowledge.questions.phrasing import plural
from knowledge.store import ResultsStore

WHOLE_ELECTION = (SummaryAnswer, PartyAnswer, RankingAnswer, ClosestAnswer, FactAnswer)
"""Answers whose figures add up over the election's wards."""


def so_far(answer: Answer, store: ResultsStore) -> Answer:
    """The answer with the state of the count added to its headline, while wards are still to
    declare (unless the headline already speaks of declaring). Other answers are returned as
    they are, before the election's facts are read: a ward's answer must not build them."""
    if not isinstance(answer, WHOLE_ELECTION) or not answer.headline:
        return answer
    declared, seats, waiting = count_state(store.facts(answer.election.id))
    headline = answer.headline
    if not waiting or "declare" in headline:
        return answer
    note = (
        f"So far {declared} of the {seats} seats are declared; "
        f"{plural(len(waiting), 'ward')} still to declare."
    )
    return answer.model_copy(update={"headline": f"{headline} {note}"})


def count_state(facts: ElectionFacts) -> tuple[int, int, list[ContestResult]]:
    """(seats declared, seats contested, the contests still to declare) of an election."""
    waiting = [c for c in facts.contests if not c.declared]
    seats = sum(c.seats for c in facts.contests)
    return seats - sum(c.seats for c in waiting), seats, waiting
