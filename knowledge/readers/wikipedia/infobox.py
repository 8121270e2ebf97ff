"""`{{Infobox election}}` / `{{Infobox legislative election}}` -> the election's stated figures.

Values are read as plain text (bold, refs, comments and links stripped). Party rows are the
numbered fields (`party1`, `seats1`, `seats_before1`, `last_election1` "25 seats, 39.0%",
`seat_change1` `{{increase}} 8`, `popular_vote1`, `percentage1`); council control is
`before_party`/`after_party` or `before_election`/`after_election` under a control title.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from knowledge.models import InfoboxParty, ParseWarning
from knowledge.readers.wikipedia.markup import link_target, plain, template_name
from knowledge.readers.wikipedia.tree import Template
from knowledge.values import parse_change, parse_count, parse_date, parse_share

_SLOT = re.compile(r"^(?P<field>[a-z][a-z_ ]*?)_?(?P<slot>\d{1,3})$")
_FIELDS: dict[str, str] = {
    "party": "name",
    "last_election": "last_election",
    "seats_before": "seats_before",
    "seats": "seats",
    "seats_after": "seats_after",
    "seat_change": "seat_change",
    "popular_vote": "popular_vote",
    "percentage": "percentage",
}
_READERS: dict[str, Callable[[str], int | float | None]] = {
    "seat_change": lambda text: parse_change(re.sub(r"^([+−-])\s+", r"\1", text)),
    "percentage": parse_share,
}


def is_infobox(template: Template) -> bool:
    name = template_name(template)
    return name.startswith(("infobox election", "infobox legislative election"))


@dataclass
class Infobox:
    fields: dict[str, str] = field(default_factory=dict)
    parties: tuple[InfoboxParty, ...] = ()
    warnings: list[ParseWarning] = field(default_factory=list)

    def get(self, *keys: str) -> str | None:
        for key in keys:
            if value := self.fields.get(key):
                return value
        return None

    @property
    def control(self) -> tuple[str | None, str | None]:
        """(before, after) council control, when the infobox's title is about control."""
        title = (self.get("title") or "").lower()
        if title and "control" not in title:
            return None, None
        before = self.get("before_election", "before_party")
        after = self.get("after_election", "after_party")
        return before, after


def read_infobox(template: Template, file: str, line: int) -> Infobox:
    box = Infobox()
    links: dict[str, str] = {}
    for item in template.params:
        key = "_".join(item.name.lower().split())
        box.fields[key] = plain(item.value)
        links[key] = link_target(item.value)
    slots: dict[int, dict[str, str]] = {}
    for key, value in box.fields.items():
        match = _SLOT.match(key)
        if not match or not value:
            continue
        name = _FIELDS.get(match["field"].rstrip("_"))
        if name:
            slots.setdefault(int(match["slot"]), {})[name] = links[key] if name == "name" else value
    rows = []
    for slot in sorted(slots):
        values = slots[slot]
        if not values.get("name"):
            continue  # images and leaders without a party: nothing to count
        row: dict[str, object] = {"slot": slot, "name": values["name"]}
        for name, text in values.items():
            if name == "name" or (not re.search(r"\d", text) and name != "seat_change"):
                continue  # `Did not stand`, `New party`: no figure stated
            try:
                figure = _READERS.get(name, parse_count)(text.replace("+ ", "+"))
            except ValueError:
                box.warnings.append(
                    ParseWarning(
                        file=file,
                        line=line,
                        message=f"infobox {name.replace('_', ' ')} {text[:40]!r} for party "
                        f"{slot} is not a number; ignored",
                    )
                )
                continue
            if figure is not None:
                row[name] = figure
        rows.append(InfoboxParty.model_validate(row))
    box.parties = tuple(rows)
    return box


def infobox_date(box: Infobox) -> str | None:
    """The stated election date as ISO text, or None."""
    text = box.get("election_date", "date")
    if not text:
        return None
    when = parse_date(text)
    return when.isoformat() if when else None
