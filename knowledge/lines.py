"""How one line of an election document reads: a candidate, a contest line, a vote count.

Pure functions over single lines, used by `knowledge.parser`, which keeps the document's state
(sections, the open contest) and its errors.
"""

from __future__ import annotations

import re

from knowledge.values import parse_number

_SEATS = re.compile(
    r"^(?P<name>.*?)\s*\((?P<seats>\d{1,4})"
    r"(?:\s*(?:seats?|councillors?|members?|vacanc(?:y|ies)))?\)\s*$",
    re.IGNORECASE,
)
_UNOPPOSED = {"", "unopposed", "elected unopposed", "uncontested", "n/a", "—", "–", "-"}
_VOTES_WITH_TAIL = re.compile(
    # `1,234 (45.6%) +2.3`, `1,234 45.6%`: the count, then a share and/or a change
    r"^(?P<votes>\d{1,3}(?:,\d{3})+|\d+)\s*(?:\([^()]*\))?\s*"
    r"(?:[+\-−–]\d+(?:\.\d+)?\s*%?|\d+\.\d+\s*%?|\d+\s*%)?\s*$"
)
_QUALIFIER = re.compile(r"^(?:uk|politician|england|scotland|wales|[\d, ]+)$", re.IGNORECASE)
IGNORED_FACTS = re.compile(
    r"^(?:swing|rejected|spoilt|spoiled|invalid|blank|total|valid|ballot|votes cast|postal)",
    re.IGNORECASE,
)
ELECTORATE_KEYS = ("registered electors", "electorate", "registered voters", "eligible electors")
LOT_KEYS = ("elected by lot", "won by lot", "drawing of lots", "elected by drawing lots")
"""`- Elected by lot: Jo Bloggs`: who won a tie for the last seat by lot (the document says)."""
_FACT_KEYS = frozenset(("majority", "turnout", "swing", *ELECTORATE_KEYS, *LOT_KEYS))
VOTES_WORD = re.compile(r"\s*votes?\b.*$", re.IGNORECASE)
TRAILING_GROUP = re.compile(r"\s*\(.*\)\s*$")
BY_ELECTION = re.compile(r"\bby[- ]?elections?\b", re.IGNORECASE)


def split_candidate(text: str) -> tuple[str, str, str] | None:
    """`Name (Party (UK)): 1,234 votes` -> (name, party, votes text), parentheses balanced.

    The party is the balanced parenthesised group that ends just before the colon, so names
    and party names may themselves contain parentheses.
    """
    colon = text.rfind("):")
    while colon != -1:
        depth = 0
        for i in range(colon, -1, -1):
            ch = text[i]
            if ch == ")":
                depth += 1
            elif ch == "(":
                depth -= 1
                if depth == 0:
                    name = text[:i].strip()
                    party = text[i + 1 : colon].strip()
                    if name and party:
                        return name, party, text[colon + 2 :].strip()
                    break
        colon = text.rfind("):", 0, colon)
    return None


def ward_and_seats(text: str) -> tuple[str, int, bool]:
    """`Abbey (3)` or `Abbey (3 seats)` -> ("Abbey", 3, True); `Abbey` -> ("Abbey", 1, False).

    A by-election heading names its ward: `Littleover by-election, 5 May 2005` -> "Littleover".
    """
    text = " ".join(text.strip("* ").split()) or " ".join(text.split())
    if (by := BY_ELECTION.search(text)) and (ward := text[: by.start()].strip(" ,-–—:")):
        text = ward
    if match := _SEATS.match(text):
        seats = int(match["seats"])
        return match["name"].strip() or text, max(seats, 1), True
    return text, 1, False


def read_votes(text: str) -> int | None:
    """A candidate's count as written: `1,234 votes`, `1234`, `1,234 (45.6%) +2.3` -> 1234.

    None when no count is given (`Unopposed`, blank); raises ValueError for anything else.
    """
    cleaned = VOTES_WORD.sub("", text).strip()
    cleaned = TRAILING_GROUP.sub("", cleaned).strip()
    if cleaned.strip("'*_ ").lower() in _UNOPPOSED:  # also wiki italics: ''Unopposed''
        return None
    try:
        return parse_number(cleaned)
    except ValueError:
        match = _VOTES_WITH_TAIL.match(text.strip())
        if match is None:
            raise
        return parse_number(match["votes"])


def is_fact_key(key: str) -> bool:
    """A key of the lines after the candidates that this parser reads or knowingly skips."""
    lowered = " ".join(key.lower().split())
    return lowered in _FACT_KEYS or bool(IGNORED_FACTS.match(lowered))


def unmarked(name: str) -> str:
    """`Jo Bloggs*` (an incumbent's mark) and `**Jo Bloggs**` (bold) -> `Jo Bloggs`.

    Other asterisks are part of the name as written (`Under_score *Star*`).
    """
    if len(name) > 4 and name.startswith("**") and name.endswith("**") and name.count("*") == 4:
        return name[2:-2].strip() or name
    if name.endswith("*") and name.count("*") == 1:
        return name[:-1].rstrip() or name
    return name


def is_candidate_line(line: str) -> bool:
    """`- Name (Party): 1,234 votes` with a readable count (or none, when unopposed)."""
    if not line.startswith("-"):
        return False
    parts = split_candidate(line[1:].strip())
    if parts is None:
        return False
    try:
        read_votes(parts[2])
    except ValueError:
        return False
    return True


def bare_candidate(text: str) -> tuple[str, str, str] | None:
    """`Jim Mason (Independent (politician))`: a candidate line without `: votes` (unopposed).

    `Labour Party (UK)` alone is not one: `(UK)` qualifies a party, it does not name one.
    """
    if not text.endswith(")"):
        return None
    parts = split_candidate(text + ":")
    if parts is None or _QUALIFIER.match(parts[1]):
        return None
    return parts
