"""The night's SQLite state survives a restart: follows, the merged election, what was posted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.night.state import NightState, Posted
from knowledge.night import ExpectedContest, FollowedElection

ELECTION = "local.testshire.2026-05-07"


def test_state_survives_reopening(tmp_path: Path) -> None:
    """Everything written is read back by a new connection, as after a restart."""
    path = tmp_path / "night.sqlite3"
    state = NightState(path)
    followed = FollowedElection(
        election_id=ELECTION,
        title="T",
        expected=(ExpectedContest(ballot_paper_id="b1", ward="North", seats=2),),
    )
    state.start(1, 10, 99, followed)
    mark = dt.datetime(2026, 5, 8, 1, 2, 3, tzinfo=dt.UTC)
    state.save(1, followed.model_copy(update={"title": "Testshire"}), mark)
    state.set_pin(1, ELECTION, 555)
    state.record_post(1, ELECTION, "b1", Posted(777, "abc"))
    state.record_post(1, ELECTION, "b1", Posted(778, "def"))
    state.close()

    again = NightState(path)
    (follow,) = again.follows()
    assert (follow.channel_id, follow.pin_message_id, follow.high_water) == (10, 555, mark)
    assert again.followed(1, ELECTION) == followed.model_copy(update={"title": "Testshire"})
    assert again.posts(1, ELECTION) == {"b1": Posted(778, "def")}


def test_stop_and_final_end_the_follow(tmp_path: Path) -> None:
    """A stopped or finished follow is no longer resumed; starting again keeps what was posted."""
    state = NightState(tmp_path / "n.sqlite3")
    followed = FollowedElection(election_id=ELECTION, title="T")
    state.start(1, 10, 99, followed)
    state.record_post(1, ELECTION, "b1", Posted(1, "h"))
    assert state.stop(1, ELECTION) and not state.stop(1, ELECTION)
    assert state.follows() == []
    state.start(1, 11, 98, followed)
    assert state.follows(1)[0].channel_id == 11
    assert state.posts(1, ELECTION) == {"b1": Posted(1, "h")}
    state.set_final(1, ELECTION, 42)
    assert state.follows() == [] and state.follow(1, ELECTION).final_message_id == 42  # type: ignore[union-attr]
