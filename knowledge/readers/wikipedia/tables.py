"""Ward results written as plain wikitables (`Party | Candidate | Votes | %`), as older articles
and some Welsh ones set them out: read into the `OpenBox` an election box fills, so seats,
winners and the checks follow the same rules as for boxes.

A table is a contest when a header cell is "Candidate" (a summary's is "Candidates") and one
names votes. The ward is the table's caption or spanning first header (`Norton West (2
seats)`), else the section heading. Cells are told apart by what they hold, not by position
(colspans vary and are not kept): the header says whether the party or the candidate comes
first; the first whole number after the name is the votes. A winner is in bold or has
"Elected" in a later cell; rows starting Majority, Turnout, Rejected or Electorate give those
figures; a caption may give the electorate and turnout (`Electorate: 4612, Turnout: 30.81%`).
"""

from __future__ import annotations

import re
from typing import Final

from knowledge.readers.wikipedia.boxes import OpenBox
from knowledge.readers.wikipedia.markup import link_target, number, percent, plain
from knowledge.readers.wikipedia.tree import Node, Tag, tags

_WARD_HEAD: Final = re.compile(r"^\s*(?:electoral\s+)?(?:ward|division)s?\s*$", re.I)
_CANDIDATE_HEAD: Final = re.compile(r"^\s*(?:candidate|candidate name|name)\s*$", re.I)
_VOTES_HEAD: Final = re.compile(r"\bvotes?\b", re.I)
_COLUMN_HEAD: Final = re.compile(r"^\s*(?:party|candidate|votes?|%|notes?|elected|result)\b", re.I)
_WORDS: Final = re.compile(r"[^\W\d_]")
_ELECTED: Final = re.compile(r"^\s*(?:re-?)?elected\b", re.I)
_UNOPPOSED: Final = re.compile(r"\b(?:unopposed|uncontested)\b", re.I)
_FIGURES: Final = (
    ("majority", re.compile(r"^\s*majority\b", re.I)),
    ("turnout", re.compile(r"^\s*turnout\b", re.I)),
    ("rejected", re.compile(r"^\s*(?:rejected|spoilt|spoiled)\b", re.I)),
    ("electorate", re.compile(r"^\s*(?:electorate|registered electors)\b", re.I)),
)
_CAPTION_FIGURES: Final = re.compile(r"(electorate|turnout)\s*:?\s*([\d,.]+\s*%?)", re.I)


def is_contest_table(table: Tag) -> bool:
    """A header cell names the candidate (one person a row) and one the votes."""
    heads = _heads(table)
    return any(_CANDIDATE_HEAD.match(h) for h in heads) and any(
        _VOTES_HEAD.search(h) for h in heads
    )


def read_contest_tables(table: Tag, file: str, heading: str) -> list[OpenBox]:
    """The table's contests: one, or one a ward when its first column is the ward (`Ward |
    Party | Candidate | Votes | % | Elected`, the ward's cell spanning its candidates' rows:
    a row that starts with one more name than the others starts the next ward)."""
    heads = _heads(table)
    if not heads or not _WARD_HEAD.match(heads[0]):
        return [read_contest_table(table, file, heading)]
    party_first = _party_first(table)
    boxes: list[OpenBox] = []
    for node in table.contents or []:
        if not isinstance(node, Tag) or node.tag != "tr":
            continue
        cells = _cells(node)
        texts = [plain(cell.contents) for cell in cells]
        named = [
            n
            for n, text in enumerate(texts)
            if _WORDS.search(text) and not _ELECTED.match(text) and not _UNOPPOSED.search(text)
        ]
        if len(named) >= 3 or (named and not boxes):  # the ward, then party and candidate
            ward = cells[named[0]]
            boxes.append(
                OpenBox(file=file, line=ward.line, title=plain(ward.contents), heading=heading)
            )
            cells = cells[named[0] + 1 :]
        if boxes:
            _row(boxes[-1], cells, party_first)
    return boxes


def read_contest_table(table: Tag, file: str, heading: str) -> OpenBox:
    """The table's rows in a box titled by its caption (or by nothing: the heading then)."""
    box = OpenBox(file=file, line=table.line, title="", heading=heading)
    party_first = _party_first(table)
    for node in table.contents or []:
        if not isinstance(node, Tag):
            continue
        if node.tag in ("td", "th"):  # outside any row: a caption (`|+`) or a spanning header
            _caption(box, plain(node.contents).lstrip("+").strip())
        elif node.tag == "tr":
            _row(box, _cells(node), party_first)
    return box


def _caption(box: OpenBox, text: str) -> None:
    figures = _CAPTION_FIGURES.findall(text)
    if figures:
        for kind, value in figures:
            if kind.lower() == "electorate":
                box.electorate = number(value)
            else:
                box.turnout_percent = percent(value)
    elif text and not box.title and not _COLUMN_HEAD.match(text):
        box.title = text


def _party_first(table: Tag) -> bool:
    heads = [h.lower() for h in _heads(table)]
    party = next((n for n, h in enumerate(heads) if h.startswith("party")), None)
    person = next((n for n, h in enumerate(heads) if _CANDIDATE_HEAD.match(h)), None)
    return party is not None and person is not None and party < person


def _row(box: OpenBox, cells: list[Tag], party_first: bool) -> None:
    texts = [plain(cell.contents) for cell in cells]
    named = [n for n, text in enumerate(texts) if _WORDS.search(text)]
    if not named:
        return
    first = texts[named[0]]
    for kind, pattern in _FIGURES:
        if pattern.match(first):
            _figure_row(box, kind, texts[named[0] + 1 :])
            return
    if len(named) < 2 and not party_first:  # a name alone: its party left blank
        who, party = named[0], None
    elif len(named) < 2:
        return
    else:
        who, party = (named[1], named[0]) if party_first else (named[0], named[1])
    rest = texts[max(who, party or 0) + 1 :]
    votes = next((t for t in rest if _whole(t)), "")
    if not votes and any(_UNOPPOSED.search(t) for t in rest):
        votes = "Unopposed"
    elected = _bold(cells[who].contents) or any(_ELECTED.match(t) for t in rest)
    box.add_candidate(
        texts[who],
        link_target(cells[party].contents) if party is not None else "",
        votes,
        cells[who].line,
        winning=elected,
    )


def _cells(row: Tag) -> list[Tag]:
    """The row's own cells, empty ones too (their places tell the columns apart)."""
    return [c for c in row.contents or [] if isinstance(c, Tag) and c.tag == "td"]


def _figure_row(box: OpenBox, kind: str, texts: list[str]) -> None:
    whole = next((number(t) for t in texts if _whole(t)), None)
    share = next((percent(t) for t in texts if t.strip() and not _whole(t)), None)
    if kind == "majority":
        box.majority = whole
    elif kind == "turnout":
        box.turnout = whole
        box.turnout_percent = share if share is not None else box.turnout_percent
    elif kind == "rejected":
        box.rejected = whole
    else:
        box.electorate = whole


def _whole(text: str) -> bool:
    """A count (`1,234`), not a share (`56.9`, `26.51%`)."""
    return "." not in text and "%" not in text and number(text) is not None


def _bold(nodes: list[Node] | None) -> bool:
    return any(isinstance(n, Tag) and n.tag == "b" for n in nodes or [])


def _heads(table: Tag) -> list[str]:
    """The table's own header cells' text (not a nested table's)."""
    return [plain(cell.contents) for cell in tags(table.contents or [], "th", nested=False)]
