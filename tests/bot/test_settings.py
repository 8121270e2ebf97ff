"""Settings: `.env.example` documents every setting, and the token never shows."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from pydantic import SecretStr

from bot.settings import Settings

ENV_EXAMPLE = ROOT / ".env.example"
TOKEN = "MTIzNDU2Nzg5.secret-token-value"


def documented_settings() -> dict[str, list[str]]:
    """Each KEY=... line of .env.example with the comment lines just above it."""
    found: dict[str, list[str]] = {}
    comments: list[str] = []
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.startswith("#"):
            comments.append(line)
        elif match := re.match(r"^([A-Z_]+)=", line):
            found[match.group(1)] = comments
            comments = []
        else:
            comments = []
    return found


def test_env_example_lists_exactly_the_settings() -> None:
    """Every setting is in .env.example, and .env.example has nothing the bot does not read."""
    fields = {name.upper() for name in Settings.model_fields}
    assert set(documented_settings()) == fields


@pytest.mark.parametrize("name", sorted(name.upper() for name in Settings.model_fields))
def test_every_setting_has_a_comment(name: str) -> None:
    """Each setting in .env.example is explained by a comment right above it."""
    assert documented_settings()[name], f"{name} has no comment in .env.example"


def test_token_is_hidden_in_reprs_and_dumps() -> None:
    """The token never appears in repr, str or a JSON dump of the settings."""
    settings = Settings(_env_file=None, discord_token=SecretStr(TOKEN))
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert TOKEN not in text


def test_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings come from environment variables (as well as .env)."""
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_GUILD_ID", "1234")
    monkeypatch.setenv("DISCORD_API_BASE", "http://127.0.0.1:9/api/v10")
    settings = Settings(_env_file=None)
    assert settings.has_token and settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == TOKEN
    assert settings.discord_guild_id == 1234
    assert settings.discord_api_base == "http://127.0.0.1:9/api/v10"
