"""The intent table, name spotting and slot filling, each on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from questions_eval_documents import build_store

from knowledge import PartyBook, ResultsStore
from knowledge.normalize import normalize
from knowledge.questions import answer_question
from knowledge.questions.intents import INTENTS, KEYWORDS
from knowledge.questions.lexicon import lexicon_for
from knowledge.questions.recognise import Reading, recognise
from knowledge.questions.registry import REPLY_MODULES, all_replies
from knowledge.questions.scope import Scope, choose_election
from knowledge.questions.slots import settle
from knowledge.questions.spotting import Spotted, spot
from knowledge.questions.text import tokenize
from knowledge.questions.words import STOP_WORDS

ROOT = Path(__file__).resolve().parents[2]


def spotted(store: ResultsStore, question: str) -> Spotted:
    text, tokens = tokenize(question)
    return spot(store, lexicon_for(store), text, tokens)


def reading(store: ResultsStore, question: str) -> Reading:
    found = recognise(spotted(store, question))
    assert found is not None, question
    return found


# The table ------------------------------------------------------------------------------------


def test_every_intent_has_a_reply_and_every_reply_an_intent() -> None:
    """A row without a reply (or a reply no row reaches) is a mistake in the table."""
    assert {i.name for i in INTENTS} == set(all_replies())


def test_every_module_of_replies_is_listed_for_importing() -> None:
    """Reply modules are imported when a reply is first wanted, from the registry's list: a
    module left off it would leave its intents unanswerable in a fresh process."""
    folder = ROOT / "knowledge" / "questions"
    registering = {p.stem for p in folder.glob("*.py") if "\n@reply(" in p.read_text("utf-8")}
    assert registering == set(REPLY_MODULES)


def test_a_ward_question_loads_no_history_or_control_machinery(tmp_path: Path) -> None:
    """A cold `ask` pays only for the replies it uses (the history modules cost ~10 ms)."""
    code = (
        "import sys\n"
        "from knowledge import ResultsStore, answer_question\n"
        "from pathlib import Path\n"
        "store = ResultsStore.load(Path('data/elections'), Path('data/parties.toml'),"
        " database=Path(sys.argv[1]))\n"
        "print(answer_question(store, 'who won in Boulton?').headline)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('knowledge.history.',"
        " 'knowledge.control', 'knowledge.commands', 'knowledge.questions.history_replies'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "elections.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    headline, modules = done.stdout.splitlines()[-2:]
    assert "Boulton" in headline
    assert modules == "['knowledge.history.answers']"


def test_trigger_phrases_are_written_as_normalised_words() -> None:
    """Phrases are compared with folded question words, so they must be folded themselves."""
    for intent in INTENTS:
        for group in (g for p in intent.cues for g in (*p.needs, *p.bonus)):
            for phrase in group:
                assert normalize(phrase) == phrase, (intent.name, phrase)


def test_each_intent_is_one_record() -> None:
    """Two ways of asking the same thing are two cue patterns of one record, not two rows."""
    names = [intent.name for intent in INTENTS]
    assert len(names) == len(set(names))


def test_stop_words_and_trigger_words_are_lower_case_single_words() -> None:
    """The ordinary-word lists hold folded single words only."""
    for word in STOP_WORDS | KEYWORDS:
        assert word == normalize(word) and " " not in word


# Recognition ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("who won in Abbey", "ward.winners"),
        ("Abbey", "ward.result"),
        ("which party won Abbey", "ward.party"),
        ("majority in Abbey", "ward.majority"),
        ("who came second in Abbey", "ward.place"),
        ("how many votes did Labour get in Abbey", "ward_party.votes"),
        ("did Lucy Care win", "candidate.elected"),
        ("how many votes did Lucy Care get", "candidate.votes"),
        ("by how much did Lucy Care win", "candidate.margin"),
        ("what party is Lucy Care", "candidate.party"),
        ("which ward did Lucy Care stand in", "candidate.ward"),
        ("Lucy Care", "candidate.result"),
        ("how many seats did the Tories win", "party.seats"),
        ("how many seats did the Tories gain", "party.change"),
        ("which wards did Labour win", "party.wards"),
        ("Labour's best candidate", "party.best"),
        ("who controls the council", "council.control"),
        ("how many seats are needed for a majority", "council.threshold"),
        ("when was the election", "council.date"),
        ("which was the closest contest", "margins.closest"),
        ("who got the most votes", "rank.most_votes"),
        ("which ward had the most votes cast", "rank.ward_most_cast"),
        ("Labour v Tories", "compare.parties"),
        ("compare Abbey and Darley", "compare.wards"),
        ("which wards were split", "council.split"),
    ],
)
def test_questions_are_read_as_their_intent(
    seed_store: ResultsStore, question: str, intent: str
) -> None:
    """The highest-scoring row of the table is the one the question asks."""
    assert reading(seed_store, question).intent.name == intent


def test_a_question_with_no_trigger_words_and_no_names_is_out_of_scope(
    seed_store: ResultsStore,
) -> None:
    """Nothing to go on means no intent (the caller then says what it can answer)."""
    assert recognise(spotted(seed_store, "what's the weather like?")) is None


def test_an_unknown_place_fills_the_ward_slot(seed_store: ResultsStore) -> None:
    """ "who won in Narnia" is a ward question with an unknown ward, not "who won overall"."""
    found = reading(seed_store, "who won in Narnia?")
    assert found.intent.name == "ward.winners"
    assert found.unknown is not None and found.unknown.text == "Narnia"


def test_a_by_election_needs_no_ward_named() -> None:
    """With one contest in the election, "what was the majority" means that contest's."""
    store = build_store("by-election")
    found = recognise(spotted(store, "what was the majority"), implicit_ward=True)
    assert found is not None and found.intent.name == "ward.majority" and found.implicit_ward


