"""Channels, messages and pins: what the bot posts, edits and pins outside interactions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from . import validation
from .errors import BODY, DiscordError, invalid_form, json_response
from .recording import EPHEMERAL, LOADING
from .world import Perm, World, iso_now

PINS_MAX = 250

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Dispatch = Callable[[str, dict[str, Any]], Awaitable[int]]


class Channels:
    """Every message the fake holds (interaction replies included) and the pins per channel."""

    def __init__(self, world: World, permissions: Callable[[int], int], dispatch: Dispatch) -> None:
        self.world = world
        self.permissions = permissions
        self.dispatch = dispatch
        self.messages: dict[int, dict[str, Any]] = {}
        self.pins: dict[int, list[tuple[int, str]]] = {}

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [
            ("GET", r"/channels/{channel_id:\d+}", self._get_channel),
            ("POST", r"/channels/{channel_id:\d+}/messages", self._create),
            ("GET", r"/channels/{channel_id:\d+}/messages/pins", self._get_pins),
            ("PUT", r"/channels/{channel_id:\d+}/messages/pins/{message_id:\d+}", self._pin),
            ("DELETE", r"/channels/{channel_id:\d+}/messages/pins/{message_id:\d+}", self._unpin),
            ("GET", r"/channels/{channel_id:\d+}/messages/{message_id:\d+}", self._get),
            ("PATCH", r"/channels/{channel_id:\d+}/messages/{message_id:\d+}", self._edit),
            ("DELETE", r"/channels/{channel_id:\d+}/messages/{message_id:\d+}", self._delete),
        ]

    # ----- the message store -----------------------------------------------------------------

    def pinned(self, channel_id: int) -> list[dict[str, Any]]:
        """Messages pinned in a channel, most recently pinned first."""
        return [self.messages[mid] for mid, _ in reversed(self.pins.get(channel_id, []))]

    def blank(self, channel_id: int, *, kind: int = 0, flags: int = 0) -> dict[str, Any]:
        """A stored message by the bot with no content yet (e.g. a deferred "thinking" reply)."""
        message_id = self.world.ids.next()
        message = {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "guild_id": str(self.world.guild_id),
            "author": self.world.bot_user(),
            "content": "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": False,
            "type": kind,
            "flags": flags,
        }
        self.messages[message_id] = message
        return message

    def create(
        self,
        channel_id: int,
        body: dict[str, Any],
        *,
        kind: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Store a new message from a create body, refusing what Discord would refuse."""
        problems = validation.message_problems(body)
        if problems:
            raise invalid_form(problems)
        if not any(body.get(k) for k in ("content", "embeds", "components", "attachments")):
            raise DiscordError(400, 50006, "Cannot send an empty message")
        message = self.blank(channel_id, kind=kind, flags=int(body.get("flags") or 0))
        message.update(
            content=body.get("content") or "",
            tts=bool(body.get("tts")),
            attachments=self._attachments(body),
            embeds=list(body.get("embeds") or []),
            components=list(body.get("components") or []),
            **(extra or {}),
        )
        return message

    def edit(self, message: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        """Apply an edit body to a stored message; a "thinking" message stops loading."""
        merged = {**message, **{k: v for k, v in body.items() if k != "allowed_mentions"}}
        problems = validation.message_problems(merged)
        if problems:
            raise invalid_form(problems)
        for key, empty in (("content", ""), ("embeds", []), ("components", [])):
            if key in body:
                message[key] = body[key] if body[key] is not None else empty
        if "attachments" in body:
            message["attachments"] = self._attachments(body)
        if body.get("flags") is not None:
            message["flags"] = (message["flags"] & (EPHEMERAL | LOADING)) | int(body["flags"])
        message["flags"] &= ~LOADING
        message["edited_timestamp"] = iso_now()
        return message

    def _attachments(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        out = []
        for att in body.get("attachments") or []:
            name = att.get("filename", "file")
            url = f"https://cdn.fake-discord.invalid/attachments/{name}"
            out.append(
                {
                    "id": str(self.world.ids.next()),
                    "filename": name,
                    "size": 0,
                    "url": url,
                    "proxy_url": url,
                    "content_type": att.get("content_type"),
                    "description": att.get("description"),
                }
            )
        return out

    # ----- checks ----------------------------------------------------------------------------

    def _channel_id(self, request: web.Request) -> int:
        channel_id = int(request.match_info["channel_id"])
        if self.world.channel(channel_id) is None:
            raise DiscordError(404, 10003, "Unknown Channel")
        return channel_id

    def _require(self, channel_id: int, *perms: int) -> None:
        allowed = self.permissions(channel_id)
        for perm in perms:
            if not allowed & perm:
                raise DiscordError(403, 50013, "Missing Permissions")

    def _message(self, channel_id: int, message_id: int) -> dict[str, Any]:
        message = self.messages.get(message_id)
        if message is None or int(message["channel_id"]) != channel_id:
            raise DiscordError(404, 10008, "Unknown Message")
        return message

    # ----- routes ----------------------------------------------------------------------------

    async def _get_channel(self, request: web.Request) -> web.StreamResponse:
        return json_response(self.world.channel(self._channel_id(request)))

    async def _create(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        self._require(channel_id, Perm.VIEW_CHANNEL, Perm.SEND_MESSAGES)
        return json_response(self.create(channel_id, request[BODY] or {}))

    async def _get(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        self._require(channel_id, Perm.VIEW_CHANNEL, Perm.READ_MESSAGE_HISTORY)
        return json_response(self._message(channel_id, int(request.match_info["message_id"])))

    async def _edit(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        message = self._message(channel_id, int(request.match_info["message_id"]))
        if message["author"]["id"] != str(self.world.bot_id):
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        return json_response(self.edit(message, request[BODY] or {}))

    async def _delete(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        message_id = int(request.match_info["message_id"])
        self._message(channel_id, message_id)
        self.messages.pop(message_id)
        self.pins[channel_id] = [p for p in self.pins.get(channel_id, []) if p[0] != message_id]
        return web.Response(status=204)

    async def _pin(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        self._require(channel_id, Perm.VIEW_CHANNEL, Perm.PIN_MESSAGES)
        message_id = int(request.match_info["message_id"])
        message = self._message(channel_id, message_id)
        pins = self.pins.setdefault(channel_id, [])
        if message_id not in [mid for mid, _ in pins]:
            if len(pins) >= PINS_MAX:
                raise DiscordError(400, 30003, "Maximum number of pins reached (250)")
            pins.append((message_id, iso_now()))
        message["pinned"] = True
        await self._pins_update(channel_id)
        return web.Response(status=204)

    async def _unpin(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        self._require(channel_id, Perm.VIEW_CHANNEL, Perm.PIN_MESSAGES)
        message_id = int(request.match_info["message_id"])
        message = self._message(channel_id, message_id)
        self.pins[channel_id] = [p for p in self.pins.get(channel_id, []) if p[0] != message_id]
        message["pinned"] = False
        await self._pins_update(channel_id)
        return web.Response(status=204)

    async def _pins_update(self, channel_id: int) -> None:
        pins = self.pins.get(channel_id, [])
        data: dict[str, Any] = {"guild_id": str(self.world.guild_id), "channel_id": str(channel_id)}
        data["last_pin_timestamp"] = pins[-1][1] if pins else None
        await self.dispatch("CHANNEL_PINS_UPDATE", data)

    async def _get_pins(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        self._require(channel_id, Perm.VIEW_CHANNEL, Perm.READ_MESSAGE_HISTORY)
        limit = min(int(request.query.get("limit", 50)), 50)
        before = request.query.get("before")
        pins = list(reversed(self.pins.get(channel_id, [])))
        if before:
            pins = [p for p in pins if p[1] < before]
        items = [{"pinned_at": at, "message": self.messages[mid]} for mid, at in pins[:limit]]
        return json_response({"items": items, "has_more": len(pins) > limit})
