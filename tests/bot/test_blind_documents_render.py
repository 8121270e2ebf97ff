"""Every answer about the documents written blind renders, in the terminal and as an embed.

The documents are tests/knowledge/blind_documents/ (articles in eight shapes, Democracy Club
files in three layouts, one of them naming winners without counts). Each ward, candidate and
party of each document is asked for by name and rendered as `python -m bot ask` and Discord
would: no traceback, no empty text, no embed past Discord's limits, and no vote figure quoted
for a ward whose source gives none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_unseen_documents_render import commands_for, rendered

from knowledge import PartyBook, ResultsStore

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "knowledge" / "blind_documents"
PARTIES = ROOT / "data" / "parties.toml"
FILES = sorted(p for p in BLIND.iterdir() if p.suffix in (".wiki", ".csv"))


@pytest.mark.parametrize("document", FILES, ids=[f.name[:40] for f in FILES])
def test_every_answer_renders_as_text_and_embed(document: Path) -> None:
    store = ResultsStore.from_texts(
        [(document.name, document.read_text(encoding="utf-8-sig"))], PartyBook.from_toml(PARTIES)
    )
    problems = []
    for command in commands_for(store):
        text, wrong = rendered(store, command)
        problems += wrong
        uncounted = ("0 votes", "Votes cast: 0", "Votes: 0", "unopposed")
        if "south-ribble" in document.name and any(u in text for u in uncounted):
            problems.append(f"{command}: a count the source does not give: {text[:120]!r}")
    assert problems == []
