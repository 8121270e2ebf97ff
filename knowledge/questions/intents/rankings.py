"""Margins, rankings across the council, and comparisons of two names."""

from __future__ import annotations

from typing import Final

from knowledge.questions.cues import (
    ABOVE,
    BELOW,
    CAST,
    CHANGE,
    CLOSER,
    CLOSEST,
    COMPARE,
    FEWEST,
    LESS,
    LOSE,
    MARGIN_NOUN,
    MORE,
    MOST,
    ORDINAL,
    PERSON,
    SAFER,
    SAFEST,
    SEATS,
    TURNOUT,
    VOTES,
    WARD_NOUN,
    WARD_SIZE,
    WHERE,
    WHICH_PARTY,
    WHO,
    WIN,
)  # fmt: skip
from knowledge.questions.intents.records import (
    CANDIDATE,
    IN_WARD,
    NUMBER_SLOT,
    OF_PARTY,
    ORDINAL_SLOT,
    PARTY,
    WARD,
    Example,
    Intent,
    Pattern,
)

RECORDS: Final[tuple[Intent, ...]] = (
    Intent(
        "compare.parties",
        "comparisons",
        priority=470,
        cues=(Pattern((), (COMPARE,)),),
        slots=(
            PARTY,
            PARTY,
            IN_WARD,
        ),
        summary="two parties compared",
        examples=(
            Example("did Lab beat LD", ("Yes", "27")),
            Example("lab v con seats", ("27", "11")),
        ),
    ),
    Intent(
        "compare.wards",
        "comparisons",
        priority=460,
        cues=(
            Pattern(
                (),
                (
                    COMPARE,
                    (*CLOSER, *SAFER),
                ),
            ),
        ),
        slots=(
            WARD,
            WARD,
        ),
        summary="two wards compared",
        examples=(
            Example("Abbey v Allestree", ("8,254", "12,997")),
            Example("abbey vs blagreaves", ("8,254", "11,337")),
        ),
    ),
    Intent(
        "compare.candidates",
        "comparisons",
        priority=450,
        cues=(
            Pattern(
                (),
                (
                    COMPARE,
                    (*MORE, *LESS),
                ),
            ),
        ),
        slots=(
            CANDIDATE,
            CANDIDATE,
            IN_WARD,
        ),
        summary="two candidates compared",
        examples=(
            Example("did Webb beat Hickson", ("Yes",)),
            Example("lucy care vs anders hanson", ("Anders Hanson got more votes than Lucy Care",)),
        ),
    ),
    Intent(
        "margins.closest",
        "margins",
        priority=380,
        cues=(
            Pattern((CLOSEST,)),
            Pattern(
                (
                    FEWEST,
                    MARGIN_NOUN,
                )
            ),
        ),
        slots=(ORDINAL_SLOT,),
        summary="the closest contest (or the second, third ... closest)",
        examples=(
            Example("closest race?", ("Boulton",)),
            Example("narrowest win", ("Boulton",)),
        ),
    ),
    Intent(
        "margins.safest",
        "margins",
        priority=370,
        cues=(
            Pattern((SAFEST,)),
            Pattern(
                (
                    MOST,
                    MARGIN_NOUN,
                )
            ),
        ),
        slots=(ORDINAL_SLOT,),
        summary="the safest win (or the second, third ... safest)",
        examples=(
            Example("safest seat", ("Littleover", "1,666")),
            Example("Safest ward?", ("Littleover",)),
        ),
    ),
    Intent(
        "rank.ward_threshold",
        "superlatives",
        priority=360,
        cues=(
            Pattern(
                (
                    (*ABOVE, *BELOW),
                    WHERE,
                ),
                (CAST,),
            ),
        ),
        slots=(NUMBER_SLOT,),
        summary="wards above or below a number of votes",
        examples=(
            Example("which wards had more than 12000 votes cast", ("Mickleover", "Allestree")),
        ),
    ),
    Intent(
        "rank.threshold",
        "superlatives",
        priority=350,
        cues=(
            Pattern(
                ((*ABOVE, *BELOW),),
                (
                    VOTES,
                    PERSON,
                ),
            ),
        ),
        slots=(IN_WARD, OF_PARTY, NUMBER_SLOT),
        summary="candidates above or below a number of votes",
        examples=(
            Example("Did any candidate get over 3000 votes?", ("Yes", "Anders Hanson", "3,077")),
            Example("who got fewer than 250 votes in Boulton", ("Craig Head", "Hilary Edwards")),
        ),
    ),
    Intent(
        "rank.lowest_winner",
        "superlatives",
        priority=340,
        cues=(
            Pattern(
                (
                    FEWEST,
                    WIN,
                ),
                (VOTES,),
            ),
        ),
        summary="the winner with the fewest votes",
        examples=(
            Example("Lowest winning vote?", ("Suman Gupta",)),
            Example("who won with the fewest votes", ("Suman Gupta", "820")),
        ),
    ),
    Intent(
        "rank.highest_loser",
        "superlatives",
        priority=330,
        cues=(
            Pattern(
                (
                    MOST,
                    LOSE,
                ),
                (VOTES,),
            ),
        ),
        summary="the loser with the most votes",
        examples=(
            Example("best loser", ("Christine Pearn",)),
            Example("who was the highest polling loser", ("Christine Pearn",)),
        ),
    ),
    Intent(
        "rank.turnout_high",
        "superlatives",
        priority=320,
        cues=(
            Pattern(
                (
                    MOST,
                    TURNOUT,
                ),
                (WHERE,),
            ),
        ),
        summary="the highest turnout",
        examples=(
            Example("which ward had the biggest turnout", ("no turnout",)),
            Example("which ward had the highest turnout", ("no turnout",)),
        ),
    ),
    Intent(
        "rank.turnout_low",
        "superlatives",
        priority=310,
        cues=(
            Pattern(
                (
                    FEWEST,
                    TURNOUT,
                ),
                (WHERE,),
            ),
        ),
        summary="the lowest turnout",
        examples=(
            Example("which ward had the lowest turnout", ("no turnout", "Derwent")),
            Example("lowest turnout?", ("Eastgate", "25.5%"), store="ties"),
        ),
    ),
    Intent(
        "rank.ward_most_cast",
        "superlatives",
        priority=300,
        cues=(
            Pattern(
                (
                    MOST,
                    WHERE,
                    (*CAST, *VOTES),
                )
            ),
            Pattern((("busiest", "busiest ward", "most voters"),)),
        ),
        summary="the ward with the most votes cast",
        examples=(
            Example("busiest ward", ("Mickleover",)),
            Example("Which ward saw the most votes?", ("Mickleover",)),
        ),
    ),
    Intent(
        "rank.ward_fewest_cast",
        "superlatives",
        priority=290,
        cues=(
            Pattern(
                (
                    FEWEST,
                    WHERE,
                    (*CAST, *VOTES),
                )
            ),
            Pattern((("quietest", "quietest ward", "fewest voters"),)),
        ),
        summary="the ward with the fewest votes cast",
        examples=(
            Example("which ward had the fewest votes", ("Derwent", "5,022")),
            Example("which ward had the fewest votes cast", ("Derwent",)),
        ),
    ),
    Intent(
        "rank.ward_most_seats",
        "superlatives",
        priority=280,
        cues=(
            Pattern(
                (
                    MOST,
                    WARD_NOUN,
                    WARD_SIZE,
                )
            ),
        ),
        summary="the ward with the most seats",
        examples=(
            Example("which ward elected the most councillors", ("every ward", "3 seats each")),
        ),
    ),
    Intent(
        "rank.ward_fewest_seats",
        "superlatives",
        priority=270,
        cues=(
            Pattern(
                (
                    FEWEST,
                    WARD_NOUN,
                    WARD_SIZE,
                )
            ),
        ),
        summary="the ward with the fewest seats",
        examples=(Example("which ward had the fewest seats", ("every ward", "3 seats each")),),
    ),
    Intent(
        "rank.party_place",
        "superlatives",
        priority=260,
        cues=(
            Pattern(
                (
                    WHICH_PARTY,
                    ORDINAL,
                ),
                (
                    VOTES,
                    SEATS,
                ),
            ),
        ),
        slots=(ORDINAL_SLOT,),
        summary="the party in a given place",
        examples=(
            Example("which party came second", ("Liberal Democrats",)),
            Example("which party finished third", ("Conservatives", "11")),
        ),
    ),
    Intent(
        "rank.place",
        "superlatives",
        priority=250,
        cues=(
            Pattern(
                (ORDINAL,),
                (
                    VOTES,
                    WHO,
                ),
            ),
        ),
        slots=(ORDINAL_SLOT,),
        summary="the candidate in a given place across the council",
        examples=(
            Example("who came third overall", ("Hilary Jones", "Margaret Hird", "joint 2nd")),
        ),
    ),
    Intent(
        "rank.party_gain",
        "superlatives",
        priority=240,
        cues=(
            Pattern(
                (
                    MOST,
                    WHICH_PARTY,
                    CHANGE,
                ),
                (SEATS,),
            ),
        ),
        summary="the party that gained most",
        examples=(
            Example("which party lost the most seats", ("Labour", "2")),
            Example("which party gained the most seats", ("Liberal Democrats", "6")),
        ),
    ),
    Intent(
        "rank.party_most",
        "superlatives",
        priority=230,
        cues=(
            Pattern(
                (
                    MOST,
                    WHICH_PARTY,
                ),
                (
                    VOTES,
                    SEATS,
                ),
            ),
            Pattern(
                (
                    MOST,
                    ("seats", "councillors", "most seats"),
                )
            ),
        ),
        summary="the party with the most seats or votes",
        examples=(
            Example("biggest party", ("Labour",)),
            Example("Which party came top?", ("Labour",)),
        ),
    ),
    Intent(
        "rank.party_fewest",
        "superlatives",
        priority=220,
        cues=(
            Pattern(
                (
                    FEWEST,
                    WHICH_PARTY,
                ),
                (
                    VOTES,
                    SEATS,
                ),
            ),
        ),
        summary="the party with the fewest seats or votes",
        examples=(
            Example("which party got the least votes", ("Independent", "3,098")),
            Example("which party got the fewest votes", ("Independent", "3,098")),
        ),
    ),
    Intent(
        "rank.most_votes",
        "superlatives",
        priority=210,
        cues=(
            Pattern(
                (MOST,),
                (
                    VOTES,
                    WHO,
                ),
            ),
        ),
        summary="the candidate with the most votes",
        examples=(
            Example("top vote getter", ("Anders Hanson",)),
            Example("top 5 vote getters", ("Anders Hanson",)),
        ),
    ),
    Intent(
        "rank.fewest_votes",
        "superlatives",
        priority=200,
        cues=(
            Pattern(
                (FEWEST,),
                (
                    VOTES,
                    WHO,
                ),
            ),
        ),
        summary="the candidate with the fewest votes",
        examples=(
            Example("lowest vote", ("Hilary Edwards",)),
            Example("who came last overall", ("Hilary Edwards",)),
        ),
    ),
)
