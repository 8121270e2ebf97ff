"""Wikipedia articles (`*.wiki`) load through the store and answer like the seed's documents.

Expected numbers were read off the wikitext by hand (the fixtures are real articles, copied with
their attribution line from ../shared/formats/).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from knowledge import ResultsStore, run_text
from knowledge.answers import (
    CandidateAnswer,
    ClosestAnswer,
    PartyAnswer,
    SummaryAnswer,
    WardAnswer,
)
from knowledge.errors import ParseError
from knowledge.questions.answering import answer_question
from knowledge.readers import read_text, suffixes

WIKI = Path(__file__).resolve().parent / "documents" / "wikipedia"
PARTIES = Path(__file__).resolve().parents[2] / "data" / "parties.toml"
BURNLEY = "wikitext-burnley_2022.wiki"
CAMBRIDGE = "wikitext-cambridge_2022.wiki"
BARNET = "wikitext-2022-barnet-london-borough-council-election.excerpt.wiki"
VARIANTS = "wikitext-variants-quoted-in-tests.wiki"
CRAWLEY = "wikitext-crawley_2026.wiki"


@cache
def store_of(name: str) -> ResultsStore:
    return ResultsStore.load(WIKI / name, PARTIES)


def ward(name: str, query: str) -> WardAnswer:
    answer = run_text(store_of(name), f"/ward {query}")
    assert isinstance(answer, WardAnswer), answer
    return answer


def winners(answer: WardAnswer) -> list[str]:
    return [c.name for c in answer.candidates if c.elected]


def test_the_store_reads_wiki_files() -> None:
    """`.wiki` is a registered suffix beside `.txt`."""
    assert ".wiki" in suffixes()


def test_burnley_article_without_infobox_loads_every_ward() -> None:
    """Burnley 2022 has no infobox: the election loads from its title, date and 15 boxes."""
    store = store_of(BURNLEY)
    assert store.errors == []
    (election,) = store.elections
    assert (election.id, election.title) == (
        "burnley-2022",
        "2022 Burnley Borough Council election",
    )
    assert election.date is not None and election.date.isoformat() == "2022-05-05"
    assert len(election.contests) == 15
    assert "Gawthorpe" in [c.ward for c in election.contests]  # [[Gawthorpe (ward)|Gawthorpe]]


def test_burnley_ward_reads_piped_candidate_links_and_stated_figures() -> None:
    """Briercliffe: `[[Gordon Lishman|Arthur Gordon Lishman]]` won with 618; majority 323."""
    answer = ward(BURNLEY, "briercliffe")
    assert winners(answer) == ["Arthur Gordon Lishman"]
    assert [c.votes for c in answer.candidates] == [618, 295, 248, 62]
    assert answer.majority == 323
    assert (answer.turnout, answer.turnout_percent) == (1223, 28.7)
    assert answer.outcomes == ("Liberal Democrats hold",)


def test_burnley_closest_wards_come_from_the_boxes() -> None:
    """Cliviger with Worsthorne (892 v 881) is the closest, then Brunshaw (526 v 456)."""
    answer = run_text(store_of(BURNLEY), "/closest")
    assert isinstance(answer, ClosestAnswer)
    assert [(r.ward, r.majority) for r in answer.closest[:2]] == [
        ("Cliviger with Worsthorne", 11),
        ("Brunshaw", 70),
    ]


def test_answers_cite_the_article() -> None:
    """The first-line comment's URL and title are the citation in every footer."""
    answer = ward(BURNLEY, "bank hall")
    assert "Wikipedia: 2022 Burnley Borough Council election" in answer.election.citation
    assert "https://en.wikipedia.org/wiki/2022_Burnley_Borough_Council_election" in (
        answer.election.citation
    )


def test_barnet_winning_markers_split_a_three_seat_ward() -> None:
    """Barnet Vale (3 seats): Haylett and Barnes (Lab) and Longstaff* (Con) are marked won."""
    answer = ward(BARNET, "barnet vale")
    assert answer.seats == 3
    assert winners(answer) == ["Marianne Haylett", "David Longstaff", "Richard Barnes"]
    assert answer.split
    assert {s.party_key: s.seats for s in answer.seats_by_party} == {"labour": 2, "conservative": 1}


