"""Questions about one ward, and about a party in a ward."""

from __future__ import annotations

from typing import Final

from knowledge.questions.cues import (
    CAST,
    ELECTORATE,
    FEWEST,
    GAINED,
    LOSE,
    MARGIN,
    MINE,
    MOST,
    ORDINAL,
    POSITION,
    REJECTED,
    REPRESENT,
    SEATS,
    SHARE,
    SPLIT,
    STAND,
    TIE,
    TURNOUT,
    VOTES,
    WARD_SEATS,
    WHICH_PARTY,
    WHO,
    WIN,
)  # fmt: skip
from knowledge.questions.intents.records import (
    ORDINAL_SLOT,
    PARTY,
    RIVAL_PARTY,
    WARD,
    Example,
    Intent,
    Pattern,
)

RECORDS: Final[tuple[Intent, ...]] = (
    Intent(
        "ward.electorate",
        "ward",
        priority=1020,
        cues=(Pattern((ELECTORATE,)),),
        slots=(WARD,),
        summary="a ward's electorate, where the document gives it",
        examples=(
            Example("how many registered voters in City", ("6,713",), store="rothwick"),
            Example("what was the electorate in Abbey", ("doesn't give", "votes cast")),
        ),
    ),
    Intent(
        "ward.rejected",
        "ward",
        priority=1010,
        cues=(Pattern((REJECTED,)),),
        slots=(WARD,),
        summary="rejected (spoilt) ballots in a ward, where the document gives them",
        examples=(
            Example("rejected ballots in Beauchief", ("23",), store="sheffield"),
            Example("how many spoilt ballots in Darley", ("doesn't give",)),
        ),
    ),
    Intent(
        "ward.tie",
        "splits",
        priority=1000,
        cues=(Pattern((TIE,)),),
        slots=(WARD,),
        polarity="yes_no",
        summary="whether candidates in a ward were level on votes",
        examples=(
            Example("was oakwood tied", ("Yes", "1,341")),
            Example("was there a tie in Boulton", ("No",)),
        ),
    ),
    Intent(
        "ward.split",
        "splits",
        priority=990,
        cues=(Pattern((SPLIT,)),),
        slots=(WARD,),
        polarity="yes_no",
        summary="whether a ward's seats went to more than one party",
        examples=(Example("was Abbey split", ("No",)),),
    ),
    Intent(
        "ward.turnout",
        "ward",
        priority=980,
        cues=(Pattern((TURNOUT,)),),
        slots=(WARD,),
        summary="a ward's turnout",
        examples=(
            Example("turnout in alvaston", ("no turnout",)),
            Example("turnout in spondon?", ("no turnout",)),
        ),
    ),
    Intent(
        "ward.majority",
        "margins",
        priority=970,
        cues=(
            Pattern(
                (MARGIN,),
                (
                    WIN,
                    VOTES,
                ),
            ),
        ),
        slots=(WARD,),
        summary="a ward's majority (last winner over first loser)",
        examples=(
            Example("margin in Darley", ("149",)),
            Example("majority in Abbey", ("236",)),
        ),
    ),
    Intent(
        "ward.top_party",
        "ward",
        priority=960,
        cues=(
            Pattern(
                (
                    WHICH_PARTY,
                    MOST,
                ),
                (VOTES,),
            ),
        ),
        slots=(WARD,),
        summary="which party did best in a ward",
        examples=(
            Example("Which party did best in Blagreaves?", ("Liberal Democrats",)),
            Example("what party won the most seats in chellaston", ("Conservative", "2 seats")),
        ),
    ),
    Intent(
        "ward.place",
        "ward",
        priority=950,
        cues=(
            Pattern(
                (ORDINAL,),
                (
                    WHO,
                    POSITION,
                ),
            ),
            Pattern(
                (
                    MOST,
                    LOSE,
                ),
                (
                    WHO,
                    POSITION,
                ),
            ),
        ),
        slots=(WARD, ORDINAL_SLOT),
        summary="who came in a given place in a ward (second, runner-up ...)",
        examples=(
            Example("who was 3rd in abbey", ("Bryan Lowe",)),
            Example("who came 2nd in littleover", ("Leslie Allen",)),
        ),
    ),
    Intent(
        "ward.top",
        "superlatives",
        priority=940,
        cues=(
            Pattern(
                (MOST,),
                (
                    VOTES,
                    WHO,
                ),
            ),
        ),
        slots=(WARD,),
        summary="who topped the poll in a ward",
        examples=(
            Example("who came top in arboretum", ("Abdul Rehman",)),
            Example("who was top in blagreaves", ("Ruth Skelton",)),
        ),
    ),
    Intent(
        "ward.bottom",
        "superlatives",
        priority=930,
        cues=(
            Pattern(
                (FEWEST,),
                (
                    VOTES,
                    WHO,
                ),
            ),
        ),
        slots=(WARD,),
        summary="who came last in a ward",
        examples=(
            Example("lowest vote in abbey", ("Douglas Sice", "314")),
            Example("who came last in Abbey", ("Douglas Sice", "314")),
        ),
    ),
    Intent(
        "ward.total_votes",
        "ward",
        priority=920,
        cues=(Pattern((CAST,)),),
        slots=(WARD,),
        summary="votes cast in a ward",
        examples=(
            Example("total votes in Derwent", ("5,022",)),
            Example("how many votes were cast in abbey", ("8,254",)),
        ),
    ),
    Intent(
        "ward.candidates",
        "ward",
        priority=910,
        cues=(Pattern((STAND,)),),
        slots=(WARD,),
        summary="who stood in a ward",
        examples=(Example("who stood in Derwent", ("9 candidates",)),),
    ),
    Intent(
        "ward.seats",
        "ward",
        priority=900,
        cues=(Pattern((WARD_SEATS,)),),
        slots=(WARD,),
        summary="how many seats a ward filled",
        examples=(
            Example("how many seats in mackworth", ("3 councillors",)),
            Example("how many seats does Abbey have", ("3",)),
        ),
    ),
    Intent(
        "ward.party",
        "ward",
        priority=890,
        cues=(
            Pattern(
                (
                    WHICH_PARTY,
                    WIN,
                )
            ),
        ),
        slots=(WARD,),
        summary="which party won a ward",
        examples=(
            Example("which party won Sinfin?", ("Labour",)),
            Example("which party won oakwood", ("Conservative",)),
        ),
    ),
    Intent(
        "ward.winners",
        "ward",
        priority=880,
        cues=(Pattern(((*WIN, *REPRESENT),), (WHO,)),),
        slots=(WARD,),
        summary="who won a ward, who represents it",
        examples=(
            Example("Who won Abbey", ("Maurice Burgess", "Ann Jackman", "Bryan Lowe")),
            Example("abbey winners", ("Maurice Burgess",)),
        ),
    ),
    Intent(
        "ward.losers",
        "ward",
        priority=870,
        cues=(Pattern((LOSE,), (WHO,)),),
        slots=(WARD,),
        summary="who lost in a ward",
        examples=(
            Example("who lost in Darley", ("Simon Hart",)),
            Example("who lost in oakwood", ("Jack Andrews",)),
        ),
    ),
    Intent(
        "ward.result",
        "ward",
        priority=860,
        cues=(Pattern(()),),
        slots=(WARD,),
        summary="a ward's result",
        examples=(
            Example("darly", ("Martin Repton",)),
            Example("boulton", ("Ronald Blanksby",)),
        ),
    ),
    Intent(
        "ward_party.best",
        "ward",
        priority=850,
        cues=(
            Pattern(
                (MOST,),
                (
                    VOTES,
                    STAND,
                    WHO,
                ),
            ),
        ),
        slots=(
            WARD,
            PARTY,
        ),
        summary="a party's best candidate in a ward",
        examples=(
            Example("who was the top tory in spondon", ("Colin Brown",)),
            Example("which lib dem got most votes in sinfin", ("Jennifer Driscoll",)),
        ),
    ),
    Intent(
        "ward_party.worst",
        "ward",
        priority=840,
        cues=(
            Pattern(
                (FEWEST,),
                (
                    VOTES,
                    STAND,
                    WHO,
                ),
            ),
        ),
        slots=(
            WARD,
            PARTY,
        ),
        summary="a party's weakest candidate in a ward",
        examples=(
            Example("which labour candidate got the fewest votes in Abbey", ("Jogindar Johal",)),
        ),
    ),
    Intent(
        "ward_party.votes",
        "ward",
        priority=830,
        cues=(Pattern((VOTES,)),),
        slots=(
            WARD,
            PARTY,
        ),
        summary="a party's votes in a ward",
        examples=(
            Example("labour vote in normanton", ("4,854",)),
            Example("how many votes did Labour get in Abbey", ("2,943",)),
        ),
    ),
    Intent(
        "ward_party.majority",
        "margins",
        priority=820,
        cues=(
            Pattern(
                (MARGIN,),
                (
                    WIN,
                    VOTES,
                ),
            ),
        ),
        slots=(
            WARD,
            PARTY,
        ),
        summary="a party's margin in a ward",
        examples=(
            Example("How big was Labour's majority in Sinfin?", ("582",)),
            Example("how many votes did labour win by in darley", ("149",)),
        ),
    ),
    Intent(
        "ward_party.share",
        "ward",
        priority=810,
        cues=(Pattern((SHARE,)),),
        slots=(
            WARD,
            PARTY,
        ),
        summary="a party's share of the vote in a ward",
        examples=(
            Example("lib dem share in littleover", ("65.6%",)),
            Example("What was Labour's share in Normanton?", ("55.3%",)),
        ),
    ),
    Intent(
        "ward_party.candidates",
        "ward",
        priority=800,
        cues=(Pattern((STAND,)),),
        slots=(
            WARD,
            PARTY,
        ),
        summary="a party's candidates in a ward",
        examples=(
            Example("labour candidates in allestree", ("Thomas Bradley",)),
            Example(
                "who stood for Labour in Mackworth",
                ("Raymond Baxter", "Richard Gerrard", "Loony Wilsoncroft"),
            ),
        ),
    ),
    Intent(
        "ward_party.won",
        "ward",
        priority=790,
        cues=(
            Pattern(
                (
                    (*WIN, *GAINED),
                    ("from",),
                )
            ),
            Pattern(((*WIN, *SEATS, *LOSE),)),
        ),
        slots=(
            WARD,
            PARTY,
            RIVAL_PARTY,
        ),
        polarity="claim",
        summary="whether a party won a ward (all of its seats, any of them, from another party)",
        examples=(
            Example("did labour lose abbey", ("Yes",)),
            Example("did labour hold sinfin", ("Yes",)),
            Example("did labour win every seat in Boulton", ("No", "2 of the 3")),
        ),
    ),
    Intent(
        "ward_party.result",
        "ward",
        priority=780,
        cues=(Pattern(()),),
        slots=(
            WARD,
            PARTY,
        ),
        summary="how a party did in a ward",
        examples=(
            Example("lib dem result in abbey", ("Liberal Democrats won all 3",)),
            Example("how did labour get on in darley", ("Labour won all 3",)),
        ),
    ),
    Intent(
        "ward.mine",
        "ward",
        priority=440,
        cues=(Pattern((MINE, (*REPRESENT, *WIN, "ward", "area", "live"))),),
        summary="the asker's own ward (the bot asks which)",
        examples=(Example("who is my councillor", ("ward",)),),
    ),
)
