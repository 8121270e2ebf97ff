"""A question ready to answer: its intent, its election and its names, resolved to results.

Replies read everything from an `Ask`; they never look at the raw text again, except through
`has` (which trigger phrases the question used), so they stay pure functions of resolved facts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel

from knowledge import compose
from knowledge.answers import (
    Answer,
    CandidateAnswer,
    PartyAnswer,
    SummaryAnswer,
    WardAnswer,
)
from knowledge.facts import ContestResult, ElectionFacts
from knowledge.models import Election
from knowledge.normalize import normalize
from knowledge.parties import Party
from knowledge.questions.cues import ABOVE, BELOW, INCLUSIVE, PLACES, Cue, cue_score
from knowledge.questions.intents import Intent
from knowledge.questions.phrasing import party_noun
from knowledge.questions.words import YES_NO_OPENERS
from knowledge.store import CandidateRef, ResultsStore

A = TypeVar("A", bound=BaseModel)


@dataclass(frozen=True)
class Bar:
    """A threshold from the question: "more than 2,000", "at least 500", "under 300"."""

    figure: int
    above: bool
    inclusive: bool

    def passes(self, value: int) -> bool:
        if self.above:
            return value >= self.figure if self.inclusive else value > self.figure
        return value <= self.figure if self.inclusive else value < self.figure

    @property
    def words(self) -> str:
        """`more than 2,000`, `at least 500`, `fewer than 300`."""
        if self.inclusive:
            return f"{'at least' if self.above else 'at most'} {self.figure:,}"
        return f"{'more than' if self.above else 'fewer than'} {self.figure:,}"


@dataclass(frozen=True)
class Ask:
    """Everything a reply needs: the store, the intent, the election and the resolved names."""

    store: ResultsStore
    intent: Intent
    election: Election
    named: bool
    wards: tuple[ContestResult, ...]
    candidates: tuple[CandidateRef, ...]
    parties: tuple[Party, ...]
    present: frozenset[str]
    """Phrases of the question (names taken out), for `has`."""
    first_word: str
    numbers: tuple[int, ...] = ()
    """Figures in the question ("more than 2,000 votes")."""

    @property
    def facts(self) -> ElectionFacts:
        return self.store.facts(self.election.id)

    def has(self, cue: Cue) -> bool:
        """Did the question use any phrase of this cue group?"""
        return cue_score(cue, self.present) > 0

    @property
    def place(self) -> int | None:
        """The place a question names ("who came *third*"), if any."""
        return next((n for word, n in PLACES.items() if word in self.present), None)

    def bar(self) -> Bar | None:
        """The threshold a question sets ("more than 2,000"), if it gives a figure."""
        if not self.numbers:
            return None
        above = self.has(ABOVE) or not self.has(BELOW)
        return Bar(self.numbers[0], above, self.has(INCLUSIVE))

    @property
    def yes_no(self) -> bool:
        """The question wants a yes or a no ("did ...", "was ...", "is ...")."""
        return self.first_word in YES_NO_OPENERS

    def ward_answer(self, contest: ContestResult) -> WardAnswer:
        others = tuple(
            r.election_id
            for r in self.store.ward_refs(normalize(contest.ward))
            if r.election_id != self.election.id
        )
        return compose.ward_answer(self.store, self.election.id, contest, others)

    def candidate_answer(self, ref: CandidateRef) -> CandidateAnswer:
        record = self.store.candidate_record(
            normalize(ref.name), ref.election_id, compose.MAX_LISTED
        )
        answer = compose.candidate_answer(self.store, ref, record)
        assert answer is not None
        return answer

    def party_answer(self, party: Party) -> PartyAnswer:
        others = compose.others_than(self.store.party_elections(party.key), self.election.id)
        return compose.party_answer(self.store, self.election.id, party, others)

    def summary(self) -> SummaryAnswer:
        return compose.summary_answer(self.store, self.election.id)

    def party_of(self, key: str, display: str) -> str:
        return party_noun(self.store, key, display)


def headed(answer: A, headline: str) -> A:
    """The answer with its one-sentence reply to the question."""
    return answer.model_copy(update={"headline": headline})


Reply = Callable[[Ask], Answer]
