"""Replies about one candidate: the CandidateAnswer with a headline answering the question
(did they win, how many votes, where, for which party, by how much)."""

from __future__ import annotations

from typing import Final

from knowledge.answers import Answer, CandidateAnswer
from knowledge.questions.context import Ask, headed
from knowledge.questions.cues import LAST_SEAT, LOSE, WIN_BY
from knowledge.questions.phrasing import NO_COUNTS, at_most, join, num, ordinal, pct, plural
from knowledge.questions.registry import reply
from knowledge.questions.ties import level_elsewhere, settled


def _answer(ask: Ask) -> CandidateAnswer:
    return ask.candidate_answer(ask.candidates[0])


def _elsewhere(ask: Ask, answer: CandidateAnswer) -> str:
    """`Lucy Care stood in Littleover, not Abbey; ` when the question named another ward."""
    asked = [c.ward for c in ask.wards if c.ward != answer.candidate.ward]
    if not asked:
        return ""
    return f"{answer.candidate.name} stood in {answer.candidate.ward}, not {asked[0]}; "


def _place(answer: CandidateAnswer) -> str:
    line = answer.candidate
    if line.position == 1:
        return "top of the poll"
    return f"{ordinal(line.position)} of {len(answer.result.candidates)}"


def outcome(answer: CandidateAnswer, where: bool = True) -> str:
    """`was elected in Littleover with 2,695 votes, top of the poll` (or why not)."""
    line = answer.candidate
    result = answer.result
    ward = f" in {line.ward}" if where else ""
    if result.unopposed:
        return f"was elected unopposed{ward}"
    if not result.declared:
        return f"is standing{ward}; the count is not declared yet"
    if not result.counted:  # winners named without counts
        verb = "was elected" if line.elected else "was not elected"
        return f"{verb}{ward} ({NO_COUNTS})"
    votes = plural(line.votes or 0, "vote")
    if line.by_lot:
        return f"was elected{ward} with {votes}: the tied last seat was decided by lot"
    if line.tied:
        others = [c.name for c in result.candidates if c.tied and c.name != line.name]
        return (
            f"tied with {join(others)} on {votes} for the last seat{ward}, "
            "so the result leaves that seat undecided"
        )
    if line.elected:
        return f"was elected{ward} with {votes}, {_place(answer)}"
    short = f", {plural(answer.margin, 'vote')} short of the last seat" if answer.margin else ""
    return f"was not elected{ward}: {votes}, {_place(answer)}{short}"


def _verdict(ask: Ask, answer: CandidateAnswer) -> str:
    line = answer.candidate
    if line.tied:
        return "Not decided — "
    if not answer.result.declared:
        return "Not known yet — " if ask.yes_no else ""
    if not ask.yes_no:
        return ""
    won = line.elected
    if ask.has(LOSE):
        won = not won
    return "Yes — " if won else "No — "


