"""The swing in every ward of an election, against each ward's previous loaded contest, so that
"where was the biggest swing?" ranks wards rather than candidates.

Each ward's swing is the one `last_time` computes (two-party Butler swing between the two
parties leading now); wards fought on new boundaries, and wards where no swing can be computed,
are left out with the reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from knowledge.answers import ElectionRef
from knowledge.history.wards import last_time
from knowledge.store import ResultsStore


@dataclass(frozen=True)
class WardSwing:
    """One ward's swing, turned so that it runs from the party that lost ground to the one
    that gained it."""

    ward: str
    points: float
    """Size of the swing, never negative."""
    from_party: str
    to_party: str
    from_key: str
    to_key: str
    since: ElectionRef
    stated: str | None


@dataclass(frozen=True)
class CouncilSwings:
    swings: tuple[WardSwing, ...]
    """Biggest first."""
    reasons: tuple[str, ...]
    """Why other wards have none, most frequent first ("Reform UK did not stand in ...")."""


def council_swings(store: ResultsStore, election_id: str) -> CouncilSwings | str:
    """Every ward's swing in this election, or the sentence saying why there can be none
    ("No earlier election of Derby City Council is loaded.")."""
    swings: list[WardSwing] = []
    reasons: Counter[str] = Counter()
    first_reason = ""
    for contest in store.facts(election_id).contests:
        found = last_time(store, election_id, contest.ward)
        if found is None:
            continue
        if isinstance(found, str):
            first_reason = first_reason or found
            reasons[found] += 1
        elif found.boundary:
            reasons[f"{contest.ward} was fought on new boundaries"] += 1
        elif found.swing is None:
            reasons[(found.swing_note or "no swing").removeprefix("no swing: ")] += 1
        else:
            s = found.swing
            towards = s.points >= 0
            swings.append(
                WardSwing(
                    ward=contest.ward,
                    points=abs(s.points),
                    from_party=s.from_party if towards else s.to_party,
                    to_party=s.to_party if towards else s.from_party,
                    from_key=s.from_key if towards else s.to_key,
                    to_key=s.to_key if towards else s.from_key,
                    since=s.since,
                    stated=s.stated,
                )
            )
    if not swings and first_reason and sum(reasons.values()) == reasons[first_reason]:
        return first_reason
    swings.sort(key=lambda w: (-w.points, w.ward))
    return CouncilSwings(tuple(swings), tuple(r for r, _ in reasons.most_common()))
