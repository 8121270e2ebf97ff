"""Sums over the results that people ask for, and questions naming three or more of a kind.

"Tories and Lib Dems combined", "how many more seats did Labour win than the Conservatives",
"did the Lib Dems double their seats", "what share of the seats did Labour win", "how did
Labour, the Tories and the Lib Dems do", "who won Abbey, Boulton and Darley". Figures are the
same ones the party and ward answers give; only the arithmetic is new.
"""

from __future__ import annotations

from knowledge import compose
from knowledge.answers import Answer, FactAnswer, PartyAnswer
from knowledge.parties import NEUTRAL_COLOUR
from knowledge.questions.context import Ask, headed
from knowledge.questions.cues import (
    ALL_OF,
    ANY_OF,
    LOSE,
    MARGIN,
    MORE_THAN_DOUBLE,
    SEATS,
    SHARE,
    STAND,
    VOTES,
)
from knowledge.questions.phrasing import join, num, pct, plural, possessive, sentence, with_verdict
from knowledge.questions.registry import reply


def _fact(ask: Ask, title: str, lines: list[str], headline: str) -> FactAnswer:
    return FactAnswer(
        headline=headline,
        election=compose.election_ref(ask.election),
        title=title,
        lines=tuple(lines),
        colour=NEUTRAL_COLOUR,
    )


def _by_votes(ask: Ask) -> bool:
    """Votes (or shares) rather than seats: the question says votes and not seats."""
    return (ask.has(VOTES) or ask.has(SHARE)) and not ask.has(SEATS)


def _seats_now(answer: PartyAnswer) -> int:
    """Seats held after the election where the document gives them, else seats won."""
    return answer.seats_after if answer.seats_after is not None else answer.seats_won


def _party_line(ask: Ask, answer: PartyAnswer) -> str:
    return (
        f"{answer.party}: {plural(answer.seats_won, 'seat')}, {num(answer.votes)} votes "
        f"({pct(answer.vote_share)})"
    )


@reply("compare.many_parties")
def _many_parties(ask: Ask) -> Answer:
    answers = [ask.party_answer(p) for p in ask.parties]
    if _by_votes(ask):
        parts = [
            f"{ask.party_of(a.key, a.party)} {num(a.votes)} ({pct(a.vote_share)})" for a in answers
        ]
        headline = f"Votes: {join(parts)}."
    elif ask.has(STAND) and not ask.has(SEATS):
        parts = [f"{ask.party_of(a.key, a.party)} {num(a.candidates)}" for a in answers]
        headline = f"Candidates: {join(parts)}."
    else:
        parts = [f"{ask.party_of(a.key, a.party)} {a.seats_won}" for a in answers]
        headline = f"Seats won of {answers[0].seats_contested}: {join(parts)}."
    lines = [_party_line(ask, a) for a in answers]
    return _fact(ask, " v ".join(a.party for a in answers), lines, sentence(headline))


@reply("compare.many_wards")
def _many_wards(ask: Ask) -> Answer:
    lines = []
    for contest in ask.wards:
        if ask.has(MARGIN) and contest.majority is not None:
            lines.append(f"{contest.ward}: last seat won by {plural(contest.majority, 'vote')}")
            continue
        winners = join([f"{s.name} ({s.party.display})" for s in contest.elected]) or "no one"
        lines.append(f"{contest.ward}: {winners}")
    title = join([c.ward for c in ask.wards])
    return _fact(ask, title, lines, "; ".join(lines) + ".")


@reply("compare.combined")
def _combined(ask: Ask) -> Answer:
    answers = [ask.party_answer(p) for p in ask.parties]
    names = join([ask.party_of(a.key, a.party) for a in answers])
    if _by_votes(ask):
        total = sum(a.votes for a in answers)
        share = sum(a.vote_share for a in answers)
        each = join([num(a.votes) for a in answers])
        headline = f"{names} got {num(total)} votes combined ({each}; {pct(share)} of the vote)."
    else:
        total = sum(a.seats_won for a in answers)
        each = join([str(a.seats_won) for a in answers])
        of = answers[0].seats_contested
        headline = f"{names} won {total} of the {of} seats combined ({each})."
    lines = [_party_line(ask, a) for a in answers]
    return _fact(ask, f"{names} combined", lines, sentence(headline))


@reply("compare.difference")
def _difference(ask: Ask) -> Answer:
    one, two = (ask.party_answer(p) for p in ask.parties[:2])
    a, b = sentence(ask.party_of(one.key, one.party)), ask.party_of(two.key, two.party)
    if _by_votes(ask):
        gap, unit = one.votes - two.votes, "vote"
        figures = f"{num(one.votes)} to {num(two.votes)}"
    else:
        gap, unit = one.seats_won - two.seats_won, "seat"
        figures = f"{one.seats_won} to {two.seats_won}"
    if gap == 0:
        headline = f"{a} and {b} won the same number of {unit}s ({figures})."
    else:
        word = "more" if gap > 0 else "fewer"
        verb = "got" if unit == "vote" else "won"
        headline = f"{a} {verb} {plural(abs(gap), unit)} {word} than {b} ({figures})."
    lines = [_party_line(ask, x) for x in (one, two)]
    return _fact(ask, f"{one.party} v {two.party}", lines, headline)


