"""Questions about one candidate."""

from __future__ import annotations

from typing import Final

from knowledge.questions.cues import (
    ABOVE,
    BELOW,
    HOW,
    LOSE,
    MARGIN,
    POSITION,
    SHARE,
    STAND,
    TIE,
    TOPPED,
    VOTES,
    WHERE,
    WHICH_PARTY,
    WIN,
)  # fmt: skip
from knowledge.questions.intents.records import (
    CANDIDATE,
    IN_WARD,
    NUMBER_SLOT,
    OF_PARTY,
    PARTY,
    Example,
    Intent,
    Pattern,
)

RECORDS: Final[tuple[Intent, ...]] = (
    Intent(
        "candidate.tie",
        "splits",
        priority=770,
        cues=(Pattern((TIE,)),),
        slots=(
            CANDIDATE,
            IN_WARD,
            OF_PARTY,
        ),
        polarity="yes_no",
        summary="whether a candidate tied with anyone",
        examples=(Example("did Margaret Hird tie with anyone", ("Hilary Jones", "2,953")),),
    ),
    Intent(
        "candidate.threshold",
        "candidate",
        priority=760,
        cues=(Pattern(((*ABOVE, *BELOW),), (VOTES,)),),
        slots=(CANDIDATE, IN_WARD, NUMBER_SLOT),
        polarity="yes_no",
        summary="whether a candidate passed a number of votes",
        examples=(
            Example("did Lucy get more than 2000 votes", ("Yes",)),
            Example("did lucy care get more than 2,000 votes", ("Yes", "2,695")),
        ),
    ),
    Intent(
        "candidate.margin",
        "candidate",
        priority=750,
        cues=(Pattern((MARGIN,), (WIN,)),),
        slots=(
            CANDIDATE,
            IN_WARD,
            OF_PARTY,
        ),
        summary="by how much a candidate won or lost",
        examples=(
            Example("whats hanson's majority", ("1,757",)),
            Example("how close did dhindsa come", ("10 votes",)),
        ),
    ),
    Intent(
        "candidate.share",
        "candidate",
        priority=740,
        cues=(Pattern((SHARE,), (VOTES,)),),
        slots=(
            CANDIDATE,
            IN_WARD,
            OF_PARTY,
        ),
        summary="a candidate's share of the vote",
        examples=(
            Example("what % did anders hanson get", ("20.9%",)),
            Example("williamson's share of the vote", ("19.5%",)),
        ),
    ),
    Intent(
        "candidate.top",
        "candidate",
        priority=730,
        cues=(Pattern((TOPPED,)),),
        slots=(
            CANDIDATE,
            IN_WARD,
            OF_PARTY,
        ),
        polarity="yes_no",
        summary="whether a candidate topped the poll",
        examples=(
            Example("did roy webb top the poll", ("Yes",)),
            Example("was anders hanson the top vote getter", ("Yes",)),
        ),
    ),
    Intent(
        "candidate.position",
        "candidate",
        priority=720,
        cues=(Pattern((POSITION,)),),
        slots=(
            CANDIDATE,
            IN_WARD,
            OF_PARTY,
        ),
        summary="where a candidate finished",
        examples=(
            Example("where did Ian Care finish", ("8th",)),
            Example("what position did Ian Care come", ("8th",)),
        ),
    ),
    Intent(
        "candidate.votes",
        "candidate",
        priority=710,
        cues=(Pattern((VOTES,)),),
        slots=(
            CANDIDATE,
            IN_WARD,
            OF_PARTY,
        ),
        summary="a candidate's votes",
        examples=(
            Example("hanson votes", ("3,077",)),
            Example("Latham votes?", ("1,362",)),
        ),
    ),
    Intent(
        "candidate.party",
        "candidate",
        priority=700,
        cues=(Pattern((WHICH_PARTY,)),),
        slots=(
            CANDIDATE,
            IN_WARD,
        ),
        summary="a candidate's party",
        examples=(
            Example("which party is Lucy Care", ("Liberal Democrats",)),
            Example("what party is ruth skelton", ("Liberal Democrats",)),
        ),
    ),
    Intent(
        "candidate.ward",
        "candidate",
        priority=690,
        cues=(Pattern((WHERE,), (STAND,)),),
        slots=(
            CANDIDATE,
            OF_PARTY,
        ),
        summary="where a candidate stood",
        examples=(
            Example("where did Bezz Berry stand", ("Darley",)),
            Example("where did Simon Hart stand", ("Darley",)),
        ),
    ),
    Intent(
        "candidate.elected",
        "candidate",
        priority=680,
        cues=(Pattern(((*WIN, *LOSE),)),),
        slots=(
            CANDIDATE,
            IN_WARD,
            OF_PARTY,
        ),
        polarity="yes_no",
        summary="whether a candidate was elected",
        examples=(
            Example("Did Jones win?", ("Yes",)),
            Example("did Lucy get in", ("Yes",)),
        ),
    ),
    Intent(
        "candidate.result",
        "candidate",
        priority=670,
        cues=(
            Pattern((HOW,)),
            Pattern(()),
        ),
        slots=(
            CANDIDATE,
            IN_WARD,
            OF_PARTY,
        ),
        summary="how a candidate did",
        examples=(
            Example("Dhindsa", ("1,134",)),
            Example("Lucy Care", ("2,695",)),
        ),
    ),
    Intent(
        "candidate.is_party",
        "candidate",
        priority=660,
        cues=(Pattern(()),),
        slots=(
            CANDIDATE,
            PARTY,
            OF_PARTY,
            IN_WARD,
        ),
        polarity="yes_no",
        summary="whether a candidate stood for a party",
        examples=(
            Example("is lucy care a tory", ("No",)),
            Example("is pauline latham a tory", ("Yes",)),
        ),
    ),
)
