"""Comparisons of two parties, two wards or two candidates, as a FactAnswer whose lines give
both sides and whose headline answers the question (with a yes or no when it asked one)."""

from __future__ import annotations

from knowledge import compose
from knowledge.answers import Answer, CandidateAnswer, FactAnswer, PartyAnswer
from knowledge.facts import ContestResult
from knowledge.parties import NEUTRAL_COLOUR
from knowledge.questions.context import Ask
from knowledge.questions.cues import (
    CLOSER,
    COMBINED,
    LESS,
    MARGIN,
    MORE,
    SAFER,
    SEATS,
    SHARE,
    STAND,
    TURNOUT,
    VOTES,
    WIN,
)
from knowledge.questions.phrasing import join, num, pct, plural, possessive, sentence, with_verdict
from knowledge.questions.registry import reply
from knowledge.questions.ward_replies import who_won


def _fact(ask: Ask, title: str, lines: list[str], headline: str, colour: str) -> FactAnswer:
    return FactAnswer(
        headline=headline,
        election=compose.election_ref(ask.election),
        title=title,
        lines=tuple(lines),
        colour=colour,
    )


def _verdict(ask: Ask, first: float, second: float) -> str:
    """`Yes — ` / `No — ` when a yes/no question asked which is more (or less)."""
    if not ask.yes_no or first == second:
        return ""
    if ask.has(LESS):
        return "Yes — " if first < second else "No — "
    if ask.has(MORE):
        return "Yes — " if first > second else "No — "
    return ""


def _party_line(answer: PartyAnswer) -> str:
    change = ""
    if answer.change is not None:
        change = f" ({answer.change:+d})" if answer.change else " (no change)"
    return (
        f"{answer.party}: {plural(answer.seats_won, 'seat')}{change}, "
        f"{plural(answer.votes, 'vote')} ({pct(answer.vote_share)}), "
        f"{plural(answer.candidates, 'candidate')}"
    )


def _parties_in_ward(ask: Ask) -> Answer:
    """Two parties in one ward, or in each of several: their votes and seats there."""
    texts: list[str] = []
    lines: list[str] = []
    verdict = ""
    totals = [0, 0]
    pa, pb = ask.parties[:2]
    for n, contest in enumerate(ask.wards):
        rows = []
        for party in (pa, pb):
            mine = [s for s in contest.standings if s.party.key == party.key]
            votes = sum(s.votes or 0 for s in mine)
            seats = sum(s.elected for s in mine)
            rows.append((ask.party_of(party.key, party.display), votes, seats, party))
        (a, va, sa, _), (b, vb, sb, _) = rows
        totals[0] += va
        totals[1] += vb
        first = n == 0  # "In Abbey Labour got 2,943 votes to the Lib Dems' 4,283; in Boulton ..."
        where = f"In {contest.ward}" if first else f"in {contest.ward}"
        if ask.has(SEATS) and not ask.has(VOTES):
            won = f"{plural(sa, 'seat')} to {possessive(b)} {sb}" if first else f"{sa} to {sb}"
            texts.append(f"{where} {a} won {won}" if first else f"{where} {won}")
            verdict = verdict or _verdict(ask, sa, sb)
        else:
            got = (
                f"{plural(va, 'vote')} to {possessive(b)} {num(vb)}"
                if first
                else (f"{num(va)} to {num(vb)}")
            )
            texts.append(f"{where} {a} got {got}" if first else f"{where} {got}")
            verdict = verdict or _verdict(ask, va, vb)
        lines += [
            f"{p.display}: {plural(v, 'vote')}, {plural(s, 'seat')} in {contest.ward}"
            for _, v, s, p in rows
        ]
    if len(ask.wards) > 1:
        verdict = ""  # one yes or no for several wards would hide where it differs
    colour = pa.colour if totals[0] >= totals[1] else pb.colour
    wards = join([c.ward for c in ask.wards])
    return _fact(
        ask, f"{pa.display} v {pb.display} in {wards}", lines,
        with_verdict(verdict, "; ".join(texts) + "."), colour,
    )  # fmt: skip


