"""Replies about the council as a whole: control, the majority threshold, seats, date,
composition, votes and turnout, split wards and ties, and the list of elections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from knowledge import compose
from knowledge.answers import Answer, FactAnswer, HelpAnswer, PartyRow
from knowledge.commands import help_answer
from knowledge.control import ControlBefore, control_before, stated_control
from knowledge.facts import ContestResult, Standing
from knowledge.history.changes import SeatChanges, SeatMove
from knowledge.last_election import BASIS as LAST_BASIS
from knowledge.last_election import change_clause, since_last_election
from knowledge.normalize import normalize
from knowledge.numbers import NUMBER_WORDS
from knowledge.parties import NEUTRAL_COLOUR
from knowledge.questions.context import Ask, headed
from knowledge.questions.count_so_far import count_state
from knowledge.questions.cues import (
    AFTER_ELECTION,
    BEFORE_ELECTION,
    COUNCILS,
    HUNG,
    LAST_SEAT,
    LOSE,
    NOT_YET,
    REPRESENT,
    SITTING,
    WHO,
)
from knowledge.questions.phrasing import (
    NO_COUNTS,
    at_most,
    date_text,
    join,
    num,
    plural,
    sentence,
    uncapitalised,
    were,
    with_verdict,
)
from knowledge.questions.registry import reply
from knowledge.questions.seat_moves import NO_CHANGES, compared, moves_of, wards_compared
from knowledge.questions.ties import describe, drawn, level_elsewhere
from knowledge.questions.unresolved import examples, loaded_councils
from knowledge.questions.ward_replies import who_won

MAX_LISTED = 20


def _held(seats_after: int | None, seats_won: int) -> int:
    return seats_after if seats_after is not None else seats_won


def _by_election(ask: Ask) -> Answer | None:
    """A by-election's answer about "the council": its one contest's winner; None for any
    other election (one ward's result of a council's election says nothing of control)."""
    if len(ask.facts.contests) != 1 or ask.election.kind != "by-election":
        return None
    contest = ask.facts.contests[0]
    return headed(ask.ward_answer(contest), who_won(ask, contest))


@reply("council.control", "council.majority")
def _control(ask: Ask) -> Answer:
    if (one := _by_election(ask)) is not None:  # "who won" means its one contest
        return one
    summary = ask.summary()
    council = ask.election.council
    rows = [r for r in summary.rows if r.candidates or r.seats_after]
    if not rows:
        return headed(summary, f"The {ask.election.title} document has no party results.")
    top = rows[0]
    noun = ask.party_of(top.key, top.name)
    size, threshold = summary.council_size, summary.majority_threshold
    before = control_before(ask.election, ask.facts, ask.store.book)
    if summary.control_known and size is not None and threshold is not None:
        need = f"{threshold} needed for a majority"
        if summary.control_key is not None:
            kept = before is not None and before.party == summary.control_key
            verb = "kept control of" if kept else ("took control of" if before else "controls")
            held = _held(top.seats_after, top.seats_won)
            text = f"{noun} {verb} {council}, with {held} of the {size} seats ({need})."
        else:
            held = _held(top.seats_after, top.seats_won)
            level = [r for r in rows if _held(r.seats_after, r.seats_won) == held]
            lost = (
                f" ({ask.party_of(before.party, before.name or before.party)} lost control)"
                if before is not None and before.party is not None
                else ""
            )
            if len(level) > 1:  # 3-3: no party is *the* largest
                names = join([ask.party_of(r.key, r.name) for r in level])
                largest = f"{names} are level as the largest parties, with {held} of the {size}"
                text = (
                    f"{council} is under no overall control{lost} ({need}): {largest} seats each."
                )
            else:
                text = (
                    f"{council} is under no overall control{lost}: no party has a majority "
                    f"({need}); the largest party, {noun}, has {held} of the {size} seats."
                )
    else:
        stated = ask.election.control_after
        holder = stated_control(stated, ask.store.book) if stated else None
        said = (
            f"the document says {council} is under no overall control after the election; "
            if stated and holder is None
            else f"the document says {ask.party_of(holder.key, holder.display)} controls "
            f"{council} after the election; "
            if holder is not None
            else (
                f"the document doesn't give {council}'s make-up after the election, so control "
                "can't be worked out; "
            )
        )
        level = [r for r in rows if r.seats_won == top.seats_won]
        if len(ask.facts.contests) == 1:  # one ward's result of a council's election
            contest = ask.facts.contests[0]
            text = f"{said}it has only {contest.ward}'s result. {who_won(ask, contest)}"
        elif len(level) > 1:
            names = join([ask.party_of(r.key, r.name) for r in level])
            text = (
                f"{said}{names} won the most seats contested, {top.seats_won} each (of "
                f"{summary.seats_contested})."
            )
        elif any(not c.declared for c in ask.facts.contests):  # votes still being counted
            text = f"{said}{noun} leads the count, with {plural(top.seats_won, 'seat')} won."
        else:
            text = (
                f"{said}{noun} won the most seats contested: {top.seats_won} of "
                f"{summary.seats_contested}."
            )
    if before is not None and ask.has(BEFORE_ELECTION) and not ask.has(AFTER_ELECTION):  # "before?"
        then = _control_text(ask, before, council)
        text = f"{then} before the election; after it, {uncapitalised(text)}"
    verdict = ""
    if ask.yes_no and ask.has(HUNG) and summary.control_known:  # "is the council hung?"
        verdict = "No — " if summary.control_key is not None else "Yes — "
    return headed(summary, with_verdict(verdict, sentence(text)))


@reply("council.declared")
def _declared(ask: Ask) -> Answer:
    """Which wards have declared and which are still to, while an election is counted."""
    summary = ask.summary()
    contests = ask.facts.contests
    declared_seats, seats, waiting = count_state(ask.facts)
    done = [c for c in contests if c.declared]
    title = ask.election.title
    if not waiting:
        verdict = "No — " if ask.yes_no and ask.has(NOT_YET) else ""
        return headed(
            summary,
            with_verdict(
                verdict,
                f"Every ward of the {title} has declared: all {plural(seats, 'seat')}, in "
                f"{plural(len(contests), 'ward')}.",
            ),
        )
    state = f"{declared_seats} of the {seats} seats are declared"
    if ask.has(NOT_YET):
        names = join([c.ward for c in waiting][:MAX_LISTED])
        verdict = "Yes — " if ask.yes_no else ""
        text = (
            f"{verdict}{plural(len(waiting), 'ward')} of the {title} "
            f"{'is' if len(waiting) == 1 else 'are'} still to declare: {names}; so far {state}."
        )
        return headed(summary, text)
    if not done:
        return headed(summary, f"No ward of the {title} has declared yet: 0 of the {seats} seats.")
    listed = join([f"{c.ward} ({_winners(c)})" for c in done][:MAX_LISTED])
    tally = _seats_won(summary.rows)
    text = (
        f"{plural(len(done), 'ward')} of the {title} {'has' if len(done) == 1 else 'have'} "
        f"declared ({declared_seats} of the {seats} seats): {listed}; seats so far: {tally}; "
        f"{plural(len(waiting), 'ward')} still to declare."
    )
    return headed(summary, text)


def _seats_won(rows: Sequence[PartyRow]) -> str:
    """`Reform UK 2, Labour 1`: each party that won seats, with how many."""
    return join([f"{r.name} {r.seats_won}" for r in rows if r.seats_won])


def _winners(contest: ContestResult) -> str:
    """The parties that won a declared ward ("Reform UK", "Labour and Green")."""
    return join(list({s.party.key: s.party.display for s in contest.elected}.values())) or (
        "no winner"
    )


@reply("council.winners")
def _elected(ask: Ask) -> Answer:
    """Everyone elected, ward by ward, with each party's seats in the headline."""
    if (one := _by_election(ask)) is not None:
        return one
    contests = ask.facts.contests
    declared = [c for c in contests if c.declared]
    elected = sum(len(c.elected) for c in declared)
    tally = _seats_won(ask.summary().rows)
    text = (
        f"{plural(elected, 'councillor')} {were(elected)} elected in "
        f"{plural(len(declared), 'ward')} in the {ask.election.title}"
    )
    text += f": {tally}" if tally else ""
    if len(declared) < len(contests):  # election night
        text += f"; {plural(len(contests) - len(declared), 'ward')} still to declare"
    lines = [f"{c.ward}: {_elected_in(c)}" for c in contests]
    return _fact(ask, "Elected", lines, text + ".")


