"""Questions asked by mentioning the bot: answered as replies, pinging nobody, bots ignored."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import BotSession, ErrorLogs
from fake_discord import BOT_PERMISSIONS, POST_MESSAGE, Perm

REPLY = 19
NO_PING = {"parse": [], "replied_user": False}


def sent_body(session: BotSession, reply: dict[str, Any]) -> dict[str, Any]:
    """The body the bot posted to create `reply`."""
    return session.fake.channels.bodies[int(reply["id"])]


async def assert_ignored(
    session: BotSession, message: dict[str, Any], channel_id: int | None = None
) -> None:
    """`message` got no reply: a later mention from someone else is answered first, and
    the client handles messages in order."""
    later = await session.mention("who won in Abbey?", session.events.stranger(channel_id))
    assert later["embeds"][0]["title"].startswith("Abbey")
    assert session.fake.channels.replies_to(message["id"]) == []


async def test_mention_in_a_channel_is_answered_as_a_reply(session: BotSession) -> None:
    """A mention asking who won in Boulton gets a reply with Boulton's result and chart."""
    asked = await session.say("<@bot> who won in Boulton?")
    reply = await session.reply_to(asked)
    assert reply["type"] == REPLY
    assert reply["message_reference"]["message_id"] == asked["id"]
    embed = reply["embeds"][0]
    assert embed["title"].startswith("Boulton")
    assert embed["description"].startswith("**Boulton was split between Labour")
    assert reply["attachments"][0]["filename"] == "ward-derby-2002-boulton.png"
    assert embed["image"]["url"] == "attachment://ward-derby-2002-boulton.png"
    assert session.fake.file(reply["attachments"][0]).startswith(b"\x89PNG")
    assert sent_body(session, reply)["allowed_mentions"] == NO_PING


@pytest.mark.parametrize("text", ["<@bot> did Lucy Care get in?", "did Lucy Care get in?"])
async def test_a_direct_message_is_answered_with_or_without_a_mention(
    session: BotSession, text: str
) -> None:
    """In a DM every message is for the bot; the reply pings nobody."""
    asked = await session.say(text, session.events.in_dm())
    reply = await session.reply_to(asked)
    assert "guild_id" not in reply
    assert reply["embeds"][0]["description"].startswith("**Yes — Lucy Care")
    assert sent_body(session, reply)["allowed_mentions"] == NO_PING


async def test_mention_in_a_thread_is_answered_there(session: BotSession) -> None:
    """A mention inside a thread is answered in that thread."""
    asked = await session.say("<@bot> how did labour do?", session.events.in_thread())
    reply = await session.reply_to(asked)
    assert reply["channel_id"] == asked["channel_id"]
    assert reply["embeds"][0]["title"].startswith("Labour")
    assert reply["attachments"][0]["filename"] == "party-derby-2002-labour.png"


async def test_the_older_nickname_mention_is_understood(session: BotSession) -> None:
    """`<@!id>` mentions the bot too, and is removed from the question."""
    reply = await session.reply_to(await session.say("<@!bot>   who won in Abbey?"))
    assert reply["embeds"][0]["title"].startswith("Abbey")


async def test_a_mention_without_a_question_gets_the_help(session: BotSession) -> None:
    """Just "@bot" is answered with what the bot can do."""
    reply = await session.mention("")
    assert reply["embeds"][0]["title"] == "What I can answer"


async def test_a_question_the_results_cannot_answer_is_still_answered(
    session: BotSession,
) -> None:
    """Out of scope: the reply says so (a message cannot be answered privately)."""
    reply = await session.mention("what will the weather be tomorrow?")
    assert "can't answer that" in reply["embeds"][0]["description"]
    assert reply["attachments"] == []


async def test_everyone_in_a_question_pings_nobody(session: BotSession) -> None:
    """A question containing @everyone and a user mention is answered without pinging anyone."""
    reply = await session.mention("@everyone <@123456789012345678> who won")
    assert sent_body(session, reply)["allowed_mentions"] == NO_PING
    text = str(reply["embeds"]) + str(reply["content"])
    assert "@everyone" not in text and "<@123456789012345678>" not in text
    assert reply["embeds"][0]["title"] == "2002 Derby City Council election"


async def test_a_message_from_another_bot_is_ignored(session: BotSession) -> None:
    """Bots are never answered, even when they mention this one."""
    await assert_ignored(session, await session.say("<@bot> who won?", session.events.other_bot()))


async def test_a_message_without_a_mention_is_ignored(session: BotSession) -> None:
    """In a channel only messages that mention the bot are questions."""
    await assert_ignored(session, await session.say("who won in Boulton?"))


async def test_the_bots_own_replies_are_not_answered(session: BotSession) -> None:
    """Discord echoes the bot's replies back to it; it does not answer itself."""
    reply = await session.mention("who won in Boulton?")
    echoed = [p for p in session.fake.gateway.history if p["t"] == "MESSAGE_CREATE"]
    assert any(p["d"]["id"] == reply["id"] for p in echoed)
    await assert_ignored(session, reply)


async def test_the_menu_on_an_ambiguous_mention_answers_the_question(
    session: BotSession,
) -> None:
    """An ambiguous name gets a menu in the reply; the asker's pick turns it into the answer."""
    reply = await session.mention("how did williams do")
    assert reply["components"]
    chosen = await session.select(reply, ["Chris Williamson"])
    assert chosen.callback_type == 7
    message = session.fake.channels.messages[int(reply["id"])]
    assert message["embeds"][0]["description"].startswith("**Chris Williamson (Labour)")
    assert message["attachments"][0]["filename"] == "ward-derby-2002-normanton.png"


async def test_mentions_share_the_per_user_cooldown(session: BotSession) -> None:
    """A sixth question within ten seconds is refused once; further ones get no reply."""
    asker = session.events.stranger()
    for _ in range(5):
        assert (await session.mention("who won in Abbey?", asker))["embeds"][0]["title"] != (
            "Slow down"
        )
    refused = await session.mention("who won in Abbey?", asker)
    assert refused["embeds"][0]["title"] == "Slow down"
    await assert_ignored(session, await session.say("<@bot> who won in Abbey?", asker))


async def test_an_error_while_answering_gets_an_apology(
    session: BotSession, error_logs: ErrorLogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug while answering a mention is logged and the asker gets a short apology."""

    def explode(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("bot.answering.answers.answer_question", explode)
    error_logs.expect("Unexpected error answering a mention")
    reply = await session.mention("who won in Abbey?")
    assert "Sorry, something went wrong" in reply["embeds"][0]["description"]


async def test_a_channel_the_bot_cannot_post_in_gets_no_reply_and_no_error(
    session: BotSession,
) -> None:
    """Without Send Messages the refusal is logged as a warning; nothing else is tried."""
    channel = session.fake.world.channel_id
    session.fake.bot_permissions[channel] = BOT_PERMISSIONS & ~Perm.SEND_MESSAGES
    asked = await session.say("<@bot> who won in Abbey?")
    await assert_ignored(session, asked, session.fake.world.channels["general"])
    assert [c.status for c in session.fake.calls_to(POST_MESSAGE)] == [403, 200]
