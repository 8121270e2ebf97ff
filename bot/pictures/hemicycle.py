"""The council seat diagram: a half circle of one dot per seat, grouped by party, largest first.

Seats are placed on concentric rows and then ordered by angle, left to right, so each party is a
wedge and the party holding a majority crosses the marked threshold line. For an election by
thirds the council after the election is drawn when the document gives it; the caption says
whether the picture is the whole council or only the seats won in this election.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.pictures.canvas import (
    BODY,
    PAD,
    SMALL,
    TITLE,
    WIDTH,
    Canvas,
    fit,
    line_height,
    measure,
    wrap,
)
from bot.pictures.colours import BACKGROUND, INK, MUTED, RGB, RULE, distinct, outline_for
from knowledge.answers import SummaryAnswer
from knowledge.numbers import plural, signed

INNER = 0.4
"""Inner radius as a share of the outer: room for the seat count in the middle."""
RADIUS = 250.0
MIN_RADIUS = 140.0
"""Smallest half circle: the seat count in the middle must clear a single row of big dots."""
MAX_DOT = 26.0


@dataclass(frozen=True)
class Group:
    """One legend line and (when `seats`) one wedge of dots; `fill` None = undecided seats."""

    label: str
    seats: int
    change: int | None
    fill: RGB | None


@dataclass(frozen=True)
class SeatPlan:
    """What the diagram shows, before any geometry."""

    groups: tuple[Group, ...]
    total: int
    threshold: int | None
    caption: str
    control: str


@dataclass(frozen=True)
class Seat:
    x: float
    y: float
    angle: float


def seat_plan(answer: SummaryAnswer) -> SeatPlan:
    """Seats per party: the council after the election when every row has it, else seats won."""
    rows = answer.rows
    after = bool(rows) and all(r.seats_after is not None for r in rows)
    fills = distinct([r.colour for r in rows])
    groups = [
        Group(
            label=r.name,
            seats=(r.seats_after or 0) if after else r.seats_won,
            change=r.change,
            fill=fill,
        )
        for r, fill in zip(rows, fills, strict=True)
    ]
    groups.sort(key=lambda g: -g.seats)  # stable: the answer's order breaks ties
    undecided = answer.undecided_seats
    if after:  # a tied seat is in the council's total only when the infobox left room for it
        room = (answer.council_size or 0) - sum(g.seats for g in groups)
        undecided = max(0, min(undecided, room))
    if undecided:
        groups.append(Group("Undecided (tie)", undecided, None, None))
    total = sum(g.seats for g in groups)
    contested = plural(answer.seats_contested, "seat")
    if after and answer.whole_council:
        caption = f"Council after the election: {plural(total, 'seat')}, all up for election"
    elif after:
        caption = f"Whole council after the election: {plural(total, 'seat')} ({contested} up)"
    elif answer.whole_council:
        caption = f"Seats won: the whole council ({contested}) was up for election"
    else:
        caption = f"Seats won in this election only ({contested}); full council not given"
    return SeatPlan(
        groups=tuple(groups),
        total=total,
        threshold=answer.majority_threshold,
        caption=caption,
        control=answer.control_text,
    )


def arrange(count: int, radius: float = RADIUS) -> tuple[list[Seat], float]:
    """Seat centres relative to the circle's centre (y down), left to right, and the dot radius.

    Rows are added until they hold every seat at a fixed spacing; seats are shared between rows in
    proportion to their length, so the dots are evenly spread.
    """
    if count <= 0:
        return [], 0.0
    rows = 1
    while True:
        if rows == 1:
            spacing = radius * (1 - INNER)
            radii = [radius * (1 + INNER) / 2]
        else:
            spacing = radius * (1 - INNER) / (rows - 1)
            radii = [radius * INNER + i * spacing for i in range(rows)]
        ends = 0 if rows == 1 else 1  # one row: seats centred in equal sectors, not at the ends
        caps = [int(math.pi * r / spacing) + ends for r in radii]
        if sum(caps) >= count:
            break
        rows += 1
    counts = _share(count, radii, caps)
    seats = []
    for r, k in zip(radii, counts, strict=True):
        for j in range(k):
            if rows == 1 or k == 1:
                angle = math.pi * (1 - (j + 0.5) / k)
            else:
                angle = math.pi * (1 - j / (k - 1))
            seats.append(Seat(r * math.cos(angle), -r * math.sin(angle), angle))
    seats.sort(key=lambda s: (-round(s.angle, 9), s.x**2 + s.y**2))
    return seats, min(spacing * 0.4, MAX_DOT)


def _share(count: int, radii: list[float], caps: list[int]) -> list[int]:
    """Largest-remainder split of `count` in proportion to row length, within each row's cap."""
    total = sum(radii)
    quotas = [count * r / total for r in radii]
    counts = [min(int(q), c) for q, c in zip(quotas, caps, strict=True)]
    order = sorted(range(len(radii)), key=lambda i: (-(quotas[i] - int(quotas[i])), -radii[i]))
    while sum(counts) < count:
        for i in order + sorted(range(len(radii)), key=lambda i: -radii[i]):
            if counts[i] < caps[i]:
                counts[i] += 1
                break
    return counts


