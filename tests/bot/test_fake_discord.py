"""The fake Discord itself: a bare discord.py bot can connect, sync and answer through it."""

from __future__ import annotations

import discord
from discord import app_commands
from fake_discord import Events, FakeDiscord


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


async def test_bare_bot_connects_syncs_and_answers(point_at_fake: FakeDiscord, run_client) -> None:
    """A plain discord.py bot logs in, syncs its command and answers a slash command."""
    fake = point_at_fake
    async with run_client(TinyBot(fake.world.guild_id), fake.world.token) as client:
        assert client.user is not None and client.user.id == fake.world.bot_id
        assert [c["name"] for c in fake.guild_commands()] == ["hello"]
        events = Events(
            fake.world, fake.guild_commands(), fake.app_permissions(fake.world.channel_id)
        )

        reply = await fake.answer(await fake.send_interaction(events.slash("hello", name="Ada")))
        assert reply.embed["title"] == "Hello Ada"
        assert not reply.ephemeral

        choices = await fake.answer(
            await fake.send_interaction(events.autocomplete("hello", "name", name="A"))
        )
        assert [c["name"] for c in choices.choices] == ["Ada", "Alan"]


async def test_bare_bot_resumes_after_reconnect(point_at_fake: FakeDiscord, run_client) -> None:
    """After op 7 RECONNECT the client resumes and answers, even events sent meanwhile."""
    fake = point_at_fake
    async with run_client(TinyBot(fake.world.guild_id), fake.world.token):
        events = Events(
            fake.world, fake.guild_commands(), fake.app_permissions(fake.world.channel_id)
        )
        await fake.reconnect()
        pending = await fake.send_interaction(events.slash("hello", name="Grace"))
        await fake.wait_for(lambda: fake.gateway.resumes == 1)
        assert (await fake.answer(pending)).embed["title"] == "Hello Grace"
        assert len(fake.gateway.identifies) == 1
