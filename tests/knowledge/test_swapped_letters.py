"""Two neighbouring letters swapped is one slip, the commonest in typing: a first name typed so
("Lcuy Care", "Anen Smith") is read as the name, as a letter dropped would be, not set aside as
only looking alike (the seed's cases sit with the other misspelt names, in
test_typos_near_keywords.py). rapidfuzz's ratio scores a swap as two edits (a letter removed
and added): "anen" is nearer "ann" (85.7) than "anne" (75), so Anne Smith, who stood in the
ward asked about, lost to Ann Smith, who stood elsewhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, answer_question, run_text
from knowledge.answers import AmbiguousAnswer, CandidateAnswer, NotFoundAnswer

StoreBuilder = Callable[..., ResultsStore]
DocumentBuilder = Callable[..., str]


def test_a_swap_is_not_a_different_first_name(seed_store: ResultsStore) -> None:
    """Still one slip, not two: a first name two swaps away is only suggested."""
    answer = answer_question(seed_store, "how did Lcyu Caer do?")
    assert isinstance(answer, NotFoundAnswer), answer.headline
    assert "Lucy Care" in answer.model_dump_json()


@pytest.fixture
def two_anns(make_store: StoreBuilder, document: DocumentBuilder) -> ResultsStore:
    """Anne Smith stood in Olgar North, Ann Smith in Winson."""
    lab, con = "Labour Party (UK)", "Conservative Party (UK)"
    return make_store(
        document(
            "1998 Olgar Borough Council election",
            [
                ("Olgar North", None, [("Anne Smith", lab, 1_200), ("Tom Hale", con, 900)]),
                ("Winson", None, [("Ann Smith", con, 1_604), ("Vic Rowe", lab, 700)]),
            ],
            {"Seats For Election": "2 seats", "Election Date": "7 May 1998"},
        )
    )


def test_a_swapped_first_name_in_a_ward_is_the_person_who_stood_there(
    two_anns: ResultsStore,
) -> None:
    answer = answer_question(two_anns, "did Anen Smith win in Olgar North?")
    assert isinstance(answer, CandidateAnswer), answer.headline
    assert answer.candidate.name == "Anne Smith" and answer.result.ward == "Olgar North"


def test_a_swapped_first_name_alone_asks_which_one_is_meant(two_anns: ResultsStore) -> None:
    """Ann and Anne are each one slip from "Anen": neither is chosen for the user."""
    answer = run_text(two_anns, "/candidate Anen Smith")
    assert isinstance(answer, AmbiguousAnswer), answer.headline
    assert {o.name for o in answer.options} == {"Ann Smith", "Anne Smith"}
