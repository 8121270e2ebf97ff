"""The fake Discord's world: one application, one guild, its channels, roles and people.

Everything here is plain JSON in Discord's own shapes (API v10), so the real discord.py client
parses it exactly as it would parse Discord. Nothing here imports discord.py: the fake must not
borrow the behaviour it is meant to check.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000
GUILD_TEXT, DM, PUBLIC_THREAD = 0, 1, 11


class Perm:
    """Permission bits used by the fake and the tests (Discord's permission table)."""

    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_GUILD = 1 << 5
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    USE_APPLICATION_COMMANDS = 1 << 31
    SEND_MESSAGES_IN_THREADS = 1 << 38
    PIN_MESSAGES = 1 << 51


MEMBER_PERMISSIONS = (
    Perm.VIEW_CHANNEL
    | Perm.SEND_MESSAGES
    | Perm.READ_MESSAGE_HISTORY
    | Perm.EMBED_LINKS
    | Perm.ATTACH_FILES
    | Perm.ADD_REACTIONS
    | Perm.USE_EXTERNAL_EMOJIS
    | Perm.USE_APPLICATION_COMMANDS
    | Perm.SEND_MESSAGES_IN_THREADS
)
MODERATOR_PERMISSIONS = MEMBER_PERMISSIONS | Perm.MANAGE_MESSAGES | Perm.PIN_MESSAGES
BOT_PERMISSIONS = (
    Perm.VIEW_CHANNEL
    | Perm.SEND_MESSAGES
    | Perm.SEND_MESSAGES_IN_THREADS
    | Perm.EMBED_LINKS
    | Perm.ATTACH_FILES
    | Perm.READ_MESSAGE_HISTORY
    | Perm.MANAGE_MESSAGES
    | Perm.PIN_MESSAGES
)


class Snowflakes:
    """Discord-shaped ids: a millisecond timestamp in the top bits, a counter below."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def next(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)

    def earlier(self, seconds: float) -> int:
        """An id created `seconds` ago: an interaction that waited in a queue before delivery."""
        ms = int((time.time() - seconds) * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)


def iso_now() -> str:
    """A timestamp in the ISO 8601 form Discord sends."""
    return datetime.now(UTC).isoformat()


def user_json(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": None if bot else name.title(),
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "system": False,
        "public_flags": 0,
        "flags": 0,
    }


@dataclass
class Person:
    """A member of the test guild: a human, or another bot (`bot=True`)."""

    id: int
    name: str
    roles: list[int] = field(default_factory=list)
    bot: bool = False

    def user(self) -> dict[str, Any]:
        return user_json(self.id, self.name, bot=self.bot)

    def member(self, permissions: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "user": self.user(),
            "nick": None,
            "roles": [str(r) for r in self.roles],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
        }
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data


@dataclass
class World:
    """The ids and objects the fake serves; tests read ids from here."""

    ids: Snowflakes = field(default_factory=Snowflakes)
    token: str = "fake.bot.token"
    application_id: int = 0
    bot_id: int = 0
    owner: Person = field(default_factory=lambda: Person(0, "owner"))
    guild_id: int = 0
    guild_name: str = "Election Night"
    channels: dict[str, int] = field(default_factory=dict)
    moderator_role: int = 0
    member: Person = field(default_factory=lambda: Person(0, "voter"))
    other_member: Person = field(default_factory=lambda: Person(0, "neighbour"))
    moderator: Person = field(default_factory=lambda: Person(0, "moderator"))
    other_bot: Person = field(default_factory=lambda: Person(0, "otherbot", bot=True))
    threads: dict[str, int] = field(default_factory=dict)
    dms: dict[int, Person] = field(default_factory=dict)
    """DM channel id -> the person the bot talks to there (opened by `dm_channel_id`)."""
    other_guilds: dict[int, tuple[str, int]] = field(default_factory=dict)
    """More servers the bot is in (`add_guild`): guild id -> (name, its one text channel)."""

    def __post_init__(self) -> None:
        self.application_id = self.bot_id = self.ids.next()
        self.owner = Person(self.ids.next(), "owner")
        self.guild_id = self.ids.next()
        self.channels = {"results": self.ids.next(), "general": self.ids.next()}
        self.moderator_role = self.ids.next()
        self.member = Person(self.ids.next(), "voter")
        self.other_member = Person(self.ids.next(), "neighbour")
        self.moderator = Person(self.ids.next(), "moderator", roles=[self.moderator_role])
        self.other_bot = Person(self.ids.next(), "otherbot", bot=True)
        self.threads = {"results-thread": self.ids.next()}

    @property
    def channel_id(self) -> int:
        """The channel interactions come from unless a test says otherwise."""
        return self.channels["results"]

    def bot_user(self) -> dict[str, Any]:
        return {**user_json(self.bot_id, "ElectionBot", bot=True), "verified": True}

    def application(self) -> dict[str, Any]:
        """GET /applications/@me."""
        return {
            "id": str(self.application_id),
            "name": "ElectionBot",
            "icon": None,
            "description": "Local election results.",
            "summary": "",
            "type": None,
            "rpc_origins": [],
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.owner.user(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "bot": self.bot_user(),
            "interactions_endpoint_url": None,
        }

    def add_guild(self, name: str, shard: tuple[int, int] | None = None) -> int:
        """Another server with one text channel ("results"); with `shard` (id, count), its id
        is drawn so Discord would send its events to that shard. Returns the channel id."""
        guild_id = self.ids.next()
        while shard is not None and (guild_id >> 22) % shard[1] != shard[0]:
            guild_id = self.ids.next()
        channel_id = self.ids.next()
        self.other_guilds[guild_id] = (name, channel_id)
        return channel_id

    @property
    def guild_ids(self) -> list[int]:
        return [self.guild_id, *self.other_guilds]

    def guild_of(self, channel_id: int) -> int | None:
        """The server a channel belongs to (None for a DM or an unknown channel)."""
        if channel_id in self.channels.values() or channel_id in self.threads.values():
            return self.guild_id
        for guild_id, (_, cid) in self.other_guilds.items():
            if cid == channel_id:
                return guild_id
        return None

    def dm_channel_id(self, person: Person) -> int:
        """The DM channel between the bot and `person`, opened on first use."""
        for cid, other in self.dms.items():
            if other.id == person.id:
                return cid
        cid = self.ids.next()
        self.dms[cid] = person
        return cid

    def is_guild_channel(self, channel_id: int) -> bool:
        return self.guild_of(channel_id) is not None

    def channel(self, channel_id: int) -> dict[str, Any] | None:
        """A text channel, thread or DM channel as Discord describes it; None if unknown."""
        if channel_id in self.dms:
            return {
                "id": str(channel_id),
                "type": DM,
                "last_message_id": None,
                "recipients": [self.dms[channel_id].user()],
                "flags": 0,
            }
        for name, tid in self.threads.items():
            if tid == channel_id:
                return self.thread(name, tid)
        for guild_id, (_, cid) in self.other_guilds.items():
            if cid == channel_id:
                return {**self._text_channel("results", cid, 0), "guild_id": str(guild_id)}
        for position, (name, cid) in enumerate(self.channels.items()):
            if cid == channel_id:
                return self._text_channel(name, cid, position)
        return None

    def _text_channel(self, name: str, channel_id: int, position: int) -> dict[str, Any]:
        return {
            "id": str(channel_id),
            "type": GUILD_TEXT,
            "guild_id": str(self.guild_id),
            "name": name,
            "position": position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def thread(self, name: str, thread_id: int) -> dict[str, Any]:
        """A public thread in the results channel, started by a member."""
        return {
            "id": str(thread_id),
            "type": PUBLIC_THREAD,
            "guild_id": str(self.guild_id),
            "parent_id": str(self.channel_id),
            "owner_id": str(self.member.id),
            "name": name,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 2,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": "2024-01-01T00:00:00+00:00",
                "locked": False,
            },
        }

    def roles(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        def role(role_id: int, name: str, perms: int, position: int) -> dict[str, Any]:
            return {
                "id": str(role_id),
                "name": name,
                "color": 0,
                "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
                "hoist": False,
                "icon": None,
                "unicode_emoji": None,
                "position": position,
                "permissions": str(perms),
                "managed": False,
                "mentionable": False,
                "flags": 0,
            }

        if guild_id is not None and guild_id != self.guild_id:
            return [role(guild_id, "@everyone", MEMBER_PERMISSIONS, 0)]
        return [
            role(self.guild_id, "@everyone", MEMBER_PERMISSIONS, 0),
            role(self.moderator_role, "Moderator", MODERATOR_PERMISSIONS, 1),
        ]

    def guild_create(self, guild_id: int | None = None) -> dict[str, Any]:
        """The GUILD_CREATE payload sent after READY (for the main server, or another one)."""
        if guild_id is not None and guild_id != self.guild_id:
            return self._other_guild_create(guild_id)
        channels = [self.channel(cid) for cid in self.channels.values()]
        bot_member = Person(self.bot_id, "ElectionBot").member()
        bot_member["user"] = self.bot_user()
        people = [self.owner, self.member, self.other_member, self.moderator, self.other_bot]
        return {
            "id": str(self.guild_id),
            "name": self.guild_name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner.id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-GB",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "features": [],
            "roles": self.roles(),
            "emojis": [],
            "stickers": [],
            "channels": [c for c in channels if c is not None],
            "threads": [self.thread(name, tid) for name, tid in self.threads.items()],
            "members": [bot_member, *(p.member() for p in people)],
            "member_count": len(people) + 1,
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "large": False,
            "unavailable": False,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "max_members": 500000,
            "application_id": None,
        }

    def _other_guild_create(self, guild_id: int) -> dict[str, Any]:
        name, channel_id = self.other_guilds[guild_id]
        main = self.guild_create()
        people = [self.owner, self.member, self.other_member]
        bot_member = Person(self.bot_id, "ElectionBot").member()
        bot_member["user"] = self.bot_user()
        return {
            **main,
            "id": str(guild_id),
            "name": name,
            "roles": self.roles(guild_id),
            "channels": [self.channel(channel_id)],
            "threads": [],
            "members": [bot_member, *(p.member() for p in people)],
            "member_count": len(people) + 1,
        }