@dataclass(frozen=True)
class Layout:
    """Where everything goes on the card, in final pixels."""

    height: float
    centre: tuple[float, float]
    seats: list[Seat]
    radius: float
    dot: float
    box: tuple[float, float, float, float]
    """The diagram's bounding box (left, top, right, bottom): only seat dots are drawn in it."""
    header: float
    legend_top: float
    legend_rows: int
    legend_columns: int
    notes: tuple[str, ...]


def layout(plan: SeatPlan, notes: str = "") -> Layout:
    """Geometry for a plan; `notes` is the small print wrapped under the legend."""
    radius = min(RADIUS, MIN_RADIUS + 8.0 * plan.total)  # a few seats: a smaller half circle
    seats, dot = arrange(plan.total, radius)
    top = PAD + line_height(TITLE, True) + 4 + line_height(BODY) + 16
    if plan.threshold is not None:
        top += line_height(SMALL) + 6
    cx = WIDTH / 2
    cy = top + radius + dot + 2
    box = (cx - radius - dot - 2, top, cx + radius + dot + 2, cy + dot + 2)
    legend_columns = 1 if len(plan.groups) <= 3 else 2
    legend_rows = math.ceil(len(plan.groups) / legend_columns)
    legend_top = box[3] + 14 + line_height(BODY + 3, True) + 16 + _legend_pitch()
    lines = tuple(wrap(notes, SMALL, WIDTH - 2 * PAD, 3))
    height = legend_top + legend_rows * _legend_pitch() + 10 + len(lines) * line_height(SMALL) + PAD
    return Layout(
        height=height,
        centre=(cx, cy),
        seats=seats,
        radius=radius,
        dot=dot,
        box=box,
        header=top,
        legend_top=legend_top,
        legend_rows=legend_rows,
        legend_columns=legend_columns,
        notes=lines,
    )


def _legend_pitch() -> float:
    return line_height(BODY) + 10


def notes(answer: SummaryAnswer, plan: SeatPlan) -> str:
    changed = any(g.change is not None for g in plan.groups)
    baseline = f"Change: {answer.change_baseline}. " if changed else ""
    return baseline + answer.election.citation


def draw(answer: SummaryAnswer) -> bytes:
    plan = seat_plan(answer)
    where = layout(plan, notes(answer, plan))
    canvas = Canvas(where.height)
    width = WIDTH - 2 * PAD
    title = answer.council + (f", {answer.election.year}" if answer.election.year else "")
    canvas.text(PAD, PAD, fit(title, TITLE, width, True), TITLE, bold=True)
    y = PAD + line_height(TITLE, True) + 4
    canvas.text(PAD, y, fit(plan.caption, BODY, width), BODY, MUTED)
    _draw_seats(canvas, plan, where)
    y = where.box[3] + 14
    canvas.text(
        WIDTH / 2, y, fit(plan.control, BODY + 3, width, True), BODY + 3, bold=True, align="center"
    )
    _draw_legend(canvas, plan, where)
    y = where.height - PAD - len(where.notes) * line_height(SMALL)
    for line in where.notes:
        canvas.text(PAD, y, line, SMALL, MUTED)
        y += line_height(SMALL)
    return canvas.png()


