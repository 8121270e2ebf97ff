"""Sums and differences over the results, and questions naming three or more of a kind."""

from __future__ import annotations

from typing import Final

from knowledge.questions.cues import (
    COMBINED,
    COMPARE,
    DIFFERENCE,
    DOUBLE,
    LOSE,
    MARGIN,
    OF_SEATS,
    SEATS,
    SHARE,
    STAND,
    VOTES,
    WIN,
)  # fmt: skip
from knowledge.questions.intents.records import (
    MORE_PARTIES,
    MORE_WARDS,
    PARTY,
    WARD,
    Example,
    Intent,
    Pattern,
)  # fmt: skip

RECORDS: Final[tuple[Intent, ...]] = (
    Intent(
        "ward_party.won_many",
        "ward",
        priority=795,
        cues=(Pattern(((*WIN, *SEATS, *LOSE),)),),
        slots=(WARD, WARD, MORE_WARDS, PARTY),
        polarity="claim",
        summary="whether a party won in each of several wards (or in any of them)",
        examples=(
            Example("did labour win both Darley and Abbey", ("No —", "none of the 3 in Abbey")),
            Example("did the conservatives win any seats in Abbey or Oakwood", ("Yes —",)),
        ),
    ),
    Intent(
        "ward_party.votes_many",
        "ward",
        priority=797,
        cues=(Pattern((VOTES,), (COMBINED,)),),
        slots=(WARD, WARD, MORE_WARDS, PARTY),
        summary="a party's votes in each of several wards, and in all of them",
        examples=(
            Example("how many votes did labour get in Abbey and Boulton", ("2,943", "6,697")),
            Example("tory votes in Darley, Sinfin and Littleover combined", ("6,483",)),
        ),
    ),
    Intent(
        "compare.difference",
        "comparisons",
        priority=495,
        cues=(Pattern((DIFFERENCE,), (SEATS, VOTES)),),
        slots=(PARTY, PARTY),
        summary="how many more seats or votes one party won than another",
        examples=(
            Example("how many more seats did Labour win than the Conservatives", ("16",)),
            Example("how many more votes did labour get than the lib dems", ("14,768",)),
        ),
    ),
    Intent(
        "compare.combined",
        "comparisons",
        priority=490,
        cues=(Pattern((COMBINED,), (SEATS, VOTES)),),
        slots=(PARTY, PARTY, MORE_PARTIES),
        summary="two or more parties' seats or votes added together",
        examples=(
            Example("how many seats did the Tories and Lib Dems win combined", ("23",)),
            Example("labour and lib dem votes together", ("101,692",)),
        ),
    ),
    Intent(
        "compare.many_parties",
        "comparisons",
        priority=485,
        cues=(Pattern((), (COMPARE, SEATS, VOTES, SHARE, STAND, WIN)),),
        slots=(PARTY, PARTY, PARTY, MORE_PARTIES),
        summary="three or more parties side by side",
        examples=(
            Example(
                "how many seats did labour, the tories and the lib dems win", ("27", "11", "12")
            ),
        ),
    ),
    Intent(
        "compare.many_wards",
        "comparisons",
        priority=480,
        cues=(Pattern((), (COMPARE, WIN, MARGIN)),),
        slots=(WARD, WARD, WARD, MORE_WARDS),
        summary="three or more wards side by side",
        examples=(
            Example(
                "who won Abbey, Boulton and Darley",
                ("Maurice Burgess", "Ronald Blanksby", "Martin Repton"),
            ),
        ),
    ),
    Intent(
        "party.doubled",
        "party",
        priority=890,
        cues=(Pattern((DOUBLE,), (SEATS,)),),
        slots=(PARTY,),
        polarity="yes_no",
        summary="whether a party doubled its seats",
        examples=(
            Example("did the Lib Dems double their seats", ("Yes", "6", "12")),
            Example("did the conservatives double their seats?", ("No", "8", "11")),
        ),
    ),
    Intent(
        "party.seat_share",
        "party",
        priority=885,
        cues=(Pattern((SHARE, OF_SEATS)),),
        slots=(PARTY,),
        summary="a party's share of the seats (against its share of the vote)",
        examples=(Example("what share of the seats did Labour win", ("52.9%",)),),
    ),
)
