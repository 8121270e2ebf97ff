"""A year alone names every council's election that year: asked which, the bot lists a
handful it can show and counts the rest, rather than hundreds of options (at 10,000 elections
"in 1992" means 900 of them: the console printed 908 lines)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, answer_question
from knowledge.answers import AmbiguousAnswer
from knowledge.questions.scope import LISTED_ELECTIONS

StoreBuilder = Callable[..., ResultsStore]
DocumentBuilder = Callable[..., str]

LAB, CON = "Labour Party (UK)", "Conservative Party (UK)"
TOWNS = 40


@pytest.fixture(scope="module")
def forty_councils(request: pytest.FixtureRequest) -> ResultsStore:
    document: DocumentBuilder = request.getfixturevalue("document")
    make_store: StoreBuilder = request.getfixturevalue("make_store")
    texts = [
        document(
            f"1990 Town{chr(97 + n // 26)}{chr(97 + n % 26)} Borough Council election",
            [(f"Ward{n} Central", None, [("Cy Rowe", CON, 400 + n), (f"Di Ash{n}", LAB, 500)])],
            {"Seats For Election": "1 seat", "Election Date": "3 May 1990"},
        )
        for n in range(TOWNS)
    ]
    return make_store(*texts)


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
