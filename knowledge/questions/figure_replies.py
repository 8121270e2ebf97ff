"""A ward's own figures beyond the votes, its electorate and its rejected ballots, and their
totals over the council where the document gives them.

Documents give these only sometimes (`- Registered electors: 9,531`, `- Rejected ballots: 12`);
when the figure is missing the reply says so and lists the figures the document does give for
that ward, rather than answering something else.
"""

from __future__ import annotations

from knowledge import compose
from knowledge.answers import Answer, FactAnswer
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


def _council_figure(ask: Ask, what: str, field: str) -> Answer:
    """A figure summed over the wards that give it; the wards that don't are counted, and
    with none at all the answer says which figures the document does give."""
    contests = [c for c in ask.facts.contests if not c.unopposed]
    given = [(c, value) for c in contests if (value := getattr(c, field)) is not None]
    lines = [f"{c.ward}: {num(value)}" for c, value in given]
    title = ask.election.title
    if not given:
        others = ["votes cast"]
        if any(c.turnout is not None or c.turnout_percent is not None for c in contests):
            others.append("turnout")
        if any(c.electorate is not None for c in contests):
            others.append("the electorate")
        if any(c.rejected is not None for c in contests):
            others.append("rejected ballots")
        headline = (
            f"The document doesn't give {what} for any ward of the {title}; it gives "
            f"{join(others)} ({num(ask.facts.total_votes)} votes cast)."
        )
    else:
        total = sum(value for _, value in given)
        headline = f"{num(total)} {what} in the {title}"
        if len(given) < len(contests):
            headline += (
                f", counting the {len(given)} of {len(contests)} contested wards the document "
                f"gives them for: {join(lines)}"
            )
        headline += "."
    return FactAnswer(
        headline=headline,
        election=compose.election_ref(ask.election),
        title=what.capitalize(),
        lines=tuple(lines),
    )


@reply("council.electorate")
def _council_electorate(ask: Ask) -> Answer:
    return _council_figure(ask, "registered electors", "electorate")


@reply("council.rejected")
def _council_rejected(ask: Ask) -> Answer:
    return _council_figure(ask, "rejected ballots", "rejected")
