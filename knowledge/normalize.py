"""One normalisation for every name a user types or a document writes.

rapidfuzz compares exact characters, so everything is folded once, when an index is built and
when a query arrives: case, accents (Zoë -> zoe), apostrophes (O'Brien -> obrien), `&` -> and,
hyphens and other punctuation -> spaces.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Fold `text` for matching: lower case ASCII words separated by single spaces."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.casefold().replace("&", " and ").replace("ß", "ss")
    folded = _APOSTROPHES.sub("", folded)
    return _NON_WORD.sub(" ", folded).strip()


def compact(text: str) -> str:
    """Normalised with the spaces removed, so `john paul` and `johnpaul` meet."""
    return normalize(text).replace(" ", "")