def _elected_in(contest: ContestResult) -> str:
    """`Maurice Burgess (LD, 1,512), Ann Jackman (LD, 1,464)`, or why no one is listed."""
    if not contest.declared:
        return "not declared yet"
    if not contest.elected:
        return "no one elected outright (a tie for the last seat)"
    return ", ".join(
        f"{s.name} ({s.party.short}, {'unopposed' if s.votes is None else num(s.votes)})"
        for s in contest.elected
    )


@reply("council.sweep")
def _sweep(ask: Ask) -> Answer:
    """Whether one party won every seat contested: yes naming it, or no with the split."""
    if (one := _by_election(ask)) is not None:
        return one
    summary = ask.summary()
    rows = sorted((r for r in summary.rows if r.seats_won), key=lambda r: (-r.seats_won, r.name))
    contested = summary.seats_contested
    won = sum(r.seats_won for r in rows)
    if not rows:
        return headed(summary, f"No seats are declared in the {ask.election.title} document.")
    if len(rows) == 1:
        noun = ask.party_of(rows[0].key, rows[0].name)
        if won == contested:
            text = (
                f"Yes — {noun} won all {plural(won, 'seat')} contested in the {ask.election.title}."
            )
        else:  # seats still to declare, or left open by a tie
            text = (
                f"{noun} won all {plural(won, 'seat')} declared so far, of {contested} contested "
                f"in the {ask.election.title}."
            )
        return headed(summary, text)
    split = _seats_won(rows)
    return headed(
        summary,
        f"No — no party won every seat: the {plural(won, 'seat')} "
        f"{'declared' if won < contested else 'contested'} went to {split}.",
    )


