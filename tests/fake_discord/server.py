"""A fake Discord on 127.0.0.1: the REST routes the bot uses, a gateway, and a record of it all.

The real discord.py client talks to it through `DISCORD_API_BASE` / `DISCORD_GATEWAY_URL`.
Every HTTP call is recorded; a route the fake does not serve answers 404 *and* is recorded as
UNKNOWN (and logged at ERROR) so the test fails. Faults (403, 429, 5xx) are injected per route.
Bodies are checked against Discord's limits (see `validation`): an oversized embed is a 400 here
as it would be on Discord.

Routes are named by their template, e.g. "PUT /channels/{channel_id}/messages/pins/{message_id}".
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from . import validation
from .channels import Channels
from .errors import BODY, FILES, DiscordError, invalid_form, json_response
from .gateway import Gateway
from .interactions import Interactions
from .recording import Call, Interaction
from .world import BOT_PERMISSIONS, World

log = logging.getLogger("fake_discord")

API_PREFIX = "/api/v10"
PIN = "PUT /channels/{channel_id}/messages/pins/{message_id}"
UNPIN = "DELETE /channels/{channel_id}/messages/pins/{message_id}"
POST_MESSAGE = "POST /channels/{channel_id}/messages"
CALLBACK = "POST /interactions/{interaction_id}/{interaction_token}/callback"
FOLLOWUP = "POST /webhooks/{application_id}/{interaction_token}"
EDIT_ORIGINAL = "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


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
        self.bot_permissions: dict[int, int] = {}
        self.faults: list[Fault] = []
        self.channels = Channels(self.world, self.app_permissions, self.dispatch)
        self.interactions = Interactions(self.world, self.channels)
        self.gateway = Gateway(self.world, lambda: f"ws://{host}:{self.port}/resume", self._poke)
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None

    # ----- lifecycle -------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        return f"http://{self.host}:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    async def start(self, port: int = 0) -> FakeDiscord:
        app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        own: list[tuple[str, str, Handler]] = [
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
        ]
        for method, path, handler in own + self.channels.routes():
            app.router.add_route(method, API_PREFIX + path, self._with_auth(handler))
        for method, path, handler in self.interactions.routes():  # webhooks carry no bot token
            app.router.add_route(method, API_PREFIX + path, handler)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/resume", self.gateway.handle)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, port))
        self.port = sock.getsockname()[1]
        # A burst of interactions opens many connections at once: raise the listen backlog.
        await web.SockSite(self._runner, sock, backlog=4096).start()
        return self

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ----- what tests drive and inspect ------------------------------------------------------

    @property
    def unknown_calls(self) -> list[Call]:
        return [c for c in self.calls if c.unknown]

    def calls_to(self, route: str) -> list[Call]:
        """Calls to one route, named by its template (see the module docstring)."""
        return [c for c in self.calls if c.route == route]

    def guild_commands(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        return self.commands.get(guild_id or self.world.guild_id, [])

    def global_commands(self) -> list[dict[str, Any]]:
        return self.commands.get(None, [])

    def pinned(self, channel_id: int | None = None) -> list[dict[str, Any]]:
        """Messages pinned in a channel (default: the results channel), newest pin first."""
        return self.channels.pinned(channel_id or self.world.channel_id)

    def app_permissions(self, channel_id: int) -> int:
        """The bot's permissions in a channel (what Discord sends as `app_permissions`)."""
        return self.bot_permissions.get(channel_id, BOT_PERMISSIONS)

    def file(self, attachment: dict[str, Any]) -> bytes:
        """The bytes uploaded for an attachment of a stored message."""
        return self.channels.uploads[attachment["id"]]

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        return await self.gateway.dispatch(event, data)

    async def post_message(self, message: dict[str, Any]) -> int:
        """Someone posts `message` (from `Events.message`): kept, then sent as MESSAGE_CREATE."""
        self.channels.add(message)
        return await self.dispatch("MESSAGE_CREATE", message)

    async def send_interaction(self, payload: dict[str, Any]) -> Interaction:
        """Register an interaction (so its token works) and send INTERACTION_CREATE."""
        record = self.interactions.register(payload)
        await self.dispatch("INTERACTION_CREATE", payload)
        return record

    async def answer(self, record: Interaction, timeout: float = 5.0) -> Interaction:
        return await self.interactions.answer(record, timeout)

    async def reconnect(self) -> None:
        """Send op 7 RECONNECT; the client should RESUME on the resume URL."""
        await self.gateway.reconnect()

    def _poke(self) -> None:
        self._changed.set()

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until `predicate()` holds, re-checking after every call and gateway change."""
        deadline = time.monotonic() + timeout
        while not predicate():
            remaining = deadline - time.monotonic()
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
            {"Retry-After": str(retry_after), "Via": "1.1 google", "X-RateLimit-Scope": "user"},
        )

    def _take_fault(self, route: str) -> Fault | None:
        for fault in self.faults:
            if fault.route == route:
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    # ----- HTTP plumbing ---------------------------------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path in ("/gateway", "/resume"):
            return await handler(request)
        body, files = await self._read_body(request)
        resource = request.match_info.route.resource
        known = request.match_info.http_exception is None and resource is not None
        route = "UNKNOWN"
        if known and resource is not None:
            route = f"{request.method} {resource.canonical.removeprefix(API_PREFIX)}"
        path = request.path.removeprefix(API_PREFIX)
        call = Call(
            request.method, path, route, dict(request.query), body, files, 0, time.monotonic()
        )
        fault = self._take_fault(route) if known else None
        response: web.StreamResponse
        if not known:
            log.error("fake Discord does not serve %s %s", request.method, request.path)
            response = json_response({"message": "404: Not Found", "code": 0}, 404)
        elif fault is not None:
            call.fault = str(fault.status)
            response = json_response(fault.body, fault.status, fault.headers)
        else:
            request[BODY] = body
            request[FILES] = files
            try:
                response = await handler(request)
            except DiscordError as exc:
                log.warning("fake Discord refused %s %s: %s", call.method, call.path, exc.body())
                response = json_response(exc.body(), exc.status)
        call.status = response.status
        self.calls.append(call)
        self._poke()
        return response

    async def _read_body(self, request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
        if not request.can_read_body:
            return None, []
        if request.content_type == "multipart/form-data":
            body: Any = None
            files = []
            for name, value in (await request.post()).items():
                if name == "payload_json":  # a plain field, or a part typed application/json
                    raw = value.file.read() if isinstance(value, web.FileField) else value
                    body = json.loads(raw if isinstance(raw, str) else bytes(raw))
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

    def _with_auth(self, handler: Handler) -> Handler:
        async def wrapped(request: web.Request) -> web.StreamResponse:
            if request.headers.get("Authorization") != f"Bot {self.world.token}":
                raise DiscordError(401, 0, "401: Unauthorized")
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
        if request.match_info["application_id"] != str(self.world.application_id):
            raise DiscordError(403, 50001, "Missing Access")
        guild = request.match_info.get("guild_id")
        if guild is None:
            return None
        if guild != str(self.world.guild_id):
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
                "description": "",  # context-menu commands have none; Discord sends ""
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                **command,
                "type": kind,
                "id": previous.get((kind, command["name"])) or str(self.world.ids.next()),
                "application_id": str(self.world.application_id),
                "version": str(self.world.ids.next()),
            }
            if entry["default_member_permissions"] is not None:  # Discord answers with a string
                entry["default_member_permissions"] = str(entry["default_member_permissions"])
            if scope is not None:
                entry["guild_id"] = str(scope)
            stored.append(entry)
        self.commands[scope] = stored
        return json_response(stored)
