"""Replies about one party: the PartyAnswer with a headline on its seats, gains and losses,
votes, share, wards, best and worst candidates, or control of the council."""

from __future__ import annotations

from typing import Final

from knowledge import compose
from knowledge.answers import Answer, PartyAnswer, RankedLine, RankingAnswer
from knowledge.control import ControlBefore, control_before, stated_control
from knowledge.facts import ContestResult, Standing
from knowledge.last_election import since_last_election, since_last_phrase
from knowledge.outcomes import parse_outcome
from knowledge.questions.context import Ask, headed
from knowledge.questions.cues import (
    AFTER_ELECTION,
    ALL_OF,
    BEFORE_ELECTION,
    DROPPED,
    FEWEST,
    GAINED,
    HELD_SEATS,
    HOLDINGS,
    KEPT_CONTROL,
    LIST,
    LOST_CONTROL,
    OUTRIGHT,
    SEATS,
    SHARE,
    STAND,
    TOOK_CONTROL,
    UNOPPOSED,
    VOTE_COUNT,
    VOTES,
    WHICH_SEATS,
    WIN,
    Cue,
)
from knowledge.questions.phrasing import (
    NO_COUNTS,
    at_most,
    join,
    num,
    ordinal,
    pct,
    plural,
    possessive,
    sentence,
    uncapitalised,
    with_verdict,
)
from knowledge.questions.registry import reply
from knowledge.questions.seat_moves import (
    MAX_WARDS,
    compared,
    every_move,
    moves_of,
    party_moves,
)
from knowledge.questions.spotting import PLACEHOLDER

MAX_LISTED = 12
MAX_NAMED = 30
"""Names in a list answer's lines (a party stands at most one a seat)."""
HOW_MANY_WORDS: Final[Cue] = ("how many", "number of", "count")
NAMES: Final[Cue] = (
    *LIST, f"which {PLACEHOLDER} candidates", f"what {PLACEHOLDER} candidates",
    f"which {PLACEHOLDER} councillors",
)  # fmt: skip
"""A question about a party that wants its people named ("which Labour candidates won";
the party's name stands as a placeholder)."""


def _answer(ask: Ask) -> tuple[PartyAnswer, str]:
    party = ask.parties[0]
    return ask.party_answer(party), ask.party_of(party.key, party.display)


def _absent(ask: Ask, answer: PartyAnswer, noun: str) -> str:
    return sentence(f"{noun} did not stand in the {ask.election.title}.")


def _yes(ask: Ask, yes: bool) -> str:
    if not ask.yes_no:
        return ""
    return "Yes — " if yes else "No — "


