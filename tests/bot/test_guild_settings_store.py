"""The settings store, on SQLite and on PostgreSQL: the same behaviour from both."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.guild_settings import (
    SCHEMA_VERSION,
    GuildSettings,
    SettingsError,
    SettingsStore,
    open_store,
)
from bot.guild_settings.store import MIGRATIONS

GUILD = 1_100_000_000_000_000_001
OTHER = 1_100_000_000_000_000_002
CHANNEL = 1_200_000_000_000_000_001


def test_a_server_that_set_nothing_gets_the_defaults(settings_store: SettingsStore) -> None:
    """No row: no default council, no log channel, public answers."""
    got = settings_store.get(GUILD)
    assert got == GuildSettings(GUILD) and got.is_default
    assert got.scope is None and got.log_channel_id is None and got.private is False


def test_saved_settings_read_back_and_replace(settings_store: SettingsStore) -> None:
    """Saving twice keeps the second; another server is untouched."""
    settings_store.save(GuildSettings(GUILD, "council:derby", CHANNEL, True), now=1.0)
    settings_store.save(GuildSettings(OTHER, "election:sheffield-2000"), now=1.0)
    assert settings_store.get(GUILD) == GuildSettings(GUILD, "council:derby", CHANNEL, True)
    settings_store.save(GuildSettings(GUILD, None, None, False), now=2.0)
    assert settings_store.get(GUILD) == GuildSettings(GUILD)
    assert settings_store.get(OTHER).scope == "election:sheffield-2000"


def test_settings_survive_a_restart(database: tuple[Path, str | None]) -> None:
    """Closed and opened again (a new process): the settings are still there, not migrated
    twice."""
    first = open_store(*database)
    first.save(GuildSettings(GUILD, "council:derby", CHANNEL, True), now=1.0)
    first.close()
    second = open_store(*database)
    try:
        assert second.get(GUILD) == GuildSettings(GUILD, "council:derby", CHANNEL, True)
        assert second.schema_version() == SCHEMA_VERSION
        assert second.migrate() == SCHEMA_VERSION  # nothing left to apply
    finally:
        second.close()


def test_the_sqlite_file_and_its_folder_are_created_on_first_use(tmp_path: Path) -> None:
    """SETTINGS_DB_PATH may name a file in a folder that does not exist yet."""
    path = tmp_path / "new" / "folder" / "settings.sqlite3"
    store = open_store(path)
    store.close()
    assert path.is_file()


def test_an_old_schema_is_migrated_keeping_its_rows(
    settings_store: SettingsStore, database: tuple[Path, str | None]
) -> None:
    """A database at version 1 (before `left_at`) upgrades itself on opening, rows kept."""
    with settings_store._lock, settings_store._transaction():
        settings_store._execute("DROP TABLE guild_settings")
        for sql in MIGRATIONS[0]:
            settings_store._execute(sql)
        settings_store._execute(
            "INSERT INTO guild_settings (guild_id, scope, log_channel_id, private, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (GUILD, "council:derby", None, True, 1.0),
        )
        settings_store._execute("UPDATE schema_version SET version = 1")
    assert settings_store.migrate() == 1
    assert settings_store.schema_version() == SCHEMA_VERSION
    assert settings_store.get(GUILD) == GuildSettings(GUILD, "council:derby", None, True)
    assert settings_store.left_at(GUILD) is None


def test_a_newer_schema_is_refused(settings_store: SettingsStore) -> None:
    """A database written by a newer bot is not silently used by an older one."""
    with settings_store._lock, settings_store._transaction():
        settings_store._execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(RuntimeError, match="newer than this bot"):
        settings_store.migrate()


def test_a_left_server_is_forgotten_only_after_the_grace_period(
    settings_store: SettingsStore,
) -> None:
    """Leaving marks the time; forgetting removes only servers left before the cut-off."""
    settings_store.save(GuildSettings(GUILD, "council:derby"), now=0.0)
    settings_store.save(GuildSettings(OTHER, "council:derby"), now=0.0)
    settings_store.mark_left(GUILD, now=100.0)
    settings_store.mark_left(OTHER, now=500.0)
    assert settings_store.left_at(GUILD) == 100.0
    assert settings_store.forget_left(before=50.0) == []
    assert settings_store.forget_left(before=200.0) == [GUILD]
    assert settings_store.get(GUILD).is_default
    assert settings_store.get(OTHER).scope == "council:derby"


def test_rejoining_cancels_the_removal(settings_store: SettingsStore) -> None:
    """Back in the server before the grace period ends: the settings stay."""
    settings_store.save(GuildSettings(GUILD, "council:derby"), now=0.0)
    settings_store.mark_left(GUILD, now=100.0)
    assert settings_store.mark_returned(GUILD) is True
    assert settings_store.mark_returned(GUILD) is False
    assert settings_store.forget_left(before=1e12) == []
    assert settings_store.get(GUILD).scope == "council:derby"


def test_servers_with_a_log_channel_are_listed(settings_store: SettingsStore) -> None:
    settings_store.save(GuildSettings(GUILD, log_channel_id=CHANNEL), now=0.0)
    settings_store.save(GuildSettings(OTHER, "council:derby"), now=0.0)
    assert [s.guild_id for s in settings_store.with_log_channel()] == [GUILD]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"guild_id": 0}, "server id"),
        ({"guild_id": GUILD, "log_channel_id": -5}, "log channel"),
        ({"guild_id": GUILD, "log_channel_id": True}, "log channel"),
        ({"guild_id": GUILD, "scope": "derby"}, "council or election"),
        ({"guild_id": GUILD, "scope": "ward:abbey"}, "council or election"),
        ({"guild_id": GUILD, "private": "yes"}, "Public or private"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(
    values: dict[str, object], message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        GuildSettings(**values)  # type: ignore[arg-type]


async def test_a_burst_from_one_server_reads_the_database_once(tmp_path: Path) -> None:
    """200 interactions at once from a server not yet cached: one read, the same answer."""
    import asyncio

    from bot.guild_settings import GuildSettingsService
    from bot.guild_settings.sqlite import SqliteSettingsStore

    class Counting(SqliteSettingsStore):
        reads = 0

        def get(self, guild_id: int) -> GuildSettings:
            Counting.reads += 1
            return super().get(guild_id)

    store = Counting(tmp_path / "s.sqlite3")
    store.save(GuildSettings(GUILD, "council:derby"), now=0.0)
    service = GuildSettingsService(store)
    got = await asyncio.gather(*(service.get(GUILD) for _ in range(200)))
    assert {g.scope for g in got if g is not None} == {"council:derby"}
    assert Counting.reads == 1
    assert await service.get(None) is None  # outside a server: no settings
    service.close()
