"""Answer -> (PNG bytes, alt text): the one place that picks the drawing for an answer kind.

Imported lazily by `bot.pictures` (it loads Pillow through the drawing modules).
"""

from __future__ import annotations

from bot.pictures import hemicycle, history_chart, party_chart, ward_chart
from knowledge.answers import PartyAnswer, SummaryAnswer, WardAnswer
from knowledge.history.answers import (
    CouncilHistoryAnswer,
    PartyHistoryAnswer,
    WardHistoryAnswer,
)

ALT_MAX = 1000
"""Discord's attachment description allows 1,024 characters."""


def render(answer: object) -> tuple[bytes, str]:
    if isinstance(answer, SummaryAnswer):
        png, alt = hemicycle.draw(answer), hemicycle.alt(answer)
    elif isinstance(answer, WardAnswer):
        png, alt = ward_chart.draw(answer), ward_chart.alt(answer)
    elif isinstance(answer, PartyAnswer):
        png, alt = party_chart.draw(answer), party_chart.alt(answer)
    elif isinstance(answer, WardHistoryAnswer | CouncilHistoryAnswer | PartyHistoryAnswer):
        png, alt = history_chart.draw(answer), history_chart.alt(answer)
    else:
        raise TypeError(f"no picture for {type(answer).__name__}")
    return png, alt if len(alt) <= ALT_MAX else alt[: ALT_MAX - 1].rstrip() + "…"
