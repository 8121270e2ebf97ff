"""Ordinary words: never names, whatever a fuzzy matcher thinks of them.

A question is mostly glue ("who", "the", "did", "in") and election words ("seats", "votes",
"council"). Those must not fuzzy-match a ward, a candidate or a party, so they are listed here
and taken out before names are looked for. The intents' trigger words are added to this list
at import (see `knowledge.questions.intents.KEYWORDS`), so the two never drift apart.
"""

from __future__ import annotations

from typing import Final

from knowledge.gazetteer import ELECTION_WORDS, PARTY_WORDS, TITLES, WARD_WORDS
from knowledge.resolve import EntityKind

_GLUE = """
a an the this that these those there here it its itself they them their theirs he him his she else
her hers we us our you your yours i me my mine one ones someone anyone anybody everyone who whom
whose what whats which where wheres when whens why how hows whos thats theres heres
is are was were be been being am do does did done doing have has had having will would shall
should can could may might must dont doesnt didnt wasnt werent isnt arent hasnt havent hadnt
wont cant couldnt shouldnt wouldnt im ive id youre weve theyre
of in on at to for from by with without about into onto over under between among amongst
against across after before during since until till up down out off than then as per via
and or but nor so yet if because while though although also too either neither both
not no yes yeah yep nope all any some each every many much more most less least few fewer
v vs versus
other others another such same own only just even still already ever again very really quite
please pls plz thanks thank thx ty cheers hi hello hey ok okay well oh ah um so like u ur r
tell show give list know find get got gets getting let lets say said see look want wanted need
mean means meant think thought guess wonder wondering explain describe check
happen happened happens going go went gone come came make made take took put
perform performed performance fare fared end ended ending doing
way ways thing things stuff lot lots bit kind sort type
now today yesterday year years time times ago last first next previous recent recently
current currently latest
total overall altogether combined whole entire full number numbers figure figures count
one two three four five six seven eight nine ten eleven twelve first second third
idea curious question quick anyone anybody someone somebody everybody nobody none
anywhere everywhere somewhere nowhere anything something everything nothing
actually basically maybe perhaps probably definitely exactly roughly approximately nearly almost
always never often sometimes usually around saw seen seeing looks looked looking likes
wants needs told ask asked knew known gave given set found shown showed start started began
performing performances result outcome outcomes happening going good bad great nice poor
single final
bot mate pal buddy bro guys lads folks team everyone lol haha cool sure alright anyway
tho cos coz cuz sorry apologies hiya howdy oi yo right asking night evening
"""

_ELECTION_WORDS = """
election elections byelection byelections elect elected electing electoral poll polls polling vote
votes voted voting
voter voters ballot ballots council councils councillor councillors cllr cllrs member members
seat seats ward wards division divisions area areas constituency district borough city county
metropolitan local parish party parties candidate candidates contest contests contested
result results race races winner winners loser losers count counted stand stood standing
run ran running mr mrs ms miss dr sir lady lord
"""

STOP_WORDS: Final[frozenset[str]] = frozenset((_GLUE + _ELECTION_WORDS).split())
"""Words that are never the start of a name on their own."""

KIND_HINTS: Final[dict[str, EntityKind]] = {
    **dict.fromkeys(PARTY_WORDS, "party"),
    **dict.fromkeys(WARD_WORDS, "ward"),
    **dict.fromkeys(ELECTION_WORDS, "election"),
    **dict.fromkeys(TITLES, "candidate"),
}
"""A word next to an unknown name that says what kind of name it is ("the Pirate party",
"Narnia ward", "Mr Smith"); only titles come before the name, the rest after it."""

_OFF_TOPIC = """
tall height old age aged born birthday live lives living married wife husband children
phone email address salary paid job occupation religion weather forecast predict
prediction predictions future opinion odds bet betting leader leaders mayor manifesto policy
policies promise promised promises wealthy joke jokes population capital register
registration upcoming tax bins bin potholes parking planning schools contact surgery surgeries
budget
"""
OFF_TOPIC: Final[frozenset[str]] = frozenset(_OFF_TOPIC.split())
"""Things people ask that the results don't hold ("how old is ...", "will Labour win next
time?"): a question using one of these (outside a name) is answered as out of scope."""
OFF_TOPIC_PHRASES: Final[tuple[tuple[str, ...], ...]] = (
    ("next", "time"),
    ("next", "election"),
    ("next", "council"),
    ("next", "local"),
    ("next", "vote"),
    ("next", "poll"),
    ("next", "one"),
    ("opinion", "poll"),
    ("will", "win"),
    ("will", "lose"),
    ("will", "get"),
    ("will", "take"),
    ("will", "keep"),
    ("gonna", "win"),
    ("going", "to", "win"),
    ("going", "to", "lose"),
)
"""Runs of words outside any name that ask the same ("will ... win": a prediction)."""


NUMBER_AFTER: Final[frozenset[str]] = frozenset({"vote", "votes", "seats", "seat", "people"})
"""A year-like number followed by one of these is a count, not a year ("2000 votes")."""
NUMBER_BEFORE: Final[frozenset[str]] = frozenset(
    {"over", "under", "above", "below", "than", "least", "most", "exactly", "beyond"}
)
"""A year-like number after one of these is a count, not a year ("over 2000")."""

YES_NO_OPENERS: Final[frozenset[str]] = frozenset(
    {
        "did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "will", "can",
        "any", "if", "whether",
    }
)  # fmt: skip
"""A question opening with one of these wants a yes or a no first ("*any* ties?", "tell me
*if* Labour won")."""

_OPENING_FILLER = """
hey hi hello hiya yo oi ok okay so sorry please pls plz bot mate pal guys lads folks and but
also then well um oh right cheers thanks thx quick question one more another just again
can could would you u tell me let know i im wonder wondering want to like ask asking
"""
OPENING_FILLER: Final[frozenset[str]] = frozenset(_OPENING_FILLER.split())
"""Words a question may open with before it starts ("hey bot, sorry, one more: *did* ...",
"can you tell me *if* ..."); skipped when looking for a yes/no opener."""

SPELLINGS: Final[dict[str, str]] = {
    "wun": "won", "wen": "when", "wat": "what", "wot": "what", "wht": "what", "wich": "which",
    "whch": "which", "hw": "how", "ppl": "people", "cllrs": "councillors", "cllr": "councillor",
    "maj": "majority", "vots": "votes", "votez": "votes", "seets": "seats", "thier": "their",
    "teh": "the", "abt": "about", "ur": "your",
}  # fmt: skip
"""Text-speak and common misspellings, read as the word meant (a name spelt the same wins)."""
