"""The one error path: friendly private replies, logged tracebacks, and never a silent failure."""

from __future__ import annotations

import pytest
from conftest import BotSession, ErrorLogs
from fake_discord import CALLBACK

import bot.commands._common as common
import bot.commands.pins as pins


def explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


async def test_unexpected_error_is_logged_and_the_user_gets_an_apology(
    session: BotSession, error_logs: ErrorLogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a command is logged with its traceback; the user gets a short private apology."""
    monkeypatch.setattr("bot.answering.answers.run_command", explode)
    error_logs.expect("Unexpected error in /ward")
    reply = await session.slash("ward", name="Abbey")
    assert reply.ephemeral
    assert "Sorry, something went wrong" in reply.text()
    record = next(r for r in error_logs.records if "Unexpected error" in r.getMessage())
    assert record.exc_info is not None and "boom" in str(record.exc_info[1])


async def test_error_after_deferring_still_answers_the_user(
    session: BotSession, error_logs: ErrorLogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the bot said "thinking…" replaces that with the apology."""
    monkeypatch.setattr(pins, "_post_and_pin", explode)
    error_logs.expect("Unexpected error in /pin-summary")
    reply = await session.slash("pin-summary", session.events.moderator())
    assert reply.callback_type == 5
    assert reply.ephemeral
    assert "Sorry, something went wrong" in reply.text()


async def test_error_in_the_menu_still_answers_the_user(
    session: BotSession, error_logs: ErrorLogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while handling a menu choice is apologised for, privately."""
    reply = await session.slash("candidate", name="michael")
    monkeypatch.setattr("bot.answering.answers.run_command", explode)
    error_logs.expect("Unexpected error in /component")
    chosen = await session.select(reply.message, ["Michael Fuller"])
    assert chosen.ephemeral
    assert "Sorry" in chosen.text()


async def test_failing_autocomplete_offers_no_choices_and_is_logged(
    session: BotSession, error_logs: ErrorLogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Autocomplete cannot show an error: it answers with no choices and logs the traceback."""
    monkeypatch.setattr(common, "suggest", explode)
    error_logs.expect("Autocomplete for ward failed")
    assert await session.autocomplete("ward", "name", name="Ab") == []


async def test_per_user_cooldown_refuses_a_flood_privately(session: BotSession) -> None:
    """A sixth command within ten seconds is refused privately; others are not affected."""
    for _ in range(5):
        assert not (await session.slash("summary")).ephemeral
    flooded = await session.slash("summary")
    assert flooded.ephemeral
    assert "Try again in" in flooded.text()
    other = await session.slash("summary", session.events.other_member())
    assert not other.ephemeral


async def test_autocomplete_is_not_limited_by_the_cooldown(session: BotSession) -> None:
    """Typing fires many autocomplete requests; none of them counts against the cooldown."""
    for text in ("Abb", "Abbe", "Abbey", "Abbe", "Abb", "Abbey", "Abbey "):
        assert await session.autocomplete("ward", "name", name=text)
    assert not (await session.slash("ward", name="Abbey")).ephemeral


async def test_slow_work_is_deferred_before_discords_deadline(session: BotSession) -> None:
    """/pin-summary acknowledges (defers) before it posts and pins."""
    await session.slash("pin-summary", session.events.moderator())
    routes = [c.route for c in session.fake.calls if c.route != "GET /users/@me"]
    assert routes.index(CALLBACK) < routes.index("POST /channels/{channel_id}/messages")


async def test_rate_limited_reply_is_retried(session: BotSession) -> None:
    """A 429 on the reply is waited out and retried, and the user still gets the answer."""
    session.fake.rate_limit_next(CALLBACK, retry_after=0.05)
    reply = await session.slash("ward", name="Abbey")
    assert reply.embed["title"].startswith("Abbey")
    assert [c.status for c in session.fake.calls_to(CALLBACK)] == [429, 200]


async def test_bot_still_answers_after_a_gateway_reconnect(session: BotSession) -> None:
    """After Discord asks for a RECONNECT the bot resumes its session and keeps answering."""
    await session.fake.reconnect()
    reply = await session.slash("ward", name="Abbey")
    assert reply.embed["title"].startswith("Abbey")
    await session.fake.wait_for(lambda: session.fake.gateway.resumes == 1)
    assert len(session.fake.gateway.identifies) == 1
