"""The words that cue each kind of question, as named groups of phrases, and how a question
is matched against them.

A cue group is a tuple of alternative phrases, each a few normalised words; a question uses a
group when any phrase of it is among the question's runs of consecutive words (names taken
out). The longest phrase present counts, so "how many seats" outweighs "seats". Intent records
(`intents.py`) name the groups they need; replies read a few more through `Ask.has`.
"""

from __future__ import annotations

from typing import Final

Cue = tuple[str, ...]
"""Alternative phrases, each a few normalised words; the longest one present counts."""

WIN: Final[Cue] = (
    "win", "won", "wins", "winning", "winner", "winners", "elected", "get in", "got in",
    "gets in", "getting in", "returned", "successful", "victorious", "victory", "take", "took",
    "taken", "hold", "holds", "succeed", "succeeded", "carried", "re elected", "elect",
    "scrape in", "scraped in", "scrape through", "scraped through", "squeak in", "squeaked in",
    "sneak in", "sneaked in", "snuck in", "make it", "made it", "get elected", "got elected",
    "get back in", "got back in", "gets back in", "back in",
)  # fmt: skip
OUSTED: Final[Cue] = (
    "ousted", "unseated", "kicked out", "booted out", "voted out", "the boot", "got the boot",
    "lose their seat", "lost their seat", "lost their seats", "lose their seats",
)  # fmt: skip
"""Sitting councillors losing: a candidate not elected, and for a party, seats lost."""
LOSE: Final[Cue] = (
    "lose", "lost", "loses", "losing", "loser", "losers", "defeated", "defeat", "unsuccessful",
    "not elected", "fail", "failed", "beaten", "miss out", "missed out", "unelected",
    "without being elected", "without winning", "without a seat", "not get elected",
    "failed to win", "didnt get in", "didnt win", "not win", *OUSTED,
)  # fmt: skip
VOTES: Final[Cue] = (
    "votes", "vote", "how many votes", "number of votes", "polled", "poll", "vote count",
    "tally", "how many people voted for", "score", "scored", "scoring",
)  # fmt: skip
SEATS: Final[Cue] = (
    "seats", "seat", "councillors", "councillor", "how many seats", "number of seats",
    "how many councillors",
)  # fmt: skip
SHARE: Final[Cue] = (
    "share", "vote share", "share of the vote", "percentage", "percent", "proportion",
    "per cent", "what percentage", "what percent", "what per cent", "what share",
)  # fmt: skip
MARGIN: Final[Cue] = (
    "smallest margin", "narrowest margin", "by the smallest margin", "biggest margin",
    "margin", "majority", "by how much", "by how many", "by how many votes", "how close",
    "win by", "won by", "winning margin", "lead", "how close was", "close", "closest",
    "tight", "narrow", "safe", "safest", "marginal", "majorities", "margins", "behind",
    "short", "short of", "ahead", "ahead of", "votes behind", "how many votes behind",
    "votes short", "how far behind", "how many votes short", "how far ahead", "lose by",
    "lost by", "beaten by", "gap", "separated", "separating", "much in it", "how much in it",
)  # fmt: skip
CLOSER: Final[Cue] = ("closer", "tighter", "narrower", "more marginal", "nearer")
SAFER: Final[Cue] = ("safer", "bigger majority", "larger majority", "more comfortable")
"""Comparing two margins: a closer contest has the smaller majority."""
MARGIN_NOUN: Final[Cue] = (
    "margin", "majority", "margins", "majorities", "winning margin", "win", "victory",
    "decided", "decided by",
)  # fmt: skip
UNOPPOSED: Final[Cue] = (
    "unopposed", "uncontested", "without a contest", "no contest", "walkover", "unchallenged",
)  # fmt: skip
PARTY_LIST: Final[Cue] = (
    "parties", "which parties", "what parties", "how many parties", "list the parties",
    "parties stood", "parties stand", "parties took part", "all the parties",
)  # fmt: skip
GAINED: Final[Cue] = (
    "gain", "gained", "gains", "pick up", "picked up", "increase", "increased", "won more",
    "more seats",
)  # fmt: skip
DROPPED: Final[Cue] = (
    "lose", "lost", "losses", "loss", "drop", "dropped", "decrease", "decreased", "fewer seats",
    "lose seats", "lost seats", *OUSTED,
)  # fmt: skip
CHANGE: Final[Cue] = (
    *GAINED, *DROPPED, "net", "change", "changed", "seats before", "than before", "last time",
    "compared to before", "since the last election", "swing", "net change", "up or down",
    "go up", "went up", "go down", "went down", "down or up",
)  # fmt: skip
MORE: Final[Cue] = (
    "more", "higher", "better", "beat", "beaten", "bigger", "outpoll", "outpolled", "most",
    "ahead", "larger",
)  # fmt: skip
LESS: Final[Cue] = ("fewer", "less", "lower", "worse", "smaller", "behind", "least", "fewest")
CONTROL: Final[Cue] = (
    "control", "controls", "controlled", "in control", "in charge", "run the council",
    "runs the council", "runs", "running the council", "power", "in power", "overall control",
    "hold the council", "no overall control", "hung", "keep control", "kept control",
    "lose control", "lost control", "majority on the council", "overall majority", "retain",
    "retained", "keep", "kept", "hold on", "held on", "take control", "took control",
    "short of a majority", "from a majority", "short of control", "away from a majority",
    "run council", "runs council", "running council", "control council", "controls council",
    "in charge of council", "ran council", "ran the council", "who ran council",
    "party ran council",
)  # fmt: skip
"""("council" also stands for the council's name: "who runs Derby" reads "who runs council".)"""
LOST_CONTROL: Final[Cue] = (
    "lose control", "lost control", "loses control", "losing control", "lose", "lost", "loses",
    "lose their majority", "lost their majority", "lose its majority", "lost its majority",
    "lose the council", "lost the council",
)  # fmt: skip
KEPT_CONTROL: Final[Cue] = (
    "keep control", "kept control", "keeps control", "retain control", "retained control",
    "retain", "retained", "keep", "kept", "hold on", "held on", "hold onto", "held onto",
    "stay in control", "stayed in control", "remain in control", "remained in control",
)  # fmt: skip
TOOK_CONTROL: Final[Cue] = (
    "take control", "took control", "takes control", "win control", "won control", "gain control",
    "gained control", "take over", "took over", "win the council", "won the council",
    "seize control", "seized control", "capture", "captured", "take", "took", "gain", "gained",
)  # fmt: skip
"""A change of control asked about ("did Labour *lose* control"): before is compared with after."""
CLOSEST: Final[Cue] = (
    "closest", "tightest", "narrowest", "most marginal", "marginal", "marginals", "close",
    "closer", "nearest", "smallest majority", "smallest margin", "narrow", "tight",
    "knife edge", "nail biter", "lowest majority", "slimmest", "closely", "closely fought",
    "hard fought", "hardest fought", "close run", "closest race", "closest contest",
    "closest seat", "closest ward", "closest result", "closest fight", "tightest race",
    "tightest contest", "tightest seat", "narrowest win", "narrowest margin", "closest call",
)  # fmt: skip
"""(Two-word phrases outweigh "who won" in "who won the closest race".)"""
SAFEST: Final[Cue] = (
    "safest", "safe", "biggest majority", "largest majority", "biggest margin",
    "largest margin", "widest margin", "most comfortable", "landslide", "comfortable",
    "highest majority", "biggest win", "largest win", "by the most", "win by the most",
    "won by the most", "most votes to spare", "safest seat", "safest ward", "safest race",
    "safest contest",
)  # fmt: skip
MOST: Final[Cue] = (
    "most", "highest", "biggest", "largest", "top", "best", "maximum", "greatest", "topped",
    "top of the poll", "topped the poll", "came first", "strongest", "most popular",
    "popular", "higher", "bigger", "record",
)  # fmt: skip
FEWEST: Final[Cue] = (
    "fewest", "least", "lowest", "smallest", "worst", "minimum", "bottom", "came last",
    "last place", "weakest", "poorest", "lower", "smaller", "bottom of the poll", "finished last",
    "finish last", "came bottom", "finished bottom", "was last",
)  # fmt: skip
ELECTORATE: Final[Cue] = (
    "electorate", "registered voters", "registered electors", "registered to vote",
    "eligible to vote", "eligible voters", "electors", "could vote", "entitled to vote",
    "how many people could vote", "how many voters were registered",
)  # fmt: skip
REJECTED: Final[Cue] = (
    "rejected", "rejected ballots", "ballots rejected", "ballots were rejected", "spoilt",
    "spoiled", "spoilt ballots", "spoiled ballots", "spoilt papers", "invalid votes",
    "invalid ballots", "void", "void votes",
)  # fmt: skip
"""The figures a document may give beside the votes (`- Registered electors:` lines)."""
DECLARED: Final[Cue] = (
    "declared", "declare", "declaring", "declarations", "declaration", "results in",
    "still to come", "yet to come", "to come", "still counting", "being counted", "counted",
    "come in", "in so far", "so far", "undeclared", "outstanding", "have declared",
    "has declared", "wards have declared", "wards declared", "declared so far",
)  # fmt: skip
"""Which wards have declared, or are still to, while an election is counted."""
NOT_YET: Final[Cue] = (
    "still", "yet", "not", "left", "remaining", "outstanding", "undeclared", "to come",
    "waiting", "awaiting", "still to", "to declare",
)  # fmt: skip
HOLDINGS: Final[Cue] = (
    "have", "has", "hold", "holds", "now", "on the council", "councillors", "in total",
    "altogether", "currently",
)  # fmt: skip
"""A party's seats on the council, not only those it won ("how many seats does Reform *have*")."""
TURNOUT: Final[Cue] = (
    "turnout", "turn out", "turned out", "how many people voted", "percentage voted",
    "what percentage voted", "percent voted", "per cent voted", "proportion voted",
)  # fmt: skip
TURNOUT_UP: Final[Cue] = (
    "up", "rise", "rose", "risen", "higher", "increase", "increased", "go up", "went up",
    "gone up", "improve", "improved", "more people",
)  # fmt: skip
TURNOUT_DOWN: Final[Cue] = (
    "down", "fall", "fell", "fallen", "lower", "drop", "dropped", "decrease", "decreased",
    "go down", "went down", "gone down", "fewer people",
)  # fmt: skip
TURNOUT_MOVE: Final[Cue] = (
    *TURNOUT_UP, *TURNOUT_DOWN, "change", "changed", "compared", "compare", "than last time",
    "than before", "since", "last time", "previous election", "up or down", "down or up",
    "higher or lower", "lower or higher",
)  # fmt: skip
"""Turnout against an earlier election ("was turnout up or down?")."""
DATE: Final[Cue] = (
    "when", "date", "what day", "which day", "what date", "held", "took place", "take place",
    "happen", "what year", "which year",
)  # fmt: skip
SPLIT: Final[Cue] = (
    "split", "split ward", "split wards", "shared", "divided", "mixed", "more than one party",
    "different parties", "split between", "two parties", "different party",
)  # fmt: skip
TIE: Final[Cue] = (
    "tie", "tied", "ties", "dead heat", "level", "same number of votes", "equal votes",
    "draw", "drew", "drawn", "dead level", "tie at the last seat", "tie for the last seat",
    "undecided", "not decided", "undecided seats", "level on votes", "same votes",
    "level on", "equal number of votes",
)  # fmt: skip
LAST_SEAT: Final[Cue] = (
    "last seat", "the last seat", "for the last seat", "at the last seat", "seats tied",
    "seat tied", "any of the seats", "undecided", "not decided", "undecided seats",
)  # fmt: skip
"""A tie asked about as the last seat's: only a tie that left a seat undecided counts."""
WHICH_PARTY: Final[Cue] = (
    "party", "which party", "what party", "parties", "for which party", "affiliation",
    "which parties", "what parties", "member of",
)  # fmt: skip
WHERE: Final[Cue] = (
    "ward", "which ward", "what ward", "where", "wards", "which area", "what area",
    "constituency", "which wards", "what wards",
)  # fmt: skip
STAND: Final[Cue] = (
    "stand", "stood", "standing", "ran", "run", "running", "candidates", "candidate",
    "contested", "contest", "contesting", "who stood", "who ran", "on the ballot",
    "put up", "field", "fielded", "who was standing", "put forward", "put themselves forward",
    "stood for election", "in the running", "went forward", "nominated", "nominations",
)  # fmt: skip
POSITION: Final[Cue] = (
    "position", "place", "finish", "finished", "come", "came", "rank", "ranked", "placed",
    "what position", "what place",
)  # fmt: skip
REPRESENT: Final[Cue] = (
    "represents", "represent", "representing", "representatives", "councillors",
    "councillor", "members", "member", "mp", "who are the councillors", "sits", "sit for",
    "sits for",
)  # fmt: skip
TOPPED: Final[Cue] = (
    "top the poll", "topped the poll", "top of the poll", "come first", "came first", "topped",
    "top", "head the poll", "headed the poll",
)  # fmt: skip
WHO: Final[Cue] = (
    "who", "which candidate", "whom", "person", "candidate", "anyone", "anybody", "candidates",
    "which candidates", "people",
)  # fmt: skip
PERSON: Final[Cue] = (
    "who", "which", "candidate", "candidates", "person", "polling", "councillor", "member",
    "vote getter", "performer", "individual", "performing",
)  # fmt: skip
"""Words that make a superlative about a party's candidates ("which Tory got most votes")."""
CAST: Final[Cue] = (
    "votes cast", "total votes", "how many votes", "how many people voted", "ballots cast",
    "ballots", "total", "votes were cast", "vote total", "voters", "total vote",
)  # fmt: skip
WARD_NOUN: Final[Cue] = ("ward", "which ward", "what ward", "wards", "which wards", "what wards")
WARD_SIZE: Final[Cue] = (
    "seats", "seat", "councillors", "members", "elected the most", "elected the fewest",
    "most councillors", "fewest councillors", "most seats", "fewest seats", "biggest ward",
    "largest ward", "smallest ward",
)  # fmt: skip
"""A ward's size in seats ("which ward elected the most councillors")."""
N: Final = "num"
"""A figure in the question, as the trigger phrases see it (`spotting.NUMBER`)."""
ABOVE: Final[Cue] = (
    f"more than {N}", f"over {N}", f"above {N}", f"at least {N}", f"greater than {N}",
    f"{N} or more", f"in excess of {N}", f"beyond {N}", f"exceeding {N}", f"exceeded {N}",
)  # fmt: skip
BELOW: Final[Cue] = (
    f"fewer than {N}", f"less than {N}", f"under {N}", f"below {N}", f"at most {N}",
    f"{N} or fewer", f"{N} or less",
)  # fmt: skip
CANDIDATES_NOUN: Final[Cue] = (
    "candidates", "candidate", "candidates stood", "candidates standing", "people stood",
    "people standing", "names on the ballot", "stood", "standing",
)  # fmt: skip
"""How many stood, as a ward's measure ("which ward had the most *candidates*")."""
WINNERS: Final[Cue] = (
    "winner", "winners", "the winner", "the winners", "winning candidate", "winning candidates",
    "successful candidate", "successful candidates", "elected candidates", "new councillors",
)  # fmt: skip
"""Those elected, named as a noun ("how many votes did *the winner* get")."""
WON_BY: Final[Cue] = (
    "majority", "majorities", "margin", "margins", "winning margin", "win by", "won by",
    "wins by", "winning by", f"by less than {N}", f"by fewer than {N}", f"by under {N}",
    f"by more than {N}", f"by over {N}", f"by at least {N}", f"majority of less than {N}",
    f"majority of more than {N}", f"majority under {N}", f"majority over {N}",
    f"majority of under {N}", f"majority of over {N}",
)  # fmt: skip
"""A margin set against a figure ("won by fewer than 20 votes", "a majority under 100"): about
majorities, not the votes a candidate got or a ward cast."""
INCLUSIVE: Final[Cue] = (
    f"at least {N}",
    f"{N} or more",
    f"at most {N}",
    f"{N} or fewer",
    f"{N} or less",
)
"""Thresholds that count the figure itself ("at least 2,000")."""
PLACES: Final[dict[str, int]] = {
    "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
    "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
}  # fmt: skip
"""Places in a poll, as people write them; replies read the number back from the question."""
ORDINAL: Final[Cue] = (*PLACES, "runner up", "runners up")
WARD_SEATS: Final[Cue] = (
    "how many seats", "how many councillors", "number of seats", "how many members",
    "seats available", "seats up", "how many people were elected",
)  # fmt: skip
COMPOSITION: Final[Cue] = (
    "composition", "make up", "makeup", "made up", "breakdown", "seats per party",
    "each party", "every party", "all parties", "state of the parties", "balance",
    "party totals", "standings", "all the parties", "overall result", "full result",
    "summary", "overview", "results", "each party win", "did each party", "by party",
    "look like", "looks like", "council look", "totals", "seat totals", "final seats",
    "seats after", "seats after the election", "result", "the result", "outcome",
    "what happened", "about the election", "summarise", "summarize", "sum up", "recap",
    "rundown", "run down", "how did it go",
)  # fmt: skip
COUNCIL_WIN: Final[Cue] = (
    *CONTROL, "who won", "which party won", "largest party", "biggest party",
    "who won the election", "who won overall", "winning party", "winner", "won", "win",
    "who is winning", "whos winning", "which party is winning", "who is ahead", "whos ahead",
    "who is leading", "whos leading", "in the lead", "winning", "who ahead", "who leading",
    "which party is leading",
    "which party is ahead", "the score", "whats the score",
    "state of play", "the state of play",
)  # fmt: skip
THRESHOLD_WHAT: Final[Cue] = (
    "majority", "overall majority", "control", "majority threshold", "need to win",
    "needed to win", "to win the council", "take control", "win control",
)  # fmt: skip
MAJORITY_WON: Final[Cue] = (
    "win a majority", "won a majority", "get a majority", "got a majority", "have a majority",
    "has a majority", "there a majority", "with a majority", "gain a majority",
    "gained a majority", "an overall majority", "win overall control", "won overall control",
)  # fmt: skip
"""Whether anyone has a majority ("did anyone win a majority?"): control, not the threshold."""
SWEEP: Final[Cue] = (
    "every seat", "all the seats", "all seats", "all of the seats", "every single seat",
    "clean sweep", "sweep", "swept", "sweep the board", "swept the board", "whitewash",
    "won everything", "win everything", "every seat contested", "all the seats contested",
)  # fmt: skip
"""Whether one party won every seat contested ("did anyone win every seat?")."""
HOW_MANY: Final[Cue] = (
    "how many", "how many seats", "what", "whats", "number", "magic number", "how big",
)  # fmt: skip
THRESHOLD_NEED: Final[Cue] = (
    "need", "needed", "needs", "required", "require", "for a majority", "to control",
    "threshold", "to win", "for control", "how many seats", "to have", "majority on",
    "is a majority", "a majority",
)  # fmt: skip
COUNCIL_SEATS: Final[Cue] = (
    "how many seats", "seats contested", "seats up", "seats were", "number of seats",
    "how many councillors", "size of the council", "how big", "how many members", "seats",
    "councillors", "up for election", "how many people were elected", "up for grabs", "grabs",
)  # fmt: skip
COUNCIL_WARDS: Final[Cue] = (
    "how many wards", "number of wards", "which wards", "list of wards", "wards",
    "what wards", "list the wards",
)  # fmt: skip
COUNCIL_CANDIDATES: Final[Cue] = (
    "how many candidates", "number of candidates", "candidates", "how many people stood",
    "how many stood",
)  # fmt: skip
HOW: Final[Cue] = (
    "how did", "how does", "how well", "how badly", "fare", "fared", "perform", "performed",
    "get on", "got on",
)  # fmt: skip
"""How someone did: with a capitalised unknown name ("how did Tony Blair do") it is a
candidate not found, not a question out of scope."""
HUNG: Final[Cue] = ("hung", "no overall control", "noc", "hung council")
"""A yes/no question about control asked the other way round ("is the council hung?")."""
MINE: Final[Cue] = (
    "my", "our", "my ward", "our ward", "my area", "i live", "where i live", "near me",
    "represents me", "represent me", "am i in", "my councillor", "my councillors",
)  # fmt: skip
"""The asker's own ward ("who's my councillor?"): the bot can't know it, so it asks."""
LIST: Final[Cue] = ("who", "list", "names", "name", "show me", "all the candidates")
"""A question that wants the names, not just how many ("who stood in Abbey?")."""
VOTE_COUNT: Final[Cue] = (
    "votes", "number of votes", "how many votes", "vote count", "tally", "most votes",
    "fewest votes", "more votes", "highest vote", "biggest vote", "largest vote", "lowest vote",
)  # fmt: skip
"""A ranking by the number of votes, not the share ("where did Labour get the most votes")."""
HELP: Final[Cue] = (
    "help", "what can you do", "what can i ask", "what do you know", "how do i use",
    "commands", "what can you tell me", "what questions", "how does this work", "can you do",
)  # fmt: skip
COUNCILS: Final[Cue] = (
    "councils", "which councils", "what councils", "how many councils", "list the councils",
    "councils loaded",
)  # fmt: skip
"""The loaded councils, rather than their elections ("which councils do you have")."""
ELECTIONS: Final[Cue] = (
    "which elections", "what elections", "elections", "list elections", "elections loaded",
    "what data", "which data", *COUNCILS,
)  # fmt: skip
COMPARE: Final[Cue] = (
    "compare", "comparison", "versus", "vs", "against", "more than", "fewer than",
    "less than", "better than", "worse than", "or", "beat", "beaten", "outpoll", "outpolled",
    "difference", "than", "head to head",
)  # fmt: skip

