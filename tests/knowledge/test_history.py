"""A council across elections: last time, hold or gain, swing, the council now, people, trends.

`history_documents/2022_burnley_…` and `2026_burnley_…` are transcribed (six wards each) from the
Wikipedia articles "2022 Burnley Borough Council election" and "2026 Burnley Borough Council
election" (CC BY-SA 4.0, via /work/shared/formats): a council elected by thirds, one seat per
ward, a full term apart. The Eastbury documents are made up for the awkward cases: an all-out
election with a tie settled by lot, two elections by thirds, a by-election in a one-seat ward and
one in a three-seat ward, then all-out again on new boundaries with one name in two wards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import ResultsStore, run_text
from knowledge.commands import choice_option
from knowledge.history.answers import (
    CouncilHistoryAnswer,
    CouncillorsAnswer,
    LastTime,
    PartyHistoryAnswer,
    PersonHistoryAnswer,
    WardHistoryAnswer,
)
from knowledge.history.commands import councillors_answer
from knowledge.history.index import history_index
from knowledge.history.people import person_history
from knowledge.history.seats import ward_chain
from knowledge.history.trends import council_history
from knowledge.history.wards import last_time, ward_history
from knowledge.parser import parse_document
from knowledge.resolve import EntityKind

HERE = Path(__file__).parent
DOCUMENTS = HERE / "history_documents"
ROOT = HERE.parents[1]
PARTIES = ROOT / "data" / "parties.toml"
SEED = ROOT / "data" / "elections" / "2002_derby_city_council_election.txt"


def _store(*names: str) -> ResultsStore:
    files = sorted(DOCUMENTS.glob("*.txt"))
    chosen = [f for f in files if not names or any(n in f.name for n in names)]
    from knowledge.parties import PartyBook

    book = PartyBook.from_toml(PARTIES)
    return ResultsStore.from_texts(((f.name, f.read_text()) for f in chosen), book)


@pytest.fixture(scope="module")
def burnley() -> ResultsStore:
    return _store("burnley")


@pytest.fixture(scope="module")
def eastbury() -> ResultsStore:
    return _store("eastbury", "by-election")


def _last(store: ResultsStore, election: str, ward: str) -> LastTime:
    found = last_time(store, election, ward)
    assert isinstance(found, LastTime), found
    return found


# Real data: Burnley 2022 -> 2026 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("ward", "outcome", "previous_party", "previous_winner"),
    [
        ("Bank Hall", "gain", "Labour", "Afrasiab Anwar (Lab)"),
        ("Briercliffe", "gain", "Liberal Democrats", "Gordon Lishman (LD)"),
        ("Cliviger with Worsthorne", "gain", "Green", "Jack Launer (Grn)"),
        ("Queensgate", "gain", "Labour", "Syeda Kazmi (Lab)"),
        ("Trinity", "gain", "Green", "Andy Fewings (Grn)"),
    ],
)
def test_a_seat_by_thirds_is_compared_with_the_winner_a_full_term_earlier(
    burnley: ResultsStore, ward: str, outcome: str, previous_party: str, previous_winner: str
) -> None:
    """2026 against 2022, four years apart: the hold/gain the article states is computed too."""
    last = _last(burnley, "burnley-2026", ward)
    assert last.previous.id == "burnley-2022" and last.current.id == "burnley-2026"
    assert [s.outcome for s in last.seats] == [outcome]
    assert last.seats[0].previous_party == previous_party
    assert "a full term earlier" in last.seats[0].reason
    assert last.previous_winners == (previous_winner,)
    assert last.warnings == ()  # the article's own hold/gain agrees with the computed one


def test_the_last_time_line_names_both_years_and_the_share_change(burnley: ResultsStore) -> None:
    """Bank Hall: Labour's share fell from 75.2% to 12.8%: -62.4 points, 2022 to 2026."""
    last = _last(burnley, "burnley-2026", "Bank Hall")
    labour = next(s for s in last.shares if s.party == "Labour")
    assert labour.change == pytest.approx(206 / 1612 * 100 - 977 / 1299 * 100)
    assert "Last time (2022): Afrasiab Anwar (Lab)" in last.line
    assert "2026: Independent gain from Labour" in last.line
    assert "Share 2022→2026: Labour -62.4" in last.line


