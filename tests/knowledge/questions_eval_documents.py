"""Hand-made documents for the question evaluation: a tie at the last seat, a by-election, and
a Derby election by thirds plus a Barnsley one (loaded next to the seed).

Every figure the evaluation expects is written here in the document, so the expected values in
`questions_eval_documents.toml` can be checked by eye against this file.
"""

from __future__ import annotations

from pathlib import Path

from knowledge import PartyBook, ResultsStore

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "elections" / "2002_derby_city_council_election.txt"
PARTIES = ROOT / "data" / "parties.toml"

TIETON_2010 = """= 2010 Tieton Borough Council election =

Infobox
- Seats For Election: All 6 seats to Tieton Borough Council
- Majority Seats: 4
- Election Date: 6 May 2010

Ties at the last seat in two wards; one ward was not contested. Turnout is given for the three
contested wards.

==Ward results==
===Northgate===

  - Northgate (2)**

- Alice Archer (Labour Party (UK)): 900 votes
- Brian Bishop (Labour Party (UK)): 850 votes
- Carol Cooper (Conservative Party (UK)): 850 votes
- David Dyer (Conservative Party (UK)): 700 votes
- Turnout: 1,702 (30.1%)

===Southgate===

  - Southgate**

- Emma Ellis (Liberal Democrats (UK)): 1,200 votes
- Frank Fowler (Labour Party (UK)): 1,200 votes
- Gina Gale (Conservative Party (UK)): 300 votes
- Turnout: 2,710 (41.2%)

===Eastgate===

  - Eastgate (2)**

- Harry Hunt (Conservative Party (UK)): 1,000 votes
- Irene Irving (Labour Party (UK)): 800 votes
- Jack Jarvis (Labour Party (UK)): 790 votes
- Turnout: 1,405 (25.5%)

===Westgate===

  - Westgate**

- Karen Knight (Independent (politician)): Unopposed
"""

SINFIN_BY_2005 = """= 2005 Sinfin by-election =

Infobox
- Election Date: 14 July 2005

A by-election after the death of a Labour councillor.

==Result==
===Sinfin===

  - Sinfin by-election**

- Balbir Sandhu (Labour Party (UK)): 1,310 votes
- Alan Jones (Liberal Democrats (UK)): 898 votes
- Mary Smith (Conservative Party (UK)): 520 votes
- Majority: 412
- Turnout: 3,104 (28.4%)
- Labour Party (UK) hold
"""

DERBY_2003 = """= 2003 Derby City Council election =

Infobox
- Seats For Election: 17 of 51 seats to Derby City Council
- Majority Seats: 26
- Election Date: 1 May 2003
- Party1: Labour Party (UK)
- Seats Before1: 27
- Seats After1: 25
- Party2: Liberal Democrats (UK)
- Seats Before2: 12
- Seats After2: 15
- Party3: Conservative Party (UK)
- Seats Before3: 11
- Seats After3: 10
- Party4: Independent (politician)
- Seats Before4: 1
- Seats After4: 1

One third of the council was elected. Labour lost overall control.

==Ward results==
===Abbey===

  - Abbey**

- Ann Jackman (Liberal Democrats (UK)): 1,402 votes
- Michael Fuller (Labour Party (UK)): 1,100 votes
- Jane Doe (Conservative Party (UK)): 300 votes

===Darley===

  - Darley**

- Simon Hart (Conservative Party (UK)): 1,250 votes
- Martin Repton (Labour Party (UK)): 1,240 votes
- Joan Travis (Liberal Democrats (UK)): 500 votes

===Sinfin===

  - Sinfin**

- Robin Turner (Labour Party (UK)): 1,000 votes
- Jennifer Driscoll (Liberal Democrats (UK)): 700 votes
- Grace Smith (Conservative Party (UK)): 300 votes

===Oakwood===

  - Oakwood**

- Pauline Latham (Conservative Party (UK)): 1,500 votes
- Jack Andrews (Labour Party (UK)): 900 votes
- Patricia Turner (Liberal Democrats (UK)): 400 votes
"""

