"""Questions about the council as a whole, and about the bot itself."""

from __future__ import annotations

from typing import Final

from knowledge.questions.cues import (
    CAST,
    CHANGE,
    COMPOSITION,
    COUNCIL_CANDIDATES,
    COUNCIL_SEATS,
    COUNCIL_WARDS,
    COUNCIL_WIN,
    DATE,
    ELECTIONS,
    ELECTORATE,
    HELP,
    HOW_MANY,
    MAJORITY_WON,
    PARTY_LIST,
    REJECTED,
    SEATS,
    SPLIT,
    STAND,
    THRESHOLD_NEED,
    THRESHOLD_WHAT,
    TIE,
    TURNOUT,
    UNOPPOSED,
    WHO,
)  # fmt: skip
from knowledge.questions.intents.records import (
    Example,
    Intent,
    Pattern,
)

RECORDS: Final[tuple[Intent, ...]] = (
    Intent(
        "council.electorate",
        "council",
        priority=440,
        cues=(Pattern((ELECTORATE,)),),
        summary="the electorate over the council, where the document gives it",
        examples=(
            Example("how many registered voters were there", ("doesn't give", "votes cast")),
            Example("how many registered voters were there", ("6,713", "1 of 4"), "rothwick"),
        ),
    ),
    Intent(
        "council.rejected",
        "council",
        priority=435,
        cues=(Pattern((REJECTED,)),),
        summary="rejected ballots over the council, where the document gives them",
        examples=(
            Example("how many ballots were rejected", ("doesn't give",)),
            Example("how many ballots were rejected", ("23", "1 of 5"), "sheffield"),
        ),
    ),
    Intent(
        "council.date",
        "council",
        priority=430,
        cues=(Pattern((DATE,)),),
        summary="when the election was",
        examples=(
            Example("When did Derby vote?", ("2 May 2002",)),
            Example("when was polling day", ("2 May 2002",)),
        ),
    ),
    Intent(
        "council.majority",
        "council",
        priority=420,
        cues=(Pattern((MAJORITY_WON,)),),
        polarity="yes_no",
        summary="whether any party won a majority",
        examples=(
            Example("did anyone win a majority", ("Labour", "27")),
            Example("is there a majority", ("Labour",)),
        ),
    ),
    Intent(
        "council.control",
        "council",
        priority=155,
        cues=(Pattern((COUNCIL_WIN,)),),
        summary="who controls the council",
        examples=(
            Example("is derby hung", ("Labour",)),
            Example("who won derby", ("Labour",)),
        ),
    ),
    Intent(
        "council.threshold",
        "council",
        priority=410,
        cues=(
            Pattern(
                (
                    THRESHOLD_WHAT,
                    THRESHOLD_NEED,
                ),
                (HOW_MANY,),
            ),
        ),
        summary="how many seats a majority needs",
        examples=(
            Example("majority needed?", ("26",)),
            Example("how many seats is a majority", ("26",)),
        ),
    ),
    Intent(
        "council.split",
        "splits",
        priority=400,
        cues=(Pattern((SPLIT,), (COUNCIL_WARDS,)),),
        polarity="yes_no",
        summary="which wards were split",
        examples=(
            Example("split wards", ("Boulton",)),
            Example("any split wards?", ("Boulton",)),
        ),
    ),
    Intent(
        "council.ties",
        "splits",
        priority=390,
        cues=(
            Pattern(
                (TIE,),
                (
                    COUNCIL_WARDS,
                    COUNCIL_SEATS,
                ),
            ),
        ),
        polarity="yes_no",
        summary="whether candidates anywhere were level on votes",
        examples=(
            Example("was there a tie", ("Yes", "Mickleover", "Oakwood")),
            Example("was there a tie?", ("No",)),
        ),
    ),
    Intent(
        "council.unopposed",
        "council",
        priority=190,
        cues=(Pattern((UNOPPOSED,), (COUNCIL_WARDS,)),),
        polarity="yes_no",
        summary="wards not contested",
        examples=(
            Example("was anyone elected unopposed", ("No",)),
            Example("which wards were unopposed", ("Winchcombe", "Twyning"), store="tewkesbury"),
        ),
    ),
    Intent(
        "council.parties",
        "council",
        priority=180,
        cues=(Pattern((PARTY_LIST,), (STAND,)),),
        summary="the parties that stood",
        examples=(Example("which parties stood", ("4 parties",)),),
    ),
    Intent(
        "council.changes",
        "council",
        priority=170,
        cues=(
            Pattern(
                (CHANGE,),
                (
                    SEATS,
                    WHO,
                ),
            ),
        ),
        summary="seats changing hands",
        examples=(
            Example("who got the boot", ("Labour lost 2 seats",)),
            Example("who lost their seat", ("doesn't say who held", "Labour lost 2 seats")),
        ),
    ),
    Intent(
        "council.composition",
        "council",
        priority=160,
        cues=(Pattern((COMPOSITION,), (COUNCIL_SEATS,)),),
        summary="the council's make-up",
        examples=(
            Example("seats per party", ("Labour 27", "Conservative 11")),
            Example("give me a summary", ("Labour 27",)),
        ),
    ),
    Intent(
        "council.turnout",
        "council",
        priority=150,
        cues=(Pattern((TURNOUT,)),),
        summary="the election's turnout",
        examples=(
            Example("what was the turnout", ("no turnout",)),
            Example("what was turnout like", ("no turnout",)),
        ),
    ),
    Intent(
        "council.total_votes",
        "council",
        priority=140,
        cues=(Pattern((CAST,)),),
        summary="votes cast in the election",
        examples=(
            Example("total votes cast", ("153,292",)),
            Example("total number of votes", ("153,292",)),
        ),
    ),
    Intent(
        "council.wards",
        "council",
        priority=130,
        cues=(Pattern((COUNCIL_WARDS,)),),
        summary="the wards",
        examples=(
            Example("list the wards", ("17 wards",)),
            Example("how many wards are there", ("17 wards",)),
        ),
    ),
    Intent(
        "council.candidates",
        "council",
        priority=120,
        cues=(Pattern((COUNCIL_CANDIDATES,), (STAND,)),),
        summary="how many candidates stood",
        examples=(
            Example("how many people stood", ("156 candidates",)),
            Example("how many candidates stood", ("156",)),
        ),
    ),
    Intent(
        "council.seats",
        "council",
        priority=110,
        cues=(Pattern((COUNCIL_SEATS,)),),
        summary="how many seats were contested",
        examples=(
            Example("how big is the council", ("51",)),
            Example("how many seats were up", ("51",)),
        ),
    ),
    Intent(
        "help",
        "help",
        priority=100,
        cues=(Pattern((HELP,)),),
        summary="what the bot can do",
        examples=(Example("what can you do", ()),),
    ),
    Intent(
        "elections",
        "help",
        priority=90,
        cues=(Pattern((ELECTIONS,)),),
        summary="the loaded elections",
        examples=(
            Example("which elections do you know about", ("2002 Derby City Council election",)),
            Example(
                "which elections do you know",
                ("Barnsley", "2003 Derby", "by-election"),
                store="many",
            ),
        ),
    ),
)