def test_no_swing_is_computed_when_a_leading_party_did_not_stand_before(
    burnley: ResultsStore,
) -> None:
    """Trinity 2026: Reform UK leads but did not stand in 2022, so there is no two-party swing."""
    last = _last(burnley, "burnley-2026", "Trinity")
    assert last.swing is None
    assert last.swing_note is not None and "Reform UK did not stand" in last.swing_note


def test_the_first_loaded_contest_says_there_is_no_earlier_one(burnley: ResultsStore) -> None:
    assert last_time(burnley, "burnley-2022", "Gannow") == (
        "No earlier contest of Gannow is loaded (this is its first)."
    )


def test_one_election_of_a_council_says_so_instead_of_an_empty_comparison() -> None:
    """The seed alone: /ward carries the sentence, not an empty 'last time'."""
    store = ResultsStore.load(SEED, PARTIES)
    answer = run_text(store, "/ward Boulton")
    assert answer.kind == "ward"
    assert answer.last_time is None
    assert answer.history_note == "No earlier election of Derby City Council is loaded."


def test_one_election_leaves_the_cross_election_parts_out() -> None:
    """Derby 2002 alone: no longest service, no term end (the cycle is unknown), one note."""
    store = ResultsStore.load(SEED, PARTIES)
    council = run_text(store, "/history")
    assert isinstance(council, CouncilHistoryAnswer)
    assert council.longest == () and council.firsts == ()
    assert council.notes == ("No earlier election of Derby City Council is loaded.",)
    holders = councillors_answer(store, "derby-2002", "Abbey").holders
    assert [h.term_ends for h in holders] == [None, None, None]
    assert "one election does not show the council's cycle" in holders[0].term_rule
    person = run_text(store, "/history candidate:Lucy Care")
    assert isinstance(person, PersonHistoryAnswer) and person.rows[0].seat is None


def test_councillors_by_thirds_without_an_all_out_election_say_what_is_missing(
    burnley: ResultsStore,
) -> None:
    """Queensgate: only the 2026 winner is known; the ward's other seats are not loaded."""
    answer = councillors_answer(burnley, "burnley-2026", "Queensgate")
    assert [h.name for h in answer.holders] == ["Zulkernehn Hayat"]
    assert answer.holders[0].term_ends == 2030
    assert answer.seats is None
    assert any("not settled by the loaded elections" in m for m in answer.missing)


def test_a_person_who_changed_party_is_one_record_with_the_doubt_said(
    burnley: ResultsStore,
) -> None:
    """Neil Mottershead: BAPIP winner in Gannow 2022, Conservative runner-up there in 2026."""
    person = person_history(burnley, "burnley-2026", "Neil Mottershead")
    assert person is not None
    assert [(r.election.id, r.party, r.elected) for r in person.rows] == [
        ("burnley-2022", "Burnley and Padiham Independent Party", True),
        ("burnley-2026", "Conservative", False),
    ]
    assert person.stood == 2 and person.won == 1
    assert "matched by name" in person.match_note
    assert any("change of party" in d for d in person.doubts)
    assert person.now is not None and person.now.startswith("Not holding a seat")


def test_a_person_who_stood_in_another_ward_is_flagged(burnley: ResultsStore) -> None:
    """Susan Nutter: Bank Hall in 2022, Briercliffe in 2026."""
    person = person_history(burnley, "burnley-2026", "Susan Nutter")
    assert person is not None
    assert [r.ward for r in person.rows] == ["Bank Hall", "Briercliffe"]
    assert any("Bank Hall, Briercliffe" in d for d in person.doubts)


def test_composition_by_thirds_without_an_all_out_election_is_partial(
    burnley: ResultsStore,
) -> None:
    answer = council_history(burnley, "burnley-2026")
    assert answer is not None
    last = answer.composition[-1]
    assert last.size is None and last.control is None
    assert {p.party: p.seats for p in last.parties} == {"Reform UK": 4, "Independent": 2}
    assert "partly known" in last.basis


# Made-up: Eastbury, the awkward cases ----------------------------------------------------------


