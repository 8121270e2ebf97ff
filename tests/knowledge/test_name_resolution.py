"""What people type, resolved to wards, candidates, parties and elections."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import ResultsStore, run_text, suggest
from knowledge.answers import AmbiguousAnswer, CandidateAnswer, NotFoundAnswer, WardAnswer
from knowledge.normalize import compact, normalize

StoreBuilder = Callable[..., ResultsStore]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Littleover", "littleover"),
        ("  LITTLE   over ", "little over"),
        ("Zoë", "zoe"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("John-Paul Keane", "john paul keane"),
        ("Abbey & Darley", "abbey and darley"),
        ("St. Mary's", "st marys"),
        ("Straße", "strasse"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Ørsted Æbelø", "orsted aebelo"),
        ("Δήμητρα", "δημητρα"),
        ("王伟", "王伟"),
        ("!!!", ""),
    ],
)
def test_normalize_folds_case_accents_and_punctuation(text: str, folded: str) -> None:
    """One folding for documents and queries: case, accents, apostrophes, & and hyphens."""
    assert normalize(text) == folded


def test_compact_removes_the_spaces() -> None:
    """`compact` lets 'johnpaul' meet 'John-Paul'."""
    assert compact("John-Paul") == compact("johnpaul") == "johnpaul"


@pytest.mark.parametrize(
    ("query", "ward"),
    [
        ("Littleover", "Littleover"),
        ("littleover", "Littleover"),
        ("LITTLEOVER", "Littleover"),
        ("Litleover", "Littleover"),
        ("Lttleovr", "Littleover"),
        ("mickelover", "Mickleover"),
        ("Mickle", "Mickleover"),
        ("Chadesden", "Chaddesden"),
        ("normantn", "Normanton"),
        ("abbey ward", "Abbey"),
        ("the abbey", "Abbey"),
        ("oak wood", "Oakwood"),
        ("Spondon!!", "Spondon"),
    ],
)
def test_seed_ward_resolves_from_loose_typing(
    seed_store: ResultsStore, query: str, ward: str
) -> None:
    """Any case, typos, filler words, spaces and punctuation still find the ward."""
    resolution = seed_store.resolve_ward(query)
    assert resolution.status == "ok", resolution
    assert resolution.best is not None and resolution.best.name == ward


@pytest.mark.parametrize(
    ("query", "candidate"),
    [
        ("Lucy Care", "Lucy Care"),
        ("lucy care", "Lucy Care"),
        ("LUCY CARE", "Lucy Care"),
        ("lucy", "Lucy Care"),
        ("chris wiliamson", "Chris Williamson"),
        ("williamson", "Chris Williamson"),
        ("Mr Chris Williamson", "Chris Williamson"),
        ("cllr lucy care", "Lucy Care"),
        ("Dhindsa", "Hardyal Dhindsa"),
        ("hardyal", "Hardyal Dhindsa"),
        ("dhindsa hardyal", "Hardyal Dhindsa"),
        ("van grudgings", "Nicholas Van Grudgings"),
        ("vangrudgings", "Nicholas Van Grudgings"),
        ("john paul keane", "John-Paul Keane"),
        ("johnpaul keane", "John-Paul Keane"),
        ("anne mac donald", "Anne MacDonald"),
        ("l care", "Lucy Care"),
        ("R Allen", "Ronald Allen"),
        ("Ron Allen", "Ronald Allen"),
    ],
)
def test_seed_candidate_resolves_from_loose_typing(
    seed_store: ResultsStore, query: str, candidate: str
) -> None:
    """Surname or first name alone, typos, titles, missing hyphens, initials."""
    resolution = seed_store.resolve_candidate(query)
    assert resolution.status == "ok", resolution
    assert resolution.best is not None and resolution.best.name == candidate


@pytest.mark.parametrize(
    ("query", "candidate"),
    [
        ("nick van grudgings", "Nicholas Van Grudgings"),
        ("christopher williamson", "Chris Williamson"),
        ("bob troup", "Robert Troup"),
        ("chris wynn", "Christopher Wynn"),
        ("les allen", "Leslie Allen"),
        ("ron blanksby", "Ronald Blanksby"),
        ("mike walker", "Michael Walker"),
        ("pat hill", "Pat Hill"),
        ("patricia hill", "Pat Hill"),
        ("ken cowley", "Kenneth Cowley"),
        ("liz woolley", "Elizabeth Woolley"),
    ],
)
def test_nicknames_meet_formal_names(seed_store: ResultsStore, query: str, candidate: str) -> None:
    """A short table of nicknames: nick/nicholas, chris/christopher, bob/robert, in both ways."""
    resolution = seed_store.resolve_candidate(query)
    assert resolution.status == "ok", resolution
    assert resolution.best is not None and resolution.best.name == candidate


@pytest.mark.parametrize(
    ("query", "party"),
    [
        ("labour", "Labour"),
        ("LAB", "Labour"),
        ("the labour party", "Labour"),
        ("tories", "Conservative"),
        ("Conservatives", "Conservative"),
        ("lib dems", "Liberal Democrats"),
        ("libdem", "Liberal Democrats"),
        ("LD", "Liberal Democrats"),
        ("lib-dems", "Liberal Democrats"),
        ("liberal democrats (uk)", "Liberal Democrats"),
        ("indies", "Independent"),
        ("greens", "Green"),
    ],
)
def test_party_resolves_from_what_people_call_it(
    seed_store: ResultsStore, query: str, party: str
) -> None:
    """Aliases, short labels and the document spellings from parties.toml."""
    resolution = seed_store.resolve_party(query)
    assert resolution.status == "ok", resolution
    assert resolution.best is not None and resolution.best.name == party


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("Skelton", ["Lesley Skelton", "Margaret Skelton", "Ruth Skelton"]),
        ("Allen", ["Leslie Allen", "Ronald Allen"]),
        ("Pearn", ["Barry Pearn", "Christine Pearn", "Kevin Pearn", "Richard Pearn"]),
        ("Care", ["Ian Care", "Lucy Care"]),
        ("Hussain", ["Ashiq Hussain", "Fareed Hussain", "Matlub Hussain"]),
        ("ronald", ["Ronald Allen", "Ronald Blanksby"]),
    ],
)
def test_shared_name_is_ambiguous_with_every_option(
    seed_store: ResultsStore, query: str, names: list[str]
) -> None:
    """A surname several people share gives all of them to choose from, never a guess."""
    resolution = seed_store.resolve_candidate(query)
    assert resolution.status == "ambiguous"
    assert sorted(m.name for m in resolution.matches) == names
    answer = run_text(seed_store, f"/candidate {query}")
    assert isinstance(answer, AmbiguousAnswer)
    assert sorted(o.name for o in answer.options) == names
    assert all(o.detail for o in answer.options)
    assert answer.command == "candidate"


def test_ambiguous_options_are_ranked_best_first(seed_store: ResultsStore) -> None:
    """Options come best score first."""
    resolution = seed_store.resolve_candidate("Williams")
    scores = [m.score for m in resolution.matches]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("kind", "query"),
    [
        ("ward", "qwzx"),
        ("ward", "Derby"),
        ("candidate", "xyzzy plugh"),
        ("party", "nonsense party"),
    ],
)
def test_nonsense_is_not_found(seed_store: ResultsStore, kind: str, query: str) -> None:
    """Nothing close: not_found, and the answer says so with examples to try."""
    resolution = getattr(seed_store, f"resolve_{kind}")(query)
    assert resolution.status == "not_found"
    answer = run_text(seed_store, f"/{kind} {query}")
    assert isinstance(answer, NotFoundAnswer)
    assert answer.what == kind
    assert query in answer.message
    assert answer.examples


@pytest.mark.parametrize(
    ("kind", "query", "suggested"),
    [
        ("ward", "Littlexyz", "Littleover"),
        ("ward", "Normanby", "Normanton"),
        ("ward", "Derwentwater", "Derwent"),
        ("candidate", "Lucie Carr", "Lucy Care"),
        ("candidate", "Grudge", "Nicholas Van Grudgings"),
    ],
)
def test_near_miss_is_not_found_with_suggestions(
    seed_store: ResultsStore, kind: str, query: str, suggested: str
) -> None:
    """Too far to use as the answer, close enough to suggest."""
    answer = run_text(seed_store, f"/{kind} {query}")
    if isinstance(answer, WardAnswer | CandidateAnswer):
        pytest.fail(f"{query!r} was accepted; expected suggestions only")
    assert isinstance(answer, NotFoundAnswer)
    assert suggested in [s.name for s in answer.suggestions]


HAND_MADE = """\
= 2003 Nottingham City Council election =
==Results==
===Bulwell Forest===
  - Bulwell Forest**
