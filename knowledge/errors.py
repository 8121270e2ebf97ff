"""The exceptions `knowledge` raises, in one hierarchy.

    KnowledgeError            anything this package raises on purpose
    ├── ParseError            a document cannot be read: names the file and the line
    └── DataError             reference data (the party file) is malformed

"Not found" and "ambiguous" are not exceptions: they are values of the answers.
"""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class for every error this package raises on purpose."""


class ParseError(KnowledgeError):
    """An election document that cannot be loaded, with the place it went wrong."""

    def __init__(self, file: str, line: int, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        super().__init__(f"{file}, line {line}: {reason}")


class DataError(KnowledgeError):
    """Reference data (party names, aliases, colours) that cannot be used."""
