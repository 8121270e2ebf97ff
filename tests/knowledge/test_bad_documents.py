"""Documents that cannot be loaded name their file and line; the others still load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge import ParseError, ResultsStore, parse_document, run_text
from knowledge.answers import ElectionsAnswer
from knowledge.parser import decode_document

StoreBuilder = Callable[..., ResultsStore]

GOOD = """\
= 2010 Goodton Borough Council election =
==Results==
===Centre===
  - Centre**
- Ann Able (Labour Party (UK)): 900 votes
- Bob Baker (Conservative Party (UK)): 488 votes
"""

HEADER = "= 2011 Badton Borough Council election =\n==Results==\n"

# (case, document bytes, line the error names, words the reason contains)
BAD: list[tuple[str, bytes, int, str]] = [
    (
        "vote count is not a number",
        (HEADER + "===North===\n  - North**\n- A (Labour Party (UK)): lots votes\n").encode(),
        5,
        "not a number",
    ),
    (
        "vote count is negative",
        (HEADER + "===North===\n- A (Labour Party (UK)): -5 votes\n").encode(),
        4,
        "negative",
    ),
    (
        "contest with no candidates",
        (HEADER + "===North===\n  - North**\n===South===\n- B (Labour Party (UK)): 1\n").encode(),
        3,
        "no candidates",
    ),
    (
        "duplicate ward",
        (
            HEADER
            + "===North===\n- A (Labour Party (UK)): 1\n"
            + "===North===\n- B (Labour Party (UK)): 2\n"
        ).encode(),
        5,
        "appears twice",
    ),
    (
        "missing title",
        b"\n\nInfobox\n- Party1: Labour Party (UK)\n===North===\n- A (Labour Party (UK)): 1\n",
        3,
        "missing title",
    ),
    ("empty file", b"", 1, "empty"),
    ("only blank lines", b"\n \n\t\n", 1, "empty"),
    ("title but no results", b"= 2011 Badton election =\nJust prose.\n", 2, "no ward results"),
    ("binary file with NUL bytes", b"= T =\nabc\n\x00\x01\x02\x03", 3, "binary"),
    ("binary file that is not UTF-8", b"\x89PNG\r\n\x1a\n\xff\xfe\xfa", 1, "not UTF-8"),
]


@pytest.mark.parametrize(
    ("data", "line", "reason"), [case[1:] for case in BAD], ids=[case[0] for case in BAD]
)
def test_bad_document_raises_parse_error_naming_file_and_line(
    data: bytes, line: int, reason: str
) -> None:
    """Each fatal problem is a ParseError carrying the file name, the line and the reason."""
    with pytest.raises(ParseError) as caught:
        parse_document(decode_document(data, "bad.txt"), "bad.txt")
    error = caught.value
    assert (error.file, error.line) == ("bad.txt", line)
    assert reason in error.reason
    assert str(error).startswith(f"bad.txt, line {line}: ")


@pytest.mark.parametrize(
    ("data", "line", "reason"), [case[1:] for case in BAD], ids=[case[0] for case in BAD]
)
def test_store_load_keeps_the_good_documents(
    tmp_path: Path, data: bytes, line: int, reason: str
) -> None:
    """ResultsStore.load reports the bad file in `errors` and loads the good one."""
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_bad.txt").write_bytes(data)
    (tmp_path / "c_good.txt").write_text(GOOD.replace("2010 Goodton", "2012 Goodton"))
    store = ResultsStore.load(tmp_path)
    assert [e.id for e in store.elections] == ["goodton-2010", "goodton-2012"]
    assert [(e.file, e.line) for e in store.errors] == [("b_bad.txt", line)]
    assert reason in store.errors[0].reason
    listing = run_text(store, "/elections")
    assert isinstance(listing, ElectionsAnswer)
    assert listing.problems == (str(store.errors[0]),)


def test_unreadable_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    """A path that cannot be read (a folder named like a document) is reported, not raised."""
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "folder.txt").mkdir()
    store = ResultsStore.load(tmp_path)
    assert len(store.elections) == 1
    assert [(e.file, e.line) for e in store.errors] == [("folder.txt", 1)]


def test_load_of_an_empty_folder_gives_an_empty_store(tmp_path: Path) -> None:
    """No documents: no elections, no errors, and commands answer instead of raising."""
    store = ResultsStore.load(tmp_path)
    assert (store.elections, store.errors) == ([], [])
    assert run_text(store, "/summary").kind == "not_found"
    assert run_text(store, "/ward Littleover").kind == "not_found"


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("What is this line?", 5),
        ("- Recount: demanded by the losing candidate", 5),
        ("- Something strange", 5),
    ],
)
def test_unknown_line_is_a_warning_not_a_failure(line: str, where: int) -> None:
    """An unrecognised line is skipped with a warning naming its line; the document loads."""
    lines = GOOD.splitlines()
    lines.insert(where - 1, line)
    election = parse_document("\n".join(lines), "odd.txt")
    assert len(election.contests[0].candidates) == 2
    assert [(w.file, w.line) for w in election.warnings] == [("odd.txt", where)]


MISMATCH = """\
= 2013 Sumton Borough Council election =
Infobox
- Seats For Election: All 3 seats
- Party1: Labour Party (UK)
- Seats1: {lab_seats}
- Seats After1: {lab_after}
- Popular Vote1: {lab_votes}
- Party2: Conservative Party (UK)
- Seats2: 1
- Seats After2: 1
- Popular Vote2: 1,388

