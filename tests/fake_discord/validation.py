"""Discord's limits, checked the way Discord checks them: a body over a limit gets a 400.

The bot must trim its messages itself; the fake refuses what Discord would refuse, so a bot
that relies on Discord to truncate fails its tests here rather than in production.
Each function returns a list of problems (empty when the body is acceptable).
"""

from __future__ import annotations

import re
from typing import Any

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
EMBED_FIELD_NAME_MAX = 256
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_MAX = 2048
EMBED_AUTHOR_MAX = 256
EMBED_TOTAL_MAX = 6000
CHOICES_MAX = 25
CHOICE_NAME_MAX = 100
CHOICE_STRING_MAX = 100
SELECT_OPTIONS_MAX = 25
SELECT_TEXT_MAX = 100
PLACEHOLDER_MAX = 150
CUSTOM_ID_MAX = 100
ACTION_ROWS_MAX = 5
COMMANDS_MAX = 100
OPTIONS_MAX = 25
NAME_RE = re.compile(r"^[-_\w]{1,32}$")


def _embed_problems(embed: dict[str, Any], where: str) -> tuple[list[str], int]:
    problems: list[str] = []
    total = 0

    def text(key: str, value: Any, limit: int, *, required: bool = False) -> None:
        nonlocal total
        if value is None:
            if required:
                problems.append(f"{where}.{key}: required")
            return
        if not isinstance(value, str):
            problems.append(f"{where}.{key}: not a string")
            return
        if required and not value.strip():
            problems.append(f"{where}.{key}: must not be empty")
        if len(value) > limit:
            problems.append(f"{where}.{key}: {len(value)} characters, limit {limit}")
        total += len(value)

    text("title", embed.get("title"), EMBED_TITLE_MAX)
    text("description", embed.get("description"), EMBED_DESCRIPTION_MAX)
    text("footer.text", (embed.get("footer") or {}).get("text"), EMBED_FOOTER_MAX)
    text("author.name", (embed.get("author") or {}).get("name"), EMBED_AUTHOR_MAX)
    colour = embed.get("color")
    if colour is not None and not (isinstance(colour, int) and 0 <= colour <= 0xFFFFFF):
        problems.append(f"{where}.color: {colour!r} is not a 24-bit colour")
    fields = embed.get("fields") or []
    if len(fields) > EMBED_FIELDS_MAX:
        problems.append(f"{where}.fields: {len(fields)} fields, limit {EMBED_FIELDS_MAX}")
    for i, fld in enumerate(fields):
        text(f"fields[{i}].name", fld.get("name"), EMBED_FIELD_NAME_MAX, required=True)
        text(f"fields[{i}].value", fld.get("value"), EMBED_FIELD_VALUE_MAX, required=True)
    return problems, total


def message_problems(body: dict[str, Any]) -> list[str]:
    """Problems with a message body (create, edit, interaction response or follow-up)."""
    problems: list[str] = []
    content = body.get("content")
    if isinstance(content, str) and len(content) > CONTENT_MAX:
        problems.append(f"content: {len(content)} characters, limit {CONTENT_MAX}")
    embeds = body.get("embeds") or []
    if len(embeds) > EMBEDS_MAX:
        problems.append(f"embeds: {len(embeds)} embeds, limit {EMBEDS_MAX}")
    total = 0
    for i, embed in enumerate(embeds):
        found, size = _embed_problems(embed, f"embeds[{i}]")
        problems.extend(found)
        total += size
    if total > EMBED_TOTAL_MAX:
        problems.append(f"embeds: {total} characters in all, limit {EMBED_TOTAL_MAX}")
    problems.extend(component_problems(body.get("components") or []))
    return problems


