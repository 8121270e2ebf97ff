"""Wikitext values -> plain text, with mwparserfromhell doing the parsing.

Infobox values and election-box parameters carry markup that is not part of the value: bold
(`'''41'''`), `<ref>`s, comments, links (`[[Gordon Lishman|Arthur Gordon Lishman]]` reads as
the text shown), `{{increase}}`-style arrows and `{{Start date|2024|5|2}}`. Everything that
reads a value goes through `plain`, so no reader sees raw markup.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

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
_SPACES = re.compile(r"\s+")


def template_name(template: Template) -> str:
    """`Election box winning candidate with party link` -> its lower-case, single-spaced name."""
    name = str(template.name)
    if "<!--" in name:
        name = re.sub(r"<!--.*?-->", "", name, flags=re.DOTALL)
    return _SPACES.sub(" ", name.replace("_", " ")).strip().lower()


def parse(text: str) -> Wikicode:
    return mwparserfromhell.parse(text)


def plain(value: Wikicode | str | None) -> str:
    """The text a reader sees, on one line, without markup."""
    if value is None:
        return ""
    code = parse(value) if isinstance(value, str) else value
    return _SPACES.sub(" ", "".join(_node_text(node) for node in code.nodes)).strip()


def _node_text(node: Node) -> str:
    if isinstance(node, Text):
        return str(node.value)
    if isinstance(node, Wikilink):
        if _FILE_PREFIX.match(str(node.title)):
            return ""
        return plain(node.text) if node.text is not None else plain(node.title).lstrip(":")
    if isinstance(node, Tag):
        tag = str(node.tag).strip().lower()
        if tag in _DROPPED_TAGS:
            return ""
        if tag in _BREAK_TAGS:
            return " "
        return plain(node.contents) if node.contents is not None else ""
    if isinstance(node, Template):
        return _template_text(node)
    if isinstance(node, HTMLEntity):
        return node.normalize()
    if isinstance(node, ExternalLink):
        return plain(node.title) if node.title is not None else ""
    if isinstance(node, Heading):
        return plain(node.title)
    if isinstance(node, (Comment, Argument)):
        return ""
    return str(node)


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
    if name in _PASS_FIRST and template.has("1"):
        return plain(template.get("1").value)
    if name in ("party name with colour", "party name with color", "party shortname"):
        return plain(template.get("1").value) if template.has("1") else ""
    return ""  # citations, footnotes, colour boxes: not part of the value


def param(template: Template, *names: str) -> Wikicode | None:
    """The first of `names` the template has (case and spacing of the key ignored)."""
    wanted = [" ".join(n.lower().split()) for n in names]
    found: dict[str, Wikicode] = {}
    for item in template.params:
        key = " ".join(plain(item.name).lower().replace("_", " ").split())
        found.setdefault(key, item.value)
    for name in wanted:
        if name in found:
            return found[name]
        spaced = name.replace("_", " ")
        if spaced in found:
            return found[spaced]
    return None


def text_param(template: Template, *names: str) -> str:
    return plain(param(template, *names))


def link_target(value: Wikicode | None) -> str:
    """A party cell as its article name when it is one link (`[[Labour Party (UK)|Labour]]`)."""
    if value is None:
        return ""
    links = [n for n in value.nodes if isinstance(n, Wikilink)]
    rest = "".join(_node_text(n) for n in value.nodes if not isinstance(n, Wikilink)).strip()
    if len(links) == 1 and not rest:
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
