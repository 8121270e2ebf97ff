"""Election night, as data: a count followed live, declaration by declaration.

Pure and Discord-free like the rest of `knowledge`: the bot's poller hands in the JSON pages it
fetched from Democracy Club, and gets back declarations, what changed since the last poll, and a
running summary it can show. Nothing here does I/O or reads the clock.

    parse      a results or ballots page -> Declaration / ExpectedContest
    merge      declarations into a FollowedElection -> new, unchanged, corrected
    summary    a FollowedElection -> NightSummary (seats so far, the majority race, control)
    document   a FollowedElection -> document text in the project's `.txt` grammar
"""

from knowledge.night.document import night_document
from knowledge.night.merge import merge
from knowledge.night.models import (
    ContestChange,
    Declaration,
    ExpectedContest,
    FollowedElection,
    NightSummary,
    PartySeats,
)
from knowledge.night.parse import (
    BallotsPage,
    ResultsPage,
    parse_ballots_page,
    parse_results_page,
    ward_from_ballot,
)
from knowledge.night.summary import night_summary, race_lines

__all__ = [
    "BallotsPage",
    "ContestChange",
    "Declaration",
    "ExpectedContest",
    "FollowedElection",
    "NightSummary",
    "PartySeats",
    "ResultsPage",
    "merge",
    "night_document",
    "night_summary",
    "parse_ballots_page",
    "parse_results_page",
    "race_lines",
    "ward_from_ballot",
]
