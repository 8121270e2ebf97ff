"""Answers that could be about another loaded council say which council they are about.

With several councils loaded, a question naming none is answered from the newest election (of
the one council whose ward it names, or of any council when it names no place), which may not
be the council the asker meant. A ward name several councils share ("Castle": Cambridge's and
Worthing's) is answered from one and names the others; a question about "the council" names
the election it was answered from when its headline doesn't. Either way someone who meant
another council is told at once instead of being handed the wrong result.
"""

from __future__ import annotations

from knowledge.answers import Answer
from knowledge.normalize import normalize
from knowledge.questions.context import Ask
from knowledge.questions.phrasing import join
from knowledge.store import ResultsStore


def with_other_councils(answer: Answer, ask: Ask, store: ResultsStore) -> Answer:
    """The answer, its headline saying which council it is about when the question chose no
    election and another loaded council could have been meant."""
    if ask.named or ask.candidates or not answer.headline or store.council_count < 2:
        return answer
    if answer.kind in ("elections", "help", "not_found", "ambiguous"):  # about no one council
        return answer
    if len(ask.wards) == 1:
        return _shared_ward(answer, ask, store)
    if ask.wards or ask.election.council in answer.headline:
        return answer
    note = f" (From the {ask.election.title}; name a council to ask about another.)"
    return answer.model_copy(update={"headline": f"{answer.headline}{note}"})


def _shared_ward(answer: Answer, ask: Ask, store: ResultsStore) -> Answer:
    """ "This is Worthing Borough Council's Castle; Cambridge City Council has a Castle ward
    too", when other councils have a ward of this name."""
    ward = ask.wards[0].ward
    here = ask.election.council_key
    name = _council_name(store, here)
    if name is None:  # a by-election of a council no loaded election names: can't tell
        return answer
    others: dict[str, str] = {}
    for ref in store.ward_refs(normalize(ward)):
        info = store.info(ref.election_id)
        if info is None or info.council_key == here or info.council_key in others:
            continue
        other = _council_name(store, info.council_key)
        if other is not None:
            others[info.council_key] = other
    if not others:
        return answer
    has = "has" if len(others) == 1 else "each have"
    note = (
        f" This is {name}'s {ward}; {join(sorted(others.values()))} {has} a {ward} ward too "
        "(name the council to ask about it)."
    )
    return answer.model_copy(update={"headline": f"{answer.headline}{note}"})


def _council_name(store: ResultsStore, key: str) -> str | None:
    """The council's name as its newest whole-council election gives it (a by-election's
    document may name only itself); None when no whole-council election of it is loaded."""
    for election_id in reversed(store.ids_of_council(key)):
        info = store.info(election_id)
        if info is not None and info.kind == "council":
            return info.council
    return None
