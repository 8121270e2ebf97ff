"""A whole election night: the fake Democracy Club API declares, the bot posts in the fake Discord.

Every contest is posted exactly once, corrections edit the earlier message, the pinned summary
is edited in place and right after each change, a restart half-way posts nothing twice, and the
final summary ends the follow.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from conftest import BotSession, StartBot
from fake_discord import BOT_PERMISSIONS, PIN, POST_MESSAGE, Perm
from fakes.democracyclub_results_api import FakeDemocracyClub, ballot, result

from bot.night.follow import NightConfig
from bot.night.messages import FINAL_MARKER, LIVE_MARKER

ELECTION = "local.testshire.2026-05-07"
EDIT = "PATCH /channels/{channel_id}/messages/{message_id}"
WARDS = ["Abbey", "Brook", "Castle", "Dale", "Elm", "Ford"]


def bid(ward: str) -> str:
    return f"local.testshire.{ward.lower()}.2026-05-07"


def declared(ward: str, winner: str, votes: int = 900, elected: bool | None = True) -> Any:
    loser = "Green Party" if winner != "Green Party" else "Labour Party"
    return result(
        bid(ward),
        [
            (f"Ann {ward}", winner, votes, elected),
            (f"Bob {ward}", loser, 500, None if elected is None else False),
        ],
        turnout=votes + 510,
        turnout_percentage="28.75",
        electorate=5000,
    )


@pytest.fixture
async def dc() -> AsyncIterator[FakeDemocracyClub]:
    fake = await FakeDemocracyClub().start()
    fake.expect(ballot(bid(w), w) for w in WARDS)
    fake.max_page_size = 2  # six wards: a page boundary every second result
    try:
        yield fake
    finally:
        await fake.stop()


def night(tmp_path: Path, dc: FakeDemocracyClub) -> NightConfig:
    folder = tmp_path / "elections"
    folder.mkdir(exist_ok=True)
    return NightConfig(
        db_path=tmp_path / "night.sqlite3",
        data_dir=folder,
        democracyclub_url=dc.url,
        democracyclub_token="test-token",
        poll_seconds=0.05,
        coalesce_seconds=0.2,
    )


def results(session: BotSession) -> list[dict[str, Any]]:
    """Result messages in the channel (not the summary, not notes), oldest first."""
    return [
        m
        for m in session.fake.channels.messages.values()
        if m.get("embeds")
        and (m["embeds"][0].get("footer") or {}).get("text", "").startswith(LIVE_MARKER)
        and " — " not in m["embeds"][0]["title"]
    ]


def pin(session: BotSession) -> dict[str, Any]:
    (pinned,) = session.fake.pinned()
    embed: dict[str, Any] = pinned["embeds"][0]
    return embed


async def until(session: BotSession, check: Any, timeout: float = 8.0) -> None:
    await session.fake.wait_for(check, timeout)


def pin_says(session: BotSession, text: str) -> bool:
    pinned = session.fake.pinned()
    if len(pinned) != 1:
        return False
    embed = pinned[0]["embeds"][0]
    shown = embed.get("description", "") + "".join(f["value"] for f in embed.get("fields", []))
    return text in shown


async def test_a_whole_night(start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path) -> None:
    """Six wards declare with a 429, a correction, a null elected and a restart in between."""
    config = night(tmp_path, dc)
    session = await start_bot(night=config)
    reply = await session.slash("live start", session.events.moderator(), election=ELECTION)
    assert reply.ephemeral and reply.embed["title"] == "Following the count"
    await until(session, lambda: pin_says(session, "0 of 6 wards declared"))
    assert "Labour" not in pin(session)["fields"][0]["value"]

    # two wards declare; the source then throttles once
    dc.declare(declared("Abbey", "Labour Party"), declared("Brook", "Labour Party"))
    await until(session, lambda: pin_says(session, "2 of 6 wards declared"))
    assert pin_says(session, "Labour needs 2 of the 4 undeclared seats.")
    dc.rate_limit_next(0.3)
    dc.declare(declared("Castle", "Green Party", elected=None))  # winners not stated
    await until(session, lambda: pin_says(session, "3 of 6 wards declared"))
    assert any(r.status == 429 for r in dc.requests)
    castle = next(m for m in results(session) if m["embeds"][0]["title"].startswith("Castle"))
    assert any(f["name"] == "Winners" for f in castle["embeds"][0]["fields"])
    assert pin_says(session, "Castle: taken as the top candidates by votes.")

    status = await session.slash("live status", session.events.moderator())
    assert "3 of 6 contests declared" in status.text()

    # a correction: Abbey's votes change; its message is edited, a short note is posted
    abbey_id = next(
        m["id"] for m in results(session) if m["embeds"][0]["title"].startswith("Abbey")
    )
    dc.declare(declared("Abbey", "Labour Party", votes=950))
    await until(
        session,
        lambda: (
            "(corrected)" in session.fake.channels.messages[int(abbey_id)]["embeds"][0]["title"]
        ),
    )

    def notes() -> list[dict[str, Any]]:
        messages = session.fake.channels.messages.values()
        return [m for m in messages if "Corrected" in (m.get("content") or "")]

    await until(session, lambda: len(notes()) == 1)
    assert "Abbey" in notes()[0]["content"]
    assert "950" in session.fake.channels.messages[int(abbey_id)]["embeds"][0]["description"]

    # restart half-way: a new bot on the same database posts nothing twice
    posted_before = len(session.fake.calls_to(POST_MESSAGE))
    await session.bot.close()
    session = await start_bot(night=config)
    dc.declare(declared("Dale", "Labour Party"))
    await until(session, lambda: pin_says(session, "4 of 6 wards declared"))
    assert len(results(session)) == 4
    new_posts = session.fake.calls_to(POST_MESSAGE)[posted_before:]
    assert len(new_posts) == 1  # Dale only; the pin was edited, not posted again

    # Labour now holds 3 of 6: a majority needs 4, so control is not called yet
    assert pin_says(session, "Labour needs 1 of the 2 undeclared seats.")
    dc.declare(declared("Elm", "Labour Party"), declared("Ford", "Green Party"))
    await until(
        session,
        lambda: any(
            (m["embeds"][0].get("footer") or {}).get("text", "").startswith(FINAL_MARKER)
            for m in session.fake.channels.messages.values()
            if m.get("embeds")
        ),
    )
    assert pin_says(session, "6 of 6 wards declared")
    assert pin_says(session, "Labour has won control of the council (4 seats).")
    assert pin(session)["title"].endswith("— Final result")

    # every contest exactly once; one pin ever, edited in place
    titles = sorted(m["embeds"][0]["title"].split(":")[0] for m in results(session))
    assert titles == WARDS
    for message in [*results(session), session.fake.pinned()[0]]:  # ward charts, seat diagram
        (picture,) = message["attachments"]
        assert message["embeds"][0]["image"]["url"] == f"attachment://{picture['filename']}"
    assert len(session.fake.calls_to(PIN)) == 1
    assert len(session.fake.calls_to(EDIT)) >= 5
    desk = session.bot.night
    assert desk is not None
    await until(session, lambda: not desk.runs)  # the follow ended by itself

    # the night is in the data folder as a document the reader loads
    (document,) = (tmp_path / "elections").glob("live-*.txt")
    assert "Ann Abbey (Labour Party): 950 votes" in document.read_text()
    # ...and the rest of the bot answers from it already
    ward = await session.slash("ward", name="Abbey")
    assert "Ann Abbey" in ward.text() and "950" in ward.text()


async def test_deleted_messages_are_recreated_on_the_next_change(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path
) -> None:
    """A moderator deleting a result or the pin is not a crash: both come back when they change."""
    session = await start_bot(night=night(tmp_path, dc))
    await session.slash("live start", session.events.moderator(), election=ELECTION)
    dc.declare(declared("Abbey", "Labour Party"))
    await until(session, lambda: pin_says(session, "1 of 6 wards declared"))
    channel = session.fake.world.channel_id
    (abbey,) = results(session)
    session.fake.channels.messages.pop(int(abbey["id"]))
    pinned = session.fake.pinned()[0]
    session.fake.channels.messages.pop(int(pinned["id"]))
    session.fake.channels.pins[channel] = []
    dc.declare(declared("Abbey", "Labour Party", votes=990))
    await until(session, lambda: pin_says(session, "1 of 6 wards declared"))
    await until(session, lambda: len(results(session)) == 1)
    assert "990" in results(session)[0]["embeds"][0]["description"]


async def test_source_down_is_reported_in_status_not_the_channel(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path
) -> None:
    """Democracy Club failing shows in /live status; the results channel gets nothing."""
    dc.down = True
    session = await start_bot(night=night(tmp_path, dc))
    await session.slash("live start", session.events.moderator(), election=ELECTION)
    await until(session, lambda: len(dc.requests) >= 2)
    await until(session, lambda: len(session.fake.pinned()) == 1)
    status = await session.slash("live status", session.events.moderator())
    assert "Democracy Club answered 503" in status.text()
    bodies = [m.get("content") or "" for m in session.fake.channels.messages.values()]
    assert not any("503" in b for b in bodies)
    await session.slash("live stop", session.events.moderator(), election=ELECTION)
    assert session.bot.night is not None and not session.bot.night.runs


async def test_members_cannot_start_a_follow(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path
) -> None:
    """Without Manage Server or Manage Messages: a private refusal, nothing followed."""
    session = await start_bot(night=night(tmp_path, dc))
    reply = await session.slash("live start", session.events.member(), election=ELECTION)
    assert reply.ephemeral and "Manage Messages" in reply.text()
    assert session.bot.night is not None and not session.bot.night.runs


async def test_autocomplete_offers_loaded_elections(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path
) -> None:
    """The election option offers the loaded elections' ids, and a typed DC id as is."""
    session = await start_bot(night=night(tmp_path, dc))
    offered = await session.autocomplete("live start", "election", session.events.moderator())
    assert "derby-2002" in [c["value"] for c in offered]
    typed = await session.autocomplete(
        "live start", "election", session.events.moderator(), election=ELECTION
    )
    assert typed[0]["value"] == ELECTION


