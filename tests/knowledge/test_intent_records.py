"""The intent records check themselves: examples, replies and overlapping cues."""

from __future__ import annotations

from questions_eval_documents import eval_store

from knowledge.questions.intents import INTENTS
from knowledge.questions.validate import cue_overlaps, example_problems, reply_problems


def test_every_example_is_recognised_as_its_record_and_answered_with_its_facts() -> None:
    """A new cue that takes another record's questions fails here, naming the example."""
    assert example_problems(eval_store) == []


def test_every_record_has_a_reply_and_every_reply_a_record() -> None:
    assert reply_problems() == []


def test_no_two_records_of_one_priority_share_a_required_cue() -> None:
    """Records that could score the same on one question must differ in priority."""
    assert cue_overlaps() == []


def test_records_are_tried_highest_priority_first() -> None:
    priorities = [intent.priority for intent in INTENTS]
    assert priorities == sorted(priorities, reverse=True)


def test_cue_overlaps_are_reported_between_records_of_equal_priority() -> None:
    """The overlap check itself: a copy of a record at the same priority is reported."""
    import dataclasses

    twin = dataclasses.replace(INTENTS[0], name="twin")
    assert cue_overlaps([INTENTS[0], twin]) != []
