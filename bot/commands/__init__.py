"""Slash commands, one module per topic. Each module's `setup(bot)` adds its commands.

To add a topic, write a module with `setup(bot)` and list it in `MODULES`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from bot import installs

if TYPE_CHECKING:
    from bot.client import ElectionBot

MODULES = (
    "bot.commands.results",
    "bot.commands.ask",
    "bot.commands.council",
    "bot.commands.history",
    "bot.commands.general",
    "bot.commands.pins",
    "bot.commands.settings",
    "bot.commands.lookup",
    "bot.commands.live",
    "bot.commands.reload",
)


def setup(bot: ElectionBot) -> None:
    for name in MODULES:
        importlib.import_module(name).setup(bot)
    installs.apply(bot.tree)
