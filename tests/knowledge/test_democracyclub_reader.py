"""Democracy Club results CSV: hand-made exports on the real headers load into the one model."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from knowledge import ParseError, ResultsStore
from knowledge.models import Election
from knowledge.readers import read_text
from knowledge.readers.democracyclub import council_of, place_name, ward_of

TESTS = Path(__file__).resolve().parents[1]
HEADERS_FILE = TESTS / "fixtures/democracyclub/csv-headers.txt"
SEED = TESTS.parent / "data/elections/2002_derby_city_council_election.txt"


def _headers() -> list[list[str]]:
    """The verbatim header lines of the fixture, in its order: (1) current results builder,
    (2) election field group, (3) legacy per-election download, (4) 2016–18 results CSV."""
    lines = HEADERS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.split(",") for line in lines if line and not line.startswith("#")]


CURRENT, ELECTION_GROUP, LEGACY, RESULTS_2016 = _headers()


def _csv(header: list[str], rows: list[dict[str, str]]) -> str:
    """A CSV with this header; each row's missing columns are empty."""
    lines = [",".join(header)]
    for row in rows:
        unknown = set(row) - set(header)
        assert not unknown, f"columns not in the header: {unknown}"
        lines.append(",".join(_quoted(row.get(name, "")) for name in header))
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    return f'"{value}"' if "," in value or '"' in value else value


def _row(
    name: str,
    party: str,
    votes: str,
    elected: str,
    ward: str,
    *,
    election: str = "local.derby.2022-05-05",
    seats: str = "1",
    **extra: str,
) -> dict[str, str]:
    date = election.rsplit(".", 1)[1]
    slug = ward.lower().replace(" ", "-")
    by = ".by" if extra.pop("by", "") else ""
    return {
        "person_name": name,
        "party_name": party,
        "votes_cast": votes,
        "elected": elected,
        "post_label": ward,
        "election_id": election,
        "ballot_paper_id": f"{election.rsplit('.', 1)[0]}.{slug}{by}.{date}",
        "election_date": date,
        "seats_contested": seats,
        "cancelled_poll": "f",
        "tied_vote_winner": "f",
        **extra,
    }


DERBY_2022 = [
    _row("Ann Able", "Labour Party", "1200", "t", "Abbey", turnout_reported="2100",
         spoilt_ballots="12", total_electorate="9000", turnout_percentage="23.33"),
    _row("Bob Bee", "Conservative and Unionist Party", "800", "f", "Abbey"),
    _row("Cat Cee", "Liberal Democrats", "100", "f", "Abbey"),
    _row("Dee Dell", "Labour Party", "900", "t", "Boulton", seats="2"),
    _row("Eve Eden", "Labour Party", "850", "t", "Boulton", seats="2"),
    _row("Fay Fern", "Reform UK", "400", "f", "Boulton", seats="2"),
]  # fmt: skip
BY_ELECTION = [
    _row("Gil Gray", "Green Party", "500", "t", "Darley",
         election="local.derby.2023-01-12", by="yes"),
    _row("Hal Hunt", "Labour Party", "450", "f", "Darley",
         election="local.derby.2023-01-12", by="yes"),
]  # fmt: skip


def _read(text: str, file: str = "derby.csv") -> list[Election]:
    return read_text(text, file)


def test_one_election_per_election_id_and_one_contest_per_ballot() -> None:
    """A file holding a whole-council poll and a later by-election gives two elections."""
    main, by = _read(_csv(CURRENT, DERBY_2022 + BY_ELECTION))
    assert (main.title, main.council, main.date, main.kind) == (
        "2022 Derby local election",
        "Derby",
        dt.date(2022, 5, 5),
        "council",
    )
    assert main.council_key == "derby" and main.id == "derby-2022"
    assert [(c.ward, c.seats, len(c.candidates)) for c in main.contests] == [
        ("Abbey", 1, 3),
        ("Boulton", 2, 3),
    ]
    assert by.kind == "by-election" and by.date == dt.date(2023, 1, 12)
    assert by.title == "Derby Darley by-election, 12 January 2023"
    assert [c.ward for c in by.contests] == ["Darley"] and by.contests[0].by_election
    assert "local.derby.2022-05-05" in (main.citation or "")
    assert "CC BY 4.0" in (main.citation or "")


