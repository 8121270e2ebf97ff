"""Wikitext values -> plain text.

Infobox values and election-box parameters carry markup that is not part of the value: bold
(`'''41'''`), `<ref>`s, comments, links (`[[Gordon Lishman|Arthur Gordon Lishman]]` reads as
the text shown), `{{increase}}`-style arrows and `{{Start date|2024|5|2}}`. Everything that
reads a value goes through `plain`, so no reader sees raw markup.
"""

from __future__ import annotations

import re

from knowledge.readers.wikipedia.tree import (
    Argument,
    Comment,
    Entity,
    ExternalLink,
    Heading,
    Link,
    Node,
    Tag,
    Template,
    Text,
    parse,
    raw,
)
from knowledge.values import parse_number

_DROPPED_TAGS = frozenset(("ref", "references", "gallery", "math", "score", "templatestyles"))
_BREAK_TAGS = frozenset(("br", "hr"))
_FILE_PREFIX = re.compile(r"^\s*:?\s*(?:file|image|category|media)\s*:", re.IGNORECASE)
_UP = frozenset(("increase", "gain", "up", "increase2", "green arrow up", "profit"))
_DOWN = frozenset(("decrease", "loss", "down", "decrease2", "red arrow down"))
_STEADY = frozenset(("steady", "no change", "nochange", "steady2", "same"))
_PASS_FIRST = frozenset(
    ("nowrap", "nobr", "small", "big", "abbr", "lang", "ill", "interlanguage link", "sort")
)
"""Templates whose first parameter is the text they show."""
_START_DATE = frozenset(("start date", "start date and age", "date", "dts", "end date"))
_PARTY_NAME = frozenset(("party name with colour", "party name with color", "party shortname"))
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"[\[\]{}<>'&]")
"""Characters that can start markup: text without them is already plain."""

Values = dict[str, list[Node]]


def template_name(template: Template) -> str:
    """`Election box winning candidate with party link` -> its lower-case, single-spaced name."""
    return _SPACES.sub(" ", raw(template.name).replace("_", " ")).strip().lower()


def plain(value: list[Node] | str | None) -> str:
    """The text a reader sees, on one line, without markup."""
    if value is None:
        return ""
    if isinstance(value, str):
        if not _MARKUP.search(value):
            return _SPACES.sub(" ", value).strip()
        value = parse(value)
    if len(value) == 1 and isinstance(value[0], Text):  # most values: plain text already
        return _SPACES.sub(" ", value[0].value).strip()
    return _SPACES.sub(" ", "".join(_node_text(node) for node in value)).strip()


def _node_text(node: Node) -> str:
    if isinstance(node, Text):
        return node.value
    if isinstance(node, Link):
        if _FILE_PREFIX.match(raw(node.title)):
            return ""
        return plain(node.text) if node.text is not None else plain(node.title).lstrip(":")
    if isinstance(node, Tag):
        if node.tag in _DROPPED_TAGS:
            return ""
        if node.tag in _BREAK_TAGS:
            return " "
        return plain(node.contents) if node.contents is not None else ""
    if isinstance(node, Template):
        return _template_text(node)
    if isinstance(node, Entity):
        return node.value
    if isinstance(node, ExternalLink):
        return plain(node.title) if node.title is not None else ""
    if isinstance(node, Heading):
        return plain(node.title)
    if isinstance(node, (Comment, Argument)):
        return ""
    return ""


def _template_text(template: Template) -> str:
    name = template_name(template)
    if name in _UP:
        return "+"
    if name in _DOWN:
        return "−"
    if name in _STEADY:
        return "steady "
    if name in _START_DATE:
        parts = [plain(p.value) for p in template.params if not p.showkey][:3]
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
        return " ".join(parts)
    if name in _PASS_FIRST or name in _PARTY_NAME:
        return plain(pick(params(template), "1"))
    return ""  # citations, footnotes, colour boxes: not part of the value


def params(template: Template) -> Values:
    """A template's parameters by key (lower case, `_` as a space, spacing folded)."""
    found: Values = {}
    for item in template.params:
        found.setdefault(" ".join(item.name.lower().replace("_", " ").split()), item.value)
    return found


def pick(found: Values, *names: str) -> list[Node] | None:
    """The first of `names` (written as `params` keys them) among a template's parameters."""
    for name in names:
        if (value := found.get(name)) is not None:
            return value
    return None


def text_param(template: Template, *names: str) -> str:
    return plain(pick(params(template), *names))


def link_target(value: list[Node] | None) -> str:
    """A party cell as its article name when it is one link (`[[Labour Party (UK)|Labour]]`)."""
    if value is None:
        return ""
    links = [n for n in value if isinstance(n, Link)]
    if len(links) == 1:
        rest = "".join(_node_text(n) for n in value if not isinstance(n, Link)).strip()
        if not rest:
            return plain(links[0].title)
    return plain(value)


def number(text: str) -> int | None:
    """`1,234`, `'''2,277'''` (already plain) -> 1234; blank or not a number -> None."""
    cleaned = text.strip().strip("'*").strip()
    if not cleaned:
        return None
    try:
        return parse_number(cleaned)
    except ValueError:
        return None


def percent(text: str) -> float | None:
    """`31.2`, `31.2%`, `37.9 %` -> 31.2; blank or not a number -> None."""
    match = re.match(r"^\s*([+\-−–]?\d+(?:\.\d+)?)\s*%?", text)
    if not match:
        return None
    return float(match[1].replace("−", "-").replace("–", "-"))
