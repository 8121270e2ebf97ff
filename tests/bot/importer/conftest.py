"""Fixtures: the fake MediaWiki API and Democracy Club site on 127.0.0.1, and a CLI runner."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakes.mediawiki import FakeMediaWiki

from bot.__main__ import main
from bot.importing import cli
from bot.importing.client import HttpClient


@pytest.fixture
def wiki() -> Iterator[FakeMediaWiki]:
    fake = FakeMediaWiki().start()
    yield fake
    fake.stop()


@dataclass
class Sleeps:
    """Stands in for time.sleep: records each wait instead of waiting."""

    waits: list[float]

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps([])


@pytest.fixture
def client(sleeps: Sleeps) -> HttpClient:
    return HttpClient("ElectionResultsBot/test (tests)", sleep=sleeps)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> functools.partial[Run]:
    """`python -m bot import …` in-process, with quick backoff (the retries still happen)."""
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    monkeypatch.setattr(cli, "HttpClient", functools.partial(HttpClient, backoff=0.001))

    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return functools.partial(run)