def _control_text(ask: Ask, before: ControlBefore, council: str) -> str:
    """Who controlled the council just before the election, with the seats where they show it."""
    held = (
        f" ({before.seats[before.party]} of the {before.size} seats)"
        if before.party is not None and not before.stated
        else ""
    )
    if before.party is None:
        return f"{council} was under no overall control"
    return f"{ask.party_of(before.party, before.name or before.party)} controlled {council}{held}"


def _who_lost(ask: Ask, moves: SeatChanges | None) -> str:
    """The sitting councillors who stood again and lost, then those re-elected for another
    party and the seats whose councillor did not stand again. Sitting is as the document marks
    it (`Jo Bloggs*`: councillors elected at by-elections or in years not loaded) and as each
    ward's previous loaded contest shows (councillors the document leaves unmarked)."""
    contests = ask.facts.contests
    marked = _marked(contests)
    lost = [
        (s.name, s.party.display, c.ward)
        for s, c in marked
        if not s.elected and not s.tied and c.declared
    ]
    again: list[SeatMove] = []
    retired: list[SeatMove] = []
    if moves is not None:
        lost += [
            (m.previous, m.from_party.display if m.from_party else "party unknown", m.ward)
            for m in moves.moves
            if m.standing == "defeated" and m.previous
        ]
        again = [m for m in moves.moves if m.standing == "re-elected"]
        marked_lost = {c.ward for s, c in marked if not s.elected}  # the sitting one stood
        retired = [
            m for m in moves.moves if m.standing == "not standing" and m.ward not in marked_lost
        ]
    named = _in_ward_order(contests, lost)
    basis = _sitting_basis(marked, compared(moves) if moves is not None else None)
    verdict = ("Yes — " if named else "No — ") if ask.yes_no else ""
    if named:
        text = f"{basis}, {plural(len(named), 'sitting councillor')} lost their seats: "
        text += f"{join(at_most(named, 10))}."
    else:
        text = f"{basis}, no sitting councillor who stood again lost their seat."
    if again:
        text += f" Re-elected for another party: {join(at_most(_switchers(again), 5))}."
    if retired:
        text += (
            f" {plural(len(retired), 'more seat')} changed hands where the councillor did not "
            "stand again in that ward."
        )
    return with_verdict(verdict, sentence(text))


