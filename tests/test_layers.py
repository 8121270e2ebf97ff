"""The dependency direction data -> knowledge -> bot, checked on the real import graph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_knowledge_never_loads_discord() -> None:
    """Importing the whole knowledge package loads no discord module."""
    loaded = _modules_after(
        "import knowledge, knowledge.commands, knowledge.compose, knowledge.store"
    )
    assert not {m for m in loaded if m == "discord" or m.startswith("discord.")}


def test_console_and_ask_never_load_discord() -> None:
    """The terminal front ends start without discord, so start-up stays fast."""
    loaded = _modules_after("import bot.__main__, bot.console, bot.ask, bot.text")
    assert not {m for m in loaded if m == "discord" or m.startswith("discord.")}


def test_knowledge_source_has_no_discord_import() -> None:
    """No module under knowledge/ names discord in an import statement."""
    offenders = [
        path.name
        for path in (ROOT / "knowledge").rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("import discord", "from discord"))
    ]
    assert offenders == []
