"""Properties over any input: the parser either loads or says where; nothing else ever raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import Election, ParseError, ResultsStore, parse_document, run_text, suggest
from knowledge.commands import MAX_CHOICES
from knowledge.parser import decode_document

PROPERTY_SETTINGS = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Lines that look like the grammar, mixed with noise, so documents get past the title check.
GRAMMAR_LINES = st.sampled_from(
    [
        "= 2002 Derby City Council election =",
        "Infobox",
        "- Party1: Labour Party (UK)",
        "- Seats1: 27",
        "- Seats After1: x",
        "- Popular Vote1: 58,230",
        "- Percentage1: 38.0%",
        "- Party99999999999999999999: Nobody",
        "- Party" + "9" * 5000 + ": Nobody",
        "===Abbey (" + "9" * 5000 + ")===",
        "- A (B): " + "9" * 5000,
        "- Majority Seats: 26",
        "- Election Date: 2 May 2002",
        "==Ward results==",
        "==Background==",
        "==",
        "===Abbey===",
        "===Abbey (3)===",
        "===Abbey (0)===",
        "===Abbey (99999999999999999999999)===",
        "===Littleover by-election===",
        "  - Abbey (3)**",
        "  - Abbey**",
        "- Maurice Burgess (Liberal Democrats (UK)): 1,512 votes",
        "- Ann Jackman (Liberal Democrats (UK)): 1,512 votes",
        "- A (B (C)): 7",
        "- A (B): Unopposed",
        "- A (B): -3 votes",
        "- A (B): 1e5 votes",
        "- A (B): 9999999999999999999999999999999999999999 votes",
        "- Majority: 412",
        "- Turnout: 3,104 (28.4%)",
        "- Turnout: 1.2.3%",
        "- Registered electors: 10,927",
        "- Labour Party (UK) hold",
        "- Liberal Democrats (UK) gain from Labour Party (UK)",
        "- (): ",
        "- :",
        "prose",
        "",
    ]
)
DOCUMENTS = st.one_of(
    st.text(),
    st.lists(st.one_of(GRAMMAR_LINES, st.text(max_size=40)), max_size=40).map("\n".join),
    st.lists(GRAMMAR_LINES, min_size=1, max_size=60).map(
        lambda lines: "= 2002 Test election =\n" + "\n".join(lines)
    ),
)


@PROPERTY_SETTINGS
@given(text=DOCUMENTS)
def test_parser_returns_an_election_or_raises_parse_error(text: str) -> None:
    """Any text: an Election, or a ParseError naming the file and a line inside it."""
    try:
        election = parse_document(text, "any.txt")
    except ParseError as error:
        assert error.file == "any.txt"
        assert 1 <= error.line <= max(1, len(text.splitlines()) + 1)
    else:
        assert isinstance(election, Election)
        assert election.contests
        ResultsStore([election])  # deriving the facts and indexes never raises either


@PROPERTY_SETTINGS
@given(data=st.binary())
def test_decoding_any_bytes_gives_text_or_parse_error(data: bytes) -> None:
    """Any bytes: text, or a ParseError (empty, binary, not UTF-8)."""
    try:
        text = decode_document(data, "any.bin")
    except ParseError as error:
        assert error.file == "any.bin" and error.line >= 1
    else:
        assert isinstance(text, str)


QUERIES = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="ascii"), max_size=30),
    st.sampled_from(["Littleover", "lucy care", "skelton", "o'brien", "&", "-", "  ", "ǅ"]),
)


@PROPERTY_SETTINGS
@given(query=QUERIES)
@pytest.mark.parametrize("kind", ["ward", "candidate", "party", "election"])
def test_resolution_never_raises(seed_store: ResultsStore, kind: str, query: str) -> None:
    """Any string resolves to ok, ambiguous or not_found; ok has exactly one match."""
    resolution = getattr(seed_store, f"resolve_{kind}")(query)
    assert resolution.status in ("ok", "ambiguous", "not_found")
    if resolution.status == "ok":
        assert len(resolution.matches) == 1
    if resolution.status == "ambiguous":
        assert len(resolution.matches) >= 2


@PROPERTY_SETTINGS
@given(query=QUERIES)
def test_scoped_resolution_never_raises(seed_store: ResultsStore, query: str) -> None:
    """Within one election, or an election that does not exist, resolution still answers."""
    for election in ("derby-2002", "nowhere-1999"):
        assert seed_store.resolve_candidate(query, election).status
        assert seed_store.resolve_ward(query, election).status


COMMAND_TEXT = st.one_of(
    st.text(),
    st.builds(
        lambda command, body: f"/{command} {body}",
        st.sampled_from(
            ["ward", "candidate", "party", "summary", "closest", "elections", "help", "wrd"]
        ),
        st.one_of(
            st.text(max_size=60),
            st.builds(
                lambda name, election: f"name:{name} election:{election}",
                st.text(max_size=20),
                st.text(max_size=20),
            ),
        ),
    ),
)


@PROPERTY_SETTINGS
@given(text=COMMAND_TEXT)
def test_run_text_never_raises(seed_store: ResultsStore, text: str) -> None:
    """Any text typed at the bot gets a typed answer."""
    answer = run_text(seed_store, text)
    assert answer.kind


@PROPERTY_SETTINGS
@given(
    kind=st.sampled_from(["ward", "candidate", "party", "election"]),
    text=QUERIES,
    election=st.one_of(st.none(), st.just("derby-2002"), st.text(max_size=10)),
)
def test_suggest_never_returns_more_than_25(
    seed_store: ResultsStore, kind: str, text: str, election: str | None
) -> None:
    """Autocomplete never offers more than Discord's 25 choices of at most 100 characters."""
    choices = suggest(seed_store, kind, text, election)  # type: ignore[arg-type]
    assert len(choices) <= MAX_CHOICES
    assert all(len(c.label) <= 100 and len(c.value) <= 100 for c in choices)
