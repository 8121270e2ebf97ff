"""The party chart: seats won per ward, one square per seat, with the party's headline figures.

Seats per ward rather than votes per ward: seats are the outcome people look for, the answer holds
them for every ward won (with the winners' names), and vote totals in multi-seat wards, where each
voter had several votes, would mislead when set side by side with single-seat wards.
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
from bot.pictures.colours import FAINT, MUTED, RGB, outline_for, rgb
from knowledge.answers import CandidateLine, PartyAnswer
from knowledge.numbers import percent, plural, signed, votes

BIG = 32
SQUARE, GAP = 20.0, 5.0
ROWS_PER_COLUMN = 14
COLUMN_GAP = 24.0
NAME_GAP = 16.0


@dataclass(frozen=True)
class Grid:
    columns: int
    rows: int
    pitch: float
    column_width: float


def _grid(wards: int) -> Grid:
    columns = 1 if wards <= ROWS_PER_COLUMN else min(3, math.ceil(wards / ROWS_PER_COLUMN))
    rows = math.ceil(wards / columns) if wards else 0
    width = (WIDTH - 2 * PAD - COLUMN_GAP * (columns - 1)) / columns
    return Grid(columns, rows, line_height(BODY) + 12, width)


def _stats(answer: PartyAnswer) -> list[tuple[str, str]]:
    """(big figure, what it is) blocks under the title."""
    stats = [
        (f"{answer.seats_won:,}", f"seats won, of {answer.seats_contested:,} up"),
        (percent(answer.vote_share), f"of the vote, {votes(answer.votes)} votes"),
    ]
    if answer.seats_after is not None:
        change = f" ({signed(answer.change)})" if answer.change is not None else ""
        held = "on the council after" + change
        stats.append((f"{answer.seats_after:,}", held))
    else:
        stats.append((f"{answer.candidates:,}", "candidates"))
    return stats


def _empty_message(answer: PartyAnswer) -> list[str]:
    if not answer.stood:
        return [f"{answer.party} did not stand in this election."]
    lines = ["No seats won in this election."]
    if answer.tied_seats:
        lines[0] = f"No seats won outright; tied for {plural(answer.tied_seats, 'seat')}."
    if answer.best is not None:
        lines.append(f"Best result: {_result(answer.best)}.")
    return lines


def _result(line: CandidateLine) -> str:
    return f"{line.name}, {line.ward}, {votes(line.votes)} votes ({percent(line.share)})"


def _stats_top() -> float:
    return PAD + line_height(TITLE, True) + 4 + line_height(BODY) + 18


def body_top_y() -> float:
    """Where the seats-per-ward rows start: nothing above is drawn in a party colour but the
    title's swatch."""
    section = _stats_top() + line_height(BIG, True) + line_height(SMALL) + 22
    return section + line_height(BODY, True) + 10


def draw(answer: PartyAnswer) -> bytes:
    width = WIDTH - 2 * PAD
    wards = answer.wards_won
    grid = _grid(len(wards))
    top = _stats_top()
    section = top + line_height(BIG, True) + line_height(SMALL) + 22
    body_top = body_top_y()
    empty = _empty_message(answer) if not wards else []
    body_h = grid.rows * grid.pitch if wards else len(empty) * (line_height(BODY) + 6)
    notes = wrap(f"Vote share: {answer.share_rule}.", SMALL, width, 2)
    if answer.tied_seats and wards:
        notes.insert(0, f"Also tied for {plural(answer.tied_seats, 'seat')} (undecided).")
    notes.append(fit(answer.election.citation, SMALL, width))
    height = body_top + body_h + 14 + len(notes) * line_height(SMALL) + PAD
    canvas = Canvas(height, scale=1)  # bars and squares: nothing to smooth
    fill = rgb(answer.colour)

    swatch = line_height(TITLE, True) * 0.7
    title_mid = PAD + line_height(TITLE, True) / 2
    canvas.rect(
        PAD,
        title_mid - swatch / 2,
        PAD + swatch,
        title_mid + swatch / 2,
        fill,
        outline_for(fill),
        radius=3,
    )
    name = answer.party + (" (controls the council)" if answer.controls else "")
    canvas.text(
        PAD + swatch + 10, PAD, fit(name, TITLE, width - swatch - 10, True), TITLE, bold=True
    )
    canvas.text(
        PAD,
        PAD + line_height(TITLE, True) + 4,
        fit(answer.election.title, BODY, width),
        BODY,
        MUTED,
    )
    _draw_stats(canvas, _stats(answer), top, width)

    heading = "Seats won per ward" if wards else "Seats won"
    canvas.text(PAD, section, heading, BODY, bold=True)
    if wards:
        canvas.text(
            PAD + measure(heading, BODY, True) + 10,
            section + 2,
            "one square per seat",
            SMALL,
            MUTED,
        )
        _draw_wards(canvas, answer, grid, body_top, fill)
    else:
        y = body_top
        for line in empty:
            canvas.text(PAD, y, fit(line, BODY, width), BODY, MUTED)
            y += line_height(BODY) + 6
    y = body_top + body_h + 14
    for line in notes:
        canvas.text(PAD, y, line, SMALL, MUTED)
        y += line_height(SMALL)
    return canvas.png()


