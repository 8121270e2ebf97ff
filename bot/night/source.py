"""Democracy Club's `/api/next/results/` polled politely during a count.

Results carry no timestamp and `last_updated` is a strict "greater than" on the server's modified
time, so the poller keeps its own high-water mark: the time its last successful poll started,
less a small overlap for clock skew (a result seen twice merges as unchanged). Anonymous clients
get 10 requests a minute, so a poll is at most every 60 s without a token and every 15 s (the
setting) with one; a 429 is waited out for its Retry-After, other failures back off doubling.
HTTP is stdlib urllib in a worker thread, so the event loop never blocks on the network.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.importing.client import user_agent
from bot.settings import DEFAULT_CONTACT
from knowledge.night import Declaration, ExpectedContest, parse_ballots_page, parse_results_page

log = logging.getLogger(__name__)

ANONYMOUS_INTERVAL = 60.0
TOKEN_INTERVAL = 15.0
OVERLAP = dt.timedelta(seconds=60)
MAX_BACKOFF = 600.0
PAGE_SIZE = 200
BALLOTS_PAGE_SIZE = 100
MAX_PAGES = 50
TIMEOUT = 20.0


class SourceError(Exception):
    """The source could not be read this time; `retry_after` when it said how long to wait."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class SourceStatus:
    """What `/live status` shows about the source."""

    last_poll: dt.datetime | None = None
    last_success: dt.datetime | None = None
    last_error: str | None = None
    consecutive_errors: int = 0
    requests: int = 0
    rate_limited: int = 0
    high_water: dt.datetime | None = None


@dataclass
class Poll:
    """One successful poll: every declaration on every page, and what could not be read."""

    declarations: list[Declaration] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    pages: int = 0


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def interval_for(token: str | None, setting: float | None) -> float:
    """Seconds between polls: the setting with a token (default 15), never under 60 without."""
    if token:
        return setting if setting is not None else TOKEN_INTERVAL
    return max(ANONYMOUS_INTERVAL, setting or 0.0)


class DemocracyClubSource:
    """Polls one election's results; `poll()` returns only what changed since the last poll."""

    def __init__(
        self,
        base_url: str,
        election_id: str,
        *,
        token: str | None = None,
        interval: float | None = None,
        overlap: dt.timedelta = OVERLAP,
        high_water: dt.datetime | None = None,
        agent: str = "",
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.election_id = election_id
        self.agent = agent or user_agent(DEFAULT_CONTACT)
        self.token = token
        self.interval = interval if interval is not None else interval_for(token, None)
        self.overlap = overlap
        self.status = SourceStatus(high_water=high_water)
        self._now = now
        self._monotonic = monotonic
        self._not_before = 0.0

    # ----- pacing -----------------------------------------------------------------------------

    def delay(self) -> float:
        """Seconds to wait before the next poll is allowed."""
        return max(0.0, self._not_before - self._monotonic())

    def _schedule(self, error: SourceError | None) -> None:
        wait = self.interval
        if error is not None:
            backoff = self.interval * 2 ** min(self.status.consecutive_errors - 1, 10)
            wait = min(MAX_BACKOFF, max(backoff, error.retry_after or 0.0))
        self._not_before = self._monotonic() + wait

    # ----- HTTP -------------------------------------------------------------------------------

    def _get(self, url: str) -> Any:
        """GET one page as JSON (runs in a worker thread)."""
        headers = {"Accept": "application/json", "User-Agent": self.agent}
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        request = urllib.request.Request(url, headers=headers)
        self.status.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            retry_after = _seconds(error.headers.get("Retry-After"))
            if error.code == 429:
                self.status.rate_limited += 1
                raise SourceError(
                    "rate limited by Democracy Club (429)", retry_after=retry_after
                ) from None
            raise SourceError(
                f"Democracy Club answered {error.code}", retry_after=retry_after
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise SourceError(f"Democracy Club unreachable: {reason}") from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SourceError("Democracy Club sent something that is not JSON") from None

    def _same_site(self, url: str) -> bool:
        ours, theirs = urllib.parse.urlsplit(self.base_url), urllib.parse.urlsplit(url)
        return (ours.scheme, ours.netloc) == (theirs.scheme, theirs.netloc)

    async def _pages(self, first: str) -> list[Any]:
        pages: list[Any] = []
        url = first
        while url and len(pages) < MAX_PAGES:
            if not self._same_site(url):
                raise SourceError(f"a next page on another site was not followed: {url}")
            payload = await asyncio.to_thread(self._get, url)
            pages.append(payload)
            following = payload.get("next") if isinstance(payload, dict) else None
            url = following if isinstance(following, str) else ""
        return pages

    # ----- what the follow loop calls ---------------------------------------------------------

    async def ballots(self) -> list[ExpectedContest]:
        """The election's ballots (wards and seats), read once when a follow starts."""
        query = urllib.parse.urlencode(
            {"election_id": self.election_id, "page_size": BALLOTS_PAGE_SIZE}
        )
        self.status.last_poll = self._now()
        found: list[ExpectedContest] = []
        try:
            for payload in await self._pages(f"{self.base_url}/api/next/ballots/?{query}"):
                found.extend(parse_ballots_page(payload).ballots)
        except (SourceError, ValueError) as error:
            raise self._failure(error) from None
        return found

    def _failure(self, error: SourceError | ValueError) -> SourceError:
        """Record a failed request for /live status and schedule the retry (backing off)."""
        failure = error if isinstance(error, SourceError) else SourceError(str(error))
        self.status.consecutive_errors += 1
        self.status.last_error = str(failure)
        self._schedule(failure)
        return failure

    async def poll(
        self, expected: list[ExpectedContest] | tuple[ExpectedContest, ...] = ()
    ) -> Poll:
        """Every result changed since the high-water mark; moves the mark on success.

        Raises SourceError (and schedules the retry) when the source fails.
        """
        started = self._now()
        self.status.last_poll = started
        params: dict[str, str | int] = {"election_id": self.election_id, "page_size": PAGE_SIZE}
        if self.status.high_water is not None:
            params["last_updated"] = _utc(self.status.high_water)
        url = f"{self.base_url}/api/next/results/?{urllib.parse.urlencode(params)}"
        try:
            pages = await self._pages(url)
            poll = Poll()
            for payload in pages:
                page = parse_results_page(payload, expected)
                poll.declarations.extend(page.declarations)
                poll.skipped.extend(page.skipped)
                poll.pages += 1
        except (SourceError, ValueError) as error:
            raise self._failure(error) from None
        self.status.consecutive_errors = 0
        self.status.last_error = None
        self.status.last_success = started
        self.status.high_water = started - self.overlap
        self._schedule(None)
        for reason in poll.skipped:
            log.warning("Democracy Club result skipped for %s: %s", self.election_id, reason)
        return poll


def _seconds(header: str | None) -> float | None:
    """Retry-After as seconds (a number; an HTTP date is read as 'a minute')."""
    if not header:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        return ANONYMOUS_INTERVAL
