"""Candidates level on votes anywhere in a ward, not only at the last seat.

Two winners on equal votes are a tie too, though nobody lost by it; a tie for the last seat
(which leaves it undecided) is the one that matters to the result. Questions that name the last
seat ("a tie for the last seat") ask only about that one.
"""

from __future__ import annotations

from itertools import groupby

from knowledge.facts import ContestResult, Standing
from knowledge.questions.phrasing import join, num


def level_groups(contest: ContestResult) -> list[tuple[Standing, ...]]:
    """Groups of two or more candidates with the same votes, most votes first."""
    if contest.unopposed:
        return []
    polled = sorted((s for s in contest.standings if s.votes is not None), key=_votes)
    groups = [tuple(g) for _, g in groupby(polled, key=_votes)]
    return [g for g in groups if len(g) > 1]


def level_elsewhere(contest: ContestResult) -> list[tuple[Standing, ...]]:
    """Level groups other than a tie for the last seat (undecided, or decided by lot), which
    the replies report on their own."""
    return [g for g in level_groups(contest) if not any(s.tied or s.by_lot for s in g)]


def _votes(standing: Standing) -> int:
    return -(standing.votes or 0)


def describe(group: tuple[Standing, ...], verb: str = "on") -> str:
    """ "Hilary Jones and Margaret Hird on 2,953 votes (both elected)"; `verb` may be
    "were level on"."""
    names = join([s.name for s in group])
    return f"{names} {verb} {num(group[0].votes or 0)} votes ({settled(group)})"


def settled(group: tuple[Standing, ...]) -> str:
    if any(s.tied for s in group):
        return "for the last seat, which is undecided"
    if any(s.by_lot for s in group):
        return "for the last seat, decided by lot"
    elected = [s.elected for s in group]
    if all(elected):
        return "both elected" if len(group) == 2 else "all elected"
    if not any(elected):
        return "neither elected" if len(group) == 2 else "none elected"
    return "one elected"


def drawn(contest: ContestResult) -> str:
    """`tied on 512 votes between Kwame Hammond and Sandra Pemberton`: the candidates level on
    the last seat's votes, of a tie the source says was decided by lot."""
    votes = contest.standings[contest.seats - 1].votes
    level = [s.name for s in contest.standings if s.votes == votes]
    return f"tied on {num(votes or 0)} votes between {join(level)}"
