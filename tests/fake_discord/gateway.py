"""The fake gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME and RECONNECT.

Dispatched events are numbered and kept, so a client that resumes after a RECONNECT receives
what it missed, as Discord does; events sent while no session is connected wait for it.

Sharding: a client that IDENTIFYs with `shard: [id, count]` (count > 1) gets one session per
shard. This gateway is shard 0 and keeps the others in `shards`; each READY lists the servers of
its shard (`(guild_id >> 22) % count`), and `dispatch` sends a server's events to its shard's
session (events of no server, such as DMs, to shard 0), as Discord does.
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
        self.shard: tuple[int, int] = (0, 1)
        self.shards: dict[int, Gateway] = {}
        """Shard id -> its session (this gateway is shard 0), once a client identifies sharded."""
        self._owners: dict[web.WebSocketResponse, Gateway] = {}

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
                await self._owners.get(ws, self)._received(ws, json.loads(msg.data))
        finally:
            self.close_codes.append(ws.close_code)
            self.sockets.discard(ws)
            owner = self._owners.pop(ws, self)
            if owner.ws is ws:
                owner.ws = None
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

    def _shard_gateway(self, shard: tuple[int, int]) -> Gateway:
        """The session of one shard (self for shard 0), created on first use."""
        if shard[0] == 0:
            self.shard = shard
            self.shards[0] = self
            return self
        found = self.shards.get(shard[0])
        if found is None:
            found = Gateway(self.world, self._resume_url, self._notify)
            found.heartbeat_interval_ms = self.heartbeat_interval_ms
            found.shard = shard
            self.shards[shard[0]] = found
        return found

    def shard_of(self, guild_id: int) -> Gateway:
        """The session Discord would send this server's events to."""
        count = self.shard[1]
        if count <= 1 or not self.shards:
            return self
        return self.shards.get((guild_id >> 22) % count, self)

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        self.identifies.append({k: v for k, v in data.items() if k != "token"})
        shard = data.get("shard") or [0, 1]
        if int(shard[1]) > 1:
            target = self._shard_gateway((int(shard[0]), int(shard[1])))
            if target is not self:
                self._owners[ws] = target
                await target._start_session(ws, data)
                return
        await self._start_session(ws, data)

    async def _start_session(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
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
        count = self.shard[1]
        guilds = [g for g in self.world.guild_ids if (g >> 22) % count == self.shard[0]]
        await self._dispatch_here(
            "READY",
            {
                "v": 10,
                "user": self.world.bot_user(),
                "guilds": [{"id": str(g), "unavailable": True} for g in guilds],
                "session_id": self.session_id,
                "resume_gateway_url": self._resume_url(),
                "application": {"id": str(self.world.application_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "geo_ordered_rtc_regions": [],
                "_trace": ["fake-discord"],
                **({"shard": list(self.shard)} if count > 1 else {}),
            },
        )
        for guild in guilds:
            await self._dispatch_here("GUILD_CREATE", self.world.guild_create(guild))
        self._notify()

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        owner = next(
            (
                g
                for g in self.shards.values()
                if g is not self and g.session_id == data.get("session_id")
            ),
            None,
        )
        if owner is not None:  # another shard's session resuming on a new socket
            self._owners[ws] = owner
            await owner._resume(ws, data)
            return
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
        await self._dispatch_here("RESUMED", {"_trace": ["fake-discord"]})
        self._notify()

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH event to the session of its server's shard (or keep it for the next
        RESUME); returns its sequence."""
        guild = data.get("guild_id") or (data.get("id") if event.startswith("GUILD_") else None)
        target = self.shard_of(int(guild)) if guild else self
        return await target._dispatch_here(event, data)

    async def _dispatch_here(self, event: str, data: dict[str, Any]) -> int:
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

    @property
    def all_connected(self) -> bool:
        """Every shard that identified has a live session (the only one, unsharded)."""
        return all(g.connected for g in (self.shards.values() or [self]))

    async def close_all(self) -> None:
        for ws in list(self.sockets):
            await ws.close(code=1001, message=b"Fake Discord stopping")
