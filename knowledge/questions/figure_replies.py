"""A ward's own figures beyond the votes: its electorate and its rejected ballots.

Documents give these only sometimes (`- Registered electors: 9,531`, `- Rejected ballots: 12`);
when the figure is missing the reply says so and lists the figures the document does give for
that ward, rather than answering something else.
"""

from __future__ import annotations

from knowledge.answers import Answer
from knowledge.facts import ContestResult
from knowledge.questions.context import Ask, headed
from knowledge.questions.phrasing import join, num, pct
from knowledge.questions.registry import reply


def figures_given(contest: ContestResult) -> list[str]:
    """The figures the document gives for this ward, in words ("votes cast (8,254)")."""
    given = [f"votes cast ({num(contest.total_votes)})"]
    if contest.turnout is not None:
        given.append(f"turnout ({num(contest.turnout)})")
    elif contest.turnout_percent is not None:
        given.append(f"turnout ({pct(contest.turnout_percent)})")
    if contest.electorate is not None:
        given.append(f"the electorate ({num(contest.electorate)})")
    if contest.rejected is not None:
        given.append(f"rejected ballots ({num(contest.rejected)})")
    if contest.stated_majority is not None:
        given.append(f"the majority ({num(contest.stated_majority)})")
    return given


def _missing(contest: ContestResult, what: str) -> str:
    return (
        f"The document doesn't give {what} for {contest.ward}; "
        f"it gives {join(figures_given(contest))}."
    )


@reply("ward.electorate")
def _electorate(ask: Ask) -> Answer:
    contest = ask.wards[0]
    if contest.electorate is None:
        return headed(ask.ward_answer(contest), _missing(contest, "the electorate"))
    text = f"{contest.ward} had {num(contest.electorate)} registered electors"
    if contest.turnout is not None:
        share = 100 * contest.turnout / contest.electorate
        text += f", of whom {num(contest.turnout)} voted ({pct(share)})"
    return headed(ask.ward_answer(contest), text + ".")


@reply("ward.rejected")
def _rejected(ask: Ask) -> Answer:
    contest = ask.wards[0]
    if contest.rejected is None:
        return headed(ask.ward_answer(contest), _missing(contest, "rejected ballots"))
    text = f"{num(contest.rejected)} ballots were rejected in {contest.ward}"
    if contest.turnout is not None:
        text += f" (turnout {num(contest.turnout)})"
    return headed(ask.ward_answer(contest), text + ".")