# Spotting names -------------------------------------------------------------------------------


def kinds(store: ResultsStore, question: str) -> list[tuple[str, str, str]]:
    return [(s.kind, s.text, s.resolution.status) for s in spotted(store, question).spans]


def test_ordinary_words_never_become_names(seed_store: ResultsStore) -> None:
    """Question words, election words and glue never fuzzy-match a ward, candidate or party."""
    question = "who won the seats in the council and how many votes did the party get overall"
    assert kinds(seed_store, question) == []


def test_a_candidate_next_to_a_ward_is_split_into_both(seed_store: ResultsStore) -> None:
    """ "Lucy Care Littleover" is a candidate and a ward, not one long name."""
    assert kinds(seed_store, "Lucy Care Littleover") == [
        ("candidate", "Lucy Care", "ok"),
        ("ward", "Littleover", "ok"),
    ]


def test_an_unknown_full_name_is_looked_up_whole(seed_store: ResultsStore) -> None:
    """ "John Smith" is one unknown candidate, never "John" plus Grace Smith."""
    assert kinds(seed_store, "did John Smith win") == [("candidate", "John Smith", "not_found")]


def test_a_misspelt_surname_is_not_swapped_for_a_real_one(seed_store: ResultsStore) -> None:
    """ "Lucy Smithers" is looked up whole and not found, rather than becoming Lucy Care."""
    assert kinds(seed_store, "did Lucy Smithers get in") == [
        ("candidate", "Lucy Smithers", "not_found")
    ]


def test_a_surname_that_is_an_ordinary_word_counts_inside_a_full_name(
    seed_store: ResultsStore,
) -> None:
    """ "Till" is glue on its own ("what else") but part of the name in "Janet Till"."""
    assert kinds(seed_store, "did Janet Till win") == [("candidate", "Janet Till", "ok")]
    assert kinds(seed_store, "what else can you do") == []


def test_a_shared_surname_is_ambiguous(seed_store: ResultsStore) -> None:
    """ "Care" is Lucy Care or Ian Care: spotted as ambiguous, not guessed."""
    [span] = spotted(seed_store, "did Care win").spans
    assert span.resolution.status == "ambiguous"
    assert {m.name for m in span.resolution.matches} == {"Lucy Care", "Ian Care"}