@reply("compare.parties")
def _parties(ask: Ask) -> Answer:
    if ask.wards:
        return _parties_in_ward(ask)
    one, two = (ask.party_answer(p) for p in ask.parties[:2])
    a = sentence(ask.party_of(one.key, one.party))
    b = ask.party_of(two.key, two.party)
    if (ask.has(VOTES) and not ask.has(SEATS)) or ask.has(SHARE):
        text = (
            f"{a} got {num(one.votes)} votes ({pct(one.vote_share)}) to {possessive(b)} "
            f"{num(two.votes)} ({pct(two.vote_share)})"
        )
        if one.votes != two.votes:  # "by how much?": the gap, said
            more = "more" if one.votes > two.votes else "fewer"
            text += f", {num(abs(one.votes - two.votes))} {more}"
        verdict = _verdict(ask, one.votes, two.votes)
    elif ask.has(STAND) and not ask.has(SEATS):
        text = (
            f"{a} stood {num(one.candidates)} candidates to {possessive(b)} {num(two.candidates)}"
        )
        verdict = _verdict(ask, one.candidates, two.candidates)
    elif ask.has(SEATS) or ask.yes_no:
        text = f"{a} won {plural(one.seats_won, 'seat')} to {possessive(b)} {two.seats_won}"
        verdict = _verdict(ask, one.seats_won, two.seats_won)
    else:
        text = (
            f"{a} won {plural(one.seats_won, 'seat')} to {possessive(b)} {two.seats_won}, and "
            f"{num(one.votes)} votes to {num(two.votes)}"
        )
        verdict = ""
    ahead = one if (one.seats_won, one.votes) >= (two.seats_won, two.votes) else two
    return _fact(
        ask,
        f"{one.party} v {two.party}",
        [_party_line(one), _party_line(two)],
        with_verdict(verdict, text + "."),
        ahead.colour,
    )


def _ward_seats(ask: Ask, contest: ContestResult) -> str:
    parts = []
    for key, count in contest.seats_by_party:
        display = next(s.party.display for s in contest.standings if s.party.key == key)
        parts.append(f"{display} {count}")
    return ", ".join(parts) or "no seat decided"


def _ward_line(ask: Ask, contest: ContestResult) -> str:
    majority = f", majority {num(contest.majority)}" if contest.majority is not None else ""
    return (
        f"{contest.ward}: {_ward_seats(ask, contest)}; {num(contest.total_votes)} votes cast"
        f"{majority}"
    )


