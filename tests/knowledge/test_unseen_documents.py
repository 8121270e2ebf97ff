"""Documents written as the family's editors write them, checked through the command layer.

Each file in tests/knowledge/documents/ is a realistic UK local-election page of a kind the seed
does not show: elections by thirds, London boroughs with multi-member wards, county divisions
under district headings, by-elections, ties, unopposed seats, old titles, Windows line endings.
Every expected figure below was worked out by hand from the document, not from the code.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from knowledge import PartyBook, ResultsStore, parse_document, run_text
from knowledge.answers import (
    CandidateAnswer,
    ClosestAnswer,
    ElectionsAnswer,
    NotFoundAnswer,
    PartyAnswer,
    SummaryAnswer,
    WardAnswer,
)
from knowledge.lines import read_votes
from knowledge.values import council_name, election_id, parse_change, parse_count, parse_share

DOCUMENTS = Path(__file__).resolve().parent / "documents"
PARTIES = Path(__file__).resolve().parents[2] / "data" / "parties.toml"
SEED = Path(__file__).resolve().parents[2] / "data" / "elections"

TAMWORTH = "2006_tamworth_borough_council_election.txt"
BRENT = "2006_brent_london_borough_council_election.txt"
LITTLEOVER = "2005_littleover_by-election.txt"
ST_MARYS = "2011_st_marys_by-election.txt"
GLOUCESTERSHIRE = "2013_gloucestershire_county_council_election.txt"
TEWKESBURY = "2007_tewkesbury_borough_council_election.txt"
WIGAN = "2008_wigan_metropolitan_borough_council_election.txt"
SHEFFIELD = "2000_sheffield_city_council_election.txt"
HARROW = "2010_harrow_london_borough_council_election.txt"
EPSOM = "2003_epsom_and_ewell_borough_council_election.txt"

# file: (election id, wards and their seats in document order, data warnings expected)
EXPECTED: dict[str, tuple[str, list[tuple[str, int]], list[str]]] = {
    TAMWORTH: (
        "tamworth-2006",
        [
            ("Amington", 1),
            ("Belgrave", 1),
            ("Bolehall", 1),
            ("Castle", 1),
            ("Glascote", 1),
            ("Mercian", 1),
            ("Spital", 1),
            ("Stonydelph", 1),
            ("Trinity", 1),
            ("Wilnecote", 1),
        ],
        [],
    ),
    BRENT: (
        "brent-2006",
        [
            ("Kingsbury and Queensbury", 3),
            ("Kilburn", 3),
            ("Willesden Green", 3),
            ("Harlesden", 3),
            ("Brondesbury Park", 2),
        ],
        [],
    ),
    LITTLEOVER: ("littleover-by-election-2005", [("Littleover", 1)], []),
    ST_MARYS: ("st-marys-by-election-2011", [("St. Mary's", 1)], []),
    GLOUCESTERSHIRE: (
        "gloucestershire-2013",
        [
            ("All Saints", 1),
            ("Charlton Park", 1),
            ("St. Mark's & St. Peter's", 1),
            ("Bishop's Cleeve", 1),
            ("Brockworth", 1),
            ("Winchcombe & Woodmancote", 1),
            ("Cainscross", 1),
            ("Nailsworth", 1),
            ("Stonehouse", 1),
        ],
        [],
    ),
    TEWKESBURY: (
        "tewkesbury-2007",
        [
            ("Cleeve Hill", 2),
            ("Bishop's Cleeve", 3),
            ("Winchcombe", 2),
            ("Twyning", 1),
            ("Northway", 1),
        ],
        [],
    ),
    WIGAN: (
        "wigan-2008",
        [
            ("Abram", 2),
            ("Ashton", 1),
            ("Aspull New Springs Whelley", 1),
            ("Astley Mosley Common", 1),
            ("Atherleigh", 1),
            ("Atherton", 1),
        ],
        [],
    ),
    SHEFFIELD: (
        "sheffield-2000",
        [("Arbourthorne", 1), ("Beauchief", 1), ("Birley", 1), ("Brightside", 1), ("Broomhill", 1)],
        [],
    ),
    HARROW: (
        "harrow-2010",
        [("Kenton East", 3), ("Queensbury", 3), ("Wealdstone", 3)],
        # The infobox lists three parties only; an Independent won a seat: a real gap.
        ["the ward results give Independent 1 seat, but the infobox does not list it"],
    ),
    EPSOM: (
        "epsom-and-ewell-2003",
        [("Auriol", 2), ("Ewell Court", 2), ("Stamford", 3), ("Town", 3)],
        [],
    ),
}


@cache
def store_of(name: str) -> ResultsStore:
    """A store of one document, read from disk as the bot reads it (built once per module)."""
    return ResultsStore.load(DOCUMENTS / name, PARTIES)


def summary_of(name: str) -> SummaryAnswer:
    answer = run_text(store_of(name), "/summary")
    assert isinstance(answer, SummaryAnswer)
    return answer


def rows_of(name: str) -> dict[str, tuple[int, int | None, int | None, int | None, int]]:
    """party key -> (seats won, seats before, seats after, change, votes), from /summary."""
    return {
        r.key: (r.seats_won, r.seats_before, r.seats_after, r.change, r.votes)
        for r in summary_of(name).rows
    }


def ward(name: str, query: str) -> WardAnswer:
    answer = run_text(store_of(name), f"/ward {query}")
    assert isinstance(answer, WardAnswer), answer
    return answer


def winners(answer: WardAnswer) -> list[str]:
    return [c.name for c in answer.candidates if c.elected]


# Every document -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_document_loads_with_its_wards_and_seats(name: str) -> None:
    """Each document loads (no error), with its wards and seats in order and its own id."""
    store = store_of(name)
    assert store.errors == []
    (election,) = store.elections
    identifier, wards, _ = EXPECTED[name]
    assert election.id == identifier
    assert [(c.ward, c.seats) for c in election.contests] == wards


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_correct_documents_give_no_spurious_warnings(name: str) -> None:
    """A correct document warns about nothing; only a real infobox gap is reported."""
    assert [w.message for w in store_of(name).warnings] == EXPECTED[name][2]


def test_all_documents_load_together_with_the_seed(tmp_path: Path) -> None:
    """The ten documents and the seed in one folder: all load, ids distinct, newest last."""
    for file in [*DOCUMENTS.glob("*.txt"), *SEED.glob("*.txt")]:
        (tmp_path / file.name).write_bytes(file.read_bytes())
    store = ResultsStore.load(tmp_path, PARTIES)
    assert store.errors == []
    assert len(store.elections) == 11
    assert store.elections[-1].id == "gloucestershire-2013"
    listing = run_text(store, "/elections")
    assert isinstance(listing, ElectionsAnswer)
    assert {row.ref.id for row in listing.elections} == {
        *(expected[0] for expected in EXPECTED.values()),
        "derby-2002",
    }
    littleover = run_text(store, "/ward littleover")
    assert isinstance(littleover, WardAnswer)
    assert (littleover.election.id, littleover.by_election) == ("littleover-by-election-2005", True)
    assert [e.id for e in littleover.other_elections] == ["derby-2002"]


# Tamworth 2006: thirds, Seats After, a vacancy, CRLF + BOM, "Increase 2" ----------------------


def test_tamworth_file_keeps_its_windows_line_endings_and_bom() -> None:
    """The fixture itself is CRLF with a BOM, so those stay tested."""
    data = (DOCUMENTS / TAMWORTH).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf=") and b"\r\n" in data


def test_tamworth_thirds_council_after_comes_from_seats_after() -> None:
    """10 of 30 seats: won this time vs the council after; Seats Before sums to 29 (a vacancy)."""
    assert rows_of(TAMWORTH) == {
        "conservative": (6, 15, 17, +2, 9359),
        "labour": (3, 10, 8, -2, 6481),
        "independent": (1, 4, 5, +1, 890),
        "bnp": (0, None, None, None, 1358),
        "ukip": (0, None, None, None, 351),
        "libdem": (0, None, None, None, 233),
    }
    summary = summary_of(TAMWORTH)
    assert summary.control_text == "Conservative majority"
    assert (summary.council_size, summary.majority_threshold) == (30, 16)
    assert (summary.seats_contested, summary.whole_council) == (10, False)
    assert summary.total_votes == 18672


def test_tamworth_infobox_figures_in_words_are_read() -> None:
    """`Increase 2`, `Decrease 2`, `7 seats, 44.0%` and a Percentage without `%`."""
    election = store_of(TAMWORTH).elections[0]
    assert [
        (p.seat_change, p.last_election, p.percentage, p.popular_vote) for p in election.parties
    ] == [(2, 7, 50.1, 9359), (-2, 3, 34.7, 6481), (1, 0, 4.8, 890)]
    assert (election.control_before, election.control_after) == (
        "No overall control",
        "Conservative Party (UK)",
    )


def test_tamworth_ward_and_closest_contests() -> None:
    """Belgrave is won by 12 votes, the closest; a party that stood but is not listed works."""
    belgrave = ward(TAMWORTH, "belgrave")
    assert winners(belgrave) == ["Ken Norchi"]
    assert (belgrave.majority, belgrave.turnout, belgrave.turnout_percent) == (12, 1542, 24.9)
    closest = run_text(store_of(TAMWORTH), "/closest")
    assert isinstance(closest, ClosestAnswer)
    assert [(r.ward, r.majority) for r in closest.closest[:3]] == [
        ("Belgrave", 12),
        ("Stonydelph", 13),
        ("Bolehall", 54),
    ]
    bnp = run_text(store_of(TAMWORTH), "/party bnp")
    assert isinstance(bnp, PartyAnswer)
    assert (bnp.candidates, bnp.seats_won, bnp.votes, bnp.seats_before) == (4, 0, 1358, None)


# Brent 2006: London borough, whole council, "(3 seats)", names with accents and titles --------


def test_brent_multi_member_wards_elect_the_top_n() -> None:
    """`(3 seats)`, `(3 Seats)`, `(3)` and `(2 seats)` all give multi-member wards."""
    willesden = ward(BRENT, "willesden green")
    assert winners(willesden) == ["Helen Carr", "Mark Cummins", "Ann John"]
    assert (willesden.majority, willesden.split) == (2, True)
    assert [(s.party_key, s.seats) for s in willesden.seats_by_party] == [
        ("libdem", 2),
        ("labour", 1),
    ]
    kilburn = ward(BRENT, "kilburn")  # `1,512`, `1498 votes`, `1,430 (14.1%)`
    assert [(c.name, c.votes) for c in kilburn.candidates[:3]] == [
        ("Mary Arnold", 1512),
        ("Rev. Kwame Mensah", 1498),
        ("Ahmed Shah", 1430),
    ]
    assert winners(kilburn) == ["Mary Arnold", "Rev. Kwame Mensah", "Ahmed Shah"]
    assert kilburn.majority == 1430 - 1102


def test_brent_whole_council_has_no_overall_control() -> None:
    """Labour 7 of 14 seats, one short of the 8 needed; change against Seats Before."""
    rows = rows_of(BRENT)
    assert {key: rows[key] for key in ("labour", "conservative", "libdem", "green")} == {
        "labour": (7, 8, 7, -1, 20568),
        "conservative": (5, 4, 5, +1, 10115),
        "libdem": (2, 2, 2, 0, 10855),
        "green": (0, 0, 0, 0, 662),
    }
    summary = summary_of(BRENT)
    assert summary.control_text == "No overall control"
    assert (summary.council_size, summary.majority_threshold, summary.whole_council) == (
        14,
        8,
        True,
    )
    labour = next(r for r in summary.rows if r.key == "labour")
    assert labour.vote_share == pytest.approx(100 * 20568 / 42708)


@pytest.mark.parametrize(
    ("query", "name", "elected", "margin"),
    [
        ("jose moreno", "Dr. José Moreno", True, 2104 - 1870),
        ("zoe patel", "Zoë Patel", True, 2051 - 1870),
        ("sian o'brien-jones", "Siân O'Brien-Jones", False, 1998 - 1870),
        ("j r smith", "J. R. Smith", True, 1998 - 1870),
        ("nigel hart", "Sir Nigel Hart", True, 1290 - 1100),
    ],
)
def test_brent_candidates_with_accents_titles_and_initials_resolve(
    query: str, name: str, elected: bool, margin: int
) -> None:
    """Typed without accents, titles or full stops, the candidate is found and measured."""
    answer = run_text(store_of(BRENT), f"/candidate {query}")
    assert isinstance(answer, CandidateAnswer)
    assert (answer.candidate.name, answer.candidate.elected, answer.margin) == (
        name,
        elected,
        margin,
    )


# By-elections -----------------------------------------------------------------------------


def test_littleover_by_election_document() -> None:
    """One contest, Majority/Turnout/electorate/hold lines, no council control claimed."""
    (election,) = store_of(LITTLEOVER).elections
    assert (election.kind, election.date) == ("by-election", dt.date(2005, 5, 5))
    answer = ward(LITTLEOVER, "littleover")
    assert winners(answer) == ["Lucy Care"]
    assert (answer.by_election, answer.majority, answer.turnout, answer.electorate) == (
        True,
        412,
        5833,
        9531,
    )
    assert answer.turnout_percent == 61.2
    assert answer.outcomes == ("Liberal Democrats hold",)
    summary = summary_of(LITTLEOVER)
    assert (summary.control_text, summary.seats_contested, summary.whole_council) == (
        "Control not known",
        1,
        False,
    )


def test_st_marys_by_election_without_heading_or_infobox() -> None:
    """A contest line alone names the ward and dates the poll; an Independent gains it."""
    (election,) = store_of(ST_MARYS).elections
    assert (election.kind, election.date, election.council) == (
        "by-election",
        dt.date(2011, 7, 14),
        "St. Mary's by-election",
    )
    answer = ward(ST_MARYS, "st marys")
    assert winners(answer) == ["Seán Ó Briain"]
    assert (answer.majority, answer.turnout, answer.electorate) == (178, 2420, 10614)
    assert answer.outcomes == ("Independent gain from Labour",)
    candidate = run_text(store_of(ST_MARYS), "/candidate sean o briain")
    assert isinstance(candidate, CandidateAnswer) and candidate.candidate.elected


# Gloucestershire 2013: county divisions under district headings ------------------------------


def test_gloucestershire_district_headings_are_not_divisions() -> None:
    """`===Cheltenham===` groups `====All Saints====` ...; whole council from Majority Seats."""
    rows = rows_of(GLOUCESTERSHIRE)
    assert rows == {
        "conservative": (4, 6, 4, -2, 9015),
        "libdem": (2, 2, 2, 0, 4095),
        "labour": (1, 1, 1, 0, 3994),
        "ukip": (0, 0, 0, 0, 4355),
        "independent": (1, 0, 1, +1, 1210),
        "green": (1, 0, 1, +1, 2448),
        "people-against-bureaucracy": (0, None, 0, None, 410),
    }
    summary = summary_of(GLOUCESTERSHIRE)
    assert summary.control_text == "No overall control"
    assert (summary.council_size, summary.majority_threshold, summary.wards) == (9, 5, 9)


def test_gloucestershire_unopposed_division_and_closest() -> None:
    """An unopposed division is won without a poll; the closest division is by 6 votes."""
    winchcombe = ward(GLOUCESTERSHIRE, "winchcombe and woodmancote")
    assert (winners(winchcombe), winchcombe.unopposed, winchcombe.majority) == (
        ["Hugh Waddington"],
        True,
        None,
    )
    closest = run_text(store_of(GLOUCESTERSHIRE), "/closest")
    assert isinstance(closest, ClosestAnswer)
    assert [(r.ward, r.majority) for r in closest.closest[:3]] == [
        ("Nailsworth", 6),
        ("Charlton Park", 12),
        ("Stonehouse", 20),
    ]
    assert closest.unopposed == ("Winchcombe & Woodmancote",)
    st_marks = ward(GLOUCESTERSHIRE, "st marks and st peters")
    assert winners(st_marks) == ["Chris Coleman"]


# Tewkesbury 2007: a tie at the last seat, unopposed wards written three ways ------------------


def test_tewkesbury_tie_settled_by_lot_elects_the_party_the_hold_and_gain_lines_name() -> None:
    """Cleeve Hill's second seat is tied; `Lib Dem gain` names who won the draw: Mary Jordan."""
    cleeve = ward(TEWKESBURY, "cleeve hill")
    assert winners(cleeve) == ["Derek Davies", "Mary Jordan"]
    assert (cleeve.tie, cleeve.lot) == (False, True)
    assert [c.name for c in cleeve.candidates if c.by_lot] == ["Mary Jordan"]
    summary = summary_of(TEWKESBURY)
    assert (summary.undecided_seats, summary.tie_wards) == (0, ())
    assert summary.control_text == "Conservative majority"
    assert rows_of(TEWKESBURY) == {
        "conservative": (6, 7, 6, -1, 6312),
        "libdem": (2, 1, 2, 1, 1950),
        "independent": (1, 1, 1, 0, 1380),
        "labour": (0, 0, 0, 0, 560),
    }
    assert store_of(TEWKESBURY).warnings == []