def test_words_that_read_as_two_kinds_keep_both(seed_store: ResultsStore) -> None:
    """ "Bolton" is Sara Bolton's surname and the ward Boulton mistyped; the intent decides."""
    [span] = spotted(seed_store, "who won in Bolton").spans
    assert {span.kind, *(a.kind for a in span.alternatives)} == {"candidate", "ward"}
    assert reading(seed_store, "who won in Bolton").slots[0].kind == "ward"
    assert reading(seed_store, "did Bolton win").slots[0].kind == "candidate"


def test_a_word_beside_an_unknown_name_says_its_kind(seed_store: ResultsStore) -> None:
    """ "the Pirate party" is an unknown party; "Hogwarts ward" an unknown ward."""
    [party] = spotted(seed_store, "how many seats did the Pirate party win").unknowns
    [ward] = spotted(seed_store, "results for Hogwarts ward").unknowns
    assert (party.text, party.hint) == ("Pirate", "party")
    assert (ward.text, ward.hint) == ("Hogwarts", "ward")


def test_mistyped_trigger_words_are_read_as_meant(seed_store: ResultsStore) -> None:
    """ "votse" and "seets" are votes and seats, not names."""
    found = spotted(seed_store, "how many votse and seets")
    assert found.spans == () and found.unknowns == ()
    assert found.words[2] in {"vote", "votes"} and found.words[4] == "seats"


def test_possessives_and_capitals_are_read_from_the_text() -> None:
    """ "Labour's" folds to "labour"; a capital in mid-sentence is noted, not at the start."""
    _, tokens = tokenize("Did Labour's Janet Till win?")
    assert [t.word for t in tokens] == ["did", "labour", "janet", "till", "win"]
    assert [t.capital for t in tokens] == [False, True, True, True, False]


# Slots and the election -----------------------------------------------------------------------


def test_a_ward_named_alongside_narrows_an_ambiguous_candidate(seed_store: ResultsStore) -> None:
    """ "Care in Spondon" settles on Ian Care before anything is asked."""
    settled = settle(seed_store, reading(seed_store, "did Care win in Spondon"))
    match = settled.slots[0].resolution.best
    assert match is not None and match.name == "Ian Care"


def test_a_party_named_alongside_narrows_an_ambiguous_candidate(seed_store: ResultsStore) -> None:
    """ "the Tory Taylor" is John Taylor, the only Conservative of the three Taylors."""
    settled = settle(seed_store, reading(seed_store, "did the Tory Taylor win"))
    match = settled.slots[0].resolution.best
    assert match is not None and match.name == "John Taylor"


def election_for(store: ResultsStore, question: str, option: str | None = None) -> str:
    found = spotted(store, question)
    scope = choose_election(store, found, recognise(found), option)
    assert isinstance(scope, Scope), scope
    return scope.election.id


def test_the_election_named_in_the_question_is_used() -> None:
    """A year, a council or the option choose the election; the question's own words win;
    with nothing named, the newest whole-council election (not the later by-election)."""
    store = build_store("many")
    assert election_for(store, "who won Darley in 2002") == "derby-2002"
    assert election_for(store, "who won Darley") == "derby-2003"
    assert election_for(store, "who controls Barnsley council") == "barnsley-2004"
    assert election_for(store, "who controls the council", "derby-2002") == "derby-2002"
    assert election_for(store, "who won Darley in 2003", "derby-2002") == "derby-2003"
    assert election_for(store, "who won the Sinfin by-election") == "sinfin-by-election-2005"
    assert election_for(store, "who controls the council") == "barnsley-2004"


# Real-world phrasing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opener"),
    [
        ("Sorry, one more: did Chris Williamson win?", "did"),
        ("hey bot, can you tell me if Labour won Abbey", "if"),
        ("can you tell me how many seats Labour won", "how"),
        ("do you know who won in Darley", "who"),
        ("any tories elected in Littleover?", "any"),
    ],
)
def test_greetings_and_wrappers_are_skipped_to_find_the_question(
    seed_store: ResultsStore, question: str, opener: str
) -> None:
    """A yes/no question is told by the word the question proper opens with, not the greeting."""
    assert spotted(seed_store, question).opener == opener


