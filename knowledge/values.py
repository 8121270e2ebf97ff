"""Figures and names as editors write them in election documents: counts, changes, shares,
dates, and the short ids users type for an election.

Pure functions, shared by the parser; each raises ValueError (or returns None for a blank) so
the parser can turn a bad figure into a warning or a `ParseError` with its line.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_INTEGER = re.compile(r"[+-]?\d+")
_LEADING_NUMBER = re.compile(
    r"^\s*(?P<sign>[+\-−–]?)\s*(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?!\d|[.,]\d)"
)
_LEADING_FLOAT = re.compile(r"^\s*(?P<number>[+\-−–]?\s*\d+(?:\.\d+)?)(?![\d.])")
_NOTHING = {"", "n/a", "na", "—", "–", "-", "?", "tbc", "none", "nil"}
_STEADY = re.compile(r"^\s*(?:steady|no change|unchanged|nc|±\s*0|=)\s*$", re.IGNORECASE)
_CHANGE_WORD = re.compile(
    r"^\s*(?P<word>increase|decrease|gain|loss|up|down|▲|▼|↑|↓)\s*(?P<rest>.*)$", re.IGNORECASE
)
_DATE_IN_TEXT = re.compile(
    r"\b(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})\b"
)
_COUNCIL_SUFFIXES = (
    "metropolitan borough council",
    "london borough council",
    "royal borough council",
    "city and district council",
    "borough council",
    "district council",
    "county council",
    "city council",
    "town council",
    "council",
)
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%Y-%m-%d", "%d/%m/%Y")


MAX_COUNT = 10**9
"""No count in an election (votes, electors, seats) comes near this; a larger figure is a typo
or damage, and would not fit the compiled store's 64-bit integers either."""


def parse_number(text: str) -> int:
    """`1,234` -> 1234; `−2` (Unicode minus) -> -2. Raises ValueError for anything else,
    including figures beyond any real count (MAX_COUNT)."""
    cleaned = text.strip().replace("−", "-").replace("–", "-").replace(",", "").replace(" ", "")
    if not _INTEGER.fullmatch(cleaned) or len(cleaned) > 12 or abs(int(cleaned)) > MAX_COUNT:
        raise ValueError(text)
    return int(cleaned)


def parse_percent(text: str) -> float:
    cleaned = text.strip().rstrip("%").strip().replace("−", "-").replace("–", "-")
    return float(cleaned)


def parse_count(text: str) -> int | None:
    """An infobox count as editors write it: `29`, `58,230`, `8 seats, 44.0%` -> 8; blank -> None.

    Raises ValueError when the value does not start with a number.
    """
    if text.strip().lower() in _NOTHING:
        return None
    match = _LEADING_NUMBER.match(text)
    if not match:
        raise ValueError(text)
    return parse_number(match["sign"] + match["digits"])


def parse_change(text: str) -> int | None:
    """A seat change: `+3`, `−2`, `Increase 2`, `Decrease 2`, `Steady` -> 3, -2, 2, -2, 0."""
    if _STEADY.match(text):
        return 0
    if word := _CHANGE_WORD.match(text):
        figure = parse_count(word["rest"])
        if figure is None:
            raise ValueError(text)
        negative = word["word"].lower() in ("decrease", "loss", "down", "▼", "↓")
        return -abs(figure) if negative else abs(figure)
    return parse_count(text)


def parse_share(text: str) -> float | None:
    """An infobox percentage: `38.0%`, `38.0`, `38.0% (Increase 2.1)` -> 38.0; blank -> None."""
    if text.strip().lower() in _NOTHING:
        return None
    match = _LEADING_FLOAT.match(text)
    if not match:
        raise ValueError(text)
    return parse_percent(match["number"].replace(" ", ""))


def parse_date(text: str) -> dt.date | None:
    """`2 May 2002`, `May 2, 2002`, `2002-05-02` ...; also the first such date inside `text`."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip())
    for candidate in (cleaned, *(m[1] for m in _DATE_IN_TEXT.finditer(cleaned))):
        candidate = " ".join(candidate.replace(",", ", ").split())
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    return None


def slugify(text: str) -> str:
    """`St. Mary's by-election` -> `st-marys-by-election` (apostrophes join, not split)."""
    text = re.sub(r"['’‘`´ʼ]", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def council_name(title: str) -> str:
    """`2002 Derby City Council election` -> `Derby City Council`.

    Older titles put the year last: `Sheffield City Council election, 2000` -> the same shape.
    """
    name = _YEAR.sub("", title, count=1).strip(" ,;:-–—")
    name = re.sub(r"\s+(local\s+)?elections?$", "", name, flags=re.IGNORECASE).strip(" ,;:-–—")
    return " ".join(name.split()) or title


def election_id(title: str, year: int | None) -> str:
    """A short name users can type: `derby-2002`, `littleover-by-election-2005`."""
    place = council_name(title)
    lowered = place.lower()
    for suffix in _COUNCIL_SUFFIXES:
        if lowered.endswith(" " + suffix) and len(lowered) > len(suffix) + 1:
            place = place[: -len(suffix) - 1]
            break
    slug = slugify(place) or "election"
    return f"{slug}-{year}" if year else slug


def date_in(text: str) -> dt.date | None:
    """The date in a heading such as `Abram by-election, 1 October 2009`, if it has one."""
    return parse_date(text) if _DATE_IN_TEXT.search(text) else None