def _draw_stats(canvas: Canvas, stats: list[tuple[str, str]], top: float, width: float) -> None:
    block = width / len(stats)
    for index, (figure, label) in enumerate(stats):
        x = PAD + index * block
        canvas.rect(
            x,
            top,
            x + block - 12,
            top + line_height(BIG, True) + line_height(SMALL) + 12,
            FAINT,
            radius=6,
        )
        canvas.text(x + 12, top + 4, fit(figure, BIG, block - 36, True), BIG, bold=True)
        canvas.text(
            x + 12, top + 4 + line_height(BIG, True), fit(label, SMALL, block - 36), SMALL, MUTED
        )


def _draw_wards(canvas: Canvas, answer: PartyAnswer, grid: Grid, top: float, fill: RGB) -> None:
    most = max(seats for _, seats in answer.wards_won)
    count_w = measure(f"{most:,}", BODY, True) + 8
    squares_w = min(most * (SQUARE + GAP), grid.column_width * 0.5)
    longest = max(measure(w, BODY) for w, _ in answer.wards_won) + 4
    name_w = min(longest, grid.column_width - NAME_GAP - squares_w - count_w)
    if grid.columns == 1:
        name_w = min(name_w, 230.0)  # leave room for the winners' names
    room = grid.column_width - name_w - NAME_GAP - count_w
    step = min(SQUARE + GAP, room / most)
    size = SQUARE if step == SQUARE + GAP else max(1.0, step * 0.78)
    names = _winners_by_ward(answer) if grid.columns == 1 else {}
    for index, (ward, seats) in enumerate(answer.wards_won):
        column, row = divmod(index, grid.rows)
        x = PAD + column * (grid.column_width + COLUMN_GAP)
        y = top + row * grid.pitch
        mid = y + grid.pitch / 2
        canvas.text(x, mid - line_height(BODY) / 2, fit(ward, BODY, name_w, middle=True), BODY)
        sx = x + name_w + NAME_GAP
        for seat in range(seats):
            canvas.rect(
                sx + seat * step,
                mid - size / 2,
                sx + seat * step + size,
                mid + size / 2,
                fill,
                outline_for(fill),
                radius=min(3.0, size / 5),
            )
        after = sx + seats * step + 6
        canvas.text(after, mid - line_height(BODY) / 2, f"{seats:,}", BODY, bold=True)
        who = names.get(ward)
        if who:
            start = sx + most * step + count_w + 10
            canvas.text(
                start,
                mid - line_height(SMALL) / 2,
                fit(who, SMALL, x + grid.column_width - start),
                SMALL,
                MUTED,
            )


def _winners_by_ward(answer: PartyAnswer) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for line in answer.winners:
        found.setdefault(line.ward, []).append(line.name)
    return {ward: ", ".join(names) for ward, names in found.items()}


def alt(answer: PartyAnswer) -> str:
    """The chart in words: seats per ward, and the party's totals."""
    head = f"Seats {answer.party} won per ward, {answer.election.title}:"
    if answer.wards_won:
        wards = ", ".join(f"{ward} {seats}" for ward, seats in answer.wards_won) + "."
    else:
        wards = " ".join(_empty_message(answer))
    totals = (
        f"{answer.seats_won} of {plural(answer.seats_contested, 'seat')} up, "
        f"{percent(answer.vote_share)} of the vote."
    )
    return f"{head} {wards} {totals}"
