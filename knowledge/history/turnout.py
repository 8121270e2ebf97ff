"""Turnout against the previous election, ward by ward: "was turnout up or down?".

A council's turnout is only given ward by ward, and an election by thirds fights different
wards each year, so the comparison is of each ward with its own previous ordinary contest
(by-elections draw far fewer voters and are skipped; wards on new boundaries are left out).
Percentages are compared where both contests give one; otherwise ballots cast, where both give
those (electorates move little between two elections of the same ward).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from knowledge.answers import ElectionRef
from knowledge.compose import election_ref
from knowledge.facts import ContestResult
from knowledge.history.index import Council, history_index
from knowledge.history.seats import ward_chain
from knowledge.store import ResultsStore

Basis = Literal["percent", "ballots"]


@dataclass(frozen=True)
class WardTurnout:
    """One ward's turnout now and at its previous ordinary contest."""

    ward: str
    now: float
    before: float
    since: ElectionRef
    basis: Basis

    @property
    def change(self) -> float:
        return self.now - self.before


@dataclass(frozen=True)
class TurnoutChange:
    wards: tuple[WardTurnout, ...]
    """Wards with a figure in both contests, on the basis most of them share."""
    basis: Basis
    since: tuple[ElectionRef, ...]
    """The elections compared against, most wards first."""
    without: int
    """Wards of this election with nothing to compare."""

    @property
    def rose(self) -> int:
        return sum(w.change > 0 for w in self.wards)

    @property
    def fell(self) -> int:
        return sum(w.change < 0 for w in self.wards)

    @property
    def before(self) -> float:
        return self._total("before")

    @property
    def now(self) -> float:
        return self._total("now")

    def _total(self, which: Literal["now", "before"]) -> float:
        """The mean percentage per ward, or the ballots cast in all the wards compared."""
        values = [w.now if which == "now" else w.before for w in self.wards]
        return sum(values) / len(values) if self.basis == "percent" else sum(values)


def turnout_change(
    store: ResultsStore, election_id: str, wards: tuple[str, ...] = ()
) -> TurnoutChange | str:
    """Turnout in this election's wards (or the wards named) against each one's previous
    ordinary contest, or the sentence saying why there is nothing to compare."""
    council = history_index(store).council_of(election_id)
    if council is None or store.info(election_id) is None:
        return "No loaded election matches."
    if len(council.elections) == 1:
        return f"No earlier election of {council.name} is loaded."
    found: list[WardTurnout] = []
    without = 0
    for contest in store.facts(election_id).contests:
        if wards and contest.ward not in wards:
            continue
        compared = _against_previous(store, council, election_id, contest)
        if compared is None:
            without += 1
        else:
            found.append(compared)
    if not found:
        named = " or ".join(wards) if wards else "any ward"
        return (
            f"No turnout figure for {named} can be set against an earlier contest of the same "
            "ward: the documents give none in one election or the other."
        )
    bases = Counter(w.basis for w in found)
    basis: Basis = "percent" if bases["percent"] >= bases["ballots"] else "ballots"
    kept = tuple(w for w in found if w.basis == basis)
    since = Counter(w.since for w in kept)
    return TurnoutChange(
        wards=kept,
        basis=basis,
        since=tuple(ref for ref, _ in since.most_common()),
        without=without + len(found) - len(kept),
    )


def _against_previous(
    store: ResultsStore, council: Council, election_id: str, contest: ContestResult
) -> WardTurnout | None:
    chain = ward_chain(council, contest.ward, store.book)
    steps = chain.steps
    at = next((n for n, s in enumerate(steps) if s.contest.election.id == election_id), None)
    if at is None or steps[at].boundary_change:
        return None
    for earlier in reversed(steps[:at]):
        if earlier.contest.election.kind == "by-election":
            continue
        pair = _figures(contest, earlier.contest.result)
        if pair is None:
            return None
        now, before, basis = pair
        return WardTurnout(contest.ward, now, before, election_ref(earlier.contest.election), basis)
    return None


def _figures(now: ContestResult, before: ContestResult) -> tuple[float, float, Basis] | None:
    if now.turnout_percent is not None and before.turnout_percent is not None:
        return now.turnout_percent, before.turnout_percent, "percent"
    if now.turnout is not None and before.turnout is not None:
        return float(now.turnout), float(before.turnout), "ballots"
    return None
