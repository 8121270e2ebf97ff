"""LOG_FORMAT=json: one JSON object per log line, tracebacks and extra fields included."""

from __future__ import annotations

import json
import logging

from bot.log_format import JsonFormatter


def record(message: str, *, exc: BaseException | None = None, **extra: object) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    made = logging.LogRecord("bot.test", logging.WARNING, __file__, 1, message, (), exc_info)
    for key, value in extra.items():
        setattr(made, key, value)
    return made


def test_a_line_is_one_json_object_with_the_fields() -> None:
    entry = json.loads(JsonFormatter().format(record("Abbey answered\nin two lines", guild=42)))
    assert entry["level"] == "WARNING" and entry["logger"] == "bot.test"
    assert entry["message"] == "Abbey answered\nin two lines" and entry["guild"] == 42
    assert entry["time"].endswith("+00:00")


def test_a_traceback_stays_inside_the_object() -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        line = JsonFormatter().format(record("failed", exc=exc))
    assert "\n" not in line
    assert "RuntimeError: boom" in json.loads(line)["exception"]
