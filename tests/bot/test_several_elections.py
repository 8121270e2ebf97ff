"""With several elections loaded: the most recent answers, the others are named, and an
ambiguous election gets a menu."""

from __future__ import annotations

import pytest
from conftest import ROOT, BotSession, StartBot

from knowledge import PartyBook, ResultsStore

LATER = """= 2006 Derby City Council election =

==Results==
===Abbey===
  - Abbey**
- New Winner (Labour Party (UK)): 900 votes
- Old Loser (Conservative Party (UK)): 400 votes
"""


@pytest.fixture
async def two(start_bot: StartBot) -> BotSession:
    seed = (ROOT / "data" / "elections" / "2002_derby_city_council_election.txt").read_text()
    store = ResultsStore.from_texts(
        [("2002_derby_city_council_election.txt", seed), ("2006_derby.txt", LATER)],
        PartyBook.from_toml(ROOT / "data" / "parties.toml"),
    )
    return await start_bot(store)


async def test_name_in_several_elections_answers_from_the_latest(two: BotSession) -> None:
    """Abbey is in both: the 2006 result is shown and 2002 is named as also having it."""
    reply = await two.slash("ward", name="Abbey")
    assert "2006" in reply.embed["title"]
    also = next(f for f in reply.embed["fields"] if f["name"] == "Also in")
    assert "election:derby-2002" in also["value"]
    assert "2006_derby.txt" in reply.embed["footer"]["text"]


async def test_name_in_one_election_answers_from_it(two: BotSession) -> None:
    """Allestree is only in 2002: that result, with no "Also in"."""
    reply = await two.slash("ward", name="Allestree")
    assert "2002" in reply.embed["title"]
    assert all(f["name"] != "Also in" for f in reply.embed["fields"])


async def test_ambiguous_election_offers_a_menu_that_reruns_the_command(
    two: BotSession,
) -> None:
    """`/summary election:derby` matches both; choosing one shows that summary."""
    reply = await two.slash("summary", election="derby")
    menu = reply.components[0]["components"][0]
    assert [o["value"] for o in menu["options"]] == ["derby-2002", "derby-2006"]
    chosen = await two.select(reply.message, ["derby-2002"])
    message = two.fake.channels.messages[int(reply.message["id"])]
    assert chosen.callback_type == 7
    assert message["embeds"][0]["title"] == "2002 Derby City Council election"


async def test_pin_with_an_ambiguous_election_lists_the_choices_privately(
    two: BotSession,
) -> None:
    """/pin-summary does not guess: an ambiguous election is answered privately, nothing pinned."""
    reply = await two.slash("pin-summary", two.events.moderator(), election="derby")
    assert reply.ephemeral
    assert "derby-2006" in reply.text()
    assert "Run the command again with one of these" in reply.text()
    assert two.fake.pinned() == []