def component_problems(rows: list[dict[str, Any]]) -> list[str]:
    """Problems with message components (action rows of buttons and select menus)."""
    problems: list[str] = []
    if len(rows) > ACTION_ROWS_MAX:
        problems.append(f"components: {len(rows)} rows, limit {ACTION_ROWS_MAX}")
    for r, row in enumerate(rows):
        for c, comp in enumerate(row.get("components") or []):
            where = f"components[{r}].components[{c}]"
            custom_id = comp.get("custom_id")
            if custom_id is not None and not 1 <= len(custom_id) <= CUSTOM_ID_MAX:
                problems.append(f"{where}.custom_id: length {len(custom_id)}")
            if len(comp.get("placeholder") or "") > PLACEHOLDER_MAX:
                problems.append(f"{where}.placeholder: longer than {PLACEHOLDER_MAX}")
            if comp.get("type") == 3:
                options = comp.get("options") or []
                if not 1 <= len(options) <= SELECT_OPTIONS_MAX:
                    problems.append(f"{where}.options: {len(options)} options")
                values = [o.get("value") for o in options]
                if len(set(values)) != len(values):
                    problems.append(f"{where}.options: duplicate values")
                for o, option in enumerate(options):
                    for key in ("label", "value", "description"):
                        value = option.get(key)
                        if value is None and key == "description":
                            continue
                        if not isinstance(value, str) or not 1 <= len(value) <= SELECT_TEXT_MAX:
                            problems.append(f"{where}.options[{o}].{key}: {value!r}")
    return problems


def choices_problems(body: dict[str, Any]) -> list[str]:
    """Problems with an autocomplete result."""
    choices = body.get("choices")
    if not isinstance(choices, list):
        return ["choices: missing"]
    problems = []
    if len(choices) > CHOICES_MAX:
        problems.append(f"choices: {len(choices)} choices, limit {CHOICES_MAX}")
    for i, choice in enumerate(choices):
        name = choice.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= CHOICE_NAME_MAX:
            problems.append(f"choices[{i}].name: {name!r}")
        value = choice.get("value")
        if isinstance(value, str) and len(value) > CHOICE_STRING_MAX:
            problems.append(f"choices[{i}].value: {len(value)} characters")
    return problems


def _option_problems(option: dict[str, Any], where: str) -> list[str]:
    problems: list[str] = []
    name = option.get("name", "")
    if not NAME_RE.match(name) or name != name.lower():
        problems.append(f"{where}.name: {name!r} is not a valid option name")
    description = option.get("description", "")
    if not 1 <= len(description) <= 100:
        problems.append(f"{where}.description: {len(description)} characters (1-100)")
    if option.get("choices") and option.get("autocomplete"):
        problems.append(f"{where}: choices and autocomplete are exclusive")
    if len(option.get("choices") or []) > CHOICES_MAX:
        problems.append(f"{where}.choices: more than {CHOICES_MAX}")
    sub = option.get("options") or []
    seen_optional = False
    for i, child in enumerate(sub):
        problems.extend(_option_problems(child, f"{where}.options[{i}]"))
        if child.get("required"):
            if seen_optional:
                problems.append(f"{where}.options[{i}]: required option after an optional one")
        elif child.get("type") not in (1, 2):
            seen_optional = True
    return problems


def commands_problems(commands: list[dict[str, Any]]) -> list[str]:
    """Problems with a bulk overwrite of application commands."""
    problems: list[str] = []
    if len(commands) > COMMANDS_MAX:
        problems.append(f"{len(commands)} commands, limit {COMMANDS_MAX}")
    names = [(c.get("type", 1), c.get("name")) for c in commands]
    if len(set(names)) != len(names):
        problems.append("duplicate command names")
    for i, command in enumerate(commands):
        if command.get("type", 1) != 1:
            continue
        wrapped = {**command, "required": False, "type": 1}
        problems.extend(_option_problems(wrapped, f"[{i}]"))
        if len(command.get("options") or []) > OPTIONS_MAX:
            problems.append(f"[{i}].options: more than {OPTIONS_MAX}")
    return problems
