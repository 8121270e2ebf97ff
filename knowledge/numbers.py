"""Numbers as people read them: thousands separators, percentages, signed changes.

Shared by every renderer so the terminal, embeds and pictures print the same figures.
"""

from __future__ import annotations

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
"""Small numbers as words ("three seats", "split three ways")."""


def votes(count: int | None) -> str:
    """1234 -> "1,234"; None (no count given, e.g. unopposed) -> "—"."""
    return "—" if count is None else f"{count:,}"


def percent(value: float | None, places: int = 1) -> str:
    """38.04 -> "38.0%"; None -> "—"."""
    return "—" if value is None else f"{value:.{places}f}%"


def signed(change: int | None) -> str:
    """+3, −2 (a real minus sign), 0; None -> "n/a"."""
    if change is None:
        return "n/a"
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"−{-change}"
    return "0"


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """1 seat, 2 seats."""
    word = noun if count == 1 else (plural_form or noun + "s")
    return f"{count:,} {word}"


def ordinal(n: int) -> str:
    """1 -> 1st, 2 -> 2nd, 11 -> 11th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