def test_barnet_infobox_and_summary_rows_are_read() -> None:
    """Infobox: Labour 41 seats and control after; summary rows cross-checked (an excerpt)."""
    (election,) = store_of(BARNET).elections
    labour = election.parties[0]
    assert (labour.name, labour.seats, labour.last_election, labour.seat_change) == (
        "Labour Party (UK)",
        41,
        25,
        16,
    )
    assert labour.popular_vote == 46070 and labour.percentage == 43.0
    assert (election.control_before, election.control_after) == (
        "Conservative Party (UK)",
        "Labour Party (UK)",
    )
    assert election.majority_seats == 32
    totals = {row.name: (row.seats, row.popular_vote) for row in election.stated_totals}
    assert totals["Labour Party (UK)"] == (41, 118195)
    assert totals["Rejoin EU"] == (0, 465)
    # An excerpt: three wards of 24, so the summary's totals are far above the wards' sums.
    messages = [w.message for w in store_of(BARNET).warnings]
    assert "the results summary gives Labour 118,195 votes; the ward results add up to 15,365" in (
        messages
    )


def test_cambridge_by_election_is_an_election_of_its_own() -> None:
    """The By-elections section's Trumpington poll (18 Aug 2022) is kept out of the main tally."""
    store = store_of(CAMBRIDGE)
    main, by = store.elections
    assert main.kind == "council" and by.kind == "by-election"
    assert by.date is not None and by.date.isoformat() == "2022-08-18"
    assert [c.ward for c in by.contests] == ["Trumpington"]
    trumpington = [c for c in main.contests if c.ward == "Trumpington"]
    assert len(trumpington) == 1 and not trumpington[0].by_election
    result = store.facts(by.id).contests[0]
    assert [s.name for s in result.elected] == ["David Levien"]
    assert by.council_key == main.council_key


def test_cambridge_two_seats_due_to_by_election_is_two_seats_of_the_main_election() -> None:
    """`Arbury (2 seats due to by-election)` fills 2 seats in the main election."""
    main = store_of(CAMBRIDGE).elections[0]
    arbury = next(c for c in main.contests if c.ward == "Arbury")
    assert (arbury.seats, arbury.by_election) == (2, False)


def test_party_answer_from_an_article() -> None:
    """/party green in Burnley 2022: 2 seats and 3,387 votes, as the results table states."""
    answer = run_text(store_of(BURNLEY), "/party green")
    assert isinstance(answer, PartyAnswer)
    assert (answer.seats_won, answer.votes, answer.seats_after) == (2, 3387, 6)


def test_summary_table_gives_the_full_council_of_an_election_by_thirds() -> None:
    """Burnley 2022's results table: Labour won 7 (7,934 votes) and holds 18 of the 45 seats."""
    (election,) = store_of(BURNLEY).elections
    labour = election.parties[0]
    assert (labour.name, labour.seats, labour.seats_after, labour.popular_vote) == (
        "Labour Party (UK)",
        7,
        18,
        7934,
    )
    assert store_of(BURNLEY).warnings == []  # Labour Co-operative counts as Labour: sums agree
    burnley = run_text(store_of(BURNLEY), "/summary")
    assert isinstance(burnley, SummaryAnswer)
    assert (burnley.council_size, burnley.control_text) == (45, "No overall control")


def test_variants_undeclared_stv_and_table_contests_are_named_and_the_rest_loads() -> None:
    """Kingston (2) alphabetical, Islington empty votes, Caerphilly table, East Ayrshire STV."""
    store = store_of(VARIANTS)
    (election,) = store.elections
    assert [(c.ward, c.seats, c.declared) for c in election.contests] == [
        ("Berrylands", 2, True),
        ("Bunhill", 3, False),
        ("Cwm Aber / Aber Valley", 2, True),
    ]
    messages = [str(w) for w in election.warnings]
    assert any("'Annick' is a single transferable vote count (STV)" in m for m in messages)
    caerphilly = ward(VARIANTS, "cwm aber / aber valley")
    assert winners(caerphilly) == ["John Taylor", "Lyndon J Binding"]  # "Elected" in Notes
    assert (caerphilly.candidates[0].party, caerphilly.candidates[0].votes) == ("Plaid Cymru", 990)
    (table,) = [c for c in election.contests if c.ward.startswith("Cwm Aber")]
    assert (table.electorate, table.turnout_percent) == (4612, 30.81)  # from the caption
    assert any("'Bunhill': results not declared yet" in m for m in messages)
    assert all(m.startswith(VARIANTS) for m in messages)
    berrylands = ward(VARIANTS, "berrylands")
    assert winners(berrylands) == ["Anita Schaper", "Rizwana Malik"]  # 1,331 and 1,203
    bunhill = ward(VARIANTS, "bunhill")
    assert (winners(bunhill), bunhill.tie, bunhill.declared) == ([], False, False)
    assert len(bunhill.candidates) == 3