def _in_ward_order(
    contests: Sequence[ContestResult], people: list[tuple[str, str, str]]
) -> list[str]:
    """`Name (Party, Ward)` for each (name, party, ward), a person once (the first mention:
    the document's mark before the previous contest), in the document's ward order."""
    order = {c.ward: n for n, c in enumerate(contests)}
    found: dict[str, tuple[int, str]] = {}
    for name, party, ward in people:
        found.setdefault(normalize(name), (order.get(ward, 0), f"{name} ({party}, {ward})"))
    return [text for _, text in sorted(found.values())]


def _marked(contests: Sequence[ContestResult]) -> list[tuple[Standing, ContestResult]]:
    """The candidates the document marks as sitting councillors."""
    return [(s, c) for c in contests for s in c.standings if s.incumbent]


def _sitting_basis(marked: list[tuple[Standing, ContestResult]], compared: str | None) -> str:
    """Whom the answer counts as sitting: as the document marks them, as each ward's previous
    loaded contest shows (`compared`, how many wards have one), or both."""
    if marked and compared is not None:
        return (
            "Counting the councillors the document marks as sitting and each ward's previous "
            "loaded winners"
        )
    if marked:
        return f"Of the {plural(len(marked), 'sitting councillor')} the document marks"
    assert compared is not None
    return sentence(compared)


@reply("council.reelected")
def _reelected(ask: Ask) -> Answer:
    """Sitting councillors elected again: as the document marks them, and the winners of each
    ward's previous loaded contest who won it again."""
    summary = ask.summary()
    from knowledge.history.changes import returned  # the history only for this question

    contests = ask.facts.contests
    marked = _marked(contests)
    kept = [(s.name, s.party.display, c.ward) for s, c in marked if s.elected]
    earlier = returned(ask.store, ask.election.id)
    kept += [
        (name, party.display, ward) for name, ward, party in (earlier.names if earlier else ())
    ]
    if not marked and earlier is None:
        text = (
            f"The {ask.election.title} document doesn't mark sitting councillors and no earlier "
            "election of the council is loaded, so I can't tell who was re-elected."
        )
        return headed(summary, text)
    wards = wards_compared(earlier.compared, len(contests)) if earlier is not None else None
    basis = _sitting_basis(marked, wards)
    named = _in_ward_order(contests, kept)
    verdict = ("Yes — " if named else "No — ") if ask.yes_no else ""
    if named:
        text = f"{basis}, {plural(len(named), 'councillor')} {were(len(named))} re-elected: "
        text += f"{join(at_most(named, 12))}."
    else:
        text = f"{basis}, no sitting councillor was re-elected."
    return headed(summary, with_verdict(verdict, text))


@reply("council.switched")
def _switched(ask: Ask) -> Answer:
    """Councillors re-elected for another party than the one they won the seat for."""
    summary = ask.summary()
    moves = moves_of(ask)
    if moves is None:
        text = (
            f"No ward of the {ask.election.title} has an earlier loaded contest, so I can't tell "
            "who changed party."
        )
        return headed(summary, text)
    again = [m for m in moves.moves if m.standing == "re-elected"]
    if not again:
        text = f"{compared(moves)}, no councillor was re-elected for another party"
        return headed(summary, with_verdict("No — " if ask.yes_no else "", sentence(text) + "."))
    count = plural(len(again), "councillor")
    text = (
        f"{compared(moves)}, {count} {were(len(again))} re-elected for another party: "
        f"{join(at_most(_switchers(again), 10))} (a councillor who changed party without "
        "standing again can't be seen)"
    )
    return headed(summary, with_verdict("Yes — " if ask.yes_no else "", sentence(text) + "."))


