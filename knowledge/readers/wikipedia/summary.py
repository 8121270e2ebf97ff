"""`{{Election summary party}}` rows: the article's stated totals, checked against the wards.

A mismatch between a party's stated votes or seats and what its candidates add up to is a data
warning (as the infobox's figures are checked in `knowledge.facts`), never a correction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from knowledge.models import Contest, InfoboxParty, ParseWarning
from knowledge.normalize import normalize
from knowledge.readers.wikipedia.markup import (
    link_target,
    number,
    params,
    pick,
    plain,
    template_name,
)
from knowledge.readers.wikipedia.tree import Template


def is_summary_row(template: Template) -> bool:
    name = template_name(template)
    return name.startswith("election summary") and name.endswith(" party")


@dataclass(frozen=True)
class SummaryRow:
    party: str
    seats: int | None
    votes: int | None
    line: int


def read_row(template: Template, line: int) -> SummaryRow | None:
    found = params(template)
    party = link_target(pick(found, "party"))
    if not party:
        return None
    return SummaryRow(
        party=party,
        seats=number(plain(pick(found, "seats"))),
        votes=number(plain(pick(found, "votes"))),
        line=line,
    )


def as_parties(rows: list[SummaryRow]) -> tuple[InfoboxParty, ...]:
    """Summary rows as infobox rows, for an article that has no infobox of its own."""
    return tuple(
        InfoboxParty(slot=i, name=row.party, seats=row.seats, popular_vote=row.votes)
        for i, row in enumerate(rows, start=1)
    )


def cross_check(rows: list[SummaryRow], contests: list[Contest], file: str) -> list[ParseWarning]:
    """Warnings where the summary's figures differ from the ward results' sums."""
    if not rows or not contests or not all(c.declared for c in contests):
        return []
    votes: Counter[str] = Counter()
    seats: Counter[str] = Counter()
    for contest in contests:
        ordered = sorted(contest.candidates, key=lambda c: -(c.votes or 0))
        marked = any(c.elected for c in contest.candidates)
        winners = (
            [c for c in contest.candidates if c.elected] if marked else ordered[: contest.seats]
        )
        for candidacy in contest.candidates:
            votes[normalize(candidacy.party)] += candidacy.votes or 0
        for candidacy in winners:
            seats[normalize(candidacy.party)] += 1
    warnings = []
    for row in rows:
        key = normalize(row.party)
        if key not in votes:
            continue  # named differently in the boxes: the party book settles that later
        if row.votes is not None and row.votes != votes[key]:
            warnings.append(
                ParseWarning(
                    file=file,
                    line=row.line,
                    message=f"the results summary gives {row.party} {row.votes:,} votes; "
                    f"the ward results add up to {votes[key]:,}",
                )
            )
        if row.seats is not None and row.seats != seats[key]:
            warnings.append(
                ParseWarning(
                    file=file,
                    line=row.line,
                    message=f"the results summary gives {row.party} {row.seats} seats; "
                    f"the ward results give {seats[key]}",
                )
            )
    return warnings
