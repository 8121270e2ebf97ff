"""Every answer about the unseen-style documents renders, in the terminal and as an embed.

The documents are tests/knowledge/documents/*.txt (thirds, London boroughs, county divisions,
by-elections, ties, unopposed seats). Each ward, candidate and party of each document is asked
for by name, scoped to its election, and rendered as `python -m bot ask` and Discord would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import embeds, limits
from bot.ask import run_ask
from bot.text import render
from knowledge import ResultsStore, run_text

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "tests" / "knowledge" / "documents"
PARTIES = ROOT / "data" / "parties.toml"
NAMES = sorted(p.name for p in DOCUMENTS.glob("*.txt"))


@pytest.fixture(scope="module")
def store() -> ResultsStore:
    """All the unseen-style documents in one store."""
    return ResultsStore.load(DOCUMENTS, PARTIES)


def commands_for(store: ResultsStore) -> list[str]:
    """Every command a user could ask about every election in the store."""
    commands = ["/elections", "/help"]
    for election in store.elections:
        facts = store.facts(election.id)
        scope = f" election:{election.id}"
        commands += [f"/summary{scope}", f"/closest{scope}"]
        commands += [f"/ward {c.ward}{scope}" for c in facts.contests]
        commands += [f"/candidate {s.name}{scope}" for c in facts.contests for s in c.standings]
        commands += [f"/party {t.party.display}{scope}" for t in facts.parties]
    return commands


def test_the_documents_are_all_there() -> None:
    """Ten documents, so a missing fixture is noticed."""
    assert len(NAMES) == 10


def test_every_answer_renders_as_text_and_embed(store: ResultsStore) -> None:
    """No crash, every name resolves to its own answer, and every embed fits Discord."""
    assert store.errors == []
    problems = []
    for command in commands_for(store):
        answer = run_text(store, command)
        if answer.kind in ("not_found", "ambiguous"):
            problems.append(f"{command}: {answer.kind}")
            continue
        text = render(answer)
        if not text.strip():
            problems.append(f"{command}: empty text")
        embed = embeds.render(answer)
        if len(embed) > limits.EMBED_TOTAL:
            problems.append(f"{command}: embed of {len(embed)} characters")
    assert problems == []


@pytest.mark.parametrize("name", NAMES)
def test_ask_prints_each_summary(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m bot --data <document> ask /summary` answers and cites the document."""
    one = ResultsStore.load(DOCUMENTS / name, PARTIES)
    assert run_ask(one, "/summary") == 0
    out = capsys.readouterr().out
    assert f"Source: {name}" in out
    assert "Control:" in out


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/ward twyning", "No poll was held, so no votes were cast."),
        ("/candidate ronald bird", "Elected unopposed (no poll): 2 candidates for 2 seats."),
        ("/ward cleeve hill", "Tie for the last seat, decided by lot: Mary Jordan won the draw"),
        ("/summary sheffield-2000", "Control: Labour majority"),
        ("/ward kingsbury and queensbury", "✔ Dr. José Moreno"),
    ],
)
def test_rendered_text_says_what_the_documents_say(
    store: ResultsStore, command: str, expected: str
) -> None:
    """Unopposed seats are shown as no poll, not as zero votes; ties and accents survive."""
    assert expected in render(run_text(store, command))