@pytest.mark.parametrize(
    ("query", "elected"),
    [("winchcombe", ["Anne Smith", "Ronald Bird"]), ("twyning", ["Jim Mason"])],
)
def test_tewkesbury_unopposed_wards(query: str, elected: list[str]) -> None:
    """`Unopposed votes`, an empty count, and `- Name (Party)` with no count at all."""
    answer = ward(TEWKESBURY, query)
    assert (winners(answer), answer.unopposed, answer.total_votes) == (elected, True, 0)
    assert all(c.votes is None for c in answer.candidates)


# Wigan 2008: thirds with a double vacancy; later by-elections listed after the results --------


def test_wigan_later_by_elections_are_not_part_of_the_election() -> None:
    """The by-elections section repeats Ashton and Abram: they do not count, nor clash."""
    ashton = ward(WIGAN, "ashton")
    assert winners(ashton) == ["Bob Brierley"]
    assert not ashton.by_election
    missing = run_text(store_of(WIGAN), "/candidate paul prescott")
    assert isinstance(missing, NotFoundAnswer)
    abram = ward(WIGAN, "abram")
    assert winners(abram) == ["Eunice Smethurst", "Martyn Smethurst"]


def test_wigan_council_after_with_no_popular_vote_given() -> None:
    """Seats After for every listed party; no Popular Vote, so no vote warnings."""
    rows = rows_of(WIGAN)
    assert {key: rows[key][:4] for key in rows} == {
        "labour": (5, 15, 13, -2),
        "conservative": (1, 2, 3, +1),
        "community-action-party": (1, 2, 3, +1),
        "libdem": (0, 1, 1, 0),
        "independent": (0, 1, 1, 0),
        "bnp": (0, None, None, None),
        "ukip": (0, None, None, None),
    }
    summary = summary_of(WIGAN)
    assert summary.control_text == "Labour majority"
    assert (summary.council_size, summary.seats_contested) == (21, 7)


