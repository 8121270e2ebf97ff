"""No one's name has "and" in it: words joined by "and" are a place ("Kingar and Station"), or
two names ("Kim Kingar and Sam Station"), never one person. So the question reader does not
look them up as one person: at 10,000 elections that look-up alone took 6-8 ms a question,
because the place's words are also surnames."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, answer_question
from knowledge.answers import WardAnswer
from knowledge.store import ResultsStore as Store

StoreBuilder = Callable[..., ResultsStore]
DocumentBuilder = Callable[..., str]

LAB, CON = "Labour Party (UK)", "Conservative Party (UK)"


@pytest.fixture(scope="module")
def kingar(request: pytest.FixtureRequest) -> ResultsStore:
    document: DocumentBuilder = request.getfixturevalue("document")
    make_store: StoreBuilder = request.getfixturevalue("make_store")
    return make_store(
        document(
            "2010 Ernor Borough Council election",
            [
                ("Kingar and Station", None, [("Kim Kingar", LAB, 900), ("Sam Station", CON, 800)]),
                ("Rosash", None, [("Di Pratt", LAB, 700), ("Cy Rowe", CON, 600)]),
            ],
            {"Seats For Election": "2 seats", "Election Date": "6 May 2010"},
        )
    )


@pytest.fixture
def people_asked(kingar: ResultsStore, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    resolve = Store.resolve_candidate

    def spy(self: Store, query: str, *args: object, **kwargs: object) -> object:
        asked.append(query)
        return resolve(self, query, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "resolve_candidate", spy)
    return asked


@pytest.mark.parametrize(
    "question", ["who won Kingar and Station?", "who won in Kingar and Station in 2010"]
)
def test_a_place_joined_by_and_is_the_ward_not_a_person(
    kingar: ResultsStore, people_asked: list[str], question: str
) -> None:
    answer = answer_question(kingar, question)
    assert isinstance(answer, WardAnswer), answer.headline
    assert answer.ward == "Kingar and Station"
    assert not [q for q in people_asked if "and" in q.split()], people_asked


def test_two_people_joined_by_and_are_still_two_people(kingar: ResultsStore) -> None:
    answer = answer_question(kingar, "did Kim Kingar and Sam Station both win?")
    assert "Kim Kingar" in answer.headline and "Sam Station" in answer.headline, answer.headline