BARNSLEY_2004 = """= 2004 Barnsley Metropolitan Borough Council election =

Infobox
- Seats For Election: All 6 seats to Barnsley Metropolitan Borough Council
- Majority Seats: 4
- Election Date: 10 June 2004

==Ward results==
===Darton West===

  - Darton West (2)**

- Harry Brown (Labour Party (UK)): 1,500 votes
- Pat Green (Labour Party (UK)): 1,400 votes
- Tom Care (Conservative Party (UK)): 700 votes

===Old Town===

  - Old Town (2)**

- Anne Hill (Independent (politician)): 1,200 votes
- Bob Hill (Independent (politician)): 1,150 votes
- Sam Wood (Labour Party (UK)): 1,100 votes
- Kim Wood (Labour Party (UK)): 900 votes

===Royston===

  - Royston (2)**

- Dave Smith (Labour Party (UK)): 1,300 votes
- Jo West (Labour Party (UK)): 1,250 votes
- Ann Lee (Conservative Party (UK)): 500 votes
"""

ROTHWICK_2004 = """= 2004 Rothwick Borough Council election =

Infobox
- Seats For Election: All 5 seats to Rothwick Borough Council
- Majority Seats: 3
- Election Date: 10 June 2004

Wards named City and Town, two named after the council, and a party named after it too.

==Ward results==
===City===

  - City**

- Ann Abbot (Labour Party (UK)): 1,100 votes
- Bob Bell (Conservative Party (UK)): 900 votes
- Rejected ballots: 14
- Turnout: 2,014 (30.0%)
- Registered electors: 6,713

===Rothwick East===

  - Rothwick East (2)**

- Cath Cole (Rothwick Democratic Party): 1,500 votes
- Dan Dale (Labour Party (UK)): 1,200 votes
- Eve Eden (Labour Party (UK)): 1,150 votes
- Fred Fox (Conservative Party (UK)): 700 votes

===Rothwick West===

  - Rothwick West**

- Gail Gray (Labour Party (UK)): 800 votes
- Hugh Hill (Conservative Party (UK)): 650 votes

===Town===

  - Town**

- Ian Ives (Conservative Party (UK)): 990 votes
- Jo Jones (Labour Party (UK)): 400 votes
- Majority: 590
"""
"""A council whose name is also in two wards' and a party's names, with wards called City and
Town: Labour 3 seats, Conservative 1, Rothwick Democratic Party 1; margins City 200, Rothwick
East 50, Rothwick West 150, Town 590."""

BARNSLEY_2002 = BARNSLEY_2004.replace("2004", "2002").replace("10 June 2002", "2 May 2002")
"""Barnsley on the seed's polling day: "in 2002" alone then names two elections."""

SWEEPTON_2006 = """= 2006 Sweepton District Council election =

Infobox
- Seats For Election: 5 of 15 seats to Sweepton District Council
- Majority Seats: 8
- Election Date: 4 May 2006

One party won every seat contested; the council after the election is not given.

==Ward results==
===Mill===

  - Mill (2)**

- Ada Abbot (Conservative Party (UK)): 1,100 votes
- Ben Black (Conservative Party (UK)): 1,050 votes
- Cara Cole (Labour Party (UK)): 600 votes

===Quay===

  - Quay**

- Dan Drew (Conservative Party (UK)): 800 votes
- Eve Ember (Liberal Democrats (UK)): 700 votes

===Heath===

  - Heath (2)**

- Fay Finch (Conservative Party (UK)): 950 votes
- Gus Grant (Conservative Party (UK)): 900 votes
- Hal Hart (Green Party of England and Wales): 400 votes
"""

DOCUMENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "ties": (("2010_tieton.txt", TIETON_2010),),
    "by-election": (("2005_sinfin_by_election.txt", SINFIN_BY_2005),),
    "many": (
        ("2003_derby.txt", DERBY_2003),
        ("2004_barnsley.txt", BARNSLEY_2004),
        ("2005_sinfin_by_election.txt", SINFIN_BY_2005),
    ),
    "same-year": (("2002_barnsley.txt", BARNSLEY_2002),),
    "rothwick": (("2004_rothwick.txt", ROTHWICK_2004),),
    "sweepton": (("2006_sweepton.txt", SWEEPTON_2006),),
}
"""Stores by name; "many", "same-year" and "rothwick" also hold the seed document."""
WITH_SEED = ("many", "same-year", "rothwick")


def build_store(name: str) -> ResultsStore:
    """The named hand-made store ("many" and "same-year" add the seed to their documents)."""
    documents = list(DOCUMENTS[name])
    if name in WITH_SEED:
        documents.insert(0, (SEED.name, SEED.read_text(encoding="utf-8")))
    store = ResultsStore.from_texts(documents, PartyBook.from_toml(PARTIES))
    assert not store.errors, store.errors
    return store


def seed_store() -> ResultsStore:
    return ResultsStore.load(SEED, PARTIES)