def _switchers(moves: list[SeatMove]) -> list[str]:
    """`Jeff Sumner (Rosehill with Burnley Wood, Liberal Democrats → Reform UK)`."""
    return [
        f"{m.previous} ({m.ward}, "
        + (f"{m.from_party.display} → " if m.from_party else "")
        + f"{m.to_party.display})"
        for m in moves
    ]


def _moves_by_party(ask: Ask, moves: SeatChanges) -> str:
    """Each party's seats gained and lost, counted seat by seat (no council after is given)."""
    rows = sorted(moves.net().values(), key=lambda r: (r[2] - r[1], -r[1], r[0].display))
    parts = []
    for party, won, lost in rows:
        noun = ask.party_of(party.key, party.display)
        if won and lost:
            parts.append(f"{noun} gained {won} and lost {lost}")
        elif won:
            parts.append(f"{noun} gained {plural(won, 'seat')}")
        else:
            parts.append(f"{noun} lost {plural(lost, 'seat')}")
    if not parts:
        return f"{compared(moves)}, no seat changed hands."
    return (
        f"{compared(moves)}, {join(parts)} (the document doesn't give the council after the "
        "election)."
    )


@reply("council.threshold")
def _threshold(ask: Ask) -> Answer:
    summary = ask.summary()
    council = ask.election.council
    if summary.majority_threshold is None:
        text = f"The document doesn't give {council}'s size, so the majority can't be worked out."
    elif summary.council_size is None:
        text = f"A majority on {council} needs {summary.majority_threshold} seats."
    else:
        text = (
            f"A majority on {council} needs {summary.majority_threshold} of the "
            f"{summary.council_size} seats."
        )
    return headed(summary, text)


@reply("council.seats")
def _seats(ask: Ask) -> Answer:
    summary = ask.summary()
    council = ask.election.council
    if summary.whole_council:
        text = (
            f"All {summary.seats_contested} seats on {council} were up for election, in "
            f"{plural(summary.wards, 'ward')}."
        )
    else:
        text = (
            f"{plural(summary.seats_contested, 'seat')} {were(summary.seats_contested)} "
            f"contested in the {ask.election.title}, in {plural(summary.wards, 'ward')}"
        )
        text += f"; the council has {summary.council_size} seats." if summary.council_size else "."
    return headed(summary, text)


@reply("council.date")
def _date(ask: Ask) -> Answer:
    summary = ask.summary()
    when = date_text(ask.election)
    if when:
        title = ask.election.title.removesuffix(f", {when}")  # "The Mill by-election, 15 ..."
        text = f"The {title} was held on {when}."
    elif ask.election.year:
        text = f"The document gives no exact date; it is the {ask.election.year} election."
    else:
        text = "The document gives no date for this election."
    return headed(summary, text)


@reply("council.changes")
def _changes(ask: Ask) -> Answer:
    """ "Who lost their seat?", "what changed?": seats gained and lost, party by party."""
    summary = ask.summary()
    rows = [r for r in summary.rows if r.change is not None]
    who = ""
    if ask.has(LOSE) and (ask.has(WHO) or ask.has(REPRESENT) or ask.has(SITTING)):
        moves = moves_of(ask)
        if moves is not None or _marked(ask.facts.contests):  # who held each seat is known
            return headed(summary, _who_lost(ask, moves))
        who = "The document doesn't say who held each seat before, so I can't name councillors "
        who += "who lost theirs; by party, "
    if not rows:
        stated = since_last_election(ask.election, ask.store.book)
        if stated:
            parts = [
                change_clause(s, ask.party_of(s.party.key, s.party.display))
                + (f" ({s.then} → {s.now})" if s.then is not None and s.now is not None else "")
                for s in sorted(stated.values(), key=lambda s: (-s.change, s.party.display))
            ]
            return headed(summary, sentence(f"{who}{LAST_BASIS}: {join(parts)}."))
        moves = moves_of(ask)
        if moves is None:
            return headed(summary, NO_CHANGES)
        return headed(summary, sentence(who + _moves_by_party(ask, moves)))
    parts = []
    for row in sorted(rows, key=lambda r: (-(r.change or 0), r.name)):
        noun = ask.party_of(row.key, row.name)
        change = row.change or 0
        moved = f"{row.seats_before} → {row.seats_after}"
        if change > 0:
            parts.append(f"{noun} gained {plural(change, 'seat')} ({moved})")
        elif change < 0:
            parts.append(f"{noun} lost {plural(-change, 'seat')} ({moved})")
        else:
            parts.append(f"{noun} neither gained nor lost ({moved})")
    text = f"{who}{join(parts)}."
    return headed(summary, sentence(text))


