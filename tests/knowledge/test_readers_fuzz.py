"""Damaged documents never crash the store: a message naming the file and line, or a warning.

Mutations of the hand-made `documents/family/` files (truncated, corrupted, shuffled, huge
numbers, odd Unicode, empty, binary) go through the readers and every command; a seeded random
generator keeps the run repeatable.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge import ParseError, ResultsStore, run_text
from knowledge.readers import read_document

FAMILY = Path(__file__).resolve().parent / "documents" / "family"
SOURCES = sorted([*FAMILY.glob("*.wiki"), *FAMILY.glob("*.csv")])
COMMANDS = ("/summary", "/closest", "/ward a", "/party labour", "/candidate a", "/elections")


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _corrupt(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randrange(1, 40)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


def _shuffle(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


def _drop_lines(data: bytes, rng: random.Random) -> bytes:
    return b"\n".join(line for line in data.split(b"\n") if rng.random() > 0.3)


def _huge(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"1,", b"9" * rng.choice((25, 5000)) + b",", 3)


def _unicode(data: bytes, rng: random.Random) -> bytes:
    odd = rng.choice(("\u202e", "\u200b", "\U0001f600", "@everyone", "\ufeff", "Ω̸"))
    return data.replace(b"a", odd.encode(), rng.randrange(1, 20))


def _unbalanced(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"}}", b"", rng.randrange(1, 6))


def _junk(data: bytes, rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 600)))


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    _truncate,
    _corrupt,
    _shuffle,
    _drop_lines,
    _huge,
    _unicode,
    _unbalanced,
    _junk,
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.__name__.strip("_"))
def test_damaged_documents_load_or_fail_with_file_and_line(
    mutation: Callable[[bytes, random.Random], bytes],
) -> None:
    """Every mutation of every family document: elections that answer, or a ParseError."""
    rng = random.Random(mutation.__name__)
    for _ in range(12):
        source = rng.choice(SOURCES)
        data = mutation(source.read_bytes(), rng)
        try:
            elections = read_document(data, source.name)
        except ParseError as error:
            assert error.file == source.name and error.line >= 1 and error.reason
            continue
        store = ResultsStore(elections)
        for command in COMMANDS:
            run_text(store, command)


def test_a_damaged_document_does_not_stop_the_others_loading(tmp_path: Path) -> None:
    """Binary junk beside good documents: one error naming it, the others load."""
    for source in SOURCES:
        (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "junk.wiki").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.csv").write_bytes(b"")
    store = ResultsStore.load(tmp_path)
    assert sorted(e.file for e in store.errors) == ["empty.csv", "junk.wiki"]
    assert {e.source for e in store.elections} >= {"2004_testford_thirds.wiki"}


def test_a_negative_vote_count_in_an_article_is_refused_with_a_warning() -> None:
    """`votes=-5` is not a count: ignored with a warning, never a share of -150%."""
    text = (
        "{{Election box begin|title=Abbey}}\n"
        "{{Election box candidate with party link|party=Labour Party (UK)|candidate=A|votes=-5}}\n"
        "{{Election box candidate with party link|party=Conservative Party (UK)|candidate=B|"
        "votes=3}}\n{{Election box end}}\n"
    )
    (election,) = read_document(text.encode(), "neg.wiki")
    assert [c.votes for c in election.contests[0].candidates] == [None, 3]
    assert any("'-5'" in w.message and w.line == 2 for w in election.warnings)


@pytest.mark.parametrize("written", ["nan", "inf", "-3", "250"])
def test_an_impossible_turnout_percentage_in_an_export_is_not_shown(written: str) -> None:
    """`turnout_percentage` of nan, inf, below 0 or above 100 names its column and line."""
    text = (
        "person_name,election_id,post_label,votes_cast,turnout_percentage\n"
        f"A,local.x.2022-05-05,W,10,{written}\nB,local.x.2022-05-05,W,5,40\n"
    )
    (election,) = read_document(text.encode(), "odd.csv")
    percent = election.contests[0].turnout_percent
    assert percent is None or (math.isfinite(percent) and 0 <= percent <= 100)
    assert any("turnout_percentage" in w.message and w.line == 2 for w in election.warnings)


def test_an_export_whose_every_row_is_bad_says_why() -> None:
    """Only unreadable rows: the error names the first bad row's column and line, not just
    "no result rows"."""
    text = "person_name,election_id,post_label,votes_cast\nA,local.x.2022-05-05,W," + "9" * 5000
    with pytest.raises(ParseError) as raised:
        read_document(text.encode(), "huge.csv")
    assert "votes_cast" in raised.value.reason and "line 2" in raised.value.reason
