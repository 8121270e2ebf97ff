"""A name that stood in many elections: answers list the newest and say how many more."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot import embeds
from bot.text import render
from knowledge import ResultsStore, run_text
from knowledge.answers import CandidateAnswer


@pytest.fixture
def fifteen_elections(
    document: Callable[..., str], make_store: Callable[..., ResultsStore]
) -> ResultsStore:
    """The same candidate in the same ward, in fifteen yearly elections."""
    documents: list[Any] = []
    for year in range(2001, 2016):
        wards = [
            (
                "Northfield",
                1,
                [("Pat Stand", "Labour Party (UK)", 500 + year), ("Kim Other", "Green Party", 100)],
            )
        ]
        text = document(f"{year} Testham Council election", wards)
        documents.append((f"testham_{year}.txt", text))
    return make_store(*documents)


def test_candidate_in_fifteen_elections_lists_ten_and_counts_the_rest(
    fifteen_elections: ResultsStore,
) -> None:
    """The newest election answers; ten others are listed and four more are counted."""
    answer = run_text(fifteen_elections, "/candidate pat stand")
    assert isinstance(answer, CandidateAnswer)
    assert answer.election.year == 2015
    assert len(answer.other_elections) == 10
    assert answer.more_elections == 4
    assert len(answer.elsewhere) == 10
    assert answer.more_elsewhere == 4


def test_text_and_embed_say_how_many_more(fifteen_elections: ResultsStore) -> None:
    """Both renderers point to what was left out instead of listing hundreds of lines."""
    answer = run_text(fifteen_elections, "/candidate pat stand")
    assert "and 4 more" in render(answer)
    embed = embeds.render(answer).to_dict()
    values = " ".join(field["value"] for field in embed.get("fields", []))
    assert "…and 4 more elections" in values
    assert "…and 4 more candidacies under this name" in values


def test_a_year_of_forty_councils_renders_a_short_list(forty_councils: ResultsStore) -> None:
    """Asked which of forty 1990 elections, the console lists some and says how many more."""
    from knowledge import answer_question
    from knowledge.answers import AmbiguousAnswer

    answer = answer_question(forty_councils, "which ward was closest in 1990")
    assert isinstance(answer, AmbiguousAnswer), answer.headline
    text = render(answer)
    assert len(text.splitlines()) < 35, text
    assert f"and {answer.more} more" in text
    embed = embeds.render(answer).to_dict()
    assert f"and {answer.more} more" in embed["description"]
