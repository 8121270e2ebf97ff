"""Questions about a council across its loaded elections: the ward last time, hold or gain,
swing, who holds its seats now and before, a person's record, a party's first win, seats
changing hands, and a party against an earlier year. The replies call `knowledge.history`."""

from __future__ import annotations

from typing import Final

from knowledge.questions.cues import (
    BEFORE,
    CHANGED_HANDS,
    COMPARED,
    COUNCILLORS_NOW,
    FIRST,
    GAIN_OR_HOLD,
    HELD,
    LAST_TIME,
    LAST_WIN,
    OVER_TIME,
    SEATS,
    STAND,
    STILL,
    STOOD_AGAIN,
    SWING,
    WHEN_LAST,
    WHO,
    WIN,
)  # fmt: skip
from knowledge.questions.intents.records import (
    CANDIDATE,
    IN_WARD,
    PARTY,
    WARD,
    Example,
    Intent,
    Pattern,
)

RECORDS: Final[tuple[Intent, ...]] = (
    Intent(
        "history.held_before",
        "ward",
        priority=1080,
        cues=(Pattern((HELD, BEFORE), (WHO,)),),
        slots=(WARD,),
        elections="two",
        summary="who held a ward at its previous loaded contest",
        examples=(
            Example("who held Briercliffe before", ("Gordon Lishman", "2022"), store="burnley"),
            Example("who held Boulton before", ("No earlier election of Derby",)),
        ),
    ),
    Intent(
        "history.swing",
        "ward",
        priority=1070,
        cues=(Pattern((SWING,)),),
        slots=(WARD,),
        elections="two",
        summary="the two-party (Butler) swing in a ward since its previous contest",
        examples=(
            Example("what was the swing in Trumpington", ("since 2022",), store="articles"),
            Example("what was the swing in Trinity", ("did not stand",), store="burnley"),
            Example("what was the swing in Abbey", ("No earlier election of Derby",)),
        ),
    ),
    Intent(
        "history.gain",
        "ward",
        priority=1060,
        cues=(Pattern((GAIN_OR_HOLD,)),),
        slots=(WARD,),
        elections="two",
        polarity="yes_no",
        summary="whether a ward's seats were gains or holds, against its previous contest",
        examples=(
            Example("was Bank Hall a gain", ("Yes", "gain from Labour"), store="burnley"),
            Example("was Abbey a gain", ("No earlier election of Derby",)),
        ),
    ),
    Intent(
        "history.last_time",
        "ward",
        priority=1050,
        cues=(Pattern((LAST_TIME,)),),
        slots=(WARD,),
        elections="two",
        summary="how a ward voted last time, against this time",
        examples=(
            Example("how did Bank Hall vote last time", ("Afrasiab Anwar (Lab)",), "burnley"),
            Example("how did Abbey vote last time", ("No earlier election of Derby",)),
        ),
    ),
    Intent(
        "history.councillors",
        "ward",
        priority=885,
        cues=(Pattern((COUNCILLORS_NOW,), (WHO,)),),
        slots=(WARD,),
        elections="all",
        summary="who holds a ward's seats now, by the loaded elections",
        examples=(
            Example("who are my councillors in Abbey", ("Maurice Burgess", "Bryan Lowe")),
            Example("who represents Queensgate", ("Zulkernehn Hayat",), store="burnley"),
        ),
    ),
    Intent(
        "history.still_councillor",
        "candidate",
        priority=785,
        cues=(Pattern((STILL,)),),
        slots=(CANDIDATE,),
        elections="all",
        polarity="yes_no",
        summary="whether a person holds a seat now, by the loaded elections",
        examples=(
            Example("is Afrasiab Anwar still a councillor", ("Yes", "Bank Hall"), "burnley"),
            Example("is Lucy Care still a councillor", ("Littleover",)),
        ),
    ),
    Intent(
        "history.stood",
        "candidate",
        priority=784,
        cues=(Pattern((STAND, STOOD_AGAIN)),),
        slots=(CANDIDATE,),
        elections="all",
        summary="how often a person has stood, and where, in the loaded elections",
        examples=(
            Example("how many times has Lucy Care stood", ("once", "2002")),
            Example("has Lucy Care stood before", ("No earlier election of Derby",)),
        ),
    ),
    Intent(
        "history.first_win",
        "party",
        priority=655,
        cues=(Pattern((FIRST, (*WIN, *SEATS))),),
        slots=(PARTY,),
        elections="all",
        summary="when a party first (and last) won a seat, of the loaded elections",
        examples=(
            Example("when did reform first win a seat", ("2026",), store="burnley"),
            Example("when did the greens first win a seat in derby", ("did not win a seat",)),
        ),
    ),
    Intent(
        "history.last_win",
        "party",
        priority=656,
        cues=(Pattern((LAST_WIN,)), Pattern((WHEN_LAST, WIN))),
        slots=(PARTY, IN_WARD),
        elections="all",
        summary="when a party last won a ward (or any seat), of the loaded elections",
        examples=(
            Example(
                "when did labour last win Queensgate", ("2022", "Syeda Kazmi"), store="burnley"
            ),
            Example("when did the greens last win a seat", ("2022",), store="burnley"),
            Example("when did the lib dems last win Abbey", ("2002", "Maurice Burgess")),
            Example("when did the greens last win Abbey", ("not won Abbey",)),
        ),
    ),
    Intent(
        "history.party_since",
        "party",
        priority=654,
        cues=(Pattern((COMPARED,)),),
        slots=(PARTY,),
        elections="two",
        summary="a party's seats and share against an earlier election",
        examples=(
            Example("how did labour do compared with 2022", ("2022", "2026"), store="burnley"),
            Example("how did labour do compared with 2018", ("2018", "2002")),
        ),
    ),
    Intent(
        "history.party_trend",
        "party",
        priority=653,
        cues=(Pattern((OVER_TIME,)),),
        slots=(PARTY,),
        elections="all",
        summary="a party's seats and share in each loaded election of the council",
        examples=(
            Example("how has labour done in burnley over the years", ("2022",), store="burnley"),
            Example("labour's record over time", ("2002",)),
        ),
    ),
    Intent(
        "history.changed_hands",
        "council",
        priority=445,
        cues=(Pattern((CHANGED_HANDS,)),),
        elections="two",
        summary="which seats changed hands since each ward's previous contest",
        examples=(
            Example("which seats changed hands", ("Bank Hall", "Trinity"), store="burnley"),
            Example("which seats changed hands", ("No earlier election of Derby",)),
        ),
    ),
)