# Sheffield 2000: old title, tabs and trailing spaces, Seats meaning the council after ---------


def test_sheffield_old_style_title_gives_the_usual_id_and_council() -> None:
    """`Sheffield City Council election, 2000` -> sheffield-2000, Sheffield City Council."""
    (election,) = store_of(SHEFFIELD).elections
    assert (election.id, election.council, election.year) == (
        "sheffield-2000",
        "Sheffield City Council",
        2000,
    )


def test_sheffield_seats_that_count_the_whole_council_give_its_make_up() -> None:
    """No Seats After, Seats adding to 15 with 5 contested: they are the council after."""
    assert rows_of(SHEFFIELD) == {
        "labour": (3, 10, 9, -1, 7721),
        "libdem": (2, 4, 6, +2, 8970),
        "conservative": (0, 1, 0, -1, 2454),
        "socialist-alliance": (0, None, None, None, 220),
        "green": (0, None, None, None, 560),
    }
    summary = summary_of(SHEFFIELD)
    assert summary.control_text == "Labour majority"
    assert summary.council_size == 15


def test_sheffield_tabs_blank_lines_and_summary_headings() -> None:
    """A tab-indented contest, a tabbed candidate line; `===Overall===` prose is no ward."""
    arbourthorne = ward(SHEFFIELD, "arbourthorne")
    assert [(c.name, c.votes) for c in arbourthorne.candidates] == [
        ("Julie Dore", 2101),
        ("Gail Smith", 1020),
        ("Ronald Hughes", 310),
    ]
    assert (arbourthorne.majority, arbourthorne.turnout_percent) == (1081, 24.1)
    beauchief = ward(SHEFFIELD, "beauchief")
    assert (beauchief.turnout, beauchief.turnout_percent) == (5553, 40.2)
    assert isinstance(run_text(store_of(SHEFFIELD), "/ward overall"), NotFoundAnswer)


