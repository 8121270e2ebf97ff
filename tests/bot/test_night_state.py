"""The night's state in the settings database survives a restart: follows, the merged election,
what was posted. Every test runs on SQLite and on PostgreSQL (tests/bot/settings_backends.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.guild_settings import SCHEMA_VERSION, SettingsStore, open_store
from bot.night.state import NightState, Posted
from knowledge.night import ExpectedContest, FollowedElection

ELECTION = "local.testshire.2026-05-07"
BIG = 1_234_567_890_123_456_789  # a Discord snowflake: needs a 64-bit column


def test_state_survives_reopening(database: tuple[Path, str | None]) -> None:
    """Everything written is read back by a new connection, as after a restart."""
    store = open_store(*database)
    state = NightState(store)
    followed = FollowedElection(
        election_id=ELECTION,
        title="T",
        expected=(ExpectedContest(ballot_paper_id="b1", ward="North", seats=2),),
    )
    state.start(BIG, 10, 99, followed)
    mark = dt.datetime(2026, 5, 8, 1, 2, 3, tzinfo=dt.UTC)
    state.save(BIG, followed.model_copy(update={"title": "Testshire"}), mark)
    state.set_pin(BIG, ELECTION, BIG + 1)
    state.record_post(BIG, ELECTION, "b1", Posted(777, "abc"))
    state.record_post(BIG, ELECTION, "b1", Posted(BIG + 2, "def"))
    store.close()

    reopened = open_store(*database)
    try:
        again = NightState(reopened)
        (follow,) = again.follows()
        assert (follow.guild_id, follow.channel_id) == (BIG, 10)
        assert (follow.pin_message_id, follow.high_water, follow.active) == (BIG + 1, mark, True)
        assert again.followed(BIG, ELECTION) == followed.model_copy(update={"title": "Testshire"})
        assert again.posts(BIG, ELECTION) == {"b1": Posted(BIG + 2, "def")}
        assert again.followed(BIG, "local.other.2026-05-07") is None
    finally:
        reopened.close()


def test_stop_and_final_end_the_follow(settings_store: SettingsStore) -> None:
    """A stopped or finished follow is no longer resumed; starting again keeps what was posted."""
    state = NightState(settings_store)
    followed = FollowedElection(election_id=ELECTION, title="T")
    state.start(1, 10, 99, followed)
    state.record_post(1, ELECTION, "b1", Posted(1, "h"))
    assert state.stop(1, ELECTION) and not state.stop(1, ELECTION)
    assert state.follows() == [] and state.follows(active=False)[0].channel_id == 10
    state.start(1, 11, 98, followed)
    assert state.follows(1)[0].channel_id == 11 and state.follows(2) == []
    assert state.posts(1, ELECTION) == {"b1": Posted(1, "h")}
    state.set_final(1, ELECTION, 42)
    assert state.follows() == [] and state.follow(1, ELECTION).final_message_id == 42  # type: ignore[union-attr]


def test_two_processes_share_one_state(database: tuple[Path, str | None]) -> None:
    """Two stores on one database (two shard processes) see each other's follows and posts."""
    first, second = open_store(*database), open_store(*database)
    try:
        assert first.schema_version() == second.schema_version() == SCHEMA_VERSION
        NightState(first).start(5, 50, 7, FollowedElection(election_id=ELECTION, title="T"))
        NightState(first).record_post(5, ELECTION, "b9", Posted(9, "x"))
        other = NightState(second)
        assert [f.guild_id for f in other.follows()] == [5]
        assert other.posts(5, ELECTION) == {"b9": Posted(9, "x")}
    finally:
        first.close()
        second.close()
