"""The running summary of a count: seats so far, the race for a majority, control once certain.

Control is called only when it is arithmetically settled: a party already holds a majority of
the whole council, or no party can reach one even by winning every seat still to declare. Until
then the summary says what each contender needs ("Labour needs 4 of the 9 undeclared seats").
"""

from __future__ import annotations

from collections import Counter

from knowledge.facts import contest_result
from knowledge.night.models import Declaration, FollowedElection, NightSummary, PartySeats
from knowledge.numbers import plural
from knowledge.parties import Party, PartyBook

CONTENDERS_SHOWN = 3


def winners(declaration: Declaration, book: PartyBook) -> tuple[tuple[str, Party], ...]:
    """(name, party) of each winner: as stated by the source, else the top N by votes.

    A tie for the last seat that the source did not settle leaves that seat out.
    """
    contest = declaration.contest
    if declaration.winners_stated:
        return tuple((c.name, book.lookup(c.party)) for c in contest.candidates if c.elected)
    result = contest_result("night", contest, book)
    return tuple((s.name, s.party) for s in result.standings if s.elected)


def night_summary(followed: FollowedElection, book: PartyBook) -> NightSummary:
    """The summary of everything declared so far."""
    seats_of = {e.ballot_paper_id: e.seats for e in followed.expected}
    for declaration in followed.declared:
        seats_of[declaration.ballot_paper_id] = declaration.contest.seats
    total_seats = sum(seats_of.values())
    declared_seats = sum(d.contest.seats for d in followed.declared)
    undeclared = max(0, total_seats - declared_seats)

    won: Counter[str] = Counter()
    parties: dict[str, Party] = {}
    for declaration in followed.declared:
        for _name, party in winners(declaration, book):
            won[party.key] += 1
            parties.setdefault(party.key, party)
    continuing: Counter[str] = Counter()
    for written, seats in followed.continuing:
        party = book.lookup(written)
        continuing[party.key] += seats
        parties.setdefault(party.key, party)

    council_size = followed.council_size or total_seats + sum(continuing.values())
    majority = council_size // 2 + 1
    rows = []
    for key, party in parties.items():
        total = won[key] + continuing[key]
        needs = max(0, majority - total)
        rows.append(
            PartySeats(
                party=party,
                seats=won[key],
                continuing=continuing[key],
                needs=needs,
                can_reach=needs <= undeclared,
            )
        )
    rows.sort(key=lambda r: (-r.total, -r.seats, r.party.display))
    control = next((r.party.key for r in rows if r.needs == 0), None)
    # a party with no seat yet could still sweep the rest: only impossible when too few remain
    nobody_can = all(not r.can_reach for r in rows) and undeclared < majority
    return NightSummary(
        election_id=followed.election_id,
        title=followed.title,
        declared_contests=len(followed.declared),
        total_contests=followed.total_contests,
        declared_seats=declared_seats,
        total_seats=total_seats,
        undeclared_seats=undeclared,
        council_size=council_size,
        majority=majority,
        parties=tuple(rows),
        control=control,
        no_overall_control=control is None and nobody_can,
        final=followed.complete,
        winners_not_stated=tuple(d.ward for d in followed.declared if not d.winners_stated),
    )


def progress_line(summary: NightSummary) -> str:
    """`12 of 17 wards declared (36 of 51 seats)`."""
    return (
        f"{summary.declared_contests} of {plural(summary.total_contests, 'ward')} declared "
        f"({summary.declared_seats} of {plural(summary.total_seats, 'seat')})"
    )


def race_lines(summary: NightSummary) -> tuple[str, ...]:
    """The majority line and who can still reach it, or control once it is certain."""
    line = f"Majority: {plural(summary.majority, 'seat')} of {summary.council_size}."
    if summary.control is not None:
        holder = next(r for r in summary.parties if r.party.key == summary.control)
        return (
            line,
            f"{holder.party.display} has won control of the council "
            f"({plural(holder.total, 'seat')}).",
        )
    if summary.no_overall_control:
        return (line, "No overall control: no party can reach a majority now.")
    if summary.final:
        return (line, "No overall control.")
    contenders = [r for r in summary.parties if r.can_reach][:CONTENDERS_SHOWN]
    lines = [line]
    for row in contenders:
        lines.append(
            f"{row.party.display} needs {row.needs} of the "
            f"{plural(summary.undeclared_seats, 'undeclared seat')}."
        )
    if not contenders and summary.undeclared_seats >= summary.majority:
        lines.append(
            f"Any party winning {summary.majority} of the "
            f"{plural(summary.undeclared_seats, 'undeclared seat')} would have a majority."
        )
    return tuple(lines)