# Harrow 2010: three-member wards written without (3), one hold/gain line per seat -------------


def test_harrow_hold_lines_give_the_seats_of_a_ward_without_a_count() -> None:
    """Three hold/gain lines and no `(3)`: three seats, so the top three are elected."""
    queensbury = ward(HARROW, "queensbury")
    assert winners(queensbury) == ["Kanti Rabadia", "Mano Dharmarajah", "Ramji Chauhan"]
    assert queensbury.majority == 50
    assert rows_of(HARROW) == {
        "labour": (6, 5, 6, +1, 16672),
        "conservative": (2, 4, 2, -2, 14081),
        "independent": (1, None, 1, None, 2100),
        "libdem": (0, 0, 0, 0, 400),
        "green": (0, None, 0, None, 300),
    }
    summary = summary_of(HARROW)
    assert summary.control_text == "Labour majority"
    assert (summary.council_size, summary.majority_threshold) == (9, 5)


# Epsom and Ewell 2003: contest lines without headings, incumbents marked `*` ------------------


def test_epsom_residents_association_and_marked_incumbents() -> None:
    """`Eber Kington*` is Eber Kington; a local party controls the council."""
    auriol = ward(EPSOM, "auriol")
    assert winners(auriol) == ["Eber Kington", "Jean Steer"]
    assert rows_of(EPSOM) == {
        "residents": (7, 8, 7, -1, 12714),
        "libdem": (3, 2, 3, +1, 5101),
        "conservative": (0, None, 0, None, 1845),
        "labour": (0, None, 0, None, 891),
    }
    summary = summary_of(EPSOM)
    assert summary.control_text == "Residents majority"
    town = ward(EPSOM, "town")
    assert winners(town) == ["Lionel Blackman", "Sarah Jane Harris", "Robert Leach"]
    assert town.majority == 19
    party = run_text(store_of(EPSOM), "/party residents")
    assert isinstance(party, PartyAnswer)
    assert (party.seats_won, party.controls, party.wards_won[0]) == (7, True, ("Auriol", 2))


