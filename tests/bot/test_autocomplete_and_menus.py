"""Autocomplete choices, and the select menu offered when a name is ambiguous."""

from __future__ import annotations

from conftest import BotSession

from bot.answering.menus import PendingChoices


async def test_ward_autocomplete_is_useful_on_empty_input(session: BotSession) -> None:
    """Before anything is typed, the ward option already lists wards."""
    choices = await session.autocomplete("ward", "name")
    names = [c["name"] for c in choices]
    assert 1 <= len(names) <= 25
    assert {"Abbey", "Allestree", "Littleover"} <= set(names)


async def test_autocomplete_narrows_as_the_user_types(session: BotSession) -> None:
    """Typing part of a name brings that ward to the top."""
    choices = await session.autocomplete("ward", "name", name="little")
    assert choices[0] == {"name": "Littleover", "value": "Littleover"}


async def test_candidate_autocomplete_shows_ward_and_party_and_caps_at_25(
    session: BotSession,
) -> None:
    """Candidate choices name the ward and party; there are never more than 25."""
    choices = await session.autocomplete("candidate", "name")
    assert len(choices) == 25  # the seed election has 156 candidates
    fuller = await session.autocomplete("candidate", "name", name="fuller")
    assert fuller[0] == {"name": "Michael Fuller — Abbey (Labour)", "value": "Michael Fuller"}


async def test_election_option_autocompletes_on_every_command(session: BotSession) -> None:
    """The election option offers the loaded elections, wherever it appears."""
    for command in ("ward", "summary", "pin-summary"):
        options = {"name": "Abbey"} if command == "ward" else {}
        choices = await session.autocomplete(command, "election", **options)
        assert [c["value"] for c in choices] == ["derby-2002"]


async def test_autocomplete_answers_well_within_the_deadline(session: BotSession) -> None:
    """Autocomplete is answered from memory, far inside Discord's 3 seconds."""
    record = await session.answer(await session.send(session.events.autocomplete("party", "name")))
    assert record.latency is not None and record.latency < 0.5


async def test_ambiguous_name_offers_a_menu_with_ward_and_party(session: BotSession) -> None:
    """An ambiguous name gets a public menu; each option shows the ward and party."""
    reply = await session.slash("candidate", name="michael")
    assert not reply.ephemeral
    menu = reply.components[0]["components"][0]
    assert menu["type"] == 3
    options = {o["label"]: o.get("description") for o in menu["options"]}
    assert options["Michael Fuller"] == "Abbey · Labour"
    assert len(options) == 6


async def test_only_the_asker_can_use_the_menu(session: BotSession) -> None:
    """Someone else choosing from the menu is refused privately; the menu stays."""
    reply = await session.slash("candidate", name="michael")
    other = await session.select(reply.message, ["Michael Fuller"], session.events.other_member())
    assert other.ephemeral
    assert "Only the person who asked" in other.text()
    assert session.fake.channels.messages[int(reply.message["id"])]["components"]


async def test_choosing_from_the_menu_turns_it_into_the_answer(session: BotSession) -> None:
    """The asker's choice replaces the menu with the public answer, in place."""
    reply = await session.slash("candidate", name="michael")
    chosen = await session.select(reply.message, ["Michael Fuller"], session.events.member())
    assert chosen.callback_type == 7  # the menu message is updated, not a new message
    message = session.fake.channels.messages[int(reply.message["id"])]
    assert message["components"] == []
    assert message["embeds"][0]["title"].startswith("Michael Fuller")
    assert not message["flags"] & 64


async def test_a_forgotten_menu_says_so_instead_of_failing(session: BotSession) -> None:
    """After a restart (the pending question is gone) the menu tells the user to ask again."""
    reply = await session.slash("candidate", name="michael")
    session.bot.pending = PendingChoices()
    chosen = await session.select(reply.message, ["Michael Fuller"], session.events.member())
    assert chosen.ephemeral
    assert "expired" in chosen.text()
