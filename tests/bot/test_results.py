"""Slash commands answered end to end: real client, fake Discord, recorded replies."""

from __future__ import annotations

from conftest import BotSession

LIB_DEM_GOLD = 0xFAA61A
LABOUR_RED = 0xE4003B
SOURCE = "2002_derby_city_council_election.txt"


async def test_ward_result_is_public_in_the_winning_party_colour(session: BotSession) -> None:
    """/ward shows every candidate, marks the winners and uses the winning party's colour."""
    reply = await session.slash("ward", name="Abbey")
    assert not reply.ephemeral
    embed = reply.embed
    assert embed["title"].startswith("Abbey")
    assert embed["color"] == LIB_DEM_GOLD
    winners = [line for line in embed["description"].splitlines() if line.startswith("✅")]
    assert [w.split("**")[1] for w in winners] == ["Maurice Burgess", "Ann Jackman", "Bryan Lowe"]
    assert "1,512 (18.3%)" in embed["description"]


async def test_ward_result_states_majority_share_rule_and_source(session: BotSession) -> None:
    """The majority, how shares are counted and the source document are all stated."""
    reply = await session.slash("ward", name="Abbey")
    fields = {f["name"]: f["value"] for f in reply.embed["fields"]}
    assert fields["Majority"].startswith("236 (2.9%)")
    assert "Share of the votes cast" in fields["Shares"]
    assert "each voter could cast up to 3 votes" in fields["Shares"]
    assert SOURCE in reply.embed["footer"]["text"]


async def test_typed_text_is_resolved_without_autocomplete(session: BotSession) -> None:
    """Users can ignore autocomplete: lower-case or misspelt names still find the ward."""
    reply = await session.slash("ward", name="littlover")
    assert reply.embed["title"].startswith("Littleover")


async def test_candidate_shows_votes_position_and_margin(session: BotSession) -> None:
    """/candidate says whether they were elected, their place and how far from a seat."""
    reply = await session.slash("candidate", name="Michael Fuller")
    text = reply.text()
    assert "Not elected" in text
    assert "1,071 votes (13.0%), 4th of 9 for 3 seats" in text
    assert "236 votes short of the last winner" in text
    assert reply.embed["color"] == LABOUR_RED


async def test_party_shows_seats_votes_and_winners(session: BotSession) -> None:
    """/party gives seats won, votes with separators, control and the winners."""
    reply = await session.slash("party", name="labour")
    text = reply.text()
    assert "27 of 51 seats won" in text
    assert "58,230" in text
    assert "controls the council" in text
    assert reply.embed["color"] == LABOUR_RED
    assert any(f["name"].startswith("Elected (27)") for f in reply.embed["fields"])


async def test_summary_is_in_the_controlling_party_colour(session: BotSession) -> None:
    """/summary names who controls the council, in their colour, with seats per party."""
    reply = await session.slash("summary")
    assert not reply.ephemeral
    assert reply.embed["color"] == LABOUR_RED
    assert "Labour majority" in reply.embed["description"]
    labour = next(f for f in reply.embed["fields"] if f["name"] == "Labour")
    assert labour["value"].startswith("27 seats (−2)")
    assert SOURCE in reply.embed["footer"]["text"]


async def test_closest_lists_the_most_marginal_wards_first(session: BotSession) -> None:
    """/closest starts with Boulton, won by ten votes."""
    reply = await session.slash("closest")
    first = reply.embed["description"].splitlines()[0]
    assert first.startswith("1. **Boulton**: 10 (0.1%)")


def command_id(session: BotSession, name: str) -> str:
    """The id Discord gave a synced command (what a clickable mention names)."""
    return next(c["id"] for c in session.fake.guild_commands() if c["name"] == name)


async def test_elections_and_help_answer_publicly(session: BotSession) -> None:
    """/elections lists the loaded election with its id; /help lists the commands."""
    elections = await session.slash("elections")
    assert "election:derby-2002" in elections.text()
    assert not elections.ephemeral
    help_ = await session.slash("help")
    # Issue 12: commands are clickable mentions built from the ids the sync returned.
    assert f"</ward:{command_id(session, 'ward')}> `<name> [election]`" in help_.text()
    assert not help_.ephemeral


async def test_unknown_name_is_answered_privately_with_examples(session: BotSession) -> None:
    """A name that matches nothing gets a private reply, never a public error."""
    reply = await session.slash("ward", name="Zzyzx")
    assert reply.ephemeral
    assert reply.embed["title"] == "Not found"
    assert f"</ward:{command_id(session, 'ward')}> `Littleover`" in reply.text()  # issue 12


async def test_unknown_election_is_answered_privately(session: BotSession) -> None:
    """An election option that matches no loaded election is a private "not found"."""
    reply = await session.slash("summary", election="1999")
    assert reply.ephemeral
    assert "/elections" in reply.text()


async def test_typed_mentions_and_markdown_are_not_live(session: BotSession) -> None:
    """`/ward @everyone **x**` pings nobody and shows the text as typed."""
    reply = await session.slash("ward", name="@everyone **x** <@123456789012345678>")
    body = reply.bodies[0]
    assert body["allowed_mentions"] == {"parse": []}
    text = reply.text()
    assert "@everyone" not in text  # escaped with a zero-width space
    assert "\\*\\*x\\*\\*" in text
    assert "<@123456789012345678>" not in text


async def test_every_option_is_described(session: BotSession) -> None:
    """Every synced command and option carries a description within Discord's limits."""
    commands = session.fake.guild_commands()
    names = {c["name"] for c in commands}
    assert {"ward", "candidate", "party", "summary", "closest", "elections", "help"} <= names
    assert "pin-summary" in names
    for command in commands:
        if command["type"] != 1:  # a context-menu command has no description on Discord
            assert command["description"] == ""
            continue
        assert 1 <= len(command["description"]) <= 100
        for option in command.get("options", []):
            assert 1 <= len(option["description"]) <= 100, (command["name"], option["name"])


async def test_bot_asks_only_for_non_privileged_intents(session: BotSession) -> None:
    """IDENTIFY requests no privileged intent (members, presences, message content)."""
    privileged = (1 << 1) | (1 << 8) | (1 << 15)
    assert session.fake.gateway.identifies[0]["intents"] & privileged == 0
