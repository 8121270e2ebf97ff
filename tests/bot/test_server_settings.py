"""/settings against the fake Discord: each server its own council, privacy and log channel."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, BotSession, StartBot
from fake_discord import MODERATOR_PERMISSIONS, Actor, Perm, SchemaError

from bot.guild_settings import GuildSettings, GuildSettingsService, open_store
from knowledge import PartyBook, ResultsStore

SHEFFIELD = """= 2006 Sheffield City Council election =

==Results==
===Abbey===
  - Abbey**
- Sheffield Winner (Labour Party (UK)): 900 votes
- Sheffield Loser (Conservative Party (UK)): 400 votes
"""


def two_councils(*broken: tuple[str, str]) -> ResultsStore:
    """Derby 2002 (the seed) and a later Sheffield election that also has an Abbey ward."""
    seed = (ROOT / "data" / "elections" / "2002_derby_city_council_election.txt").read_text()
    return ResultsStore.from_texts(
        [
            ("2002_derby_city_council_election.txt", seed),
            ("2006_sheffield.txt", SHEFFIELD),
            *broken,
        ],
        PartyBook.from_toml(ROOT / "data" / "parties.toml"),
    )


def manager(session: BotSession, channel_id: int | None = None) -> Actor:
    """A moderator who may also manage the server (what /settings requires)."""
    world = session.fake.world
    return Actor(
        world.moderator, MODERATOR_PERMISSIONS | Perm.MANAGE_GUILD, channel_id or world.channel_id
    )


@pytest.fixture
async def councils(start_bot: StartBot, database: tuple[Path, str | None]) -> BotSession:
    """The bot with two councils, its settings in a fresh database (SQLite, then PostgreSQL)."""
    service = GuildSettingsService(open_store(*database))
    return await start_bot(two_councils(), guild_settings=service)


async def test_settings_with_no_option_show_the_defaults(councils: BotSession) -> None:
    """A server that never chose anything: no default council, no log channel, public."""
    reply = await councils.slash("settings", manager(councils))
    assert reply.ephemeral
    text = reply.text()
    assert "none (the most recent election)" in text and "public" in text


async def test_the_default_council_answers_when_no_election_is_named(
    councils: BotSession,
) -> None:
    """Abbey means Sheffield's (the newest) until the server chooses Derby; then Derby's."""
    before = await councils.slash("ward", name="Abbey")
    assert "Sheffield" in before.embed["title"]
    saved = await councils.slash("settings", manager(councils), council="Derby")
    assert saved.ephemeral and "2002 Derby City Council election" in saved.text()
    after = await councils.slash("ward", name="Abbey")
    assert "Derby" in after.embed["title"]
    named = await councils.slash("ward", name="Abbey", election="sheffield-2006")
    assert "Sheffield" in named.embed["title"]  # an election the user names still wins
    summary = await councils.slash("summary")
    assert "Derby" in summary.embed["title"]


async def test_private_answers_are_ephemeral(councils: BotSession) -> None:
    """answers:private makes every answer in the server visible only to the asker."""
    assert not (await councils.slash("ward", name="Boulton")).ephemeral
    await councils.slash("settings", manager(councils), answers="private")
    assert (await councils.slash("ward", name="Boulton")).ephemeral
    assert (await councils.slash("ask", question="who won in Boulton?")).ephemeral


async def test_a_council_that_is_not_loaded_is_refused_clearly(councils: BotSession) -> None:
    """Nothing is saved, and the reply lists the councils that are loaded."""
    reply = await councils.slash("settings", manager(councils), council="Atlantis")
    assert reply.ephemeral and reply.embed["title"] == "Not changed"
    assert "No council or election matching “Atlantis”" in reply.text()
    assert "Derby" in reply.text() and "Sheffield" in reply.text()
    shown = await councils.slash("settings", manager(councils))
    assert "none (the most recent election)" in shown.text()


async def test_only_server_managers_may_change_settings(councils: BotSession) -> None:
    """A member without Manage Server is refused privately; /settings is hidden by default."""
    reply = await councils.slash("settings", councils.events.member(), answers="private")
    assert reply.ephemeral and reply.embed["title"] == "Not allowed"
    schema = next(c for c in councils.fake.guild_commands() if c["name"] == "settings")
    assert schema["default_member_permissions"] == str(Perm.MANAGE_GUILD)
    assert not (await councils.slash("ward", name="Boulton")).ephemeral


async def test_log_channel_needs_a_channel_the_bot_can_post_in(councils: BotSession) -> None:
    """A channel where the bot may not send is refused; a good one is saved and shown."""
    general = councils.fake.world.channels["general"]
    councils.fake.bot_permissions[general] = Perm.VIEW_CHANNEL
    refused = await councils.slash("settings", manager(councils), log_channel=general)
    assert refused.embed["title"] == "Not changed" and "Missing Permissions" in refused.text()
    del councils.fake.bot_permissions[general]
    saved = await councils.slash("settings", manager(councils), log_channel=general)
    assert f"<#{general}>" in saved.text()
    cleared = await councils.slash("settings", manager(councils), clear="log channel")
    assert f"<#{general}>" not in cleared.text()


async def test_load_errors_are_reported_in_the_log_channel_at_start(
    start_bot: StartBot, point_at_fake: object, tmp_path: Path
) -> None:
    """A broken document beside good ones: the server's log channel hears about it, with the
    file and line."""
    from fake_discord import FakeDiscord

    fake = point_at_fake
    assert isinstance(fake, FakeDiscord)
    general = fake.world.channels["general"]
    service = GuildSettingsService(open_store(tmp_path / "s.sqlite3"))
    await service.save(GuildSettings(fake.world.guild_id, log_channel_id=general))
    store = two_councils(("broken.txt", "this is not an election document\n"))
    assert store.errors
    await start_bot(store, guild_settings=service)
    await fake.wait_for(
        lambda: any(
            str(general) in c.path for c in fake.calls_to("POST /channels/{channel_id}/messages")
        )
    )
    posted = [
        c.body
        for c in fake.calls_to("POST /channels/{channel_id}/messages")
        if str(general) in c.path
    ]
    text = str(posted[0]["embeds"][0])
    assert "broken.txt" in text and "2 election(s) loaded" in text


async def test_leaving_a_server_marks_its_settings_and_rejoining_keeps_them(
    councils: BotSession,
) -> None:
    """GUILD_DELETE starts the grace period; GUILD_CREATE again cancels it."""
    guild = councils.fake.world.guild_id
    await councils.slash("settings", manager(councils), council="Derby")
    store = councils.bot.guild_settings.store
    await councils.fake.dispatch("GUILD_DELETE", {"id": str(guild)})
    await councils.fake.wait_for(lambda: store.left_at(guild) is not None)
    joined = councils.fake.world.guild_create()
    del joined["unavailable"]  # a join, not a server coming back from an outage
    await councils.fake.dispatch("GUILD_CREATE", joined)
    await councils.fake.wait_for(lambda: store.left_at(guild) is None)
    assert store.get(guild).scope == "council:derby"


async def test_look_up_in_results_answers_a_message_privately(councils: BotSession) -> None:
    """Right-click a message -> Apps -> Look up in results: its text is the question."""
    message = await councils.say("who won in Boulton?")
    payload = councils.events.message_command("Look up in results", message)
    reply = await councils.answer(await councils.send(payload))
    assert reply.ephemeral
    assert "Boulton" in reply.embed["title"]


async def test_read_only_commands_work_for_a_user_install_in_dms(councils: BotSession) -> None:
    """Installed to a user's account: /ward answers in a DM and a group DM; server commands are
    not offered there."""
    schemas = {c["name"]: c for c in councils.fake.guild_commands()}
    assert schemas["ward"]["integration_types"] == [0, 1]
    assert schemas["ward"]["contexts"] == [0, 1, 2]
    for name in ("settings", "pin-summary"):
        assert schemas[name]["integration_types"] == [0] and schemas[name]["contexts"] == [0]
    for context in (1, 2):
        payload = councils.events.user_installed(
            councils.events.slash("ward", name="Boulton"), context
        )
        reply = await councils.answer(await councils.send(payload))
        assert "Boulton" in reply.embed["title"] and not reply.ephemeral
    with pytest.raises(SchemaError):
        councils.events.user_installed(councils.events.slash("settings", manager(councils)))


async def test_mentions_and_pins_follow_the_default_council(councils: BotSession) -> None:
    """@bot who won in Abbey? and /pin-summary answer from the server's council too."""
    assert "Sheffield" in (await councils.mention("who won in Abbey?"))["embeds"][0]["title"]
    await councils.slash("settings", manager(councils), council="Derby")
    reply = await councils.mention("who won in Abbey?")
    assert "Derby" in reply["embeds"][0]["title"]
    await councils.slash("pin-summary", councils.events.moderator())
    pinned = councils.fake.pinned()
    assert pinned and "Derby" in pinned[0]["embeds"][0]["title"]
