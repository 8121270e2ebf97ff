"""An answer's heading names its election once: "Abbey and Boulton — 2002 Derby City Council
election", not the election twice (the answer's title held it and each renderer added it)."""

from __future__ import annotations

import pytest

from bot import embeds
from bot.text import render
from knowledge import ResultsStore, answer_question
from knowledge.answers import FactAnswer, RankingAnswer

ELECTION = "2002 Derby City Council election"


@pytest.mark.parametrize(
    "question",
    [
        "who won in Abbey and Boulton?",  # two wards compared
        "who got the most votes?",  # a ranking of candidates
        "how many votes did Labour get in Abbey and Boulton combined?",
        "how many votes were cast in Abbey and Boulton altogether?",
        "which ward had the highest turnout?",
    ],
)
def test_the_heading_names_the_election_once(seed_store: ResultsStore, question: str) -> None:
    answer = answer_question(seed_store, question)
    assert isinstance(answer, FactAnswer | RankingAnswer), (type(answer), answer.headline)
    heading = render(answer).splitlines()[2]
    assert heading.count(ELECTION) == 1, heading
    title = embeds.render(answer).to_dict()["title"]
    assert title.count(ELECTION) == 1, title