def test_crawley_before_the_count_lists_candidates_without_electing_anyone() -> None:
    """Crawley 2026 was saved before the count: undeclared wards elect nobody, no fake ties."""
    store = store_of(CRAWLEY)
    assert store.errors == []
    facts = store.facts(store.elections[0].id)
    undeclared = [c for c in facts.contests if not c.declared]
    assert undeclared and all(not c.elected and not c.tie for c in undeclared)


# Hand-made edge cases ------------------------------------------------------------------------

BOX = """{{{{Election box begin | title={title}}}}}
{rows}
{{{{Election box end}}}}
"""


def row(name: str, party: str, votes: str, winning: bool = False) -> str:
    kind = "winning candidate" if winning else "candidate"
    return (
        f"{{{{Election box {kind} with party link|party={party}|candidate={name}|votes={votes}}}}}"
    )


TWO_ROWS = "\n".join([row("Ann Able", "Labour", "900"), row("Bob Best", "Green", "400")])
"""Two candidates of one box, for the tests about what is around the box."""


def article(body: str, title: str = "2019 Testshire District Council election") -> str:
    url = "https://en.wikipedia.org/wiki/" + title.replace(" ", "_")
    return (
        f"<!-- source: {url} | revision 12345 -->\n"
        f"The '''{title}''' took place on 2 May 2019.\n{body}"
    )


def load(text: str, file: str = "test.wiki") -> ResultsStore:
    return ResultsStore.from_texts([(file, text)])


def test_coin_toss_in_prose_elects_the_named_candidate_by_lot() -> None:
    """Barnsley-style: a 1-seat tie, prose says Smith won on the toss of a coin."""
    body = "==Results==\nJane Smith won on the toss of a coin after a tie.\n" + BOX.format(
        title="Abbey",
        rows="\n".join(
            [row("Jane Smith", "Labour Party (UK)", "500"), row("Tom Jones", "Conservative", "500")]
        ),
    )
    store = load(article(body))
    answer = run_text(store, "/ward abbey")
    assert isinstance(answer, WardAnswer)
    assert (winners(answer), answer.lot, answer.tie) == (["Jane Smith"], True, False)
    assert [c.by_lot for c in answer.candidates] == [True, False]
    assert "revision 12345" in answer.election.citation


def test_a_tie_the_source_does_not_settle_stays_flagged() -> None:
    body = "==Results==\n" + BOX.format(
        title="Abbey",
        rows="\n".join(
            [row("Jane Smith", "Labour", "500"), row("Tom Jones", "Conservative", "500")]
        ),
    )
    answer = run_text(load(article(body)), "/ward abbey")
    assert isinstance(answer, WardAnswer)
    assert (winners(answer), answer.tie, answer.lot) == ([], True, False)


def test_winner_marker_settles_a_tie_and_a_marker_against_the_votes_is_a_warning() -> None:
    """Markers are the winners; where they contradict the vote order, that is a data warning."""
    tie = BOX.format(
        title="Abbey (two seats)",
        rows="\n".join(
            [
                row("Ann Able", "Labour", "900", winning=True),
                row("Bob Best", "Labour", "500"),
                row("Cat Cole", "Conservative", "500", winning=True),
            ]
        ),
    )
    odd = BOX.format(
        title="Brook ward",
        rows="\n".join(
            [row("Dee Dunn", "Labour", "100", winning=True), row("Eve East", "Green", "300")]
        ),
    )
    store = load(article("==Results==\n===Abbey===\n" + tie + "===Brook===\n" + odd))
    abbey = run_text(store, "/ward abbey")
    assert isinstance(abbey, WardAnswer)
    assert (abbey.seats, winners(abbey), abbey.lot) == (2, ["Ann Able", "Cat Cole"], True)
    brook = run_text(store, "/ward brook")
    assert isinstance(brook, WardAnswer)
    assert winners(brook) == ["Dee Dunn"]
    assert any("marks Dee Dunn as elected" in w.message for w in store.warnings)


