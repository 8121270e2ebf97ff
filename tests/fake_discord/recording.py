"""What the fake saw: every HTTP call, and every interaction's life from creation to answer."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

EPHEMERAL = 1 << 6
LOADING = 1 << 7

CHANNEL_MESSAGE = 4
DEFERRED_MESSAGE = 5
DEFERRED_UPDATE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
MODAL = 9


@dataclass
class Call:
    """One HTTP request the client made, and what the fake answered."""

    method: str
    path: str
    route: str
    query: dict[str, str]
    body: Any
    files: list[dict[str, Any]]
    status: int
    at: float
    fault: str | None = None

    @property
    def unknown(self) -> bool:
        return self.route == "UNKNOWN"

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


@dataclass
class Interaction:
    """An INTERACTION_CREATE the fake sent, and every response the client made to it."""

    id: int
    token: str
    type: int
    channel_id: int
    payload: dict[str, Any]
    sent_at: float
    callback_type: int | None = None
    callback_at: float | None = None
    callback_body: dict[str, Any] = field(default_factory=dict)
    original: dict[str, Any] | None = None
    followups: list[dict[str, Any]] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    answered: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def acknowledged(self) -> bool:
        return self.callback_type is not None

    @property
    def latency(self) -> float | None:
        """Seconds from sending INTERACTION_CREATE to receiving the callback."""
        return None if self.callback_at is None else self.callback_at - self.sent_at

    @property
    def message(self) -> dict[str, Any]:
        """The message the user finally sees: the first follow-up, else the original."""
        if self.original is not None and not self.original["flags"] & LOADING:
            return self.original
        if self.followups:
            return self.followups[0]
        if self.original is not None:
            return self.original
        raise AssertionError(f"interaction {self.id} produced no message")

    @property
    def ephemeral(self) -> bool:
        return bool(self.message["flags"] & EPHEMERAL)

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return list(self.message.get("embeds") or [])

    @property
    def embed(self) -> dict[str, Any]:
        embeds = self.embeds
        assert len(embeds) == 1, f"expected one embed, got {len(embeds)}: {self.message}"
        return embeds[0]

    @property
    def attachments(self) -> list[dict[str, Any]]:
        """The files on the message (read their bytes with `FakeDiscord.file`)."""
        return list(self.message.get("attachments") or [])

    @property
    def content(self) -> str:
        return str(self.message.get("content") or "")

    @property
    def components(self) -> list[dict[str, Any]]:
        return list(self.message.get("components") or [])

    @property
    def choices(self) -> list[dict[str, Any]]:
        assert self.callback_type == AUTOCOMPLETE_RESULT, f"callback type {self.callback_type}"
        return list(self.callback_body.get("data", {}).get("choices") or [])

    def text(self) -> str:
        """All visible text of the message, for `in` assertions."""
        msg = self.message
        parts = [str(msg.get("content") or "")]
        for embed in msg.get("embeds") or []:
            parts.append(str(embed.get("title") or ""))
            parts.append(str(embed.get("description") or ""))
            for fld in embed.get("fields") or []:
                parts.append(f"{fld.get('name')}\n{fld.get('value')}")
            parts.append(str((embed.get("footer") or {}).get("text") or ""))
            parts.append(str((embed.get("author") or {}).get("name") or ""))
        for row in msg.get("components") or []:
            for comp in row.get("components") or []:
                parts.append(str(comp.get("label") or comp.get("placeholder") or ""))
                for option in comp.get("options") or []:
                    parts.append(f"{option.get('label')} {option.get('description') or ''}")
        return "\n".join(parts)
