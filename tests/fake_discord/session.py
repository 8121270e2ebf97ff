"""A test's conversation with a running client through the fake: send, then read the answer."""

from __future__ import annotations

from typing import Any

from .events import Actor, Events
from .recording import AUTOCOMPLETE_RESULT, Interaction
from .server import CALLBACK, EDIT_ORIGINAL, FOLLOWUP, POST_MESSAGE, FakeDiscord

MESSAGE_ROUTES = {
    CALLBACK,
    FOLLOWUP,
    EDIT_ORIGINAL,
    POST_MESSAGE,
    "PATCH /channels/{channel_id}/messages/{message_id}",
}


class Session:
    """Interactions built from the commands the client synced to the test guild."""

    def __init__(self, fake: FakeDiscord, *, timeout: float = 5.0) -> None:
        self.fake = fake
        self.timeout = timeout

    @property
    def events(self) -> Events:
        """Built fresh each time, so a re-sync or a permission change is seen."""
        return Events(self.fake.world, self.fake.guild_commands(), self.fake.app_permissions)

    async def send(self, payload: dict[str, Any]) -> Interaction:
        return await self.fake.send_interaction(payload)

    async def answer(self, record: Interaction) -> Interaction:
        return await self.fake.answer(record, self.timeout)

    async def slash(self, command: str, actor: Actor | None = None, **options: Any) -> Interaction:
        """Run `/command option:value ...` as `actor` (default: an ordinary member)."""
        return await self.answer(await self.send(self.events.slash(command, actor, **options)))

    async def autocomplete(
        self, command: str, focused: str, actor: Actor | None = None, **options: Any
    ) -> list[dict[str, Any]]:
        """The choices offered while typing `options[focused]` (default: empty)."""
        payload = self.events.autocomplete(command, focused, actor, **options)
        record = await self.answer(await self.send(payload))
        assert record.callback_type == AUTOCOMPLETE_RESULT
        return record.choices

    async def select(
        self, message: dict[str, Any], values: list[str], actor: Actor | None = None
    ) -> Interaction:
        """Choose `values` in the select menu of a message the client sent."""
        return await self.answer(await self.send(self.events.select(message, values, actor)))

    async def say(self, content: str, actor: Actor | None = None) -> dict[str, Any]:
        """Post a message as `actor` (default: the member, in the results channel); `<@bot>`
        mentions the bot. Returns the message as Discord sent it to the client."""
        message = self.events.message(content, actor)
        await self.fake.post_message(message)
        return message

    async def reply_to(self, message: dict[str, Any]) -> dict[str, Any]:
        """The client's reply to `message` (a message referencing it), once it arrives."""
        replies = self.fake.channels.replies_to
        await self.fake.wait_for(lambda: bool(replies(message["id"])), self.timeout)
        return replies(message["id"])[0]

    async def mention(self, question: str, actor: Actor | None = None) -> dict[str, Any]:
        """Mention the bot with `question` and return its reply."""
        return await self.reply_to(await self.say(f"<@bot> {question}", actor))

    def message_bodies(self) -> list[dict[str, Any]]:
        """Every body the client sent that could show text to users.

        A reply's `"replied_user": false` is dropped from `allowed_mentions`: it is Discord's
        default, so `{"parse": []}` says the same for replies and other messages alike.
        """
        bodies = []
        for call in self.fake.calls:
            if call.route not in MESSAGE_ROUTES or not isinstance(call.body, dict):
                continue
            body = call.body.get("data", {}) if call.route == CALLBACK else call.body
            if call.route == CALLBACK and call.body.get("type") not in (4, 7):
                continue
            mentions = body.get("allowed_mentions")
            if isinstance(mentions, dict) and mentions.get("replied_user") is False:
                rest = {k: v for k, v in mentions.items() if k != "replied_user"}
                body = {**body, "allowed_mentions": rest}
            bodies.append(body)
        return bodies
