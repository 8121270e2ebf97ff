"""Two people of one name in one election, end to end (real client, fake Discord): the menu
offers each by ward, and the pick answers for that one, by command and by question."""

from __future__ import annotations

import pytest
from conftest import BotSession, StartBot

from knowledge import PartyBook, ResultsStore

ERHURST = """= 2006 Erhurst Borough Council election =
Infobox
- Seats For Election: 2 seats to Erhurst Borough Council
- Election Date: 4 May 2006

==Ward results==
===Worthter===
  - Worthter**
- David Green (Conservative Party (UK)): 1,861 votes
- Amy Hill (Labour Party (UK)): 1,000 votes
===Hammer and Mill===
  - Hammer and Mill**
- Bob Ray (Labour Party (UK)): 1,790 votes
- David Green (Liberal Democrats (UK)): 872 votes
"""


@pytest.fixture
async def namesakes(start_bot: StartBot) -> BotSession:
    store = ResultsStore.from_texts([("2006_erhurst.txt", ERHURST)], PartyBook.empty())
    return await start_bot(store)


@pytest.mark.parametrize(
    ("command", "options"),
    [("candidate", {"name": "David Green"}), ("ask", {"question": "how did David Green do"})],
)
async def test_the_menu_offers_each_namesake_and_the_pick_answers_for_them(
    namesakes: BotSession, command: str, options: dict[str, str]
) -> None:
    reply = await namesakes.slash(command, **options)
    menu = reply.components[0]["components"][0]
    labels = {o["label"] for o in menu["options"]}
    assert labels == {"David Green (Worthter)", "David Green (Hammer and Mill)"}
    await namesakes.select(reply.message, ["David Green (Hammer and Mill)"])
    message = namesakes.fake.channels.messages[int(reply.message["id"])]
    shown = message["embeds"][0]
    text = f"{shown.get('title', '')} {shown.get('description', '')}"
    assert "Hammer and Mill" in text and "872" in text
    assert "1,861" not in shown.get("description", "")