def test_seats_from_titles_and_headings() -> None:
    """`(3 seats)`, `(3)`, `(two seats)`, a trailing `ward`, and the heading as the fallback
    (four parties, one candidate each: no party's slate says more seats than one)."""
    parties = ("Labour", "Conservative", "Green", "Reform UK")
    rows = "\n".join(row(f"Person {i}", parties[i], str(100 + i)) for i in range(4))
    body = "==Results==\n"
    for heading, title in [
        ("A", "Alpha (3 seats)"),
        ("B", "Beta (3)"),
        ("C", "Gamma (two seats)"),
        ("D", "[[Delta (ward)|Delta]] ward"),
        ("Epsilon (2)", ""),
    ]:
        body += f"==={heading}===\n" + BOX.format(title=title, rows=rows)
    (election,) = load(article(body)).elections
    assert [(c.ward, c.seats) for c in election.contests] == [
        ("Alpha", 3),
        ("Beta", 3),
        ("Gamma", 2),
        ("Delta", 1),
        ("Epsilon", 2),
    ]


def test_by_election_section_with_its_own_date() -> None:
    body = (
        "==Results==\n===Abbey===\n"
        + BOX.format(title="Abbey", rows=TWO_ROWS)
        + "==By-elections==\n===Abbey by-election, 12 March 2020===\n"
        + BOX.format(title="Abbey", rows=TWO_ROWS)
    )
    main, by = load(article(body)).elections
    assert by.kind == "by-election" and by.date is not None and by.date.isoformat() == "2020-03-12"
    assert len(main.contests) == 1 and main.id != by.id


def test_stated_control_is_used_when_thirds_cannot_settle_it() -> None:
    """No infobox, one third elected: "Labour kept control of the council" is the answer."""
    body = "Labour kept control of the council.\n==Results==\n" + BOX.format(
        title="Abbey", rows=TWO_ROWS
    )
    answer = run_text(load(article(body)), "/summary")
    assert isinstance(answer, SummaryAnswer)
    assert answer.control_text.startswith("Labour (as the document states")


def test_an_article_with_no_boxes_is_an_error_naming_the_file() -> None:
    with pytest.raises(ParseError) as error:
        read_text(article("==Results==\nNothing here yet.\n"), "empty.wiki")
    assert error.value.file == "empty.wiki"


def test_broken_markup_names_the_file_and_the_line() -> None:
    """A box that never ends is read to the end, with a warning at its line."""
    rows = "\n".join([row("Ann Able", "Labour", "900"), row("Bob Best", "Green", "x")])
    text = article("==Results==\n{{Election box begin|title=Abbey}}\n" + rows + "\n")
    (election,) = read_text(text, "broken.wiki")
    messages = [str(w) for w in election.warnings]
    assert any(m.startswith("broken.wiki, line 6: vote count 'x'") for m in messages)
    assert any(
        m.startswith("broken.wiki, line 4: election box 'Abbey' has no end") for m in messages
    )


@pytest.mark.parametrize("name", [BURNLEY, CAMBRIDGE, BARNET, CRAWLEY])
def test_contest_lines_are_the_lines_of_their_election_boxes(name: str) -> None:
    """Messages point at the right line: each contest's line is its `{{Election box begin`."""
    lines = (WIKI / name).read_text(encoding="utf-8").split("\n")
    begins = [i for i, text in enumerate(lines, start=1) if "{{Election box begin" in text]
    elections = store_of(name).elections
    found = sorted(c.line for e in elections for c in e.contests)
    assert found == begins