@reply("party.doubled")
def _doubled(ask: Ask) -> Answer:
    answer = ask.party_answer(ask.parties[0])
    noun = sentence(ask.party_of(answer.key, answer.party))
    before, now = answer.seats_before, _seats_now(answer)
    if before is None:
        text = (
            f"The document doesn't give {ask.party_of(answer.key, answer.party)}'s seats before "
            f"the election; they won {plural(answer.seats_won, 'seat')}."
        )
        return headed(answer, sentence(text))
    strictly = ask.has(MORE_THAN_DOUBLE)
    if before == 0:
        verdict, text = "", f"{noun} had no seats before and {plural(now, 'seat')} after."
    elif now > 2 * before or (now == 2 * before and not strictly):
        verdict = "Yes — "
        text = f"{noun} went from {before} to {plural(now, 'seat')} ({now / before:.1f} times)."
    else:
        verdict = "No — "
        exactly = now == 2 * before
        text = f"{noun} went from {before} to {plural(now, 'seat')}, " + (
            "exactly double." if exactly else "not double."
        )
    return headed(answer, with_verdict(verdict, text) if ask.yes_no else text)


@reply("party.seat_share")
def _seat_share(ask: Ask) -> Answer:
    answer = ask.party_answer(ask.parties[0])
    noun = sentence(ask.party_of(answer.key, answer.party))
    share = 100 * answer.seats_won / answer.seats_contested if answer.seats_contested else 0.0
    text = (
        f"{noun} won {answer.seats_won} of the {answer.seats_contested} seats: "
        f"{pct(share)} of the seats, on {pct(answer.vote_share)} of the vote."
    )
    return headed(answer, text)


@reply("ward_party.votes_many")
def _party_votes_in_wards(ask: Ask) -> Answer:
    """ "how many votes did Labour get in Abbey and Boulton": each ward's votes and their sum
    (a ward where the party had no candidate says so, and adds nothing)."""
    party = ask.parties[0]
    noun = ask.party_of(party.key, party.display)
    parts: list[str] = []
    shares: list[str] = []
    lines: list[str] = []
    total = 0
    stood = 0
    for contest in ask.wards:
        mine = [s for s in contest.standings if s.party.key == party.key]
        stood += bool(mine)
        if not mine:
            parts.append(f"no candidate in {contest.ward}")
            shares.append(f"nothing in {contest.ward} (no candidate)")
            lines.append(f"{contest.ward}: no candidate")
            continue
        votes = sum(s.votes or 0 for s in mine)
        total += votes
        share = 100.0 * votes / contest.total_votes if contest.total_votes else None
        parts.append(f"{num(votes)} in {contest.ward}")
        shares.append(f"{pct(share)} in {contest.ward}")
        lines.append(f"{contest.ward}: {plural(votes, 'vote')} ({pct(share)} of the votes cast)")
    wards = join([c.ward for c in ask.wards])
    cast = sum(c.total_votes for c in ask.wards)
    overall = 100.0 * total / cast if cast else None
    if ask.has(SHARE):  # "what share of the vote did Labour get in Abbey and Boulton"
        text = f"{possessive(sentence(noun))} share of the votes cast was {join(shares)}"
        text += f": {pct(overall)} of the {num(cast)} in all." if stood > 1 else "."
    else:
        text = f"{sentence(noun)} got {join(parts)}"
        text += f": {plural(total, 'vote')} in all." if stood > 1 else "."
    lines.append(f"In all: {plural(total, 'vote')} ({pct(overall)} of the votes cast)")
    return _fact(ask, f"{party.display} votes in {wards}", lines, text)


@reply("ward_party.won_many")
def _party_in_wards(ask: Ask) -> Answer:
    """ "did Labour win both Darley and Sinfin", "any seats in Abbey or Darley": the claim is
    checked in every ward named, not just the first."""
    party = ask.parties[0]
    noun = ask.party_of(party.key, party.display)
    parts: list[str] = []
    results: list[tuple[int, int]] = []
    for contest in ask.wards:
        won = sum(s.elected for s in contest.standings if s.party.key == party.key)
        results.append((won, contest.seats))
        if won == contest.seats:
            parts.append(
                f"all {contest.seats} seats in {contest.ward}"
                if won > 1
                else f"the seat in {contest.ward}"
            )
        else:
            parts.append(f"{won or 'none'} of the {contest.seats} in {contest.ward}")
    every_seat = ask.has(ALL_OF) and ask.has(SEATS)
    holds = [(won == seats) if every_seat else (won > 0) for won, seats in results]
    if ask.has(LOSE):
        holds = [won == 0 for won, _ in results]
    claim = any(holds) if ask.has(ANY_OF) else all(holds)
    text = f"{sentence(noun)} won {join(parts)}."
    verdict = ("Yes — " if claim else "No — ") if ask.yes_no else ""
    lines = [
        f"{c.ward}: {won} of {seats}" for c, (won, seats) in zip(ask.wards, results, strict=True)
    ]
    answer = _fact(ask, f"{party.display} in {join([c.ward for c in ask.wards])}", lines, "")
    return headed(answer, with_verdict(verdict, text))
