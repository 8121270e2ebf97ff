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


def rendered(store: ResultsStore, command: str) -> tuple[str, list[str]]:
    """The command's answer as text, and what is wrong with it: empty text, or an embed past
    Discord's limits (rendering it must not raise)."""
    answer = run_text(store, command)
    text = render(answer)
    problems = [] if text.strip() else [f"{command}: empty text"]
    embed = embeds.render(answer)
    if len(embed) > limits.EMBED_TOTAL:
        problems.append(f"{command}: embed of {len(embed)} characters")
    return text, problems


def test_every_answer_renders_as_text_and_embed(store: ResultsStore) -> None:
    """No crash, every name resolves to its own answer, and every embed fits Discord."""
    assert store.errors == []
    problems = []
    for command in commands_for(store):
        kind = run_text(store, command).kind
        if kind in ("not_found", "ambiguous"):
            problems.append(f"{command}: {kind}")
            continue
        problems += rendered(store, command)[1]
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


WIKIPEDIA = Path(__file__).resolve().parents[1] / "knowledge" / "documents" / "wikipedia"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/ward broadfield", "Results not declared yet"),
        ("/candidate tim lunnon", "Standing: the count is not declared yet (5 candidates"),
        ("/ward bewbush", "Source: wikitext-crawley_2026.wiki (2026 Crawley Borough Council"),
        ("/ward bewbush", "Liberal Democrats"),  # `Liberal Democrats (UK, 2025)` is the party
        ("/summary", "Not declared yet: 10 of 12 wards (Broadfield,"),
    ],
)
def test_an_article_before_the_count_renders_as_not_declared(command: str, expected: str) -> None:
    """Crawley 2026 was saved before most counts: no zero-vote results, the article cited."""
    store = ResultsStore.load(WIKIPEDIA / "wikitext-crawley_2026.wiki", PARTIES)
    out = render(run_text(store, command))
    assert expected in out
    assert "Votes cast: 0" not in out


def test_an_undeclared_summary_embed_lists_the_wards_still_to_declare() -> None:
    """On the night, Discord's summary says how many wards are still to come."""
    store = ResultsStore.load(WIKIPEDIA / "wikitext-crawley_2026.wiki", PARTIES)
    fields = embeds.render(run_text(store, "/summary")).to_dict()["fields"]
    (field,) = [f for f in fields if f["name"].startswith("Not declared yet")]
    assert field["name"] == "Not declared yet: 10 of 12 wards"
    assert "Broadfield" in field["value"]


def test_a_party_with_seats_but_no_candidates_is_not_shown_with_zero_votes() -> None:
    """Worthing 2026: Independents held seats but stood nobody; "0 votes, 0.0%" would mislead."""
    store = ResultsStore.load(WIKIPEDIA / "wikitext-worthing_2026.wiki", PARTIES)
    answer = run_text(store, "/summary")
    (line,) = [x for x in render(answer).splitlines() if x.strip().startswith("Independent")]
    assert line.endswith("no candidates") and "0.0%" not in line
    fields = embeds.render(answer).to_dict()["fields"]
    (field,) = [f for f in fields if f["name"] == "Independent"]
    assert "no candidates this time" in field["value"] and "0 votes" not in field["value"]


def test_a_seat_decided_by_lot_says_so_in_the_embed_and_its_footer_cites_the_source(
    store: ResultsStore,
) -> None:
    """Tewkesbury's Cleeve Hill: the embed names the draw's winner; Discord sees the same."""
    embed = embeds.render(run_text(store, "/ward cleeve hill")).to_dict()
    text = str(embed)
    assert "decided by lot" in text and "Mary Jordan won the draw" in text
    assert "won the tied last seat by lot" in embed.get("description", "")
    candidate = embeds.render(run_text(store, "/candidate mary jordan")).to_dict()
    assert "decided by lot" in str(candidate)
    assert candidate["footer"]["text"].startswith("Source: 2007_tewkesbury")


def test_a_wikipedia_answer_footer_cites_the_article() -> None:
    store = ResultsStore.load(WIKIPEDIA / "wikitext-burnley_2022.wiki", PARTIES)
    embed = embeds.render(run_text(store, "/ward gawthorpe")).to_dict()
    assert (
        "https://en.wikipedia.org/wiki/2022_Burnley_Borough_Council_election"
        in (embed["footer"]["text"])
    )
