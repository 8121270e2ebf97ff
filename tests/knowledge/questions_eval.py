"""The question evaluation: cases read from `questions_eval*.toml`, and the check of one answer
against a case's expected facts. Shared by the test (one test per case) and by
`benchmarks/questions.py` (which prints accuracy per family and latency).

A case says, written by hand from the documents:

    q        the question                     store    seed | ties | by-election | many
    family   what it exercises (for the report)
    kind     the answer's kind                entity   the ward / candidate / party it is about
    says     strings the headline must contain (case-insensitive)
    fields   dotted paths into the answer and their values, e.g. "candidate.votes" = 2695
    options  for an ambiguous answer, the names offered (exactly these)
    what     for a not-found answer: ward, candidate, party, election or question (or a list)
    election the id of the election answered from
    batch    for blind batches (questions_eval_blind.toml), the batch it was written in
    after    the question asked just before, in the same conversation (a follow-up)

`kind` may name alternatives ("fact|ward"): the answer may be any of them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

HERE = Path(__file__).resolve().parent
FILES = (
    HERE / "questions_eval.toml",
    HERE / "questions_eval_documents.toml",
    HERE / "questions_eval_blind.toml",
    HERE / "questions_eval_new.toml",
)


@dataclass(frozen=True)
class Case:
    q: str
    family: str
    kind: str
    store: str = "seed"
    entity: str | None = None
    says: tuple[str, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)
    options: tuple[str, ...] | None = None
    what: tuple[str, ...] = ()
    election: str | None = None
    batch: str = ""
    after: str | None = None

    @property
    def label(self) -> str:
        return f"[{self.store}/{self.family}] {self.q!r}"


def load_cases(files: Iterable[Path] = FILES) -> list[Case]:
    cases = []
    for path in files:
        for raw in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            what = raw.get("what", ())
            cases.append(
                Case(
                    q=raw["q"],
                    family=raw["family"],
                    kind=raw["kind"],
                    store=raw.get("store", "seed"),
                    entity=raw.get("entity"),
                    says=tuple(raw.get("says", ())),
                    fields=dict(raw.get("fields", {})),
                    options=tuple(raw["options"]) if "options" in raw else None,
                    what=(what,) if isinstance(what, str) else tuple(what),
                    election=raw.get("election"),
                    batch=raw.get("batch", ""),
                    after=raw.get("after"),
                )
            )
    return cases


def _entity(answer: BaseModel) -> str | None:
    kind = getattr(answer, "kind", None)
    if kind in ("ward", "councillors"):
        return str(answer.ward)  # type: ignore[attr-defined]
    if kind == "candidate":
        return str(answer.candidate.name)  # type: ignore[attr-defined]
    if kind == "party":
        return str(answer.party)  # type: ignore[attr-defined]
    return None


def _path(answer: Any, dotted: str) -> Any:
    value = answer
    for part in dotted.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return value


def _election(answer: Any) -> str | None:
    election = getattr(answer, "election", None)
    if isinstance(election, str) or election is None:
        return election
    return str(election.id)


def check(case: Case, answer: BaseModel) -> list[str]:
    """Every way the answer differs from the case's expected facts (empty when it's right)."""
    problems = []
    kind = getattr(answer, "kind", None)
    if kind not in case.kind.split("|"):
        problems.append(f"kind {kind!r}, expected {case.kind!r}")
    if case.entity is not None and _entity(answer) != case.entity:
        problems.append(f"about {_entity(answer)!r}, expected {case.entity!r}")
    headline = getattr(answer, "headline", None) or ""
    for text in case.says:
        if text.casefold() not in headline.casefold():
            problems.append(f"headline lacks {text!r}")
    for dotted, expected in case.fields.items():
        try:
            actual = _path(answer, dotted)
        except (AttributeError, IndexError, TypeError):
            actual = "<missing>"
        if actual != expected:
            problems.append(f"{dotted} = {actual!r}, expected {expected!r}")
    if case.options is not None:
        offered = sorted(o.name for o in getattr(answer, "options", ()))
        if offered != sorted(case.options):
            problems.append(f"options {offered}, expected {sorted(case.options)}")
    if case.what and getattr(answer, "what", None) not in case.what:
        problems.append(f"what {getattr(answer, 'what', None)!r}, expected {case.what}")
    if case.election is not None and _election(answer) != case.election:
        problems.append(f"election {_election(answer)!r}, expected {case.election!r}")
    if problems:
        problems.append(f"headline: {headline!r}")
    return problems
