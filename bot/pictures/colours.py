"""Colours for the picture cards: one light card palette, and party colours made legible on it.

A solid light card (never transparency) reads the same in Discord's dark and light themes; party
colours that are too pale for it get a darker outline, and text on a coloured bar picks black or
white by contrast rather than by guess.
"""

from __future__ import annotations

import re

RGB = tuple[int, int, int]

BACKGROUND: RGB = (255, 255, 255)
BORDER: RGB = (196, 202, 209)
INK: RGB = (31, 35, 40)
"""Main text: 15.8:1 on the card."""
MUTED: RGB = (87, 96, 106)
"""Secondary text: 6.4:1 on the card, still above WCAG AA."""
RULE: RGB = (110, 119, 129)
FAINT: RGB = (234, 238, 242)
NEUTRAL: RGB = (128, 128, 128)

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def rgb(colour: str) -> RGB:
    """`#RRGGBB` -> (r, g, b); anything unreadable becomes the neutral grey, never an error."""
    found = _HEX.match(colour.strip())
    if not found:
        return NEUTRAL
    value = int(found.group(1), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def luminance(colour: RGB) -> float:
    """WCAG relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def mix(a: RGB, b: RGB, amount: float) -> RGB:
    """`amount` of the way from a to b."""
    r, g, bl = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return r, g, bl


def outline_for(fill: RGB) -> RGB:
    """A darker edge so pale party colours (grey, yellow) still stand off the white card."""
    return mix(fill, INK, 0.45)


def ink_on(fill: RGB) -> RGB:
    """Black or white text, whichever has more contrast on `fill`."""
    return INK if contrast(INK, fill) >= contrast(BACKGROUND, fill) else BACKGROUND


def distinct(colours: list[str]) -> list[RGB]:
    """Party colours, with repeats shifted in lightness so two parties never look the same.

    Parties missing from the party file all share the neutral grey; in a seat diagram their blocks
    would merge without this.
    """
    seen: set[RGB] = set()
    result: list[RGB] = []
    for colour in colours:
        base = rgb(colour)
        candidate = base
        step = 0
        while candidate in seen:
            step += 1
            towards = BACKGROUND if step % 2 else INK
            candidate = mix(base, towards, min(0.8, 0.35 * ((step + 1) // 2)))
            if step > 12:
                candidate = (candidate[0], candidate[1], (candidate[2] + step) % 256)
        seen.add(candidate)
        result.append(candidate)
    return result
