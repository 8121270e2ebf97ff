"""`python -m bot import wikipedia`: the real HTTP code against the fake MediaWiki API."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes.mediawiki import Article, FakeMediaWiki

from bot.importing import ImportFailure
from bot.importing import files as files_module
from bot.importing.client import HttpClient, bot_version, user_agent
from bot.importing.mediawiki import MediaWiki
from bot.importing.wikipedia import (
    SOURCE_LINE,
    WikipediaImporter,
    is_election_title,
    list_council,
    slug,
)

BURNLEY = "2022 Burnley Borough Council election"
CAMBRIDGE = "2022 Cambridge City Council election"
BARNET = "2022 Barnet London Borough Council election"
BURNLEY_2026 = "2026 Burnley Borough Council election"


def _importer(wiki: FakeMediaWiki, client: HttpClient, folder: Path) -> WikipediaImporter:
    return WikipediaImporter(MediaWiki(client, wiki.api_url), folder)


def _env(wiki: FakeMediaWiki) -> dict[str, str]:
    return {"WIKIPEDIA_API_URL": wiki.api_url, "IMPORT_CONTACT": "results@example.org"}


def test_an_article_is_written_with_its_source_line_and_verbatim_wikitext(
    wiki: FakeMediaWiki, run_cli, tmp_path: Path
) -> None:
    """The first line names title, URL, revision, fetch time and licence; then the wikitext."""
    out = tmp_path / "elections"
    result = run_cli("import", "wikipedia", BURNLEY, "--data", str(out), env=_env(wiki))
    assert result.code == 0, result.err
    path = out / "2022_burnley_borough_council_election.wiki"
    assert result.out.startswith(f"loaded: {BURNLEY} (revision ")
    first, _, body = path.read_text(encoding="utf-8").partition("\n")
    match = SOURCE_LINE.match(first)
    assert match, first
    assert match["title"] == BURNLEY and match["licence"] == "CC BY-SA 4.0"
    assert match["url"] == wiki.server.base + "/wiki/2022_Burnley_Borough_Council_election"
    assert int(match["revision"]) == wiki.articles[BURNLEY].revision
    assert match["fetched"].endswith("Z")
    assert body.rstrip("\n") == wiki.articles[BURNLEY].wikitext.rstrip("\n")  # plus a final newline
    assert [p.name for p in out.iterdir()] == [path.name]


def test_requests_follow_the_wikimedia_api_etiquette(
    wiki: FakeMediaWiki, run_cli, tmp_path: Path
) -> None:
    """User-Agent with bot, version and contact; gzip; maxlag=5; the parse parameters."""
    run_cli("import", "wikipedia", BURNLEY, "--data", str(tmp_path), env=_env(wiki))
    [request] = wiki.requests
    agent = request.headers["user-agent"]
    assert agent.startswith(f"ElectionResultsBot/{bot_version()} (")
    assert "results@example.org" in agent
    assert "gzip" in request.headers["accept-encoding"]
    assert request.params == {
        "action": "parse",
        "page": BURNLEY,
        "prop": "wikitext|revid",
        "redirects": "1",
        "format": "json",
        "formatversion": "2",
        "maxlag": "5",
    }


def test_the_default_user_agent_names_the_project() -> None:
    """Without IMPORT_CONTACT the agent still says who is asking."""
    from bot.settings import Settings

    agent = user_agent(Settings(_env_file=None).import_contact)  # type: ignore[call-arg]
    assert "election-bot" in agent and "ElectionResultsBot/" in agent


def test_a_redirect_is_followed_and_the_file_is_named_for_the_canonical_title(
    wiki: FakeMediaWiki, client: HttpClient, tmp_path: Path
) -> None:
    """Asking for an alias writes the article it redirects to."""
    wiki.redirect("Burnley council election 2022", BURNLEY)
    outcome = _importer(wiki, client, tmp_path).import_title("Burnley council election 2022")
    assert outcome.status == "loaded"
    assert outcome.title == f"Burnley council election 2022 -> {BURNLEY}"
    assert outcome.path == tmp_path / f"{slug(BURNLEY)}.wiki"
    assert SOURCE_LINE.match(outcome.path.read_text("utf-8").splitlines()[0])


def test_reimporting_the_same_revision_is_a_no_op_that_says_so(
    wiki: FakeMediaWiki, run_cli, tmp_path: Path
) -> None:
    """Same revision: nothing written; a new revision replaces the file."""
    args = ("import", "wikipedia", CAMBRIDGE, "--data", str(tmp_path))
    assert run_cli(*args, env=_env(wiki)).code == 0
    path = tmp_path / f"{slug(CAMBRIDGE)}.wiki"
    before = path.read_bytes()
    again = run_cli(*args)
    assert again.code == 0 and again.out.startswith("unchanged: ")
    assert "already in" in again.out and path.read_bytes() == before
    wiki.edit(CAMBRIDGE, wiki.articles[CAMBRIDGE].wikitext + "\n== Notes ==\n")
    updated = run_cli(*args)
    assert updated.out.startswith("updated: ")
    assert path.read_text("utf-8").endswith("== Notes ==\n")


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("2022 Nowhere Council election", "no article called '2022 Nowhere Council election'"),
        ("Derby", "'Derby' is not an election article"),
    ],
)
def test_a_missing_article_or_a_page_that_is_not_an_election_is_one_line_and_nothing_written(
    wiki: FakeMediaWiki, run_cli, tmp_path: Path, title: str, message: str
) -> None:
    """Exit 1, one line on stderr, no traceback, an empty folder."""
    wiki.add(Article("Derby", "'''Derby''' is a city in Derbyshire.\n== History ==\n", 5))
    result = run_cli("import", "wikipedia", title, "--data", str(tmp_path / "out"), env=_env(wiki))
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith("error: ")
    assert message in result.err and "Traceback" not in result.err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_network_failure_is_one_line_after_the_retries(run_cli, tmp_path: Path) -> None:
    """Nothing listening: a clear message naming the host, exit 1, nothing written."""
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"WIKIPEDIA_API_URL": f"http://127.0.0.1:{port}/w/api.php"}
    result = run_cli("import", "wikipedia", BURNLEY, "--data", str(tmp_path / "out"), env=env)
    assert result.code == 1 and result.err.count("\n") == 1
    assert (
        f"cannot reach 127.0.0.1:{port}" in result.err and "gave up after 5 attempts" in result.err
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("fault", "retry_after", "waits"),
    [("429", "7", [7.0]), ("503", "3", [3.0]), ("maxlag", "5", [5.0]), ("500", "", [1.0])],
)
def test_busy_servers_are_waited_for_as_they_ask(
    wiki: FakeMediaWiki,
    client: HttpClient,
    sleeps,
    tmp_path: Path,
    fault: str,
    retry_after: str,
    waits: list[float],
) -> None:
    """429/503 and maxlag honour Retry-After; other errors back off; then the import works."""
    wiki.fail_next(fault, retry_after)  # type: ignore[arg-type]
    outcome = _importer(wiki, client, tmp_path).import_title(BARNET)
    assert outcome.status == "loaded"
    assert sleeps.waits == waits and len(wiki.requests) == 2


def test_retries_run_out_with_a_clear_message_and_nothing_written(
    wiki: FakeMediaWiki, client: HttpClient, sleeps, tmp_path: Path
) -> None:
    """Five 503s in a row: four waits, then `ImportFailure` naming the last problem."""
    for _ in range(5):
        wiki.fail_next("503", "2")
    with pytest.raises(ImportFailure, match=r"HTTP 503 .*gave up after 5 attempts"):
        _importer(wiki, client, tmp_path).import_title(BARNET)
    assert sleeps.waits == [2.0] * 4
    assert not list(tmp_path.iterdir())


def test_a_reply_cut_short_mid_import_leaves_nothing(
    wiki: FakeMediaWiki, client: HttpClient, tmp_path: Path
) -> None:
    """The connection drops during every reply: no file, no temporary file."""
    for _ in range(5):
        wiki.fail_next("cut")
    with pytest.raises(ImportFailure, match="cut short"):
        _importer(wiki, client, tmp_path).import_title(BARNET)
    assert not list(tmp_path.iterdir())


def test_a_write_that_fails_midway_leaves_the_old_file_and_no_temporary(
    wiki: FakeMediaWiki, client: HttpClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fails after the bytes are written but before the rename: the previous
    revision stays whole, and the `.part` file is removed."""
    importer = _importer(wiki, client, tmp_path)
    first = importer.import_title(BURNLEY)
    assert first.path is not None
    before = first.path.read_bytes()
    wiki.edit(BURNLEY, wiki.articles[BURNLEY].wikitext + "\n== See also ==\n")

    def broken_fsync(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files_module.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        importer.import_title(BURNLEY)
    assert [p.name for p in tmp_path.iterdir()] == [first.path.name]
    assert first.path.read_bytes() == before


def test_a_list_imports_each_linked_election_and_reports_what_it_skipped(
    wiki: FakeMediaWiki, run_cli, tmp_path: Path
) -> None:
    """Election links are imported one request at a time; red links, non-election pages and
    other links are skipped or ignored, and the final table says why."""
    wiki.add(Article("2018 Burnley Borough Council election", "Nothing was counted.\n", 77))
    wiki.link_list(
        "Burnley Borough Council elections",
        [
            ("Burnley", True),
            (BURNLEY, True),
            (CAMBRIDGE, True),
            (BURNLEY_2026, True),
            ("2024 Burnley Borough Council election", False),
            ("2018 Burnley Borough Council election", True),
            ("2021 Burnley Briercliffe by-election", True),
            ("2019 United Kingdom general election", True),
            (BURNLEY, True),
        ],
    )
    args = ("import", "wikipedia", "--list", "Burnley Borough Council elections")
    result = run_cli(*args, "--data", str(tmp_path), env=_env(wiki))
    assert result.code == 0, result.err
    rows = {line.split("  ")[0].strip(): line for line in result.out.splitlines()}
    assert "loaded" in rows[BURNLEY] and "loaded" in rows[BURNLEY_2026]
    assert CAMBRIDGE not in rows  # another council's article, linked from the list
    assert "red link" in rows["2024 Burnley Borough Council election"]
    assert "not an election article" in rows["2018 Burnley Borough Council election"]
    assert "no such article" in rows["2021 Burnley Briercliffe by-election"]
    assert "Burnley" not in rows and "2019 United Kingdom general election" not in rows
    assert result.out.rstrip().endswith("2 loaded, 3 skipped")
    assert "[" in result.err and "5/5" in result.err  # the progress bar
    assert wiki.server.most_in_flight == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{slug(BURNLEY)}.wiki", f"{slug(BURNLEY_2026)}.wiki"]
    )


