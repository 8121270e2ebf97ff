"""The project's own plain-text grammar (`*.txt`, the seed's format): one election a document."""

from __future__ import annotations

from knowledge.models import Election
from knowledge.parser import parse_document


def read(body: str, file: str) -> list[Election]:
    return [parse_document(body, file)]
