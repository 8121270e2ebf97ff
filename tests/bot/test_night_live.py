"""A whole election night: the fake Democracy Club API declares, the bot posts in the fake Discord.

Every contest is posted exactly once, corrections edit the earlier message, the pinned summary
is edited in place and right after each change, a restart half-way posts nothing twice, and the
final summary ends the follow.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import discord
import pytest
from conftest import BotSession, ErrorLogs, StartBot
from fake_discord import BOT_PERMISSIONS, PIN, POST_MESSAGE, Perm
from fakes.democracyclub_results_api import FakeDemocracyClub, ballot, result

from bot.guild_settings import GuildSettings, GuildSettingsService, SettingsStore, open_store
from bot.night.follow import NightConfig, NightDesk
from bot.night.messages import FINAL_MARKER, LIVE_MARKER
from bot.night.state import NightState
from knowledge import ResultsStore
from knowledge.night import FollowedElection

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


@pytest.fixture
def shared_settings(database: tuple[Path, str | None]) -> Iterator[Callable[[], Any]]:
    """A new settings service on one database (SQLite and PostgreSQL), as each restart opens."""
    stores: list[SettingsStore] = []

    def service() -> GuildSettingsService:
        stores.append(open_store(*database))
        return GuildSettingsService(stores[-1])

    yield service
    for store in stores:
        store.close()


async def test_a_whole_night(
    start_bot: StartBot,
    dc: FakeDemocracyClub,
    tmp_path: Path,
    shared_settings: Callable[[], GuildSettingsService],
) -> None:
    """Six wards declare with a 429, a correction, a null elected and a restart in between; the
    night's state is in the settings database, on both engines."""
    config = night(tmp_path, dc)
    session = await start_bot(night=config, guild_settings=shared_settings())
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
    session = await start_bot(night=config, guild_settings=shared_settings())
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


def posts_in(session: BotSession, channel: int) -> list[dict[str, Any]]:
    return [c.body for c in session.fake.calls_to(POST_MESSAGE) if f"/{channel}/" in c.path]


async def test_an_outage_is_reported_once_in_the_log_channel_and_its_end_too(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path
) -> None:
    """Many failed polls make one report in the log channel, then one when the source is back;
    the results channel hears of neither, and /live status shows the outage."""
    session = await start_bot(night=night(tmp_path, dc))
    general = session.fake.world.channels["general"]
    guild = session.fake.world.guild_id
    await session.bot.guild_settings.save(GuildSettings(guild, log_channel_id=general))
    dc.down = True
    await session.slash("live start", session.events.moderator(), election=ELECTION)
    await until(session, lambda: len(dc.requests) >= 4)
    (down,) = posts_in(session, general)
    assert down["embeds"][0]["title"] == "⚠️ Results source in trouble"
    assert "Democracy Club answered 503" in down["embeds"][0]["description"]
    status = await session.slash("live status", session.events.moderator())
    assert "in trouble since" in status.text()

    dc.down = False
    dc.declare(declared("Abbey", "Labour Party"))
    await until(session, lambda: len(posts_in(session, general)) == 2)
    assert posts_in(session, general)[1]["embeds"][0]["title"].startswith("✅")
    await until(session, lambda: len(results(session)) == 1)
    channel = session.fake.world.channel_id
    # Not a bare "503": a post's <t:…> timestamps are numbers that may hold those digits.
    said = [str(body) for body in posts_in(session, channel)]
    assert not any(w in text for text in said for w in ("answered 503", "outage", "trouble"))
    status = await session.slash("live status", session.events.moderator())
    assert "in trouble" not in status.text()
    assert len(posts_in(session, general)) == 2


class ShardZero(discord.Client):
    """A process running shard 0 (of the client's shard count), not connected."""

    shard_ids = (0,)