def test_a_list_with_an_article_that_fails_reports_it_and_exits_non_zero(
    wiki: FakeMediaWiki, run_cli, tmp_path: Path
) -> None:
    """One article's server errors do not stop the others; the table names the failure."""
    wiki.link_list("Burnley elections", [(BURNLEY_2026, True), (BURNLEY, True)])
    result = run_cli("import", "wikipedia", "--list", "Burnley elections", "--data",
                     str(tmp_path), env=_env(wiki))  # fmt: skip
    assert result.code == 0
    for _ in range(5):  # every attempt at 2026 fails
        wiki.fail_next("503", page=BURNLEY_2026)
    wiki.edit(BURNLEY, wiki.articles[BURNLEY].wikitext + "\n")
    (tmp_path / f"{slug(BURNLEY_2026)}.wiki").unlink()
    result = run_cli("import", "wikipedia", "--list", "Burnley elections", "--data", str(tmp_path))
    assert result.code == 1
    assert "failed" in result.out and "HTTP 503" in result.out
    assert result.out.rstrip().endswith("1 failed, 1 updated")
    assert not (tmp_path / f"{slug(BURNLEY_2026)}.wiki").exists()


def test_titles_and_no_titles(run_cli, wiki: FakeMediaWiki, tmp_path: Path) -> None:
    """No title and no --list is a usage error; several titles give a table."""
    assert run_cli("import", "wikipedia", "--data", str(tmp_path), env=_env(wiki)).code == 2
    result = run_cli("import", "wikipedia", BURNLEY, "Not an article", "--data", str(tmp_path))
    assert result.code == 1
    assert "loaded" in result.out and "no article called 'Not an article'" in result.out