def test_votes_winners_and_the_turnout_figures_are_read() -> None:
    """votes_cast, elected, turnout_reported, total_electorate, turnout_percentage and
    spoilt_ballots land in the contest."""
    [main] = _read(_csv(CURRENT, DERBY_2022))
    abbey = main.contests[0]
    assert [(c.name, c.party, c.votes, c.elected) for c in abbey.candidates] == [
        ("Ann Able", "Labour Party", 1200, True),
        ("Bob Bee", "Conservative and Unionist Party", 800, False),
        ("Cat Cee", "Liberal Democrats", 100, False),
    ]
    assert (abbey.turnout, abbey.electorate, abbey.turnout_percent, abbey.rejected) == (
        2100,
        9000,
        23.33,
        12,
    )
    assert abbey.declared and abbey.candidates[0].line == 2


def test_columns_are_found_by_name_not_by_position() -> None:
    """The same export with its columns shuffled reads the same."""
    shuffled = CURRENT[:]
    random.Random(8).shuffle(shuffled)
    assert shuffled != CURRENT
    [plain] = _read(_csv(CURRENT, DERBY_2022))
    [mixed] = _read(_csv(shuffled, DERBY_2022))
    assert [c.model_dump(exclude={"line"}) for c in mixed.contests] == [
        c.model_dump(exclude={"line"}) for c in plain.contests
    ]


def test_a_tie_settled_by_lot_elects_the_named_winner() -> None:
    """tied_vote_winner marks the candidate who won the draw; elected stays authoritative."""
    rows = [
        _row("Ida Ives", "Labour Party", "700", "f", "Sinfin"),
        _row("Jo Jay", "Conservative and Unionist Party", "700", "t", "Sinfin",
             tied_vote_winner="t"),
    ]  # fmt: skip
    [election] = _read(_csv(CURRENT, rows))
    ida, jo = election.contests[0].candidates
    assert (jo.elected, jo.by_lot) == (True, True)
    assert (ida.elected, ida.by_lot) == (False, False)
    assert not election.warnings


def test_a_bad_row_is_a_warning_naming_file_line_and_column_and_the_rest_loads() -> None:
    """A votes_cast that is not a number skips that row only."""
    rows = [*DERBY_2022[:3], _row("Kim Kay", "Labour Party", "lots", "f", "Abbey"), *DERBY_2022[3:]]
    [election] = _read(_csv(CURRENT, rows), "mixed.csv")
    assert [len(c.candidates) for c in election.contests] == [3, 3]
    [warning] = election.warnings
    assert (warning.file, warning.line) == ("mixed.csv", 5)
    assert "votes_cast" in warning.message and "'lots'" in warning.message


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"elected": "maybe"}, "elected"),
        ({"election_date": "5th May"}, "election_date"),
        ({"person_name": ""}, "person_name"),
        ({"seats_contested": "0"}, "seats_contested"),
        ({"spoilt_ballots": "-3"}, "spoilt_ballots"),
    ],
)
def test_each_kind_of_bad_value_names_its_column(change: dict[str, str], column: str) -> None:
    """Every unreadable cell is reported by its column name."""
    rows = [*DERBY_2022[:1], {**DERBY_2022[1], **change}]
    [election] = _read(_csv(CURRENT, rows))
    [warning] = election.warnings
    assert warning.line == 3 and f"column {column}:" in warning.message


def test_a_row_with_the_wrong_number_of_cells_is_skipped_with_a_warning() -> None:
    """A truncated line does not shift values into the wrong columns."""
    text = _csv(CURRENT, DERBY_2022) + "9,Lee Low,local.derby.2022-05-05\n"
    [election] = _read(text)
    assert "row skipped" in election.warnings[0].message and election.warnings[0].line == 8
    assert sum(len(c.candidates) for c in election.contests) == 6


def test_an_uncontested_cancelled_poll_says_so_and_elects_unopposed() -> None:
    """cancelled_poll with no more candidates than seats: elected unopposed, not undeclared."""
    rows = [
        _row("Mo May", "Labour Party", "", "t", "Arboretum", seats="2", cancelled_poll="t"),
        _row("Ned Noe", "Labour Party", "", "t", "Arboretum", seats="2", cancelled_poll="t"),
    ]
    [election] = _read(_csv(CURRENT, rows))
    contest = election.contests[0]
    assert contest.declared and [c.votes for c in contest.candidates] == [None, None]
    [warning] = election.warnings
    assert "uncontested" in warning.message and "not declared" not in warning.message


