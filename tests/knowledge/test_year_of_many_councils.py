"""A year alone names every council's election that year: asked which, the bot lists a
handful it can show and counts the rest, rather than hundreds of options (at 10,000 elections
"in 1992" means 900 of them: the console printed 908 lines)."""

from __future__ import annotations

import pytest

from knowledge import ResultsStore, answer_question
from knowledge.answers import AmbiguousAnswer
from knowledge.questions.scope import LISTED_ELECTIONS

TOWNS = 40
"""Councils in the `forty_councils` fixture (tests/conftest.py)."""


@pytest.mark.parametrize(
    "question", ["which ward was closest in 1990", "who controls the council in 1990"]
)
def test_a_year_of_forty_councils_lists_some_and_counts_the_rest(
    forty_councils: ResultsStore, question: str
) -> None:
    answer = answer_question(forty_councils, question)
    assert isinstance(answer, AmbiguousAnswer), answer.headline
    assert len(answer.options) == LISTED_ELECTIONS
    assert answer.more == TOWNS - LISTED_ELECTIONS
    assert len({o.key for o in answer.options}) == LISTED_ELECTIONS
    assert f"{TOWNS} elections" in answer.headline, answer.headline


def test_a_year_with_few_councils_lists_them_all(forty_councils: ResultsStore) -> None:
    """Cy Rowe stood everywhere, Di Ash3 in one: a question about Di Ash3 answers."""
    answer = answer_question(forty_councils, "how many votes did Di Ash3 get in 1990")
    assert "500" in answer.headline, answer.headline
