"""Mistyped names read as names: one letter-swap from a question word ("Simth": sixth,
"Matrin": margin) where a name sits (capitalised inside the question, or after a first name),
and a name typed without its space ("LucyCare")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, answer_question
from knowledge.answers import CandidateAnswer
from knowledge.questions.lexicon import lexicon_for


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("did Grace Simth win", "Grace Smith"),
        ("how many votes did Martin Repton get", "Martin Repton"),  # control: no typo
        ("how many votes did Matrin Repton get", "Martin Repton"),
        ("did Robin Partt win in Abbey", "Robin Pratt"),
        ("how did david turnre do", "David Turner"),
        ("did Michael Haryd get in", "Michael Hardy"),
        # typed without its space
        ("did LucyCare win", "Lucy Care"),
        ("how did ChrisWilliamson do", "Chris Williamson"),
        # two neighbours swapped in the first name: one slip (test_swapped_letters.py)
        ("how did Lcuy Care do?", "Lucy Care"),
        ("did Hilray Edwards win", "Hilary Edwards"),
        ("did Jaent Till get in", "Janet Till"),
        ("how did Anen MacDonald do", "Anne MacDonald"),
        ("how many votes did Graec Smith get", "Grace Smith"),
        ("how did Lucy Caer do?", "Lucy Care"),  # a surname swapped was read already
    ],
)
def test_a_misspelt_name_is_read_as_the_name(
    seed_store: ResultsStore, question: str, name: str
) -> None:
    answer = answer_question(seed_store, question)
    assert isinstance(answer, CandidateAnswer), (question, answer.headline)
    assert answer.candidate.name == name


@pytest.mark.parametrize(
    "question",
    ["who won by the biggest margni", "which party had the sixht most votes"],
)
def test_a_misspelt_question_word_still_reads_as_that_word(
    seed_store: ResultsStore, question: str
) -> None:
    """Lower case and not after a name: the question word it resembles is meant."""
    answer = answer_question(seed_store, question)
    assert answer.kind != "not_found", answer.headline


def test_a_name_with_a_capital_inside_is_not_split(make_store: Callable[..., ResultsStore]) -> None:
    """McDonald is one name word here, so it is not spaced into "Mc Donald", though "mc" and
    "donald" are name words too; a run-together "IanPike" is."""
    store = make_store(
        "= 2010 Tieton Borough Council election =\n"
        "==Ward results==\n===Northgate===\n  - Northgate**\n"
        "- Ian McDonald (Labour Party (UK)): 900 votes\n"
        "- Donald Mc (Conservative Party (UK)): 100 votes\n"
        "- Ann Pike (Conservative Party (UK)): 50 votes\n"
    )
    spaced = lexicon_for(store).spaced
    assert spaced("did Ian McDonald win") == "did Ian McDonald win"
    assert spaced("did IanPike win") == "did Ian Pike win"