- Mary-Jane Kelly (Labour Party (UK)): 500 votes
- Bob Jones (Conservative Party (UK)): 450 votes
===Bulwell===
  - Bulwell**
- Zoë O'Brien (Labour Party (UK)): 500 votes
- Jo Smith (Conservative Party (UK)): 400 votes
===Abbey & Darley===
  - Abbey & Darley**
- Seán Ó Dálaigh (Labour Party (UK)): 500 votes
- Ann Smith-Jones (Conservative Party (UK)): 400 votes
===St Ann's and Sneinton===
  - St Ann's and Sneinton**
- Łukasz Wiśniewski (Labour Party (UK)): 500 votes
- Δήμητρα Παππά (Conservative Party (UK)): 400 votes
===中心===
  - 中心**
- 王伟 (Labour Party (UK)): 500 votes
- Ali Khan (Conservative Party (UK)): 400 votes
"""


@pytest.mark.parametrize(
    ("kind", "query", "name"),
    [
        ("ward", "Bulwell", "Bulwell"),
        ("ward", "bulwell", "Bulwell"),
        ("ward", "Bulwell Forest", "Bulwell Forest"),
        ("ward", "bulwel forest", "Bulwell Forest"),
        ("ward", "abbey and darley", "Abbey & Darley"),
        ("ward", "Abbey & Darley", "Abbey & Darley"),
        ("ward", "abbey darley", "Abbey & Darley"),
        ("ward", "st anns & sneinton", "St Ann's and Sneinton"),
        ("ward", "st ann's and sneinton", "St Ann's and Sneinton"),
        ("ward", "中心", "中心"),
        ("candidate", "Zoe", "Zoë O'Brien"),
        ("candidate", "zoe obrien", "Zoë O'Brien"),
        ("candidate", "obrien", "Zoë O'Brien"),
        ("candidate", "o'brien", "Zoë O'Brien"),
        ("candidate", "o brien", "Zoë O'Brien"),
        ("candidate", "O’Brien", "Zoë O'Brien"),
        ("candidate", "mary jane", "Mary-Jane Kelly"),
        ("candidate", "maryjane kelly", "Mary-Jane Kelly"),
        ("candidate", "smith jones", "Ann Smith-Jones"),
        ("candidate", "Sean O Dalaigh", "Seán Ó Dálaigh"),
        ("candidate", "lukasz wisniewski", "Łukasz Wiśniewski"),
        ("candidate", "Δήμητρα", "Δήμητρα Παππά"),
        ("candidate", "王伟", "王伟"),
        ("candidate", "robert jones", "Bob Jones"),
    ],
)
def test_hand_made_names_resolve(
    make_store: StoreBuilder, kind: str, query: str, name: str
) -> None:
    """Best match not first match, accents, apostrophes, hyphens, & and 'and', other scripts."""
    store = make_store(HAND_MADE)
    resolution = getattr(store, f"resolve_{kind}")(query)
    assert resolution.status == "ok", resolution
    assert resolution.best is not None and resolution.best.name == name


def test_bulwell_command_answers_bulwell_not_bulwell_forest(make_store: StoreBuilder) -> None:
    """`/ward Bulwell` is the ward Bulwell, though Bulwell Forest comes first in the document."""
    answer = run_text(make_store(HAND_MADE), "/ward Bulwell")
    assert isinstance(answer, WardAnswer)
    assert answer.ward == "Bulwell"


@pytest.mark.parametrize(
    ("kind", "text", "first"),
    [
        ("ward", "", "Abbey"),
        ("ward", "litt", "Littleover"),
        ("ward", "mickel", "Mickleover"),
        ("candidate", "lucy", "Lucy Care — Littleover (Liberal Democrats)"),
        ("candidate", "skelton", None),
        ("party", "lib dem", "Liberal Democrats"),
        ("party", "lib", "Liberal"),
        ("party", "", "Conservative"),
        ("election", "", "derby-2002 — 2002 Derby City Council election"),
        ("election", "derby", "derby-2002 — 2002 Derby City Council election"),
    ],
)
def test_suggest_ranks_choices_and_helps_on_empty_input(
    seed_store: ResultsStore, kind: str, text: str, first: str | None
) -> None:
    """Autocomplete: the best choice first, and something useful before anything is typed."""
    choices = suggest(seed_store, kind, text)  # type: ignore[arg-type]
    assert 0 < len(choices) <= 25
    if first is not None:
        assert choices[0].label == first
    assert all(len(c.label) <= 100 and len(c.value) <= 100 for c in choices)


@pytest.mark.parametrize("kind", ["ward", "candidate", "party", "election"])
@pytest.mark.parametrize("text", ["", "a", "e", "smith", "lab"])
def test_suggest_never_returns_more_than_25(seed_store: ResultsStore, kind: str, text: str) -> None:
    """Discord shows nothing at all when given more than 25 choices."""
    assert len(suggest(seed_store, kind, text)) <= 25  # type: ignore[arg-type]


def test_suggest_empty_candidate_input_fills_all_25(seed_store: ResultsStore) -> None:
    """156 candidates: the empty list offers 25 of them, each with ward and party."""
    choices = suggest(seed_store, "candidate", "")
    assert len(choices) == 25
    assert all(" — " in c.label for c in choices)


def test_suggest_values_resolve_to_themselves(seed_store: ResultsStore) -> None:
    """Every suggested value, sent back as typed, resolves to that very name."""
    for choice in suggest(seed_store, "candidate", "skelton"):
        resolution = seed_store.resolve_candidate(choice.value)
        assert resolution.best is not None and resolution.best.name == choice.value
    for choice in suggest(seed_store, "ward", ""):
        resolution = seed_store.resolve_ward(choice.value)
        assert resolution.best is not None and resolution.best.name == choice.value


@pytest.mark.parametrize(
    ("kind", "text", "starts"),
    [
        ("candidate", "sk", "skelton"),
        ("candidate", "l", "l"),
        ("ward", "s", "s"),
        ("ward", "ch", "ch"),
    ],
)
def test_suggest_on_one_or_two_letters_offers_names_starting_so(
    seed_store: ResultsStore, kind: str, text: str, starts: str
) -> None:
    """Autocomplete from the first keystrokes: every choice has a word starting with them."""
    choices = suggest(seed_store, kind, text)  # type: ignore[arg-type]
    assert choices
    assert all(any(w.startswith(starts) for w in normalize(c.value).split()) for c in choices)


@pytest.mark.parametrize(
    ("query", "nearest"),
    [("Darley Dale", "Darley"), ("Spondon East", "Spondon"), ("Littleover North", "Littleover")],
)
def test_a_longer_place_name_is_not_read_as_a_shorter_ward(
    seed_store: ResultsStore, query: str, nearest: str
) -> None:
    """A ward with an extra word is another place: suggested, never answered as the nearest."""
    resolution = seed_store.resolve_ward(query)
    assert resolution.status == "not_found"
    assert [m.name for m in resolution.matches][:1] == [nearest]


RELATIVES = """\
= 2006 Testham Borough Council election =
==Ward results==
===Kingsbury===
  - Kingsbury**