@pytest.mark.parametrize(
    ("written", "asked"),
    [
        ("St. Mary's", "st marys"),
        ("St Marys", "St. Mary's"),
        ("St Mary's", "st. marys"),
        ("Anston & Woodsetts", "anston and woodsetts"),
        ("Anston and Woodsetts", "Anston & Woodsetts"),
    ],
)
def test_ward_names_normalise_as_people_read_them(written: str, asked: str) -> None:
    """Full stops, apostrophes and `&`/`and` do not make two wards of one."""
    store = load(article("==Results==\n" + BOX.format(title=written, rows=TWO_ROWS)))
    answer = run_text(store, f"/ward {asked}")
    assert isinstance(answer, WardAnswer), answer
    assert answer.ward == written


def test_one_ward_spelt_two_ways_in_two_years_is_one_ward() -> None:
    """`St. Mary's` in 2019 and `St Marys` in 2023: the later answer lists the earlier one."""
    older = article(
        "==Results==\n" + BOX.format(title="St. Mary's", rows=TWO_ROWS),
        "2019 Testshire District Council election",
    )
    newer = article(
        "==Results==\n" + BOX.format(title="St Marys", rows=TWO_ROWS),
        "2023 Testshire District Council election",
    ).replace("2 May 2019", "4 May 2023")
    store = ResultsStore.from_texts([("a.wiki", older), ("b.wiki", newer)])
    answer = run_text(store, "/ward st marys")
    assert isinstance(answer, WardAnswer)
    assert answer.election.id == "testshire-2023"
    assert [e.id for e in answer.other_elections] == ["testshire-2019"]


@pytest.mark.parametrize("votes", ["Unopposed", "''Unopposed''", "Elected unopposed"])
def test_unopposed_candidates_are_elected_without_a_poll(votes: str) -> None:
    """`votes=Unopposed` is a result (elected without a poll), not an undeclared count."""
    rows = "\n".join([row("Ann Able", "Labour", votes), row("Bob Best", "Green", votes)])
    store = load(article("==Results==\n" + BOX.format(title="Abbey (2 seats)", rows=rows)))
    answer = run_text(store, "/ward abbey")
    assert isinstance(answer, WardAnswer)
    assert (winners(answer), answer.unopposed, answer.declared) == (
        ["Ann Able", "Bob Best"],
        True,
        True,
    )


def test_an_undeclared_candidate_can_still_be_asked_about() -> None:
    """Crawley 2026, Broadfield: Tim Lunnon* stood; the count is not declared yet."""
    answer = run_text(store_of(CRAWLEY), "/candidate tim lunnon")
    assert isinstance(answer, CandidateAnswer), answer
    assert (answer.candidate.ward, answer.candidate.votes, answer.candidate.elected) == (
        "Broadfield",
        None,
        False,
    )
    assert not answer.result.declared


def test_a_by_election_in_an_article_can_be_asked_about() -> None:
    """/ward with the by-election's id answers from the by-election, not the main election."""
    store = store_of(CAMBRIDGE)
    by = store.elections[1]
    answer = run_text(store, f"/ward name:Trumpington election:{by.id}")
    assert isinstance(answer, WardAnswer), answer
    assert answer.by_election and winners(answer) == ["David Levien"]
    main = run_text(store, f"/ward name:Trumpington election:{store.elections[0].id}")
    assert isinstance(main, WardAnswer) and not main.by_election


def test_an_article_without_comment_or_infobox_takes_its_title_and_date_from_the_lead() -> None:
    """The lead's bold name and "took place on 2 May 2019" are the title and date."""
    text = (
        "{{Short description|Local election}}\n"
        "The '''2019 Testshire District Council election''' took place on 2 May 2019.\n"
        "==Results==\n" + BOX.format(title="Abbey", rows=TWO_ROWS)
    )
    (election,) = read_text(text, "untitled.wiki")
    assert (election.id, election.title, election.citation) == (
        "testshire-2019",
        "2019 Testshire District Council election",
        None,
    )
    assert election.date is not None and election.date.isoformat() == "2019-05-02"


def test_a_txt_document_coin_toss_in_prose_is_read_too() -> None:
    """The `.txt` grammar's prose is the same evidence: the named candidate wins the draw."""
    text = (
        "= 2004 Barnsley Metropolitan Borough Council election =\n\n"
        "In Darton, Jo Bloggs won the seat on the toss of a coin after a tie.\n\n"
        "==Ward results==\n===Darton===\n  - Darton**\n"
        "- Sam Smith (Labour Party (UK)): 1,000 votes\n"
        "- Jo Bloggs (Liberal Democrats (UK)): 1,000 votes\n"
        "- Al Green (Green Party of England and Wales): 200 votes\n"
    )
    store = ResultsStore.from_texts([("barnsley.txt", text)])
    answer = run_text(store, "/ward darton")
    assert isinstance(answer, WardAnswer), answer
    assert (winners(answer), answer.lot) == (["Jo Bloggs"], True)


