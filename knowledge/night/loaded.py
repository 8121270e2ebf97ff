"""A loaded election seen as a count: its wards as expected ballots, its declared wards as
declarations. Used when the followed election is a document edited during the night, and to
name the wards of a Democracy Club election that is also loaded."""

from __future__ import annotations

import datetime as dt

from knowledge.models import Election
from knowledge.night.models import Declaration, ExpectedContest
from knowledge.night.parse import content_hash
from knowledge.values import slugify


def document_ballot(election_id: str, ward: str) -> str:
    """A stable ballot id for a ward of a document (`derby-2002.abbey`)."""
    return f"{election_id}.{slugify(ward)}"


def dc_ballot(dc_election_id: str, ward: str) -> str | None:
    """The Democracy Club ballot id of a ward: `local.derby.2026-05-07` + Abbey ->
    `local.derby.abbey.2026-05-07`; None for an id not of that shape."""
    parts = dc_election_id.split(".")
    if len(parts) != 3:
        return None
    return f"{parts[0]}.{parts[1]}.{slugify(ward)}.{parts[2]}"


def dc_election_date(dc_election_id: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(dc_election_id.rsplit(".", 1)[-1])
    except ValueError:
        return None


def expected_from(
    election: Election, dc_election_id: str | None = None
) -> tuple[ExpectedContest, ...]:
    """Every ward of the document as a ballot to expect (by its DC id when following DC)."""
    found = []
    for contest in election.contests:
        ballot = dc_ballot(dc_election_id, contest.ward) if dc_election_id else None
        found.append(
            ExpectedContest(
                ballot_paper_id=ballot or document_ballot(election.id, contest.ward),
                ward=contest.ward,
                seats=contest.seats,
            )
        )
    return tuple(found)


def declarations_from(election: Election) -> tuple[Declaration, ...]:
    """The document's declared wards (those with votes) as declarations."""
    found = []
    for contest in election.contests:
        if not contest.declared or not any(c.votes is not None for c in contest.candidates):
            continue
        found.append(
            Declaration(
                ballot_paper_id=document_ballot(election.id, contest.ward),
                contest=contest,
                winners_stated=any(c.elected is not None for c in contest.candidates),
                source=election.source,
                content_hash=content_hash(contest),
            )
        )
    return tuple(found)