def test_after_an_all_out_election_the_fewest_votes_seat_is_up_first(
    eastbury: ResultsStore,
) -> None:
    """Abbey 2015 replaces Arthur Aston (third in 2014), not Labour's Adam Ash: a gain."""
    last = _last(eastbury, "eastbury-2015", "Abbey")
    seat = last.seats[0]
    assert (seat.outcome, seat.previous_party, seat.previous_name) == (
        "gain",
        "Conservative",
        "Arthur Aston",
    )
    assert last.warnings == ()  # the document's "Labour gain from Conservative" agrees


def test_a_tie_settled_by_lot_is_carried_into_the_next_cycle(eastbury: ResultsStore) -> None:
    """Boulton 2014: Beth Lott won the tie by lot; in 2015 her seat (the shortest term) is up."""
    contest = eastbury.contest("eastbury-2014", "Boulton")
    assert contest is not None and contest.decided_by_lot and not contest.tie
    assert [s.name for s in contest.elected] == ["Ben Bell", "Bella Bond", "Beth Lott"]
    assert [s.name for s in contest.standings if s.by_lot] == ["Beth Lott"]
    history = ward_history(eastbury, "eastbury-2018", "Boulton")
    assert history is not None
    assert history.rows[0].winners[2].by_lot
    seat = history.rows[1].winners[0]
    assert (seat.name, seat.outcome, seat.previous_name) == ("Bob Boyd", "gain", "Beth Lott")


def test_a_by_election_in_a_one_seat_ward_replaces_its_councillor(eastbury: ResultsStore) -> None:
    last = _last(eastbury, "mill-by-election-15-september-2016", "Mill")
    assert last.previous.id == "eastbury-2014"
    assert (last.seats[0].outcome, last.seats[0].previous_name) == ("gain", "Mary Miller")


def test_a_by_election_that_does_not_say_whose_seat_leaves_a_doubt() -> None:
    """Abbey, 2017: one of three Labour seats went to Zoe Zane; which one is not said."""
    store = _store("2014_eastbury", "2015_eastbury", "2016_eastbury", "by-election")
    answer = councillors_answer(store, "abbey-by-election-2-march-2017", "Abbey")
    known = [h.name for h in answer.holders if not h.doubtful]
    doubtful = sorted(h.name for h in answer.holders if h.doubtful)
    assert known == ["Zoe Zane"]
    assert doubtful == ["Adam Ash", "Alice Archer", "Andrew Abel"]
    assert any("which one is not said" in m for m in answer.missing)
    last = _last(store, "abbey-by-election-2-march-2017", "Abbey")
    assert (last.seats[0].outcome, last.seats[0].previous_party) == ("gain", "Labour")


def test_a_stated_gain_that_disagrees_is_a_data_warning(eastbury: ResultsStore) -> None:
    """Abbey 2016 says 'Labour gain from Conservative'; Adam Ash's own seat was up: a hold."""
    last = _last(eastbury, "eastbury-2016", "Abbey")
    assert last.seats[0].outcome == "hold"
    assert len(last.warnings) == 1
    assert "“Labour Party (UK) gain from Conservative Party (UK)”" in last.warnings[0]


def test_a_stated_swing_is_shown_as_stated_beside_the_computed_one(
    eastbury: ResultsStore,
) -> None:
    """Abbey 2016 states 4.0%; the Butler swing from the shares is 0.1 points to Conservative."""
    swing = _last(eastbury, "eastbury-2016", "Abbey").swing
    assert swing is not None
    expected = ((1100 / 2150 - 1000 / 1950) - (1050 / 2150 - 950 / 1950)) * 100 / 2
    assert swing.points == pytest.approx(expected)
    assert swing.stated == "4.0% Conservative to Labour"
    assert swing.text == (
        "4.0% Conservative to Labour (stated); computed: 0.1 points from Labour to Conservative "
        "since 2015"
    )
    assert "Butler" in swing.rule


