"""A change of control: who held the council just before an election, from the document's own
word or its Seats Before, compared with after. (The evaluation's `control_change` family asks
the real Worthing, Cambridge and Burnley articles; these are the edges.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore
from knowledge.control import control_before
from knowledge.questions import answer_question

StoreBuilder = Callable[..., ResultsStore]
DocumentBuilder = Callable[..., str]
CON, LAB, LD = "Conservative Party (UK)", "Labour Party (UK)", "Liberal Democrats (UK)"


def _thirds(document: DocumentBuilder, infobox: dict[str, str | int]) -> str:
    """Thirdsby, two seats of nine contested; the infobox carries the council before and
    after."""
    return document(
        "2010 Thirdsby Borough Council election",
        [
            ("Mill", None, [("Ann Mill", CON, 700), ("Bob Mill", LAB, 600)]),
            ("Hill", None, [("Cy Hill", LAB, 500), ("Di Hill", CON, 450)]),
        ],
        {"Seats For Election": "2 of 9 seats", "Election Date": "6 May 2010", **infobox},
    )


BEFORE_AND_AFTER: dict[str, str | int] = {
    "Party1": LAB, "Seats Before1": 5, "Seats After1": 4,
    "Party2": CON, "Seats Before2": 3, "Seats After2": 4,
    "Party3": LD, "Seats Before3": 1, "Seats After3": 1,
}  # fmt: skip


@pytest.fixture(scope="module")
def thirdsby(make_store: StoreBuilder, document: DocumentBuilder) -> ResultsStore:
    return make_store(_thirds(document, BEFORE_AND_AFTER))


def test_seats_before_give_control_before(thirdsby: ResultsStore) -> None:
    election = thirdsby.elections[0]
    before = control_before(election, thirdsby.facts(election.id), thirdsby.book)
    assert before is not None
    assert (before.party, before.stated, before.size) == ("labour", False, 9)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("did labour lose control", "Yes — Labour lost control of Thirdsby Borough Council"),
        ("did labour keep control", "No — Labour lost control"),
        ("did the tories take control", "No — the Conservatives didn't control"),
        ("did the lib dems lose control", "No — the Liberal Democrats didn't control"),
    ],
)
def test_a_change_of_control_is_answered_from_before_and_after(
    thirdsby: ResultsStore, question: str, start: str
) -> None:
    headline = answer_question(thirdsby, question).headline
    assert headline is not None and headline.startswith(start), headline


def test_who_controls_says_who_lost_control(thirdsby: ResultsStore) -> None:
    headline = answer_question(thirdsby, "who controls the council").headline
    assert headline is not None
    assert "no overall control (Labour lost control)" in headline


def test_seats_before_that_leave_out_a_sitting_party_settle_nothing(
    make_store: StoreBuilder, document: DocumentBuilder
) -> None:
    """The Liberal Democrats hold a seat after but have no Seats Before: the count before may
    be short, so Labour's 5 is not known to be a majority."""
    infobox = {k: v for k, v in BEFORE_AND_AFTER.items() if k != "Seats Before3"}
    store = make_store(_thirds(document, infobox))
    election = store.elections[0]
    assert control_before(election, store.facts(election.id), store.book) is None
    headline = answer_question(store, "did labour lose control").headline
    assert headline is not None
    assert headline.startswith("The document doesn't say who controlled Thirdsby"), headline
    assert not headline.startswith(("Yes", "No"))


def test_the_document_s_word_on_control_before_comes_first(
    make_store: StoreBuilder, document: DocumentBuilder
) -> None:
    """Seats Before show Labour with 5 of 9, but the document says no overall control (a
    councillor may have left the group): its word is taken."""
    store = make_store(
        _thirds(document, {**BEFORE_AND_AFTER, "Before Election": "No overall control"})
    )
    headline = answer_question(store, "did labour lose control").headline
    assert headline is not None
    assert headline.startswith("No — Labour didn't control Thirdsby Borough Council"), headline
    assert "was under no overall control before the election" in headline


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("is labour in control", "Yes — the document says Labour controls Thirdsby"),
        ("do the tories control the council", "No — the document says Labour controls"),
        ("did labour keep control", "Yes — Labour kept control of Thirdsby"),
    ],
)
def test_control_the_document_states_answers_when_the_seats_cannot(
    make_store: StoreBuilder, document: DocumentBuilder, question: str, start: str
) -> None:
    """No seats after the election, but the document says who controls the council after it
    (and before): its word answers, rather than "control can't be worked out"."""
    stated: dict[str, str | int] = {
        "Before Election": LAB,
        "After Election": LAB,
        "Party1": LAB,
        "Party2": CON,
    }
    store = make_store(_thirds(document, stated))
    headline = answer_question(store, question).headline
    assert headline is not None and headline.startswith(start), headline


def test_a_party_in_control_after_did_not_lose_it_whatever_came_before(
    make_store: StoreBuilder, document: DocumentBuilder
) -> None:
    store = make_store(_thirds(document, {"After Election": LAB, "Party1": LAB, "Party2": CON}))
    headline = answer_question(store, "did labour lose control").headline
    assert headline is not None and headline.startswith("No — the document doesn't say"), headline
