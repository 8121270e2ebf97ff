"""Interaction callbacks and the interaction webhook: how the bot answers users.

Discord's rules are kept: one callback per interaction, within 3 seconds, of a type that suits
the interaction; follow-ups and edits only after that callback.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from . import validation
from .channels import Channels, Files
from .errors import BODY, FILES, DiscordError, invalid_form, json_response
from .recording import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_MESSAGE,
    DEFERRED_UPDATE,
    EPHEMERAL,
    LOADING,
    MODAL,
    UPDATE_MESSAGE,
    Interaction,
)
from .world import World

INTERACTION_DEADLINE = 3.0
CHAT_INPUT_COMMAND_MESSAGE = 20

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# interaction type -> callback types Discord accepts for it
ALLOWED_CALLBACKS = {
    2: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, MODAL},
    3: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL},
    4: {AUTOCOMPLETE_RESULT},
    5: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE},
}


class Interactions:
    """Every interaction the fake sent, keyed by id and token, with the bot's answers."""

    def __init__(self, world: World, channels: Channels) -> None:
        self.world = world
        self.channels = channels
        self.by_id: dict[int, Interaction] = {}
        self._by_token: dict[str, Interaction] = {}
        self.deadline = INTERACTION_DEADLINE

    def routes(self) -> list[tuple[str, str, Handler]]:
        hook = "/webhooks/{application_id}/{interaction_token}"
        return [
            ("POST", "/interactions/{interaction_id}/{interaction_token}/callback", self._callback),
            ("POST", hook, self._followup),
            ("GET", hook + "/messages/{message_id}", self._get_message),
            ("PATCH", hook + "/messages/{message_id}", self._edit_message),
            ("DELETE", hook + "/messages/{message_id}", self._delete_message),
        ]

    def register(self, payload: dict[str, Any]) -> Interaction:
        record = Interaction(
            id=int(payload["id"]),
            token=payload["token"],
            type=payload["type"],
            channel_id=int(payload["channel_id"]),
            payload=payload,
            sent_at=time.monotonic(),
        )
        self.by_id[record.id] = record
        self._by_token[record.token] = record
        return record

    async def answer(self, record: Interaction, timeout: float = 5.0) -> Interaction:
        """Wait until the bot has answered `record` (a message, choices, or an edit)."""
        try:
            await asyncio.wait_for(record.answered.wait(), timeout)
        except TimeoutError:
            raise AssertionError(
                f"interaction {record.id} (type {record.type}) was not answered within "
                f"{timeout}s; callback type {record.callback_type}"
            ) from None
        return record

    # ----- the callback ----------------------------------------------------------------------

    async def _callback(self, request: web.Request) -> web.StreamResponse:
        record = self._by_token.get(request.match_info["interaction_token"])
        if record is None or str(record.id) != request.match_info["interaction_id"]:
            raise DiscordError(404, 10062, "Unknown interaction")
        if time.monotonic() - record.sent_at > self.deadline:
            raise DiscordError(404, 10062, "Unknown interaction")
        if record.acknowledged:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        body = request[BODY] or {}
        kind = body.get("type")
        if kind not in ALLOWED_CALLBACKS.get(record.type, set()):
            raise invalid_form([f"callback type {kind} is invalid for interaction {record.type}"])
        data = body.get("data") or {}
        resource: dict[str, Any] = {"type": kind}
        if kind == AUTOCOMPLETE_RESULT:
            problems = validation.choices_problems(data)
            if problems:
                raise invalid_form(problems)
        elif kind == CHANNEL_MESSAGE:
            flags = int(data.get("flags") or 0)
            record.original = self._message(record, data, flags, request[FILES])
            record.bodies.append(data)
        elif kind == DEFERRED_MESSAGE:
            flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL)
            record.original = self._blank(record, flags)
        elif kind in (UPDATE_MESSAGE, DEFERRED_UPDATE):
            record.original = self._source_message(record)
            if kind == UPDATE_MESSAGE:
                self.channels.edit(record.original, data, request[FILES])
                record.bodies.append(data)
        message = (
            record.original if kind in (CHANNEL_MESSAGE, DEFERRED_MESSAGE, UPDATE_MESSAGE) else None
        )
        if message is not None:
            resource["message"] = message
        record.callback_type = kind
        record.callback_at = time.monotonic()
        record.callback_body = body
        if kind not in (DEFERRED_MESSAGE, DEFERRED_UPDATE):
            record.answered.set()
        return json_response(
            {
                "interaction": {
                    "id": str(record.id),
                    "type": record.type,
                    "activity_instance_id": None,
                    "response_message_id": message["id"] if message else None,
                    "response_message_loading": kind == DEFERRED_MESSAGE,
                    "response_message_ephemeral": bool(message and message["flags"] & EPHEMERAL),
                },
                "resource": resource,
            }
        )

    def _source_message(self, record: Interaction) -> dict[str, Any]:
        source = record.payload.get("message")
        message = self.channels.messages.get(int(source["id"])) if source else None
        if message is None:
            raise DiscordError(404, 10008, "Unknown Message")
        return message

    def _metadata(self, record: Interaction) -> dict[str, Any]:
        user = (record.payload.get("member") or {}).get("user") or record.payload.get("user")
        return {
            "interaction_metadata": {
                "id": str(record.id),
                "type": record.type,
                "user": user,
                "authorizing_integration_owners": {"0": str(self.world.guild_id)},
            },
            "webhook_id": str(self.world.application_id),
        }

    def _kind(self, record: Interaction) -> int:
        return CHAT_INPUT_COMMAND_MESSAGE if record.type == 2 else 0

    def _message(
        self, record: Interaction, data: dict[str, Any], flags: int, files: Files = ()
    ) -> dict[str, Any]:
        body = {**data, "flags": flags}
        return self.channels.create(
            record.channel_id, body, files, kind=self._kind(record), extra=self._metadata(record)
        )

    def _blank(self, record: Interaction, flags: int) -> dict[str, Any]:
        message = self.channels.blank(record.channel_id, kind=self._kind(record), flags=flags)
        message.update(self._metadata(record))
        return message

    # ----- the interaction webhook -----------------------------------------------------------

    def _record(self, request: web.Request) -> Interaction:
        record = self._by_token.get(request.match_info["interaction_token"])
        if record is None or request.match_info["application_id"] != str(self.world.application_id):
            raise DiscordError(404, 10015, "Unknown Webhook")
        return record

    async def _followup(self, request: web.Request) -> web.StreamResponse:
        record = self._record(request)
        if not record.acknowledged:
            raise DiscordError(404, 10015, "Unknown Webhook")
        body = request[BODY] or {}
        original = record.original
        if (
            original is not None
            and original["flags"] & LOADING
            and record.callback_type == DEFERRED_MESSAGE
            and not record.followups
        ):
            # The first follow-up fills the "thinking" message, which keeps its own visibility.
            flags = int(body.get("flags") or 0) & ~EPHEMERAL
            message = self.channels.edit(original, {**body, "flags": flags}, request[FILES])
        else:
            message = self._message(record, body, int(body.get("flags") or 0), request[FILES])
        record.followups.append(message)
        record.bodies.append(body)
        record.answered.set()
        return json_response(message)

    def _webhook_message(self, request: web.Request, record: Interaction) -> dict[str, Any]:
        key = request.match_info["message_id"]
        for message in [record.original, *record.followups]:
            if message is not None and (
                (key == "@original" and message is record.original) or message["id"] == key
            ):
                return message
        raise DiscordError(404, 10008, "Unknown Message")

    async def _get_message(self, request: web.Request) -> web.StreamResponse:
        record = self._record(request)
        return json_response(self._webhook_message(request, record))

    async def _edit_message(self, request: web.Request) -> web.StreamResponse:
        record = self._record(request)
        message = self._webhook_message(request, record)
        body = request[BODY] or {}
        self.channels.edit(message, body, request[FILES])
        record.bodies.append(body)
        record.answered.set()
        return json_response(message)

    async def _delete_message(self, request: web.Request) -> web.StreamResponse:
        record = self._record(request)
        message = self._webhook_message(request, record)
        self.channels.messages.pop(int(message["id"]), None)
        return web.Response(status=204)
