"""Every setting, read from the environment and `.env`.

Built in `bot.__main__`, never at import time, so tests construct settings explicitly. The text
front ends (`ask`, the console) read their three settings through `bot.env` instead, to start
without importing pydantic-settings.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.env import DEFAULT_DATA


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
    elections_db: Path | None = Field(default=None)
    log_level: str = Field(default="INFO")
    discord_api_base: str | None = Field(default=None)
    discord_gateway_url: str | None = Field(default=None)

    @property
    def has_token(self) -> bool:
        return self.discord_token is not None and bool(self.discord_token.get_secret_value())
