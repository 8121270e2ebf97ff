"""The few settings the text front ends need, read straight from the environment and `.env`.

`python -m bot ask` answers one line and exits, so its start-up is part of the answer time:
it reads the few settings it needs here instead of importing pydantic-settings. `bot.settings` stays
the one full description of every setting (and the Discord path uses it); the names and defaults
here are the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data" / "elections"
DATABASE_NAME = ".elections.sqlite3"
_INTEGERS = ("discord_guild_id",)
"""Settings the text paths don't use but still check, so a typo is reported on every path."""


def read_env(env_file: Path = Path(".env")) -> dict[str, str]:
    """Settings by lower-case name: `.env` lines, overridden by the environment; empty is unset."""
    found: dict[str, str] = {}
    try:
        lines = env_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        text = line.strip()
        if not text or text.startswith("#") or "=" not in text:
            continue
        key, _, value = text.removeprefix("export ").partition("=")
        value = value.strip()
        if value[:1] in {'"', "'"} and value.endswith(value[0]) and len(value) > 1:
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        found[key.strip().lower()] = value
    found.update((k.lower(), v) for k, v in os.environ.items())
    return {k: v for k, v in found.items() if v}


@dataclass(frozen=True)
class TextSettings:
    """What the console and `ask` read: where the documents and the compiled store are."""

    elections_data: Path = DEFAULT_DATA
    elections_db: Path | None = None
    log_level: str = "INFO"
    log_format: str = "text"

    @classmethod
    def read(cls, env_file: Path = Path(".env")) -> TextSettings:
        env = read_env(env_file)
        for name in _INTEGERS:
            value = env.get(name)
            if value is not None and not value.strip().lstrip("+-").isdigit():
                raise ValueError(f"{name.upper()}: {value!r} is not a whole number")
        log_format = env.get("log_format", "text").strip().lower()
        if log_format not in {"text", "json"}:
            raise ValueError(f"LOG_FORMAT: {log_format!r} is not text or json")
        database = env.get("elections_db")
        return cls(
            elections_data=Path(env.get("elections_data", DEFAULT_DATA)),
            elections_db=Path(database) if database else None,
            log_level=env.get("log_level", "INFO"),
            log_format=log_format,
        )


def database_path(data: Path, configured: Path | None = None) -> Path:
    """Where the compiled store of `data` lives: ELECTIONS_DB, else beside the documents
    (`.elections.sqlite3` in the folder; one per document when a single file is given)."""
    if configured is not None:
        return configured
    if data.is_dir():
        return data / DATABASE_NAME
    return data.parent / f".elections-{data.name}.sqlite3"
