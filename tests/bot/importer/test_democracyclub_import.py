"""`python -m bot import democracyclub`: a file copied and validated, or an id downloaded from
the fake Democracy Club export on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes.democracyclub import FakeDemocracyClub

from knowledge import ResultsStore

HEADERS = Path(__file__).resolve().parents[2] / "fixtures/democracyclub/csv-headers.txt"
CURRENT = next(
    line.split(",")
    for line in HEADERS.read_text("utf-8").splitlines()
    if line and not line.startswith("#")
)


def _row(
    name: str, party: str, votes: str, elected: str, ward: str, election: str
) -> dict[str, str]:
    date = election.rsplit(".", 1)[1]
    return {
        "person_name": name,
        "party_name": party,
        "votes_cast": votes,
        "elected": elected,
        "post_label": ward,
        "election_id": election,
        "ballot_paper_id": f"local.derby.{ward.lower()}.{date}",
        "election_date": date,
        "seats_contested": "1",
        "cancelled_poll": "f",
    }


ROWS = [
    _row("Ann Able", "Labour Party", "1200", "t", "Abbey", "local.derby.2022-05-05"),
    _row(
        "Bob Bee", "Conservative and Unionist Party", "800", "f", "Abbey", "local.derby.2022-05-05"
    ),
    _row("Cy Cole", "Green Party", "600", "t", "Darley", "local.derby.2023-01-12"),
    _row("Di Dunn", "Labour Party", "500", "f", "Darley", "local.derby.2023-01-12"),
]


@pytest.fixture
def club() -> Iterator[FakeDemocracyClub]:
    fake = FakeDemocracyClub(CURRENT, ROWS).start()
    yield fake
    fake.stop()


def _csv(rows: list[dict[str, str]]) -> str:
    return "\n".join([",".join(CURRENT), *(",".join(r.get(c, "") for c in CURRENT) for r in rows)])


def test_an_election_id_is_downloaded_validated_and_written_with_its_source(
    club: FakeDemocracyClub, run_cli, tmp_path: Path
) -> None:
    """Only that election's rows come back; the file loads in the store and cites its source."""
    env = {"DEMOCRACYCLUB_URL": club.url}
    result = run_cli("import", "democracyclub", "local.derby.2022-05-05", "--data",
                     str(tmp_path), env=env)  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.startswith("loaded: local.derby.2022-05-05 (1 election(s), 1 contest(s)")
    path = tmp_path / "democracyclub_local_derby_2022-05-05.csv"
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith("# source: local.derby.2022-05-05 | http://127.0.0.1:")
    assert "CC BY 4.0" in first
    [request] = club.requests
    assert request.params["field_group"] == "results" and request.params["format"] == "csv"
    assert "authorization" not in request.headers
    assert request.headers["user-agent"].startswith("ElectionResultsBot/")
    store = ResultsStore.load(tmp_path)
    [election] = store.elections
    assert election.title == "2022 Derby local election" and not store.errors
    assert [c.name for c in election.contests[0].candidates] == ["Ann Able", "Bob Bee"]


def test_the_same_download_again_is_a_no_op_and_the_token_is_sent(
    club: FakeDemocracyClub, run_cli, tmp_path: Path
) -> None:
    """DEMOCRACYCLUB_TOKEN goes in the Authorization header; unchanged results are not rewritten."""
    env = {"DEMOCRACYCLUB_URL": club.url, "DEMOCRACYCLUB_TOKEN": "sekrit"}
    args = ("import", "democracyclub", "local.derby.2023-01-12", "--data", str(tmp_path))
    assert run_cli(*args, env=env).code == 0
    again = run_cli(*args)
    assert again.code == 0 and again.out.startswith("unchanged: ")
    assert {r.headers.get("authorization") for r in club.requests} == {"Token sekrit"}


def test_an_unknown_election_id_is_one_line_and_nothing_written(
    club: FakeDemocracyClub, run_cli, tmp_path: Path
) -> None:
    """An id with no rows: exit 1, a one-line message, an empty folder."""
    env = {"DEMOCRACYCLUB_URL": club.url}
    result = run_cli("import", "democracyclub", "local.derby.2019-05-02", "--data",
                     str(tmp_path / "out"), env=env)  # fmt: skip
    assert result.code == 1 and result.err.count("\n") == 1
    assert "no candidates or results for local.derby.2019-05-02" in result.err
    assert not (tmp_path / "out").exists()


def test_a_site_that_is_down_is_one_line(run_cli, tmp_path: Path) -> None:
    """Nothing listening on the port: a network message, not a traceback."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"DEMOCRACYCLUB_URL": f"http://127.0.0.1:{port}"}
    result = run_cli("import", "democracyclub", "local.derby.2022-05-05", "--data",
                     str(tmp_path), env=env)  # fmt: skip
    assert result.code == 1 and "cannot reach" in result.err and "Traceback" not in result.err


def test_a_file_is_validated_then_copied_and_a_second_copy_is_a_no_op(
    run_cli, tmp_path: Path
) -> None:
    """A readable export is copied into the folder; the same bytes again change nothing."""
    source = tmp_path / "derby.csv"
    source.write_text(_csv(ROWS), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("import", "democracyclub", str(source), "--data", str(out))
    assert result.code == 0, result.err
    assert "2 election(s), 2 contest(s)" in result.out
    assert (out / "derby.csv").read_bytes() == source.read_bytes()
    again = run_cli("import", "democracyclub", str(source), "--data", str(out))
    assert again.out.startswith("unchanged: ")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("people.csv", "name,age\nAnn,40\n", "not a Democracy Club results CSV"),
        ("empty.csv", "", "the document is empty"),
        ("results.txt", "whatever", "is not a .csv file"),
    ],
)
def test_a_file_that_does_not_load_is_refused_and_not_copied(
    run_cli, tmp_path: Path, name: str, text: str, message: str
) -> None:
    """Validation comes first: a file the store could not read never reaches the folder."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = run_cli("import", "democracyclub", str(source), "--data", str(tmp_path / "out"))
    assert result.code == 1 and message in result.err and result.err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_real_result_set_downloads_and_answers_questions(run_cli, tmp_path: Path) -> None:
    """Ecclesall 2021 through the export and into the store: `/ward Ecclesall` answers."""
    fake = FakeDemocracyClub.from_fixture().start()
    try:
        env = {"DEMOCRACYCLUB_URL": fake.url}
        result = run_cli("import", "democracyclub", "local.sheffield.2021-05-06", "--data",
                         str(tmp_path), env=env)  # fmt: skip
    finally:
        fake.stop()
    assert result.code == 0, result.err
    answer = run_cli("--data", str(tmp_path), "ask", "/ward Ecclesall")
    assert answer.code == 0, answer.err
    assert "Roger Noel Davison" in answer.out and "elected" in answer.out
    assert "democracyclub_local_sheffield_2021-05-06.csv" in answer.out