@reply("party.seats")
def _seats(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    if not answer.stood:
        return headed(answer, with_verdict(_yes(ask, False), _absent(ask, answer, noun)))
    if _wants_names(ask):
        return _names(ask, answer, noun, elected=True)
    if ask.has(UNOPPOSED):  # "did any indies get in unopposed": those seats, by name
        walkovers = [
            f"{s.name} in {c.ward}" for c, s in _candidacies(ask, answer.key) if c.unopposed
        ]
        text = (
            f"{sentence(noun)} won {plural(len(walkovers), 'seat') if walkovers else 'no seat'} "
            f"unopposed in the {ask.election.title}" + (f": {join(walkovers)}" if walkovers else "")
        )
        return headed(answer, with_verdict(_yes(ask, bool(walkovers)), text + "."))
    before = answer.seats_before
    if before is not None and ask.has(BEFORE_ELECTION) and not ask.has(AFTER_ELECTION):
        text = f"{sentence(noun)} had {plural(before, 'seat')} before the {ask.election.title}"
        if answer.seats_after is not None:
            text += f", and {answer.seats_after} after it"
        return headed(answer, text + ".")
    text = (
        f"{sentence(noun)} won {answer.seats_won} of the {answer.seats_contested} seats in the "
        f"{ask.election.title}"
    )
    if 0 < answer.seats_won <= _FEW_NAMED:  # "did the indies win anything": whom, and where
        text += f" ({join(winners(ask, answer.key))})"
    if answer.tied_seats:
        text += f", and tied for {plural(answer.tied_seats, 'more seat')}"
    council = ask.facts
    if council.wards_missing and answer.seats_after is not None:  # "won 7 of 8" would mislead
        text = (
            f"{noun} won {answer.seats_after} of the {council.council_size} seats in the "
            f"{ask.election.title}, as the document's infobox gives them (its ward results "
            f"cover only {answer.seats_contested} seats, {answer.seats_won} of them "
            f"{possessive(noun)})"
        )
        claim = answer.seats_after > 0
        return headed(answer, with_verdict(_yes(ask, claim), sentence(text) + "."))
    if not council.whole_council and answer.seats_after is not None:
        them = "them" if noun.startswith("the ") else "it"  # "the Conservatives", "Labour"
        text += f", giving {them} {plural(answer.seats_after, 'seat')} on the council"
    elif not council.whole_council and ask.has(HOLDINGS):  # "how many does it *have*"
        text += (
            f"; the document doesn't give the council after the election, so {possessive(noun)} "
            "seats on the council aren't known"
        )
    claim = answer.seats_won > 0
    if ask.has(ALL_OF):  # "did Labour win every seat": all of them, not some
        claim = answer.seats_won == answer.seats_contested
    return headed(answer, with_verdict(_yes(ask, claim), sentence(text) + "."))


_FEW_NAMED: Final = 3
"""Seats won that the seats answer names (more are a list: "which seats did they win")."""


def winners(ask: Ask, key: str) -> list[str]:
    """`Ronald Allen in Boulton`, for each seat the party won, in the document's ward order."""
    return [f"{s.name} in {contest.ward}" for contest, s in _candidacies(ask, key) if s.elected]


def _candidacies(ask: Ask, key: str) -> list[tuple[ContestResult, Standing]]:
    """The party's candidates with their contests, in the document's ward order."""
    return [(c, s) for c in ask.facts.contests for s in c.standings if s.party.key == key]


def change_phrase(answer: PartyAnswer, noun: str) -> str:
    """`Labour lost 2 seats: 29 before the election, 27 after`."""
    before, after, change = answer.seats_before, answer.seats_after, answer.change
    if change is None or before is None or after is None:
        return (
            f"the document doesn't give {possessive(noun)} seats before and after the election, "
            f"so gains and losses can't be worked out; it won {plural(answer.seats_won, 'seat')}"
        )
    if change > 0:
        return (
            f"{noun} gained {plural(change, 'seat')}: {before} before the election, {after} after"
        )
    if change < 0:
        return f"{noun} lost {plural(-change, 'seat')}: {before} before the election, {after} after"
    return f"{noun} neither gained nor lost seats: {before} before the election and {after} after"


@reply("party.change")
def _change(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    key = ask.parties[0].key
    stated = (
        since_last_election(ask.election, ask.store.book).get(key)
        if answer.change is None
        else None
    )
    moves = moves_of(ask) if answer.change is None and stated is None else None
    lines = _stated_moves(ask, key) if answer.change is None and stated is None else None
    if stated is not None:  # no seats before: the infobox's change since the last election
        text = since_last_phrase(stated, noun) + "."
        up, down = stated.change > 0, stated.change < 0
    elif moves is None and lines is not None:  # the wards' own hold and gain lines
        wins, losses = lines
        won = f"gained {plural(len(wins), 'seat')} ({join(wins)})" if wins else ""
        gone = f"lost {plural(len(losses), 'seat')} ({join(losses)})" if losses else ""
        said = " and ".join(part for part in (won, gone) if part) or "neither gained nor lost"
        if won and not gone:
            said += " and lost none"
        elif gone and not won:
            said = f"{gone} and gained none"
        text = f"By the wards' hold and gain lines, {noun} {said}."
        up, down = bool(wins), bool(losses)
    elif moves is not None:  # no council after the election: count seat by seat instead
        gained, lost, said = party_moves(moves, key, noun)
        text = (
            f"{compared(moves)}, {said} (the document doesn't give {possessive(noun)} seats "
            "after the election)."
        )
        up, down = gained > 0, lost > 0
    else:
        text = change_phrase(answer, noun) + "."
        which = ask.has(WHICH_SEATS) and answer.change is not None  # (else moves_of was None)
        if which and (moves := moves_of(ask)) is not None:  # "which seats"
            text = f"{text[:-1]}; {every_move(moves, key, noun)}."
        up = answer.change is not None and answer.change > 0
        down = answer.change is not None and answer.change < 0
    known = (
        stated is not None or moves is not None or lines is not None or answer.change is not None
    )
    asked_gain, asked_loss = ask.has(GAINED), ask.has(DROPPED)
    if ask.yes_no and known and (asked_gain or asked_loss):
        yes = (asked_gain and up) or (asked_loss and down)
        if asked_loss and ask.has(ALL_OF) and answer.seats_after is not None:
            yes = answer.seats_after == 0  # "did the Tories lose every seat": all, not some
        return headed(answer, with_verdict("Yes — " if yes else "No — ", text))
    return headed(answer, sentence(text))


def _stated_moves(ask: Ask, key: str) -> tuple[list[str], list[str]] | None:
    """The seats the party gained and lost as each ward's hold/gain line states them (`Amington
    from Labour`), or None when the document gives no such lines."""
    book = ask.store.book
    gained: list[str] = []
    lost: list[str] = []
    stated = False
    for contest in ask.facts.contests:
        for line in contest.outcomes:
            outcome = parse_outcome(line)
            if outcome is None:
                continue
            stated = True
            if outcome.kind.lower() != "gain":
                continue
            winner = book.lookup(outcome.party)
            loser = book.lookup(outcome.loser) if outcome.loser else None
            if winner.key == key:
                gained.append(f"{contest.ward} from {loser.display}" if loser else contest.ward)
            elif loser is not None and loser.key == key:
                lost.append(f"{contest.ward} to {winner.display}")
    return (gained, lost) if stated else None


@reply("party.votes")
def _votes(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    if not answer.stood:
        return headed(answer, _absent(ask, answer, noun))
    text = (
        f"{sentence(noun)} got {plural(answer.votes, 'vote')} in the {ask.election.title}, "
        f"{pct(answer.vote_share)} of all votes cast."
    )
    return headed(answer, text)


@reply("party.share")
def _share(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    if not answer.stood:
        return headed(answer, _absent(ask, answer, noun))
    text = (
        f"{sentence(noun)} got {pct(answer.vote_share)} of the votes cast in the "
        f"{ask.election.title} ({num(answer.votes)} of {num(ask.facts.total_votes)})."
    )
    return headed(answer, text)


def _extreme(ask: Ask, *, best: bool) -> Answer:
    """The party's best or lowest-polling candidate, with their ward and votes."""
    answer, noun = _answer(ask)
    line = answer.best if best else answer.worst
    if line is None:
        return headed(answer, _absent(ask, answer, noun))
    status = "elected" if line.elected else "not elected"
    role = "best candidate" if best else "lowest-polling candidate"
    text = (
        f"{possessive(sentence(noun))} {role} was {line.name} in {line.ward}, with "
        f"{plural(line.votes or 0, 'vote')} ({status})."
    )
    return headed(answer, text)


@reply("party.best")
def _best(ask: Ask) -> Answer:
    return _extreme(ask, best=True)


@reply("party.worst")
def _worst(ask: Ask) -> Answer:
    return _extreme(ask, best=False)


@reply("party.wards")
def _wards(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    if ask.has(STAND) and not ask.has(WIN):  # "did Labour stand in every ward": contested
        return headed(answer, _wards_contested(ask, answer, noun))
    kind = "gain" if ask.has(GAINED) else ("hold" if ask.has(HELD_SEATS) else None)
    if kind is not None and answer.wards_won:  # "which wards did the Greens gain"
        return headed(answer, _gains_or_holds(ask, answer, noun, kind))
    if not answer.wards_won:
        text = f"{sentence(noun)} won no wards in the {ask.election.title}."
        if not answer.stood:
            text = _absent(ask, answer, noun)
        return headed(answer, text)
    wards = sorted(answer.wards_won)
    if ask.has(OUTRIGHT) and not ask.yes_no:
        return headed(answer, _won_outright(ask, noun, wards))
    names = at_most([f"{w} ({n})" if n > 1 else w for w, n in wards], MAX_LISTED)
    text = f"{sentence(noun)} won seats in {plural(len(wards), 'ward')}: {join(names)}."
    if ask.yes_no and ask.has(ALL_OF):  # "did the Tories win every ward"
        every = len(wards) == len(ask.facts.contests)
        text = with_verdict("Yes — " if every else "No — ", text)
    return headed(answer, text)


def _gains_or_holds(ask: Ask, answer: PartyAnswer, noun: str, kind: str) -> str:
    """The wards where the party's seats were gains (or holds): the document's hold/gain lines
    first, else each ward against its previous loaded contest; wards neither can tell are
    named as such."""
    key, book = answer.key, ask.store.book
    moves = moves_of(ask)
    found: list[str] = []
    untold: list[str] = []
    by_history = False
    for contest in ask.facts.contests:
        won = sum(1 for s in contest.elected if s.party.key == key)
        if not won:
            continue
        stated = [
            o for line in contest.outcomes
            if (o := parse_outcome(line)) is not None and book.lookup(o.party).key == key
        ]  # fmt: skip
        if stated:
            hits = [o for o in stated if o.kind.lower() == kind]
            seats = len(hits)
            losers = [book.lookup(o.loser).display for o in hits if o.loser]
        elif moves is not None and contest.ward in moves.compared_wards:
            by_history = True
            gains = [m for m in moves.moves if m.ward == contest.ward and m.to_party.key == key]
            seats = len(gains) if kind == "gain" else won - len(gains)
            losers = [m.from_party.display for m in gains if m.from_party]
        else:
            untold.append(contest.ward)
            continue
        if seats:
            count = f"{seats} seats, " if seats > 1 else ""
            since = (
                f" ({count}from {join(sorted(set(losers)))})" if kind == "gain" and losers else ""
            )
            found.append(f"{contest.ward}{since}")
    verb = "gained" if kind == "gain" else "held"
    if not found and untold and len(untold) == len(answer.wards_won):
        return sentence(
            f"the document doesn't say which of {possessive(noun)} seats were gains or holds, "
            f"and no earlier contest of those wards is loaded; {noun} won seats in "
            f"{plural(len(untold), 'ward')}: {join(at_most(untold, MAX_LISTED))}."
        )
    text = (
        f"{noun} {verb} seats in {plural(len(found), 'ward')}: {join(at_most(found, MAX_LISTED))}"
        if found
        else f"{noun} {verb} no seats"
    )
    if by_history:
        text += (
            " (against each ward's previous loaded contest where the document has no hold or "
            "gain line)"
        )
    if untold:
        text += f"; {join(at_most(untold, MAX_LISTED))} can't be told"
    return sentence(text) + "."


def _wards_contested(ask: Ask, answer: PartyAnswer, noun: str) -> str:
    """The wards the party stood in, against every ward of the election."""
    if not answer.stood:
        return with_verdict(_yes(ask, False), _absent(ask, answer, noun))
    wards = [c.ward for c in ask.facts.contests]
    tally = ask.facts.tally(answer.key)
    stood = set(tally.wards_contested) if tally else set()
    missing = [w for w in wards if w not in stood]
    people = plural(answer.candidates, "candidate")
    if not missing:
        text = f"{noun} stood in all {len(wards)} wards ({people})"
    else:
        shown = at_most(sorted(stood), MAX_LISTED) if len(stood) <= len(missing) else []
        where = f": {join(shown)}" if shown else f"; not in {join(at_most(missing, MAX_LISTED))}"
        text = f"{noun} stood in {len(stood)} of the {len(wards)} wards ({people}){where}"
    claim = not missing if ask.has(ALL_OF) else bool(stood)
    return with_verdict(_yes(ask, claim), sentence(text) + ".")


def _won_outright(ask: Ask, noun: str, wards: list[tuple[str, int]]) -> str:
    """ "which wards did Labour win outright": those where it won every seat, then the wards
    where it won only some."""
    seats = {c.ward: c.seats for c in ask.facts.contests}
    whole = [w for w, n in wards if n >= seats.get(w, n)]
    part = [f"{w} ({n} of {seats[w]})" for w, n in wards if n < seats.get(w, n)]
    if whole:
        shown = join(at_most(whole, MAX_LISTED))
        text = f"{sentence(noun)} won every seat in {plural(len(whole), 'ward')}: {shown}"
    else:
        text = f"{sentence(noun)} won no ward outright"
    if part:
        text += f"; some of the seats in {join(part[:MAX_LISTED])}"
    return text + "."


@reply("party.wards_lost")
def _wards_lost(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    if not answer.stood:
        return headed(answer, _absent(ask, answer, noun))
    tally = ask.facts.tally(answer.key)
    won = {w for w, _ in answer.wards_won}
    lost = [w for w in (tally.wards_contested if tally else ()) if w not in won]
    if not lost:
        text = f"{sentence(noun)} won seats in every ward it contested."
    else:
        names = at_most(lost, MAX_LISTED)
        count = plural(len(lost), "ward")
        text = f"{sentence(noun)} won no seats in {count} it contested: {join(names)}."
    if (moves := moves_of(ask)) is not None:  # and the seats it held and lost, by name
        text += f" {sentence(every_move(moves, answer.key, noun))}."
    return headed(answer, text)


def _margin_extreme(ask: Ask, safest: bool) -> Answer:
    answer, noun = _answer(ask)
    won = {w for w, _ in answer.wards_won}
    contests = [c for c in ask.facts.by_margin() if c.ward in won]
    if not contests:
        return headed(
            answer, f"{sentence(noun)} won no contested ward in the {ask.election.title}."
        )
    ordered = contests[::-1] if safest else contests
    place = ask.place or 1  # "Labour's second safest ward"
    if place > len(ordered):
        text = (
            f"{sentence(noun)} won only {plural(len(ordered), 'contested ward')}, so there is no "
            f"{ordinal(place)} {'safest' if safest else 'closest'}."
        )
        return headed(answer, text)
    pick = ordered[place - 1]
    word = "safest" if safest else "most marginal"
    if place > 1:
        word = f"{ordinal(place)} {'safest' if safest else 'closest'}"
    text = (
        f"{possessive(sentence(noun))} {word} ward was {pick.ward}, where the last seat was won by "
        f"{plural(pick.majority or 0, 'vote')}."
    )
    return headed(answer, text)


@reply("party.threshold")
def _threshold(ask: Ask) -> Answer:
    """ "Did Labour get more than 50,000 votes?" / "... win more than 20 seats?"."""
    answer, noun = _answer(ask)
    bar = ask.bar()
    if bar is None:
        return _result(ask)
    seats = ask.has(SEATS) and not ask.has(VOTES)
    value = answer.seats_won if seats else answer.votes
    what = plural(value, "seat") if seats else plural(value, "vote")
    verb = "won" if seats else "got"
    passes = bar.passes(value)
    text = f"{sentence(noun)} {verb} {what}, {'' if passes else 'not '}{bar.words}."
    return headed(answer, with_verdict(_yes(ask, passes), text))


@reply("party.rank")
def _rank(ask: Ask) -> Answer:
    """ "Were Labour the largest party?": where the party stands among those that stood."""
    answer, noun = _answer(ask)
    summary = ask.summary()
    rows = [r for r in summary.rows if r.candidates]
    by_votes = ask.has(VOTES) and not ask.has(SEATS)
    most = not ask.has(FEWEST)
    facts = ask.facts
    if not by_votes and not ask.has(WIN) and not facts.whole_council and facts.council_size:
        # "is Labour the largest party" with the council after known (thirds): its seats
        return _rank_on_council(ask, answer, noun, most)

    def value(key: str) -> int:
        row = next(r for r in rows if r.key == key)
        return row.votes if by_votes else row.seats_won

    ranked = sorted(rows, key=lambda r: (-value(r.key) if most else value(r.key), r.name))
    if not answer.stood or not ranked:
        return headed(answer, with_verdict(_yes(ask, False), _absent(ask, answer, noun)))
    top = ranked[0]
    is_top = value(top.key) == value(answer.key)
    what = "votes" if by_votes else "seats"
    word = "most" if most else "fewest"
    mine = num(value(answer.key))
    verb = "got" if by_votes else "won"
    level = [r for r in ranked if value(r.key) == value(top.key)]
    if is_top and len(level) > 1:  # 3-3: the party shares first place, it is not *the* largest
        others = [ask.party_of(r.key, r.name) for r in level if r.key != answer.key]
        text = f"{sentence(noun)} {verb} the {word} {what} jointly with {join(others)}: {mine} each"
        verdict = "Jointly — " if ask.yes_no else ""
        return headed(answer, with_verdict(verdict, sentence(text) + "."))
    if is_top:
        text = f"{sentence(noun)} {verb} the {word} {what}: {mine}"
    else:
        leader = join([ask.party_of(r.key, r.name) for r in level])
        each = " each" if len(level) > 1 else ""
        text = (
            f"{leader} {verb} the {word} {what} ({num(value(top.key))}{each}); {noun} {verb} {mine}"
        )
    return headed(answer, with_verdict(_yes(ask, is_top), sentence(text) + "."))


def _rank_on_council(ask: Ask, answer: PartyAnswer, noun: str, most: bool) -> Answer:
    """Where the party stands on the whole council after the election (an election by thirds
    whose document gives it), with the seats won at this election beside it."""
    facts = ask.facts
    held = {t.party.key: (t.party, t.seats_after or 0) for t in facts.parties}
    mine = held.get(answer.key, (None, 0))[1]
    seats = [s for _, s in held.values() if s or most]
    best = max(seats) if most else min(seats)
    level = [party for party, count in held.values() if count == best]
    of = f"of the {facts.council_size} seats"
    word = "largest" if most else "smallest"
    is_top = any(p.key == answer.key for p in level)
    if is_top and len(level) > 1:
        others = join([ask.party_of(p.key, p.display) for p in level if p.key != answer.key])
        text = f"{noun} {_are(noun)} jointly the {word} party on the council with {others}"
        text += f": {mine} {of} each"
        verdict = "Jointly — " if ask.yes_no else ""
    elif is_top:
        text = f"{noun} {_are(noun)} the {word} party on the council, with {mine} {of}"
        verdict = _yes(ask, True)
    else:
        names = join([ask.party_of(p.key, p.display) for p in level])
        each = " each" if len(level) > 1 else ""
        text = f"{names} {'are' if len(level) > 1 else _are(names)} the {word} party"
        text += f" on the council ({best} {of}{each}); {noun} hold {mine}"
        verdict = _yes(ask, False)
    text = sentence(text) + "."
    if most:
        won = max(facts.parties, key=lambda t: t.seats_won)
        level_won = [t for t in facts.parties if t.seats_won == won.seats_won]
        winners = join([ask.party_of(t.party.key, t.party.display) for t in level_won])
        text += (
            f" At this election {winners} won the most seats ({won.seats_won} of "
            f"{facts.seats_contested}{' each' if len(level_won) > 1 else ''})."
        )
    return headed(answer, with_verdict(verdict, text))


def _are(noun: str) -> str:
    """ "the Greens are", "Labour is"."""
    return "are" if noun.startswith("the ") and noun.endswith("s") else "is"


def _ward_shares(ask: Ask, key: str) -> list[tuple[float, int, str]]:
    """(share of the ward's votes, votes, ward) for every ward the party contested."""
    found = []
    for contest in ask.facts.contests:
        votes = sum(s.votes or 0 for s in contest.standings if s.party.key == key)
        if any(s.party.key == key for s in contest.standings) and contest.total_votes:
            found.append((100.0 * votes / contest.total_votes, votes, contest.ward))
    return found


def _ward_extreme(ask: Ask, best: bool) -> Answer:
    """The party's best or worst ward: by share of the vote, unless the question counts votes
    ("where did Labour get the most votes" adds up the party's candidates in each ward)."""
    answer, noun = _answer(ask)
    shares = _ward_shares(ask, answer.key)
    if not shares:
        return headed(answer, _absent(ask, answer, noun))
    if ask.has(VOTE_COUNT) and not ask.has(SHARE):
        pick = max if best else min
        share, votes, ward = pick(shares, key=lambda row: (row[1], row[0]))
        stood = sum(1 for contest, _ in _candidacies(ask, answer.key) if contest.ward == ward)
        word = "most" if best else "fewest"
        over = f" over {plural(stood, 'candidate')}" if stood > 1 else ""
        text = (
            f"{sentence(noun)} got the {word} votes in {ward}: {num(votes)}{over} "
            f"({pct(share)} of the votes cast)."
        )
        return headed(answer, text)
    share, votes, ward = max(shares) if best else min(shares)
    word = "best" if best else "worst"
    text = (
        f"{possessive(sentence(noun))} {word} ward was {ward}, with {pct(share)} of the votes "
        f"cast ({plural(votes, 'vote')})."
    )
    return headed(answer, text)


def _wants_names(ask: Ask) -> bool:
    """ "list the Labour candidates", "who are the Labour councillors": names, not a count."""
    return ask.has(NAMES) and not ask.has(HOW_MANY_WORDS) and not ask.yes_no


def _names(ask: Ask, answer: PartyAnswer, noun: str, elected: bool) -> Answer:
    """The party's candidates (or those elected), most votes first, capped for the chat."""
    lines = [
        compose.candidate_line(contest, s)
        for contest, s in _candidacies(ask, answer.key)
        if s.elected or not elected
    ]
    lines.sort(key=lambda c: (-(c.votes or 0), c.name))
    names = at_most([f"{c.name} ({c.ward})" for c in lines], MAX_LISTED)
    if elected:
        title = f"{sentence(noun)} councillors elected"
        text = f"{sentence(noun)} won {plural(len(lines), 'seat')}"
    else:
        title = f"{sentence(noun)} candidates"
        text = (
            f"{sentence(noun)} stood {plural(len(lines), 'candidate')} ({answer.seats_won} elected)"
        )
    text = f"{text}: {join(names)}." if names else f"{text}."
    shown = lines[:MAX_NAMED]
    note = "Most votes first; in multi-seat wards each voter could cast several votes."
    if len(lines) > MAX_NAMED:
        note += f" {len(lines) - MAX_NAMED} more not shown."
    return RankingAnswer(
        headline=text,
        election=compose.election_ref(ask.election),
        title=title,
        lines=tuple(RankedLine(rank=n, candidate=c) for n, c in enumerate(shown, 1)),
        note=note,
    )


@reply("party.candidates")
def _candidates(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    if not answer.stood:
        return headed(answer, with_verdict(_yes(ask, False), _absent(ask, answer, noun)))
    if _wants_names(ask):
        return _names(ask, answer, noun, elected=ask.has(WIN))
    text = (
        f"{sentence(noun)} stood {plural(answer.candidates, 'candidate')} for the "
        f"{answer.seats_contested} seats, and {answer.seats_won} "
        f"{'was' if answer.seats_won == 1 else 'were'} elected"
    )
    if answer.candidates <= _FEW_NAMED:  # "was there a Socialist Labour candidate?": who
        text += f": {join(_stood(ask, answer.key))}"
    return headed(answer, with_verdict(_yes(ask, True), text + "."))


def _stood(ask: Ask, key: str) -> list[str]:
    """`Kevin Marsh in Glascote, 96 votes` for each of the party's candidates."""
    return [
        f"{s.name} in {contest.ward}"
        + (f", {plural(s.votes, 'vote')}" if s.votes is not None else "")
        + (" (elected)" if s.elected else "")
        for contest, s in _candidacies(ask, key)
    ]


def control_phrase(ask: Ask, answer: PartyAnswer, noun: str) -> tuple[bool | None, str]:
    """Whether the party controls the council after this election, and the sentence saying so."""
    facts = ask.facts
    council = ask.election.council
    size, threshold = facts.council_size, facts.majority_threshold
    held = answer.seats_after if answer.seats_after is not None else answer.seats_won
    if size is None or threshold is None:
        stated = ask.election.control_after
        if stated:  # the seats can't settle it, but the document says who controls it
            party = stated_control(stated, ask.store.book)
            if party is None:
                return False, f"the document says {council} is under no overall control"
            holder = ask.party_of(party.key, party.display)
            return party.key == ask.parties[0].key, (
                f"the document says {holder} controls {council} after the election; {noun} "
                f"won {answer.seats_won} of the {answer.seats_contested} seats contested"
            )
        return None, (
            f"the document doesn't give {possessive(council)} full make-up after the election, "
            f"so control can't be worked out; {noun} won {answer.seats_won} of the "
            f"{answer.seats_contested} seats contested"
        )
    need = f"{threshold} needed for a majority"
    if answer.controls:
        overall = 2 * held - size
        return True, (
            f"{noun} controls {council} with {held} of the {size} seats ({need}), an overall "
            f"majority of {overall}"
        )
    if facts.control is None:
        return False, (
            f"no party has a majority on {council} ({need}); {noun} hold {held} of the {size} seats"
        )
    tally = facts.tally(facts.control)
    assert tally is not None
    other = ask.party_of(tally.party.key, tally.party.display)
    other_held = tally.seats_after if tally.seats_after is not None else tally.seats_won
    short = f", {threshold - held} short of a majority" if held < threshold else ""
    return False, (
        f"{other} control {council} with {other_held} of the {size} seats; {noun} hold "
        f"{held}{short}"
    )


@reply("party.control", "party.majority")
def _control(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    controls, text = control_phrase(ask, answer, noun)
    asked = next((c for c in (LOST_CONTROL, KEPT_CONTROL, TOOK_CONTROL) if ask.has(c)), None)
    if asked is not None:
        return headed(answer, _control_change(ask, asked, noun, controls, text))
    prefix = _yes(ask, bool(controls)) if controls is not None else ""
    return headed(answer, with_verdict(prefix, sentence(text) + "."))


def _control_change(ask: Ask, asked: Cue, noun: str, controls: bool | None, after: str) -> str:
    """ "Did Labour lose (keep, take) control?": who controlled the council before the election
    against after it. A verdict only where both sides are known, or where before settles it (a
    party without control had none to lose or keep)."""
    before = control_before(ask.election, ask.facts, ask.store.book)
    council = ask.election.council
    after = uncapitalised(after)
    if before is None:
        text = (
            f"the document doesn't say who controlled {council} before the election; after it, "
            f"{after}."
        )
        if controls and asked is LOST_CONTROL:  # in control after: whatever before, not lost
            return with_verdict(_yes(ask, False), sentence(text))
        return sentence(text)
    key = ask.parties[0].key
    had = before.party == key
    then = _before_text(ask, before, key, noun)
    if controls is None:
        settled = not had and asked in (LOST_CONTROL, KEPT_CONTROL)
        if settled or (had and asked is TOOK_CONTROL):
            lead = f"{noun} already controlled" if had else f"{noun} didn't control"
            return with_verdict(
                _yes(ask, False), sentence(f"{lead} {council}: {then}; after it, {after}.")
            )
        return sentence(f"{then}; after it, {after}.")
    outcome = ("kept" if controls else "lost") if had else ("took" if controls else "")
    yes = {LOST_CONTROL: "lost", KEPT_CONTROL: "kept", TOOK_CONTROL: "took"}[asked] == outcome
    said = (
        f"{noun} {outcome} control of {council}"
        if outcome
        else f"{noun} didn't control {council} before the election or after it"
    )
    return with_verdict(_yes(ask, yes), sentence(f"{said}: {then}; after it, {after}."))


def _before_text(ask: Ask, before: ControlBefore, key: str, noun: str) -> str:
    """Control just before the election, as the document says or its Seats Before show."""
    council = ask.election.council
    other = ask.party_of(before.party, before.name or before.party) if before.party else ""
    if before.stated:
        if before.party is None:
            return f"{council} was under no overall control before the election"
        return f"{other if before.party != key else noun} controlled {council} before the election"
    held = before.seats.get(key, 0)
    seats = f"of the {before.size} seats"
    if before.party == key:
        return f"{noun} held {held} {seats} before the election"
    if before.party is not None:
        most = before.seats[before.party]
        return f"{other} held {most} {seats} before the election, a majority, and {noun} {held}"
    return f"no party had a majority before the election ({noun} held {held} {seats})"


@reply("party.result")
def _result(ask: Ask) -> Answer:
    answer, noun = _answer(ask)
    if not answer.stood:
        return headed(answer, _absent(ask, answer, noun))
    change = ""
    if answer.change is not None:
        change = (
            f" ({answer.change} more than before)"
            if answer.change > 0
            else f" ({-answer.change} fewer than before)"
            if answer.change < 0
            else " (no change)"
        )
    control = ", and controls the council" if answer.controls else ""
    votes = f" with {plural(answer.votes, 'vote')} ({pct(answer.vote_share)})"
    text = (
        f"{sentence(noun)} won {answer.seats_won} of the {answer.seats_contested} seats{change}"
        f"{votes if answer.counted else ''}{control}"
    )
    if answer.candidates <= _FEW_NAMED:  # "how did the greens do": their few candidates
        text += f": {join(_stood(ask, answer.key))}"
    if not answer.counted:
        text += f"; {NO_COUNTS}"
    return headed(answer, with_verdict(_yes(ask, answer.seats_won > 0), text + "."))


@reply("party.best_ward")
def _best_ward(ask: Ask) -> Answer:
    return _ward_extreme(ask, True)


@reply("party.worst_ward")
def _worst_ward(ask: Ask) -> Answer:
    return _ward_extreme(ask, False)


@reply("party.safest")
def _safest(ask: Ask) -> Answer:
    return _margin_extreme(ask, True)


@reply("party.closest")
def _closest(ask: Ask) -> Answer:
    return _margin_extreme(ask, False)


@reply("party.gains_from")
def _gains_from(ask: Ask) -> Answer:
    """The seats one party took from another, against each ward's previous loaded contest."""
    answer, noun = _answer(ask)
    rival = ask.parties[1] if len(ask.parties) > 1 else None  # none: every gain
    changes = moves_of(ask)
    if changes is None:
        text = (
            f"No earlier contest of the {ask.election.title}'s wards is loaded, so the seats "
            "that moved from one party to another can't be worked out"
        )
        if answer.change is not None:
            text += " (the document gives only each party's seats before and after)"
        return headed(answer, text + ".")
    key = ask.parties[0].key
    taken = [
        m
        for m in changes.gained(key)
        if rival is None or (m.from_party is not None and m.from_party.key == rival.key)
    ]
    source = "" if rival is None else f" from {ask.party_of(rival.key, rival.display)}"
    wards = join(at_most([m.ward for m in taken], MAX_WARDS))
    if taken:
        text = (
            f"{noun} took {plural(len(taken), 'seat')}{source} at the {ask.election.title}, "
            f"{compared(changes)}: {wards}."
        )
    else:
        text = f"{noun} took no seat{source} at the {ask.election.title}, {compared(changes)}."
    return headed(answer, with_verdict(_yes(ask, bool(taken)), sentence(text)))