def test_a_countermanded_poll_is_left_out_and_says_why() -> None:
    """cancelled_poll with more candidates than seats: no result, named in a warning."""
    rows = [
        *DERBY_2022[:3],
        _row("Ola Orr", "Labour Party", "", "f", "Chaddesden", cancelled_poll="t"),
        _row("Pat Pym", "Reform UK", "", "f", "Chaddesden", cancelled_poll="t"),
    ]
    [election] = _read(_csv(CURRENT, rows))
    assert [c.ward for c in election.contests] == ["Abbey"]
    assert "Chaddesden" in election.warnings[0].message
    assert "cancelled" in election.warnings[0].message


def test_candidates_without_votes_are_a_poll_not_declared_yet() -> None:
    """Before the count the export lists candidates with empty votes_cast."""
    rows = [_row("Ray Roe", "Labour Party", "", "", "Mickleover"),
            _row("Sam Sims", "Green Party", "", "", "Mickleover")]  # fmt: skip
    [election] = _read(_csv(CURRENT, rows))
    contest = election.contests[0]
    assert not contest.declared
    assert [c.elected for c in contest.candidates] == [None, None]


def test_a_same_day_by_election_in_a_ward_also_elected_is_its_own_by_election() -> None:
    """A `.by.` ballot for a ward in the main poll is a separate election, not added to it."""
    rows = [*DERBY_2022[:3],
            _row("Tia Tate", "Labour Party", "1000", "t", "Abbey", by="yes"),
            _row("Uma Usk", "Green Party", "300", "f", "Abbey", by="yes")]  # fmt: skip
    main, by = _read(_csv(CURRENT, rows))
    assert main.kind == "council" and [len(c.candidates) for c in main.contests] == [3]
    assert by.kind == "by-election" and by.contests[0].by_election
    assert by.date == main.date and by.title.startswith("Derby Abbey by-election")


def test_the_2016_to_2018_results_csv_reads_its_own_column_names() -> None:
    """ballots_cast and is_winner, with the ward taken from the ballot paper id."""
    rows = [
        {"election_id": "local.derby.2016-05-05", "person_name": "Val Vine",
         "ballot_paper_id": "local.derby.abbey.2016-05-05", "party_name": "Labour Party",
         "ballots_cast": "1500", "is_winner": "True"},
        {"election_id": "local.derby.2016-05-05", "person_name": "Wyn Webb",
         "ballot_paper_id": "local.derby.abbey.2016-05-05", "party_name": "UKIP",
         "ballots_cast": "700", "is_winner": "False"},
    ]  # fmt: skip
    [election] = _read(_csv(RESULTS_2016, rows))
    [contest] = election.contests
    assert (contest.ward, election.date) == ("Abbey", dt.date(2016, 5, 5))
    assert [(c.votes, c.elected) for c in contest.candidates] == [(1500, True), (700, False)]


def test_the_legacy_and_group_exports_list_candidates_without_counting() -> None:
    """Headers with no votes column still give the candidates; where the legacy download's
    elected column names the winners, the contest is decided without counts."""
    legacy = [
        {
            "name": "Xan Xu",
            "election": "local.derby.2018-05-03",
            "post_label": "Oakwood",
            "party_name": "Labour Party",
            "elected": "True",
            "election_date": "2018-05-03",
        },
        {
            "name": "Zed Zane",
            "election": "local.derby.2018-05-03",
            "post_label": "Oakwood",
            "party_name": "Green Party",
            "elected": "False",
            "election_date": "2018-05-03",
        },
    ]
    group = [{"person_name": "Yan Yu", "election_id": "local.derby.2018-05-03",
              "ballot_paper_id": "local.derby.oakwood.2018-05-03", "post_label": "Oakwood",
              "party_name": "Labour Party", "organisation_name": "Derby City Council"}]  # fmt: skip
    [old] = _read(_csv(LEGACY, legacy))
    [new] = _read(_csv(ELECTION_GROUP, group))
    assert old.contests[0].candidates[0].elected is True and old.contests[0].declared
    assert new.council == "Derby City Council" and new.council_key == "derby"


@pytest.mark.parametrize(
    "text",
    [
        "name,party\nAnn,Labour\n",
        "person_name,election_id,party_name\nAnn,local.derby.2022-05-05,Labour\n",
    ],
)
def test_a_csv_that_is_not_a_democracy_club_export_is_refused_naming_the_column(
    text: str,
) -> None:
    """Without the candidate, election and ward columns nothing is guessed."""
    with pytest.raises(ParseError) as raised:
        _read(text, "other.csv")
    assert raised.value.file == "other.csv" and raised.value.line == 1
    assert "not a Democracy Club results CSV" in raised.value.reason