@reply("council.composition")
def _composition(ask: Ask) -> Answer:
    if (one := _by_election(ask)) is not None:  # "what happened in the by-election"
        return one
    summary = ask.summary()
    after = [r for r in summary.rows if r.seats_after is not None]
    if after:
        parts = [f"{r.name} {r.seats_after}" for r in after if r.seats_after]
        text = f"After the election {ask.election.council} had {join(parts)}."
    else:
        where = (
            "" if summary.whole_council else " (the seats contested; the full council isn't given)"
        )
        text = f"Seats won in the {ask.election.title}{where}: {_seats_won(summary.rows)}."
    return headed(summary, text)


@reply("council.total_votes")
def _total_votes(ask: Ask) -> Answer:
    summary = ask.summary()
    counted = [c for c in ask.facts.contests if c.declared]
    wards = (
        f"the {plural(summary.wards, 'ward')}"
        if len(counted) == summary.wards
        else f"the {plural(len(counted), 'declared ward')} (of {summary.wards})"
    )
    text = f"{num(summary.total_votes)} votes were cast across {wards} in the {ask.election.title}"
    multi = any(c.seats > 1 for c in ask.facts.contests)
    text += " (in multi-seat wards each voter could cast several)." if multi else "."
    return headed(summary, text)


@reply("council.turnout")
def _turnout(ask: Ask) -> Answer:
    summary = ask.summary()
    contests = ask.facts.contests
    given = [c for c in contests if c.turnout is not None or c.turnout_percent is not None]
    if summary.turnout is not None:
        text = f"Turnout in the {ask.election.title} was {num(summary.turnout)} across the wards."
        if len(contests) == 1 and contests[0].turnout_percent is not None:
            text = text[:-1] + f" ({contests[0].turnout_percent:.1f}%)."
        elif (mean := _mean_percent(contests)) is not None:
            text = text[:-1] + f" (an average of {mean:.1f}% a ward)."
    elif len(contests) > 1 and (mean := _mean_percent(contests)) is not None:
        ranked = sorted(contests, key=lambda c: (c.turnout_percent or 0.0, c.ward))
        low, high = ranked[0], ranked[-1]
        text = (
            f"Turnout in the {ask.election.title} averaged {mean:.1f}% across its "
            f"{len(contests)} wards, from {low.turnout_percent:.1f}% in {low.ward} to "
            f"{high.turnout_percent:.1f}% in {high.ward}."
        )
    elif given:
        text = (
            f"The document gives turnout for {len(given)} of the {len(contests)} wards; "
            "ask about a ward for its figure."
        )
    elif not summary.counted:
        text = f"The {ask.election.title} document gives no turnout figures, and {NO_COUNTS}."
    else:
        text = (
            f"The {ask.election.title} document gives no turnout figures; "
            f"{num(summary.total_votes)} votes were cast across {plural(summary.wards, 'ward')}."
        )
    return headed(summary, text)


def _mean_percent(contests: Sequence[ContestResult]) -> float | None:
    """The mean of the wards' turnout percentages, when every ward gives one."""
    figures = [c.turnout_percent for c in contests]
    if not figures or any(f is None for f in figures):
        return None
    return sum(f for f in figures if f is not None) / len(figures)


