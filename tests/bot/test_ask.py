"""/ask: questions in plain words, answered with the same embeds as the commands."""

from __future__ import annotations

from conftest import BotSession


async def test_ask_who_won_in_a_ward_gets_the_ward_embed_with_the_reply_first(
    session: BotSession,
) -> None:
    """Asking who won in Boulton shows Boulton's result publicly, the one-line reply first."""
    reply = await session.slash("ask", question="who won in Boulton?")
    assert not reply.ephemeral
    embed = reply.embed
    assert embed["title"].startswith("Boulton")
    headline = embed["description"].splitlines()[0]
    assert headline.startswith("**Boulton was split between Labour (2 seats) and Independent")
    assert "Ronald Blanksby" in headline
    assert "10 (0.1%)" in reply.text()  # the full result follows the reply
    assert reply.attachments[0]["filename"] == "ward-derby-2002-boulton.png"


async def test_question_about_a_candidate_gets_their_answer(session: BotSession) -> None:
    """Asking whether Lucy Care got in answers yes, with her result and her ward's chart."""
    reply = await session.slash("ask", question="did Lucy Care get in?")
    assert reply.embed["description"].startswith("**Yes — Lucy Care")
    assert reply.attachments[0]["filename"] == "ward-derby-2002-littleover.png"


async def test_out_of_scope_question_gets_a_private_not_found(session: BotSession) -> None:
    """A question the results cannot answer is told so privately, never publicly."""
    reply = await session.slash("ask", question="what will the weather be tomorrow?")
    assert reply.ephemeral
    assert "can't answer that" in reply.text()
    assert reply.attachments == []


async def test_unknown_election_option_is_private(session: BotSession) -> None:
    """An election option that matches nothing gets a private reply."""
    reply = await session.slash("ask", question="who won in Abbey?", election="1999")
    assert reply.ephemeral


async def test_ambiguous_name_offers_the_menu_and_the_pick_answers_the_question(
    session: BotSession,
) -> None:
    """An ambiguous "williams" offers a menu; picking one answers the question about them."""
    reply = await session.slash("ask", question="how did williams do")
    assert not reply.ephemeral
    menu = reply.components[0]["components"][0]
    assert {o["label"] for o in menu["options"]} == {"William Savage", "Chris Williamson"}
    chosen = await session.select(reply.message, ["Chris Williamson"])
    message = session.fake.channels.messages[int(reply.message["id"])]
    assert chosen.callback_type == 7 and message["components"] == []
    assert message["embeds"][0]["description"].startswith("**Chris Williamson (Labour) was elected")
    assert message["attachments"][0]["filename"] == "ward-derby-2002-normanton.png"


async def test_ask_options_are_described_and_election_autocompletes(session: BotSession) -> None:
    """/ask has a required, described question and the usual election option."""
    command = next(c for c in session.fake.guild_commands() if c["name"] == "ask")
    options = {o["name"]: o for o in command["options"]}
    assert options["question"]["required"] and "who won in Boulton?" in command["description"]
    assert all(o["description"] for o in options.values())
    assert options["election"]["autocomplete"]
    choices = await session.autocomplete("ask", "election", question="who won?")
    assert [c["value"] for c in choices] == ["derby-2002"]


async def test_help_mentions_ask_and_mentions(session: BotSession) -> None:
    """/help lists /ask and says a mention with a question works too."""
    text = (await session.slash("help")).text()
    ask_id = next(c["id"] for c in session.fake.guild_commands() if c["name"] == "ask")
    assert f"</ask:{ask_id}> `<question> [election]`" in text  # issue 12: clickable mentions
    assert "mention me" in text
