"""The Democracy Club poller against the fake API: pages, high-water mark, 429s, backoff."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from fakes.democracyclub_results_api import FakeDemocracyClub, ballot, result

from bot.importing.client import user_agent
from bot.night.source import (
    ANONYMOUS_INTERVAL,
    DemocracyClubSource,
    SourceError,
    interval_for,
)

ELECTION = "local.testshire.2026-05-07"


def bid(n: int) -> str:
    return f"local.testshire.ward-{n:03d}.2026-05-07"


def declared(n: int, votes: int = 900) -> dict[str, object]:
    return result(
        bid(n), [("Ann", "Labour Party", votes, True), ("Bob", "Green Party", 100, False)]
    )


@pytest.fixture
async def dc() -> AsyncIterator[FakeDemocracyClub]:
    fake = await FakeDemocracyClub().start()
    try:
        yield fake
    finally:
        await fake.stop()


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_every_page_is_read_across_the_page_boundary(dc: FakeDemocracyClub) -> None:
    """250 results come in two pages of 200 and 50, all of them parsed."""
    dc.declare(*(declared(n) for n in range(250)))
    source = DemocracyClubSource(dc.url, ELECTION, token="t", interval=0)
    poll = await source.poll()
    assert poll.pages == 2 and len(poll.declarations) == 250
    assert [r.query.get("page") for r in dc.calls()] == [None, "2"]
    assert dc.calls()[0].query["page_size"] == "200"


async def test_next_poll_asks_only_for_newer_results(dc: FakeDemocracyClub) -> None:
    """The second poll sends last_updated (its own high-water mark) and gets only what changed."""
    start = dt.datetime(2026, 5, 8, 1, 0, tzinfo=dt.UTC)
    moments = iter([start, start + dt.timedelta(minutes=5)])
    dc.declare(declared(1), at=start - dt.timedelta(minutes=1))
    source = DemocracyClubSource(
        dc.url,
        ELECTION,
        interval=0,
        token="t",
        overlap=dt.timedelta(seconds=30),
        now=lambda: next(moments),
    )
    assert len((await source.poll()).declarations) == 1
    dc.declare(declared(2), at=start + dt.timedelta(minutes=2))
    poll = await source.poll()
    assert [d.ballot_paper_id for d in poll.declarations] == [bid(2)]
    assert dc.calls()[1].query["last_updated"] == "2026-05-08T00:59:30Z"
    assert source.status.high_water == start + dt.timedelta(minutes=5, seconds=-30)


async def test_rate_limit_is_waited_out_for_retry_after(dc: FakeDemocracyClub) -> None:
    """A 429 raises SourceError and the next poll waits at least Retry-After."""
    clock = Clock()
    source = DemocracyClubSource(dc.url, ELECTION, token="t", interval=1, monotonic=clock)
    dc.rate_limit_next(30)
    with pytest.raises(SourceError) as caught:
        await source.poll()
    assert caught.value.retry_after == 30
    assert source.delay() >= 30
    assert source.status.rate_limited == 1 and "429" in (source.status.last_error or "")
    clock.now += 31
    dc.declare(declared(1))
    assert len((await source.poll()).declarations) == 1
    assert source.status.last_error is None and source.status.consecutive_errors == 0


async def test_errors_back_off_doubling(dc: FakeDemocracyClub) -> None:
    """Each failure in a row doubles the wait, and the mark does not move past missed results."""
    clock = Clock()
    source = DemocracyClubSource(dc.url, ELECTION, token="t", interval=2, monotonic=clock)
    waits = []
    for _ in range(3):
        dc.fail_next(502)
        with pytest.raises(SourceError, match="502"):
            await source.poll()
        waits.append(source.delay())
    assert waits == [2, 4, 8]
    assert source.status.high_water is None


async def test_unreachable_source_is_a_source_error() -> None:
    """Nothing listening: a SourceError that says so, not a crash."""
    source = DemocracyClubSource("http://127.0.0.1:9", ELECTION, interval=0)
    with pytest.raises(SourceError, match="unreachable"):
        await source.poll()


async def test_token_is_sent_and_polls_faster(dc: FakeDemocracyClub) -> None:
    """With a token: `Authorization: Token …` and 15 s polls; without: none, and 60 s at least."""
    await DemocracyClubSource(dc.url, ELECTION, token="sekrit", interval=0).poll()
    await DemocracyClubSource(dc.url, ELECTION, interval=0).poll()
    assert [r.authorization for r in dc.calls()] == ["Token sekrit", None]
    assert interval_for("sekrit", None) == 15
    assert interval_for(None, 5) == ANONYMOUS_INTERVAL
    assert DemocracyClubSource(dc.url, ELECTION).interval == ANONYMOUS_INTERVAL


async def test_ballots_list_names_wards_and_seats(dc: FakeDemocracyClub) -> None:
    """The ballots list, read when a follow starts, gives each ward's name and seats."""
    dc.expect([ballot(bid(1), "North", 3), ballot(bid(2), "South")])
    found = await DemocracyClubSource(dc.url, ELECTION, interval=0).ballots()
    assert [(b.ward, b.seats) for b in found] == [("North", 3), ("South", 1)]


async def test_polls_name_the_bot_and_its_operator_as_imports_do(dc: FakeDemocracyClub) -> None:
    """The User-Agent names the bot, its version and the operator's contact (IMPORT_CONTACT)."""
    await DemocracyClubSource(
        dc.url, ELECTION, interval=0, agent=user_agent("ops@example.org")
    ).poll()
    (call,) = dc.calls()
    assert call.user_agent.startswith("ElectionResultsBot/")
    assert "ops@example.org" in call.user_agent


@pytest.mark.parametrize(
    ("election_id", "title"),
    [
        ("local.derby.2026-05-07", "2026 Derby local election"),
        ("local.north-east-lincolnshire.2026-05-07", "2026 North East Lincolnshire local election"),
        ("mayor.london.2028-05-04", "2028 London mayoral election"),
    ],
)
def test_title_for_a_democracy_club_election(election_id: str, title: str) -> None:
    """A followed DC election gets a title the document reader can date."""
    from bot.night.follow import title_for

    assert title_for(election_id) == title
