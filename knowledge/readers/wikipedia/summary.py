"""`{{Election summary party}}` rows and results-summary tables: the article's stated totals.

They become `Election.stated_totals` (or the party rows, where the article has no infobox), and
`knowledge.facts` checks them against the wards' sums with the party book: a mismatch is a
data warning, never a correction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.models import InfoboxParty
from knowledge.readers.wikipedia.markup import (
    link_target,
    number,
    params,
    pick,
    plain,
    template_name,
)
from knowledge.readers.wikipedia.tree import Tag, Template, tags

_NOT_A_PARTY = re.compile(r"^\s*(?:total|turnout|majority|electorate|rejected|spoilt)", re.I)
_SEATS_HEAD = re.compile(r"seats|elected|councillors|won")


def is_summary_row(template: Template) -> bool:
    name = template_name(template)
    return name.startswith("election summary") and name.endswith(
        (" party", " party with candidates")
    )


@dataclass(frozen=True)
class SummaryRow:
    party: str
    seats: int | None
    votes: int | None
    line: int
    seats_after: int | None = None
    """The whole council after the election, where a summary table gives it (thirds)."""


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


def read_table(table: Tag) -> list[SummaryRow]:
    """A results-summary wikitable: one row a party (`Party | Elected | ... | Votes | %`).

    Columns are told apart by what they hold, not by position (rowspan and colspan vary):
    the party is the first cell with words, the seats the first whole number after it, the
    votes the last; `{{Infobox political party/seats|18|45}}` is the full council after.
    """
    if table.contents is None:
        return []
    skip = 1 if _candidates_first(table) else 0
    rows = []
    for row in tags(table.contents, "tr"):
        cells = [c for c in row.contents or [] if isinstance(c, Tag) and c.tag == "td"]
        party = ""
        figures: list[int] = []
        after: int | None = None
        for cell in cells:
            contents = cell.contents or []
            text = plain(contents)
            if not party:
                if re.search(r"[^\W\d_]", text):
                    party = link_target(contents)
                continue
            if "%" not in text and (figure := number(text)) is not None:
                figures.append(figure)
            for node in contents:
                if isinstance(node, Template) and template_name(node).startswith(
                    "infobox political party/seats"
                ):
                    after = number(plain(pick(params(node), "1")))
        if not party or len(figures) <= skip or _NOT_A_PARTY.match(party):
            continue
        votes = figures[-1] if len(figures) > skip + 1 else None
        rows.append(SummaryRow(party, figures[skip], votes, row.line, seats_after=after))
    return rows


def _candidates_first(table: Tag) -> bool:
    """The header has a Candidates column before the Seats one (`Party | Candidates | Seats |
    Gains | ...`, as county summaries have): the first figure of a row is not its seats. (The
    header cells may sit in no row: a table's first row needs no `|-`.)"""
    heads = [plain(c.contents or []).lower() for c in tags(table.contents or [], "th")]
    seats = next((n for n, h in enumerate(heads) if _SEATS_HEAD.search(h)), None)
    return seats is not None and any("candidates" in h for h in heads[:seats])


def is_summary_table(table: Tag) -> bool:
    """A table whose header names parties, seats and votes."""
    if table.contents is None:
        return False
    heads = " ".join(plain(c.contents) for c in tags(table.contents, "th")).lower()
    return "party" in heads and "votes" in heads and bool(_SEATS_HEAD.search(heads))


def as_parties(rows: list[SummaryRow]) -> tuple[InfoboxParty, ...]:
    """Summary rows as infobox rows, for an article that has no infobox of its own."""
    return tuple(
        InfoboxParty(
            slot=i,
            name=row.party,
            seats=row.seats,
            seats_after=row.seats_after,
            popular_vote=row.votes,
        )
        for i, row in enumerate(rows, start=1)
    )
