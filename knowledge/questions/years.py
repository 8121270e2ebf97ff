"""Several years named side by side ("who won Abbey in 2014 and 2016", "Labour seats in 2014 vs
2018"): the question is asked once per year and the answers are given in turn.

Read as one question, the years would be intersected as election names, leave no election, and
the reply would say one of them is not loaded when it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from knowledge.answers import Answer, ElectionRef, FactAnswer, NotFoundAnswer, SourcedAnswer
from knowledge.questions.phrasing import join
from knowledge.questions.spotting import Span, Spotted
from knowledge.questions.text import Token

JOINERS: Final = frozenset(
    {
        "and", "or", "in", "to", "vs", "versus", "v", "through", "till", "until", "then",
        "against", "compared", "with", "compare",
    }
)  # fmt: skip
"""Words that may stand between the years: anything else means they belong to different parts
of the question ("who won Abbey in 2014 and who won it in 2016" is left whole)."""

LEADERS: Final = frozenset({"in", "between", "from", "for", "both", "either"})
"""A word before the first year that goes with the list: "*between* 2014 and 2018"."""

MOST_YEARS: Final = 6
"""Years answered at most, so the reply stays a readable message; the rest are named."""

_YEAR: Final = re.compile(r"(?:the\s+)?((?:19|20)\d\d)", re.IGNORECASE)


def year_named(text: str) -> int | None:
    """The year an election's name is, when it is a year alone ("2014", "the 2014")."""
    match = _YEAR.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def one_question_per_year(spotted: Spotted) -> tuple[tuple[int, str], ...]:
    """Each year with the question asked about it alone, when the question names two or more
    different years side by side (a council may be named besides: "in Worthing in 2022 and
    2026", "Cambridge 2022 vs 2026"); else ()."""
    found = sorted(
        (year_at, span)
        for span in spotted.of("election")
        if (year_at := _year_of(span, spotted)) is not None
    )
    if len(found) < 2:
        return ()
    years = [year for (_, year), _ in found]
    if len(set(years)) < len(years):
        return ()
    tokens = spotted.tokens
    for (_, before), (_, after) in pairwise(found):
        if any(t.word not in JOINERS for t in tokens[before.end : after.start]):
            return ()
    first = found[0][0][0]
    led = first > 0 and tokens[first - 1].word in LEADERS
    start = tokens[first - 1 if led else first].start
    end = tokens[found[-1][1].end - 1].end
    text = spotted.text
    return tuple(
        (year, f"{text[:start]}{'in ' if led else ''}{year}{text[end:]}") for year in years
    )


def _year_of(span: Span, spotted: Spotted) -> tuple[int, int] | None:
    """(where the year starts, the year) of an election's name that is a year ("2022", "the
    2022") or ends with one after a council's name ("Cambridge 2022"), else None."""
    year = year_named(span.text)
    if year is not None:
        return span.start, year
    if span.end - span.start > 1:
        year = year_named(spotted.tokens[span.end - 1].word)
        if year is not None:
            return span.end - 1, year
    return None


def year_by_year(answers: Sequence[tuple[int, Answer]]) -> Answer:
    """One reply from the answers for each year: each year's headline in turn, citing every
    election answered from. When no year could be answered, the first reason (an ambiguous
    name needs choosing before anything else)."""
    shown = answers[:MOST_YEARS]
    left = [str(year) for year, _ in answers[MOST_YEARS:]]
    headline = " ".join(f"In {year}: {a.headline or 'no answer.'}" for year, a in shown)
    if left:
        headline += f" Ask about {join(left)} on their own."
    by_year = [(year, a.election if isinstance(a, SourcedAnswer) else None) for year, a in shown]
    sourced = [(year, ref) for year, ref in by_year if ref is not None]
    if not sourced:
        first = next((a for _, a in shown if not isinstance(a, NotFoundAnswer)), shown[0][1])
        if isinstance(first, NotFoundAnswer) and len({a.headline for _, a in shown}) > 1:
            return first.model_copy(update={"headline": headline})
        return first
    refs: list[ElectionRef] = []
    for _, ref in sorted(sourced, key=lambda pair: pair[0], reverse=True):
        if ref not in refs:
            refs.append(ref)
    return FactAnswer(
        headline=headline,
        election=refs[0],
        other_elections=tuple(refs[1:]),
        title=f"Year by year: {join([str(year) for year, _ in shown])}",
        lines=tuple(
            f"{year}: from the {ref.title}" if ref else f"{year}: no election answered"
            for year, ref in by_year
        ),
    )


MONTHS: Final = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march",), ("april", "apr"), ("may",),
            ("june",), ("july",), ("august", "aug"), ("september", "sept"), ("october", "oct"),
            ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
"""Month names as questions write them ("in May", "the July by-election")."""


def month_named(tokens: tuple[Token, ...]) -> int | None:
    """The month a question names: "may" only after "in", "on" or "of" (never "may I ask")."""
    for n, token in enumerate(tokens):
        month = MONTHS.get(token.word)
        if month is None:
            continue
        if token.word == "may" and not (n and tokens[n - 1].word in ("in", "on", "of")):
            continue
        return month
    return None
