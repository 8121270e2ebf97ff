"""Where each command can be used: server installs, user installs, and which conversations.

The read-only commands work everywhere: in servers that added the bot, and for people who added
the app to their own account, in DMs with the bot, group DMs and servers the bot is not in
(Discord then sends the interaction without the bot being a member). Commands that change a
server (/pin-summary, /settings, /live, /reload) stay server-only and moderator-gated.
"""

from __future__ import annotations

from typing import Any

from discord import app_commands

SERVER_ONLY = frozenset({"pin-summary", "settings", "reload", "live"})


def apply(tree: app_commands.CommandTree[Any]) -> None:
    """Set `allowed_installs` and `allowed_contexts` on every command in the tree."""
    for command in tree.get_commands():
        if command.name in SERVER_ONLY:
            command.allowed_installs = app_commands.AppInstallationType(guild=True, user=False)
            command.allowed_contexts = app_commands.AppCommandContext(
                guild=True, dm_channel=False, private_channel=False
            )
        else:
            command.allowed_installs = app_commands.AppInstallationType(guild=True, user=True)
            command.allowed_contexts = app_commands.AppCommandContext(
                guild=True, dm_channel=True, private_channel=True
            )