ANY_OF: Final[Cue] = ("any", "either", "or", "any of")
"""An existential claim ("did they win *any* seats in Abbey *or* Darley")."""
ALL_OF: Final[Cue] = ("all", "every", "both", "each", "all of", "all the", "every one")
"""A universal claim ("did Labour win *all* the seats"): yes only if the whole claim holds."""
OUTRIGHT: Final[Cue] = (
    "outright", "every seat", "all the seats", "all seats", f"all {N} seats", "all three seats",
    "clean sweep", "swept", "a clean sweep", "every one of the seats",
)  # fmt: skip
"""A ward won whole, every seat ("which wards did Labour win *outright*")."""
CANDIDATE_WORDS: Final[Cue] = ("candidate", "candidates", "of them", "their candidates")
"""What a universal claim is about when not the seats ("did *every* Labour candidate win")."""


WIN_BY: Final[Cue] = ("win by", "won by", "wins by", "elected by", "majority of", "margin of")
"""A threshold on the winning margin, not on the votes ("did X win by more than 1,000")."""
COMBINED: Final[Cue] = (
    "combined", "together", "between them", "altogether", "put together", "added together",
    "add up", "added up", "in total", "sum", "total of", "combined total", "joint", "plus",
    "total vote for", "total votes for", "total seats for", "the total for",
)  # fmt: skip
"""Adding two or more parties' figures ("Tories and Lib Dems combined")."""
DIFFERENCE: Final[Cue] = (
    "how many more", "how many fewer", "how much more", "how much bigger", "difference",
    "how many extra", "how many less", "gap between",
)  # fmt: skip
"""Subtracting one party's figure from another's ("how many more seats did Labour win")."""
DOUBLE: Final[Cue] = (
    "double", "doubled", "doubling", "twice as many", "twice", "triple", "tripled",
)  # fmt: skip
MORE_THAN_DOUBLE: Final[Cue] = ("more than double", "more than doubled", "more than twice")
"""Strictly more than twice as many: exactly double is not."""
"""A party's seats against its seats before ("did the Lib Dems double their seats")."""
OF_SEATS: Final[Cue] = (
    "seats", "of the seats", "the seats", "of seats", "seat share", "share of seats",
    "share of the seats", "percentage of seats", "percentage of the seats",
)  # fmt: skip
"""A share of the seats rather than of the vote."""

