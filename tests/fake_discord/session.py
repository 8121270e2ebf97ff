"""A test's conversation with a running client through the fake: send, then read the answer."""

from __future__ import annotations

from typing import Any

from .events import Actor, Events
from .recording import AUTOCOMPLETE_RESULT, Interaction
from .server import CALLBACK, EDIT_ORIGINAL, FOLLOWUP, FakeDiscord

MESSAGE_ROUTES = {
    CALLBACK,
    FOLLOWUP,
    EDIT_ORIGINAL,
    "POST /channels/{channel_id}/messages",
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

    def message_bodies(self) -> list[dict[str, Any]]:
        """Every body the client sent that could show text to users."""
        bodies = []
        for call in self.fake.calls:
            if call.route not in MESSAGE_ROUTES or not isinstance(call.body, dict):
                continue
            body = call.body.get("data", {}) if call.route == CALLBACK else call.body
            if call.route == CALLBACK and call.body.get("type") not in (4, 7):
                continue
            bodies.append(body)
        return bodies
