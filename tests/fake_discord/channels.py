"""Channels, messages and pins: what the bot posts, edits and pins outside interactions.

Files arrive as multipart/form-data (`payload_json` plus `files[n]`): each entry of the body's
`attachments` either keeps an attachment the message already has (by its id) or names an upload
(`{"id": n}` for the part `files[n]`). Uploads are kept, so tests can read back the bytes
(`uploads[attachment_id]`). Messages the bot posts in a channel come back to it as MESSAGE_CREATE,
as on Discord, so the bot meets its own messages.
"""

from __future__ import annotations

import struct
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web

from . import validation
from .errors import BODY, FILES, DiscordError, invalid_form, json_response
from .recording import EPHEMERAL, LOADING
from .world import DM, PUBLIC_THREAD, Perm, World, iso_now

PINS_MAX = 250
ATTACHMENTS_MAX = 10
ATTACHMENT_DESCRIPTION_MAX = 1024
UPLOAD_MAX = 10 * 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REPLY = 19

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Dispatch = Callable[[str, dict[str, Any]], Awaitable[int]]
Files = Sequence[dict[str, Any]]


class Channels:
    """Every message the fake holds (interaction replies included) and the pins per channel."""

    def __init__(self, world: World, permissions: Callable[[int], int], dispatch: Dispatch) -> None:
        self.world = world
        self.permissions = permissions
        self.dispatch = dispatch
        self.messages: dict[int, dict[str, Any]] = {}
        self.pins: dict[int, list[tuple[int, str]]] = {}
        self.uploads: dict[str, bytes] = {}
        """Attachment id -> the uploaded bytes."""
        self.bodies: dict[int, dict[str, Any]] = {}
        """Message id -> the JSON body that created it (for POST /channels/{id}/messages)."""
        self.echo = True
        """Send MESSAGE_CREATE for messages posted with POST /channels/{id}/messages."""

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

    def replies_to(self, message_id: int | str) -> list[dict[str, Any]]:
        """Messages that reply to `message_id` (their message_reference names it), oldest first."""
        return [
            m
            for m in self.messages.values()
            if (m.get("message_reference") or {}).get("message_id") == str(message_id)
        ]

    def add(self, message: dict[str, Any]) -> None:
        """Keep a message someone else wrote (from `Events.message`), so it can be replied to."""
        self.messages[int(message["id"])] = message

    def blank(self, channel_id: int, *, kind: int = 0, flags: int = 0) -> dict[str, Any]:
        """A stored message by the bot with no content yet (e.g. a deferred "thinking" reply)."""
        message_id = self.world.ids.next()
        message: dict[str, Any] = {
            "id": str(message_id),
            "channel_id": str(channel_id),
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
        if self.world.is_guild_channel(channel_id):
            message["guild_id"] = str(self.world.guild_id)
        self.messages[message_id] = message
        return message

    def create(
        self,
        channel_id: int,
        body: dict[str, Any],
        files: Files = (),
        *,
        kind: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Store a new message from a create body, refusing what Discord would refuse."""
        problems = validation.message_problems(body)
        if problems:
            raise invalid_form(problems)
        if not files and not any(
            body.get(k) for k in ("content", "embeds", "components", "attachments")
        ):
            raise DiscordError(400, 50006, "Cannot send an empty message")
        attachments = self._attachments(body, files, [])
        message = self.blank(channel_id, kind=kind, flags=int(body.get("flags") or 0))
        message.update(
            content=body.get("content") or "",
            tts=bool(body.get("tts")),
            attachments=attachments,
            embeds=list(body.get("embeds") or []),
            components=list(body.get("components") or []),
            **(extra or {}),
        )
        return message

    def edit(
        self, message: dict[str, Any], body: dict[str, Any], files: Files = ()
    ) -> dict[str, Any]:
        """Apply an edit body to a stored message; a "thinking" message stops loading.

        With `attachments` in the body, the message keeps exactly those (old ones by id, new
        uploads by index); without it, uploads are added to what the message has.
        """
        merged = {**message, **{k: v for k, v in body.items() if k != "allowed_mentions"}}
        problems = validation.message_problems(merged)
        if problems:
            raise invalid_form(problems)
        if "attachments" in body or files:
            message["attachments"] = self._attachments(body, files, message["attachments"])
        for key, empty in (("content", ""), ("embeds", []), ("components", [])):
            if key in body:
                message[key] = body[key] if body[key] is not None else empty
        if body.get("flags") is not None:
            message["flags"] = (message["flags"] & (EPHEMERAL | LOADING)) | int(body["flags"])
        message["flags"] &= ~LOADING
        message["edited_timestamp"] = iso_now()
        return message

    def _attachments(
        self, body: dict[str, Any], files: Files, current: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        uploads = {f["field"]: f for f in files}
        listed = body.get("attachments")
        if listed is None:
            listed = [{"id": a["id"]} for a in current]
        existing = {a["id"]: a for a in current}
        out: list[dict[str, Any]] = []
        used: set[str] = set()
        for n, att in enumerate(listed):
            key = str(att.get("id", ""))
            if key in existing:
                out.append(existing[key])
                continue
            upload = uploads.get(f"files[{key}]")
            if upload is None:
                raise invalid_form([f"attachments[{n}]: no upload named files[{key}]"])
            used.add(upload["field"])
            out.append(self._store(upload, att, f"attachments[{n}]"))
        out += [self._store(u, {}, u["field"]) for f, u in uploads.items() if f not in used]
        if len(out) > ATTACHMENTS_MAX:
            raise invalid_form([f"attachments: {len(out)} files, limit {ATTACHMENTS_MAX}"])
        return out

    def _store(self, upload: dict[str, Any], att: dict[str, Any], where: str) -> dict[str, Any]:
        """Keep an uploaded file and describe it as Discord does (size, type, image size)."""
        data: bytes = upload["data"]
        if len(data) > UPLOAD_MAX:
            raise DiscordError(413, 40005, "Request entity too large")
        name = att.get("filename") or upload.get("filename")
        if not name:
            raise invalid_form([f"{where}.filename: required"])
        description = att.get("description")
        if description is not None and len(description) > ATTACHMENT_DESCRIPTION_MAX:
            raise invalid_form([f"{where}.description: longer than {ATTACHMENT_DESCRIPTION_MAX}"])
        attachment_id = str(self.world.ids.next())
        url = f"https://cdn.fake-discord.invalid/attachments/{attachment_id}/{name}"
        stored: dict[str, Any] = {
            "id": attachment_id,
            "filename": name,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": upload.get("content_type"),
            "description": description,
        }
        if data.startswith(PNG_SIGNATURE) and len(data) >= 24:  # Discord sniffs the type
            width, height = struct.unpack(">II", data[16:24])
            stored.update(content_type="image/png", width=width, height=height)
        self.uploads[attachment_id] = data
        return stored

    def _reference(self, channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
        """What a reply adds to the message: its reference and the message it answers."""
        reference = body.get("message_reference")
        if not reference:
            return {}
        self._require(channel_id, Perm.READ_MESSAGE_HISTORY)
        target = self.messages.get(int(reference.get("message_id") or 0))
        named = reference.get("channel_id")
        if target is None or int(target["channel_id"]) != int(named or channel_id):
            if reference.get("fail_if_not_exists", True):
                raise invalid_form(["message_reference: Unknown message"])
            return {}
        replied = {k: v for k, v in target.items() if k != "referenced_message"}
        ref = {"type": 0, "message_id": target["id"], "channel_id": target["channel_id"]}
        if "guild_id" in target:
            ref["guild_id"] = target["guild_id"]
        return {"message_reference": ref, "referenced_message": replied, "type": REPLY}

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
        channel = self.world.channel(channel_id) or {}
        if channel.get("type") != DM:
            thread = channel.get("type") == PUBLIC_THREAD
            send = Perm.SEND_MESSAGES_IN_THREADS if thread else Perm.SEND_MESSAGES
            self._require(channel_id, Perm.VIEW_CHANNEL, send)
            if request[FILES]:
                self._require(channel_id, Perm.ATTACH_FILES)
        body = request[BODY] or {}
        reply = self._reference(channel_id, body)
        message = self.create(channel_id, body, request[FILES], extra=reply)
        self.bodies[int(message["id"])] = body
        if self.echo:
            await self.dispatch("MESSAGE_CREATE", message)
        return json_response(message)

    async def _get(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        self._require(channel_id, Perm.VIEW_CHANNEL, Perm.READ_MESSAGE_HISTORY)
        return json_response(self._message(channel_id, int(request.match_info["message_id"])))

    async def _edit(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        message = self._message(channel_id, int(request.match_info["message_id"]))
        if message["author"]["id"] != str(self.world.bot_id):
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        return json_response(self.edit(message, request[BODY] or {}, request[FILES]))

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
