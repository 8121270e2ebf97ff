"""A surname that is also a ward's name, asked about as a person ("how did Shawsal do in
Tonfen"): the person who stood in the ward named after "in", not two wards compared. Found by
a truth check at 1,000 elections, where ward names are often surnames too."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, answer_question
from knowledge.answers import CandidateAnswer

LAB, CON = "Labour Party (UK)", "Conservative Party (UK)"


@pytest.fixture(scope="module")
def stonley(request: pytest.FixtureRequest) -> ResultsStore:
    document: Callable[..., str] = request.getfixturevalue("document")
    make_store: Callable[..., ResultsStore] = request.getfixturevalue("make_store")
    return make_store(
        document(
            "2000 Stonley Borough Council election",
            [
                ("Shawsal", None, [("Di Pratt", LAB, 700), ("Cy Rowe", CON, 600)]),
                ("Tonfen", None, [("Kim Shawsal", LAB, 912), ("Ed Lane", CON, 880)]),
            ],
            {"Seats For Election": "2 seats", "Election Date": "4 May 2000"},
        )
    )


@pytest.mark.parametrize(
    "question",
    [
        "how did Shawsal do in Tonfen?",
        "how did Shawsal do in Tonfen in 2000",
        "how did Shawsal fare in Tonfen",
        "did Shawsal win in Tonfen?",
    ],
)
def test_the_person_named_like_a_ward_is_the_person(stonley: ResultsStore, question: str) -> None:
    answer = answer_question(stonley, question)
    assert isinstance(answer, CandidateAnswer), answer.headline
    assert "Kim Shawsal" in (answer.headline or "") and "912" in (answer.headline or "")
