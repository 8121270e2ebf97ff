"""One reader per document format, behind one interface.

A reader turns a document's text into the elections it holds (a `.txt` document is one
election; a Wikipedia article may carry later by-elections; a Democracy Club CSV may hold
several elections). Nothing downstream knows which format an election came from, except its
citation. A reader raises `ParseError(file, line, reason)` for a document it cannot load at all;
what it can only partly read becomes a warning on the election.

Each reader module is imported on its first document: opening a compiled store whose documents
have not changed reads none, and should not pay for importing every parser (mwparserfromhell).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import PurePath

from knowledge.errors import ParseError
from knowledge.models import Election

Reader = Callable[[str, str], list[Election]]
"""(document text, file name) -> the elections it holds."""


def _lazy(module: str) -> Reader:
    """The `read` function of `module`, imported when the first document needs it."""

    def read(body: str, file: str) -> list[Election]:
        found: Reader = import_module(module).read
        return found(body, file)

    return read


READERS: dict[str, Reader] = {
    ".txt": _lazy("knowledge.readers.text"),
    ".wiki": _lazy("knowledge.readers.wikipedia"),
    ".csv": _lazy("knowledge.readers.democracyclub"),
}


def suffixes() -> tuple[str, ...]:
    """The file suffixes the store reads, e.g. `(".txt", ".wiki", ".csv")`."""
    return tuple(READERS)


def reader_for(file: str) -> Reader | None:
    return READERS.get(PurePath(file).suffix.lower())


def read_text(body: str, file: str) -> list[Election]:
    """The elections of one document already decoded to text."""
    reader = reader_for(file)
    if reader is None:
        known = ", ".join(suffixes())
        raise ParseError(file, 1, f"no reader for this kind of file (the store reads {known})")
    return reader(body, file)


def read_document(data: bytes, file: str) -> list[Election]:
    """The elections of one document's bytes; refuses empty and binary files."""
    if reader_for(file) is None:
        return read_text("", file)
    from knowledge.parser import decode_document

    return read_text(decode_document(data, file), file)