@reply("compare.wards")
def _wards(ask: Ask) -> Answer:
    one, two = ask.wards[:2]
    if ask.has(WIN) and not ask.has(MORE) and not ask.has(LESS):  # "who won Abbey and Darley?"
        text = f"{who_won(ask, one)} {who_won(ask, two)}"
        return _fact(
            ask,
            f"{one.ward} and {two.ward}",
            [_ward_line(ask, one), _ward_line(ask, two)],
            text,
            NEUTRAL_COLOUR,
        )
    if ask.has(CLOSER) or ask.has(SAFER):
        closer = ask.has(CLOSER)
        m1, m2 = one.majority or 0, two.majority or 0
        word = "closer" if closer else "safer"
        if m1 == m2:
            text = f"{one.ward} and {two.ward} were as close: both last seats were won by {num(m1)}"
        else:
            pick, other = (one, two) if (m1 < m2) == closer else (two, one)
            text = (
                f"{pick.ward} was {word}: its last seat was won by "
                f"{plural(pick.majority or 0, 'vote')}, {possessive(other.ward)} by "
                f"{num(other.majority or 0)}"
            )
        verdict = ""
        if ask.yes_no and m1 != m2:
            verdict = "Yes — " if (m1 < m2) == closer else "No — "
    elif ask.has(MARGIN):
        m1, m2 = one.majority or 0, two.majority or 0
        text = (
            f"{possessive(one.ward)} last-seat majority was {plural(m1, 'vote')} and "
            f"{possessive(two.ward)} {num(m2)}"
        )
        verdict = _verdict(ask, m1, m2)
    elif ask.has(STAND) and not ask.has(VOTES):  # "how many candidates stood in Abbey and Boulton"
        n1, n2 = len(one.standings), len(two.standings)
        compared = ask.has(MORE) or ask.has(LESS)
        if compared and n1 == n2:
            text = f"{one.ward} and {two.ward} had {plural(n1, 'candidate')} each"
        elif compared and not ask.yes_no:
            fewer = ask.has(LESS)
            pick, other = (one, two) if (n1 > n2) != fewer else (two, one)
            word = "fewer" if fewer else "more"
            text = (
                f"{pick.ward} had {word} candidates: {num(len(pick.standings))} to "
                f"{possessive(other.ward)} {num(len(other.standings))}"
            )
        elif compared:
            text = f"{one.ward} had {plural(n1, 'candidate')} and {two.ward} {num(n2)}"
        else:
            text = (
                f"{plural(n1 + n2, 'candidate')} stood in {one.ward} and {two.ward}: "
                f"{num(n1)} in {one.ward} and {num(n2)} in {two.ward}"
            )
        verdict = _verdict(ask, n1, n2)
    elif ask.has(COMBINED) and not ask.has(MORE) and not ask.has(LESS):
        both = one.total_votes + two.total_votes  # "votes cast in Abbey and Boulton altogether"
        text = (
            f"{plural(both, 'vote')} {'was' if both == 1 else 'were'} cast in {one.ward} and "
            f"{two.ward} together: {num(one.total_votes)} in {one.ward} and "
            f"{num(two.total_votes)} in {two.ward}"
        )
        verdict = ""
    elif ask.has(TURNOUT) and one.turnout is not None and two.turnout is not None:
        text = f"Turnout was {num(one.turnout)} in {one.ward} and {num(two.turnout)} in {two.ward}"
        verdict = _verdict(ask, one.turnout, two.turnout)
    else:
        text = (
            f"{one.ward} had {num(one.total_votes)} votes cast to {possessive(two.ward)} "
            f"{num(two.total_votes)}; seats: {one.ward} {_ward_seats(ask, one)}, "
            f"{two.ward} {_ward_seats(ask, two)}"
        )
        verdict = _verdict(ask, one.total_votes, two.total_votes)
    return _fact(
        ask,
        f"{one.ward} v {two.ward}",
        [_ward_line(ask, one), _ward_line(ask, two)],
        with_verdict(verdict, text + "."),
        NEUTRAL_COLOUR,
    )


def _status(answer: CandidateAnswer) -> str:
    line = answer.candidate
    if line.tied:
        return "tied for the last seat"
    return "elected" if line.elected else "not elected"


@reply("compare.candidates")
def _candidates(ask: Ask) -> Answer:
    one, two = (ask.candidate_answer(ref) for ref in ask.candidates[:2])
    c1, c2 = one.candidate, two.candidate
    v1, v2 = c1.votes or 0, c2.votes or 0
    if c1.ward == c2.ward:
        if v1 == v2:
            text = f"{c1.name} and {c2.name} both got {num(v1)} votes in {c1.ward}"
        else:
            high, low = (c1, c2) if v1 > v2 else (c2, c1)
            text = (
                f"{high.name} ({num(high.votes or 0)}) beat {low.name} ({num(low.votes or 0)}) "
                f"in {c1.ward} by {plural(abs(v1 - v2), 'vote')}"
            )
    else:
        ahead, behind = (one, two) if v1 >= v2 else (two, one)
        a, b = ahead.candidate, behind.candidate
        relation = "got more votes than" if v1 != v2 else "got as many votes as"
        text = (
            f"{a.name} {relation} {b.name}: {num(a.votes or 0)} in {a.ward} ({_status(ahead)}) "
            f"to {num(b.votes or 0)} in {b.ward} ({_status(behind)})"
        )
    lines = [
        f"{c.name} ({c.party}, {c.ward}): {plural(c.votes or 0, 'vote')}, {_status(a)}"
        for a, c in ((one, c1), (two, c2))
    ]
    colour = c1.colour if v1 >= v2 else c2.colour
    return _fact(
        ask,
        f"{c1.name} v {c2.name}",
        lines,
        with_verdict(_verdict(ask, v1, v2), text + "."),
        colour,
    )