COUNCILLORS_NOW: Final[Cue] = (
    "my councillors", "my councillor", "represents", "represent", "representing",
    "who are the councillors", "councillors", "councillor", "sits for", "sit for",
    "councillors now", "current councillors",
)  # fmt: skip
"""Who holds a ward's seats now, across elections (history intents)."""
LAST_TIME: Final[Cue] = (
    "last time", "the time before", "previous election", "last election", "previously",
    "the election before",
)  # fmt: skip
GAIN_OR_HOLD: Final[Cue] = (
    "a gain", "a hold", "gain or hold", "hold or gain", "gain or a hold", "a gain or a hold",
)  # fmt: skip
GAINED_SEAT: Final[Cue] = ("gain", "gained", "a gain", "gains", "take", "took", "taken")
"""A gain asked about, not a hold."""
TAKEN_FROM: Final[Cue] = (
    "take", "took", "taken", "gain", "gained", "gains", "capture", "captured", "snatch",
    "snatched", "win", "won", "pinch", "pinched", "grab", "grabbed",
)  # fmt: skip
"""With "from" and two parties: the seats one took from the other."""
SWING: Final[Cue] = ("swing", "the swing", "swung", "swing in")
HELD_SEATS: Final[Cue] = (
    "hold", "held", "holds", "kept", "keep", "retain", "retained", "defend", "defended",
)  # fmt: skip
"""Seats a party held rather than gained ("which wards did Labour *hold*")."""
HELD: Final[Cue] = ("held", "had", "represented", "who held", "who had")
BEFORE: Final[Cue] = ("before", "previously", "last time", "beforehand", "before that")
STOOD_AGAIN: Final[Cue] = (
    "before", "how many times", "times", "previously", "ever", "again", "how often",
    "stood before", "run before",
)  # fmt: skip
PARTY_CHANGE: Final[Cue] = (
    "changed party", "change party", "changed parties", "switched party", "switch party",
    "switched parties", "switched sides", "defected", "defect", "crossed the floor",
    "which parties", "what parties", "different party", "different parties", "same party",
)  # fmt: skip
"""A person's party across elections ("has Afrasiab Anwar changed party")."""
SWITCHERS: Final[Cue] = (
    "switch parties", "switched parties", "switch party", "switched party", "changed party",
    "changed parties", "change party", "change parties", "changed sides", "switched sides",
    "swapped parties", "defected", "defect", "defection", "defections", "defectors",
    "crossed the floor", "turncoat", "turncoats", "for another party", "for a different party",
    "new party",
)  # fmt: skip
"""Councillors who came back for another party ("did any councillor switch parties")."""
STILL: Final[Cue] = (
    "still", "still a councillor", "currently", "now", "still in office", "still on the council",
)  # fmt: skip
FIRST: Final[Cue] = ("first", "first time", "first ever", "for the first time")
LAST_WIN: Final[Cue] = (
    "last win", "last won", "last wins", "last took", "last take", "last held", "last hold",
    "last gained", "last gain", "most recently win", "most recently won", "last get in",
    "last got in",
)  # fmt: skip
"""When a party last won (a ward, or any seat): "when did Labour *last win* Abbey"."""
WHEN_LAST: Final[Cue] = ("when was the last time", "when was the most recent time")
"""With a WIN word: "*when was the last time* the Greens won in Trinity" (while "did Labour win
Abbey last time" asks about the previous election)."""
CHANGED_HANDS: Final[Cue] = (
    "changed hands", "change hands", "changing hands", "switched hands", "swapped hands",
    "seats changed hands", "which seats changed", "how many seats changed hands",
    "how many wards changed hands", "how many changed hands", "how many seats changed",
)  # fmt: skip
SITTING: Final[Cue] = (
    "sitting councillors", "sitting councillor", "incumbents", "incumbent", "sitting members",
    "sitting member", "existing councillors", "current councillors",
)  # fmt: skip
"""Councillors standing again: "which *incumbents* were re-elected", "did any *sitting
councillors* lose"."""
REELECTED: Final[Cue] = (
    "re elected", "reelected", "kept their seat", "kept their seats", "held their seat",
    "held their seats", "hold their seat", "hold their seats", "keep their seat",
    "keep their seats", "held on to their seats", "held onto their seats", "re election",
)  # fmt: skip
"""Sitting councillors elected again ("who was *re-elected*")."""
BEFORE_ELECTION: Final[Cue] = (
    "before", "before the election", "previously", "beforehand", "until", "going in",
    "going into the election", "last time",
)  # fmt: skip
"""The council or a party's seats as they stood before the election ("how many did they have
*before*")."""
AFTER_ELECTION: Final[Cue] = ("after", "after the election", "now", "afterwards")
NATIONAL: Final[Cue] = (
    "across england", "in england", "nationally", "nationwide", "across the country",
    "the whole country", "across the uk", "in the uk", "uk wide", "across britain",
    "in britain", "national picture", "national result", "national results",
    "national share", "projected national share",
)  # fmt: skip
"""A total over the whole country, which no loaded council gives."""
BEST_RESULT: Final[Cue] = (
    "best result", "best results", "strongest result", "best performance", "best showing",
    "strongest showing", "best area", "strongest area", "best seat",
)  # fmt: skip
"""A party's best ward, said as a result ("reform's *best result* in pendle")."""
WORST_RESULT: Final[Cue] = (
    "worst result", "worst results", "weakest result", "worst performance", "worst showing",
    "weakest showing", "worst area", "weakest area", "worst seat",
)  # fmt: skip
EXCEPT: Final[Cue] = (
    "apart from", "except", "except for", "other than", "excluding", "wasnt", "not counting",
    "besides", "aside from", "leaving out", "ignoring",
)  # fmt: skip
"""Leaving something out ("the closest result *that wasn't* the tie")."""
UNCHANGED: Final[Cue] = (
    "not change hands", "didnt change hands", "did not change hands", "not changed hands",
    "not change", "didnt change", "stayed the same", "stay the same", "held on", "unchanged",
    "no change", "did not change",
)  # fmt: skip
"""The seats that did not move: "did any ward *not change hands*"."""
OVER_TIME: Final[Cue] = (
    "over time", "over the years", "through the years", "down the years", "across the years",
    "over the elections", "every election", "each election", "election by election",
    "year by year", "record in", "track record", "history", "trend", "in every election",
)  # fmt: skip
"""A party's record across the council's loaded elections ("how has Labour done over time")."""
WARD_OVER_TIME: Final[Cue] = (
    *OVER_TIME, "always", "every time", "each time", "history of", "all along", "ever",
    "won it each time", "won it every time", "both times", "both elections", "both years",
    "how many times", "how often",
)  # fmt: skip
"""A ward's winners across the council's loaded elections ("who has won Abbey every time")."""
TIMES_COUNT: Final[Cue] = ("how many times", "how often", "how many elections")
"""A count of a ward's contests ("how many times has Labour won Bank Hall")."""
WHICH_SEATS: Final[Cue] = (
    "which seats", "what seats", "which seat", "what seat", "which wards", "what wards",
    "which ward", "what ward", "where",
)  # fmt: skip
"""A question that wants the seats named ("*which seats* did Labour lose")."""
ELECTED_LIST: Final[Cue] = (
    "who was elected", "who were elected", "who got elected", "who got in", "who was voted in",
    "who were voted in", "list the winners", "list of winners", "winners list",
    "all the winners", "every winner", "who won each ward", "who won every ward",
    "who won in each ward", "who won in every ward", "who won where", "ward by ward winners",
    "new councillors", "the new councillors", "who are the new councillors",
    "councillors elected", "elected councillors", "list of councillors", "list the councillors",
)  # fmt: skip
"""Everyone elected, ward by ward ("who got elected?", "list the winners")."""
COMPARED: Final[Cue] = (
    "compared with", "compared to", "compare with", "versus", "vs", "against", "since",
    "than in", "relative to",
)  # fmt: skip


REPLY_CUES: Final[tuple[Cue, ...]] = (
    WIN_BY, MORE_THAN_DOUBLE, ANY_OF, ALL_OF, CANDIDATE_WORDS, LAST_SEAT, MORE, LESS, GAINED,
    DROPPED, LOSE, INCLUSIVE, HUNG, LIST, VOTE_COUNT, OUTRIGHT,
)  # fmt: skip
"""Groups the replies read (which way a comparison or a yes/no question points)."""

_MAX_PHRASE: Final = 6


def phrases(words: tuple[str, ...]) -> frozenset[str]:
    """Every run of up to six consecutive words, for cue phrase look-up."""
    found = set()
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + _MAX_PHRASE) + 1):
            found.add(" ".join(words[start:end]))
    return frozenset(found)


def cue_score(cue: Cue, present: frozenset[str]) -> int:
    """Length in words of the longest phrase of `cue` in the question (0 when none)."""
    return max((len(p.split()) for p in cue if p in present), default=0)