def test_boxes_set_out_in_a_layout_table_are_read() -> None:
    """Some articles put their boxes in table columns: the boxes count, the cells are not prose."""
    body = (
        "==Results==\n{|\n|-\n| valign=top |\n"
        + BOX.format(title="Abbey", rows=TWO_ROWS)
        + "| valign=top |\n"
        + BOX.format(title="Brook", rows=TWO_ROWS)
        + "|}\n"
    )
    (election,) = load(article(body)).elections
    assert [c.ward for c in election.contests] == ["Abbey", "Brook"]


@pytest.mark.parametrize(
    ("title", "ward"),
    [
        ("Testshire District Council election, 2019: Abbey", "Abbey"),
        ("Abbey ward 2002", "Abbey"),
        ("Abbey (2002)", "Abbey"),
        ("Trumpington: 18 August 2022", "Trumpington"),
    ],
)
def test_older_box_titles_name_the_ward(title: str, ward: str) -> None:
    (election,) = load(article("==Results==\n" + BOX.format(title=title, rows=TWO_ROWS))).elections
    assert [c.ward for c in election.contests] == [ward]


def test_a_box_naming_another_year_s_election_is_a_quoted_result() -> None:
    """A by-election's article quoting the ward's previous result in a box of its own
    (`2023 Sheffield City Council election: Burngreave`): not this election's contest."""
    quoted = "\n".join([row("Cy Cole", "Labour", "3,112"), row("Di Dee", "Green", "712")])
    body = (
        "==Result==\n"
        + BOX.format(title="Burngreave by-election: 22 February 2024", rows=TWO_ROWS)
        + "==Earlier==\n"
        + BOX.format(title="[[2023 Sheffield City Council election]]: Burngreave", rows=quoted)
    )
    store = load(article(body, "2024 Burngreave by-election"))
    (election,) = store.elections
    assert [(c.ward, c.candidates[0].name) for c in election.contests] == [
        ("Burngreave", "Ann Able")
    ]
    assert any("is the 2023 result, quoted; skipped" in w.message for w in store.warnings)


TEWKESBURY = (
    Path(__file__).resolve().parent / "documents" / "2007_tewkesbury_borough_council_election.txt"
)


@pytest.mark.parametrize(
    ("document", "question", "headline"),
    [
        (
            TEWKESBURY,
            "was cleeve hill a tie",
            "Yes — in Cleeve Hill the last seat was tied on 650 votes between Mary Jordan and "
            "Philip Surman and decided by lot: Mary Jordan won the draw, as the source states.",
        ),
        (
            TEWKESBURY,
            "did mary jordan win",
            "Yes — Mary Jordan (Liberal Democrats) was elected in Cleeve Hill with 650 votes: "
            "the tied last seat was decided by lot.",
        ),
        (
            WIKI / CRAWLEY,
            "who won broadfield",
            "The count in Broadfield is not declared yet (5 candidates standing).",
        ),
        (
            WIKI / CRAWLEY,
            "did tim lunnon win",
            "Not known yet — Tim Lunnon (Labour) is standing in Broadfield; the count is not "
            "declared yet.",
        ),
    ],
)
def test_plain_word_questions_say_lot_and_not_declared(
    document: Path, question: str, headline: str
) -> None:
    """Questions in words say "decided by lot" and "not declared yet" as the commands do."""
    answer = answer_question(ResultsStore.load(document, PARTIES), question)
    assert answer.headline == headline


def test_hold_and_gain_lines_use_the_party_names_of_the_rest_of_the_answer() -> None:
    """Cambridge 2022: Wikipedia's party names become the bot's; one line per seat merged."""
    abbey = run_text(store_of(CAMBRIDGE), "/ward Abbey")
    assert isinstance(abbey, WardAnswer)
    assert abbey.outcomes == ("Green gain from Labour",)
    arbury = ward(CAMBRIDGE, "arbury")
    assert arbury.outcomes == ("Labour hold (2 seats)",)


