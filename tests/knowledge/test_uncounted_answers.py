"""Questions about a source that names the winners without vote counts (Democracy Club's
candidates download for South Ribble 2019: an `elected` column, no votes). Every answer says
who won where it can and that no counts are given; none invents a figure from the missing
counts (`0 votes`, `0.0%`, a poll position, "did not stand", "no contest")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import PartyBook, ResultsStore, answer_question

DOCUMENT = (
    Path(__file__).resolve().parent
    / "blind_documents"
    / "candidates-local.south-ribble.2019-05-02.csv"
)
PARTIES = Path(__file__).resolve().parents[2] / "data" / "parties.toml"

INVENTED = re.compile(
    r"\b0 votes?\b|\b0\.0%|[(,] 0\)|— of the votes|did not stand|no contest|\b0 of 0\b"
    r"|\b(?:1st|2nd|3rd|[4-9]th)\b|both got|no candidate got|no candidate was elected with"
    r"|unopposed",  # no ward of this election went unopposed
    re.IGNORECASE,
)
NO_COUNTS = "no vote counts"

CASES: list[tuple[str, tuple[str, ...]]] = [
    # a party over the council
    ("how did the greens do", ("Nicola D'Arcy", NO_COUNTS)),
    ("how did the lib dems do", ("Jim Aspinall", NO_COUNTS)),
    ("was there a green candidate", ("Nicola D'Arcy",)),
    ("how many votes did labour get", (NO_COUNTS,)),
    ("what share did the conservatives get", (NO_COUNTS,)),
    ("what's labour's share of the vote", (NO_COUNTS,)),
    ("labour's best result", (NO_COUNTS,)),
    ("labour's worst ward", (NO_COUNTS,)),
    ("which labour candidate got the most votes", (NO_COUNTS,)),
    ("did labour get more votes than the conservatives", (NO_COUNTS,)),
    # a party in a ward
    ("what about labour in broad oak", ("Aidan Fitzgerald", "Louise Pemberton", NO_COUNTS)),
    ("did labour win in broad oak", ("No", "Karen Eastham", NO_COUNTS)),
    ("how many votes did labour get in broad oak", (NO_COUNTS,)),
    ("what was labour's vote share in broad oak", (NO_COUNTS,)),
    ("lib dem votes in broad oak", (NO_COUNTS,)),
    ("what about labour in lostock hall", ("Angela Hesketh", "Christopher Naylor", NO_COUNTS)),
    ("which labour candidates stood in seven stars", ("Terri Bretherton", "Haroon Saleem")),
    # a ward
    ("who came second in broad oak", ("Karen Eastham", NO_COUNTS)),
    ("who topped the poll in broad oak", ("Karen Eastham", NO_COUNTS)),
    ("who got the fewest votes in broad oak", (NO_COUNTS,)),
    ("what was the majority in broad oak", ("Karen Eastham", NO_COUNTS)),
    ("who lost in broad oak", ("Aidan Fitzgerald", "Louise Pemberton", "Rachel Oddie")),
    # candidates
    ("how many votes did karen eastham get", ("Karen Eastham", NO_COUNTS)),
    ("did karen eastham beat aidan fitzgerald", ("Karen Eastham", NO_COUNTS)),
    # the council
    ("how many votes were cast in south ribble", (NO_COUNTS,)),
    ("what was the turnout in south ribble", (NO_COUNTS,)),
    ("who got the most votes in south ribble", (NO_COUNTS,)),
    ("who was the lowest placed winner", (NO_COUNTS,)),
    ("closest ward in south ribble", (NO_COUNTS,)),
]


@pytest.fixture(scope="module")
def store() -> ResultsStore:
    return ResultsStore.from_texts(
        [(DOCUMENT.name, DOCUMENT.read_text(encoding="utf-8"))], PartyBook.from_toml(PARTIES)
    )


@pytest.mark.parametrize(("question", "says"), CASES, ids=[q for q, _ in CASES])
def test_an_uncounted_source_is_answered_without_invented_figures(
    store: ResultsStore, question: str, says: tuple[str, ...]
) -> None:
    headline = answer_question(store, question).headline or ""
    invented = INVENTED.search(headline)
    assert invented is None, f"invents {invented[0]!r}: {headline}"
    missing = [s for s in says if s.casefold() not in headline.casefold()]
    assert not missing, f"does not say {missing}: {headline}"
