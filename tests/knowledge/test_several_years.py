"""Several years in one question: each answered in turn, every election cited, and never "no
election called 2016" when 2016 is loaded. (The evaluation's `years` family asks the Eastbury
series; these are the edges.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore
from knowledge.answers import FactAnswer, NotFoundAnswer
from knowledge.questions import answer_question

StoreBuilder = Callable[..., ResultsStore]
DocumentBuilder = Callable[..., str]
CON, LAB = "Conservative Party (UK)", "Labour Party (UK)"


@pytest.fixture(scope="module")
def yearly(make_store: StoreBuilder, document: DocumentBuilder) -> ResultsStore:
    """Annualton, one ward elected every year from 2001 to 2008; the winner is named for it."""
    return make_store(
        *(
            document(
                f"{year} Annualton Borough Council election",
                [("Hill", None, [(f"Winner Of{year}", LAB, 600), (f"Loser Of{year}", CON, 400)])],
                {"Seats For Election": "1 seat", "Election Date": f"1 May {year}"},
            )
            for year in range(2001, 2009)
        )
    )


def test_each_year_is_answered_and_cited(yearly: ResultsStore) -> None:
    answer = answer_question(yearly, "who won Hill in 2003 and 2005?")
    assert isinstance(answer, FactAnswer)
    assert answer.headline is not None
    assert answer.headline.startswith("In 2003: Winner Of2003 (Labour) won Hill")
    assert "In 2005: Winner Of2005 (Labour) won Hill" in answer.headline
    assert answer.election.year == 2005
    assert [e.year for e in answer.other_elections] == [2003]
    assert answer.lines == (
        "2003: from the 2003 Annualton Borough Council election",
        "2005: from the 2005 Annualton Borough Council election",
    )


def test_a_long_list_of_years_is_cut_and_the_rest_named(yearly: ResultsStore) -> None:
    question = "who won Hill in 2001, 2002, 2003, 2004, 2005, 2006, 2007 and 2008"
    answer = answer_question(yearly, question)
    assert isinstance(answer, FactAnswer) and answer.headline is not None
    assert "In 2006: Winner Of2006" in answer.headline
    assert "Of2007" not in answer.headline
    assert answer.headline.endswith("Ask about 2007 and 2008 on their own.")


def test_a_year_not_loaded_is_said_beside_the_years_that_are(yearly: ResultsStore) -> None:
    answer = answer_question(yearly, "who won Hill in 2004 and 2012")
    assert answer.headline is not None
    assert "In 2004: Winner Of2004" in answer.headline
    assert "In 2012: I don't have the 2012 election" in answer.headline


def test_years_in_different_parts_of_the_question_are_not_called_missing(
    yearly: ResultsStore,
) -> None:
    answer = answer_question(yearly, "who won Hill in 2003 and who came second in 2005")
    assert isinstance(answer, NotFoundAnswer)
    assert answer.headline == (
        "I can answer about one year at a time: ask about 2003 and 2005 separately."
    )


def test_the_same_year_twice_is_one_question(yearly: ResultsStore) -> None:
    answer = answer_question(yearly, "who won Hill in 2003 and 2003")
    assert not isinstance(answer, FactAnswer)
    assert answer.headline is not None and "Winner Of2003" in answer.headline


def test_a_council_named_beside_the_years_stays_in_each_question(yearly: ResultsStore) -> None:
    answer = answer_question(yearly, "who won Hill in Annualton in 2003 and 2005")
    assert isinstance(answer, FactAnswer) and answer.headline is not None
    assert "In 2003: Winner Of2003" in answer.headline
    assert "In 2005: Winner Of2005" in answer.headline
