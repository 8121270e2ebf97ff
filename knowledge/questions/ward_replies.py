"""Replies about one ward (and about one party in a ward): each is the ward's WardAnswer with a
headline that answers the question asked."""

from __future__ import annotations

from collections import Counter

from knowledge.answers import Answer, NotFoundAnswer
from knowledge.facts import ContestResult, Standing
from knowledge.questions.context import Ask, headed
from knowledge.questions.cues import (
    ALL_OF,
    CANDIDATE_WORDS,
    GAINED_SEAT,
    HELD_SEATS,
    LAST_SEAT,
    LIST,
    LOSE,
    SEATS,
    VOTES,
    WHO,
    WIN,
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
from knowledge.questions.ties import describe, drawn, level_elsewhere


def _who(contest: ContestResult, standing: Standing, party: bool = True) -> str:
    """`Ann Able (Labour, 1,234)`: the votes, "unopposed" where there was no poll, nothing
    where the source gives no counts."""
    votes = num(standing.votes) if standing.votes is not None else "unopposed"
    if standing.votes is None and not contest.unopposed:  # the source gives no counts
        return f"{standing.name} ({standing.party.display})" if party else standing.name
    if party:
        return f"{standing.name} ({standing.party.display}, {votes})"
    return f"{standing.name} ({votes})"


def _noun(ask: Ask, standing: Standing) -> str:
    return ask.party_of(standing.party.key, standing.party.display)


def _seat_split(ask: Ask, contest: ContestResult) -> str:
    """`between Labour (2 seats) and Independent (1)`."""
    parts = []
    for number, (key, count) in enumerate(contest.seats_by_party):
        display = next(s.party.display for s in contest.standings if s.party.key == key)
        parts.append(f"{display} ({plural(count, 'seat') if number == 0 else count})")
    return "between " + join(parts)


def _all_seats(seats: int) -> str:
    return {1: "the seat", 2: "both seats"}.get(seats, f"all {seats} seats")


def _tie_clause(contest: ContestResult) -> str:
    tied = contest.tied
    if contest.decided_by_lot:
        won = join([s.name for s in contest.standings if s.by_lot])
        return f"; the tied last seat was decided by lot ({won} won the draw, as the source states)"
    if not tied:
        return ""
    votes = num(tied[0].votes or 0)
    names = join([t.name for t in tied])
    return f"; the last seat is undecided: {names} tied on {votes} votes"


def who_won(ask: Ask, contest: ContestResult) -> str:
    """One sentence on who won a ward, with votes, split seats and ties."""
    ward = contest.ward
    elected = contest.elected
    if contest.unopposed:
        names = join([f"{s.name} ({s.party.display})" for s in elected])
        verb = "was" if len(elected) == 1 else "were"
        return f"{names} {verb} elected unopposed in {ward}."
    if not contest.declared:
        stood = plural(len(contest.standings), "candidate")
        return f"The count in {ward} is not declared yet ({stood} standing)."
    if not elected:
        return sentence(f"no one was elected outright in {ward}{_tie_clause(contest)}.")
    if not contest.counted:
        names = join([_who(contest, s) for s in elected])
        verb = "was" if len(elected) == 1 else "were"
        return f"{names} {verb} elected in {ward}; {NO_COUNTS}."
    if contest.seats == 1:
        winner = elected[0]
        runner = contest.standings[1]
        return (
            f"{winner.name} ({winner.party.display}) won {ward} with {num(winner.votes or 0)} "
            f"votes, a majority of {num(contest.majority or 0)} over {runner.name} "
            f"({runner.party.display})."
        )
    if len(contest.seats_by_party) == 1:
        noun = _noun(ask, elected[0])
        share = (
            _all_seats(contest.seats)
            if len(elected) == contest.seats
            else plural(len(elected), "seat")
        )
        names = join([_who(contest, s, party=False) for s in elected])
        return sentence(f"{noun} won {share} in {ward}: {names}{_tie_clause(contest)}.")
    names = join([_who(contest, s) for s in elected])
    return f"{ward} was split {_seat_split(ask, contest)}: {names}{_tie_clause(contest)}."


@reply("ward.result", "ward.winners")
def _result(ask: Ask) -> Answer:
    contest = ask.wards[0]
    return headed(ask.ward_answer(contest), who_won(ask, contest))


@reply("ward.party")
def _party(ask: Ask) -> Answer:
    contest = ask.wards[0]
    elected = contest.elected
    if contest.split:  # who, too: the parties alone don't say which seats went where
        text = who_won(ask, contest)
    elif elected:
        noun = _noun(ask, elected[0])
        seats = _all_seats(contest.seats)
        if len(elected) < contest.seats:
            seats = plural(len(elected), "seat")
        text = sentence(f"{noun} won {seats} in {contest.ward}{_tie_clause(contest)}.")
    else:
        text = who_won(ask, contest)
    return headed(ask.ward_answer(contest), text)


@reply("ward.majority", "ward_party.majority")
def _majority(ask: Ask) -> Answer:
    contest = ask.wards[0]
    answer = ask.ward_answer(contest)
    if contest.majority is None:
        return headed(answer, f"There was no contest in {contest.ward}: {who_won(ask, contest)}")
    last = contest.standings[contest.seats - 1]
    loser = contest.standings[contest.seats]
    if contest.tie:
        text = (
            f"In {contest.ward} there was no majority: {join([t.name for t in contest.tied])} "
            f"tied on {num(last.votes or 0)} votes for the last seat."
        )
        return headed(answer, text)
    if contest.decided_by_lot:
        text = (
            f"In {contest.ward} there was no majority: the last seat was tied on "
            f"{num(last.votes or 0)} votes and decided by lot; {_who(contest, last)} won the draw."
        )
        return headed(answer, text)
    seat = "the seat" if contest.seats == 1 else "the last seat"
    margin = (
        f"{seat} was won by {plural(contest.majority, 'vote')} "
        f"({pct(contest.majority_percent)} of votes cast): {_who(contest, last)} finished ahead of "
        f"{_who(contest, loser)}"
    )
    text = f"In {contest.ward} {margin}"
    if ask.has(WIN) and ask.has(WHO):  # "who won Mackworth and by how much?"
        text = f"{who_won(ask, contest)[:-1]}; {margin}"
    ranked = ask.facts.by_margin()
    if len(ranked) > 1 and ranked[0].ward == contest.ward:
        text += " — the closest contest of the election"
    elif len(ranked) > 1 and ranked[-1].ward == contest.ward:
        text += " — the biggest majority of the election"
    return headed(answer, text + ".")


@reply("ward.turnout")
def _turnout(ask: Ask) -> Answer:
    contest = ask.wards[0]
    if contest.turnout is not None:
        text = f"Turnout in {contest.ward} was {num(contest.turnout)}"
        if contest.turnout_percent is not None:
            text += f" ({pct(contest.turnout_percent)})"
        if contest.electorate:
            text += f" of {num(contest.electorate)} registered electors"
        text += "."
    elif contest.turnout_percent is not None:
        text = f"Turnout in {contest.ward} was {pct(contest.turnout_percent)}."
    elif contest.unopposed:
        text = f"There was no poll in {contest.ward}, so no turnout: {who_won(ask, contest)}"
    elif not contest.counted:
        text = f"The document gives no turnout for {contest.ward}, and {NO_COUNTS}."
    else:
        earlier = _earlier_turnout(ask, contest)
        document = f"The {ask.election.title} document" if earlier else "The document"
        text = (
            f"{document} gives no turnout for {contest.ward}; "
            f"{num(contest.total_votes)} votes were cast there"
            + (f" (each voter could cast up to {contest.seats})." if contest.seats > 1 else ".")
            + earlier
        )
    return headed(ask.ward_answer(contest), text)


def _earlier_turnout(ask: Ask, contest: ContestResult) -> str:
    """` At the 2022 Worthing Borough Council election it was 2,540 (38.0%).`: the ward's
    latest earlier contest of the same council that gives a turnout, or nothing."""
    info = ask.store.info(ask.election.id)
    if info is None:
        return ""
    earlier = ask.store.council_contests(
        info.id,
        contest.ward,
        lambda e: e.sort_key < info.sort_key,  # the store's order
    )
    for older, found in earlier:
        if found.turnout is None and found.turnout_percent is None:
            continue
        if found.turnout is not None:
            figure = num(found.turnout) + (
                f" ({pct(found.turnout_percent)})" if found.turnout_percent is not None else ""
            )
        else:
            figure = pct(found.turnout_percent)
        return f" At the {older.title} it was {figure}."
    return ""


@reply("ward.total_votes")
def _total_votes(ask: Ask) -> Answer:
    contest = ask.wards[0]
    text = f"{num(contest.total_votes)} votes were cast in {contest.ward}"
    if contest.seats > 1:
        text += f" (each voter could cast up to {contest.seats})"
    return headed(ask.ward_answer(contest), text + ".")


@reply("ward.candidates")
def _candidates(ask: Ask) -> Answer:
    contest = ask.wards[0]
    if contest.unopposed:  # "was Westgate contested?"
        verdict = "No — " if ask.yes_no else ""
        return headed(ask.ward_answer(contest), with_verdict(verdict, who_won(ask, contest)))
    counts = Counter(s.party.display for s in contest.standings)
    by_party = join([f"{display} {count}" for display, count in counts.most_common()])
    if ask.has(LIST):  # "who stood in Abbey?": the names, party by party
        by_party = "; ".join(
            f"{display}: {join([s.name for s in contest.standings if s.party.display == display])}"
            for display in counts
        )
    text = (
        f"{plural(len(contest.standings), 'candidate')} stood in {contest.ward} for "
        f"{plural(contest.seats, 'seat')}: {by_party}."
    )
    return headed(ask.ward_answer(contest), text)


@reply("ward.seats")
def _seats(ask: Ask) -> Answer:
    contest = ask.wards[0]
    text = (
        f"{contest.ward} elected {plural(contest.seats, 'councillor')} in the {ask.election.title}"
    )
    winners = [f"{s.name} ({s.party.display})" for s in contest.elected]
    if winners:  # "how many seats was Seven Stars and who got them"
        text += f": {join(winners)}"
    return headed(ask.ward_answer(contest), text + ".")


@reply("ward.top")
def _top(ask: Ask) -> Answer:
    if len(ask.wards) > 1:
        return _top_of_several(ask)
    contest = ask.wards[0]
    with_votes = [s for s in contest.standings if s.votes is not None]
    if not with_votes:
        return _result(ask)
    top = with_votes[0]
    level = [s for s in with_votes if s.votes == top.votes]
    names = join([f"{s.name} ({s.party.display})" for s in level])
    verb = "got" if len(level) == 1 else "tied with"
    text = f"{names} {verb} the most votes in {contest.ward}: {num(top.votes or 0)}."
    return headed(ask.ward_answer(contest), text)


def _top_of_several(ask: Ask) -> Answer:
    """ "who got the most votes in Abbey and Boulton": the top of them all, then each ward's
    (the first ward's answer carries the headline)."""
    tops = [
        (contest, standing)
        for contest in ask.wards
        for standing in contest.standings[:1]
        if standing.votes is not None
    ]
    if not tops:
        return _result(ask)
    best = max(votes for _, s in tops if (votes := s.votes) is not None)
    leaders = [(c, s) for c, s in tops if s.votes == best]
    lead = join([f"{s.name} ({s.party.display}, {c.ward})" for c, s in leaders])
    verb = "got" if len(leaders) == 1 else "tied with"
    text = f"{lead} {verb} the most votes of {join([c.ward for c in ask.wards])}: {num(best)}"
    others = [
        f"{s.name} topped {c.ward} with {num(s.votes or 0)}" for c, s in tops if s.votes != best
    ]
    text += f"; {join(others)}." if others else "."
    return headed(ask.ward_answer(leaders[0][0]), text)


@reply("ward.bottom")
def _bottom(ask: Ask) -> Answer:
    contest = ask.wards[0]
    with_votes = [s for s in contest.standings if s.votes is not None]
    if not with_votes:
        return _result(ask)
    low = with_votes[-1]
    level = [s for s in with_votes if s.votes == low.votes]
    names = join([f"{s.name} ({s.party.display})" for s in level])
    text = f"{names} got the fewest votes in {contest.ward}: {num(low.votes or 0)}."
    if len(level) > 1:
        text = f"{names} were joint last in {contest.ward}, with {num(low.votes or 0)} each."
    return headed(ask.ward_answer(contest), text)


@reply("ward.top_party")
def _top_party(ask: Ask) -> Answer:
    contest = ask.wards[0]
    if ask.has(SEATS) and not ask.has(VOTES):  # "which party won the most seats in X"
        return _party(ask)
    votes: Counter[str] = Counter()
    names: dict[str, str] = {}
    for s in contest.standings:
        votes[s.party.key] += s.votes or 0
        names[s.party.key] = s.party.display
    key, total = votes.most_common(1)[0]
    share = 100.0 * total / contest.total_votes if contest.total_votes else None
    noun = sentence(ask.party_of(key, names[key]))
    text = f"{noun} got the most votes in {contest.ward}: {num(total)} ({pct(share)})."
    return headed(ask.ward_answer(contest), text)


@reply("ward.place")
def _place(ask: Ask) -> Answer:
    contest = ask.wards[0]
    wanted = ask.place
    if wanted is None:  # "runner-up": the best of those not elected
        wanted = contest.seats + 1
    if wanted > len(contest.standings):
        text = f"Only {plural(len(contest.standings), 'candidate')} stood in {contest.ward}."
        return headed(ask.ward_answer(contest), text)
    standing = contest.standings[wanted - 1]
    level = _level(contest, standing)
    if len(level) > 1:  # "who came second" when two tied: both, joint second
        place = ordinal(contest.standings.index(level[0]) + 1)
        names = join([f"{s.name} ({s.party.display}, {_status(s)})" for s in level])
        text = (
            f"{names} were joint {place} in {contest.ward}, "
            f"with {plural(standing.votes or 0, 'vote')} each."
        )
        return headed(ask.ward_answer(contest), text)
    text = (
        f"{standing.name} ({standing.party.display}) came {ordinal(wanted)} in {contest.ward} "
        f"with {plural(standing.votes or 0, 'vote')} ({_status(standing)})."
    )
    return headed(ask.ward_answer(contest), text)


def _status(standing: Standing) -> str:
    return "elected" if standing.elected else ("tied" if standing.tied else "not elected")


def _level(contest: ContestResult, standing: Standing) -> list[Standing]:
    """Those on the same votes as `standing` (itself alone when it has no figure)."""
    if standing.votes is None:
        return [standing]
    return [s for s in contest.standings if s.votes == standing.votes]


@reply("ward.losers")
def _losers(ask: Ask) -> Answer:
    contest = ask.wards[0]
    losers = contest.losers
    if not losers:
        return headed(
            ask.ward_answer(contest), f"No one lost in {contest.ward}: {who_won(ask, contest)}"
        )
    names = join(at_most([_who(contest, s) for s in losers], 4))  # "A, B, C, D and 2 more"
    text = f"{plural(len(losers), 'candidate')} were not elected in {contest.ward}: {names}."
    if len(losers) == 1:
        text = f"{_who(contest, losers[0])} was not elected in {contest.ward}."
    return headed(ask.ward_answer(contest), text)


@reply("ward.tie")
def _tie(ask: Ask) -> Answer:
    contest = ask.wards[0]
    level = level_elsewhere(contest)
    if level and not contest.tie and not ask.has(LAST_SEAT):
        text = (
            f"Yes — in {contest.ward}, {'; '.join(describe(g, 'were level on') for g in level)}; "
            "no seat was left undecided."
        )
    elif contest.tie and contest.tied:
        tied = contest.tied
        text = (
            f"Yes — in {contest.ward} {join([t.name for t in tied])} tied on "
            f"{num(tied[0].votes or 0)} votes for the last seat, so the result leaves it undecided."
        )
    elif contest.decided_by_lot:
        won = join([s.name for s in contest.standings if s.by_lot])
        text = (
            f"Yes — in {contest.ward} the last seat was {drawn(contest)} and decided by lot: "
            f"{won} won the draw, as the source states."
        )
    elif not contest.declared:
        text = f"Not known yet — the count in {contest.ward} is not declared."
    elif contest.majority is None:
        text = f"No — there was no contest in {contest.ward}: {who_won(ask, contest)}"
    else:
        last = contest.standings[contest.seats - 1]
        text = (
            f"No — there was no tie for the last seat in {contest.ward}: {last.name} was "
            f"{plural(contest.majority, 'vote')} ahead."
        )
    return headed(ask.ward_answer(contest), text)


@reply("ward.split")
def _split(ask: Ask) -> Answer:
    contest = ask.wards[0]
    if contest.split:
        text = f"Yes — {contest.ward} was split {_seat_split(ask, contest)}."
    elif contest.seats == 1:
        text = f"No — {contest.ward} had a single seat: {who_won(ask, contest)}"
    else:
        text = with_verdict("No — ", who_won(ask, contest))
    return headed(ask.ward_answer(contest), text)


@reply("ward.mine")
def _mine(ask: Ask) -> Answer:
    """ "Who's my councillor?": the bot can't know where the asker lives, so it asks."""
    wards = [c.ward for c in ask.facts.contests]
    shown = join(at_most(wards, 20))
    first = wards[0] if wards else "Abbey"
    return NotFoundAnswer(
        headline=f"Which ward are you in? Ask “Who won in {first}?” with your ward's name.",
        what="ward",
        query="",
        message=f"The {ask.election.title} has {plural(len(wards), 'ward')}: {shown}.",
        examples=(f"Who won in {first}?", f"Who represents {first}?"),
    )


# A party in a ward ---------------------------------------------------------------------------


def _party_lines(ask: Ask) -> tuple[ContestResult, list[Standing], str]:
    contest = ask.wards[0]
    party = ask.parties[0]
    mine = [s for s in contest.standings if s.party.key == party.key]
    return contest, mine, ask.party_of(party.key, party.display)


_ALL_NAMED = 3
"""A party's candidates in a ward named one by one when it won no seat (more: its best)."""


@reply("ward_party.won", "ward_party.result")
def _party_won(ask: Ask) -> Answer:
    contest, mine, noun = _party_lines(ask)
    won = [s for s in mine if s.elected]
    if not mine:
        text = f"{noun} had no candidate in {contest.ward}; {uncapitalised(who_won(ask, contest))}"
    elif won:
        names = join([_who(contest, s, party=False) for s in won])
        count = _all_seats(contest.seats) if len(won) == contest.seats else None
        count = count or f"{len(won)} of the {contest.seats} seats"
        text = f"{noun} won {count} in {contest.ward}: {names}."
        others = [s for s in contest.elected if s.party.key != ask.parties[0].key]
        if others and len(won) < contest.seats:  # "were they all Labour?": who else won
            rest = "the other seat" if len(others) == 1 else f"the other {len(others)}"
            text = text[:-1] + f"; {join([_who(contest, s) for s in others])} won {rest}."
        if not contest.counted:
            text = text[:-1] + f"; {NO_COUNTS}."
    elif not contest.counted:  # no places or votes to give: who stood
        text = (
            f"{noun} won no seats in {contest.ward} ({join([s.name for s in mine])}); "
            f"{uncapitalised(who_won(ask, contest))}"
        )
    elif len(mine) <= _ALL_NAMED:  # "what about the Conservatives there": each of them
        stood = join([f"{s.name} ({ordinal(s.position)}, {num(s.votes or 0)})" for s in mine])
        text = (
            f"{noun} won no seats in {contest.ward} ({stood}); "
            f"{uncapitalised(who_won(ask, contest))}"
        )
    else:
        best = mine[0]
        text = (
            f"{noun} won no seats in {contest.ward} (best: {best.name}, "
            f"{ordinal(best.position)} with {num(best.votes or 0)} votes); "
            f"{uncapitalised(who_won(ask, contest))}"
        )
    verdict = ""
    if ask.yes_no:
        claim = bool(won)
        if ask.has(ALL_OF) and mine:  # "did Labour win all the seats", "every Labour candidate"
            everyone = ask.has(CANDIDATE_WORDS)
            claim = len(won) == len(mine) if everyone else len(won) == contest.seats
        held = _held_or_gained(ask, contest)
        if held is not None:  # "was Central a Green hold?": against the previous contest
            claim, text = held
        verdict = "Yes — " if claim != ask.has(LOSE) else "No — "
    return headed(ask.ward_answer(contest), with_verdict(verdict, sentence(text)))


def _held_or_gained(ask: Ask, contest: ContestResult) -> tuple[bool, str] | None:
    """For "did Labour hold Marine?" or "did the Greens gain Central?", when the ward's
    previous contest is loaded: whether the party's seat was a hold (or a gain), and the seats'
    outcomes. None when the question asks neither, or nothing earlier can settle it."""
    hold, gain = ask.has(HELD_SEATS), ask.has(GAINED_SEAT)
    if hold == gain:
        return None
    from knowledge.history.wards import last_time  # the history only for these questions
    from knowledge.questions.seat_moves import holds_and_gains

    found = last_time(ask.store, ask.election.id, contest.ward)
    if found is None or isinstance(found, str) or found.boundary:
        return None
    mine = [s for s in found.seats if s.party_key == ask.parties[0].key]
    if any(s.outcome in ("new", "unknown") for s in mine):
        return None
    claim = any(s.outcome == ("gain" if gain else "hold") for s in mine)
    return claim, f"{holds_and_gains(found)}."


def _party_extreme(ask: Ask, best: bool) -> Answer:
    contest, mine, noun = _party_lines(ask)
    if not mine:
        return headed(
            ask.ward_answer(contest), sentence(f"{noun} had no candidate in {contest.ward}.")
        )
    pick = mine[0] if best else mine[-1]
    word = "top" if best else "lowest-polling"
    status = "elected" if pick.elected else "not elected"
    text = (
        f"{possessive(sentence(noun))} {word} candidate in {contest.ward} was {pick.name}, with "
        f"{plural(pick.votes or 0, 'vote')} ({ordinal(pick.position)}, {status})."
    )
    return headed(ask.ward_answer(contest), text)


@reply("ward_party.votes", "ward_party.share")
def _party_votes(ask: Ask) -> Answer:
    contest, mine, noun = _party_lines(ask)
    answer = ask.ward_answer(contest)
    if not mine:
        return headed(answer, sentence(f"{noun} had no candidate in {contest.ward}."))
    total = sum(s.votes or 0 for s in mine)
    share = 100.0 * total / contest.total_votes if contest.total_votes else None
    if len(mine) == 1:
        who = f"{possessive(sentence(noun))} candidate, {mine[0].name},"
    else:
        who = f"{possessive(sentence(noun))} {len(mine)} candidates"
    text = f"{who} got {plural(total, 'vote')} in {contest.ward}, {pct(share)} of the votes cast"
    if 1 < len(mine) <= _ALL_NAMED:  # "penparcau plaid votes?": each of them
        text += ": " + join([f"{s.name} {num(s.votes or 0)} ({_status(s)})" for s in mine])
    return headed(answer, text + ".")


@reply("ward_party.candidates")
def _party_candidates(ask: Ask) -> Answer:
    contest, mine, noun = _party_lines(ask)
    answer = ask.ward_answer(contest)
    if not mine:
        return headed(answer, sentence(f"{noun} had no candidate in {contest.ward}."))
    names = join([_who(contest, s, party=False) for s in mine])
    won = sum(s.elected for s in mine)
    elected = f"{won} elected" if won else "none elected"
    count = plural(len(mine), "candidate")
    text = f"{sentence(noun)} stood {count} in {contest.ward} ({elected}): {names}."
    if ask.yes_no and ask.has(WIN):  # "did any Labour candidate win in Littleover"
        claim = won == len(mine) if ask.has(ALL_OF) else won > 0
        text = with_verdict("Yes — " if claim else "No — ", text)
    return headed(answer, text)


@reply("ward_party.best")
def _best(ask: Ask) -> Answer:
    return _party_extreme(ask, True)


@reply("ward_party.worst")
def _worst(ask: Ask) -> Answer:
    return _party_extreme(ask, False)
