"""The question evaluation: hand-written questions and the facts their answers must hold."""

from __future__ import annotations

from collections import Counter

import pytest
from questions_eval import THRESHOLD, Case, check, load_cases
from questions_eval_documents import DOCUMENTS, build_store, seed_store

from knowledge import ResultsStore
from knowledge.questions import answer_question

CASES = load_cases()
FAMILIES = {
    "ward", "candidate", "party", "council", "margins", "superlatives", "splits", "comparisons",
    "typos", "out_of_scope", "unknown", "ambiguity", "by_election", "elections",
}  # fmt: skip


@pytest.fixture(scope="module")
def stores() -> dict[str, ResultsStore]:
    built = {name: build_store(name) for name in DOCUMENTS}
    built["seed"] = seed_store()
    return built


def test_eval_set_covers_every_family_with_enough_seed_cases() -> None:
    """At least 200 cases over the seed, and every question family has some."""
    seed = [c for c in CASES if c.store == "seed"]
    assert len(seed) >= 200
    assert {c.family for c in CASES} >= FAMILIES
    assert len({c.q for c in CASES if c.store == "seed"}) == len(seed), "duplicate questions"


def test_hand_made_documents_load_cleanly(stores: dict[str, ResultsStore]) -> None:
    """The tie, by-election and several-election documents parse without errors or warnings."""
    for name in DOCUMENTS:
        assert stores[name].errors == []
        assert stores[name].warnings == []


def test_questions_are_answered_right_at_least_97_percent_of_the_time(
    stores: dict[str, ResultsStore],
) -> None:
    """Each case's kind, entity, figures and headline match; every miss is listed."""
    misses: list[tuple[Case, list[str]]] = []
    for case in CASES:
        problems = check(case, answer_question(stores[case.store], case.q))
        if problems:
            misses.append((case, problems))
    accuracy = 1 - len(misses) / len(CASES)
    by_family = Counter(case.family for case, _ in misses)
    report = "\n".join(f"{case.label}: " + "; ".join(problems) for case, problems in misses)
    print(f"accuracy {accuracy:.1%} over {len(CASES)} cases; misses by family {dict(by_family)}")
    if report:
        print(report)
    assert accuracy >= THRESHOLD, f"accuracy {accuracy:.1%} < {THRESHOLD:.0%}:\n{report}"
