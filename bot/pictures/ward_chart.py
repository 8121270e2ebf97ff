"""The ward result chart: one horizontal bar per candidate, in party colour, most votes first.

Winners are told apart without colour: a drawn tick, a bold name, and a rule under the last
winner that states the last-seat margin (or the tie). The first loser's bar carries an outlined
gap showing how far it fell short of the last seat.
"""

from __future__ import annotations

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
from bot.pictures.colours import BACKGROUND, FAINT, INK, MUTED, RGB, RULE, distinct, outline_for
from knowledge.answers import CandidateLine, WardAnswer
from knowledge.numbers import percent, plural, votes

NAME_MIN, NAME_MAX = 150.0, 290.0
PARTY_MAX = 90.0
GUTTER = 30.0
"""Room left of the names for the elected tick."""
TICK = 10.0


@dataclass(frozen=True)
class Layout:
    """Where each candidate's row goes, in final pixels."""

    height: float
    rows: tuple[float, ...]
    """The vertical middle of each candidate's row, in the answer's order."""
    pitch: float
    bar_height: float
    divider: float | None
    """The middle of the dashed rule under the last winner; None when there is none."""
    tick_x: float
    name_x: float
    name_w: float
    party_x: float
    party_w: float
    bar_x: float
    scale: float
    """Pixels per vote."""
    notes: tuple[str, ...]
    fills: dict[str, RGB]
    """Bar colour per party key: party colours, repeats shifted apart."""


def layout(answer: WardAnswer) -> Layout:
    candidates = answer.candidates
    text = line_height(BODY)
    pitch = text + (12 if len(candidates) <= 16 else 6)
    decided = sum(1 for c in candidates if c.elected)
    has_divider = not answer.unopposed and 0 < decided + len(answer.tied) < len(candidates)
    divider_h = line_height(SMALL) + 12
    y = PAD + line_height(TITLE, True) + 4 + line_height(BODY) + 18
    rows: list[float] = []
    divider: float | None = None
    for index in range(len(candidates)):
        if has_divider and index == decided:
            divider = y + divider_h / 2
            y += divider_h
        rows.append(y + pitch / 2)
        y += pitch
    width = WIDTH - 2 * PAD
    notes = wrap(f"Shares: {answer.share_rule}.", SMALL, width, 2)
    notes.append(fit(answer.election.citation, SMALL, width))
    height = y + 14 + len(notes) * line_height(SMALL) + PAD

    name_w = min(NAME_MAX, max([NAME_MIN] + [measure(c.name, BODY, True) for c in candidates]))
    party_w = min(PARTY_MAX, max([0.0] + [measure(c.party_short, SMALL) for c in candidates]))
    value_w = max([0.0] + [measure(_value(c), BODY, True) for c in candidates])
    name_x = PAD + GUTTER
    party_x = name_x + name_w + 10
    bar_x = party_x + party_w + 14
    bar_w = max(40.0, WIDTH - PAD - value_w - 10 - bar_x)
    most = max([1] + [c.votes or 0 for c in candidates])
    keys = list(dict.fromkeys(c.party_key for c in candidates))
    colours = {c.party_key: c.colour for c in candidates}
    fills = dict(zip(keys, distinct([colours[k] for k in keys]), strict=True))
    return Layout(
        height=height,
        rows=tuple(rows),
        pitch=pitch,
        bar_height=min(pitch - 8, text + 2),
        divider=divider,
        tick_x=PAD + TICK + 1,
        name_x=name_x,
        name_w=name_w,
        party_x=party_x,
        party_w=party_w,
        bar_x=bar_x,
        scale=bar_w / most,
        notes=tuple(notes),
        fills=fills,
    )


def _value(candidate: CandidateLine) -> str:
    if candidate.votes is None:
        return "elected unopposed" if candidate.elected else "no count given"
    text = f"{votes(candidate.votes)} ({percent(candidate.share)})"
    return text + ", tie" if candidate.tied else text


def _margin_text(answer: WardAnswer) -> str:
    if answer.tie:
        level = [c for c in answer.candidates if c.tied]
        at = votes(level[0].votes) if level else "the same"
        return f"Tie for the last seat: {len(level)} candidates on {at} votes, not decided"
    if answer.majority is None:
        return "Elected above this line"
    share = f" ({percent(answer.majority_percent)})" if answer.majority_percent is not None else ""
    return f"Elected above this line · last seat won by {plural(answer.majority, 'vote')}{share}"


