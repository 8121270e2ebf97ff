"""The first compile's progress on standard error: a bar on a terminal, lines in a log."""

from __future__ import annotations

import io

import pytest

from bot.__main__ import _progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_a_line_every_tenth(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a terminal: ten plain lines for 10,000 documents, no carriage returns."""
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    show = _progress()
    for done in range(1, 10_001):
        show(done, 10_000)
    lines = stream.getvalue().splitlines()
    assert lines == [f"Compiling: {n}/10000 documents" for n in range(1000, 10_001, 1000)]
    assert "\r" not in stream.getvalue()


def test_a_small_compile_in_a_log_says_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    show = _progress()
    for done in range(1, 201):
        show(done, 200)
    assert stream.getvalue() == ""


def test_a_terminal_gets_a_bar_ending_full(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = Terminal()
    monkeypatch.setattr("sys.stderr", stream)
    show = _progress()
    for done in range(1, 1001):
        show(done, 1000)
    text = stream.getvalue()
    assert text.count("\r") == 200
    assert text.endswith(f"\rCompiling [{'#' * 30}] 1000/1000 documents\n")
