"""Big contests and long names still fit Discord's limits, with a pointer to the rest."""

from __future__ import annotations

from typing import Any

import discord
import pytest
from conftest import ROOT, BotSession, StartBot

from bot import embed_basics, embeds, limits
from knowledge import PartyBook, ResultsStore, run_command

LAB = "Labour Party (UK)"
LONG_PARTY = (
    "The Extraordinarily Long-Named Residents and Ratepayers Association of Greater Bigtown"
)
LONG_NAME = "Bartholomew Maximilian Featherstonehaugh-Wolfeschlegel Candidate Number"


def big_election() -> str:
    """40 long-named candidates in one ward, 60 Labour winners, a tie, a markdown-ish name."""
    lines = ["= 2024 Bigtown Borough Council election =", "", "==Results=="]
    lines += ["===Everywhere===", "  - Everywhere (3)**"]
    for n in range(40):
        party = LONG_PARTY if n % 2 else LAB
        lines.append(f"- {LONG_NAME} {n + 1:02d} ({party}): {5000 - n * 97:,} votes")
    for w in range(20):
        lines += [f"===Labourville {w + 1}===", f"  - Labourville {w + 1} (3)**"]
        for k in range(3):
            number = w * 3 + k + 1
            lines.append(
                f"- Winning Labour Councillor With A Long Name {number:02d} ({LAB}): 3,000 votes"
            )
        lines.append(f"- Hopeful Challenger {w + 1} (Conservative Party (UK)): 100 votes")
    lines += ["===Deadlock===", "  - Deadlock (1)**"]
    lines += [f"- Ann Equal ({LAB}): 500 votes", "- Bob Equal (Conservative Party (UK)): 500 votes"]
    lines += ["===Markdown===", "  - Markdown (1)**"]
    lines += [f"- Under_score *Star* ({LAB}): 900 votes", "- Plain Person (Green Party): 400 votes"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def big_store() -> ResultsStore:
    book = PartyBook.from_toml(ROOT / "data" / "parties.toml")
    store = ResultsStore.from_texts([("2024_bigtown.txt", big_election())], book)
    assert not store.errors
    return store


@pytest.fixture
async def big(start_bot: StartBot, big_store: ResultsStore) -> BotSession:
    return await start_bot(big_store)


def within_limits(embed: dict[str, Any] | discord.Embed) -> None:
    """Assert every per-embed limit Discord enforces."""
    e = embed if isinstance(embed, discord.Embed) else discord.Embed.from_dict(dict(embed))
    assert len(e) <= limits.EMBED_TOTAL
    assert len(e.title or "") <= limits.TITLE
    assert len(e.description or "") <= limits.DESCRIPTION
    assert len(e.fields) <= limits.FIELDS
    for field in e.fields:
        assert len(field.name or "") <= limits.FIELD_NAME
        assert len(field.value or "") <= limits.FIELD_VALUE


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("ward", "Everywhere"),
        ("party", "Labour"),
        ("candidate", f"{LONG_NAME} 40"),
        ("summary", None),
        ("closest", None),
        ("ward", "Deadlock"),
    ],
)
def test_every_answer_of_a_huge_election_fits(
    big_store: ResultsStore, command: str, name: str | None
) -> None:
    """Embeds built from the biggest answers stay inside every Discord limit."""
    within_limits(embeds.render(run_command(big_store, command, {"name": name})))


async def test_forty_candidates_fit_with_a_pointer_to_the_rest(big: BotSession) -> None:
    """A 40-candidate contest is sent (Discord accepts it) and says how many were left out."""
    reply = await big.slash("ward", name="Everywhere")
    within_limits(reply.embed)
    assert "more candidates with fewer votes" in reply.embed["description"]
    assert reply.embed["description"].count("✅") == 3


async def test_sixty_winners_fit_with_a_pointer_to_the_rest(big: BotSession) -> None:
    """A party with more than 60 winners lists what fits and points to /ward for the rest."""
    reply = await big.slash("party", name="Labour")
    within_limits(reply.embed)
    assert "more winners: use /ward for each ward" in reply.text()


async def test_a_tie_at_the_last_seat_is_said_plainly(big: BotSession) -> None:
    """A tie for the last seat is named as such, with both candidates and their votes."""
    reply = await big.slash("ward", name="Deadlock")
    majority = next(f for f in reply.embed["fields"] if f["name"] == "Majority")
    assert "Tie for the last seat" in majority["value"]
    assert "Ann Equal and Bob Equal have 500 votes each" in majority["value"]


async def test_names_from_documents_are_not_read_as_markdown(big: BotSession) -> None:
    """A name with markdown characters is shown literally."""
    reply = await big.slash("ward", name="Markdown")
    assert "Under\\_score \\*Star\\*" in reply.embed["description"]


async def test_autocomplete_trims_long_names_to_100_characters(big: BotSession) -> None:
    """Long candidate names and parties still make valid choices (at most 100 characters)."""
    choices = await big.autocomplete("candidate", "name", name="Bartholomew")
    assert choices and all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)


def test_clip_marks_the_cut() -> None:
    """Text cut to a limit ends in an ellipsis and never in a lone escape character."""
    assert limits.clip("abcdef", 4) == "abc…"
    assert limits.clip("ab\\*cd", 4) == "ab…"
    assert limits.clip("abc", 4) == "abc"


def test_join_within_points_to_what_was_left_out() -> None:
    """Lines that do not fit are counted in a closing pointer, inside the limit."""
    lines = [f"line {n:02d}" for n in range(50)]
    text = limits.join_within(lines, 100, "…and {n} more")
    assert len(text) <= 100
    kept = text.splitlines()
    assert kept[-1] == f"…and {50 - len(kept) + 1} more"


def test_fit_drops_trailing_fields_with_a_note() -> None:
    """An embed over 6,000 characters loses its last fields and says so."""
    embed = discord.Embed(title="t", description="d" * 4000)
    for n in range(30):
        embed.add_field(name=f"f{n}", value="v" * 500)
    fitted = limits.fit(embed)
    within_limits(fitted)
    assert "left out" in fitted.fields[-1].value


def test_party_colours_become_discord_colours() -> None:
    """A party's hex colour is used as the embed colour; a bad one falls back to grey."""
    assert embed_basics.colour("#E4003B").value == 0xE4003B
    assert embed_basics.colour("not a colour").value == embed_basics.NEUTRAL
