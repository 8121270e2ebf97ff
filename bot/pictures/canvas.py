"""A drawing surface in final pixels: text that is measured before it is placed, never overflows.

Shapes are drawn at twice the size and halved at the end (`SCALE`): Pillow draws circles and lines
without anti-aliasing, and the box filter of `Image.reduce` smooths them for a few milliseconds.
Text is already anti-aliased by FreeType, so it is drawn last, at the final size, on top: sharper
hinting, and a quarter of the pixels to render.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

from bot.pictures.colours import BACKGROUND, BORDER, INK, RGB
from bot.pictures.fonts import Face, drawable, face

SCALE = 2
WIDTH = 800
"""Final width: Discord shows embed images about 400 px wide, so text stays sharp at 2:1."""
PAD = 28
TITLE, BODY, SMALL = 30, 22, 18
"""Text sizes: at Discord's ~400 px display the body is 11 px and the small print 9 px."""
ELLIPSIS = "…"

Align = Literal["left", "right", "center"]


@lru_cache(maxsize=8192)
def measure(text: str, size: int, bold: bool = False) -> float:
    """Width of `text` in final pixels, as drawn."""
    found = face(size, bold)
    return found.font.getlength(drawable(text, size, bold)) + 2 * found.stroke


def line_height(size: int, bold: bool = False) -> float:
    found = face(size, bold)
    return float(found.ascent + found.descent)


def fit(text: str, size: int, max_width: float, bold: bool = False, middle: bool = False) -> str:
    """`text`, cut with an ellipsis when wider than `max_width`.

    `middle` keeps both ends ("Ward with…number 57"): for names that differ only at the end.
    """
    if measure(text, size, bold) <= max_width:
        return text

    def cut(keep: int) -> str:
        if middle:
            head = (keep + 1) // 2
            return text[:head].rstrip() + ELLIPSIS + text[len(text) - keep // 2 :].lstrip()
        return text[:keep].rstrip() + ELLIPSIS

    low, high = 0, len(text)
    while low < high:  # the most characters that fit with the ellipsis
        middle_count = (low + high + 1) // 2
        if measure(cut(middle_count), size, bold) <= max_width:
            low = middle_count
        else:
            high = middle_count - 1
    return cut(low) if low else ""


def wrap(text: str, size: int, max_width: float, max_lines: int, bold: bool = False) -> list[str]:
    """Word-wrapped lines; the last one is cut with an ellipsis when the text is longer."""
    lines: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if measure(trial, size, bold) <= max_width or not current:
            current = trial
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            current = " ".join(words[index:])
            break
    if current:
        lines.append(current)
    return [fit(line, size, max_width, bold) for line in lines[:max_lines]]


@lru_cache(maxsize=8)
def _tick_sprite(r: int) -> Image.Image:
    """The tick disc of radius `r`, smoothed by drawing it four times larger."""
    big = 4 * r
    image = Image.new("RGBA", (2 * big + 4, 2 * big + 4), (*INK, 0))
    draw = ImageDraw.Draw(image)
    c = big + 2
    draw.ellipse((c - big, c - big, c + big, c + big), fill=(*INK, 255))
    points = [
        (c - big * 0.5, c + big * 0.02),
        (c - big * 0.12, c + big * 0.42),
        (c + big * 0.55, c - big * 0.4),
    ]
    draw.line(points, fill=(*BACKGROUND, 255), width=max(2, round(big * 0.28)), joint="curve")
    return image.reduce(4)


class Canvas:
    """A white card of `height` final pixels, `WIDTH` wide."""

    def __init__(self, height: float, width: int = WIDTH, scale: int = SCALE) -> None:
        """`scale` 1 suits pictures of rectangles only (bar charts): no smoothing needed, and a
        tall chart draws in half the time."""
        self.width = width
        self.height = max(1, round(height))
        self.scale = scale
        self.image = Image.new("RGB", (width * scale, self.height * scale), BACKGROUND)
        self.draw = ImageDraw.Draw(self.image)
        self._texts: list[tuple[int, int, str, Face, RGB]] = []

    def text(
        self,
        x: float,
        top: float,
        text: str,
        size: int,
        fill: RGB = INK,
        bold: bool = False,
        align: Align = "left",
    ) -> float:
        """Draw one line with its top at `top` (drawn last, over the shapes); returns its width."""
        width = measure(text, size, bold)
        if align == "right":
            x -= width
        elif align == "center":
            x -= width / 2
        self._texts.append(
            (round(x), round(top), drawable(text, size, bold), face(size, bold), fill)
        )
        return width

    def circle(
        self,
        cx: float,
        cy: float,
        r: float,
        fill: RGB | None,
        outline: RGB | None = None,
        width: float = 1.0,
    ) -> None:
        k = self.scale
        box = ((cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k)
        line = max(1, round(width * k)) if outline else 0
        self.draw.ellipse(box, fill=fill, outline=outline, width=line)

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        fill: RGB | None,
        outline: RGB | None = None,
        width: float = 1.0,
        radius: float = 0.0,
    ) -> None:
        k = self.scale
        box = (round(x0 * k), round(y0 * k), round(x1 * k) - 1, round(y1 * k) - 1)
        if box[2] < box[0] or box[3] < box[1]:  # thinner than a pixel once rounded: nothing
            return
        line = max(1, round(width * k)) if outline else 0
        self.draw.rounded_rectangle(
            box, radius=round(radius * k), fill=fill, outline=outline, width=line
        )

    def line(self, points: Sequence[tuple[float, float]], fill: RGB, width: float = 1.0) -> None:
        k = self.scale
        scaled = [(x * k, y * k) for x, y in points]
        self.draw.line(scaled, fill=fill, width=max(1, round(width * k)), joint="curve")

    def dashed(
        self,
        start: tuple[float, float],
        end: tuple[float, float],
        fill: RGB,
        width: float = 1.0,
        dash: float = 6.0,
    ) -> None:
        """A dashed straight line (Pillow has none)."""
        (x0, y0), (x1, y1) = start, end
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        if length == 0:
            return
        steps = max(1, int(length // dash))
        for n in range(0, steps, 2):
            a, b = n / steps, min(1.0, (n + 1) / steps)
            self.line(
                [
                    (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                    (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                ],
                fill,
                width,
            )

    def tick(self, cx: float, cy: float, r: float) -> None:
        """The elected mark: a white tick in a dark disc, drawn (no font needs a ✓ glyph)."""
        sprite = _tick_sprite(round(r * self.scale))
        corner = (
            round(cx * self.scale) - sprite.width // 2,
            round(cy * self.scale) - sprite.height // 2,
        )
        self.image.paste(sprite, corner, sprite)

    def png(self) -> bytes:
        """Halve to the final size, write the text, frame it, and encode.

        The same drawing gives the same bytes.
        """
        final = self.image.reduce(self.scale) if self.scale > 1 else self.image
        draw = ImageDraw.Draw(final)
        for x, top, shown, found, fill in self._texts:
            if isinstance(found.font, ImageFont.FreeTypeFont):
                draw.text(
                    (x + found.stroke, top + found.ascent),
                    shown,
                    font=found.font,
                    fill=fill,
                    anchor="ls",
                    stroke_width=found.stroke,
                    stroke_fill=fill,
                )
            else:  # a bitmap font takes no anchor and no stroke
                draw.text((x, top), shown, font=found.font, fill=fill)
        draw.rectangle((0, 0, final.width - 1, final.height - 1), outline=BORDER, width=1)
        buffer = io.BytesIO()
        final.save(buffer, format="PNG", compress_level=3)  # 6 costs +50% for 1% smaller
        return buffer.getvalue()
