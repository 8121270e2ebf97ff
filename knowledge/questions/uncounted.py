"""Questions wanting figures (votes, shares, margins, places) of contests whose source names
the winners without vote counts: Democracy Club's candidates download, with its `elected`
column and no votes. Each reply would work its figure out of the missing counts as 0 ("won 1
seat with 0 votes", "did not stand" in a party's best ward), so such a question is answered
here instead: who was elected, and that the source gives no counts."""

from __future__ import annotations

from typing import Final

from knowledge.answers import Answer
from knowledge.facts import ContestResult
from knowledge.questions.context import Ask, headed
from knowledge.questions.cues import SHARE, VOTES
from knowledge.questions.phrasing import NO_COUNTS, at_most, join, sentence
from knowledge.questions.ward_replies import who_won

FIGURES: Final = frozenset(
    {
        "ward.majority", "ward_party.majority", "ward.total_votes", "ward.top", "ward.bottom",
        "ward.place", "ward_party.votes", "ward_party.votes_many", "ward_party.share",
        "ward_party.best", "ward_party.worst",
        "candidate.votes", "candidate.share", "candidate.position", "candidate.margin",
        "candidate.top", "candidate.threshold", "compare.candidates",
        "party.votes", "party.share", "party.best", "party.worst", "party.best_ward",
        "party.worst_ward", "party.safest", "party.closest",
        "rank.most_votes", "rank.fewest_votes", "rank.top_share", "rank.bottom_share",
        "rank.lowest_winner", "rank.highest_loser", "rank.place", "rank.threshold",
        "rank.margin_threshold", "rank.ward_threshold", "rank.ward_most_cast",
        "rank.ward_fewest_cast", "margins.closest", "margins.safest", "council.total_votes",
    }
)  # fmt: skip
"""Intents whose answer is a figure taken from the counts."""
SEATS_OR_VOTES: Final = frozenset(
    {
        "compare.parties", "compare.difference", "compare.combined", "compare.many_parties",
        "compare.wards", "compare.many_wards", "rank.party_most", "rank.party_fewest",
        "rank.party_place", "party.rank", "party.threshold", "ward.top_party",
    }
)  # fmt: skip
"""Intents that weigh seats or votes: figures from the counts when the question asks for
votes or a share ("did Labour get more votes than the Conservatives")."""


def without_counts(ask: Ask) -> Answer | None:
    """The answer to a question wanting figures its contests' source does not give; None when
    it wants none, or when any contest it is about was counted."""
    name = ask.intent.name
    if name not in FIGURES and not (name in SEATS_OR_VOTES and (ask.has(VOTES) or ask.has(SHARE))):
        return None
    contested = [c for c in _contests(ask) if c.declared and not c.unopposed]
    if not contested or any(c.counted for c in contested):
        return None
    if ask.candidates:
        return _candidates(ask)
    if ask.wards:
        return _wards(ask)
    if ask.parties:
        return _parties(ask)
    text = (
        f"{sentence(NO_COUNTS)} for the {ask.election.title}: it names the winners only, so "
        "there are no votes, shares or margins to give."
    )
    return headed(ask.summary(), text)


def _contests(ask: Ask) -> list[ContestResult]:
    """The contests the question is about: its wards, its candidates', else every one."""
    if ask.wards:
        return list(ask.wards)
    if ask.candidates:
        found = [ask.store.contest(ref.election_id, ref.ward) for ref in ask.candidates]
        return [c for c in found if c is not None]
    return list(ask.facts.contests)


def _candidates(ask: Ask) -> Answer:
    """`Karen Eastham was elected in Broad Oak and Aidan Fitzgerald was not elected in Broad
    Oak; the source gives no vote counts.`"""
    answers = [ask.candidate_answer(ref) for ref in ask.candidates]
    said = [
        f"{a.candidate.name} {'was' if a.candidate.elected else 'was not'} elected in "
        f"{a.candidate.ward}"
        for a in answers
    ]
    return headed(answers[0], f"{join(said)}; {NO_COUNTS}.")


def _wards(ask: Ask) -> Answer:
    """Who each ward elected, and who the party asked about stood there."""
    text = " ".join(who_won(ask, contest) for contest in ask.wards)
    for party in ask.parties[:1]:
        noun = sentence(ask.party_of(party.key, party.display))
        for contest in ask.wards:
            mine = [
                s.name + (" (elected)" if s.elected else "")
                for s in contest.standings
                if s.party.key == party.key
            ]
            text += (
                f" {noun} stood {join(mine)} in {contest.ward}."
                if mine
                else f" {noun} had no candidate in {contest.ward}."
            )
    return headed(ask.ward_answer(ask.wards[0]), text)


def _parties(ask: Ask) -> Answer | None:
    """Each party's seats, and where one party won them; a party that did not stand is left to
    the intent's own reply, which says so."""
    from knowledge.questions.party_replies import MAX_LISTED, winners  # only for parties

    answers = [ask.party_answer(party) for party in ask.parties]
    if not all(a.stood for a in answers):
        return None
    contested = answers[0].seats_contested
    won = [
        f"{ask.party_of(a.key, a.party)} {a.seats_won}" if n else f"{a.seats_won}"
        for n, a in enumerate(answers)
    ]
    noun = sentence(ask.party_of(answers[0].key, answers[0].party))
    text = f"{noun} won {join(won)} of the {contested} seats in the {ask.election.title}"
    if len(answers) == 1 and answers[0].seats_won:
        text += f" ({join(at_most(winners(ask, answers[0].key), MAX_LISTED))})"
    return headed(answers[0], f"{text}; {NO_COUNTS}.")