async def test_only_the_shard_owning_a_server_resumes_its_follow(
    dc: FakeDemocracyClub, tmp_path: Path, settings_store: SettingsStore, derby_store: ResultsStore
) -> None:
    """Processes sharing one settings database each resume only their own servers' follows."""
    mine, theirs = 2 << 22, 3 << 22  # shards 0 and 1 of 2
    state = NightState(settings_store)
    for guild in (mine, theirs):
        state.start(guild, 10, 1, FollowedElection(election_id=ELECTION, title="T"))
    client = ShardZero(intents=discord.Intents.none(), shard_count=2)
    desk = NightDesk(
        client,
        derby_store,
        night(tmp_path, dc),
        GuildSettingsService(settings_store),
    )
    assert desk.owns(mine) and not desk.owns(theirs)
    try:
        assert await desk.resume() == 1
        assert list(desk.runs) == [(mine, ELECTION)]
    finally:
        await desk.close()
    unsharded = NightDesk(
        discord.Client(intents=discord.Intents.none()),
        derby_store,
        night(tmp_path, dc),
        GuildSettingsService(settings_store),
    )
    assert unsharded.owns(mine) and unsharded.owns(theirs)


def earlier(year: int, winners: dict[str, str]) -> str:
    """A loaded earlier election of Testshire: each ward's winner beats the other party."""
    lines = [f"= {year} Testshire Council election =", "", "==Ward results=="]
    for ward, party in winners.items():
        other = "Green Party" if party != "Green Party" else "Labour Party"
        lines += [f"==={ward}===", "", f"  - {ward}**", ""]
        lines += [f"- Old {ward} ({party}): 800 votes", f"- Rival {ward} ({other}): 600 votes", ""]
    return "\n".join(lines) + "\n"


def field(message: dict[str, Any], name: str) -> str | None:
    fields = message["embeds"][0].get("fields", [])
    return next((f["value"] for f in fields if f["name"].startswith(name)), None)


async def test_declarations_say_hold_or_gain_against_the_loaded_history(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path
) -> None:
    """Two earlier elections loaded: each result says hold or gain (computed, as /ward says it),
    carries /ward's "last time" line, and the pin counts the holds and gains so far."""
    from knowledge import ResultsStore

    config = night(tmp_path, dc)
    folder = tmp_path / "elections"
    before = dict.fromkeys(WARDS, "Labour Party") | {"Brook": "Green Party"}
    (folder / "testshire-2018.txt").write_text(earlier(2018, dict.fromkeys(WARDS, "Green Party")))
    (folder / "testshire-2022.txt").write_text(earlier(2022, before))
    store = ResultsStore.load(folder, Path(__file__).parents[2] / "data" / "parties.toml")
    assert not store.errors
    session = await start_bot(store=store, night=config)
    await session.slash("live start", session.events.moderator(), election=ELECTION)
    dc.declare(declared("Abbey", "Labour Party"), declared("Brook", "Labour Party"))
    await until(session, lambda: len(results(session)) == 2)
    await until(session, lambda: pin_says(session, "2 of 6 wards declared"))

    titles = sorted(m["embeds"][0]["title"] for m in results(session))
    assert titles == ["Abbey: Labour hold", "Brook: Labour gain from Green"]
    brook = next(m for m in results(session) if m["embeds"][0]["title"].startswith("Brook"))
    posted = field(brook, "Last time")
    assert posted is not None and posted.startswith("Last time (2022): Old Brook (Grn).")
    assert "2026: Labour gain from Green" in posted and "Swing: " in posted
    ward = await session.slash("ward", name="Brook")
    assert ward.embed["title"].startswith("Brook") and "2026" in str(ward.embed)
    assert field({"embeds": [ward.embed]}, "Last time") == posted  # /ward's very words
    assert pin_says(session, "**Labour**: 1 hold, 1 gain (1 from Green)")
    assert pin_says(session, "Net change: Labour +1, Green -1")


async def test_a_database_failure_does_not_end_the_follow(
    start_bot: StartBot, dc: FakeDemocracyClub, tmp_path: Path, error_logs: ErrorLogs
) -> None:
    """The settings database failing for a moment costs a retry, not the rest of the night."""
    error_logs.expect("A step of the follow of")
    session = await start_bot(night=night(tmp_path, dc))
    desk = session.bot.night
    assert desk is not None
    real = desk.state.save
    failed: list[str] = []

    def save_once(*args: Any) -> None:
        if not failed:
            failed.append("once")
            raise RuntimeError("the database is unreachable")
        real(*args)

    desk.state.save = save_once  # type: ignore[method-assign]
    await session.slash("live start", session.events.moderator(), election=ELECTION)
    dc.declare(declared("Abbey", "Labour Party"))
    await until(session, lambda: len(results(session)) == 1)
    assert failed == ["once"] and desk.runs
