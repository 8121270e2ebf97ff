"""Pictures attached to Discord answers: the chart arrives as the embed's image, in time, and
the text answer never depends on it."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import BotSession, ErrorLogs
from fake_discord import BOT_PERMISSIONS, UNPIN, Perm

import bot.answering.attach
import bot.pictures
import bot.pictures.render

PNG = b"\x89PNG\r\n\x1a\n"
DEFERRED, MESSAGE, DEFERRED_UPDATE, UPDATE = 5, 4, 6, 7


def shown_picture(fake: Any, message: dict[str, Any]) -> str:
    """The one attachment of `message`, checked as a PNG shown as the embed image; its name."""
    attachments = message["attachments"]
    assert len(attachments) == 1, attachments
    picture = attachments[0]
    assert fake.file(picture).startswith(PNG)
    assert picture["content_type"] == "image/png" and picture["width"] > 0
    assert 40 < len(picture["description"]) <= 1024  # the alt text
    assert message["embeds"][0]["image"]["url"] == f"attachment://{picture['filename']}"
    return str(picture["filename"])


@pytest.mark.parametrize(
    ("command", "options", "filename"),
    [
        ("ward", {"name": "Abbey"}, "ward-derby-2002-abbey.png"),
        ("summary", {}, "summary-derby-2002.png"),
        ("party", {"name": "labour"}, "party-derby-2002-labour.png"),
        ("candidate", {"name": "Michael Fuller"}, "ward-derby-2002-abbey.png"),
    ],
)
async def test_answers_show_their_picture_as_the_embed_image(
    session: BotSession, command: str, options: dict[str, str], filename: str
) -> None:
    """/ward, /summary, /party and /candidate (its ward's chart) attach a PNG shown in the embed."""
    reply = await session.slash(command, **options)
    assert not reply.ephemeral
    assert shown_picture(session.fake, reply.message) == filename


async def test_the_text_still_carries_every_fact(session: BotSession) -> None:
    """With the picture attached the embed still lists the winners, votes and majority."""
    reply = await session.slash("ward", name="Abbey")
    assert reply.attachments
    text = reply.text()
    for fact in ("Maurice Burgess", "1,512 (18.3%)", "236 (2.9%)"):
        assert fact in text


@pytest.mark.parametrize("command", ["closest", "elections", "help"])
async def test_answers_without_a_picture_attach_nothing(session: BotSession, command: str) -> None:
    """Lists and help have no picture: no attachment, no embed image."""
    reply = await session.slash(command)
    assert reply.attachments == [] and "image" not in reply.embed


async def test_not_found_stays_private_and_without_a_picture(session: BotSession) -> None:
    """A name that matches nothing is still a private reply, with nothing attached."""
    reply = await session.slash("ward", name="Zzyzx")
    assert reply.ephemeral and reply.attachments == []


async def test_a_picture_slow_to_draw_defers_then_arrives_with_the_answer(
    session: BotSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A picture not ready in time: the bot says "thinking…" first, then the answer and picture."""
    bot.pictures.clear_cache()
    monkeypatch.setattr(bot.answering.attach, "PICTURE_WAIT", 0.0)
    reply = await session.slash("ward", name="Allestree")
    assert reply.callback_type == DEFERRED
    assert not reply.ephemeral
    assert shown_picture(session.fake, reply.message) == "ward-derby-2002-allestree.png"
    assert reply.embed["title"].startswith("Allestree")


async def test_a_cached_picture_is_sent_at_once(
    session: BotSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once drawn, the picture comes from the cache: the reply needs no deferral."""
    await session.slash("ward", name="Alvaston")
    monkeypatch.setattr(bot.answering.attach, "PICTURE_WAIT", 0.0)
    again = await session.slash("ward", name="Alvaston", actor=session.events.other_member())
    assert again.callback_type == MESSAGE
    assert shown_picture(session.fake, again.message) == "ward-derby-2002-alvaston.png"


async def test_a_picture_that_fails_to_draw_leaves_the_text_answer(
    session: BotSession, error_logs: ErrorLogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If drawing fails (logged), the answer goes out without its picture."""

    def broken(answer: object) -> tuple[bytes, str]:
        raise RuntimeError("no ink")

    bot.pictures.clear_cache()
    monkeypatch.setattr(bot.pictures.render, "render", broken)
    error_logs.expect("could not draw")
    reply = await session.slash("ward", name="Arboretum")
    assert not reply.ephemeral
    assert reply.embed["title"].startswith("Arboretum")
    assert reply.attachments == [] and "image" not in reply.embed


async def test_without_attach_files_the_answer_comes_without_its_picture(
    session: BotSession,
) -> None:
    """In a channel where the bot may not attach files, the embed alone is sent."""
    channel = session.fake.world.channel_id
    session.fake.bot_permissions[channel] = BOT_PERMISSIONS & ~Perm.ATTACH_FILES
    reply = await session.slash("ward", name="Abbey")
    assert reply.embed["title"].startswith("Abbey")
    assert reply.attachments == [] and "image" not in reply.embed


async def test_choosing_from_a_menu_brings_the_picture_with_the_answer(
    session: BotSession,
) -> None:
    """Picking a name in the menu edits the message into the answer, picture included."""
    reply = await session.slash("candidate", name="michael")
    assert reply.attachments == []
    chosen = await session.select(reply.message, ["Michael Fuller"])
    assert chosen.callback_type == UPDATE
    message = session.fake.channels.messages[int(reply.message["id"])]
    assert message["components"] == []
    assert shown_picture(session.fake, message) == "ward-derby-2002-abbey.png"


async def test_pinned_summary_carries_the_seat_diagram(session: BotSession) -> None:
    """The summary a moderator pins shows the council seat diagram."""
    await session.slash("pin-summary", session.events.moderator())
    pinned = session.fake.pinned()
    assert len(pinned) == 1
    assert shown_picture(session.fake, pinned[0]) == "summary-derby-2002.png"


async def test_a_new_pin_with_its_picture_replaces_the_old_one(session: BotSession) -> None:
    """Pinning again posts a new summary with its picture and unpins the old one."""
    await session.slash("pin-summary", session.events.moderator())
    first = session.fake.pinned()[0]
    await session.slash("pin-summary", session.events.moderator())
    pinned = session.fake.pinned()
    assert len(pinned) == 1 and pinned[0]["id"] != first["id"]
    assert shown_picture(session.fake, pinned[0]) == "summary-derby-2002.png"
    assert len(session.fake.calls_to(UNPIN)) == 1


async def test_a_slow_picture_after_a_menu_pick_still_edits_the_menu_into_the_answer(
    session: BotSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pick whose picture is slow acknowledges first, then edits the menu into the answer."""
    reply = await session.slash("candidate", name="michael")
    bot.pictures.clear_cache()
    monkeypatch.setattr(bot.answering.attach, "PICTURE_WAIT", 0.0)
    chosen = await session.select(reply.message, ["Michael Fuller"])
    assert chosen.callback_type == DEFERRED_UPDATE
    message = session.fake.channels.messages[int(reply.message["id"])]
    assert message["components"] == [] and message["embeds"][0]["title"].startswith("Michael")
    assert shown_picture(session.fake, message) == "ward-derby-2002-abbey.png"