# The written forms, one at a time ------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "change"),
    [
        ("+3", 3),
        ("−2", -2),
        ("-2", -2),
        ("Increase 2", 2),
        ("Decrease 2", -2),
        ("Steady", 0),
        ("0", 0),
        ("▲1", 1),
        ("", None),
        ("N/A", None),
    ],
)
def test_seat_change_forms(written: str, change: int | None) -> None:
    """Seat Change as signs, Unicode minus, the words Wikipedia templates leave, or nothing."""
    assert parse_change(written) == change


@pytest.mark.parametrize(
    ("written", "count"),
    [("29", 29), ("58,230", 58230), ("8 seats, 44.0%", 8), ("15 (one vacant)", 15), ("—", None)],
)
def test_infobox_count_forms(written: str, count: int | None) -> None:
    """A count may be followed by words or a share; a dash means not given."""
    assert parse_count(written) == count


@pytest.mark.parametrize(
    ("written", "share"), [("38.0%", 38.0), ("38.0", 38.0), ("38% (Increase 2.1)", 38.0)]
)
def test_infobox_percentage_forms(written: str, share: float) -> None:
    """Percentage with or without `%`, with a trailing change."""
    assert parse_share(written) == share


@pytest.mark.parametrize(
    ("written", "votes"),
    [
        ("1,234 votes", 1234),
        ("1234", 1234),
        ("1,234 (45.6%)", 1234),
        ("1,234 (45.6%) +2.3", 1234),
        ("1,234 45.6%", 1234),
        ("Unopposed votes", None),
        ("''Unopposed''", None),
        (" votes", None),
        ("", None),
    ],
)
def test_vote_count_forms(written: str, votes: int | None) -> None:
    """A candidate's count with a share and change after it, or none when unopposed."""
    assert read_votes(written) == votes