def test_a_boundary_change_is_said_not_papered_over(eastbury: ResultsStore) -> None:
    """Boulton 2018 says 'new boundary win'; Riverside is new; Mill was abolished."""
    boulton = _last(eastbury, "eastbury-2018", "Boulton")
    assert boulton.boundary is not None and "new boundary" in boulton.boundary
    assert boulton.swing is None and {s.outcome for s in boulton.seats} == {"new"}
    riverside = ward_history(eastbury, "eastbury-2018", "Riverside")
    assert riverside is not None and riverside.rows[0].boundary is not None
    assert "not contested in the 2014" in riverside.rows[0].boundary
    mill = councillors_answer(eastbury, "eastbury-2018", "Mill")
    assert mill.holders == () and "abolished" in mill.missing[0]


def test_all_out_after_a_doubtful_by_election_still_knows_the_party(
    eastbury: ResultsStore,
) -> None:
    """Abbey 2018: Zane (Con) and two of the three Labour seats held, all three compared."""
    history = ward_history(eastbury, "eastbury-2018", "Abbey")
    assert history is not None
    assert [s.outcome for s in history.rows[-1].winners] == ["hold", "hold", "hold"]


def test_composition_is_carried_forward_from_the_all_out_election(
    eastbury: ResultsStore,
) -> None:
    answer = council_history(eastbury, "eastbury-2018")
    assert answer is not None
    seats = {r.election.id: {p.party: p.seats for p in r.parties} for r in answer.composition}
    assert seats["eastbury-2014"] == {"Labour": 5, "Conservative": 1, "Liberal Democrats": 1}
    assert seats["eastbury-2015"] == {"Labour": 6, "Conservative": 1}
    assert seats["eastbury-2018"] == {"Labour": 5, "Conservative": 3}
    assert [r.size for r in answer.composition] == [7, 7, 7, 8]
    assert answer.composition[-1].control == "Labour"
    since_2014 = [s.split(" (")[0] for s in answer.longest if "since the 2014" in s]
    assert since_2014 == ["Alice Archer", "Bella Bond", "Ben Bell"]


def test_a_stated_council_after_that_disagrees_with_the_chain_is_a_data_warning(
    eastbury: ResultsStore,
) -> None:
    """Eastbury 2015's infobox says Labour 5, Conservative 2; carried forward: 6 and 1."""
    answer = council_history(eastbury, "eastbury-2018")
    assert answer is not None
    assert answer.warnings == (
        "2015 Eastbury Borough Council election: the document's council after the election "
        "differs: Conservative: 2 stated, 1 carried forward; Labour: 5 stated, 6 carried forward",
    )


def test_the_same_name_in_two_wards_is_matched_by_name_with_a_doubt(
    eastbury: ResultsStore,
) -> None:
    person = person_history(eastbury, "eastbury-2018", "John Smith")
    assert person is not None
    assert sorted(r.ward for r in person.rows) == ["Abbey", "Riverside"]
    assert any("two people with one name" in d for d in person.doubts)


# Commands ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("/history ward:Abbey", "ward_history"),
        ("/history candidate:Beth Lott", "person_history"),
        ("/history party:lib dems council:eastbury", "party_history"),
        ("/history council:eastbury", "council_history"),
        ("/history", "council_history"),
        ("/councillors Boulton", "councillors"),
        ("/councillors ward:Abbey council:eastbury-2016", "councillors"),
        ("/councillors", "not_found"),
        ("/history ward:Nowhere Special", "not_found"),
    ],
)
def test_history_commands_answer_with_their_kind(
    eastbury: ResultsStore, text: str, kind: str
) -> None:
    assert run_text(eastbury, text).kind == kind


def test_history_names_the_ward_in_the_council_asked_for() -> None:
    store = _store()
    answer = run_text(store, "/history ward:Abbey council:burnley")
    assert answer.kind == "not_found"
    assert "Eastbury Borough Council" in answer.message
    assert isinstance(run_text(store, "/history ward:Trinity"), WardHistoryAnswer)
    assert isinstance(run_text(store, "/councillors Trinity"), CouncillorsAnswer)
    assert isinstance(run_text(store, "/history candidate:Julie Hurt"), PersonHistoryAnswer)
    assert isinstance(run_text(store, "/history party:green council:burnley"), PartyHistoryAnswer)
    assert isinstance(run_text(store, "/history council:burnley"), CouncilHistoryAnswer)