==Results==
===North===
- A (Labour Party (UK)): 900 votes
- B (Conservative Party (UK)): 488 votes
===South===
- C (Labour Party (UK)): 700 votes
- D (Conservative Party (UK)): 400 votes
===West===
- E (Conservative Party (UK)): 500 votes
- F (Labour Party (UK)): 400 votes
"""


@pytest.mark.parametrize(
    ("lab_seats", "lab_after", "lab_votes", "expected"),
    [
        (2, 2, "2,000", []),
        (3, 2, "2,000", ["infobox gives Labour 3 seats; the ward results give 2"]),
        (3, 3, "2,000", ["infobox gives Labour 3 seats; the ward results give 2"]),
        (
            2,
            3,
            "2,000",
            ["infobox gives Labour 3 seats after the election; the ward results give 2"],
        ),
        (2, 2, "2,100", ["infobox gives Labour 2,100 votes; the ward results add up to 2,000"]),
    ],
    ids=["agree", "seats differ", "seats and seats after differ", "seats after differ", "votes"],
)
def test_infobox_disagreeing_with_ward_results_is_a_data_warning(
    make_store: StoreBuilder, lab_seats: int, lab_after: int, lab_votes: str, expected: list[str]
) -> None:
    """Seats or votes per party that do not add up give a warning; the results are used."""
    text = MISMATCH.format(lab_seats=lab_seats, lab_after=lab_after, lab_votes=lab_votes)
    store = make_store(text)
    assert store.errors == []
    assert [w.message for w in store.warnings] == expected
    tally = store.facts("sumton-2013").tally("labour")
    assert tally is not None and (tally.seats_won, tally.votes) == (2, 2000)


def test_party_winning_seats_missing_from_the_infobox_is_a_data_warning(
    make_store: StoreBuilder,
) -> None:
    """The infobox lists parties, but not one that won a seat in the ward results."""
    text = MISMATCH.format(lab_seats=2, lab_after=2, lab_votes="2,000").replace(
        "- E (Conservative Party (UK)): 500 votes", "- E (Green Party): 500 votes"
    )
    text = text.replace("- Seats2: 1", "- Seats2: 0").replace("- Seats After2: 1", "")
    text = text.replace("1,388", "888")
    messages = [w.message for w in make_store(text).warnings]
    assert messages == ["the ward results give Green 1 seat, but the infobox does not list it"]


BIG = "9" * 5000


@pytest.mark.parametrize(
    ("line", "seats"),
    [
        (f"===Abbey ({BIG})===", 1),
        ("===Abbey (12)===", 12),
        ("===Abbey (0)===", 1),
    ],
)
def test_absurd_seat_counts_do_not_crash(line: str, seats: int) -> None:
    """A seat count too long to be real is read as part of the name; 0 seats means 1."""
    text = f"= 2014 Big Council election =\n{line}\n- A (Labour Party (UK)): 1\n"
    (contest,) = parse_document(text).contests
    assert contest.seats == seats


def test_absurd_infobox_slot_is_ignored() -> None:
    """`Party99999...` is not a party slot; the document still loads."""
    text = f"= 2014 Big Council election =\nInfobox\n- Party{BIG}: X\n===A===\n- A (B): 1\n"
    assert parse_document(text).parties == ()


def test_error_messages_stay_short() -> None:
    """A 5,000-digit vote count is quoted briefly, not echoed whole."""
    text = f"= 2014 Big Council election =\n===A===\n- A (B): {BIG}x votes\n"
    with pytest.raises(ParseError) as caught:
        parse_document(text)
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("odd", ["\x0b", "\x0c", "\u2028", "\x85", "\x1c"])
def test_line_numbers_count_only_real_line_breaks(odd: str) -> None:
    """Characters str.splitlines treats as breaks do not shift the reported line."""
    text = f"= 2014 Odd Council election =\n===A{odd}B===\n- A (B): 1\n- C (B): many\n"
    with pytest.raises(ParseError) as caught:
        parse_document(text)
    assert caught.value.line == 4


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_numbers_follow_any_line_ending(ending: str) -> None:
    """Unix, Windows and old Mac line endings number lines alike."""
    lines = ["= 2014 Odd Council election =", "===A===", "- A (B): 1", "- C (B): many"]
    with pytest.raises(ParseError) as caught:
        parse_document(ending.join(lines) + ending)
    assert caught.value.line == 4


def test_whole_council_make_up_comes_from_the_wards_not_the_infobox(
    make_store: StoreBuilder,
) -> None:
    """All seats up, infobox Seats After says 3 for Labour: the wards' 2 decide, with a warning."""
    text = MISMATCH.format(lab_seats=3, lab_after=3, lab_votes="2,000").replace(
        "- Party2: Conservative Party (UK)", "- Seats Before1: 1\n- Party2: Conservative Party (UK)"
    )
    store = make_store(text)
    facts = store.facts("sumton-2013")
    labour = facts.tally("labour")
    assert labour is not None
    assert (labour.seats_won, labour.seats_after, labour.change) == (2, 2, 1)
    assert facts.council_size == 3
    assert facts.control == "labour"
    assert "whole council" in facts.composition_basis
    assert store.warnings


@pytest.mark.parametrize(
    ("first", "second"),
    [("North", "NORTH"), ("Abbey & Darley", "Abbey and Darley"), ("St Ann's", "St Anns")],
)
def test_wards_that_fold_to_one_name_are_a_duplicate(first: str, second: str) -> None:
    """Two headings a user could not tell apart are the same ward written twice."""
    text = f"{HEADER}==={first}===\n- A (B): 1\n==={second}===\n- C (B): 2\n"
    with pytest.raises(ParseError) as caught:
        parse_document(text, "dup.txt")
    assert (caught.value.line, "appears twice" in caught.value.reason) == (5, True)


def test_byte_order_mark_before_the_title_is_ignored() -> None:
    """Text handed over with a BOM still has its title on the first line."""
    assert parse_document("\ufeff" + GOOD).title == "2010 Goodton Borough Council election"
