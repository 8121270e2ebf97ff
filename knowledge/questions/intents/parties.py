"""Questions about one party across the council."""

from __future__ import annotations

from typing import Final

from knowledge.questions.cues import (
    ABOVE,
    BELOW,
    CHANGE,
    CLOSEST,
    CONTROL,
    FEWEST,
    LOSE,
    MOST,
    PERSON,
    SAFEST,
    SEATS,
    SHARE,
    STAND,
    VOTES,
    WHERE,
    WHICH_PARTY,
    WIN,
)  # fmt: skip
from knowledge.questions.intents.records import (
    NUMBER_SLOT,
    PARTY,
    Example,
    Intent,
    Pattern,
)

RECORDS: Final[tuple[Intent, ...]] = (
    Intent(
        "party.threshold",
        "party",
        priority=650,
        cues=(
            Pattern(
                ((*ABOVE, *BELOW),),
                (
                    VOTES,
                    SEATS,
                ),
            ),
        ),
        slots=(PARTY, NUMBER_SLOT),
        polarity="yes_no",
        summary="whether a party passed a number of seats or votes",
        examples=(
            Example("did labour get more than 25 seats", ("Yes", "27")),
            Example("did labour get more than 50000 votes", ("Yes", "58,230")),
        ),
    ),
    Intent(
        "party.control",
        "party",
        priority=640,
        cues=(Pattern((CONTROL,), (("majority",),)),),
        slots=(PARTY,),
        polarity="yes_no",
        summary="whether a party controls the council",
        examples=(
            Example("is labour in control", ("Yes",)),
            Example("Are Labour in control?", ("Yes",)),
        ),
    ),
    Intent(
        "party.change",
        "party",
        priority=630,
        cues=(Pattern((CHANGE,), (SEATS,)),),
        slots=(PARTY,),
        summary="a party's gains and losses",
        examples=(
            Example("labour losses", ("lost 2",)),
            Example("lib dem gains", ("gained 6",)),
        ),
    ),
    Intent(
        "party.share",
        "party",
        priority=620,
        cues=(Pattern((SHARE,), (VOTES,)),),
        slots=(PARTY,),
        summary="a party's share of the vote",
        examples=(
            Example("lib dem percentage", ("28.4%",)),
            Example("lib dem vote share", ("28.4%",)),
        ),
    ),
    Intent(
        "party.best_ward",
        "party",
        priority=610,
        cues=(
            Pattern(
                (
                    MOST,
                    WHERE,
                ),
                (
                    SHARE,
                    VOTES,
                ),
            ),
        ),
        slots=(PARTY,),
        summary="a party's best ward",
        examples=(
            Example("tories best ward", ("Allestree",)),
            Example("Labour's strongest ward", ("Sinfin",)),
        ),
    ),
    Intent(
        "party.worst_ward",
        "party",
        priority=600,
        cues=(
            Pattern(
                (
                    FEWEST,
                    WHERE,
                ),
                (
                    SHARE,
                    VOTES,
                ),
            ),
        ),
        slots=(PARTY,),
        summary="a party's worst ward",
        examples=(
            Example("lib dems weakest ward", ("Boulton",)),
            Example("where did labour do worst", ("Mickleover",)),
        ),
    ),
    Intent(
        "party.safest",
        "party",
        priority=590,
        cues=(Pattern((SAFEST,), (WHERE,)),),
        slots=(PARTY,),
        summary="a party's safest ward",
        examples=(
            Example("labour's safest seat", ("Normanton",)),
            Example("lib dems' safest ward", ("Littleover",)),
        ),
    ),
    Intent(
        "party.closest",
        "party",
        priority=580,
        cues=(Pattern((CLOSEST,), (WHERE,)),),
        slots=(PARTY,),
        summary="a party's most marginal ward",
        examples=(
            Example("labour's closest ward", ("Boulton",)),
            Example("the tories most marginal win", ("Chellaston",)),
        ),
    ),
    Intent(
        "party.best",
        "party",
        priority=570,
        cues=(
            Pattern(
                (
                    MOST,
                    PERSON,
                ),
                (VOTES,),
            ),
        ),
        slots=(PARTY,),
        summary="a party's best candidate",
        examples=(
            Example("top tory", ("Roy Webb",)),
            Example("best lib dem candidate", ("Anders Hanson", "3,077")),
        ),
    ),
    Intent(
        "party.worst",
        "party",
        priority=560,
        cues=(
            Pattern(
                (
                    FEWEST,
                    PERSON,
                ),
                (VOTES,),
            ),
        ),
        slots=(PARTY,),
        summary="a party's weakest candidate",
        examples=(
            Example("lowest scoring tory", ("Mohammed Adris",)),
            Example("lowest polling lib dem", ("Hilary Edwards", "212")),
        ),
    ),
    Intent(
        "party.rank",
        "party",
        priority=550,
        cues=(
            Pattern(
                ((*MOST, *FEWEST),),
                (
                    WHICH_PARTY,
                    VOTES,
                    SEATS,
                ),
            ),
        ),
        slots=(PARTY,),
        summary="where a party came",
        examples=(
            Example("is labour the largest party", ("Yes",)),
            Example("are labour the biggest party", ("Yes",)),
        ),
    ),
    Intent(
        "party.votes",
        "party",
        priority=540,
        cues=(Pattern((VOTES,)),),
        slots=(PARTY,),
        summary="a party's votes",
        examples=(
            Example("lib dem vote", ("43,462",)),
            Example("what did labour poll", ("58,230",)),
        ),
    ),
    Intent(
        "party.wards_lost",
        "party",
        priority=530,
        cues=(
            Pattern(
                (
                    WHERE,
                    LOSE,
                )
            ),
        ),
        slots=(PARTY,),
        summary="wards a party lost",
        examples=(Example("wards lost by labour", ("7 wards",)),),
    ),
    Intent(
        "party.wards",
        "party",
        priority=520,
        cues=(Pattern((WHERE,), (WIN,)),),
        slots=(PARTY,),
        summary="wards a party won",
        examples=(
            Example("where did the tories win", ("Allestree", "Chellaston", "Oakwood", "Spondon")),
            Example("which wards did labour win", ("10 wards",)),
        ),
    ),
    Intent(
        "party.candidates",
        "party",
        priority=510,
        cues=(Pattern((STAND,)),),
        slots=(PARTY,),
        summary="how many candidates a party stood",
        examples=(
            Example("did the greens stand", ("did not stand",)),
            Example(
                "list the Labour candidates",
                ("51 candidates", "27 elected", "Chris Williamson (Normanton)", "more"),
            ),
        ),
    ),
    Intent(
        "party.majority",
        "party",
        priority=500,
        cues=(Pattern((("majority",),)),),
        slots=(PARTY,),
        polarity="yes_no",
        summary="whether a party has a majority",
        examples=(
            Example("labour majority?", ("27",)),
            Example("has labour got a majority", ("Yes",)),
        ),
    ),
    Intent(
        "party.seats",
        "party",
        priority=490,
        cues=(Pattern(((*SEATS, *WIN),)),),
        slots=(PARTY,),
        summary="a party's seats",
        examples=(
            Example("lab seats", ("27",)),
            Example("tories seats", ("11",)),
        ),
    ),
    Intent(
        "party.result",
        "party",
        priority=480,
        cues=(Pattern(()),),
        slots=(PARTY,),
        summary="how a party did",
        examples=(
            Example("Labour", ("27",)),
            Example("Lib Dems", ("12",)),
        ),
    ),
)
