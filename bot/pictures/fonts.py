"""Fonts: DejaVu when the machine has it, Pillow's bundled font otherwise, never a crash.

DejaVu covers Latin, Greek and Cyrillic names and has a real bold. A fresh machine may have no
system fonts at all, so the fallback is Pillow's own font (`load_default(size=...)`, Pillow 10.1
and later); it has no bold cut (bold is drawn with a stroke) and only ASCII, so other characters
are spelled with their unaccented letters rather than drawn as empty boxes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
    "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",  # Arch
    "/usr/local/share/fonts",
    "/usr/local/share/fonts/dejavu",  # FreeBSD
    "/opt/homebrew/share/fonts",
    "/Library/Fonts",
)
_FAMILIES = (
    ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),  # narrow: long names fit
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)
_SUBSTITUTES = {
    "\u2212": "-",  # minus
    "\u2013": "-",
    "\u2014": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u00a0": " ",
    "\u00b7": "-",
    "\u00df": "ss",
    "\u00e6": "ae",
    "\u00c6": "AE",
    "\u00f8": "o",
    "\u00d8": "O",
    "\u0142": "l",
    "\u0141": "L",
    "\u0111": "d",
    "\u0110": "D",
}


@dataclass(frozen=True)
class Face:
    """A font at one size, and whether bold has to be faked with a stroke."""

    font: Font
    stroke: int
    ascent: int
    descent: int


@lru_cache(maxsize=1)
def font_files() -> tuple[Path, Path | None] | None:
    """(regular, bold) DejaVu files found on this machine, or None."""
    for regular, bold in _FAMILIES:
        for folder in _FONT_DIRS:
            path = Path(folder) / regular
            if path.is_file():
                bold_path = Path(folder) / bold
                return path, bold_path if bold_path.is_file() else None
    return None


@lru_cache(maxsize=64)
def face(size: int, bold: bool = False) -> Face:
    """The font for a pixel size; the same arguments give the same object (cached)."""
    files = font_files()
    font: Font
    stroke = 0
    if files is not None:
        regular, bold_file = files
        try:
            font = ImageFont.truetype(str(bold_file if bold and bold_file else regular), size)
            stroke = 1 if bold and bold_file is None else 0
        except OSError:
            font, stroke = _bundled(size, bold)
    else:
        font, stroke = _bundled(size, bold)
    if isinstance(font, ImageFont.FreeTypeFont):
        ascent, descent = font.getmetrics()
    else:  # a bitmap font (Pillow built without FreeType): one fixed size
        box = font.getbbox("Hg")
        ascent, descent = int(box[3]), 0
    return Face(font=font, stroke=stroke, ascent=ascent, descent=descent)


def _bundled(size: int, bold: bool) -> tuple[Font, int]:
    font = ImageFont.load_default(size=size)
    if not isinstance(font, ImageFont.FreeTypeFont):
        return font, 0  # no FreeType: no stroke either
    return font, max(1, size // 24) if bold else 0


@lru_cache(maxsize=4096)
def _covers(size: int, bold: bool, char: str) -> bool:
    """Whether the font draws `char` itself rather than its empty-box glyph."""
    font = face(size, bold).font
    missing = bytes(font.getmask("\uffff"))
    return bytes(font.getmask(char)) != missing


def drawable(text: str, size: int, bold: bool = False) -> str:
    """`text` on one line, with every character the font lacks replaced by the nearest it has."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if text.isascii() and text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char.isascii():
            out.append(char if char.isprintable() else " ")
        elif not char.isprintable():
            continue
        elif _covers(size, bold, char):
            out.append(char)
        elif not unicodedata.combining(char):
            out.append(_substitute(char, size, bold))
    return "".join(out)


def _substitute(char: str, size: int, bold: bool) -> str:
    known = _SUBSTITUTES.get(char)
    if known is not None:
        return known
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if base and all(c.isascii() or _covers(size, bold, c) for c in base):
        return base
    return "?"
