"""One polite HTTP client for the importers (standard library only).

Wikimedia's API etiquette, followed for every source: a descriptive User-Agent naming the bot,
its version and a contact; gzip; one request at a time; `Retry-After` honoured on 429 and 503
(and on a 200 that asks to be retried, such as a MediaWiki maxlag error); a few retries with
exponential backoff, then an `ImportFailure` with a one-line message.
"""

from __future__ import annotations

import email.utils
import gzip
import http.client
import json
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from bot.importing import ImportFailure

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def bot_version() -> str:
    try:
        return metadata.version("election-bot")
    except metadata.PackageNotFoundError:
        return "0.1.0"


def user_agent(contact: str) -> str:
    """`ElectionResultsBot/0.1.0 (contact; election-bot importer) python-urllib/3.11`."""
    import sys

    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"ElectionResultsBot/{bot_version()} ({contact}; election-bot importer) urllib/{python}"


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ImportFailure(f"{_host(self.url)} sent a reply that is not JSON") from None

    def text(self) -> str:
        try:
            return self.body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFailure(f"{_host(self.url)} sent a reply that is not UTF-8 text") from None


RetryWhen = Callable[[Response], float | None]
"""Seconds to wait before asking again for a 200 reply that says "try later", else None."""


class HttpClient:
    """GET requests, one at a time, with retries; `sleep` is injectable for tests."""

    def __init__(
        self,
        agent: str,
        *,
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.agent = agent
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.timeout = timeout
        self.sleep = sleep
        self.requests = 0
        """Requests sent, retries included (the benchmark and tests read it)."""
        self._one_at_a_time = threading.Lock()

    def get(
        self,
        url: str,
        params: Mapping[str, str] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        retry_when: RetryWhen | None = None,
    ) -> Response:
        """The reply to a GET, after up to `retries` retries; `ImportFailure` when it fails."""
        full = f"{url}?{urllib.parse.urlencode(params)}" if params else url
        problem = ""
        for attempt in range(self.retries + 1):
            wait: float | None
            try:
                response = self._send(full, headers or {})
            except urllib.error.HTTPError as error:
                status = error.code
                error.close()
                if status not in RETRY_STATUSES:
                    raise ImportFailure(
                        f"{_host(full)} answered HTTP {status} {error.reason}"
                    ) from None
                problem = f"HTTP {status} {error.reason}"
                wait = _retry_after(error.headers.get("Retry-After"))
            except http.client.HTTPException:  # the connection broke during the reply
                problem = f"the reply from {_host(full)} was cut short"
                wait = None
            except OSError as error:  # URLError, refused connections, timeouts
                reason = getattr(error, "reason", None) or error
                problem = f"cannot reach {_host(full)} ({reason})"
                wait = None
            else:
                later = retry_when(response) if retry_when else None
                if later is None:
                    return response
                problem = "the server asked to try again later"
                wait = later
            if attempt == self.retries:
                break
            delay = min(wait if wait is not None else self.backoff * 2**attempt, self.max_wait)
            log.debug("%s: %s; retrying in %.1fs", _host(full), problem, delay)
            self.sleep(delay)
        raise ImportFailure(f"{problem}; gave up after {self.retries + 1} attempts")

    def _send(self, url: str, headers: Mapping[str, str]) -> Response:
        request = urllib.request.Request(
            url,
            headers={"User-Agent": self.agent, "Accept-Encoding": "gzip", **headers},
        )
        with self._one_at_a_time:
            self.requests += 1
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                body = reply.read()
                encoding = reply.headers.get("Content-Encoding", "").lower()
                return Response(
                    url=url,
                    status=reply.status,
                    headers={k.lower(): v for k, v in reply.headers.items()},
                    body=_decoded(body, encoding, url),
                )


def _decoded(body: bytes, encoding: str, url: str) -> bytes:
    try:
        if encoding == "gzip":
            return gzip.decompress(body)
        if encoding == "deflate":
            return zlib.decompress(body)
    except (OSError, zlib.error, EOFError):
        raise ImportFailure(f"{_host(url)} sent a damaged compressed reply") from None
    return body


def _retry_after(value: str | None) -> float | None:
    """`Retry-After` as seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url
