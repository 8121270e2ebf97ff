"""Superlatives over the whole election: closest and safest contests, most and fewest votes,
the ward with most votes cast or highest turnout, and the parties at the top or bottom."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from knowledge import compose
from knowledge.answers import (
    Answer,
    CandidateLine,
    FactAnswer,
    MarginRow,
    PartyRow,
    RankedLine,
    RankingAnswer,
    SummaryAnswer,
)
from knowledge.facts import ContestResult
from knowledge.history.changes import SeatChanges
from knowledge.last_election import BASIS as LAST_BASIS
from knowledge.last_election import SinceLast, since_last_election, since_last_phrase
from knowledge.parties import NEUTRAL_COLOUR
from knowledge.questions.context import Ask, headed
from knowledge.questions.cues import (
    COUNCIL_CANDIDATES,
    DROPPED,
    EXCEPT,
    SEATS,
    TIE,
    VOTES,
    WIN,
    Cue,
)
from knowledge.questions.phrasing import at_most, join, num, ordinal, pct, plural, sentence
from knowledge.questions.registry import reply
from knowledge.questions.seat_moves import NO_CHANGES, compared, moves_of

RANKED = 10
NOTE = "Votes per candidate; in multi-seat wards each voter could cast several votes."


def _margin_text(row: MarginRow, what: str) -> str:
    seat = "the last seat" if row.last_winner.name != row.first_loser.name else "the seat"
    if row.tie:
        return (
            f"{what} was {row.ward}: a tie for the last seat between {row.last_winner.name} and "
            f"{row.first_loser.name} on {num(row.last_winner.votes or 0)} votes"
        )
    winner, loser = row.last_winner, row.first_loser
    return (
        f"{what} was {row.ward}, where {seat} was won by {plural(row.majority, 'vote')}: "
        f"{winner.name} ({winner.party}, {num(winner.votes or 0)}) over {loser.name} "
        f"({loser.party}, {num(loser.votes or 0)})"
    )


@reply("margins.closest")
def _closest(ask: Ask) -> Answer:
    return _margin_rank(ask, closest=True)


@reply("margins.safest")
def _safest(ask: Ask) -> Answer:
    return _margin_rank(ask, closest=False)


def _margin_rank(ask: Ask, closest: bool) -> Answer:
    """The closest or safest contest, or the one at the place the question names ("the third
    safest ward"); the answer's list always starts at the top."""
    place = ask.place or 1
    without_ties = closest and ask.has(EXCEPT) and ask.has(TIE)  # "apart from the tie"
    ties = len(ask.facts.ties) if without_ties else 0
    answer = compose.closest_answer(ask.store, ask.election.id, count=max(10, place + ties))
    rows = answer.closest if closest else answer.safest
    if without_ties:
        rows = tuple(r for r in rows if r.majority > 0)
    if not rows:
        return headed(answer, "No ward was contested, so there is no margin to compare.")
    if place > len(rows):
        return headed(
            answer,
            f"Only {plural(len(rows), 'ward')} had a contest, so there is no {ordinal(place)} "
            f"{'closest' if closest else 'safest'}.",
        )
    if place == 1:
        what = "The closest contest" if closest else "The safest win"
    else:
        what = f"The {ordinal(place)} {'closest contest' if closest else 'safest win'}"
    return headed(answer, _margin_text(rows[place - 1], what) + ".")


def _lines(ask: Ask, keep: Callable[[CandidateLine], bool]) -> list[CandidateLine]:
    return [
        compose.candidate_line(c, s)
        for c in ask.facts.contests
        for s in c.standings
        if s.votes is not None and keep(compose.candidate_line(c, s))
    ]


def _ranking(ask: Ask, title: str, lines: list[CandidateLine], headline: str) -> RankingAnswer:
    return RankingAnswer(
        headline=headline,
        election=compose.election_ref(ask.election),
        title=title,
        lines=tuple(RankedLine(rank=n, candidate=c) for n, c in enumerate(lines[:RANKED], 1)),
        note=NOTE,
    )


def _candidates_by_votes(
    ask: Ask, most: bool, keep: Callable[[CandidateLine], bool], title: str, what: str
) -> Answer:
    lines = _lines(ask, keep)
    lines.sort(key=lambda c: (-(c.votes or 0) if most else (c.votes or 0), c.name))
    if not lines:
        return _ranking(ask, title, [], f"No candidate {what}.")
    top = lines[0]
    level = [c for c in lines if c.votes == top.votes]
    names = join([f"{c.name} ({c.party}, {c.ward})" for c in level])
    text = f"{names} {what}: {plural(top.votes or 0, 'vote')}."
    if len(level) == 1:
        text = f"{top.name} ({top.party}) {what}: {num(top.votes or 0)} in {top.ward}."
    return _ranking(ask, title, lines, text)


@reply("rank.most_votes")
def _most_votes(ask: Ask) -> Answer:
    return _candidates_by_votes(ask, True, lambda c: True, "Most votes", "got the most votes")


@reply("rank.top_share", "rank.bottom_share")
def _by_share(ask: Ask) -> Answer:
    """The highest (lowest) share of the vote: each candidate's share of all votes cast in
    their ward, so in multi-seat wards, where each voter had several votes, shares run lower."""
    most = ask.intent.name == "rank.top_share"
    lines = [c for c in _lines(ask, lambda c: True) if c.share is not None]
    lines.sort(key=lambda c: (-(c.share or 0.0) if most else (c.share or 0.0), c.name))
    word = "highest" if most else "lowest"
    title = f"{sentence(word)} share of the vote"
    if not lines:
        return _ranking(ask, title, [], "No candidate's share of the vote can be worked out.")
    top = lines[0]
    level = [c for c in lines if c.share == top.share]
    names = join([f"{c.name} ({c.party}, {c.ward})" for c in level])
    multi = any(c.seats > 1 for c in ask.facts.contests)
    rule = (
        " (share of all votes cast in the ward; in multi-seat wards each voter had several votes)"
        if multi
        else " (share of all votes cast in the ward)"
    )
    text = f"{names} got the {word} share of the vote: {pct(top.share)}{rule}."
    if len(level) == 1:
        text = (
            f"{top.name} ({top.party}) got the {word} share of the vote: {pct(top.share)} in "
            f"{top.ward}, {num(top.votes or 0)} votes{rule}."
        )
    return _ranking(ask, title, lines, text)


@reply("rank.fewest_votes")
def _fewest_votes(ask: Ask) -> Answer:
    return _candidates_by_votes(ask, False, lambda c: True, "Fewest votes", "got the fewest votes")


@reply("rank.lowest_winner")
def _lowest_winner(ask: Ask) -> Answer:
    return _candidates_by_votes(
        ask, False, lambda c: c.elected, "Elected with fewest votes",
        "was elected with the fewest votes",
    )  # fmt: skip


@reply("rank.highest_loser")
def _highest_loser(ask: Ask) -> Answer:
    return _candidates_by_votes(
        ask, True, lambda c: not c.elected and not c.tied, "Most votes without a seat",
        "got the most votes without being elected",
    )  # fmt: skip


def _ward_fact(
    ask: Ask,
    title: str,
    contests: list[ContestResult],
    value: Callable[[ContestResult], str],
    headline: str,
) -> FactAnswer:
    return FactAnswer(
        headline=headline,
        election=compose.election_ref(ask.election),
        title=title,
        lines=tuple(f"{c.ward}: {value(c)}" for c in contests),
        colour=NEUTRAL_COLOUR,
    )


def _ward_cast(ask: Ask, most: bool) -> Answer:
    contests = sorted(
        ask.facts.contests, key=lambda c: (-c.total_votes if most else c.total_votes, c.ward)
    )
    top = contests[0]
    word = "most" if most else "fewest"
    multi = f" (each voter could cast up to {top.seats})" if top.seats > 1 else ""
    headline = f"{top.ward} had the {word} votes cast: {num(top.total_votes)}{multi}."
    return _ward_fact(
        ask, "Votes cast by ward", contests, lambda c: f"{num(c.total_votes)} votes", headline
    )


def _wards_by_count(
    ask: Ask,
    most: bool,
    count: Callable[[ContestResult], int],
    *,
    verb: str,
    things: str,
    unit: str,
    alone: Callable[[int], str],
    title: str,
) -> Answer:
    """The wards with the most (fewest) by a count, "Which ward elected the most councillors?":
    the one ward, every ward when all are level, else the wards level at the top (at most
    MAX_WARDS named, then how many more)."""
    contests = sorted(ask.facts.contests, key=lambda c: (-count(c) if most else count(c), c.ward))
    top = count(contests[0])
    level = [c.ward for c in contests if count(c) == top]
    word = "most" if most else "fewest"
    each = plural(top, unit)
    if len(level) == 1:
        headline = f"{level[0]} {verb} the {word} {things}: {alone(top)}."
    elif len(level) == len(contests):
        headline = f"Every ward {verb} the same number of {things}: {each} each."
    else:
        shown = join(at_most(level, MAX_WARDS))
        headline = f"{plural(len(level), 'ward')} {verb} the {word} {things}, {each} each: {shown}."
    return _ward_fact(ask, title, contests, lambda c: plural(count(c), unit), headline)


def _ward_seats(ask: Ask, most: bool) -> Answer:
    return _wards_by_count(
        ask,
        most,
        lambda c: c.seats,
        verb="elected",
        things="councillors",
        unit="seat",
        alone=lambda n: plural(n, "seat"),
        title="Seats by ward",
    )


MAX_WARDS = 12


def _turnout(ask: Ask, most: bool) -> Answer:
    given = [
        c for c in ask.facts.contests if c.turnout_percent is not None or c.turnout is not None
    ]
    word = "highest" if most else "lowest"
    if not given:
        contests = sorted(
            ask.facts.contests, key=lambda c: (-c.total_votes if most else c.total_votes, c.ward)
        )
        top = contests[0]
        headline = (
            f"The {ask.election.title} document gives no turnout figures, so I can't say which "
            f"ward had the {word} turnout; {top.ward} had the {'most' if most else 'fewest'} "
            f"votes cast ({num(top.total_votes)})."
        )
        return _ward_fact(
            ask, "Votes cast by ward", contests, lambda c: f"{num(c.total_votes)} votes", headline
        )
    by_percent = all(c.turnout_percent is not None for c in given)

    def measure(c: ContestResult) -> float:
        if by_percent:
            return c.turnout_percent or 0.0
        return float(c.turnout or 0)

    given.sort(key=lambda c: (-measure(c) if most else measure(c), c.ward))
    top = given[0]
    figure = pct(top.turnout_percent) if by_percent else num(top.turnout or 0)

    def show(c: ContestResult) -> str:
        parts = [
            num(c.turnout) if c.turnout is not None else "",
            pct(c.turnout_percent) if c.turnout_percent is not None else "",
        ]
        return " ".join(p for p in parts if p)

    headline = f"{top.ward} had the {word} turnout: {figure}."
    if len(given) < len(ask.facts.contests):
        headline = headline[:-1] + f" (of the {len(given)} wards with a turnout figure)."
    return _ward_fact(ask, "Turnout by ward", given, show, headline)


WON: Final[Cue] = ("won", "win", "wins", "winning", "gained", "gain", "took", "take")
"""Seats won at this election."""
HELD: Final[Cue] = (
    "after the election", "after", "afterwards", "now", "on the council", "has", "have", "had",
    "hold", "holds", "held", "in total", "overall", "total", "biggest party", "largest party",
)  # fmt: skip
"""Seats on the council, not seats won at this election ("which party has the most seats")."""


def _party_metric(ask: Ask, summary: SummaryAnswer | None = None) -> str:
    if ask.has(VOTES) and not ask.has(SEATS):
        return "votes"
    if ask.has(COUNCIL_CANDIDATES) and not ask.has(SEATS):
        return "candidates"
    if (
        summary is not None
        and not summary.whole_council
        and any(r.seats_after is not None for r in summary.rows)
        and ask.has(HELD)
        and not ask.has(WON)
    ):  # an election by thirds: the council after it, from the document's Seats After
        return "held"
    return "seats"


def _party_value(metric: str, row: PartyRow) -> int:
    if metric == "held":
        return row.seats_after or 0
    return {"votes": row.votes, "candidates": row.candidates}.get(metric, row.seats_won)


def _party_rank(ask: Ask, most: bool) -> Answer:
    summary = ask.summary()
    metric = _party_metric(ask, summary)
    rows = [r for r in summary.rows if (r.seats_after if metric == "held" else r.candidates)]
    if not rows:
        return headed(summary, "No party stood in this election.")

    def value(row: PartyRow) -> int:
        return _party_value(metric, row)

    rows.sort(key=lambda r: (-value(r) if most else value(r), r.name))
    top = rows[0]
    level = [r for r in rows if value(r) == value(top)]
    noun = sentence(ask.party_of(top.key, top.name))
    word = "most" if most else "fewest"
    if len(level) > 1:  # "which party stood the most candidates": a three-way tie
        names = sentence(join([ask.party_of(r.key, r.name) for r in level]))
        what = {"votes": "votes", "candidates": "candidates"}.get(metric, "seats")
        verb = "stood" if metric == "candidates" else ("got" if metric == "votes" else "won")
        if metric == "held":
            verb, what = "had", "seats on the council after the election"
        text = f"{names} {verb} the {word} {what}, {num(value(top))} each."
        return headed(summary, text)
    if metric == "held":
        text = (
            f"{noun} had the {word} seats on {ask.election.council} after the election: "
            f"{value(top)} of {summary.council_size or sum(value(r) for r in rows)} "
            f"({top.seats_won} won at this election)."
        )
    elif metric == "votes":
        text = f"{noun} got the {word} votes: {num(top.votes)} ({pct(top.vote_share)})."
    elif metric == "candidates":
        text = f"{noun} stood the {word} candidates: {top.candidates}."
    else:
        text = f"{noun} won the {word} seats: {top.seats_won} of {summary.seats_contested}."
    return headed(summary, text)


@reply("rank.place")
def _place(ask: Ask) -> Answer:
    """ "Who came second overall?": the candidate(s) with the nth most votes."""
    wanted = ask.place or 2
    lines = _lines(ask, lambda c: True)
    lines.sort(key=lambda c: (-(c.votes or 0), c.name))
    above = [sum(1 for o in lines if (o.votes or 0) > (c.votes or 0)) for c in lines]
    level = [sum(1 for o in lines if o.votes == c.votes) for c in lines]
    at = [c for c, higher in zip(lines, above, strict=True) if higher + 1 == wanted]
    if not at:  # joint places: "third" falls inside a tie for second
        joint = [
            c
            for c, higher, same in zip(lines, above, level, strict=True)
            if higher + 1 <= wanted < higher + 1 + same
        ]
        if not joint:
            text = f"No candidate was placed {ordinal(wanted)} on votes."
            return _ranking(ask, "Most votes", lines, text)
        place = ordinal(sum(1 for o in lines if (o.votes or 0) > (joint[0].votes or 0)) + 1)
        names = join([f"{c.name} ({c.party}, {c.ward})" for c in joint])
        text = f"{names} were joint {place} on votes, with {num(joint[0].votes or 0)}."
        return _ranking(ask, "Most votes", lines, text)
    names = join([f"{c.name} ({c.party}, {c.ward})" for c in at])
    verb = "was" if len(at) == 1 else "were joint"
    text = f"{names} {verb} {ordinal(wanted)} on votes, with {num(at[0].votes or 0)}."
    return _ranking(ask, "Most votes", lines, text)


@reply("rank.party_place")
def _party_place(ask: Ask) -> Answer:
    summary = ask.summary()
    wanted = ask.place or 2
    metric = _party_metric(ask)
    rows = [r for r in summary.rows if r.candidates]
    rows.sort(key=lambda r: (-(r.votes if metric == "votes" else r.seats_won), r.name))
    if wanted > len(rows):
        return headed(summary, f"Only {plural(len(rows), 'party', 'parties')} stood.")
    row = rows[wanted - 1]

    def value(r: PartyRow) -> int:
        return r.votes if metric == "votes" else r.seats_won

    level = [r for r in rows if value(r) == value(row)]
    noun = sentence(ask.party_of(row.key, row.name))
    figure = f"{num(row.votes)} votes" if metric == "votes" else plural(row.seats_won, "seat")
    if len(level) > 1:  # "which party came third" when two won the same seats
        place = ordinal(rows.index(level[0]) + 1)
        names = sentence(join([ask.party_of(r.key, r.name) for r in level]))
        return headed(summary, f"{names} were joint {place}, with {figure} each.")
    return headed(summary, f"{noun} came {ordinal(wanted)}, with {figure}.")


@reply("rank.threshold")
def _threshold(ask: Ask) -> Answer:
    """ "Did anyone get over 3,000 votes?": the candidates past the figure, most votes first."""
    bar = ask.bar()
    if bar is None:
        return _most_votes(ask)
    wards = {c.ward for c in ask.wards}
    parties = {p.key for p in ask.parties}
    elected = ask.has(WIN)
    lines = _lines(
        ask,
        lambda c: (
            bar.passes(c.votes or 0)
            and (not wards or c.ward in wards)
            and (not parties or c.party_key in parties)
            and (not elected or c.elected)
        ),
    )
    lines.sort(key=lambda c: (-(c.votes or 0), c.name))
    who = "winning candidate" if elected else "candidate"
    if ask.parties:
        who = f"{join([p.display for p in ask.parties], 'or')} {who}"
    where = f" in {join(sorted(wards))}" if wards else ""
    verdict = ("Yes — " if lines else "No — ") if ask.yes_no else ""
    if not lines:
        text = f"{verdict}No {who}{where} got {bar.words} votes."
    else:
        listed = join(at_most([f"{c.name} ({num(c.votes or 0)})" for c in lines], 3))
        count = plural(len(lines), who)
        text = f"{verdict}{count}{where} got {bar.words} votes: {listed}."
    return _ranking(ask, f"Candidates with {bar.words} votes", lines, text)


@reply("rank.margin_threshold")
def _margin_threshold(ask: Ask) -> Answer:
    """ "did anyone win by less than 20 votes?": the wards whose last seat was won by a margin
    past the figure, closest first (or safest first, above it); unopposed wards have none."""
    bar = ask.bar()
    if bar is None:
        return _ward_cast(ask, True)
    decided = [c for c in ask.facts.contests if c.majority is not None]
    past = [c for c in decided if bar.passes(c.majority or 0)]
    past.sort(key=lambda c: ((c.majority or 0) * (-1 if bar.above else 1), c.ward))
    names = join(at_most([f"{c.ward} ({num(c.majority or 0)})" for c in past], 5))
    verdict = ("Yes — " if past else "No — ") if ask.yes_no else ""
    at = f" at the {ask.election.title}"  # which of a council's elections, said
    if past:
        won = "was" if len(past) == 1 else "were"
        text = f"{verdict}{plural(len(past), 'ward')} {won} won by {bar.words} votes{at}: {names}."
    else:
        text = f"{verdict}no ward was won by {bar.words} votes{at}."
    answer = _ward_fact(
        ask,
        f"Wards won by {bar.words} votes",
        past,
        lambda c: f"last seat won by {plural(c.majority or 0, 'vote')}",
        text,
    )
    note = "Margin: the last winner's votes over the first runner-up's."
    return answer.model_copy(update={"lines": (*answer.lines, note)})


@reply("rank.ward_threshold")
def _ward_threshold(ask: Ask) -> Answer:
    bar = ask.bar()
    if bar is None:
        return _ward_cast(ask, True)
    contests = sorted(ask.facts.contests, key=lambda c: (-c.total_votes, c.ward))
    past = [c for c in contests if bar.passes(c.total_votes)]
    names = join(at_most([f"{c.ward} ({num(c.total_votes)})" for c in past], 5))
    verdict = ("Yes — " if past else "No — ") if ask.yes_no else ""
    text = f"{verdict}{plural(len(past), 'ward')} had {bar.words} votes cast"
    text += f": {names}." if past else "."
    return _ward_fact(
        ask, "Votes cast by ward", past, lambda c: f"{num(c.total_votes)} votes", text
    )


@reply("rank.party_gain")
def _party_gain(ask: Ask) -> Answer:
    summary = ask.summary()
    rows = [r for r in summary.rows if r.change is not None]
    lost = ask.has(DROPPED)
    if not rows:
        stated = since_last_election(ask.election, ask.store.book)
        if stated:
            return headed(summary, _most_since_last(ask, list(stated.values()), lost))
        moves = moves_of(ask)
        if moves is None:
            return headed(summary, NO_CHANGES)
        return headed(summary, _most_moves(ask, moves, lost))
    rows.sort(key=lambda r: ((r.change or 0) if lost else -(r.change or 0), r.name))
    top = rows[0]
    noun = sentence(ask.party_of(top.key, top.name))
    change = top.change or 0
    before_after = f"({top.seats_before} before, {top.seats_after} after)"
    if lost and change < 0:
        text = f"{noun} lost the most seats: {-change} {before_after}."
    elif not lost and change > 0:
        text = f"{noun} gained the most seats: {change} {before_after}."
    else:
        text = f"No party {'lost' if lost else 'gained'} seats in the {ask.election.title}."
    return headed(summary, text)


def _most_since_last(ask: Ask, stated: list[SinceLast], lost: bool) -> str:
    """Which party gained (lost) the most seats against the last election, as stated."""
    ranked = sorted(stated, key=lambda s: (s.change if lost else -s.change, s.party.display))
    top = ranked[0]
    if (lost and top.change >= 0) or (not lost and top.change <= 0):
        verb = "lost" if lost else "gained"
        return f"No party {verb} seats {LAST_BASIS} in the {ask.election.title}."
    return sentence(since_last_phrase(top, ask.party_of(top.party.key, top.party.display))) + "."


def _most_moves(ask: Ask, moves: SeatChanges, lost: bool) -> str:
    """Which party gained (lost) the most seats, counted seat by seat."""
    counts = sorted(
        ((party, taken if lost else won) for party, won, taken in moves.net().values()),
        key=lambda pair: (-pair[1], pair[0].display),
    )
    counts = [(party, n) for party, n in counts if n > 0]
    verb = "lost" if lost else "gained"
    if not counts:
        return sentence(f"{compared(moves)}, no party {verb} a seat in the {ask.election.title}.")
    most = counts[0][1]
    top = [party for party, n in counts if n == most]
    names = join([ask.party_of(p.key, p.display) for p in top])
    each = f"{most} each" if len(top) > 1 else str(most)
    rest = [f"{ask.party_of(p.key, p.display)} {n}" for p, n in counts[len(top) :]]
    then = f", then {join(at_most(rest, 4))}" if rest else ""
    return sentence(
        f"{compared(moves)}, {names} {verb} the most seats: {each}{then} (the document doesn't "
        "give the council after the election)."
    )


@reply("rank.ward_most_cast")
def _ward_most_cast(ask: Ask) -> Answer:
    return _ward_cast(ask, True)


@reply("rank.ward_fewest_cast")
def _ward_fewest_cast(ask: Ask) -> Answer:
    return _ward_cast(ask, False)


@reply("rank.turnout_high")
def _turnout_high(ask: Ask) -> Answer:
    return _turnout(ask, True)


@reply("rank.turnout_low")
def _turnout_low(ask: Ask) -> Answer:
    return _turnout(ask, False)


def _ward_candidates(ask: Ask, most: bool) -> Answer:
    return _wards_by_count(
        ask,
        most,
        lambda c: len(c.standings),
        verb="had",
        things="candidates",
        unit="candidate",
        alone=num,
        title="Candidates by ward",
    )


@reply("rank.ward_most_candidates")
def _ward_most_candidates(ask: Ask) -> Answer:
    return _ward_candidates(ask, True)


@reply("rank.ward_fewest_candidates")
def _ward_fewest_candidates(ask: Ask) -> Answer:
    return _ward_candidates(ask, False)


@reply("rank.ward_most_seats")
def _ward_most_seats(ask: Ask) -> Answer:
    return _ward_seats(ask, True)


@reply("rank.ward_fewest_seats")
def _ward_fewest_seats(ask: Ask) -> Answer:
    return _ward_seats(ask, False)


@reply("rank.party_most")
def _party_most(ask: Ask) -> Answer:
    return _party_rank(ask, True)


@reply("rank.party_fewest")
def _party_fewest(ask: Ask) -> Answer:
    return _party_rank(ask, False)
