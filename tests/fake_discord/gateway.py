"""The fake gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME and RECONNECT.

Dispatched events are numbered and kept, so a client that resumes after a RECONNECT receives
what it missed, as Discord does; events sent while no session is connected wait for it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from .world import World

log = logging.getLogger("fake_discord.gateway")

PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content
HISTORY_MAX = 10_000


class Gateway:
    """One bot session over one (reconnecting) websocket at a time."""

    def __init__(self, world: World, resume_url: Callable[[], str], notify: Callable[[], None]):
        self.world = world
        self._resume_url = resume_url
        self._notify = notify
        self.heartbeat_interval_ms = 41_250
        self.allowed_privileged_intents = 0
        self.close_on_identify: int | None = None
        self.session_id: str | None = None
        self.sequence = 0
        self.history: list[dict[str, Any]] = []
        self.ws: web.WebSocketResponse | None = None
        self.sockets: set[web.WebSocketResponse] = set()
        self.connections = 0
        self.identifies: list[dict[str, Any]] = []
        self.resumes = 0
        self.heartbeats = 0
        self.received: list[dict[str, Any]] = []
        self.close_codes: list[int | None] = []
        """The close code of each connection the client ended (1000: a clean stop)."""
        self._lock = asyncio.Lock()

    @property
    def connected(self) -> bool:
        """True while a session is live (after READY or RESUMED)."""
        return self.ws is not None and not self.ws.closed

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self.connections += 1
        self.sockets.add(ws)
        try:
            await self._send(
                ws, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}
            )
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    await ws.close(code=4002, message=b"Decode error")
                    break
                await self._received(ws, json.loads(msg.data))
        finally:
            self.close_codes.append(ws.close_code)
            self.sockets.discard(ws)
            if self.ws is ws:
                self.ws = None
            self._notify()
        return ws

    async def _received(self, ws: web.WebSocketResponse, payload: dict[str, Any]) -> None:
        op = payload.get("op")
        if op != 1:
            self.received.append(payload)
        if op == 1:
            self.heartbeats += 1
            await self._send(ws, {"op": 11})
        elif op == 2:
            await self._identify(ws, payload["d"])
        elif op == 6:
            await self._resume(ws, payload["d"])
        elif op in (3, 4, 8):
            pass  # presence, voice state, request guild members: accepted, recorded
        else:
            await ws.close(code=4001, message=b"Unknown opcode")

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        self.identifies.append({k: v for k, v in data.items() if k != "token"})
        if data.get("token") != self.world.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        if int(data.get("intents", 0)) & PRIVILEGED_INTENTS & ~self.allowed_privileged_intents:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        if self.close_on_identify is not None:
            await ws.close(code=self.close_on_identify, message=b"Closed by the test.")
            return
        self.session_id = secrets.token_hex(16)
        self.sequence = 0
        self.history.clear()
        self.ws = ws
        guild = self.world.guild_id
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": self.world.bot_user(),
                "guilds": [{"id": str(guild), "unavailable": True}],
                "session_id": self.session_id,
                "resume_gateway_url": self._resume_url(),
                "application": {"id": str(self.world.application_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "geo_ordered_rtc_regions": [],
                "_trace": ["fake-discord"],
            },
        )
        await self.dispatch("GUILD_CREATE", self.world.guild_create())
        self._notify()

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        if data.get("token") != self.world.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        if data.get("session_id") != self.session_id or self.session_id is None:
            await self._send(ws, {"op": 9, "d": False})
            return
        self.resumes += 1
        since = int(data.get("seq") or 0)
        self.ws = ws
        for payload in [p for p in self.history if p["s"] > since]:
            await self._send(ws, payload)
        await self.dispatch("RESUMED", {"_trace": ["fake-discord"]})
        self._notify()

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH event (or keep it for the next RESUME); returns its sequence."""
        async with self._lock:
            self.sequence += 1
            payload = {"op": 0, "t": event, "s": self.sequence, "d": data}
            self.history.append(payload)
            if len(self.history) > HISTORY_MAX:
                del self.history[: len(self.history) - HISTORY_MAX]
            if self.ws is not None and not self.ws.closed:
                await self.ws.send_str(json.dumps(payload))
            return self.sequence

    async def reconnect(self) -> None:
        """Send op 7 RECONNECT: the client must drop this socket and RESUME on a new one."""
        async with self._lock:
            ws, self.ws = self.ws, None
            if ws is not None and not ws.closed:
                await ws.send_str(json.dumps({"op": 7, "d": None}))

    async def _send(self, ws: web.WebSocketResponse, payload: dict[str, Any]) -> None:
        payload.setdefault("s", None)
        payload.setdefault("t", None)
        async with self._lock:
            if not ws.closed:
                await ws.send_str(json.dumps(payload))

    async def close_all(self) -> None:
        for ws in list(self.sockets):
            await ws.close(code=1001, message=b"Fake Discord stopping")
