"""Shared fixtures: the seed election as a store, and helpers that build stores from hand-made text.

seed_store      the 2002 Derby document alone, with the project's party file (built once)
seed_facts      the seed's derived facts
party_book      the project's party file
document        builds document text in the grammar from a title, infobox rows and ward blocks
make_store      builds a store from document texts (or (file name, text) pairs)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `pytest` (not `python -m pytest`) would see tests/knowledge first
    sys.path.insert(0, str(ROOT))

from knowledge import PartyBook, ResultsStore  # noqa: E402
from knowledge.facts import ElectionFacts  # noqa: E402

ELECTIONS = ROOT / "data" / "elections"
PARTIES = ROOT / "data" / "parties.toml"
SEED = ELECTIONS / "2002_derby_city_council_election.txt"
SEED_ID = "derby-2002"

Candidate = tuple[str, str, int | str]
"""(name, party as written, votes or a word such as "Unopposed")."""
Ward = tuple[Any, ...]
"""(ward, seats or None for no `(N)`, candidates[, lines after the candidates, without `- `])."""
DocumentBuilder = Callable[..., str]
StoreBuilder = Callable[..., ResultsStore]


def build_document(
    title: str,
    wards: Iterable[Ward],
    infobox: Mapping[str, str | int] | None = None,
    prose: str = "Some prose about the election.",
) -> str:
    """Document text in the grammar of `knowledge.parser`, ward blocks in the given order."""
    lines = [f"= {title} =", ""]
    if infobox:
        lines.append("Infobox")
        lines.extend(f"- {key}: {value}" for key, value in infobox.items())
        lines.append("")
    if prose:
        lines.extend([prose, ""])
    lines.append("==Ward results==")
    for ward in wards:
        name, seats, candidates = ward[0], ward[1], ward[2]
        after: Sequence[str] = ward[3] if len(ward) > 3 else ()
        lines.append(f"==={name}===")
        lines.append("")
        lines.append(f"  - {name}{f' ({seats})' if seats is not None else ''}**")
        lines.append("")
        for person, party, votes in candidates:
            count = f"{votes:,} votes" if isinstance(votes, int) else votes
            lines.append(f"- {person} ({party}): {count}")
        lines.extend(f"- {extra}" for extra in after)
        lines.append("")
    return "\n".join(lines) + "\n"


def store_from(*documents: str | tuple[str, str], book: PartyBook | None = None) -> ResultsStore:
    """A store from texts (named doc1.txt, doc2.txt ...) or (file name, text) pairs."""
    named = [
        d if isinstance(d, tuple) else (f"doc{number}.txt", d)
        for number, d in enumerate(documents, start=1)
    ]
    return ResultsStore.from_texts(named, book or PartyBook.from_toml(PARTIES))


@pytest.fixture(scope="session")
def party_book() -> PartyBook:
    """The project's party reference data."""
    return PartyBook.from_toml(PARTIES)


@pytest.fixture(scope="session")
def seed_store() -> ResultsStore:
    """The 2002 Derby City Council election, loaded from its document."""
    return ResultsStore.load(SEED, PARTIES)


@pytest.fixture(scope="session")
def seed_facts(seed_store: ResultsStore) -> ElectionFacts:
    """Everything derived from the seed document."""
    return seed_store.facts(SEED_ID)


@pytest.fixture(scope="session")
def document() -> DocumentBuilder:
    """`build_document`: hand-made document text in the grammar."""
    return build_document


@pytest.fixture(scope="session")
def make_store() -> StoreBuilder:
    """`store_from`: a store built from document texts, with the project's party file."""
    return store_from


@pytest.fixture(scope="session")
def forty_councils() -> ResultsStore:
    """Forty councils' elections of 3 May 1990, one ward each (Ward0 Central ... Ward39
    Central): Cy Rowe (Conservative) stood in all of them, Di Ash0 ... Di Ash39 (Labour) in one
    each. "In 1990" names all forty."""
    con, lab = "Conservative Party (UK)", "Labour Party (UK)"
    return store_from(
        *(
            build_document(
                f"1990 Town{chr(97 + n // 26)}{chr(97 + n % 26)} Borough Council election",
                [(f"Ward{n} Central", None, [("Cy Rowe", con, 400 + n), (f"Di Ash{n}", lab, 500)])],
                {"Seats For Election": "1 seat", "Election Date": "3 May 1990"},
            )
            for n in range(40)
        )
    )
