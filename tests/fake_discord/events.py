"""INTERACTION_CREATE payloads built from the command schema the bot actually synced.

A test names a command and its options as a user would type them; the builder looks the command
up in what the bot PUT to the fake, checks the options exist, are of the synced type and respect
required/choices/length rules (as the Discord client would), and produces the payload Discord
sends. A test therefore cannot invoke an option the bot never registered.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .world import MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS, Person, World

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = 3, 4, 5, 6, 7, 8, 9, 10
APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE = 2, 3, 4
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024


class SchemaError(AssertionError):
    """The test asked for something the synced schema does not allow."""


@dataclass
class Actor:
    """Who interacts, where, and with which permissions."""

    person: Person
    permissions: int
    channel_id: int


class Events:
    """Builds interaction payloads for one world and one synced command list."""

    def __init__(
        self,
        world: World,
        commands: list[dict[str, Any]],
        app_permissions: Callable[[int], int] | int,
    ) -> None:
        self.world = world
        self.commands = {c["name"]: c for c in commands if c.get("type", 1) == 1}
        self.menus = {c["name"]: c for c in commands if c.get("type", 1) == 3}
        self._app_permissions = app_permissions

    # ----- who -------------------------------------------------------------------------------

    def _actor(self, person: Person, permissions: int, channel_id: int | None) -> Actor:
        return Actor(person, permissions, channel_id or self.world.channel_id)

    def member(self, channel_id: int | None = None) -> Actor:
        return self._actor(self.world.member, MEMBER_PERMISSIONS, channel_id)

    def other_member(self, channel_id: int | None = None) -> Actor:
        return self._actor(self.world.other_member, MEMBER_PERMISSIONS, channel_id)

    def moderator(self, channel_id: int | None = None) -> Actor:
        return self._actor(self.world.moderator, MODERATOR_PERMISSIONS, channel_id)

    def stranger(self, channel_id: int | None = None) -> Actor:
        """A member with a fresh id each time (bursts from many people)."""
        person = Person(self.world.ids.next(), "passer-by")
        return self._actor(person, MEMBER_PERMISSIONS, channel_id)

    def other_bot(self, channel_id: int | None = None) -> Actor:
        """Another bot in the guild (its messages carry `author.bot`)."""
        return self._actor(self.world.other_bot, MEMBER_PERMISSIONS, channel_id)

    def in_thread(self, actor: Actor | None = None) -> Actor:
        """`actor` (default: the member) writing in the results channel's thread."""
        actor = actor or self.member()
        return Actor(actor.person, actor.permissions, self.world.threads["results-thread"])

    def in_dm(self, actor: Actor | None = None) -> Actor:
        """`actor` (default: the member) writing to the bot in a direct message."""
        actor = actor or self.member()
        return Actor(actor.person, actor.permissions, self.world.dm_channel_id(actor.person))

    # ----- what ------------------------------------------------------------------------------

    def slash(self, command: str, actor: Actor | None = None, **options: Any) -> dict[str, Any]:
        """A chat-input command; `command` may be "group sub" for subcommands."""
        data = self._command_data(command, options, focused=None)
        return self._interaction(APPLICATION_COMMAND, data, actor or self.member())

    def autocomplete(
        self, command: str, focused: str, actor: Actor | None = None, **options: Any
    ) -> dict[str, Any]:
        """An autocomplete request while the user types `options[focused]` (default "")."""
        options.setdefault(focused, "")
        data = self._command_data(command, options, focused=focused)
        return self._interaction(AUTOCOMPLETE, data, actor or self.member())

    def select(
        self,
        message: dict[str, Any],
        values: list[str],
        actor: Actor | None = None,
        custom_id: str | None = None,
    ) -> dict[str, Any]:
        """Choosing `values` in the select menu of `message` (a message the bot sent)."""
        menus = [
            comp
            for row in message.get("components") or []
            for comp in row.get("components") or []
            if comp.get("type") == 3 and (custom_id is None or comp.get("custom_id") == custom_id)
        ]
        if len(menus) != 1:
            raise SchemaError(f"expected one select menu in the message, found {len(menus)}")
        menu = menus[0]
        offered = {o["value"] for o in menu.get("options") or []}
        if not set(values) <= offered:
            raise SchemaError(f"{values} not among the menu's values {sorted(offered)}")
        if not menu.get("min_values", 1) <= len(values) <= menu.get("max_values", 1):
            raise SchemaError(f"{len(values)} values outside the menu's min/max")
        data = {"custom_id": menu["custom_id"], "component_type": 3, "values": values}
        actor = actor or self.member(int(message["channel_id"]))
        payload = self._interaction(MESSAGE_COMPONENT, data, actor)
        payload["message"] = message
        return payload

    def message_command(
        self, name: str, message: dict[str, Any], actor: Actor | None = None
    ) -> dict[str, Any]:
        """Right-click `message` -> Apps -> `name` (a synced message command, type 3)."""
        schema = self.menus.get(name)
        if schema is None:
            raise SchemaError(
                f"message command {name!r} was not synced; synced: {sorted(self.menus)}"
            )
        data: dict[str, Any] = {
            "id": schema["id"],
            "name": name,
            "type": 3,
            "target_id": message["id"],
            "resolved": {"messages": {message["id"]: message}},
        }
        actor = actor or self.member(int(message["channel_id"]))
        return self._interaction(APPLICATION_COMMAND, data, actor)

    def user_installed(self, payload: dict[str, Any], context: int = 1) -> dict[str, Any]:
        """`payload` as Discord sends it for an app a user installed to their account, used
        outside the bot's servers: context 1 a DM with the bot, 2 a group DM (no guild, no
        member; the user, authorised by their own install)."""
        if context not in (1, 2):
            raise SchemaError("user-install contexts here are 1 (bot DM) and 2 (group DM)")
        command = self.commands.get(payload["data"].get("name", "")) or self.menus.get(
            payload["data"].get("name", "")
        )
        if command is not None:
            allowed = command.get("contexts")
            installs = command.get("integration_types")
            if allowed is not None and context not in allowed:
                raise SchemaError(f"{command['name']} is not allowed in context {context}")
            if installs is not None and 1 not in installs:
                raise SchemaError(f"{command['name']} cannot be user-installed")
        user = payload["member"]["user"]
        person_id = int(user["id"])
        channel_id = self.world.ids.next()
        if context == 1:
            from .world import Person

            channel_id = self.world.dm_channel_id(Person(person_id, user["username"]))
        out = {k: v for k, v in payload.items() if k not in ("guild_id", "guild", "member")}
        channel = self.world.channel(channel_id) or {
            "id": str(channel_id),
            "type": 3,
            "recipients": [user],
            "flags": 0,
        }
        return {
            **out,
            "user": user,
            "channel_id": str(channel_id),
            "channel": channel,
            "context": context,
            "authorizing_integration_owners": {"1": str(person_id)},
            "app_permissions": str(self._bot_permissions(channel_id)),
        }

    def message(self, content: str, actor: Actor | None = None) -> dict[str, Any]:
        """A MESSAGE_CREATE from `actor` (default: the member, in the results channel).

        `<@bot>` in `content` mentions the bot (`<@!bot>` too, the older nickname form). Discord
        sends the content of a message that mentions the bot, and of a DM, even without the
        privileged message-content intent. Post it with `fake.post_message(payload)` (kept, so it
        can be replied to, then dispatched) or `fake.dispatch("MESSAGE_CREATE", payload)`.
        """
        actor = actor or self.member()
        bot = str(self.world.bot_id)
        content = content.replace("<@bot>", f"<@{bot}>").replace("<@!bot>", f"<@!{bot}>")
        mentioned = f"<@{bot}>" in content or f"<@!{bot}>" in content
        guild: dict[str, Any] = {}
        if self.world.is_guild_channel(actor.channel_id):
            member = actor.person.member()
            member.pop("user")
            guild = {"guild_id": str(self.world.guild_id), "member": member}
        elif self.world.channel(actor.channel_id) is None:
            raise SchemaError(f"unknown channel {actor.channel_id}")
        return {
            "id": str(self.world.ids.next()),
            "channel_id": str(actor.channel_id),
            **guild,
            "author": actor.person.user(),
            "content": content,
            "timestamp": "2024-05-03T00:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,  # only with the Mention Everyone permission
            "mentions": [self._mention() if guild else self.world.bot_user()] if mentioned else [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }

    # ----- building --------------------------------------------------------------------------

    def _mention(self) -> dict[str, Any]:
        member = {"roles": [], "joined_at": "2024-01-01T00:00:00+00:00", "deaf": False}
        return {**self.world.bot_user(), "member": {**member, "mute": False, "flags": 0}}

    def _bot_permissions(self, channel_id: int) -> int:
        perms = self._app_permissions
        return perms(channel_id) if callable(perms) else perms

    def _interaction(self, kind: int, data: dict[str, Any], actor: Actor) -> dict[str, Any]:
        channel = self.world.channel(actor.channel_id)
        if channel is None:
            raise SchemaError(f"unknown channel {actor.channel_id}")
        guild_id = str(self.world.guild_of(actor.channel_id) or self.world.guild_id)
        return {
            "id": str(self.world.ids.next()),
            "application_id": str(self.world.application_id),
            "type": kind,
            "data": data,
            "guild_id": guild_id,
            "guild": {"id": guild_id, "locale": "en-GB", "features": []},
            "channel_id": str(actor.channel_id),
            "channel": channel,
            "member": actor.person.member(actor.permissions),
            "token": "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48),
            "version": 1,
            "app_permissions": str(self._bot_permissions(actor.channel_id)),
            "locale": "en-GB",
            "guild_locale": "en-GB",
            "entitlements": [],
            "authorizing_integration_owners": {"0": guild_id},
            "context": 0,
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }

    def _command_data(
        self, command: str, options: dict[str, Any], focused: str | None
    ) -> dict[str, Any]:
        name, *path = command.split()
        schema = self.commands.get(name)
        if schema is None:
            raise SchemaError(f"/{name} was not synced; synced: {sorted(self.commands)}")
        data: dict[str, Any] = {"id": schema["id"], "name": name, "type": 1}
        if "guild_id" in schema:
            data["guild_id"] = schema["guild_id"]
        container, where = data, schema
        for part in path:
            sub = next((o for o in where.get("options") or [] if o["name"] == part), None)
            if sub is None or sub["type"] not in (SUB_COMMAND, SUB_COMMAND_GROUP):
                raise SchemaError(f"/{command}: no subcommand {part!r}")
            entry: dict[str, Any] = {"name": part, "type": sub["type"], "options": []}
            container.setdefault("options", []).append(entry)
            container, where = entry, sub
        container["options"] = self._options(command, where.get("options") or [], options, focused)
        channels = [
            int(o["value"])
            for o in container["options"]
            if o["type"] == CHANNEL and "focused" not in o
        ]
        if channels:  # Discord sends the chosen channels' details with the ids
            data["resolved"] = {"channels": {str(c): self._resolved_channel(c) for c in channels}}
        return data

    def _resolved_channel(self, channel_id: int) -> dict[str, Any]:
        channel = self.world.channel(channel_id) or {}
        keep = ("id", "name", "type", "parent_id", "guild_id", "thread_metadata")
        resolved = {k: v for k, v in channel.items() if k in keep}
        return {**resolved, "permissions": str(self._bot_permissions(channel_id))}

    def _options(
        self, command: str, schema: list[dict[str, Any]], given: dict[str, Any], focused: str | None
    ) -> list[dict[str, Any]]:
        by_name = {o["name"]: o for o in schema}
        unknown = set(given) - set(by_name)
        if unknown:
            raise SchemaError(
                f"/{command} has no option(s) {sorted(unknown)}; it has {sorted(by_name)}"
            )
        out = []
        for option in schema:
            name = option["name"]
            if name not in given:
                if option.get("required") and focused is None:
                    raise SchemaError(f"/{command}: option {name!r} is required")
                continue
            value = given[name]
            entry: dict[str, Any] = {"name": name, "type": option["type"]}
            if name == focused:
                if not option.get("autocomplete"):
                    raise SchemaError(f"/{command}: option {name!r} does not autocomplete")
                entry["value"] = str(value)
                entry["focused"] = True
            else:
                entry["value"] = self._typed(command, option, value)
            out.append(entry)
        return out

    def _typed(self, command: str, option: dict[str, Any], value: Any) -> Any:
        name, kind = option["name"], option["type"]
        if kind == STRING:
            if not isinstance(value, str):
                raise SchemaError(f"/{command} {name}: expected text, got {value!r}")
            if not option.get("min_length", 0) <= len(value) <= option.get("max_length", 6000):
                raise SchemaError(
                    f"/{command} {name}: length {len(value)} outside the synced limits"
                )
        elif kind == INTEGER:
            if not isinstance(value, int) or isinstance(value, bool):
                raise SchemaError(f"/{command} {name}: expected an integer, got {value!r}")
        elif kind == NUMBER:
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise SchemaError(f"/{command} {name}: expected a number, got {value!r}")
        elif kind == BOOLEAN:
            if not isinstance(value, bool):
                raise SchemaError(f"/{command} {name}: expected true/false, got {value!r}")
        elif kind == CHANNEL:
            if not isinstance(value, int) or self.world.channel(value) is None:
                raise SchemaError(f"/{command} {name}: expected a known channel id, got {value!r}")
            return str(value)
        else:
            raise SchemaError(f"/{command} {name}: option type {kind} is not supported by the fake")
        if kind in (INTEGER, NUMBER):
            low, high = option.get("min_value"), option.get("max_value")
            if (low is not None and value < low) or (high is not None and value > high):
                raise SchemaError(f"/{command} {name}: {value} outside [{low}, {high}]")
        choices = option.get("choices")
        if choices and value not in [c["value"] for c in choices]:
            raise SchemaError(f"/{command} {name}: {value!r} is not one of the synced choices")
        return value