def test_summary_of_an_article_written_on_the_night_names_the_undeclared_wards() -> None:
    """Crawley 2026 was fetched with 2 of 12 wards declared: the summary says which are not."""
    summary = run_text(store_of(CRAWLEY), "/summary")
    assert isinstance(summary, SummaryAnswer)
    assert summary.wards == 12
    assert len(summary.undeclared_wards) == 10
    assert "Broadfield" in summary.undeclared_wards
    assert "Bewbush & North Broadfield" not in summary.undeclared_wards


def test_a_ward_s_seats_follow_a_party_s_full_slate_when_the_title_gives_none() -> None:
    """Southwark 2014 style: a three-seat ward titled by name alone, with one hold line; each
    main party stood three, so three were elected (two independents are no slate)."""
    people = [
        ("Ann Able", "Labour Co-operative", "2,044"),
        ("Ben Bell", "Labour Co-operative", "2,043"),
        ("Cat Cole", "Labour Co-operative", "2,041"),
        ("Dee Dunn", "Green Party of England and Wales", "448"),
        ("Eve Eyre", "Green Party of England and Wales", "435"),
        ("Fay Ford", "Independent politician", "300"),
        ("Gil Gray", "Independent politician", "290"),
    ]
    rows = "\n".join(row(*person) for person in people)
    hold = "{{Election box hold with party link|winner=Labour Co-operative|swing=}}"
    body = "==Results==\n" + BOX.format(title="Camberwell Green", rows=rows + "\n" + hold)
    body += "===Lone===\n" + BOX.format(
        title="Lone",
        rows="\n".join(
            [row("Hal Hunt", "Labour", "500"), *(row(n, "Independent", "400") for n in "XY")]
        ),
    )
    (election,) = load(article(body)).elections
    green, lone = election.contests
    assert (green.seats, lone.seats) == (3, 1)
    facts = load(article(body)).facts(election.id)
    assert [s.name for s in facts.contests[0].elected] == ["Ann Able", "Ben Bell", "Cat Cole"]


def test_a_summary_with_candidates_is_read_as_the_summary() -> None:
    """`{{Election summary begin with candidates}}` rows and a summary table whose Candidates
    column comes before Seats: read as the article's totals, which agree with the wards (no
    warning that a box end has no begin, nor that 2 candidates were 2 seats)."""
    summary = (
        "{{Election summary begin with candidates|title=Results}}\n"
        "{{Election summary party with candidates|party=Labour Party (UK)|candidates=2|seats=1"
        "|votes=900}}\n"
        "{{Election summary party with candidates|party=Conservative Party (UK)|candidates=2"
        "|seats=1|votes=1,000}}\n"
        "{{Election summary end}}\n"
    )
    table = (
        '{| class="wikitable"\n! Party !! Candidates !! Seats !! Votes\n|-\n'
        "| [[Labour Party (UK)|Labour]] || 2 || 1 || 900\n|-\n"
        "| [[Conservative Party (UK)|Conservative]] || 2 || 1 || 1,000\n|}\n"
    )
    boxes = "".join(
        f"==={ward}===\n"
        + BOX.format(
            title=ward,
            rows=row(f"{ward} Lab", "Labour Party (UK)", lab)
            + "\n"
            + row(f"{ward} Con", "Conservative Party (UK)", con),
        )
        for ward, lab, con in (("Abbey", "500", "400"), ("Brook", "400", "600"))
    )
    for totals in (summary, table):
        store = load(article("==Summary==\n" + totals + "==Results==\n" + boxes))
        assert [str(w) for w in store.warnings] == []


def test_a_dagger_marks_an_incumbent() -> None:
    """Some articles mark sitting councillors with † rather than *."""
    rows = "\n".join(
        [row("Shirley Slater†", "Labour", "946"), row("Barry Nattrass", "Green", "1343")]
    )
    (election,) = load(
        article("==Results==\n" + BOX.format(title="Farnworth", rows=rows))
    ).elections
    (contest,) = election.contests
    assert [(c.name, c.incumbent) for c in contest.candidates] == [
        ("Shirley Slater", True),
        ("Barry Nattrass", False),
    ]
