"""History answers as plain text (the console and `python -m bot ask`); see `bot.text`.

Every line that compares elections names them; what the loaded data cannot settle is listed
under "Not known".
"""

from __future__ import annotations

from knowledge.history.answers import (
    CompositionRow,
    CouncilHistoryAnswer,
    CouncillorLine,
    CouncillorsAnswer,
    LastTime,
    PartyHistoryAnswer,
    PersonHistoryAnswer,
    WardHistoryAnswer,
    short,
)
from knowledge.numbers import percent, plural, votes


def last_time_lines(last: LastTime | None, note: str | None) -> list[str]:
    """The "last time" line under a ward result, with its data warnings."""
    if last is None:
        return [note] if note else []
    lines = [last.line]
    if last.swing:
        lines.append(f"Swing rule: {last.swing.rule}.")
    lines += [f"Data warning: {w}" for w in last.warnings]
    return lines


def _change(value: float | None) -> str:
    return "new" if value is None else f"{value:+.1f}"


def ward_history(a: WardHistoryAnswer) -> list[str]:
    lines = [f"{a.ward} — {a.council}: {plural(len(a.rows), 'loaded contest')}", ""]
    for n, row in enumerate(a.rows):
        kind = {"all-out": "all seats", "thirds": "by thirds", "by-election": "by-election"}
        head = f"{row.election.title} ({kind.get(row.via, row.via)}, {plural(row.seats, 'seat')})"
        lines.append(head)
        for seat in row.winners:
            detail = f" — {seat.reason}" if seat.outcome in ("hold", "gain") else ""
            change = f": {seat.text}{detail}" if len(a.rows) > 1 else ""
            lot = " (won by lot)" if seat.by_lot and not change else ""
            lines.append(f"  ✔ {seat.name} ({seat.party}), {votes(seat.votes)}{change}{lot}")
        earlier = short(a.rows[n - 1].election) if n else None
        shares = ", ".join(
            f"{s.party} {percent(s.share)}"
            + (f" ({_change(s.change)} since {earlier})" if earlier else "")
            for s in row.shares[:5]
        )
        lines.append(f"  Shares: {shares}")
        if row.boundary:
            lines.append(f"  Boundaries: {row.boundary}")
        if row.swing:
            lines.append(f"  Swing: {row.swing.text}")
        lines.append("")
    if a.rows and any(r.swing for r in a.rows):
        lines.append("Swing rule: " + next(r.swing.rule for r in a.rows if r.swing) + ".")
    lines.append("Shares: each party's share of all votes cast in the ward.")
    if a.holders:
        lines += ["", "Councillors now, by the loaded data:"]
        lines += [f"  {_councillor(h)}" for h in a.holders]
        lines += _terms(a.holders)
    lines += [f"{line}." for line in a.firsts]
    lines += _not_known(a.notes)
    lines += [f"Data warning: {w}" for w in a.warnings]
    return lines


def _councillor(h: CouncillorLine) -> str:
    """One holder; a term without an end year is said once under the list (`_terms`)."""
    ends = f", term due to end {h.term_ends} ({h.term_rule})" if h.term_ends else ""
    lot = " (won a tie by lot)" if h.by_lot else ""
    doubt = " — may have left: a by-election filled one seat here" if h.doubtful else ""
    return f"{h.name} ({h.party}), elected in the {h.elected.title}{lot}{ends}{doubt}"


def _terms(holders: tuple[CouncillorLine, ...]) -> list[str]:
    """When the terms without an end year end, said once per rule."""
    rules: dict[str, list[str]] = {}
    for h in holders:
        if not h.term_ends and h.term_rule:
            rules.setdefault(h.term_rule, []).append(h.name)
    if len(rules) == 1 and sum(map(len, rules.values())) == len(holders):
        return [f"  Terms: {next(iter(rules))}."]
    return [f"  Term of {', '.join(names)}: {rule}." for rule, names in rules.items()]


def _not_known(notes: tuple[str, ...]) -> list[str]:
    if not notes:
        return []
    return ["", "Not known from the loaded elections:", *(f"  • {n}" for n in notes)]


def councillors(a: CouncillorsAnswer) -> list[str]:
    seats = f"{plural(a.seats, 'seat')}" if a.seats else "seats not known"
    lines = [f"Councillors for {a.ward} ({a.council}, {seats}) — as of the {a.election.title}", ""]
    if a.holders:
        lines += [f"  {_councillor(h)}" for h in a.holders]
        lines += _terms(a.holders)
    else:
        lines.append("  No holder is known from the loaded elections.")
    lines += _not_known(a.missing)
    return lines


def person_history(a: PersonHistoryAnswer) -> list[str]:
    lines = [
        f"{a.name} — {a.council}: stood {plural(a.stood, 'time')}, elected {plural(a.won, 'time')}",
        f"({a.match_note})",
        "",
    ]
    for row in a.rows:
        result = (
            "elected"
            if row.elected
            else f"{row.position}th"
            if row.position > 3
            else ({1: "1st", 2: "2nd", 3: "3rd"}[row.position] + ", not elected")
        )
        seat = f" — {row.seat.text}" if row.seat else ""
        lines.append(
            f"  {row.election.title}: {row.ward}, {row.party}, {votes(row.votes)} votes "
            f"({percent(row.share)}), {result}{seat}"
        )
    if a.now:
        lines += ["", a.now]
    lines += [f"Doubt: {d}." for d in a.doubts]
    lines += _not_known(a.notes)
    return lines


def _composition(row: CompositionRow) -> str:
    seats = ", ".join(f"{p.party} {p.seats}" for p in row.parties) or "none known"
    if row.size:
        control = f"{row.control} majority" if row.control else "no overall control"
        return f"  {row.election.title}: {seats} ({row.size} seats; {control})"
    return f"  {row.election.title}: {seats} ({row.known} seats known)"


def party_history(a: PartyHistoryAnswer) -> list[str]:
    lines = [f"{a.party} — {a.council}, election by election", ""]
    for row in a.rows:
        held = f"; {row.seats_after} on the council after" if row.seats_after is not None else ""
        change = ""
        if row.share_change is not None:
            change = f" ({row.share_change:+.1f} pts)"
        lines.append(
            f"  {row.election.title}: won {row.seats_won} of {row.seats_contested} seats up, "
            f"{row.candidates} candidates, {votes(row.votes)} votes, "
            f"{percent(row.share)}{change}{held}"
        )
    lines.append(
        "Share: of all votes cast in the election; change against the election before, where "
        "the party stood in both."
    )
    if a.first_win:
        lines.append(f"First won a seat (of the loaded elections): {a.first_win}.")
        if a.last_win != a.first_win:
            lines.append(f"Last won a seat: {a.last_win}.")
    else:
        lines.append("Won no seat in the loaded elections.")
    lines += _not_known(a.notes)
    return lines


def council_history(a: CouncilHistoryAnswer) -> list[str]:
    lines = [f"{a.council} — the council after each loaded election", ""]
    lines += [_composition(r) for r in a.composition]
    bases: dict[str, list[str]] = {}
    for row in a.composition:
        bases.setdefault(row.basis, []).append(str(row.election.year or row.election.id))
    lines += [f"  {', '.join(years)}: {basis}." for basis, years in bases.items()]
    if a.firsts:
        lines += ["", "Seats won by party (of the loaded elections):"]
        lines += [f"  {f}" for f in a.firsts]
    if a.longest:
        lines += ["", "Longest-serving councillors by the loaded data:"]
        lines += [f"  {s}" for s in a.longest]
    lines += _not_known(a.notes)
    lines += [f"Data warning: {w}" for w in a.warnings]
    return lines
