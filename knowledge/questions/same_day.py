"""A ward with two contests on one polling day: its ordinary election and a by-election for
another of its seats (Redditch's Abbey, 3 May 2018). An answer about one says who won the
other, so "who won Abbey in 2018" does not leave out half of what happened there that day."""

from __future__ import annotations

from knowledge.answers import Answer, WardAnswer
from knowledge.questions.context import headed
from knowledge.questions.phrasing import join, num
from knowledge.store import ResultsStore


def with_same_day(answer: Answer, store: ResultsStore) -> Answer:
    """The ward answer with the same day's other contest of the ward named, when there is one."""
    if not isinstance(answer, WardAnswer) or not answer.headline:
        return answer
    info = store.info(answer.election.id)
    if info is None or info.date is None:
        return answer
    notes = []
    same_day = store.council_contests(info.id, answer.ward, lambda e: e.date == info.date)
    for other, contest in same_day:
        if not contest.declared:
            continue
        won = join(
            [
                f"{s.name} ({s.party.display}" + (f", {num(s.votes)})" if s.votes else ")")
                for s in contest.elected
            ]
        )
        if won:
            which = "by-election" if other.kind == "by-election" else "ordinary election"
            notes.append(f"{answer.ward}'s {which} elected {won}")
    if not notes:
        return answer
    day = f"{info.date.day} {info.date:%B %Y}"
    return headed(answer, f"{answer.headline} Also on {day}, {'; '.join(notes)}.")
