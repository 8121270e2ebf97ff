"""Pictures of answers: the council seat diagram, a ward's result chart and a party's seats by ward.

    picture = picture_for(answer)            # Picture | None; None = this answer has no picture
    picture = await picture_for_async(answer)  # the same, drawn off the event loop
    picture.png, picture.filename, picture.alt

Drawn with Pillow directly: already a dependency, about 15 ms a picture, where matplotlib would
cost far more to import than to draw. Importing this package loads no Pillow: the drawing modules
are imported the first time a picture is actually drawn, so commands that draw nothing start fast.
Pictures are deterministic for the same answer and cached per (election, subject kind, subject).
A drawing that fails is logged and gives None: the text answer still carries every fact.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.pictures.cache import CacheInfo, LRUCache
from bot.pictures.subject import Subject, fingerprint, subject_of

if TYPE_CHECKING:
    from knowledge.answers import Answer

__all__ = ["CACHE_SIZE", "Picture", "cache_info", "clear_cache", "picture_for", "picture_for_async"]

CACHE_SIZE = 128
"""Pictures kept: every ward and party of about five elections (70-120 kB each, ~15 MB at most)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Picture:
    """A PNG ready to attach: `discord.File(io.BytesIO(p.png), filename=p.filename,
    description=p.alt)` and `embed.set_image(url=f"attachment://{p.filename}")`."""

    png: bytes
    filename: str
    """ASCII letters, digits and hyphens, ending in .png: safe in `attachment://` URLs."""
    alt: str
    """What the picture shows, in words: its caption and alt text (at most 1,000 characters)."""


_cache: LRUCache[Picture] = LRUCache(CACHE_SIZE)
_drawing = threading.Lock()
"""One picture at a time: Pillow's font objects are shared and rendering is CPU-bound anyway."""


def picture_for(answer: Answer) -> Picture | None:
    """The picture of a summary, ward or party answer; None for every other kind of answer."""
    subject = subject_of(answer)
    if subject is None:
        return None
    mark = fingerprint(answer)
    found = _cache.get(subject.cache_key, mark)
    if found is not None:
        return found
    with _drawing:
        found = _cache.get(subject.cache_key, mark)  # drawn by another thread meanwhile?
        if found is None:
            try:
                found = _draw(answer, subject)
            except Exception:
                log.exception("could not draw %s", subject.filename)
                return None
            _cache.put(subject.cache_key, mark, found)
    return found


async def picture_for_async(answer: Answer) -> Picture | None:
    """`picture_for` without blocking the event loop: cached pictures return at once, new ones
    are drawn in a worker thread."""
    subject = subject_of(answer)
    if subject is None:
        return None
    found = _cache.get(subject.cache_key, fingerprint(answer))
    if found is not None:
        return found
    import asyncio  # not at module import: commands that draw nothing never need it

    return await asyncio.to_thread(picture_for, answer)


def clear_cache() -> None:
    _cache.clear()


def cache_info() -> CacheInfo:
    return _cache.info()


def _draw(answer: Answer, subject: Subject) -> Picture:
    from bot.pictures import render  # Pillow is imported here, on the first picture

    png, alt = render.render(answer)
    return Picture(png=png, filename=subject.filename, alt=alt)
