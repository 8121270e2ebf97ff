"""A candidate or a ward answered from an older election of their council (the newest one
they stood in, or it was contested in, when the question names none) says so: "was Gordon
Lishman re-elected?" must not read as news of the council's latest election, which he did not
stand in, nor "who won in Mill?" as Mill's result at the 2018 election, which has no Mill."""

from __future__ import annotations

from knowledge.answers import Answer, CandidateAnswer, WardAnswer
from knowledge.questions.phrasing import join
from knowledge.store import ResultsStore


def from_older_election(answer: Answer, store: ResultsStore) -> Answer:
    """The candidate answer with the election it is from named, when the council has a newer
    whole-council election (read from the catalog: no election is built to say so); the ward
    answer with the council's newest election named, which has no contest there ("who won in
    Mill?" answered from a 2016 by-election: Mill may be abolished, or not up in 2018)."""
    if not isinstance(answer, CandidateAnswer | WardAnswer) or not answer.headline:
        return answer
    info = store.info(answer.election.id)
    if info is None:
        return answer
    ids = store.ids_of_council(info.council_key)
    later = ids[ids.index(info.id) + 1 :] if info.id in ids else ()
    newer = [e for i in later if (e := store.info(i)) is not None and e.kind == "council"]
    if not newer:
        return answer
    if isinstance(answer, WardAnswer):
        note = (
            f" That was the {info.title}: {answer.ward} has no contest in the council's newest "
            f"loaded election, the {newer[-1].title}."
        )
    else:
        note = f" That was the {info.title}; the council's newest is the {newer[-1].title}."
    return answer.model_copy(update={"headline": f"{answer.headline}{note}"})


def from_by_election(answer: Answer, store: ResultsStore) -> Answer:
    """A ward answer taken from a by-election the question did not ask for ("brockley
    result?" with Brockley's 2023 by-election newer than the 2022 election): says it was the
    by-election, and who the ward elected at the council's latest ordinary election."""
    if not isinstance(answer, WardAnswer) or not answer.headline:
        return answer
    info = store.info(answer.election.id)
    if info is None or info.kind != "by-election":
        return answer
    note = f" That was the {info.title}"
    ordinary = store.council_contests(info.id, answer.ward, lambda e: e.kind == "council")
    for other, contest in ordinary:
        if contest.declared and contest.elected:
            won = join([f"{s.name} ({s.party.display})" for s in contest.elected])
            note += f"; at the {other.title} {answer.ward} elected {won}"
            break
    return answer.model_copy(update={"headline": f"{answer.headline}{note}."})
