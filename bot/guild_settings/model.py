"""One server's settings, validated before they reach a database.

The default is kept as text (`council:derby`, `election:derby-2002`, see
`knowledge.council_scope.Scope`), so a stored value still reads right after the documents
change; a default that is no longer loaded is shown as such and ignored, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.council_scope import Scope

SNOWFLAKE_MAX = (1 << 63) - 1


class SettingsError(ValueError):
    """A value the settings cannot hold; the message is fit to show to a moderator."""


def _snowflake(value: int | None, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= SNOWFLAKE_MAX:
        raise SettingsError(f"{what} must be a Discord id (a positive number), not {value!r}.")
    return value


class Keep:
    """Marker for `GuildSettings.but`: leave this value as it is."""


@dataclass(frozen=True)
class GuildSettings:
    """A server's settings; the defaults (no default council, no log channel, public answers)
    are what a server that never ran /settings gets."""

    guild_id: int
    scope: str | None = None
    log_channel_id: int | None = None
    private: bool = False

    def __post_init__(self) -> None:
        if _snowflake(self.guild_id, "The server id") is None:
            raise SettingsError("The server id is required.")
        _snowflake(self.log_channel_id, "The log channel")
        if not isinstance(self.private, bool):
            raise SettingsError(f"Public or private must be true or false, not {self.private!r}.")
        if self.scope is not None:
            try:
                Scope.parse(self.scope)
            except ValueError as exc:
                raise SettingsError(f"The default council or election is not valid: {exc}") from exc

    @property
    def default(self) -> Scope | None:
        return Scope.parse(self.scope) if self.scope else None

    @property
    def is_default(self) -> bool:
        return self == GuildSettings(self.guild_id)

    def but(
        self,
        *,
        scope: str | type[Keep] | None = Keep,
        log_channel_id: int | type[Keep] | None = Keep,
        private: bool | type[Keep] = Keep,
    ) -> GuildSettings:
        """A copy with some values changed (the others kept); validated again."""
        return GuildSettings(
            self.guild_id,
            self.scope if scope is Keep else scope,  # type: ignore[arg-type]
            self.log_channel_id if log_channel_id is Keep else log_channel_id,  # type: ignore[arg-type]
            self.private if private is Keep else private,  # type: ignore[arg-type]
        )