- Siân O'Brien-Jones (Labour Party (UK)): 900 votes
- Leigh Alcock (Conservative Party (UK)): 800 votes
"""


@pytest.mark.parametrize(
    ("query", "suggested"),
    [("Sean O'Brien", "Siân O'Brien-Jones"), ("Leah Alcock", "Leigh Alcock")],
)
def test_a_first_name_only_alike_is_suggested_not_answered(
    make_store: StoreBuilder, query: str, suggested: str
) -> None:
    """A matching surname with a first name only alike may be a relative: the bot asks."""
    resolution = make_store(RELATIVES).resolve_candidate(query)
    assert resolution.status == "not_found", resolution
    assert [m.name for m in resolution.matches][:1] == [suggested]


@pytest.mark.parametrize(
    ("query", "candidate"),
    [("lucy cair", "Lucy Care"), ("margaret hurd", "Margaret Hird"), ("lucy carr", "Lucy Care")],
)
def test_a_typo_in_a_surname_still_finds_the_person(
    seed_store: ResultsStore, query: str, candidate: str
) -> None:
    """With the first name right, a near-miss surname is read as a typo."""
    resolution = seed_store.resolve_candidate(query)
    assert resolution.status == "ok", resolution
    assert resolution.best is not None and resolution.best.name == candidate