HERE = Path(__file__).resolve().parent
UNSEEN = HERE / "documents"
WIKI = HERE / "wiki"
UNSEEN_STORES = {
    "tamworth": "2006_tamworth_borough_council_election.txt",
    "brent": "2006_brent_london_borough_council_election.txt",
    "littleover": "2005_littleover_by-election.txt",
    "stmarys": "2011_st_marys_by-election.txt",
    "glos": "2013_gloucestershire_county_council_election.txt",
    "tewkesbury": "2007_tewkesbury_borough_council_election.txt",
    "wigan": "2008_wigan_metropolitan_borough_council_election.txt",
    "sheffield": "2000_sheffield_city_council_election.txt",
    "harrow": "2010_harrow_london_borough_council_election.txt",
    "epsom": "2003_epsom_and_ewell_borough_council_election.txt",
    "crawley": "wikipedia/wikitext-crawley_2026.wiki",
    "barnet": "wikipedia/wikitext-2022-barnet-london-borough-council-election.excerpt.wiki",
    "sheffield-dc": "../../fixtures/democracyclub/local.sheffield.2021-05-06.csv",
    "bolton": "../blind_documents/2019_bolton_metropolitan_borough_council_election.wiki",
    "notts": "../blind_documents/2021_nottinghamshire_county_council_election.wiki",
    "southwark": "../blind_documents/2014_southwark_london_borough_council_election.wiki",
    "ryedale": "../blind_documents/2007_ryedale_district_council_election.wiki",
    "tamworth-1998": "../blind_documents/1998_tamworth_borough_council_election.wiki",
    "dales": "../blind_documents/2023_derbyshire_dales_district_council_election.wiki",
    "lewisham": "../blind_documents/2022_lewisham_london_borough_council_election.wiki",
    "burngreave": "../blind_documents/2024_burngreave_by-election.wiki",
    "pendle": "../blind_documents/"
    "dc-candidates-election_id_localpendle__field_group_results-2026-12-07T01-21-36.csv",
    "south-ribble": "../blind_documents/candidates-local.south-ribble.2019-05-02.csv",
    "redditch": "../blind_documents/local.redditch.2018-05-03.csv",
    "mid-suffolk": "../blind_documents/2007_mid_suffolk_district_council_election.wiki",
    "ceredigion": "../blind_documents/2008_ceredigion_county_council_election.wiki",
}
"""The project's test documents by the short names the evaluation files use."""


def eval_store(name: str) -> ResultsStore:
    """Any store an evaluation case names: hand-made, the seed, one test document, every test
    document with the seed ("all"), or the Wikipedia article ("wiki"); built once."""
    if name not in _STORES:
        _STORES[name] = _build(name)
    return _STORES[name]


_STORES: dict[str, ResultsStore] = {}


HISTORY = HERE / "history_documents"
HISTORY_STORES: dict[str, tuple[Path, ...]] = {
    "burnley": tuple(sorted(HISTORY.glob("*burnley*.txt"))),
    "eastbury": tuple(
        f for f in sorted(HISTORY.glob("*.txt")) if "eastbury" in f.name or "by-election" in f.name
    ),
    "articles": (
        UNSEEN / "wikipedia" / "wikitext-burnley_2022.wiki",
        UNSEEN / "wikipedia" / "wikitext-cambridge_2022.wiki",
        *sorted((HISTORY / "wikipedia").glob("*.wiki")),
    ),
}
"""Councils across elections, as test_history.py loads them: Burnley 2022 and 2026 (six wards
of each article), the made-up Eastbury series, and the real article pairs (Burnley, Cambridge,
Worthing, 2022 and 2026)."""


def _build(name: str) -> ResultsStore:
    if name == "seed":
        return seed_store()
    if name in HISTORY_STORES:
        texts = [(f.name, f.read_text(encoding="utf-8")) for f in HISTORY_STORES[name]]
        return ResultsStore.from_texts(texts, PartyBook.from_toml(PARTIES))
    if name in DOCUMENTS:
        return build_store(name)
    if name == "wiki":
        return ResultsStore.load(WIKI, PARTIES)
    if name == "all":
        files = sorted([*UNSEEN.glob("*.txt"), *SEED.parent.glob("*.txt")])
    else:
        files = [UNSEEN / UNSEEN_STORES[name]]
    texts = [(f.name, f.read_text(encoding="utf-8-sig")) for f in files]
    return ResultsStore.from_texts(texts, PartyBook.from_toml(PARTIES))
