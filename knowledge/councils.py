"""A council recognised across documents and formats.

A Wikipedia article says "Derby City Council", a `.txt` document "2002 Derby City Council
election", Democracy Club `local.derby.2022-05-05`: all three are the council `derby`. History
across elections (a ward followed through the years) needs that one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.normalize import normalize

_PREFIXES = (
    "the ",
    "royal borough of ",
    "london borough of ",
    "metropolitan borough of ",
    "city and county of ",
    "county borough of ",
    "borough of ",
    "city of ",
    "county of ",
    "district of ",
)
_SUFFIXES = (
    "metropolitan borough council",
    "london borough council",
    "royal borough council",
    "county borough council",
    "city and district council",
    "unitary authority",
    "borough council",
    "district council",
    "county council",
    "city council",
    "town council",
    "parish council",
    "council",
    "by elections",
    "by election",
    "local elections",
    "local election",
    "elections",
    "election",
)
_DEMOCRACY_CLUB_ID = re.compile(r"^local\.([a-z0-9-]+)\.")
_SEAT_ON = re.compile(r"\bseats?\s+on\s+(?:the\s+)?(?P<council>.+?)\s*$", re.IGNORECASE)


def stated_council(seats_for_election: str | None) -> str | None:
    """`1 seat on Derby City Council` (a by-election's infobox) -> `Derby City Council`."""
    match = _SEAT_ON.search(seats_for_election or "")
    return match["council"] if match else None


@lru_cache(maxsize=4096)
def council_key(name: str) -> str:
    """`Derby City Council`, `City of Derby`, `local.derby.2022-05-05` -> `derby`."""
    if match := _DEMOCRACY_CLUB_ID.match(name.strip().lower()):
        return normalize(match[1].replace("-", " "))
    key = normalize(name)
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
        for suffix in _SUFFIXES:
            if key.endswith(" " + suffix):
                key, changed = key[: -len(suffix) - 1], True
    return key
