"""Two neighbouring letters swapped is one slip, the commonest in typing: a first name typed so
("Lcuy Care", "Anen Smith") is read as the name, as a letter dropped would be, not set aside as
only looking alike. rapidfuzz's ratio scores a swap as two edits (a letter removed and added):
"anen" is nearer "ann" (85.7) than "anne" (75), so Anne Smith, who stood in the ward asked
about, lost to Ann Smith, who stood elsewhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, answer_question, run_text
from knowledge.answers import AmbiguousAnswer, CandidateAnswer, NotFoundAnswer

StoreBuilder = Callable[..., ResultsStore]


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("how did Lcuy Care do?", "Lucy Care"),
        ("did Hilray Edwards win", "Hilary Edwards"),
        ("did Jaent Till get in", "Janet Till"),
        ("how did Anen MacDonald do", "Anne MacDonald"),
        ("how many votes did Graec Smith get", "Grace Smith"),
        ("how did Lucy Caer do?", "Lucy Care"),  # a surname swapped was read already
    ],
)
def test_a_first_name_with_two_letters_swapped_is_the_name(
    seed_store: ResultsStore, question: str, name: str
) -> None:
    answer = answer_question(seed_store, question)
    assert isinstance(answer, CandidateAnswer), (question, answer.headline)
    assert answer.candidate.name == name


def test_a_swap_is_not_a_different_first_name(seed_store: ResultsStore) -> None:
    """Still one slip, not two: a first name two swaps away is only suggested."""
    answer = answer_question(seed_store, "how did Lcyu Caer do?")
    assert isinstance(answer, NotFoundAnswer), answer.headline
    assert "Lucy Care" in answer.model_dump_json()


def _two_anns(make_store: StoreBuilder) -> ResultsStore:
    return make_store(
        """= 1998 Olgar Borough Council election =
Infobox
- Seats For Election: 2 seats to Olgar Borough Council
- Election Date: 7 May 1998

==Ward results==
===Olgar North===
  - Olgar North**
- Anne Smith (Labour Party (UK)): 1,200 votes
- Tom Hale (Conservative Party (UK)): 900 votes
===Winson===
  - Winson**
- Ann Smith (Conservative Party (UK)): 1,604 votes
- Vic Rowe (Labour Party (UK)): 700 votes
"""
    )


def test_a_swapped_first_name_in_a_ward_is_the_person_who_stood_there(
    make_store: StoreBuilder,
) -> None:
    store = _two_anns(make_store)
    answer = answer_question(store, "did Anen Smith win in Olgar North?")
    assert isinstance(answer, CandidateAnswer), answer.headline
    assert answer.candidate.name == "Anne Smith" and answer.result.ward == "Olgar North"


def test_a_swapped_first_name_alone_asks_which_one_is_meant(make_store: StoreBuilder) -> None:
    """Ann and Anne are each one slip from "Anen": neither is chosen for the user."""
    store = _two_anns(make_store)
    answer = run_text(store, "/candidate Anen Smith")
    assert isinstance(answer, AmbiguousAnswer), answer.headline
    assert {o.name for o in answer.options} == {"Ann Smith", "Anne Smith"}
