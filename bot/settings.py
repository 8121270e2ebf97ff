"""Every setting, read from the environment and `.env`.

Built in `bot.__main__`, never at import time, so tests construct settings explicitly. The text
front ends (`ask`, the console) read their few settings through `bot.env` instead, to start
without importing pydantic-settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.env import DEFAULT_DATA

DEFAULT_CONTACT = "election-bot project, a Discord bot for UK local election results"
DEFAULT_SETTINGS_DB = Path(__file__).resolve().parent.parent / "var" / "guild-settings.sqlite3"


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
    wikipedia_api_url: str = Field(default="https://en.wikipedia.org/w/api.php")
    import_contact: str = Field(default=DEFAULT_CONTACT)
    settings_db_path: Path = Field(default=DEFAULT_SETTINGS_DB)
    database_url: SecretStr | None = Field(default=None)
    settings_grace_days: float = Field(default=30.0, ge=0)
    shard_count: str | None = Field(default=None)
    shard_ids: str | None = Field(default=None)
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    log_format: Literal["text", "json"] = Field(default="text")

    @field_validator("shard_count")
    @classmethod
    def _shard_count(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if value.strip().lower() == "auto":
            return "auto"
        if not value.strip().isdigit() or int(value) < 1:
            raise ValueError("SHARD_COUNT must be a whole number of shards (1 or more) or auto")
        return value.strip()

    @field_validator("shard_ids")
    @classmethod
    def _shard_ids(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = [p.strip() for p in value.split(",")]
        if not all(p.isdigit() for p in parts):
            raise ValueError("SHARD_IDS must be shard numbers separated by commas, e.g. 0,1")
        return ",".join(parts)

    @property
    def shards(self) -> tuple[int | None, list[int] | None]:
        """(shard count, this process's shard ids): (None, None) unsharded; a count of None
        with sharding on means "ask Discord" (SHARD_COUNT=auto)."""
        ids = [int(p) for p in self.shard_ids.split(",")] if self.shard_ids else None
        count = int(self.shard_count) if self.shard_count and self.shard_count != "auto" else None
        if ids is not None and count is not None and max(ids) >= count:
            raise ValueError(f"SHARD_IDS {self.shard_ids} names a shard beyond SHARD_COUNT {count}")
        return count, ids

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None or self.shard_ids is not None

    @property
    def database_url_value(self) -> str | None:
        url = self.database_url.get_secret_value().strip() if self.database_url else ""
        return url or None

    democracyclub_url: str = Field(default="https://candidates.democracyclub.org.uk")
    democracyclub_token: SecretStr | None = Field(default=None)
    live_poll_seconds: float | None = Field(default=None)

    @property
    def has_token(self) -> bool:
        return self.discord_token is not None and bool(self.discord_token.get_secret_value())
