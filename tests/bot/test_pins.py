"""/pin-summary: moderators pin the council summary; a newer pin replaces the older one."""

from __future__ import annotations

from conftest import BotSession
from fake_discord import BOT_PERMISSIONS, PIN, UNPIN, Perm

POST = "POST /channels/{channel_id}/messages"


async def test_moderator_posts_and_pins_the_summary(session: BotSession) -> None:
    """The summary is posted publicly in the channel and pinned; the moderator is told privately."""
    reply = await session.slash("pin-summary", session.events.moderator())
    assert reply.ephemeral
    assert reply.embed["title"] == "Summary pinned"
    pinned = session.fake.pinned()
    assert len(pinned) == 1
    assert not pinned[0]["flags"] & 64
    assert pinned[0]["embeds"][0]["title"] == "2002 Derby City Council election"
    assert "Labour majority" in pinned[0]["embeds"][0]["description"]


async def test_a_later_pin_replaces_the_earlier_one(session: BotSession) -> None:
    """Pinning again unpins the bot's previous summary instead of piling up pins."""
    await session.slash("pin-summary", session.events.moderator())
    first = session.fake.pinned()[0]
    reply = await session.slash("pin-summary", session.events.moderator())
    assert "replaces the previously pinned summary" in reply.text()
    pinned = session.fake.pinned()
    assert len(pinned) == 1 and pinned[0]["id"] != first["id"]
    assert [c.path for c in session.fake.calls_to(UNPIN)] == [
        f"/channels/{first['channel_id']}/messages/pins/{first['id']}"
    ]


async def test_pin_leaves_other_pins_alone(session: BotSession) -> None:
    """Only the bot's own pinned summaries are replaced, not other pinned messages."""
    channel = session.fake.world.channel_id
    other = session.fake.channels.create(channel, {"content": "House rules"})
    session.fake.channels.pins[channel] = [(int(other["id"]), "2024-01-01T00:00:00+00:00")]
    await session.slash("pin-summary", session.events.moderator())
    await session.slash("pin-summary", session.events.moderator())
    pinned = session.fake.pinned()
    assert len(pinned) == 2 and pinned[1]["content"] == "House rules"


async def test_member_without_manage_messages_is_refused_privately(session: BotSession) -> None:
    """An ordinary member cannot pin: a private refusal, and nothing is posted."""
    reply = await session.slash("pin-summary", session.events.member())
    assert reply.ephemeral
    assert "Manage Messages" in reply.text()
    assert session.fake.calls_to(POST) == [] and session.fake.calls_to(PIN) == []


async def test_pin_command_is_hidden_from_members_by_default(session: BotSession) -> None:
    """The synced command asks Discord to show it only to those who can manage messages."""
    command = next(c for c in session.fake.guild_commands() if c["name"] == "pin-summary")
    assert command["default_member_permissions"] == str(Perm.MANAGE_MESSAGES)


async def test_bot_missing_pin_permission_is_named(session: BotSession) -> None:
    """If the bot lacks Pin Messages in the channel, the moderator is told which permission."""
    channel = session.fake.world.channel_id
    session.fake.bot_permissions[channel] = BOT_PERMISSIONS & ~Perm.PIN_MESSAGES
    reply = await session.slash("pin-summary", session.events.moderator())
    assert reply.ephemeral
    assert "I need the Pin Messages permission" in reply.text()
    assert session.fake.calls_to(POST) == []


async def test_pin_refused_by_discord_is_reported(session: BotSession) -> None:
    """A 403 from Discord on the pin is reported to the moderator, not swallowed."""
    await session.slash("pin-summary", session.events.moderator())
    first = session.fake.pinned()[0]
    session.fake.forbid_next(PIN)
    reply = await session.slash("pin-summary", session.events.moderator())
    assert reply.ephemeral
    assert reply.embed["title"] == "Posted, but not pinned"
    assert "missing a permission" in reply.text()
    assert [p["id"] for p in session.fake.pinned()] == [first["id"]]
    assert session.fake.calls_to(UNPIN) == []


async def test_pin_for_an_unknown_election_is_private(session: BotSession) -> None:
    """An election that isn't loaded gets a private "not found"; nothing is posted."""
    reply = await session.slash("pin-summary", session.events.moderator(), election="1999")
    assert reply.ephemeral
    assert session.fake.calls_to(POST) == []
