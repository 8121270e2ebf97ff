"""A council or a ward through time: one stacked bar per election, in party colours.

Council: seats per party on the council after each election, with a dashed line at the
majority (when the council's size is known); a bar whose make-up is only partly known says so
under it. Ward: each party's share of the votes cast at each contest, to 100%.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.pictures.canvas import PAD, SMALL, TITLE, WIDTH, Canvas, fit, line_height, measure
from bot.pictures.colours import FAINT, INK, MUTED, RGB, outline_for, rgb
from knowledge.history.answers import (
    CompositionRow,
    CouncilHistoryAnswer,
    PartyHistoryAnswer,
    WardHistoryAnswer,
)

PLOT_HEIGHT = 300.0
LEGEND_SWATCH = 14.0
MAX_BARS = 16
"""More elections than this: the newest are drawn (the text lists them all)."""


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[tuple[str, str, float], ...]
    """(party, colour, value), largest first."""
    note: str = ""
    line: float | None = None
    """The majority at this election (seats), drawn as a dashed mark across the bar."""


@dataclass(frozen=True)
class Chart:
    title: str
    subtitle: str
    bars: tuple[Bar, ...]
    top: float
    """The value at the top of the plot (most seats, or 100%)."""
    unit: str = ""


def _label(row: CompositionRow) -> str:
    return str(row.election.year or row.election.id)


def council_chart(rows: tuple[CompositionRow, ...], council: str) -> Chart:
    rows = rows[-MAX_BARS:]
    bars = tuple(
        Bar(
            label=_label(r),
            segments=tuple((p.party, p.colour, float(p.seats)) for p in r.parties),
            note="" if r.size else f"{r.known} known",
            line=float(r.threshold) if r.size and r.threshold else None,
        )
        for r in rows
    )
    sizes = [r.size or r.known for r in rows]
    return Chart(
        title=f"{council}: seats",
        subtitle="Seats per party on the council after each loaded election; dashed: majority",
        bars=bars,
        top=float(max(sizes, default=1) or 1),
        unit="seats",
    )


def ward_chart(answer: WardHistoryAnswer) -> Chart:
    rows = answer.rows[-MAX_BARS:]
    bars = tuple(
        Bar(
            label=str(r.election.year or r.election.id) + ("*" if r.via == "by-election" else ""),
            segments=tuple((s.party, s.colour, s.share or 0.0) for s in r.shares),
        )
        for r in rows
    )
    subtitle = "Share of all votes cast in the ward at each contest"
    if any(r.via == "by-election" for r in rows):
        subtitle += " (* by-election)"
    return Chart(
        title=f"{answer.ward} ({answer.council}): vote shares",
        subtitle=subtitle,
        bars=bars,
        top=100.0,
        unit="%",
    )


def chart_for(answer: object) -> Chart:
    if isinstance(answer, WardHistoryAnswer):
        return _in_one_order(ward_chart(answer))
    if isinstance(answer, CouncilHistoryAnswer | PartyHistoryAnswer):
        return _in_one_order(council_chart(answer.composition, answer.council))
    raise TypeError(f"no history chart for {type(answer).__name__}")


def _in_one_order(chart: Chart) -> Chart:
    """Every bar stacks the parties in one order (most in total at the bottom), so a party
    stays in its place from bar to bar."""
    totals: dict[str, float] = {}
    for bar in chart.bars:
        for party, _, value in bar.segments:
            totals[party] = totals.get(party, 0.0) + value
    rank = {p: n for n, p in enumerate(sorted(totals, key=lambda p: (-totals[p], p)))}
    bars = tuple(
        Bar(bar.label, tuple(sorted(bar.segments, key=lambda s: rank[s[0]])), bar.note, bar.line)
        for bar in chart.bars
    )
    return Chart(chart.title, chart.subtitle, bars, chart.top, chart.unit)


def _legend(chart: Chart) -> list[tuple[str, RGB]]:
    seen: dict[str, RGB] = {}
    for bar in chart.bars:
        for party, colour, value in bar.segments:
            if value > 0:
                seen.setdefault(party, rgb(colour))
    return list(seen.items())


def draw(answer: object) -> bytes:
    chart = chart_for(answer)
    legend = _legend(chart)
    legend_rows = 1
    x = float(PAD)
    for party, _ in legend:
        width = LEGEND_SWATCH + 6 + measure(party, SMALL) + 18
        if x + width > WIDTH - PAD:
            legend_rows += 1
            x = float(PAD)
        x += width
    head = line_height(TITLE, True) + line_height(SMALL) + 16
    legend_h = legend_rows * (line_height(SMALL) + 6) + 10
    foot = line_height(SMALL) * 2 + 12
    canvas = Canvas(PAD + head + PLOT_HEIGHT + foot + legend_h + PAD, scale=1)
    y: float = PAD
    canvas.text(PAD, y, fit(chart.title, TITLE, WIDTH - 2 * PAD, True), TITLE, INK, True)
    y += line_height(TITLE, True)
    canvas.text(PAD, y + 4, fit(chart.subtitle, SMALL, WIDTH - 2 * PAD), SMALL, MUTED)
    top = PAD + head
    axis_w = measure(f"{int(chart.top)}{chart.unit}", SMALL) + 10
    left = PAD + axis_w
    right = WIDTH - PAD
    bottom = top + PLOT_HEIGHT
    scale = PLOT_HEIGHT / chart.top if chart.top else 0.0
    canvas.rect(left, top, right, bottom, FAINT)
    for fraction in (0.0, 0.5, 1.0):
        value = chart.top * fraction
        yy = bottom - value * scale
        label = f"{value:.0f}{'%' if chart.unit == '%' else ''}"
        canvas.text(left - 6, yy - line_height(SMALL) / 2, label, SMALL, MUTED, align="right")
    count = max(1, len(chart.bars))
    slot = (right - left) / count
    width = min(70.0, slot * 0.7)
    for n, bar in enumerate(chart.bars):
        cx = left + slot * (n + 0.5)
        level = bottom
        for _, colour, value in bar.segments:
            if value <= 0:
                continue
            height = value * scale
            fill = rgb(colour)
            canvas.rect(
                cx - width / 2, level - height, cx + width / 2, level, fill, outline_for(fill)
            )
            level -= height
        if bar.line is not None and bar.line <= chart.top:
            yy = bottom - bar.line * scale
            canvas.dashed((cx - slot * 0.45, yy), (cx + slot * 0.45, yy), INK, width=2)
        label = fit(bar.label, SMALL, slot - 4)
        canvas.text(cx, bottom + 6, label, SMALL, INK, align="center")
        if bar.note:
            canvas.text(
                cx,
                bottom + 6 + line_height(SMALL),
                fit(bar.note, SMALL, slot - 4),
                SMALL,
                MUTED,
                align="center",
            )
    y = bottom + foot
    x = float(PAD)
    for party, fill in legend:
        width = LEGEND_SWATCH + 6 + measure(party, SMALL) + 18
        if x + width > WIDTH - PAD:
            x = float(PAD)
            y += line_height(SMALL) + 6
        canvas.rect(x, y + 3, x + LEGEND_SWATCH, y + 3 + LEGEND_SWATCH, fill, outline_for(fill))
        canvas.text(x + LEGEND_SWATCH + 6, y, party, SMALL, INK)
        x += width
    return canvas.png()


def alt(answer: object) -> str:
    """The chart in words: each bar's parties and values."""
    chart = chart_for(answer)
    unit = "%" if chart.unit == "%" else " seats"
    parts = []
    for bar in chart.bars:
        values = ", ".join(
            f"{party} {value:.1f}{unit}" if unit == "%" else f"{party} {int(value)}"
            for party, _, value in bar.segments
        )
        parts.append(f"{bar.label}: {values or 'none'}" + (f" ({bar.note})" if bar.note else ""))
    lines = [f"{b.label} {int(b.line)}" for b in chart.bars if b.line]
    majority = f" Majority: {', '.join(lines)}." if lines else ""
    return f"{chart.title}. " + "; ".join(parts) + "." + majority
