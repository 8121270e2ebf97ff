"""A threaded HTTP server on 127.0.0.1 that records every request, for the fakes to share."""

from __future__ import annotations

import gzip
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Request:
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    cut_short: bool = False
    """Promise more bytes than are sent, then close: a connection lost mid-reply."""


Handler = Callable[[Request], Reply]


class LocalServer:
    """Serves `handler` on an ephemeral port until `stop`; one request log for assertions."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[Request] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        assert self._server is not None, "start the server first"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> LocalServer:
        outer = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                request = Request(
                    path=parts.path,
                    params=dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True)),
                    headers={k.lower(): v for k, v in self.headers.items()},
                )
                with outer._lock:
                    outer.requests.append(request)
                    outer.in_flight += 1
                    outer.most_in_flight = max(outer.most_in_flight, outer.in_flight)
                self._flying = True
                try:
                    outer._answer(self, request)
                finally:
                    self._landed()

            def end_headers(self) -> None:
                # Landed before the body goes out: a client that waits for the whole reply
                # cannot send its next request while this one still counts as in flight.
                self._landed()
                super().end_headers()

            def _landed(self) -> None:
                if getattr(self, "_flying", False):
                    self._flying = False
                    with outer._lock:
                        outer.in_flight -= 1

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def _answer(self, handler: BaseHTTPRequestHandler, request: Request) -> None:
        reply = self.handler(request)
        body = reply.body
        headers = dict(reply.headers)
        if "gzip" in request.headers.get("accept-encoding", "") and body:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        handler.send_response(reply.status)
        handler.send_header("Content-Type", reply.content_type)
        length = len(body) * 2 + 100 if reply.cut_short else len(body)
        handler.send_header("Content-Length", str(length))
        if reply.cut_short:
            handler.send_header("Connection", "close")
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body[: len(body) // 2] if reply.cut_short else body)
        handler.wfile.flush()
        if reply.cut_short:
            handler.close_connection = True