def draw(answer: WardAnswer) -> bytes:
    where = layout(answer)
    canvas = Canvas(where.height, scale=1)  # bars and squares: nothing to smooth
    width = WIDTH - 2 * PAD
    canvas.text(PAD, PAD, fit(answer.ward, TITLE, width, True), TITLE, bold=True)
    subtitle = fit(_subtitle(answer), BODY, width)
    canvas.text(PAD, PAD + line_height(TITLE, True) + 4, subtitle, BODY, MUTED)
    if where.divider is not None:
        _divider(canvas, where.divider, _margin_text(answer), width)
    first_loser = next(
        (i for i, c in enumerate(answer.candidates) if not c.elected and not c.tied), None
    )
    cutoff = None if answer.tie else _last_winner_votes(answer)
    for index, (candidate, mid) in enumerate(zip(answer.candidates, where.rows, strict=True)):
        shortfall = cutoff if index == first_loser else None
        _row(canvas, where, candidate, mid, striped=index % 2 == 1, shortfall=shortfall)
    y = where.height - PAD - len(where.notes) * line_height(SMALL)
    for line in where.notes:
        canvas.text(PAD, y, line, SMALL, MUTED)
        y += line_height(SMALL)
    return canvas.png()


def _row(
    canvas: Canvas,
    where: Layout,
    candidate: CandidateLine,
    mid: float,
    striped: bool,
    shortfall: int | None,
) -> None:
    """One candidate: mark, name, party, bar, figures; `shortfall` = the last winner's votes."""
    if striped:
        canvas.rect(PAD - 6, mid - where.pitch / 2, WIDTH - PAD + 6, mid + where.pitch / 2, FAINT)
    if candidate.elected:
        canvas.tick(where.tick_x, mid, TICK)
    elif candidate.tied:
        canvas.circle(where.tick_x, mid, TICK - 1, BACKGROUND, RULE, width=2)
    bold = candidate.elected
    text_top = mid - line_height(BODY) / 2
    canvas.text(
        where.name_x, text_top, fit(candidate.name, BODY, where.name_w, bold), BODY, bold=bold
    )
    party = fit(candidate.party_short, SMALL, where.party_w)
    canvas.text(where.party_x, mid - line_height(SMALL) / 2, party, SMALL, MUTED)
    fill = where.fills[candidate.party_key]
    length = (candidate.votes or 0) * where.scale
    top, bottom = mid - where.bar_height / 2, mid + where.bar_height / 2
    end = where.bar_x + length
    if candidate.votes:
        end = where.bar_x + max(2.0, length)
        canvas.rect(where.bar_x, top, end, bottom, fill, outline_for(fill), width=1)
    if shortfall is not None:
        gap_end = where.bar_x + shortfall * where.scale
        if gap_end - end >= 1:  # how far short of the last seat
            canvas.rect(end, top, gap_end, bottom, None, RULE, width=1.5)
            end = gap_end
    shade = INK if bold else MUTED
    canvas.text(end + 8, text_top, _value(candidate), BODY, shade, bold=bold)


def _subtitle(answer: WardAnswer) -> str:
    parts = [answer.election.title + (" (by-election)" if answer.by_election else "")]
    parts.append(plural(answer.seats, "seat"))
    if answer.unopposed:
        parts.append("elected unopposed")
    else:
        parts.append(f"{votes(answer.total_votes)} votes")
    return " · ".join(parts)


def _last_winner_votes(answer: WardAnswer) -> int | None:
    winners = [c.votes for c in answer.candidates if c.elected and c.votes is not None]
    return min(winners) if winners else None


def _divider(canvas: Canvas, mid: float, text: str, width: float) -> None:
    """A dashed rule between the winners and the rest, labelled with the margin."""
    canvas.dashed((PAD, mid), (WIDTH - PAD, mid), RULE, width=1.5, dash=6)
    label = fit(text, SMALL, width - 40, True)
    label_w = measure(label, SMALL, True)
    x = WIDTH - PAD - label_w - 10
    canvas.rect(
        x - 8,
        mid - line_height(SMALL) / 2 - 2,
        x + label_w + 8,
        mid + line_height(SMALL) / 2 + 2,
        BACKGROUND,
    )
    canvas.text(x, mid - line_height(SMALL) / 2, label, SMALL, INK, bold=True)


def alt(answer: WardAnswer) -> str:
    """The chart in words: who was elected with how many votes, and the last-seat margin."""

    def who(c: CandidateLine) -> str:
        return f"{c.name} ({c.party}) {votes(c.votes)}"

    parts = [f"Votes per candidate in {answer.ward}, {_subtitle(answer)}."]
    elected = [who(c) for c in answer.candidates if c.elected]
    if elected:
        parts.append("Elected: " + ", ".join(elected) + ".")
    tied = [who(c) for c in answer.candidates if c.tied]
    if tied:
        parts.append("Tied for the last seat: " + ", ".join(tied) + ".")
    losers = [c for c in answer.candidates if not c.elected and not c.tied]
    if losers and answer.majority is not None and not answer.tie:
        parts.append(f"Last seat won by {plural(answer.majority, 'vote')} over {who(losers[0])}.")
    if len(losers) > 1:
        parts.append(f"{len(losers) - 1} more not elected.")
    return " ".join(parts)
