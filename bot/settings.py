"""The one place the environment and `.env` are read.

Built in `bot.__main__`, never at import time, so tests construct settings explicitly.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data" / "elections"


class Settings(BaseSettings):
    """Every setting the bot reads; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        env_ignore_empty=True,
    )

    discord_token: SecretStr | None = Field(default=None)
    discord_guild_id: int | None = Field(default=None)
    elections_data: Path = Field(default=DEFAULT_DATA)
    log_level: str = Field(default="INFO")
    discord_api_base: str | None = Field(default=None)
    discord_gateway_url: str | None = Field(default=None)
    democracyclub_url: str = Field(default="https://candidates.democracyclub.org.uk")
    democracyclub_token: SecretStr | None = Field(default=None)
    live_poll_seconds: float | None = Field(default=None)
    night_db_path: Path | None = Field(default=None)

    @property
    def night_db(self) -> Path:
        """NIGHT_DB_PATH, else `night.sqlite3` beside the elections folder."""
        if self.night_db_path is not None:
            return self.night_db_path
        folder = self.elections_data if self.elections_data.is_dir() else self.elections_data.parent
        return folder.parent / "night.sqlite3"

    @property
    def has_token(self) -> bool:
        return self.discord_token is not None and bool(self.discord_token.get_secret_value())