@pytest.mark.parametrize("written", ["lots", "about 1,200", "1,234x"])
def test_vote_counts_that_are_not_numbers_still_fail(written: str) -> None:
    """Leniency stops at text that is not a count followed by a share or change."""
    with pytest.raises(ValueError):
        read_votes(written)


@pytest.mark.parametrize(
    ("title", "year", "council", "identifier"),
    [
        ("2002 Derby City Council election", 2002, "Derby City Council", "derby-2002"),
        ("Sheffield City Council election, 2000", 2000, "Sheffield City Council", "sheffield-2000"),
        (
            "2010 Harrow London Borough Council election",
            2010,
            "Harrow London Borough Council",
            "harrow-2010",
        ),
        (
            "2011 St. Mary's by-election",
            2011,
            "St. Mary's by-election",
            "st-marys-by-election-2011",
        ),
    ],
)
def test_titles_old_and_new_give_council_and_id(
    title: str, year: int, council: str, identifier: str
) -> None:
    """The year may lead or trail; `London Borough Council` is dropped; apostrophes join."""
    assert (council_name(title), election_id(title, year)) == (council, identifier)


@pytest.mark.parametrize(
    "contest_line",
    ["  - Abbey (3 seats)**", "  - Abbey (3 Seats)**", "  - **Abbey (3)**", "  - Abbey (3)**"],
)
def test_seat_count_forms_in_contest_lines(contest_line: str) -> None:
    """However the count is written, Abbey elects three."""
    text = f"= 2004 Forms Council election =\n==Results==\n{contest_line}\n" + "".join(
        f"- Person {n} (Labour Party (UK)): {100 - n} votes\n" for n in range(5)
    )
    (contest,) = parse_document(text).contests
    assert (contest.ward, contest.seats) == ("Abbey", 3)


