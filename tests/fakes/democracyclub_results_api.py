"""A fake Democracy Club `/api/next/` on 127.0.0.1: results that appear during a test's night.

Serves what the election-night poller reads, shaped as documented in
`shared/formats/democracyclub-next-results-api.md`:

    GET /api/next/results/?election_id=&last_updated=&page_size=&page=
        `last_updated` is a strict "greater than" on each result set's modified time; results
        are ordered by ballot_paper_id and paged DRF-style (`count/next/previous/results`,
        page_size at most 200).
    GET /api/next/ballots/?election_id=&page_size=&page=     the ballots (post.label, winner_count)

`declare(result(...))` makes a result appear (or changes it: a correction) with the modified
time now. Faults: `rate_limit_next(seconds)` answers the next request 429 with Retry-After,
`fail_next(status)` an error, `down = True` every request 503. Every request is recorded
(`requests`: path, query, Authorization header).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

MAX_PAGE_SIZE = 200
Candidate = tuple[str, str | None, int | None, bool | None]
"""(person name, party name or None, votes, elected or None)."""


def result(
    ballot_paper_id: str,
    candidates: Sequence[Candidate],
    *,
    turnout: int | None = None,
    turnout_percentage: str | None = None,
    electorate: int | None = None,
    spoilt: int | None = None,
    source: str | None = "Declared at the count",
) -> dict[str, Any]:
    """One `/api/next/results/` object (candidates as given, most votes first as DC orders)."""
    ordered = sorted(candidates, key=lambda c: -(c[2] or 0))
    rows = []
    for number, (name, party, votes, elected) in enumerate(ordered, start=1):
        rows.append(
            {
                "person": {"id": number, "url": f"/api/next/people/{number}/", "name": name},
                "party": None
                if party is None
                else {"url": "/api/next/parties/PP0/", "ec_id": "PP0", "name": party},
                "num_ballots": votes,
                "elected": elected,
            }
        )
    return {
        "url": f"/api/next/results/{ballot_paper_id}/",
        "num_turnout_reported": turnout,
        "turnout_percentage": turnout_percentage,
        "num_spoilt_ballots": spoilt,
        "source": source,
        "ballot": {
            "url": f"/api/next/ballots/{ballot_paper_id}/",
            "ballot_paper_id": ballot_paper_id,
        },
        "candidate_results": rows,
        "total_electorate": electorate,
    }


def ballot(ballot_paper_id: str, label: str, winner_count: int = 1) -> dict[str, Any]:
    """One `/api/next/ballots/` object, with only the fields the poller reads."""
    election_id = ballot_paper_id.split(".")[0] + "." + ballot_paper_id.split(".")[1]
    return {
        "ballot_paper_id": ballot_paper_id,
        "election": {"election_id": election_id + "." + ballot_paper_id.rsplit(".", 1)[-1]},
        "post": {"label": label, "slug": ballot_paper_id.split(".")[2]},
        "winner_count": winner_count,
        "cancelled": False,
    }


@dataclass
class Recorded:
    path: str
    query: dict[str, str]
    authorization: str | None
    status: int
    at: float = field(default_factory=time.monotonic)
    user_agent: str = ""
    """When the request arrived (time.monotonic)."""


@dataclass
class FakeDemocracyClub:
    """The fake API; `await start()` then point DEMOCRACYCLUB_URL at `url`."""

    host: str = "127.0.0.1"
    results: dict[str, tuple[dict[str, Any], dt.datetime]] = field(default_factory=dict)
    ballots: list[dict[str, Any]] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)
    down: bool = False
    max_page_size: int = MAX_PAGE_SIZE
    """Lower it to put a page boundary inside a small night."""
    _faults: list[tuple[int, float | None]] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> FakeDemocracyClub:
        app = web.Application()
        app.router.add_get("/api/next/results/", self._results)
        app.router.add_get("/api/next/ballots/", self._ballots)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # ----- what a test does -------------------------------------------------------------------

    def declare(self, *found: dict[str, Any], at: dt.datetime | None = None) -> None:
        """Results appear (or change) now: their modified time is set."""
        when = at or dt.datetime.now(dt.UTC)
        for item in found:
            self.results[item["ballot"]["ballot_paper_id"]] = (item, when)

    def expect(self, ballots: Iterable[dict[str, Any]]) -> None:
        self.ballots = list(ballots)

    def rate_limit_next(self, retry_after: float = 1.0) -> None:
        self._faults.append((429, retry_after))

    def fail_next(self, status: int = 500) -> None:
        self._faults.append((status, None))

    def calls(self, path: str = "/api/next/results/") -> list[Recorded]:
        return [r for r in self.requests if r.path == path]

    # ----- routes -----------------------------------------------------------------------------

    def _record(self, request: web.Request, status: int) -> None:
        self.requests.append(
            Recorded(
                request.path,
                dict(request.query),
                request.headers.get("Authorization"),
                status,
                user_agent=request.headers.get("User-Agent", ""),
            )
        )

    def _fault(self, request: web.Request) -> web.Response | None:
        if self.down:
            self._record(request, 503)
            return web.json_response({"detail": "Service unavailable"}, status=503)
        if not self._faults:
            return None
        status, retry_after = self._faults.pop(0)
        self._record(request, status)
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        detail = "Request was throttled." if status == 429 else "Server error"
        return web.json_response({"detail": detail}, status=status, headers=headers)

    def _page(self, request: web.Request, items: list[dict[str, Any]]) -> web.Response:
        try:
            size = min(self.max_page_size, int(request.query.get("page_size", "10")))
            page = int(request.query.get("page", "1"))
        except ValueError:
            self._record(request, 400)
            return web.json_response({"detail": "Invalid page."}, status=400)
        start = (page - 1) * size
        if page < 1 or (start >= len(items) and page != 1):
            self._record(request, 404)
            return web.json_response({"detail": "Invalid page."}, status=404)
        url = request.url.with_scheme("http")

        def link(number: int) -> str:
            return str(url.update_query({"page": str(number)}))

        body = {
            "count": len(items),
            "next": link(page + 1) if start + size < len(items) else None,
            "previous": link(page - 1) if page > 1 else None,
            "results": items[start : start + size],
        }
        self._record(request, 200)
        return web.json_response(body)

    async def _results(self, request: web.Request) -> web.StreamResponse:
        fault = self._fault(request)
        if fault is not None:
            return fault
        election = request.query.get("election_id")
        since_text = request.query.get("last_updated")
        since = dt.datetime.fromisoformat(since_text.replace("Z", "+00:00")) if since_text else None
        items = [
            item
            for ballot_id, (item, modified) in sorted(self.results.items())
            if (election is None or ballot_id.startswith(election.rsplit(".", 1)[0] + "."))
            and (election is None or ballot_id.endswith("." + election.rsplit(".", 1)[-1]))
            and (since is None or modified > since)
        ]
        return self._page(request, items)

    async def _ballots(self, request: web.Request) -> web.StreamResponse:
        fault = self._fault(request)
        if fault is not None:
            return fault
        return self._page(request, list(self.ballots))