@pytest.mark.parametrize(
    ("title", "wanted"),
    [
        ("2019 Derby City Council election", True),
        ("Derby City Council election, 2003", True),
        ("2005 Derby City Council Littleover by-election", True),
        ("2019 United Kingdom local elections", False),
        ("2019 United Kingdom general election", False),
        ("2019 Burnley Borough Council election", False),
        ("Derby City Council", False),
        ("Derby", False),
    ],
)
def test_a_list_takes_only_that_councils_election_articles(title: str, wanted: bool) -> None:
    """A navbox's national elections and other councils' articles are not imported."""
    for list_title in ("Derby City Council elections", "Elections to Derby City Council"):
        assert list_council(list_title) == "derby"
        assert is_election_title(title, list_council(list_title)) is wanted


def test_once_the_store_reads_articles_an_unreadable_one_is_refused_before_writing(
    wiki: FakeMediaWiki, client: HttpClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a `.wiki` reader registered, the import reads the article as the store will: the
    counts go in the report, and an article the reader rejects is never written."""
    from knowledge import readers
    from knowledge.errors import ParseError
    from knowledge.models import Election

    def reader(body: str, file: str) -> list[Election]:
        if "Barnet" not in body:
            raise ParseError(file, 3, "no contests")
        first = body.split("\n", 1)[0]
        assert SOURCE_LINE.match(first), "the reader sees the source line"
        return [Election(id="barnet-2022", title=BARNET, source=file, council="Barnet")]

    monkeypatch.setitem(readers.READERS, ".wiki", reader)
    importer = _importer(wiki, client, tmp_path)
    outcome = importer.import_title(BARNET)
    assert outcome.detail.startswith(f"revision {wiki.articles[BARNET].revision}, 1 election(s)")
    with pytest.raises(ImportFailure, match=r"cannot be read as an election article \(line 3"):
        importer.import_title(BURNLEY)
    assert [p.name for p in tmp_path.iterdir()] == [f"{slug(BARNET)}.wiki"]


def test_retry_after_may_be_seconds_or_an_http_date() -> None:
    """Both forms RFC 9110 allows; anything else falls back to the backoff."""
    import email.utils
    import time

    from bot.importing.client import _retry_after

    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert _retry_after("12") == 12.0
    assert 25 <= (_retry_after(later) or 0) <= 31
    assert _retry_after("soon") is None and _retry_after(None) is None


def test_an_imported_article_loads_in_the_store_citing_its_revision(
    wiki: FakeMediaWiki, run_cli, tmp_path: Path
) -> None:
    """Import, then ask: the answer comes from the article and names its revision."""
    result = run_cli("import", "wikipedia", BURNLEY_2026, "--data", str(tmp_path), env=_env(wiki))
    assert result.code == 0, result.err
    answer = run_cli("--data", str(tmp_path), "ask", "/ward Bank Hall")
    assert answer.code == 0, answer.err
    assert "Afrasiab Anwar" in answer.out
    assert f"revision {wiki.articles[BURNLEY_2026].revision}" in answer.out
    assert "2026_burnley_borough_council_election.wiki" in answer.out