def test_by_election_dated_after_the_election_in_the_results_is_left_out() -> None:
    """A by-election heading with another date is later; one dated the same day is kept."""
    text = """\
= 2004 Oddtown Council election =
Infobox
- Election Date: 10 June 2004
==Ward results==
===Bramble===
- Eve Ek (Conservative Party (UK)): 800
- Fay Fu (Labour Party (UK)): 700
===Crag by-election, 10 June 2004===
- Ian Ive (Labour Party (UK)): 500
- Jo Jay (Conservative Party (UK)): 400
===Dell by-election, 5 August 2004===
- Kim Kay (Labour Party (UK)): 500
- Lee Lu (Conservative Party (UK)): 400
"""
    election = parse_document(text)
    assert [(c.ward, c.by_election) for c in election.contests] == [
        ("Bramble", False),
        ("Crag", True),
    ]
    assert election.warnings == ()


def test_outcome_lines_with_a_swing_and_parties_without_brackets() -> None:
    """`- Labour hold Swing: 2.3` is an outcome, not an unknown `Labour hold Swing` figure."""
    text = """\
= 2004 Oddtown Council election =
===Bramble===
- Eve Ek (Labour): 800
- Fay Fu (Conservative): 700
- Labour hold Swing: 2.3
- Spoilt papers: 3
"""
    election = parse_document(text)
    assert election.contests[0].outcomes == ("Labour hold Swing: 2.3",)
    assert election.warnings == ()


def test_unlisted_party_with_and_without_a_qualifier_is_one_party() -> None:
    """`Ashfield Independents` in the infobox is `Ashfield Independents (UK)` in the results."""
    text = """\
= 2007 Ashfield District Council election =
Infobox
- Seats For Election: 2 of 6 seats to Ashfield District Council
- Majority Seats: 4
- Party1: Ashfield Independents
- Seats Before1: 2
- Seats1: 1
- Seats After1: 3
- Popular Vote1: 900
- Party2: Labour Party (UK)
- Seats Before2: 4
- Seats2: 1
- Seats After2: 3
- Popular Vote2: 1,300
==Ward results==
===Hucknall North===
- Ann Able (Ashfield Independents (UK)): 900 votes
- Bob Baker (Labour Party (UK)): 600 votes
===Kirkby East===
- Cat Cole (Labour Party (UK)): 700 votes
"""
    store = ResultsStore.from_texts([("ashfield.txt", text)], PartyBook.from_toml(PARTIES))
    assert [w.message for w in store.warnings] == []
    rows = {t.party.key: (t.seats_won, t.seats_after) for t in store.facts("ashfield-2007").parties}
    assert rows == {"ashfield-independents": (1, 3), "labour": (1, 3)}