@reply("council.candidates")
def _candidates(ask: Ask) -> Answer:
    summary = ask.summary()
    total = sum(r.candidates for r in summary.rows)
    parts = [f"{r.name} {r.candidates}" for r in summary.rows if r.candidates]
    text = (
        f"{plural(total, 'candidate')} stood for {plural(summary.seats_contested, 'seat')}: "
        f"{join(parts)}."
    )
    return headed(summary, text)


def _fact(ask: Ask, title: str, lines: list[str], headline: str) -> FactAnswer:
    return FactAnswer(
        headline=headline,
        election=compose.election_ref(ask.election),
        title=title,
        lines=tuple(lines),
        colour=NEUTRAL_COLOUR,
    )


def _seats_text(ask: Ask, contest: ContestResult) -> str:
    parts = []
    for key, count in contest.seats_by_party:
        display = next(s.party.display for s in contest.standings if s.party.key == key)
        parts.append(f"{display} {count}")
    return ", ".join(parts) or "no seat decided"


@reply("council.wards")
def _wards(ask: Ask) -> Answer:
    contests = ask.facts.contests
    lines = [f"{c.ward}: {_seats_text(ask, c)}" for c in contests]
    names = at_most([c.ward for c in contests], MAX_LISTED)
    count = plural(len(contests), "ward")
    headline = f"{count} {were(len(contests))} contested: {join(names)}."
    return _fact(ask, "Wards", lines, headline)


@reply("council.split")
def _split(ask: Ask) -> Answer:
    split = ask.facts.split_wards
    lines = [f"{c.ward}: {_seats_text(ask, c)}" for c in split]
    parties = _parties_asked(ask)
    if parties is not None:  # "did any ward elect 3 different parties"
        many = [c for c in split if len(c.seats_by_party) >= parties]
        listed = join([f"{c.ward} ({_seats_text(ask, c)})" for c in (many or split)])
        if many:
            text = f"{plural(len(many), 'ward')} elected {parties} or more parties: {listed}."
        else:
            text = f"no ward elected {parties} or more parties" + (
                f"; the split {'ward' if len(split) == 1 else 'wards'}: {listed}." if split else "."
            )
        verdict = ("Yes — " if many else "No — ") if ask.yes_no else ""
        return _fact(ask, "Split wards", lines, with_verdict(verdict, sentence(text)))
    if not split:
        headline = "No ward was split: every ward's seats went to a single party."
        headline = ("No — " + headline[0].lower() + headline[1:]) if ask.yes_no else headline
    else:
        listed = join([f"{c.ward} ({_seats_text(ask, c)})" for c in split])
        verb = "was" if len(split) == 1 else "were"
        headline = f"{plural(len(split), 'ward')} {verb} split between parties: {listed}."
        headline = ("Yes — " if ask.yes_no else "") + headline
    return _fact(ask, "Split wards", lines, headline)


def _parties_asked(ask: Ask) -> int | None:
    """The number of parties a split question asks about ("3 different parties", "split three
    ways"), when it asks about more than two."""
    if not ask.has(("parties", "different parties", "ways", "different")):
        return None
    named = [n for n in ask.numbers if 2 < n < 10]
    named += [n for word, n in NUMBER_WORDS.items() if n > 2 and word in ask.present]
    return named[0] if named else None


@reply("council.ties")
def _ties(ask: Ask) -> Answer:
    """Ties for the last seat (undecided, or decided by lot as the source states), then, unless
    the question is about the last seat, candidates level on votes anywhere else."""
    ties = ask.facts.ties
    lines = [
        f"{c.ward}: {join([t.name for t in c.tied])} on {num(c.tied[0].votes or 0)} votes"
        for c in ties
    ]
    by_lot = [c for c in ask.facts.contests if c.decided_by_lot]
    lines += [
        f"{c.ward}: the last seat, {drawn(c)}, "
        f"decided by lot ({join([s.name for s in c.standings if s.by_lot])} won the draw)"
        for c in by_lot
    ]
    level = [(c, groups) for c in ask.facts.contests if (groups := level_elsewhere(c))]
    if not ties and not by_lot and level and not ask.has(LAST_SEAT):
        lines = [f"{c.ward}: {'; '.join(describe(g) for g in groups)}" for c, groups in level]
        headline = (
            f"{'Yes — c' if ask.yes_no else 'C'}andidates were level on votes in "
            f"{plural(len(level), 'ward')}, though no seat was left undecided: {join(lines)}."
        )
    elif not ties and not by_lot:
        headline = "There was no tie for the last seat in any ward."
        headline = ("No — " + headline[0].lower() + headline[1:]) if ask.yes_no else headline
    else:
        listed = join(lines)
        count = len(ties) + len(by_lot)
        headline = f"{plural(count, 'ward')} had a tie for the last seat: {listed}."
        headline = ("Yes — " if ask.yes_no else "") + headline
    return _fact(ask, "Ties at the last seat", lines, headline)