@pytest.mark.parametrize(
    "question",
    [
        "who won in Darley Dale",
        "who won in spondon east",
        "who won in Derby North?",
        "who won in Chester Green",
        "results for Normanton Park",
    ],
)
def test_a_place_that_is_no_ward_is_not_found_rather_than_its_nearest_ward(
    seed_store: ResultsStore, question: str
) -> None:
    """An extra word makes another place ("Darley Dale"); it is reported as a ward not found,
    never answered as Darley, nor read as the council or the Green party it resembles."""
    answer = answer_question(seed_store, question)
    assert answer.kind == "not_found" and answer.what == "ward", answer.headline


def test_text_speak_and_plural_abbreviations_are_read_as_meant(seed_store: ResultsStore) -> None:
    """ "wun" is won, "wich" which, and "the LDs" the Liberal Democrats."""
    found = spotted(seed_store, "wich party wun in sinfin")
    assert found.words[:3] == ("which", "party", "won")
    assert kinds(seed_store, "number of seats for the LDs") == [("party", "the LDs", "ok")]


def test_a_ward_spelt_exactly_is_not_read_as_a_misspelt_candidate(seed_store: ResultsStore) -> None:
    """ "Boulton" is the ward, not a typo of the candidate Bolton; "Bolton", a candidate's own
    name, may still be a typo of the ward Boulton ("who won in Bolton")."""
    lexicon = lexicon_for(seed_store)
    assert lexicon.classify("boulton").kinds == {"ward": 100.0}
    bolton = lexicon.classify("bolton").kinds
    assert bolton["candidate"] == 100.0 and bolton["ward"] >= 80.0
    assert answer_question(seed_store, "who won in Boulton").kind == "ward"


def test_an_off_topic_word_is_not_read_as_part_of_a_name(seed_store: ResultsStore) -> None:
    """ "is Chris Williamson married" asks what the results don't hold; "married" is no surname."""
    found = spotted(seed_store, "is chris williamson married")
    assert found.off_topic and kinds(seed_store, "is chris williamson married") == [
        ("candidate", "chris williamson", "ok")
    ]


def test_a_council_named_by_its_place_reads_as_the_council(seed_store: ResultsStore) -> None:
    """ "do the Lib Dems run Derby" asks about control of the council, not candidates."""
    assert reading(seed_store, "do the lib dems run derby").intent.name == "party.control"


def test_a_shared_surname_beside_another_candidate_is_the_one_who_stood_against_them(
    seed_store: ResultsStore,
) -> None:
    """ "Repton and Hart" compares Martin Repton with Simon Hart, who stood in Darley too."""
    answer = answer_question(seed_store, "how many votes separated Repton and Hart")
    assert answer.kind == "fact" and "Simon Hart" in (answer.headline or "")


def test_answers_do_not_depend_on_the_hash_seed() -> None:
    """Equal readings are settled in a fixed order, so every process answers alike."""
    script = (
        "from tests.conftest import PARTIES, SEED\n"
        "from knowledge import ResultsStore\n"
        "from knowledge.questions import answer_question\n"
        "store = ResultsStore.load(SEED, PARTIES)\n"
        "for q in ('results for Normanton Park', 'who won in Bolton', 'did Care win'):\n"
        "    print(answer_question(store, q).model_dump_json())\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


LAST_TIED = """= 2010 Lastton Borough Council election =

==Ward results==
===Northgate===

  - Northgate**

- Alice Archer (Labour Party (UK)): 900 votes
- Brian Bishop (Conservative Party (UK)): 300 votes
- Carol Cooper (Liberal Democrats (UK)): 300 votes
"""


def test_a_tie_for_last_place_names_everyone_on_it() -> None:
    book = PartyBook.from_toml(ROOT / "data" / "parties.toml")
    store = ResultsStore.from_texts([("2010_lastton.txt", LAST_TIED)], book)
    for question in ("who came last in Northgate", "who came second in Northgate"):
        headline = answer_question(store, question).headline or ""
        assert "Brian Bishop" in headline and "Carol Cooper" in headline, headline
        assert "joint" in headline, headline
