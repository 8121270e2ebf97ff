"""Party names, aliases and colours, read from the editable `data/parties.toml`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from knowledge.errors import DataError
from knowledge.normalize import normalize

NEUTRAL_COLOUR = "#808080"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


class Party(BaseModel):
    """A party as users see it: display name, short label, colour and what people call it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    key: str
    display: str
    short: str
    colour: str = NEUTRAL_COLOUR
    names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    known: bool = True
    """False for a party the data file does not list: shown as written, in grey."""

    @field_validator("colour")
    @classmethod
    def _hex_colour(cls, value: str) -> str:
        if not _HEX.match(value):
            raise ValueError(f"colour {value!r} is not #RRGGBB")
        return value.upper()

    @property
    def colour_int(self) -> int:
        return int(self.colour[1:], 16)

    @property
    def spellings(self) -> tuple[str, ...]:
        """Everything that should resolve to this party."""
        return (self.display, self.short, *self.names, *self.aliases)


class PartyBook:
    """Maps party names as written in documents to `Party` records."""

    def __init__(self, parties: list[Party]) -> None:
        self._parties = {party.key: party for party in parties}
        self._by_name: dict[str, Party] = {}
        for party in parties:
            for name in (party.display, *party.names):
                self._by_name.setdefault(normalize(name), party)

    @classmethod
    def from_toml(cls, path: Path) -> PartyBook:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise DataError(f"{path}: {error}") from error
        try:
            parties = [Party.model_validate(entry) for entry in raw.get("party", [])]
        except ValidationError as error:
            raise DataError(f"{path}: {error}") from error
        return cls(parties)

    @classmethod
    def empty(cls) -> PartyBook:
        return cls([])

    def lookup(self, written: str) -> Party:
        """The party for a name as written; an unknown party keeps its written name."""
        found = self._by_name.get(normalize(written))
        if found is not None:
            return found
        stripped = re.sub(  # `Liberal Democrats (UK, 2025)`: Wikipedia's article names since 2025
            r"\s*\((UK(?:,\s*\d{4})?|politician|England|Scotland|Wales)\)\s*$", "", written
        )
        found = self._by_name.get(normalize(stripped))
        if found is not None:
            return found
        if short := _ABBREVIATED.search(stripped):  # `UK Independence Party (UKIP)`, as the
            stripped = stripped[: short.start()]  # Electoral Commission registers it
            found = self._by_name.get(normalize(stripped)) or self._by_name.get(normalize(short[1]))
            if found is not None:
                return found
        # `Ashfield Independents (UK)` and `Ashfield Independents` are one unlisted party, and
        # `Social Democratic Party (SDP)` and `Social Democratic Party`
        key = normalize(stripped or written).replace(" ", "-") or "unknown"
        return Party(key=key, display=written, short=_short_label(stripped or written), known=False)

    def known(self) -> list[Party]:
        return list(self._parties.values())


_ABBREVIATED = re.compile(r"\s*\(([A-Z][A-Z&]{1,7})\)\s*$")
"""A registered name's trailing abbreviation: `(UKIP)`, `(TUSC)`, `(SDP)`."""


def _short_label(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"the", "of", "and"}]
    if len(words) == 1:
        return str(words[0])[:4]
    return "".join(w[0].upper() for w in words)[:5] or name[:4]
