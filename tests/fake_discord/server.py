"""A fake Discord on 127.0.0.1: the REST routes the bot uses, a gateway, and a record of it all.

The real discord.py client talks to it through `DISCORD_API_BASE` / `DISCORD_GATEWAY_URL`.
Every HTTP call is recorded; a route the fake does not serve answers 404 *and* is recorded as
UNKNOWN so the test fails. Faults (403, 429, 5xx) are injected per route from the test.
Bodies are checked against Discord's limits (see `validation`), so an oversized embed is a 400
here as it would be on Discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from . import validation
from .gateway import Gateway
from .recording import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_MESSAGE,
    DEFERRED_UPDATE,
    EPHEMERAL,
    LOADING,
    MODAL,
    UPDATE_MESSAGE,
    Call,
    Interaction,
)
from .world import BOT_PERMISSIONS, Perm, World, iso_now

log = logging.getLogger("fake_discord")

API_PREFIX = "/api/v10"
INTERACTION_DEADLINE = 3.0
BODY = web.RequestKey("body", object)
FILES = web.RequestKey("files", list)
PINS_MAX = 250

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# interaction type -> callback types Discord accepts for it
ALLOWED_CALLBACKS = {
    2: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, MODAL},
    3: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL},
    4: {AUTOCOMPLETE_RESULT},
    5: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE},
}


class DiscordError(Exception):
    """An error answer in Discord's JSON shape."""

    def __init__(self, status: int, code: int, message: str, errors: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors is not None:
            data["errors"] = self.errors
        return data


def invalid_form(problems: list[str]) -> DiscordError:
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


@dataclass
class Fault:
    """An injected answer for the next call(s) to one route."""

    route: str
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1


class FakeDiscord:
    """The fake server. Start it, point the client at `api_base` and `gateway_url`."""

    def __init__(self, world: World | None = None, *, host: str = "127.0.0.1") -> None:
        self.world = world or World()
        self.host = host
        self.port = 0
        self.calls: list[Call] = []
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        self.pins: dict[int, list[tuple[int, str]]] = {}
        self.interactions: dict[int, Interaction] = {}
        self._by_token: dict[str, Interaction] = {}
        self.bot_permissions: dict[int, int] = {}
        self.faults: list[Fault] = []
        self.interaction_deadline = INTERACTION_DEADLINE
        self.gateway = Gateway(
            self.world, lambda: f"ws://{self.host}:{self.port}/resume", self._poke
        )
        self._changed: asyncio.Event = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._loop_time = time.monotonic

    # ----- lifecycle -------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        return f"http://{self.host}:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    async def start(self, port: int = 0) -> FakeDiscord:
        app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        self._routes(app)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, port))
        self.port = sock.getsockname()[1]
        # A burst of interactions opens many connections at once: raise the listen backlog.
        site = web.SockSite(self._runner, sock, backlog=4096)
        await site.start()
        return self

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ----- what tests inspect ----------------------------------------------------------------

    @property
    def unknown_calls(self) -> list[Call]:
        return [c for c in self.calls if c.unknown]

    def calls_to(self, route: str) -> list[Call]:
        """Calls to one route, e.g. `"PUT /channels/{channel_id}/messages/pins/{message_id}"`."""
        return [c for c in self.calls if c.route == route]

    def guild_commands(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        return self.commands.get(guild_id or self.world.guild_id, [])

    def global_commands(self) -> list[dict[str, Any]]:
        return self.commands.get(None, [])

    def pinned(self, channel_id: int | None = None) -> list[dict[str, Any]]:
        """Messages pinned in a channel, most recently pinned first."""
        channel = channel_id or self.world.channel_id
        return [self.messages[mid] for mid, _ in reversed(self.pins.get(channel, []))]

    def _poke(self) -> None:
        self._changed.set()

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until `predicate()` holds, re-checking after every call and gateway change."""
        deadline = self._loop_time() + timeout
        while not predicate():
            remaining = deadline - self._loop_time()
            if remaining <= 0:
                raise TimeoutError(f"fake Discord: condition not met within {timeout}s")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.25))

    # ----- faults ----------------------------------------------------------------------------

    def fail_next(
        self,
        route: str,
        status: int,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls to `route` with this error instead of serving them."""
        self.faults.append(Fault(route, status, body, headers or {}, times))

    def forbid_next(self, route: str) -> None:
        """The next call gets Discord's 403 Missing Permissions (code 50013)."""
        self.fail_next(route, 403, {"message": "Missing Permissions", "code": 50013})

    def rate_limit_next(self, route: str, retry_after: float = 0.05) -> None:
        """The next call gets a 429 that discord.py honours: Retry-After and a `Via` header."""
        self.fail_next(
            route,
            429,
            {"message": "You are being rate limited.", "retry_after": retry_after, "global": False},
            {
                "Retry-After": str(retry_after),
                "Via": "1.1 google",
                "X-RateLimit-Scope": "user",
            },
        )

    def _take_fault(self, route: str) -> Fault | None:
        for fault in self.faults:
            if fault.route == route:
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    # ----- gateway helpers -------------------------------------------------------------------

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        return await self.gateway.dispatch(event, data)

    async def send_interaction(self, payload: dict[str, Any]) -> Interaction:
        """Register an interaction (so its token works) and send INTERACTION_CREATE."""
        record = Interaction(
            id=int(payload["id"]),
            token=payload["token"],
            type=payload["type"],
            channel_id=int(payload["channel_id"]),
            payload=payload,
            sent_at=self._loop_time(),
        )
        self.interactions[record.id] = record
        self._by_token[record.token] = record
        await self.dispatch("INTERACTION_CREATE", payload)
        return record

    async def reconnect(self) -> None:
        await self.gateway.reconnect()

    def app_permissions(self, channel_id: int) -> int:
        """The bot's permissions in a channel (what Discord sends as `app_permissions`)."""
        return self.bot_permissions.get(channel_id, BOT_PERMISSIONS)

    # ----- HTTP plumbing ---------------------------------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(("/gateway", "/resume")):
            return await handler(request)
        body, files = await self._read_body(request)
        path = request.path.removeprefix(API_PREFIX)
        resource = request.match_info.route.resource
        known = request.match_info.http_exception is None and resource is not None
        route = (
            f"{request.method} {resource.canonical.removeprefix(API_PREFIX)}"
            if known
            else "UNKNOWN"
        )
        call = Call(
            request.method, path, route, dict(request.query), body, files, 0, self._loop_time()
        )
        fault = self._take_fault(route) if known else None
        response: web.StreamResponse
        if not known:
            log.error("fake Discord does not serve %s %s", request.method, request.path)
            response = json_response({"message": "404: Not Found", "code": 0}, 404)
        elif fault is not None:
            call.fault = f"{fault.status}"
            response = json_response(fault.body, fault.status, fault.headers)
        else:
            request[BODY] = body
            request[FILES] = files
            try:
                response = await handler(request)
            except DiscordError as exc:
                response = json_response(exc.body(), exc.status)
        call.status = response.status
        self.calls.append(call)
        if response.status >= 400 and fault is None:
            log.warning("fake Discord answered %s with %s", call, getattr(response, "text", ""))
        self._poke()
        return response

    async def _read_body(self, request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
        if not request.can_read_body:
            return None, []
        if request.content_type == "multipart/form-data":
            form = await request.post()
            body: Any = None
            files = []
            for name, value in form.items():
                if name == "payload_json":
                    body = json.loads(str(value))
                elif isinstance(value, web.FileField):
                    data = value.file.read()
                    files.append(
                        {
                            "field": name,
                            "filename": value.filename,
                            "content_type": value.content_type,
                            "size": len(data),
                            "data": data,
                        }
                    )
            return body, files
        raw = await request.read()
        if not raw:
            return None, []
        if request.content_type == "application/json":
            return json.loads(raw), []
        return raw.decode(errors="replace"), []

    def _authorise(self, request: web.Request) -> None:
        if request.headers.get("Authorization") != f"Bot {self.world.token}":
            raise DiscordError(401, 0, "401: Unauthorized")

    def _routes(self, app: web.Application) -> None:
        bot: list[tuple[str, str, Handler]] = [
            ("GET", "/users/@me", self._get_me),
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway_bot),
            ("GET", "/oauth2/applications/@me", self._get_application),
            ("GET", "/applications/{application_id}/commands", self._get_commands),
            ("PUT", "/applications/{application_id}/commands", self._put_commands),
            (
                "GET",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._get_commands,
            ),
            (
                "PUT",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._put_commands,
            ),
            ("GET", r"/channels/{channel_id:\d+}", self._get_channel),
            ("POST", r"/channels/{channel_id:\d+}/messages", self._create_message),
            ("GET", r"/channels/{channel_id:\d+}/messages/pins", self._get_pins),
            ("PUT", r"/channels/{channel_id:\d+}/messages/pins/{message_id:\d+}", self._pin),
            ("DELETE", r"/channels/{channel_id:\d+}/messages/pins/{message_id:\d+}", self._unpin),
            ("GET", r"/channels/{channel_id:\d+}/messages/{message_id:\d+}", self._get_message),
            ("PATCH", r"/channels/{channel_id:\d+}/messages/{message_id:\d+}", self._edit_message),
            (
                "DELETE",
                r"/channels/{channel_id:\d+}/messages/{message_id:\d+}",
                self._delete_message,
            ),
        ]
        webhook: list[tuple[str, str, Handler]] = [
            ("POST", "/interactions/{interaction_id}/{interaction_token}/callback", self._callback),
            ("POST", "/webhooks/{application_id}/{interaction_token}", self._followup),
            (
                "GET",
                "/webhooks/{application_id}/{interaction_token}/messages/{message_id}",
                self._get_webhook_message,
            ),
            (
                "PATCH",
                "/webhooks/{application_id}/{interaction_token}/messages/{message_id}",
                self._edit_webhook_message,
            ),
            (
                "DELETE",
                "/webhooks/{application_id}/{interaction_token}/messages/{message_id}",
                self._delete_webhook_message,
            ),
        ]
        for method, path, handler in bot:
            app.router.add_route(method, API_PREFIX + path, self._with_auth(handler))
        for method, path, handler in webhook:
            app.router.add_route(method, API_PREFIX + path, handler)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/resume", self.gateway.handle)

    def _with_auth(self, handler: Handler) -> Handler:
        async def wrapped(request: web.Request) -> web.StreamResponse:
            self._authorise(request)
            return await handler(request)

        return wrapped

    # ----- identity and commands -------------------------------------------------------------

    async def _get_me(self, request: web.Request) -> web.StreamResponse:
        return json_response(self.world.bot_user())

    async def _get_gateway(self, request: web.Request) -> web.StreamResponse:
        return json_response({"url": self.gateway_url})

    async def _get_gateway_bot(self, request: web.Request) -> web.StreamResponse:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_response({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})

    async def _get_application(self, request: web.Request) -> web.StreamResponse:
        return json_response(self.world.application())

    def _command_scope(self, request: web.Request) -> int | None:
        if int(request.match_info["application_id"]) != self.world.application_id:
            raise DiscordError(403, 50001, "Missing Access")
        guild = request.match_info.get("guild_id")
        if guild is None:
            return None
        if int(guild) != self.world.guild_id:
            raise DiscordError(403, 50001, "Missing Access")
        return int(guild)

    async def _get_commands(self, request: web.Request) -> web.StreamResponse:
        return json_response(self.commands.get(self._command_scope(request), []))

    async def _put_commands(self, request: web.Request) -> web.StreamResponse:
        scope = self._command_scope(request)
        body = request[BODY]
        if not isinstance(body, list):
            raise invalid_form(["body must be a list of commands"])
        problems = validation.commands_problems(body)
        if problems:
            raise invalid_form(problems)
        previous = {(c["type"], c["name"]): c["id"] for c in self.commands.get(scope, [])}
        stored = []
        for command in body:
            kind = command.get("type", 1)
            entry = {
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                **command,
                "type": kind,
                "id": previous.get((kind, command["name"])) or str(self.world.ids.next()),
                "application_id": str(self.world.application_id),
                "version": str(self.world.ids.next()),
            }
            if scope is not None:
                entry["guild_id"] = str(scope)
            stored.append(entry)
        self.commands[scope] = stored
        return json_response(stored)

    # ----- channels and messages -------------------------------------------------------------

    def _channel_id(self, request: web.Request) -> int:
        channel_id = int(request.match_info["channel_id"])
        if self.world.channel(channel_id) is None:
            raise DiscordError(404, 10003, "Unknown Channel")
        return channel_id

    def _require(self, channel_id: int, *perms: int) -> None:
        allowed = self.app_permissions(channel_id)
        for perm in perms:
            if not allowed & perm:
                raise DiscordError(403, 50013, "Missing Permissions")

    def _message(self, channel_id: int, message_id: int) -> dict[str, Any]:
        message = self.messages.get(message_id)
        if message is None or int(message["channel_id"]) != channel_id:
            raise DiscordError(404, 10008, "Unknown Message")
        return message

    def _new_message(
        self,
        channel_id: int,
        body: dict[str, Any],
        *,
        kind: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        problems = validation.message_problems(body)
        if problems:
            raise invalid_form(problems)
        if not any(body.get(k) for k in ("content", "embeds", "components", "attachments")):
            raise DiscordError(400, 50006, "Cannot send an empty message")
        message_id = self.world.ids.next()
        message = {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "guild_id": str(self.world.guild_id),
            "author": self.world.bot_user(),
            "content": body.get("content") or "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": bool(body.get("tts")),
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": self._attachments(body),
            "embeds": list(body.get("embeds") or []),
            "components": list(body.get("components") or []),
            "pinned": False,
            "type": kind,
            "flags": int(body.get("flags") or 0),
            **(extra or {}),
        }
        self.messages[message_id] = message
        return message

    def _attachments(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        out = []
        for att in body.get("attachments") or []:
            out.append(
                {
                    "id": str(self.world.ids.next()),
                    "filename": att.get("filename", "file"),
                    "size": 0,
                    "url": f"http://{self.host}:{self.port}/attachments/{att.get('filename')}",
                    "proxy_url": f"http://{self.host}:{self.port}/attachments/{att.get('filename')}",
                    "content_type": att.get("content_type"),
                    "description": att.get("description"),
                }
            )
        return out

    def _apply_edit(self, message: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        merged = {**message, **{k: v for k, v in body.items() if k != "allowed_mentions"}}
        problems = validation.message_problems(merged)
        if problems:
            raise invalid_form(problems)
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        if "attachments" in body:
            message["attachments"] = self._attachments(body)
        if "flags" in body and body["flags"] is not None:
            message["flags"] = (message["flags"] & (EPHEMERAL | LOADING)) | int(body["flags"])
        message["flags"] &= ~LOADING
        message["edited_timestamp"] = iso_now()
        return message

    async def _get_channel(self, request: web.Request) -> web.StreamResponse:
        return json_response(self.world.channel(self._channel_id(request)))

    async def _create_message(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        self._require(channel_id, Perm.VIEW_CHANNEL, Perm.SEND_MESSAGES)
        return json_response(self._new_message(channel_id, request[BODY] or {}))

    async def _get_message(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        self._require(channel_id, Perm.VIEW_CHANNEL, Perm.READ_MESSAGE_HISTORY)
        return json_response(self._message(channel_id, int(request.match_info["message_id"])))

    async def _edit_message(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        message = self._message(channel_id, int(request.match_info["message_id"]))
        if message["author"]["id"] != str(self.world.bot_id):
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        return json_response(self._apply_edit(message, request[BODY] or {}))

    async def _delete_message(self, request: web.Request) -> web.StreamResponse:
        channel_id = self._channel_id(request)
        message_id = int(request.match_info["message_id"])
        self._message(channel_id, message_id)
        self.messages.pop(message_id)
        self.pins[channel_id] = [p for p in self.pins.get(channel_id, []) if p[0] != message_id]
        return web.Response(status=204)

    # ----- pins ------------------------------------------------------------------------------

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

    # ----- interactions ----------------------------------------------------------------------

    def _interaction(self, request: web.Request) -> Interaction:
        record = self._by_token.get(request.match_info["interaction_token"])
        if record is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        return record

    async def _callback(self, request: web.Request) -> web.StreamResponse:
        record = self._by_token.get(request.match_info["interaction_token"])
        if record is None or str(record.id) != request.match_info["interaction_id"]:
            raise DiscordError(404, 10062, "Unknown interaction")
        if self._loop_time() - record.sent_at > self.interaction_deadline:
            raise DiscordError(404, 10062, "Unknown interaction")
        if record.acknowledged:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        body = request[BODY] or {}
        kind = body.get("type")
        if kind not in ALLOWED_CALLBACKS.get(record.type, set()):
            raise invalid_form(
                [f"callback type {kind} is not valid for interaction type {record.type}"]
            )
        data = body.get("data") or {}
        resource: dict[str, Any] = {"type": kind}
        if kind == AUTOCOMPLETE_RESULT:
            problems = validation.choices_problems(data)
            if problems:
                raise invalid_form(problems)
        elif kind == CHANNEL_MESSAGE:
            record.original = self._interaction_message(record, data, data.get("flags") or 0)
            record.bodies.append(data)
            resource["message"] = record.original
        elif kind == DEFERRED_MESSAGE:
            flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL)
            record.original = self._interaction_message(record, {"content": ""}, flags, check=False)
            resource["message"] = record.original
        elif kind in (UPDATE_MESSAGE, DEFERRED_UPDATE):
            source = (
                self.messages.get(int(record.payload["message"]["id"]))
                if "message" in record.payload
                else None
            )
            if source is None:
                raise DiscordError(404, 10008, "Unknown Message")
            record.original = source
            if kind == UPDATE_MESSAGE:
                self._apply_edit(source, data)
                record.bodies.append(data)
                resource["message"] = source
        record.callback_type = kind
        record.callback_at = self._loop_time()
        record.callback_body = body
        if kind not in (DEFERRED_MESSAGE, DEFERRED_UPDATE):
            record.answered.set()
        message = (
            record.original if kind in (CHANNEL_MESSAGE, DEFERRED_MESSAGE, UPDATE_MESSAGE) else None
        )
        response = {
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
        return json_response(response)

    def _interaction_message(
        self, record: Interaction, data: dict[str, Any], flags: int, *, check: bool = True
    ) -> dict[str, Any]:
        user = (record.payload.get("member") or {}).get("user") or record.payload.get("user")
        metadata = {
            "id": str(record.id),
            "type": record.type,
            "user": user,
            "authorizing_integration_owners": {"0": str(self.world.guild_id)},
        }
        body = {**data, "flags": int(flags)}
        if not check:
            message_id = self.world.ids.next()
            message = {
                "id": str(message_id),
                "channel_id": str(record.channel_id),
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
                "type": 20,
                "flags": int(flags),
                "interaction_metadata": metadata,
                "webhook_id": str(self.world.application_id),
            }
            self.messages[message_id] = message
            return message
        return self._new_message(
            record.channel_id,
            body,
            kind=20 if record.type == 2 else 0,
            extra={"interaction_metadata": metadata, "webhook_id": str(self.world.application_id)},
        )

    async def _followup(self, request: web.Request) -> web.StreamResponse:
        record = self._interaction(request)
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
            # The first follow-up after a deferral fills the "thinking" message.
            message = self._apply_edit(original, body)
        else:
            message = self._interaction_message(record, body, int(body.get("flags") or 0))
        record.followups.append(message)
        record.bodies.append(body)
        record.answered.set()
        return json_response(message)

    def _webhook_message(self, request: web.Request, record: Interaction) -> dict[str, Any]:
        key = request.match_info["message_id"]
        if key == "@original":
            if record.original is None:
                raise DiscordError(404, 10008, "Unknown Message")
            return record.original
        for message in [record.original, *record.followups]:
            if message is not None and message["id"] == key:
                return message
        raise DiscordError(404, 10008, "Unknown Message")

    async def _get_webhook_message(self, request: web.Request) -> web.StreamResponse:
        record = self._interaction(request)
        return json_response(self._webhook_message(request, record))

    async def _edit_webhook_message(self, request: web.Request) -> web.StreamResponse:
        record = self._interaction(request)
        message = self._webhook_message(request, record)
        body = request[BODY] or {}
        self._apply_edit(message, body)
        record.bodies.append(body)
        record.answered.set()
        return json_response(message)

    async def _delete_webhook_message(self, request: web.Request) -> web.StreamResponse:
        record = self._interaction(request)
        message = self._webhook_message(request, record)
        self.messages.pop(int(message["id"]), None)
        return web.Response(status=204)

    # ----- waiting for answers -----------------------------------------------------------------

    async def answer(self, record: Interaction, timeout: float = 5.0) -> Interaction:
        """Wait until the client has answered `record` (a message, choices, or an edit)."""
        try:
            await asyncio.wait_for(record.answered.wait(), timeout)
        except TimeoutError:
            raise AssertionError(
                f"interaction {record.id} (type {record.type}) was not answered within {timeout}s; "
                f"callback type {record.callback_type}"
            ) from None
        return record

    def new_token(self) -> str:
        return "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48)