DOCUMENT = """= 2026 Testshire Council election =

==Ward results==
===North===

  - North**

- Ann North (Labour Party): 900 votes
- Bob North (Green Party): 500 votes

===South===

  - South**

- Cat South (Labour Party){south_cat}
- Dan South (Green Party){south_dan}
"""


async def test_a_loaded_document_edited_during_the_night(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path
) -> None:
    """Following a loaded election: each save of its document posts what newly declared."""
    from knowledge import ResultsStore

    folder = tmp_path / "elections"
    folder.mkdir()
    document = folder / "testshire.txt"
    document.write_text(DOCUMENT.format(south_cat="", south_dan=""))
    store = ResultsStore.load(folder, Path(__file__).parents[2] / "data" / "parties.toml")
    config = night(tmp_path, dc)
    config.document_seconds = 0.05
    session = await start_bot(store=store, night=config)
    await session.slash("live start", session.events.moderator(), election="testshire-2026")
    await until(session, lambda: pin_says(session, "1 of 2 wards declared"))
    assert [m["embeds"][0]["title"] for m in results(session)] == ["North: Labour win"]
    document.write_text(DOCUMENT.format(south_cat=": 300 votes", south_dan=": 700 votes"))
    stat = document.stat()
    os.utime(document, (stat.st_atime, stat.st_mtime + 5))
    await until(session, lambda: pin_says(session, "2 of 2 wards declared"))
    assert [m["embeds"][0]["title"] for m in results(session)] == [
        "North: Labour win",
        "South: Green win",
    ]
    assert dc.requests == []  # the document, not Democracy Club
    ward = await session.slash("ward", name="South")
    assert "700" in ward.text()  # the store answers from the edited document


async def test_without_attach_files_results_are_posted_as_text(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path
) -> None:
    """Discord refusing the charts costs the pictures, not the results."""
    session = await start_bot(night=night(tmp_path, dc))
    channel = session.fake.world.channel_id
    session.fake.bot_permissions[channel] = BOT_PERMISSIONS & ~Perm.ATTACH_FILES
    await session.slash("live start", session.events.moderator(), election=ELECTION)
    dc.declare(declared("Abbey", "Labour Party"), declared("Brook", "Green Party"))
    await until(session, lambda: pin_says(session, "2 of 6 wards declared"))
    await until(session, lambda: len(results(session)) == 2)
    assert all(not m.get("attachments") for m in results(session))
