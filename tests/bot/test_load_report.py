"""The load report: every document that did not load, and every warning, with file and line."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from bot.load_report import load_problems, log_load_problems
from knowledge import ResultsStore

SEED = ROOT / "data" / "elections"


def store_from(folder: Path) -> ResultsStore:
    return ResultsStore.load(folder, ROOT / "data" / "parties.toml")


def test_errors_then_warnings_each_with_file_and_line(tmp_path: Path) -> None:
    """A broken document is an error; the same election in a second file is a warning."""
    for document in SEED.glob("*.txt"):
        shutil.copy(document, tmp_path / document.name)
        shutil.copy(document, tmp_path / f"copy-{document.name}")
    (tmp_path / "broken.txt").write_text("# Broken\n")
    problems = load_problems(store_from(tmp_path))
    assert [p.severity for p in problems][:1] == ["error"]
    assert problems[0].file == "broken.txt" and problems[0].line == 1
    assert "warning" in {p.severity for p in problems}
    assert str(problems[0]).startswith("Not loaded: broken.txt, line 1: ")


def test_a_clean_folder_reports_and_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    """The shipped documents load cleanly: no problem, no log line."""
    with caplog.at_level(logging.INFO, logger="bot.load_report"):
        assert log_load_problems(store_from(SEED)) == []
    assert caplog.records == []


def test_each_problem_is_one_warning_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Each problem is logged at WARNING with its file and line, then one count at INFO."""
    (tmp_path / "a.txt").write_text("nonsense\n")
    (tmp_path / "b.txt").write_text("more nonsense\n")
    with caplog.at_level(logging.INFO, logger="bot.load_report"):
        problems = log_load_problems(store_from(tmp_path))
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(problems) == 2 and len(warnings) == 2
    assert all(", line 1: " in w for w in warnings)
    assert "2 document(s) not loaded" in caplog.records[-1].getMessage()