def test_a_file_whose_every_row_is_bad_is_an_error_not_an_empty_election() -> None:
    """Only unreadable rows: the document fails to load, with a reason."""
    with pytest.raises(ParseError) as raised:
        _read(_csv(CURRENT, [{**DERBY_2022[0], "votes_cast": "x"}]))
    assert "no result rows" in raised.value.reason


def test_attribution_note_lines_before_the_header_are_skipped() -> None:
    """A fixture keeps its `# source` line; line numbers still count it."""
    text = "# source: Democracy Club data, CC BY 4.0\n" + _csv(CURRENT, DERBY_2022)
    [election] = _read(text)
    assert election.contests[0].candidates[0].line == 3


@pytest.mark.parametrize(
    ("identifier", "council", "ward"),
    [
        ("local.derby.abbey.by.2023-01-12", "Derby", "Abbey"),
        ("local.kingston-upon-thames.st-marks.2022-05-05", "Kingston upon Thames", "St Marks"),
        ("local.st-helens.bold.2021-05-06", "St Helens", "Bold"),
    ],
)
def test_council_and_ward_come_from_the_ids(identifier: str, council: str, ward: str) -> None:
    """Democracy Club slugs read back as the names people use."""
    assert council_of(identifier) == council and ward_of(identifier) == ward
    assert place_name("newcastle-upon-tyne") == "Newcastle upon Tyne"


def test_a_folder_mixes_formats_and_the_same_election_in_both_loads_once(tmp_path: Path) -> None:
    """The seed as text and as a Democracy Club export: one election, both files named."""
    (tmp_path / SEED.name).write_bytes(SEED.read_bytes())
    rows = [_row("Ann Able", "Labour Party", "1200", "t", "Abbey",
                 election="local.derby.2002-05-02", by="")]  # fmt: skip
    (tmp_path / "derby-2002.csv").write_text(_csv(CURRENT, rows), encoding="utf-8")
    (tmp_path / "derby-2022.csv").write_text(_csv(CURRENT, DERBY_2022), encoding="utf-8")
    store = ResultsStore.load(tmp_path)
    assert not store.errors
    assert [e.source for e in store.elections] == [SEED.name, "derby-2022.csv"]
    assert {e.council_key for e in store.elections} == {"derby"}
    [warning] = [w for w in store.warnings if "loaded once" in w.message]
    assert warning.file == "derby-2002.csv" and SEED.name in warning.message


def test_a_real_result_set_reads_with_its_winner_and_turnout() -> None:
    """Sheffield, Ecclesall 2021 (Democracy Club data, CC BY 4.0): the Liberal Democrat won."""
    path = TESTS / "fixtures/democracyclub/local.sheffield.2021-05-06.csv"
    [election] = read_text(path.read_text("utf-8"), path.name)
    assert (election.title, election.council_key) == ("2021 Sheffield local election", "sheffield")
    [contest] = election.contests
    assert (contest.ward, contest.seats, contest.turnout_percent) == ("Ecclesall", 1, 54.0)
    winner = contest.candidates[0]
    assert (winner.name, winner.party, winner.votes, winner.elected) == (
        "Roger Noel Davison",
        "Liberal Democrats",
        2904,
        True,
    )
    assert [c.elected for c in contest.candidates[1:]] == [False] * 5
    assert not election.warnings


def test_no_more_candidates_than_seats_and_no_votes_is_unopposed_not_undeclared() -> None:
    """Older exports leave votes empty for an uncontested ward without cancelled_poll."""
    rows = [_row("Vic Vale", "Labour Party", "", "", "Normanton")]
    [election] = _read(_csv(CURRENT, rows))
    assert election.contests[0].declared


def test_an_id_with_no_organisation_is_named_by_its_kind() -> None:
    """`parl.2019-12-12` is the UK Parliament's general election, not a council's."""
    row = _row("Ann Able", "Labour Party", "20000", "t", "Derby North",
               election="parl.2019-12-12")  # fmt: skip
    [election] = _read(_csv(CURRENT, [row]))
    assert election.title == "2019 UK Parliament general election"
    assert election.council == "UK Parliament"
