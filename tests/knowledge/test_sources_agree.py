"""One council, one poll, whichever source it came from.

A Wikipedia article and a Democracy Club export of the same poll are one election (loaded once,
both files named), a council is one key across formats, and a ward is one ward however its
name is punctuated. The documents are hand-made in `documents/family/`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import ResultsStore, run_text
from knowledge.answers import WardAnswer
from knowledge.councils import council_key
from knowledge.normalize import normalize
from knowledge.values import council_name

FAMILY = Path(__file__).resolve().parent / "documents" / "family"
CSV = "local.testbury.2022-05-05.csv"
WIKI = "2022_testbury_borough.wiki"


def test_the_democracy_club_file_reads_bom_crlf_quotes_tie_and_by_election() -> None:
    """BOM, CRLF, `"John ""Jack"" Daw"`, a tie won by lot, an uncontested poll, a by-election."""
    store = ResultsStore.load(FAMILY / CSV)
    assert store.errors == []
    main, by = store.elections
    assert (main.id, main.date and main.date.isoformat()) == ("testbury-2022", "2022-05-05")
    assert [c.ward for c in main.contests] == ["St. Mary's", "Anston & Woodsetts", "Hillside"]
    st_marys = main.contests[0]
    assert [(c.name, c.votes, c.elected) for c in st_marys.candidates][:3] == [
        ("O'Brien, Siobhan", 1204, True),
        ('John "Jack" Daw', 1100, True),
        ("Ann Lee", 1099, False),
    ]
    assert (by.kind, by.contests[0].candidates[0].name) == ("by-election", "Gus Hale")
    tie = run_text(store, "/ward anston and woodsetts", election="testbury-2022")
    assert isinstance(tie, WardAnswer) and tie.lot
    assert [c.name for c in tie.winners] == ["Cara Dunn"]


def test_an_article_and_an_export_of_one_poll_load_once_naming_both(tmp_path: Path) -> None:
    """2022 Testbury from Wikipedia and from Democracy Club: one election, the other file named."""
    for name in (CSV, WIKI):
        shutil.copy(FAMILY / name, tmp_path / name)
    store = ResultsStore.load(tmp_path)
    assert store.errors == []
    mains = [e for e in store.elections if e.kind == "council"]
    assert len(mains) == 1
    assert {e.council_key for e in store.elections} == {"testbury"}
    loaded_once = [w for w in store.warnings if "loaded once" in w.message]
    assert len(loaded_once) == 1
    named = {loaded_once[0].file, *[f for f in (CSV, WIKI) if f in loaded_once[0].message]}
    assert named == {CSV, WIKI}


@pytest.mark.parametrize(
    ("article", "export"),
    [
        ("2022 Cambridge City Council election", "local.cambridge.2022-05-05"),
        ("2022 Wakefield Metropolitan District Council election", "local.wakefield.2022-05-05"),
        (
            "2022 City of Bradford Metropolitan District Council election",
            "local.bradford.2022-05-05",
        ),
        ("2023 Hull City Council election", "local.kingston-upon-hull.2023-05-04"),
        ("2022 City of London Corporation election", "local.city-of-london.2022-03-23"),
        ("2022 Stoke-on-Trent City Council election", "local.stoke-on-trent.2023-05-04"),
        (
            "2023 King's Lynn and West Norfolk Borough Council election",
            "local.kings-lynn-and-west-norfolk.2023-05-04",
        ),
        (
            "2019 Bournemouth, Christchurch and Poole Council election",
            "local.bournemouth-christchurch-and-poole.2019-05-02",
        ),
        ("2022 St. Helens Metropolitan Borough Council election", "local.st-helens.2022-05-05"),
    ],
)
def test_a_council_is_one_key_in_an_article_title_and_a_democracy_club_id(
    article: str, export: str
) -> None:
    """The council an article's title names is the council a Democracy Club id names."""
    assert council_key(council_name(article)) == council_key(export)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("St Mary's", "St. Mary's"),
        ("St Mary's", "St Marys"),
        ("St Mary’s", "St Marys"),
        ("Anston & Woodsetts", "Anston and Woodsetts"),
        ("Bishop's Cleeve", "Bishops Cleeve"),
        ("St. Peter's & St. Paul's", "St Peters and St Pauls"),
    ],
)
def test_ward_names_normalise_as_people_read_them(one: str, other: str) -> None:
    """Full stops, apostrophes (straight or curly) and `&`/`and` do not make two wards."""
    assert normalize(one) == normalize(other)


def test_a_ward_spelt_two_ways_across_sources_answers_one_question(tmp_path: Path) -> None:
    """ "St Marys" (Wikipedia) and "St. Mary's" (Democracy Club) answer one `/ward` in 2022."""
    store = ResultsStore.load(FAMILY / WIKI)
    answer = run_text(store, "/ward St. Mary's")
    assert isinstance(answer, WardAnswer) and answer.ward == "St Marys"
    assert [c.name for c in answer.winners] == ["Siobhan O'Brien", "John Daw"]
