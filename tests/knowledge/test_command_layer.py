"""Commands typed as text, or called by name, return typed answers and never raise."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from knowledge import COMMANDS, Answer, ResultsStore, parse_command, run_command, run_text
from knowledge.answers import (
    AmbiguousAnswer,
    CandidateAnswer,
    ClosestAnswer,
    ElectionsAnswer,
    HelpAnswer,
    NotFoundAnswer,
    PartyAnswer,
    SummaryAnswer,
    WardAnswer,
)
from knowledge.commands import CommandCall


@pytest.mark.parametrize(
    ("text", "kind", "subject"),
    [
        ("/ward Littleover", WardAnswer, "Littleover"),
        ("/ward name:Littleover election:derby-2002", WardAnswer, "Littleover"),
        ("/ward Littleover election:derby-2002", WardAnswer, "Littleover"),
        ("/ward election:derby-2002 name:Littleover", WardAnswer, "Littleover"),
        ("/ward Name:Littleover", WardAnswer, "Littleover"),
        ("ward littleover", WardAnswer, "Littleover"),
        ("/WARD littleover", WardAnswer, "Littleover"),
        ("  /ward    Littleover   ", WardAnswer, "Littleover"),
        ("/ward\tLittleover", WardAnswer, "Littleover"),
        ("/candidate lucy care", CandidateAnswer, "Lucy Care"),
        ("/candidate name:Ronald Allen election:derby-2002", CandidateAnswer, "Ronald Allen"),
        ("/party tories", PartyAnswer, "Conservative"),
        ("/party name:lib dems", PartyAnswer, "Liberal Democrats"),
        ("/summary", SummaryAnswer, "Derby City Council"),
        ("/summary derby-2002", SummaryAnswer, "Derby City Council"),
        ("/summary election:2002", SummaryAnswer, "Derby City Council"),
        ("/closest", ClosestAnswer, "Boulton"),
        ("/elections", ElectionsAnswer, "derby-2002"),
        ("/help", HelpAnswer, "/ward <name> [election]"),
    ],
)
def test_command_text_gives_a_typed_answer(
    seed_store: ResultsStore, text: str, kind: type, subject: str
) -> None:
    """Each command, with positional or named options, answers with its own answer type."""
    answer = run_text(seed_store, text)
    assert isinstance(answer, kind), answer
    assert subject in answer.model_dump_json()


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("/ward Littleover", CommandCall(name="ward", options={"name": "Littleover"})),
        (
            "/ward name:Littleover election:derby-2002",
            CommandCall(name="ward", options={"name": "Littleover", "election": "derby-2002"}),
        ),
        (
            "/ward St Ann's and Sneinton election: derby-2002",
            CommandCall(
                name="ward", options={"name": "St Ann's and Sneinton", "election": "derby-2002"}
            ),
        ),
        ("/ward", CommandCall(name="ward", options={})),
        ("/summary 2002", CommandCall(name="summary", options={"election": "2002"})),
        ("/help me", CommandCall(name="help", options={"_extra": "me"})),
        ("/ward\nLittleover", CommandCall(name="ward", options={"name": "Littleover"})),
    ],
)
def test_parse_command_reads_named_and_positional_options(text: str, call: CommandCall) -> None:
    """`/name opt:value`; the first option's name may be left out."""
    assert parse_command(text) == call


@pytest.mark.parametrize(
    "text", ["/wrd Littleover", "/frobnicate", "", "/", "hello there", "/ward:"]
)
def test_unknown_command_is_not_found_command(seed_store: ResultsStore, text: str) -> None:
    """Anything that is not a command answers NotFoundAnswer(what="command") with the list."""
    answer = run_text(seed_store, text)
    assert isinstance(answer, NotFoundAnswer)
    assert answer.what == "command"
    assert "/ward" in answer.message
    assert answer.examples


def test_misspelt_command_suggests_the_right_one(seed_store: ResultsStore) -> None:
    """`/wrd` suggests /ward first."""
    answer = run_text(seed_store, "/wrd Littleover")
    assert isinstance(answer, NotFoundAnswer)
    assert answer.suggestions[0].name == "/ward"


@pytest.mark.parametrize(("command", "what"), [("/ward", "ward"), ("/candidate", "candidate")])
def test_command_without_its_name_asks_for_it(
    seed_store: ResultsStore, command: str, what: str
) -> None:
    """A missing required name is a not-found answer with an example, not an error."""
    answer = run_text(seed_store, command)
    assert isinstance(answer, NotFoundAnswer)
    assert answer.what == what
    assert answer.examples == (next(c.example for c in COMMANDS if c.name == what),)