def _draw_seats(canvas: Canvas, plan: SeatPlan, where: Layout) -> None:
    cx, cy = where.centre
    if plan.total == 0:
        canvas.text(cx, cy - line_height(BODY) - 8, "No seats to show", BODY, MUTED, align="center")
        return
    threshold = plan.threshold
    if threshold is not None and 0 < threshold < plan.total:
        angle = (where.seats[threshold - 1].angle + where.seats[threshold].angle) / 2
        reach = [math.hypot(seat.x, seat.y) for seat in where.seats]
        inner, outer = min(reach) - where.dot - 4, max(reach) + where.dot + 4
        cos, sin = math.cos(angle), -math.sin(angle)
        canvas.dashed(
            (cx + cos * inner, cy + sin * inner),
            (cx + cos * outer, cy + sin * outer),
            RULE,
            width=2,
            dash=5,
        )
    if threshold is not None:
        label = f"{plural(threshold, 'seat')} for a majority"
        canvas.text(cx, where.header - line_height(SMALL) - 6, label, SMALL, MUTED, align="center")
    fills = [g for g in plan.groups for _ in range(g.seats)]
    edge = min(1.5, max(0.5, where.dot * 0.1))
    for seat, group in zip(where.seats, fills, strict=True):
        x, y = cx + seat.x, cy + seat.y
        if group.fill is None:
            canvas.circle(x, y, where.dot - edge, BACKGROUND, RULE, width=edge * 1.5)
        else:
            canvas.circle(x, y, where.dot, group.fill, outline_for(group.fill), width=edge)
    number = f"{plan.total:,}"
    size = 34 if where.dot > 4 else 28
    canvas.text(
        cx,
        cy - line_height(size, True) - line_height(SMALL) + 2,
        number,
        size,
        bold=True,
        align="center",
    )
    canvas.text(
        cx,
        cy - line_height(SMALL),
        "seats" if plan.total != 1 else "seat",
        SMALL,
        MUTED,
        align="center",
    )


def _draw_legend(canvas: Canvas, plan: SeatPlan, where: Layout) -> None:
    """Party, seats and change in columns sized to their contents; names get the rest."""
    pitch = _legend_pitch()
    gutter = 28.0
    columns = where.legend_columns
    column = (WIDTH - 2 * PAD - gutter * (columns - 1)) / columns
    if columns == 1:
        column = min(column, 460.0)  # a short table reads better than one stretched across
    changes = [signed(g.change) if g.change is not None else "" for g in plan.groups]
    seats_w = max(
        [measure("Seats", SMALL)] + [measure(f"{g.seats:,}", BODY, True) for g in plan.groups]
    )
    change_w = 0.0
    if any(changes):
        change_w = max([measure("Change", SMALL)] + [measure(c, BODY) for c in changes]) + 14
    name_w = column - 26 - seats_w - change_w - 14
    for c in range(columns):
        x0 = PAD + c * (column + gutter)
        y = where.legend_top - pitch
        canvas.text(x0 + 26, y, "Party", SMALL, MUTED)
        canvas.text(x0 + column - change_w, y, "Seats", SMALL, MUTED, align="right")
        if change_w:
            canvas.text(x0 + column, y, "Change", SMALL, MUTED, align="right")
    for index, (group, change) in enumerate(zip(plan.groups, changes, strict=True)):
        c, r = divmod(index, where.legend_rows)
        x0 = PAD + c * (column + gutter)
        y = where.legend_top + r * pitch
        mid = y + line_height(BODY) / 2
        if group.fill is None:
            canvas.circle(x0 + 9, mid, 7, BACKGROUND, RULE, width=1.5)
        else:
            canvas.circle(x0 + 9, mid, 8, group.fill, outline_for(group.fill))
        canvas.text(x0 + 26, y, fit(group.label, BODY, name_w), BODY, INK)
        seats = f"{group.seats:,}"
        canvas.text(x0 + column - change_w, y, seats, BODY, INK, bold=True, align="right")
        canvas.text(x0 + column, y, change, BODY, MUTED, align="right")


def alt(answer: SummaryAnswer) -> str:
    """The diagram in words: what is shown, every party's seats and change, and control."""
    plan = seat_plan(answer)
    when = f" {answer.election.year}" if answer.election.year else ""
    parts = [f"Seat diagram of {answer.council}{when}. {plan.caption}."]
    seats = [
        f"{g.label} {g.seats}" + (f" ({signed(g.change)})" if g.change is not None else "")
        for g in plan.groups
    ]
    if seats:
        parts.append(", ".join(seats) + ".")
    if plan.threshold is not None:
        parts.append(f"{plural(plan.threshold, 'seat')} needed for a majority.")
    parts.append(f"{plan.control}.")
    return " ".join(parts)