@reply("council.unopposed")
def _unopposed(ask: Ask) -> Answer:
    unopposed = [c for c in ask.facts.contests if c.unopposed]
    lines = [
        f"{c.ward}: {join([f'{s.name} ({s.party.display})' for s in c.elected])}" for c in unopposed
    ]
    if not unopposed:
        headline = "Every seat was contested: no one was elected unopposed."
        headline = ("No — every" + headline[5:]) if ask.yes_no else headline
    else:
        listed = "; ".join(lines)  # each ward's own list has "and" in it already
        verb = were(len(unopposed))
        headline = f"{plural(len(unopposed), 'ward')} {verb} not contested: {listed}."
        headline = ("Yes — " if ask.yes_no else "") + headline
    return _fact(ask, "Unopposed", lines, headline)


@reply("council.parties")
def _parties(ask: Ask) -> Answer:
    summary = ask.summary()
    stood = [r for r in summary.rows if r.candidates]
    parts = [f"{r.name} ({plural(r.candidates, 'candidate')})" for r in stood]
    count = plural(len(stood), "party", "parties")
    return headed(summary, f"{count} stood in the {ask.election.title}: {join(parts)}.")


@reply("help")
def _help(ask: Ask) -> Answer:
    base = help_answer()
    questions = examples(ask.store)
    shown = join([f"“{q}”" for q in questions], "or")
    return HelpAnswer(
        headline=f"Ask me about the election results in plain words, for example {shown}.",
        commands=base.commands,
        examples=questions + base.examples,
    )


@reply("elections")
def _elections(ask: Ask) -> Answer:
    """The loaded elections, narrowed to a council or a year the question names, and to
    by-elections when it asks for those."""
    store, election = ask.store, ask.election
    if ask.has(COUNCILS) and not ask.named:  # "which councils do you have"
        answer = compose.elections_answer(store, None)
        text = f"I have elections of {plural(store.council_count, 'council')}: "
        return headed(answer, f"{text}{loaded_councils(store)}.")
    ids: set[str] | None = None
    of = ""
    if ask.named and ask.has(("council",)):  # a council's name reads "council" (spotting)
        ids, of = set(store.ids_of_council(election.council_key)), f" of {election.council}"
    elif ask.named and election.year is not None:
        ids, of = set(store.ids_of_year(election.year)), f" from {election.year}"
    noun = "election"
    if ask.has(_BY_ELECTIONS):
        noun = "by-election"
        ids = {
            info.id
            for info in store.catalog
            if info.kind == noun and (ids is None or info.id in ids)
        }
    answer = compose.elections_answer(store, ids)
    titles = [row.ref.title for row in answer.elections]
    if not titles:
        return headed(answer, f"No {noun}{of} is loaded.")
    shown = join(titles[:MAX_LISTED])
    more = f" and {len(titles) - MAX_LISTED} more" if len(titles) > MAX_LISTED else ""
    count = plural(len(titles), noun)
    if ids is None:
        return headed(answer, f"I have {count} loaded: {shown}{more}.")
    return headed(
        answer, f"{count}{of} {'is' if len(titles) == 1 else 'are'} loaded: {shown}{more}."
    )


_BY_ELECTIONS: Final = ("by election", "by elections", "byelection", "byelections")
