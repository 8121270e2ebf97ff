"""Faults Discord (or a client) can hand the bot, each answered quietly against the fake Discord:
option values of the wrong type, odd autocomplete requests, interactions that expire or meet an
outage, and interactions that waited in a queue before the bot saw them."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from conftest import BotSession
from fake_discord import CALLBACK, FOLLOWUP
from fake_discord.events import AUTOCOMPLETE, BOOLEAN, INTEGER, NUMBER, STRING
from fake_discord.recording import AUTOCOMPLETE_RESULT, DEFERRED_MESSAGE

from bot.answering import delivery
from bot.tree import APOLOGY

QUIET = 0.3
"""Seconds to watch for a call that must not come (an apology after a dead interaction)."""


def retyped(payload: dict[str, Any], name: str, kind: int, value: Any) -> dict[str, Any]:
    """`payload` with option `name` sent as another option type, as a stale schema would."""
    for option in payload["data"]["options"]:
        if option["name"] == name:
            option["type"], option["value"] = kind, value
    return payload


# ----- options of the wrong type ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "option", "kind", "value"),
    [
        ("ward", "name", INTEGER, 42),
        ("ward", "name", BOOLEAN, True),
        ("candidate", "name", NUMBER, 3.5),
        ("party", "name", INTEGER, 0),
        ("ask", "question", INTEGER, 7),
        ("summary", "election", INTEGER, 2002),
    ],
)
async def test_an_option_of_the_wrong_type_gets_the_normal_reply(
    session: BotSession, command: str, option: str, kind: int, value: Any
) -> None:
    """A number or a flag where text was expected is read as its text: "not found" or an answer,
    never an apology (and no ERROR log, which the fixture checks)."""
    options = {"name": "Abbey"} if option == "election" and command != "summary" else {}
    options.setdefault(option, "x")
    if command == "ask":
        options = {"question": "x"}
    payload = retyped(session.events.slash(command, **options), option, kind, value)
    reply = await session.answer(await session.send(payload))
    assert APOLOGY not in reply.text()
    assert reply.embed.get("title")


async def test_a_number_for_a_ward_name_is_not_found_privately(session: BotSession) -> None:
    """`/ward name:42` sent as an integer: the private "not found" a typed 42 would get."""
    payload = retyped(session.events.slash("ward", name="x"), "name", INTEGER, 42)
    reply = await session.answer(await session.send(payload))
    assert reply.ephemeral and reply.embed["title"] == "Not found"
    assert "42" in reply.text()


async def test_a_number_being_typed_still_autocompletes(session: BotSession) -> None:
    """An autocomplete request whose focused value is a number, not text: choices, no error."""
    payload = session.events.autocomplete("ward", "name", name="Ab")
    retyped(payload, "name", INTEGER, 12)
    reply = await session.answer(await session.send(payload))
    assert reply.callback_type == AUTOCOMPLETE_RESULT
    assert isinstance(reply.choices, list)


# ----- autocomplete that names nothing to complete ---------------------------------------------


async def test_autocomplete_of_an_unknown_option_gets_an_empty_list(session: BotSession) -> None:
    """The focused option is one the command does not have (a stale schema): an empty list."""
    payload = session.events.autocomplete("ward", "name", name="Ab")
    payload["data"]["options"] = [
        {"name": "name", "type": STRING, "value": "Ab"},
        {"name": "colour", "type": STRING, "value": "re", "focused": True},
    ]
    reply = await session.answer(await session.send(payload))
    assert reply.callback_type == AUTOCOMPLETE_RESULT and reply.choices == []


async def test_autocomplete_of_an_option_without_completion_gets_an_empty_list(
    session: BotSession,
) -> None:
    """The focused option exists but does not autocomplete (/ask's question): an empty list."""
    payload = session.events.autocomplete("ask", "election", question="who won")
    for option in payload["data"]["options"]:
        option["focused"] = option["name"] == "question"
    reply = await session.answer(await session.send(payload))
    assert reply.callback_type == AUTOCOMPLETE_RESULT and reply.choices == []


async def test_autocomplete_with_no_focused_option_gets_an_empty_list(
    session: BotSession,
) -> None:
    """No option is marked focused: an empty list, and nothing logged at ERROR."""
    payload = session.events.autocomplete("ward", "name", name="Ab")
    for option in payload["data"]["options"]:
        option.pop("focused", None)
    assert payload["type"] == AUTOCOMPLETE
    reply = await session.answer(await session.send(payload))
    assert reply.callback_type == AUTOCOMPLETE_RESULT and reply.choices == []


# ----- interactions that cannot be answered ----------------------------------------------------


async def no_more_calls(session: BotSession, interaction_id: int, token: str) -> list[Any]:
    """Every reply call the bot made for one interaction, once it has had time to make more."""
    await asyncio.sleep(QUIET)
    return [
        c
        for c in session.fake.calls
        if c.route in (CALLBACK, FOLLOWUP) and (str(interaction_id) in c.path or token in c.path)
    ]


async def test_an_expired_interaction_is_one_warning_and_no_apology(
    session: BotSession, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord says the interaction expired (404, 10062): one WARNING line, no apology sent."""
    session.fake.interactions.deadline = 0.0
    record = await session.send(session.events.slash("ward", name="Abbey"))
    with caplog.at_level(logging.WARNING, logger="bot"):
        await session.fake.wait_for(lambda: bool(session.fake.calls_to(CALLBACK)))
        calls = await no_more_calls(session, record.id, record.token)
    assert [c.status for c in calls] == [404]
    warnings = [r for r in caplog.records if r.name.startswith("bot")]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
    assert "expired" in warnings[0].getMessage()
    assert warnings[0].exc_info is None


async def test_a_lasting_outage_is_one_warning_and_no_apology(
    session: BotSession, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord answers 503 to every reply: one WARNING line once the interaction has expired
    (not 25 s of retries later), and no apology attempted after it."""
    unavailable = {"message": "Service Unavailable", "code": 0}
    session.fake.fail_next(CALLBACK, 503, unavailable, times=100)
    record = await session.send(session.events.slash("ward", name="Abbey"))

    def warned() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.name.startswith("bot")]

    with caplog.at_level(logging.WARNING, logger="bot"):
        await session.fake.wait_for(
            lambda: bool(warned()), delivery.DEADLINE + delivery.RESPONSE_GRACE + 3.0
        )
        before = len(session.fake.calls)
        calls = await no_more_calls(session, record.id, record.token)
    session.fake.faults.clear()
    assert len(session.fake.calls) == before
    assert calls and {c.status for c in calls} == {503}
    assert len(warned()) == 1 and warned()[0].levelno == logging.WARNING
    assert "expired" in warned()[0].getMessage() or "unavailable" in warned()[0].getMessage()


# ----- the 3-second deadline ---------------------------------------------------------------------


async def test_an_interaction_that_waited_in_a_queue_is_deferred_then_answered(
    session: BotSession,
) -> None:
    """An interaction created 1.5 s before the bot saw it: deferred at once, then answered."""
    payload = session.events.slash("ward", name="Abbey")
    payload["id"] = str(session.fake.world.ids.earlier(delivery.DEFER_AFTER + 0.5))
    reply = await session.answer(await session.send(payload))
    assert reply.callback_type == DEFERRED_MESSAGE
    assert reply.latency is not None and reply.latency < 1.0
    assert not reply.ephemeral and reply.embed["title"].startswith("Abbey")


async def test_a_late_not_found_stays_private(session: BotSession) -> None:
    """A late "not found" is still only for the asker (a small reply needs no deferral)."""
    payload = session.events.slash("ward", name="Nowhere at all")
    payload["id"] = str(session.fake.world.ids.earlier(delivery.DEFER_AFTER + 0.5))
    reply = await session.answer(await session.send(payload))
    assert reply.ephemeral and reply.embed["title"] == "Not found"


async def test_a_fresh_interaction_is_answered_in_one_piece(session: BotSession) -> None:
    """No queue: the answer itself is the acknowledgement, no deferral."""
    reply = await session.slash("ward", name="Abbey")
    assert reply.callback_type == 4


async def test_a_burst_is_acknowledged_first_and_every_answer_follows(
    session: BotSession,
) -> None:
    """100 commands at once from 100 people: the fake refuses acknowledgements after 3 s, yet
    each gets its public answer with its picture; those beyond the bot's direct capacity are
    deferred first and answered in a follow-up."""
    events = session.events
    payloads = [events.slash("ward", events.stranger(), name="Abbey") for _ in range(100)]
    records = [await session.send(p) for p in payloads]
    replies = await asyncio.gather(*(session.fake.answer(r, 30.0) for r in records))
    assert all(not r.ephemeral and r.message["attachments"] for r in replies)
    assert all(r.embed["title"].startswith("Abbey") for r in replies)
    assert any(r.callback_type == DEFERRED_MESSAGE for r in replies)


async def test_a_late_ambiguous_name_is_deferred_then_offers_its_menu(session: BotSession) -> None:
    """A late /candidate michael: deferred, then the menu arrives in the follow-up and works."""
    payload = session.events.slash("candidate", name="michael")
    payload["id"] = str(session.fake.world.ids.earlier(delivery.DEFER_AFTER + 0.5))
    reply = await session.answer(await session.send(payload))
    assert reply.callback_type == DEFERRED_MESSAGE
    assert reply.message["components"]
    chosen = await session.select(reply.message, ["Michael Fuller"])
    assert chosen.embed["title"].startswith("Michael Fuller")
