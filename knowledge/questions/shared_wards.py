"""A ward name several loaded councils share ("Castle": Cambridge's and Worthing's), asked about
without naming a council: the answer comes from the newest election that has it, and says which
council's ward that is and which other councils have one, so someone who meant the other is
told at once instead of being handed the wrong result."""

from __future__ import annotations

from knowledge.answers import Answer
from knowledge.normalize import normalize
from knowledge.questions.context import Ask
from knowledge.questions.phrasing import join
from knowledge.store import ResultsStore


def with_other_councils(answer: Answer, ask: Ask, store: ResultsStore) -> Answer:
    """The answer, its headline naming the other councils with a ward of this name (when the
    question chose no election, names one ward and no person)."""
    if ask.named or ask.candidates or len(ask.wards) != 1 or not answer.headline:
        return answer
    ward = ask.wards[0].ward
    here = ask.election.council_key
    others: dict[str, str] = {}
    for ref in store.ward_refs(normalize(ward)):
        info = store.info(ref.election_id)
        if info is not None and info.council_key != here:
            others.setdefault(info.council_key, info.council)
    if not others:
        return answer
    has = "has" if len(others) == 1 else "each have"
    note = (
        f" This is {ask.election.council}'s {ward}; {join(sorted(others.values()))} {has} a "
        f"{ward} ward too (name the council to ask about it)."
    )
    return answer.model_copy(update={"headline": answer.headline + note})
