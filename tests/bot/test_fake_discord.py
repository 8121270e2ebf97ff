"""The fake Discord itself: a bare discord.py bot works through it, and it keeps Discord's rules."""

from __future__ import annotations

import io
from typing import Any

import aiohttp
import discord
from conftest import ErrorLogs, running_client
from discord import app_commands
from fake_discord import CALLBACK, Events, FakeDiscord


class TinyBot(discord.Client):
    """The smallest slash-command bot: one command, synced to the test guild."""

    def __init__(self, guild_id: int) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.01)
        self.tree = app_commands.CommandTree(self)
        self.guild = discord.Object(guild_id)

        @self.tree.command(guild=self.guild, description="Say hello")
        @app_commands.describe(name="Who to greet")
        async def hello(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(
                embed=discord.Embed(title=f"Hello {name}"),
                allowed_mentions=discord.AllowedMentions.none(),
            )

        @hello.autocomplete("name")
        async def names(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [
                app_commands.Choice(name=n, value=n)
                for n in ("Ada", "Alan")
                if n.startswith(current)
            ]

    async def setup_hook(self) -> None:
        await self.tree.sync(guild=self.guild)


def events(fake: FakeDiscord) -> Events:
    return Events(fake.world, fake.guild_commands(), fake.app_permissions)


async def test_bare_bot_connects_syncs_and_answers(point_at_fake: FakeDiscord) -> None:
    """A plain discord.py bot logs in, syncs its command and answers a slash command."""
    fake = point_at_fake
    async with running_client(TinyBot(fake.world.guild_id), fake.world.token) as client:
        assert client.user is not None and client.user.id == fake.world.bot_id
        assert [c["name"] for c in fake.guild_commands()] == ["hello"]

        reply = await fake.answer(
            await fake.send_interaction(events(fake).slash("hello", name="Ada"))
        )
        assert reply.embed["title"] == "Hello Ada"
        assert not reply.ephemeral

        payload = events(fake).autocomplete("hello", "name", name="A")
        choices = await fake.answer(await fake.send_interaction(payload))
        assert [c["name"] for c in choices.choices] == ["Ada", "Alan"]


async def test_bare_bot_resumes_after_reconnect(point_at_fake: FakeDiscord) -> None:
    """After op 7 RECONNECT the client resumes and answers, even events sent meanwhile."""
    fake = point_at_fake
    async with running_client(TinyBot(fake.world.guild_id), fake.world.token):
        await fake.reconnect()
        pending = await fake.send_interaction(events(fake).slash("hello", name="Grace"))
        await fake.wait_for(lambda: fake.gateway.resumes == 1)
        assert (await fake.answer(pending)).embed["title"] == "Hello Grace"
        assert len(fake.gateway.identifies) == 1


async def post(fake: FakeDiscord, path: str, body: Any) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as http,
        http.post(fake.api_base + path, json=body) as response,
    ):
        return response.status, await response.json()


async def interaction(fake: FakeDiscord) -> str:
    """Send a /hello interaction (no client needed); returns its callback path."""
    fake.commands[fake.world.guild_id] = [
        {"id": "1", "name": "hello", "type": 1, "description": "d", "options": []}
    ]
    record = await fake.send_interaction(events(fake).slash("hello"))
    return f"/interactions/{record.id}/{record.token}/callback"


async def callback_for(fake: FakeDiscord, body: dict[str, Any]) -> tuple[int, Any]:
    return await post(fake, await interaction(fake), body)


async def test_unknown_routes_are_recorded_and_logged(
    fake_discord: FakeDiscord, error_logs: ErrorLogs
) -> None:
    """A route the fake does not serve answers 404 and is recorded (which fails a bot test)."""
    error_logs.expect("does not serve POST /api/v10/guilds/1/bans")
    status, _ = await post(fake_discord, "/guilds/1/bans", {})
    assert status == 404
    assert [c.path for c in fake_discord.unknown_calls] == ["/guilds/1/bans"]
    fake_discord.calls.clear()  # this test made the call on purpose


async def test_oversized_embed_is_refused_like_discord_does(fake_discord: FakeDiscord) -> None:
    """An embed over Discord's limits gets 400 Invalid Form Body (code 50035)."""
    embed = {"title": "t" * 257, "description": "d"}
    status, body = await callback_for(fake_discord, {"type": 4, "data": {"embeds": [embed]}})
    assert (status, body["code"]) == (400, 50035)


async def test_second_acknowledgement_is_refused(fake_discord: FakeDiscord) -> None:
    """Answering an interaction twice gets Discord's 40060."""
    path = await interaction(fake_discord)
    assert (await post(fake_discord, path, {"type": 5}))[0] == 200
    status, body = await post(fake_discord, path, {"type": 5})
    assert (status, body["code"]) == (400, 40060)


async def test_late_answer_is_refused_after_three_seconds(fake_discord: FakeDiscord) -> None:
    """A callback after Discord's deadline is an unknown interaction (10062)."""
    fake_discord.interactions.deadline = 0.0
    status, body = await callback_for(fake_discord, {"type": 4, "data": {"content": "hi"}})
    assert (status, body["code"]) == (404, 10062)


async def test_injected_rate_limit_carries_what_discord_py_needs_to_retry(
    fake_discord: FakeDiscord,
) -> None:
    """An injected 429 has Retry-After, a `Via` header and a JSON body with retry_after."""
    fake_discord.rate_limit_next(CALLBACK, retry_after=0.25)
    path = await interaction(fake_discord)
    async with (
        aiohttp.ClientSession() as http,
        http.post(fake_discord.api_base + path, json={"type": 5}) as response,
    ):
        assert response.status == 429
        assert response.headers["Via"] and response.headers["Retry-After"] == "0.25"
        assert response.headers["Content-Type"] == "application/json"
        assert (await response.json())["retry_after"] == 0.25


async def test_files_sent_with_a_reply_are_recorded(point_at_fake: FakeDiscord) -> None:
    """A reply with an attached picture (multipart) is recorded with its file and attachment."""
    fake = point_at_fake
    client = TinyBot(fake.world.guild_id)

    @client.tree.command(guild=client.guild, description="A picture")
    async def picture(interaction: discord.Interaction) -> None:
        file = discord.File(io.BytesIO(b"\x89PNG fake"), filename="chart.png")
        embed = discord.Embed(title="Chart").set_image(url="attachment://chart.png")
        await interaction.response.send_message(embed=embed, file=file)

    async with running_client(client, fake.world.token):
        reply = await fake.answer(await fake.send_interaction(events(fake).slash("picture")))
    call = fake.calls_to(CALLBACK)[-1]
    assert [(f["filename"], f["size"]) for f in call.files] == [("chart.png", 9)]
    assert reply.message["attachments"][0]["filename"] == "chart.png"
    assert reply.embed["image"]["url"] == "attachment://chart.png"


async def test_a_message_mentioning_the_bot_reaches_on_message(point_at_fake: FakeDiscord) -> None:
    """MESSAGE_CREATE payloads built by `Events.message` are parsed by discord.py."""
    fake = point_at_fake
    client = TinyBot(fake.world.guild_id)
    seen: list[discord.Message] = []
    client.event(_collect(seen))
    async with running_client(client, fake.world.token):
        await fake.dispatch("MESSAGE_CREATE", events(fake).message("<@bot> who won Abbey?"))
        await fake.wait_for(lambda: bool(seen))
    assert client.user is not None and seen[0].mentions == [client.user]
    assert seen[0].content.endswith("who won Abbey?")


def _collect(seen: list[discord.Message]) -> Any:
    async def on_message(message: discord.Message) -> None:
        seen.append(message)

    return on_message