@reply("candidate.elected", "candidate.result")
def _elected(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    elsewhere = _elsewhere(ask, answer)
    who = f"{elsewhere}{line.name} ({line.party})"
    verdict = _verdict(ask, answer)
    if elsewhere and verdict:  # "did Lucy Care win in Abbey?": not there, whatever she did
        verdict = "No — "
    text = f"{verdict}{who} {outcome(answer)}."
    result = answer.result
    if ask.has(_WHO_DID) and ask.has(_BEAT) and result.declared:
        # "who did Lucy Care beat": the unsuccessful candidates with fewer votes
        behind = [
            f"{c.name} ({c.party}, {num(c.votes or 0)})"
            for c in result.candidates
            if not c.elected and c.name != line.name and (c.votes or 0) < (line.votes or 0)
        ]
        shown = at_most(behind, _BEHIND_NAMED)
        text += f" {line.name} finished ahead of {join(shown) or 'no other candidate'}."
    elif not line.elected and not line.tied and result.declared:
        # "who beat Sue Graham", "did Shirley Slater hold her seat": the ward's winners, whom
        # the result alone leaves unnamed
        winners = [
            f"{c.name} ({c.party}" + (f", {num(c.votes)})" if c.votes is not None else ")")
            for c in result.candidates
            if c.elected
        ]
        if winners:
            text += f" {line.ward} was won by {join(winners)}."
    return headed(answer, text)


_WHO_DID: Final = ("who did", "whom did", "who has", "who did they")
_BEAT: Final = ("beat", "defeat", "defeated", "beaten", "finish ahead of", "finished ahead of")
_BEHIND_NAMED = 6


@reply("candidate.votes")
def _votes(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    if line.votes is None:
        return _elected(ask)
    status = (
        "was elected"
        if line.elected
        else ("tied for the last seat" if line.tied else "was not elected")
    )
    text = (
        f"{_elsewhere(ask, answer)}{line.name} ({line.party}) got {plural(line.votes, 'vote')} "
        f"in {line.ward} ({pct(line.share)} of the votes cast) and {status}, {_place(answer)}."
    )
    return headed(answer, text)


@reply("candidate.share")
def _share(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    if line.share is None:
        return _elected(ask)
    rule = f"; each voter could cast up to {answer.seats} votes" if answer.seats > 1 else ""
    text = (
        f"{_elsewhere(ask, answer)}{line.name} ({line.party}) got {pct(line.share)} of the votes "
        f"cast in {line.ward} ({plural(line.votes or 0, 'vote')}{rule})."
    )
    return headed(answer, text)


@reply("candidate.position")
def _position(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    status = (
        "elected" if line.elected else ("tied for the last seat" if line.tied else "not elected")
    )
    text = (
        f"{_elsewhere(ask, answer)}{line.name} ({line.party}) finished {ordinal(line.position)} "
        f"of {len(answer.result.candidates)} in {line.ward} with "
        f"{plural(line.votes or 0, 'vote')} and was {status}."
    )
    if line.tied:
        text = text.replace("and was tied", "and tied")
    return headed(answer, text)


@reply("candidate.margin")
def _margin(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    result = answer.result
    if result.unopposed or answer.margin is None:
        return headed(
            answer, f"{line.name} ({line.party}) {outcome(answer)}, so there was no margin."
        )
    if line.tied:
        return headed(answer, f"{line.name} ({line.party}) {outcome(answer)}.")
    losers = [c for c in result.candidates if not c.elected and not c.tied]
    winners = [c for c in result.candidates if c.elected]
    if line.elected and losers:
        rival = losers[0]
        text = (
            f"{line.name} ({line.party}) was elected in {line.ward} by "
            f"{plural(answer.margin, 'vote')} over the first unsuccessful candidate, "
            f"{rival.name} ({rival.party}, {num(rival.votes or 0)})."
        )
    else:
        rival = winners[-1]
        text = (
            f"{line.name} ({line.party}) was not elected in {line.ward}: "
            f"{plural(answer.margin, 'vote')} short of the last winner, "
            f"{rival.name} ({rival.party}, {num(rival.votes or 0)})."
        )
    return headed(answer, _elsewhere(ask, answer) + text)


@reply("candidate.party")
def _party(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    noun = ask.party_of(line.party_key, line.party)
    return headed(answer, f"{line.name} stood for {noun} and {outcome(answer)}.")


@reply("candidate.ward")
def _ward(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    elsewhere = [f"{c.ward} ({c.election.title})" for c in answer.elsewhere]
    also = f"; also stood in {join(elsewhere)}" if elsewhere else ""
    text = f"{line.name} ({line.party}) stood in {line.ward} and {outcome(answer, False)}{also}."
    return headed(answer, text)


@reply("candidate.top")
def _top(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    topped = line.position == 1 and line.votes is not None
    verdict = ("Yes — " if topped else "No — ") if ask.yes_no else ""
    if topped:
        votes = plural(line.votes or 0, "vote")
        text = f"{line.name} ({line.party}) topped the poll in {line.ward} with {votes}."
    else:
        top = answer.result.candidates[0]
        text = (
            f"{line.name} ({line.party}) came {ordinal(line.position)} in {line.ward}; "
            f"{top.name} ({top.party}) topped the poll with {num(top.votes or 0)}."
        )
    return headed(answer, verdict + text)


@reply("candidate.is_party")
def _is_party(ask: Ask) -> Answer:
    """ "Is Pauline Latham a Tory?" (yes or no) or "Is Hilary Jones Labour or Lib Dem?"."""
    answer = _answer(ask)
    line = answer.candidate
    noun = ask.party_of(line.party_key, line.party)
    text = f"{line.name} stood for {noun} and {outcome(answer)}."
    asked = {p.key for p in ask.parties}
    if ask.yes_no and len(asked) == 1:
        text = ("Yes — " if line.party_key in asked else "No — ") + text
    return headed(answer, text)


@reply("candidate.threshold")
def _threshold(ask: Ask) -> Answer:
    """ "Did Lucy Care get more than 2,000 votes?"."""
    answer = _answer(ask)
    line = answer.candidate
    bar = ask.bar()
    if bar is None or line.votes is None:
        return _votes(ask)
    if ask.has(WIN_BY) and answer.margin is not None and line.elected and not line.tied:
        passes = bar.passes(answer.margin)  # "did Lucy Care win by more than 1,000 votes"
        verdict = ("Yes — " if passes else "No — ") if ask.yes_no else ""
        text = (
            f"{verdict}{line.name} ({line.party}) was elected in {line.ward} by "
            f"{plural(answer.margin, 'vote')} over the first unsuccessful candidate, "
            f"{'' if passes else 'not '}{bar.words}."
        )
        return headed(answer, text)
    passes = bar.passes(line.votes)
    verdict = ("Yes — " if passes else "No — ") if ask.yes_no else ""
    text = (
        f"{verdict}{line.name} ({line.party}) got {plural(line.votes, 'vote')} in {line.ward}, "
        f"{'' if passes else 'not '}{bar.words}."
    )
    return headed(answer, text)


@reply("candidate.tie")
def _tie(ask: Ask) -> Answer:
    answer = _answer(ask)
    line = answer.candidate
    ref = ask.candidates[0]
    contest = ask.store.facts(ref.election_id).contest(ref.ward)
    level = (
        next((g for g in level_elsewhere(contest) if any(s.name == ref.name for s in g)), None)
        if contest is not None and not ask.has(LAST_SEAT)
        else None
    )
    if level is not None and not line.tied:
        others = join([s.name for s in level if s.name != ref.name])
        return headed(
            answer,
            f"Yes — {ref.name} was level with {others} on {num(level[0].votes or 0)} votes "
            f"in {ref.ward} ({settled(level)}).",
        )
    verdict = "Yes — " if line.tied else ("No — " if ask.yes_no else "")
    return headed(answer, f"{verdict}{line.name} ({line.party}) {outcome(answer)}.")
