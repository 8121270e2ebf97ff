"""/history and /councillors end to end (real client, fake Discord), their text and pictures.

The documents are `tests/knowledge/history_documents` (Burnley transcribed from Wikipedia, and
the made-up Eastbury council); see `tests/knowledge/test_history.py`.
"""

from __future__ import annotations

import pytest
from conftest import ROOT, BotSession, StartBot
from test_reply_pictures import shown_picture

from bot import text
from bot.pictures import picture_for
from knowledge import PartyBook, ResultsStore, run_text

DOCUMENTS = ROOT / "tests" / "knowledge" / "history_documents"


@pytest.fixture(scope="module")
def store() -> ResultsStore:
    return ResultsStore.load(DOCUMENTS, ROOT / "data" / "parties.toml")


@pytest.fixture
async def history_bot(start_bot: StartBot, store: ResultsStore) -> BotSession:
    return await start_bot(store)


async def test_history_of_a_ward_lists_each_contest_with_a_picture(
    history_bot: BotSession,
) -> None:
    """/history ward: every loaded contest, seat changes named against their election, a chart."""
    reply = await history_bot.slash("history", ward="Abbey", council="eastbury")
    assert not reply.ephemeral
    assert reply.embed["title"] == "Abbey — Eastbury Borough Council: 5 loaded contests"
    body = reply.embed["description"]
    assert "Labour gain from Conservative — the seat Arthur Aston won at the 2014" in body
    assert "Data warning: Abbey, 2016 Eastbury Borough Council election" in body
    assert shown_picture(history_bot.fake, reply.message).startswith("history-eastbury")


async def test_councillors_names_holders_and_what_is_not_known(history_bot: BotSession) -> None:
    reply = await history_bot.slash("councillors", ward="Queensgate")
    body = reply.embed["description"]
    assert "Zulkernehn Hayat (Independent), elected in the 2026 Burnley" in body
    assert "term due to end 2030" in body
    assert "not settled by the loaded elections" in body
    assert reply.attachments == []


async def test_ward_shows_a_last_time_field(history_bot: BotSession) -> None:
    reply = await history_bot.slash("ward", name="Bank Hall")
    fields = {f["name"]: f["value"] for f in reply.embed["fields"]}
    assert fields["Last time"].startswith("Last time (2022): Afrasiab Anwar (Lab). 2026:")


async def test_history_autocompletes_wards_from_memory(history_bot: BotSession) -> None:
    choices = await history_bot.autocomplete("history", "ward", ward="abb")
    assert "Abbey" in [c["value"] for c in choices]


def test_one_election_of_the_council_says_so_under_the_ward(derby_store: ResultsStore) -> None:
    shown = text.render(run_text(derby_store, "/ward Boulton"))
    assert "No earlier election of Derby City Council is loaded." in shown


def test_candidate_text_carries_the_last_time_line(store: ResultsStore) -> None:
    shown = text.render(run_text(store, "/candidate Zulkernehn Hayat"))
    assert "Last time (2022): Syeda Kazmi (Lab). 2026: Independent gain from Labour." in shown


@pytest.mark.parametrize(
    ("command", "filename"),
    [
        ("/history council:eastbury", "history-eastbury-borough-council.png"),
        ("/history party:labour council:eastbury", "history-eastbury-borough-council.png"),
        ("/history ward:Trinity", "history-burnley-borough-council-trinity.png"),
    ],
)
def test_history_pictures_are_drawn_with_alt_text(
    store: ResultsStore, command: str, filename: str
) -> None:
    picture = picture_for(run_text(store, command))
    assert picture is not None
    assert picture.filename == filename
    assert picture.png.startswith(b"\x89PNG")
    assert "Labour" in picture.alt or "Green" in picture.alt


def test_the_council_picture_alt_names_the_majority(store: ResultsStore) -> None:
    picture = picture_for(run_text(store, "/history council:eastbury"))
    assert picture is not None
    assert "2014: Labour 5, Conservative 1, Liberal Democrats 1" in picture.alt
    assert "Majority: 2014 4, 2015 4, 2016 4, 2018 5." in picture.alt


def test_a_party_missing_from_the_book_is_still_drawn() -> None:
    """Unknown parties (no colour in the book) draw in grey rather than failing."""
    documents = [(f.name, f.read_text()) for f in sorted(DOCUMENTS.glob("20*_burnley*.txt"))]
    bare = ResultsStore.from_texts(documents, PartyBook.empty())
    picture = picture_for(run_text(bare, "/history ward:Gannow"))
    assert picture is not None and picture.png.startswith(b"\x89PNG")


async def test_a_pick_from_the_history_menu_fills_the_candidate_option(
    session: BotSession,
) -> None:
    """/history candidate:michael is ambiguous; the pick re-runs /history for that person."""
    reply = await session.slash("history", candidate="michael")
    assert reply.message["components"]
    chosen = await session.select(reply.message, ["Michael Fuller"], session.events.member())
    assert chosen.callback_type == 7
    message = session.fake.channels.messages[int(reply.message["id"])]
    assert message["embeds"][0]["title"].startswith("Michael Fuller — Derby City Council")
