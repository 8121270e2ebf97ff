"""Each server's own settings: default council or election, log channel, public or private.

model      GuildSettings and its validation (clear messages for bad values)
store      the SettingsStore interface, the versioned schema and its migrations
sqlite     the default store: one file, created on first use
postgres   the shared store when DATABASE_URL is set (several bot processes, one set)
service    what the bot uses: an in-memory view over a store, off the event loop
"""

from bot.guild_settings.model import GuildSettings, SettingsError
from bot.guild_settings.service import GuildSettingsService, open_store
from bot.guild_settings.store import SCHEMA_VERSION, SettingsStore

__all__ = [
    "SCHEMA_VERSION",
    "GuildSettings",
    "GuildSettingsService",
    "SettingsError",
    "SettingsStore",
    "open_store",
]
