"""Democracy Club's `/api/next/` pages -> declarations and expected ballots.

The shape is documented in `shared/formats/democracyclub-next-results-api.md`: a page is
`{count, next, previous, results}`; a result names its ballot (`ballot.ballot_paper_id`) and
lists `candidate_results` (`person.name`, `party.name`, `num_ballots`, `elected`, which may be
null). `turnout_percentage` comes as a string. Anything malformed is skipped with a reason, so
one bad result never hides the rest of the night.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from knowledge.models import Candidacy, Contest
from knowledge.night.models import Declaration, ExpectedContest

INDEPENDENT = "Independent"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ResultsPage(BaseModel):
    """One page of `/api/next/results/`."""

    model_config = ConfigDict(frozen=True)

    count: int
    next: str | None
    declarations: tuple[Declaration, ...]
    skipped: tuple[str, ...] = ()
    """Why each unreadable result was left out."""


class BallotsPage(BaseModel):
    """One page of `/api/next/ballots/`: the ballots that will declare."""

    model_config = ConfigDict(frozen=True)

    count: int
    next: str | None
    ballots: tuple[ExpectedContest, ...]


def ward_from_ballot(ballot_paper_id: str) -> str:
    """`local.derby.littleover-north.2026-05-07` -> `Littleover North` (a by-election's `by`
    part is dropped); used when no ballot list or document names the ward."""
    parts = ballot_paper_id.split(".")
    if parts and _DATE.match(parts[-1]):
        parts = parts[:-1]
    if parts and parts[-1] == "by":
        parts = parts[:-1]
    slug = parts[2] if len(parts) > 2 else parts[-1] if parts else ballot_paper_id
    return " ".join(word.capitalize() for word in slug.split("-") if word) or ballot_paper_id


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def content_hash(contest: Contest) -> str:
    """What a reader of the posted result sees, hashed: candidates, votes, winners, turnout.

    Line numbers and the order candidates arrive in do not count, so a re-poll of the same
    result hashes the same.
    """
    body = {
        "ward": contest.ward,
        "seats": contest.seats,
        "candidates": sorted([c.name, c.party, c.votes, c.elected] for c in contest.candidates),
        "turnout": contest.turnout,
        "turnout_percent": contest.turnout_percent,
        "electorate": contest.electorate,
        "rejected": contest.rejected,
    }
    encoded = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()[:16]


def _declaration(
    result: Mapping[str, Any], wards: Mapping[str, ExpectedContest], by_election: bool
) -> Declaration:
    ballot = result.get("ballot")
    ballot_id = ballot.get("ballot_paper_id") if isinstance(ballot, Mapping) else None
    if not isinstance(ballot_id, str) or not ballot_id:
        raise ValueError("a result with no ballot.ballot_paper_id")
    rows = result.get("candidate_results")
    if not isinstance(rows, Sequence) or not rows:
        raise ValueError(f"{ballot_id}: no candidate_results")
    candidates = []
    for line, row in enumerate(rows, start=1):
        person = row.get("person") if isinstance(row, Mapping) else None
        name = person.get("name") if isinstance(person, Mapping) else None
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{ballot_id}: candidate {line} has no person.name")
        party = row.get("party")
        party_name = party.get("name") if isinstance(party, Mapping) else None
        elected = row.get("elected")
        candidates.append(
            Candidacy(
                name=" ".join(name.split()),
                party=" ".join(party_name.split()) if isinstance(party_name, str) else INDEPENDENT,
                votes=_int(row.get("num_ballots")),
                line=line,
                elected=elected if isinstance(elected, bool) else None,
            )
        )
    stated = [c for c in candidates if c.elected is True]
    expected = wards.get(ballot_id)
    seats = len(stated) if stated else (expected.seats if expected else 1)
    contest = Contest(
        ward=expected.ward if expected else ward_from_ballot(ballot_id),
        seats=max(1, seats),
        candidates=tuple(candidates),
        line=0,
        turnout=_int(result.get("num_turnout_reported")),
        turnout_percent=_float(result.get("turnout_percentage")),
        electorate=_int(result.get("total_electorate")),
        rejected=_int(result.get("num_spoilt_ballots")),
        by_election=by_election or ".by." in ballot_id,
    )
    source = result.get("source")
    return Declaration(
        ballot_paper_id=ballot_id,
        contest=contest,
        winners_stated=any(c.elected is not None for c in candidates),
        source=source if isinstance(source, str) and source.strip() else None,
        content_hash=content_hash(contest),
    )


def _page_shape(payload: Any) -> tuple[int, str | None, Sequence[Any]]:
    if not isinstance(payload, Mapping) or not isinstance(payload.get("results"), list):
        raise ValueError("not a Democracy Club page: no 'results' list")
    results: list[Any] = payload["results"]
    count = _int(payload.get("count"))
    following = payload.get("next")
    return (
        count if count is not None else len(results),
        following if isinstance(following, str) and following else None,
        results,
    )


def parse_results_page(
    payload: Any,
    expected: Sequence[ExpectedContest] = (),
    *,
    by_election: bool = False,
) -> ResultsPage:
    """Declarations on one results page; ward names and seats come from `expected` when known.

    Raises ValueError when the page itself is not a results page.
    """
    count, following, results = _page_shape(payload)
    wards = {e.ballot_paper_id: e for e in expected}
    declarations, skipped = [], []
    for result in results:
        if not isinstance(result, Mapping):
            skipped.append("a result that is not an object")
            continue
        try:
            declarations.append(_declaration(result, wards, by_election))
        except ValueError as error:
            skipped.append(str(error))
    return ResultsPage(
        count=count, next=following, declarations=tuple(declarations), skipped=tuple(skipped)
    )


def parse_ballots_page(payload: Any) -> BallotsPage:
    """Expected ballots on one `/api/next/ballots/` page; cancelled polls are left out."""
    count, following, results = _page_shape(payload)
    ballots = []
    for ballot in results:
        if not isinstance(ballot, Mapping) or ballot.get("cancelled") is True:
            continue
        ballot_id = ballot.get("ballot_paper_id")
        if not isinstance(ballot_id, str) or not ballot_id:
            continue
        post = ballot.get("post")
        label = post.get("label") if isinstance(post, Mapping) else None
        seats = _int(ballot.get("winner_count")) or _int(ballot.get("seats_contested")) or 1
        ballots.append(
            ExpectedContest(
                ballot_paper_id=ballot_id,
                ward=label.strip()
                if isinstance(label, str) and label.strip()
                else ward_from_ballot(ballot_id),
                seats=seats,
            )
        )
    return BallotsPage(count=count, next=following, ballots=tuple(ballots))
