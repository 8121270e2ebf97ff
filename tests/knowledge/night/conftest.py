"""Shared by the election-night knowledge tests: the fake API's JSON builders and a real result.

sheffield_ecclesall  Democracy Club's 2021 Ecclesall result (v0.9 API, kept verbatim in
                     fixtures/) reshaped to the `/api/next/results/` object the poller reads
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[2]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

FIXTURE = (
    Path(__file__).parent
    / "fixtures"
    / "democracyclub-api-v0.9-result_set-local.sheffield.ecclesall.2021-05-06.json.txt"
)


def next_shape(v09: dict[str, Any]) -> dict[str, Any]:
    """A v0.9 result set as the `/api/next/` serializers render the same data."""
    rows = [
        {
            "person": {"name": row["membership"]["person"]["name"]},
            "party": {"name": row["membership"]["on_behalf_of"]["name"]},
            "num_ballots": row["num_ballots"],
            "elected": row["membership"]["elected"],
        }
        for row in sorted(v09["candidate_results"], key=lambda r: -r["num_ballots"])
    ]
    percentage = v09["turnout_percentage"]
    return {
        "ballot": {"ballot_paper_id": v09["ballot_paper_id"]},
        "candidate_results": rows,
        "num_turnout_reported": v09["num_turnout_reported"],
        "turnout_percentage": None if percentage is None else f"{percentage:.2f}",
        "num_spoilt_ballots": v09["num_spoilt_ballots"],
        "total_electorate": v09["total_electorate"],
        "source": None,
    }


@pytest.fixture(scope="session")
def sheffield_ecclesall() -> dict[str, Any]:
    """The real Ecclesall 2021 result in the `/api/next/results/` shape (line 1 is attribution)."""
    body = FIXTURE.read_text(encoding="utf-8").split("\n", 1)[1]
    return next_shape(json.loads(body))
