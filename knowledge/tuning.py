"""Every tuned weight and threshold of name resolution and question reading, in one place.

They were found by running the question evaluation (tests/knowledge/questions_eval*.toml) and
the name-resolution tests; change one only with those green. Scores of name matches are
rapidfuzz's 0-100; the recognition scores are in "cue words" (a matched cue phrase of n words
scores n), so the slot and cost weights below are comparable with one cue word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Weights:
    """The tuned numbers, each with the reason for its value."""

    # Name resolution (knowledge/resolve.py) ------------------------------------------------
    accept: float = 80.0
    """Below this a match is never used as the answer: the user is asked instead."""
    ambiguity_margin: float = 4.0
    """Matches within this many points of the best are offered as options, not guessed."""
    suggest_floor: float = 55.0
    """The lowest score offered as a "did you mean" suggestion."""
    nickname: float = 92.0
    """How well a nickname matches the name it stands for ("bob" and "robert")."""
    initial: float = 90.0
    """How well a one- or two-letter word matches a word it begins ("l" and "lucy")."""

    # Words of a question (knowledge/questions/lexicon.py) -----------------------------------
    name_similarity: float = 80.0
    """A question word this close to a name word may be that name, mistyped."""
    short_name_similarity: float = 88.0
    """The same for words of four letters or fewer, where one letter is a lot."""
    keyword_similarity: float = 80.0
    """A word this close to a cue word is read as the cue word mistyped ("votse")."""

    # Splitting a run of words into names (knowledge/questions/segment.py) ------------------
    uncovered_penalty: float = 12.0
    """A name-like word left out of every name: worse than a poor match."""
    span_cost: float = 1.0
    """Each name found costs a little, so one name of two words beats two names of one."""
    complete: float = 99.0
    """A match this good is a whole name, taken at once."""
    word_similarity: float = 75.0
    joined_similarity: float = 90.0
    looks_like: float = 0.01
    soft_weight: float = 0.1
    """An ordinary word that is also part of a name counts this much of a word."""
    council_name: float = 5.0
    """Words that are a loaded council's own name ("Rotherham") choose its election: worth
    more than a ward or party named after the town matching the same words."""

    # Choosing the intent (knowledge/questions/recognise.py) ---------------------------------
    slot: float = 1.5
    """Each required name the question gives."""
    context: float = 1.0
    """Each optional name used ("did Care win *in Spondon*")."""
    unknown_slot: float = 1.0
    """A name the store doesn't know standing in a missing slot ("who won in Narnia")."""
    implicit_slot: float = 0.5
    """The ward of a by-election, not named because there is only one."""
    alternative_cost: float = 1.0
    """Reading words as the spotter's second choice of kind."""
    place: float = 1.0
    """A ward named after "in" reads as a place."""
    person_in_place: float = 1.5
    """A person read from the words after "in" or "at" costs this beside the other kind read
    there (the council Ernor, not Gil Ernor, in "which ward was closest in Ernor"): as much as
    the slot the person would fill."""
    unused_name: float = 3.0
    unused_unknown: float = 2.0
    unused_proper_noun: float = 3.0
    """An unexplained capitalised word ("in Barnsley") is probably a name we would ignore."""


WEIGHTS: Final = Weights()
"""The weights in use."""
