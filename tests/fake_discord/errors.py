"""Discord's error answers and the JSON responses discord.py can parse."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

BODY = web.RequestKey("body", object)
FILES = web.RequestKey("files", list)


class DiscordError(Exception):
    """An error answer in Discord's JSON shape: HTTP status, Discord code, message."""

    def __init__(self, status: int, code: int, message: str, errors: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors is not None:
            data["errors"] = self.errors
        return data


def invalid_form(problems: list[str]) -> DiscordError:
    """Discord's 400 for a body it rejects (code 50035), listing what was wrong."""
    return DiscordError(400, 50035, "Invalid Form Body", {"_problems": problems})


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """discord.py parses a body as JSON only when the content type is exactly application/json."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )
