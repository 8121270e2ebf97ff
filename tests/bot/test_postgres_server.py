"""The throwaway PostgreSQL helper says why it cannot start, instead of failing obscurely."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

import postgres_server  # noqa: E402


def test_no_initdb_anywhere_is_reported_with_the_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(postgres_server.shutil, "which", lambda name: None)
    monkeypatch.setattr(postgres_server, "SEARCH", (str(tmp_path / "nothing" / "*"),))
    with pytest.raises(postgres_server.PostgresUnavailable, match="apt-get install -y postgresql"):
        postgres_server.find_binaries()


def test_the_newest_installed_version_is_chosen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for version in ("9.6", "15", "13"):
        folder = tmp_path / version / "bin"
        folder.mkdir(parents=True)
        (folder / "initdb").touch()
    monkeypatch.setattr(postgres_server.shutil, "which", lambda name: None)
    monkeypatch.setattr(postgres_server, "SEARCH", (str(tmp_path / "*" / "bin"),))
    assert postgres_server.find_binaries() == tmp_path / "15" / "bin"