def test_party_history_names_its_first_win_and_share_change(eastbury: ResultsStore) -> None:
    answer = run_text(eastbury, "/history party:Conservative")
    assert isinstance(answer, PartyHistoryAnswer)
    assert answer.first_win == "the 2014 Eastbury Borough Council election"
    assert [r.seats_won for r in answer.rows] == [1, 1, 0, 3]
    assert answer.rows[0].share_change is None and answer.rows[1].share_change is not None


@pytest.mark.parametrize(
    ("command", "what", "option"),
    [
        ("history", "candidate", "candidate"),
        ("history", "ward", "ward"),
        ("history", "election", "council"),
        ("councillors", "ward", "ward"),
        ("ward", "ward", "name"),
        ("ward", "election", "election"),
        ("ask", "candidate", "name"),
    ],
)
def test_a_pick_from_an_ambiguous_answer_fills_the_commands_own_option(
    command: str, what: EntityKind, option: str
) -> None:
    assert choice_option(command, what) == option


# The grammar --------------------------------------------------------------------------------


def test_swing_and_a_winner_by_lot_are_read_from_the_document() -> None:
    election = parse_document(
        "= 2019 Testham Borough Council election =\n==Results==\n===Oak===\n  - Oak**\n"
        "- Ann Ash (Labour Party (UK)): 500 votes\n- Bo Birch (Green Party of England and Wales):"
        " 500 votes\n- Elected by lot: Bo Birch\n- Swing: 3.5% Labour to Green\n",
        "t.txt",
    )
    (contest,) = election.contests
    assert contest.swing == "3.5% Labour to Green"
    assert [c.by_lot for c in contest.candidates] == [False, True]
    assert election.warnings == ()


def test_a_lot_naming_nobody_who_stood_is_a_warning() -> None:
    election = parse_document(
        "= 2019 Testham Borough Council election =\n==Results==\n===Oak===\n  - Oak**\n"
        "- Ann Ash (Labour Party (UK)): 500 votes\n- Bo Birch (Green Party (UK)): 500 votes\n"
        "- Elected by lot: Cy Cedar\n",
        "t.txt",
    )
    assert "Cy Cedar" in str(election.warnings[0])
    assert not any(c.by_lot for c in election.contests[0].candidates)


# Real articles through the Wikipedia reader ------------------------------------------------------

WIKI_2022 = HERE / "documents" / "wikipedia"
WIKI_LATER = DOCUMENTS / "wikipedia"


@pytest.fixture(scope="module")
def articles() -> ResultsStore:
    """Burnley, Cambridge and Worthing, 2022 and 2026, as the Wikipedia articles give them."""
    files = [
        WIKI_2022 / "wikitext-burnley_2022.wiki",
        WIKI_2022 / "wikitext-cambridge_2022.wiki",
        *sorted(WIKI_LATER.glob("*.wiki")),
    ]
    from knowledge.parties import PartyBook

    book = PartyBook.from_toml(PARTIES)
    return ResultsStore.from_texts(((f.name, f.read_text()) for f in files), book)


def _outcomes(store: ResultsStore, council_key: str, election_id: str) -> list[str]:
    council = history_index(store).council(council_key)
    assert council is not None
    found = []
    for key, name in council.ward_names.items():
        step = ward_chain(council, name, store.book).step_for(election_id)
        if step is not None:
            found += [c.outcome for c in step.changes]
            assert key
    return sorted(found)


@pytest.mark.parametrize(
    ("council", "election", "holds", "gains"),
    [("burnley", "burnley-2026", 1, 14), ("cambridge", "cambridge-2026", 9, 6)],
)
def test_every_seat_of_an_article_pair_is_computed_and_agrees_with_the_article(
    articles: ResultsStore, council: str, election: str, holds: int, gains: int
) -> None:
    """Each 2026 seat against the one won in 2022: hold or gain, the same as the article says."""
    outcomes = _outcomes(articles, council, election)
    assert outcomes.count("hold") == holds and outcomes.count("gain") == gains
    assert len(outcomes) == holds + gains
    chains = history_index(articles).council(council)
    assert chains is not None
    warnings = [
        w
        for name in chains.ward_names.values()
        for s in ward_chain(chains, name, articles.book).steps
        for w in s.warnings
    ]
    assert warnings == []


