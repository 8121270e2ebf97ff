"""A fake Discord for driving the real discord.py client in tests and benchmarks.

FakeDiscord     the aiohttp server: REST routes, gateway, recorded calls, injected faults
Events          INTERACTION_CREATE payloads built from the command schema the bot synced
Interaction     one interaction as the fake saw it, with the bot's answer
Call            one recorded HTTP call
Session         sends interactions to a running client and waits for its answers
World, Perm     the ids, people and permission bits the fake serves
"""

from .events import Actor, Events, SchemaError
from .recording import Call, Interaction
from .server import CALLBACK, EDIT_ORIGINAL, FOLLOWUP, PIN, POST_MESSAGE, UNPIN, FakeDiscord
from .session import Session
from .world import BOT_PERMISSIONS, MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS, Perm, World

__all__ = [
    "BOT_PERMISSIONS",
    "CALLBACK",
    "EDIT_ORIGINAL",
    "FOLLOWUP",
    "MEMBER_PERMISSIONS",
    "MODERATOR_PERMISSIONS",
    "PIN",
    "POST_MESSAGE",
    "UNPIN",
    "Actor",
    "Call",
    "Events",
    "FakeDiscord",
    "Interaction",
    "Perm",
    "SchemaError",
    "Session",
    "World",
]