@pytest.mark.parametrize(
    ("name", "options", "kind"),
    [
        ("ward", {"name": "Littleover", "election": None}, WardAnswer),
        ("ward", {"name": "  Littleover  ", "election": "  "}, WardAnswer),
        ("candidate", {"name": "skelton"}, AmbiguousAnswer),
        ("party", {"name": "labour", "election": "derby-2002"}, PartyAnswer),
        ("summary", {}, SummaryAnswer),
        ("elections", {}, ElectionsAnswer),
        ("help", {}, HelpAnswer),
        ("nope", {}, NotFoundAnswer),
    ],
)
def test_run_command_by_name(
    seed_store: ResultsStore, name: str, options: dict[str, str | None], kind: type
) -> None:
    """The front ends call commands by name with Discord-style options (None = not given)."""
    assert isinstance(run_command(seed_store, name, options), kind)


def test_help_lists_every_command_with_usage_and_examples(seed_store: ResultsStore) -> None:
    """/help: one entry per command, in COMMANDS order, with examples that work."""
    answer = run_text(seed_store, "/help")
    assert isinstance(answer, HelpAnswer)
    assert [e.usage.split()[0] for e in answer.commands] == [f"/{c.name}" for c in COMMANDS]
    for example in answer.examples:
        assert run_text(seed_store, example).kind not in ("not_found", "ambiguous"), example


@pytest.mark.parametrize(
    "text",
    ["/ward Boulton", "/candidate Ronald Allen", "/party labour", "/summary", "/closest"],
)
def test_every_answer_cites_its_source_document(seed_store: ResultsStore, text: str) -> None:
    """Answers name the document they come from."""
    answer = run_text(seed_store, text)
    assert isinstance(
        answer, WardAnswer | CandidateAnswer | PartyAnswer | SummaryAnswer | ClosestAnswer
    )
    assert answer.election.citation == (
        "Source: 2002_derby_city_council_election.txt (2002 Derby City Council election)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "/ward Boulton",
        "/candidate Ronald Allen",
        "/candidate Allen",
        "/party labour",
        "/summary",
        "/closest",
        "/elections",
        "/help",
        "/ward nowhere",
        "/nope",
    ],
)
def test_answers_round_trip_through_json(seed_store: ResultsStore, text: str) -> None:
    """`--json` output reads back as the same answer (the `kind` tells the types apart)."""
    answer = run_text(seed_store, text)
    adapter: TypeAdapter[Answer] = TypeAdapter(Answer)
    assert adapter.validate_json(adapter.dump_json(answer)) == answer


def test_ward_answer_for_boulton_has_winners_split_and_majority(seed_store: ResultsStore) -> None:
    """The Boulton answer end to end: winners, split seats, the majority of 10."""
    answer = run_text(seed_store, "/ward boulton")
    assert isinstance(answer, WardAnswer)
    assert [c.name for c in answer.winners] == [
        "Ronald Blanksby",
        "Barbara Jackson",
        "Ronald Allen",
    ]
    assert [(s.party, s.seats) for s in answer.seats_by_party] == [
        ("Labour", 2),
        ("Independent", 1),
    ]
    assert (answer.majority, answer.split, answer.tie, answer.unopposed) == (10, True, False, False)
    assert answer.colour == "#E4003B"


def test_party_answer_for_independents(seed_store: ResultsStore) -> None:
    """/party independent: three candidates, one seat (Boulton), no change."""
    answer = run_text(seed_store, "/party indies")
    assert isinstance(answer, PartyAnswer)
    assert (answer.candidates, answer.seats_won, answer.change) == (3, 1, 0)
    assert answer.wards_won == (("Boulton", 1),)
    assert answer.best is not None and answer.best.name == "Ronald Allen"
    assert not answer.controls


def test_party_that_did_not_stand_answers_with_nothing_won(seed_store: ResultsStore) -> None:
    """/party greens on the seed: a known party with no candidates, said plainly."""
    answer = run_text(seed_store, "/party greens")
    assert isinstance(answer, PartyAnswer)
    assert (answer.stood, answer.candidates, answer.seats_won, answer.votes) == (False, 0, 0, 0)