def test_a_stated_gain_from_a_defector_is_a_data_warning(articles: ResultsStore) -> None:
    """Worthing's Broadwater 2026 says 'Green gain from Independent'; Labour won it in 2022."""
    last = _last(articles, "worthing-2026", "Broadwater")
    assert (last.seats[0].outcome, last.seats[0].previous_party) == ("gain", "Labour")
    assert len(last.warnings) == 1
    assert "gain from Independent politician" in last.warnings[0]
    assert "the seat was last won by Labour" in last.warnings[0]


def test_a_by_election_between_two_articles_is_followed(articles: ResultsStore) -> None:
    """Trumpington: May 2022, the August 2022 by-election, then two seats in 2026."""
    history = ward_history(articles, "cambridge-2026", "Trumpington")
    assert history is not None
    assert [r.via for r in history.rows] == ["thirds", "by-election", "thirds"]
    seats = history.rows[-1].winners
    assert [(s.name, s.outcome, s.previous_name) for s in seats] == [
        ("Olaf Hauk", "hold", "Olaf Hauk"),
        ("John Grimwood", "hold", "David Levien"),
    ]
    swing = history.rows[-1].swing
    assert swing is not None and swing.since.id == "cambridge-trumpington-by-election-2022"
    assert swing.text.endswith("since 2022 by-election")


def test_the_article_s_stated_swing_is_read(articles: ResultsStore) -> None:
    """Burnley 2022 Bank Hall: `swing = {{increase}}7.6` in the hold box."""
    contest = next(
        c
        for c in articles.election("burnley-2022").contests  # type: ignore[union-attr]
        if c.ward == "Bank Hall"
    )
    assert contest.swing == "+7.6"


def test_a_seat_the_data_cannot_compare_shows_the_document_s_own_line(
    burnley: ResultsStore,
) -> None:
    """Bank Hall 2022: no earlier contest is loaded, so the article's "Labour hold" is shown
    as the article's, unchecked."""
    history = ward_history(burnley, "burnley-2026", "Bank Hall")
    assert history is not None
    seat = history.rows[0].winners[0]
    assert (seat.outcome, seat.stated) == ("unknown", "Labour hold")
    assert seat.text == ("“Labour hold”, as the document says (previous holder not loaded)")


def test_a_councillor_whose_seat_was_due_at_the_latest_election_is_not_called_current(
    articles: ResultsStore,
) -> None:
    """Arbury: two Labour winners in 2022 (one seat vacated early), one seat up in 2026.

    Green's Sefira Davison took the seat a full term on; Patrick Sheil's 2022 seat was also due
    by 2026, and nothing loaded says who holds it, so he is not listed as a councillor now."""
    history = ward_history(articles, "cambridge-2026", "Arbury")
    assert history is not None
    assert [h.name for h in history.holders] == ["Sefira Davison"]
    assert any(n.startswith("Patrick Sheil (Labour) was elected") for n in history.notes)


# Reading one ward, not whole councils ---------------------------------------------------------


def test_last_time_on_a_ward_builds_no_whole_election() -> None:
    """A /ward's "last time" reads that ward's contests alone: no election of the council is
    built, and the answer is the one the fully built elections give."""
    alone = _store("burnley")
    answer = run_text(alone, "/ward Bank Hall election:burnley-2026")
    assert answer.kind == "ward" and answer.last_time is not None
    assert len(alone._elections) == 0 and len(alone._facts) == 0

    built = _store("burnley")
    for info in built.catalog:
        built.facts(info.id)
    index = history_index(built)
    council = index.council_of(built.catalog[-1].id)
    assert council is not None and council.wards  # every ward gathered from the built elections
    again = run_text(built, "/ward Bank Hall election:burnley-2026")
    assert again.model_dump_json() == answer.model_dump_json()


def test_the_history_index_does_not_keep_its_store_alive() -> None:
    """The index is kept beside its store and refers to it weakly: a store dropped (a reload
    replaced it) is freed, with its cached elections and histories."""
    import gc
    import weakref

    store = _store("burnley")
    run_text(store, "/ward Bank Hall election:burnley-2026")
    run_text(store, "/history council:burnley")
    gone = weakref.ref(store)
    del store
    gc.collect()
    assert gone() is None
