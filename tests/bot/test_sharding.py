"""Sharding against the fake gateway: two shards, each answering the servers Discord sends it."""

from __future__ import annotations

import pytest
from conftest import READY_TIMEOUT, running_client
from fake_discord import FakeDiscord, Session

from bot.settings import Settings
from bot.sharding import ShardedElectionBot, build_bot, shard_of
from knowledge import ResultsStore


class FastShards(ShardedElectionBot):
    """Discord allows one IDENTIFY per 5 s per bucket; the fake has no such limit, so the test
    does not wait between shards."""

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None


async def test_two_shards_each_answer_interactions_of_their_servers(
    point_at_fake: FakeDiscord, derby_store: ResultsStore
) -> None:
    """SHARD_COUNT=2: two sessions identify as shards 0 and 1; each server's interaction comes
    over its own shard and is answered."""
    fake = point_at_fake
    main_shard = shard_of(fake.world.guild_id, 2)
    other_channel = fake.world.add_guild("Second Server", shard=(1 - main_shard, 2))
    bot = FastShards(
        derby_store,
        shard_count=2,
        guild_id=fake.world.guild_id,
        guild_ready_timeout=0.01,
    )
    async with running_client(bot, fake.world.token):
        await fake.wait_for(lambda: fake.gateway.all_connected, READY_TIMEOUT)
        assert sorted(i["shard"] for i in fake.gateway.identifies) == [[0, 2], [1, 2]]
        assert len(bot.guilds) == 2 and bot.shard_count == 2
        session = Session(fake, timeout=10)
        here = await session.slash("ward", name="Abbey")
        there_payload = session.events.slash(
            "ward", session.events.member(other_channel), name="Boulton"
        )
        there = await session.answer(await session.send(there_payload))
        assert here.embed["title"].startswith("Abbey")
        assert there.embed["title"].startswith("Boulton")
        other_guild = fake.world.guild_of(other_channel)
        assert other_guild is not None
        sessions = {fake.gateway.shard_of(g) for g in fake.world.guild_ids}
        assert len(sessions) == 2  # the two servers' events went to different sessions
        assert any(
            p["t"] == "INTERACTION_CREATE" and p["d"]["guild_id"] == str(other_guild)
            for p in fake.gateway.shard_of(other_guild).history
        )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, (False, None, None)),
        ({"shard_count": "auto"}, (True, None, None)),
        ({"shard_count": "4", "shard_ids": "0, 1"}, (True, 4, [0, 1])),
    ],
)
def test_shard_settings(env: dict[str, str], expected: tuple[object, ...]) -> None:
    settings = Settings(_env_file=None, **env)  # type: ignore[arg-type]
    assert (settings.sharded, *settings.shards) == expected


@pytest.mark.parametrize(
    "env", [{"shard_count": "0"}, {"shard_count": "many"}, {"shard_ids": "a,b"}]
)
def test_bad_shard_settings_are_refused(env: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="SHARD_"):
        Settings(_env_file=None, **env)  # type: ignore[arg-type]


def test_shard_ids_beyond_the_count_or_without_one_are_refused(derby_store: ResultsStore) -> None:
    with pytest.raises(ValueError, match="beyond SHARD_COUNT"):
        _ = Settings(_env_file=None, shard_count="2", shard_ids="2").shards
    with pytest.raises(ValueError, match="needs SHARD_COUNT"):
        build_bot(derby_store, shard_count=None, shard_ids=[0], sharded=True)
