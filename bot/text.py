"""Answers as plain text for the terminal: the offline console and `python -m bot ask`.

Pure functions: an answer in, a string out. Discord embeds are built separately in
`bot/embeds.py`; both read the same typed answers.
"""

from __future__ import annotations

from typing import assert_never

from bot import history_text
from knowledge.answers import (
    AmbiguousAnswer,
    Answer,
    CandidateAnswer,
    CandidateLine,
    ClosestAnswer,
    ElectionsAnswer,
    FactAnswer,
    HelpAnswer,
    MarginRow,
    NotFoundAnswer,
    PartyAnswer,
    RankingAnswer,
    SummaryAnswer,
    WardAnswer,
)
from knowledge.history.answers import (
    CouncilHistoryAnswer,
    CouncillorsAnswer,
    PartyHistoryAnswer,
    PersonHistoryAnswer,
    WardHistoryAnswer,
)
from knowledge.numbers import ordinal, percent, plural, signed, votes

_MAX_NAME = 40


def render(answer: Answer) -> str:
    """The whole answer as text, ending with its source where it has one."""
    lines = _lines(answer)
    if answer.headline:
        lines = [answer.headline, "", *lines]
    election = getattr(answer, "election", None)
    others = getattr(answer, "other_elections", ())
    if others:
        more = getattr(answer, "more_elections", 0)
        lines.append(
            "Also in: "
            + ", ".join(f"{e.id} ({e.title})" for e in others)
            + (f" and {more} more" if more else "")
        )
    if election is not None and hasattr(election, "citation"):
        lines.append(election.citation)
    return "\n".join(lines).rstrip() + "\n"


def _name(text: str) -> str:
    return text if len(text) <= _MAX_NAME else text[: _MAX_NAME - 1] + "…"


def _candidate_rows(candidates: tuple[CandidateLine, ...]) -> list[str]:
    width = max((len(_name(c.name)) for c in candidates), default=10)
    party_width = max((len(_name(c.party)) for c in candidates), default=10)
    vote_width = max((len(votes(c.votes)) for c in candidates), default=5)
    rows = []
    for c in candidates:
        mark = "✔" if c.elected else ("=" if c.tied else " ")
        status = " elected" if c.elected else (" tied for the last seat" if c.tied else "")
        if c.by_lot:
            status = " elected (tied last seat decided by lot)"
        rows.append(
            f"  {mark} {_name(c.name):<{width}}  {_name(c.party):<{party_width}}  "
            f"{votes(c.votes):>{vote_width}}  {percent(c.share):>6}{status}"
        )
    return rows


def _ward(a: WardAnswer) -> list[str]:
    kind = "by-election" if a.by_election else plural(a.seats, "seat")
    lines = [f"{a.ward} — {a.election.title} ({kind})", ""]
    lines += _candidate_rows(a.candidates)
    lines.append("")
    if a.unopposed:
        lines.append("Elected unopposed: no more candidates than seats.")
    elif not a.declared:
        lines.append("Results not declared yet: the source lists the candidates without votes.")
    elif a.lot:
        won = " and ".join(c.name for c in a.candidates if c.by_lot)
        lines.append(
            f"Tie for the last seat, decided by lot: {won} won the draw, "
            "as the source document states."
        )
    elif a.tie and a.tied:
        names = " and ".join(c.name for c in a.tied)
        lines.append(
            f"Tie for the last seat: {names} have {votes(a.tied[0].votes)} votes each; "
            "the document's figures do not decide it (ties are settled by lot)."
        )
    elif a.majority is not None:
        lines.append(
            f"Majority: {votes(a.majority)} ({percent(a.majority_percent)}) — "
            "last winner over the first runner-up."
        )
    winners = ", ".join(f"{s.party} {s.seats}" for s in a.seats_by_party)
    if winners:
        lines.append(f"Seats: {winners}" + (" (split ward)" if a.split else ""))
    if a.unopposed and not a.total_votes:
        lines.append("No poll was held, so no votes were cast.")
    elif not a.counted:
        lines.append("The source names the winners without vote counts.")
    elif a.declared:
        lines.append(f"Votes cast: {votes(a.total_votes)}. Shares are the {a.share_rule}.")
    if a.turnout is not None or a.turnout_percent is not None:
        extra = f" ({percent(a.turnout_percent)})" if a.turnout_percent is not None else ""
        lines.append(f"Turnout: {votes(a.turnout)}{extra}")
    if a.electorate is not None:
        lines.append(f"Registered electors: {votes(a.electorate)}")
    for outcome in a.outcomes:
        lines.append(outcome)
    lines += history_text.last_time_lines(a.last_time, a.history_note)
    return lines


def _candidate(a: CandidateAnswer) -> list[str]:
    c = a.candidate
    if c.elected:
        verdict = "elected"
    elif c.tied:
        verdict = "tied for the last seat (not decided by the figures)"
    else:
        verdict = "not elected"
    if c.by_lot:
        verdict = "elected (the tied last seat was decided by lot)"
    if not a.result.declared:
        stood = plural(len(a.result.candidates), "candidate")
        result = f"Standing: the count is not declared yet ({stood} for {plural(a.seats, 'seat')})."
    elif not a.result.counted:
        result = (
            f"{verdict.capitalize()} ({plural(len(a.result.candidates), 'candidate')} for "
            f"{plural(a.seats, 'seat')}); the source gives no vote counts."
        )
    elif c.elected and c.votes is None:
        result = (
            f"Elected unopposed (no poll): {plural(len(a.result.candidates), 'candidate')} "
            f"for {plural(a.seats, 'seat')}."
        )
    else:
        result = (
            f"{verdict.capitalize()}: {votes(c.votes)} votes ({percent(c.share)}), "
            f"{ordinal(c.position)} of {len(a.result.candidates)} for {plural(a.seats, 'seat')}."
        )
    lines = [f"{c.name} ({c.party}) — {c.ward}, {a.election.title}", result]
    if a.margin is not None:
        if c.elected:
            lines.append(f"Won by {votes(a.margin)} votes over the first runner-up.")
        elif not c.tied:
            lines.append(f"{votes(a.margin)} votes short of the last winner.")
    if c.votes is not None:
        lines.append(f"Share: {a.result.share_rule}.")
    lines += ["", f"{a.result.ward} result:", *_candidate_rows(a.result.candidates)]
    for other in a.elsewhere:
        result = "elected" if other.elected else "not elected"
        lines.append(
            f"Also stood: {other.ward}, {other.election.title} ({other.party}), "
            f"{votes(other.votes)} votes, {result}"
        )
    if a.more_elsewhere:
        lines.append(f"… and {a.more_elsewhere} more candidacies under the same name.")
    lines += history_text.last_time_lines(a.result.last_time, a.result.history_note)
    return lines


def _party(a: PartyAnswer) -> list[str]:
    title = f"{a.party} — {a.election.title}"
    if not a.stood:
        return [title, f"{a.party} had no candidates in this election."]
    lines = [
        title,
        f"Seats won: {a.seats_won} of {a.seats_contested}"
        + (f" ({a.tied_seats} tied for a last seat)" if a.tied_seats else ""),
        f"Candidates: {a.candidates}",
        f"Votes: {votes(a.votes)} ({percent(a.vote_share)}; {a.share_rule})"
        if a.counted
        else "Votes: not given by the source",
    ]
    if a.seats_before is not None or a.seats_after is not None:
        lines.append(
            f"Council seats: {a.seats_before if a.seats_before is not None else '?'} before → "
            f"{a.seats_after if a.seats_after is not None else '?'} after, "
            f"change {signed(a.change)} ({a.change_baseline})"
        )
    if a.controls:
        lines.append(f"{a.party} controls the council.")
    if a.wards_won:
        lines.append("Wards won: " + ", ".join(f"{w} ({n})" for w, n in a.wards_won))
    if a.best:
        lines.append(f"Best candidate: {a.best.name} ({a.best.ward}), {votes(a.best.votes)} votes")
    if a.worst:
        lines.append(f"Lowest poll: {a.worst.name} ({a.worst.ward}), {votes(a.worst.votes)} votes")
    if a.winners:
        lines += ["", "Elected:"]
        lines += [f"  ✔ {_name(w.name)} — {w.ward}, {votes(w.votes)}" for w in a.winners]
    return lines


def _margin(row: MarginRow) -> str:
    if row.tie:
        return (
            f"{row.ward}: TIE — {row.last_winner.name} and {row.first_loser.name} level on "
            f"{votes(row.last_winner.votes)}"
        )
    return (
        f"{row.ward}: {votes(row.majority)} ({percent(row.majority_percent)}) — "
        f"{row.last_winner.name} ({row.last_winner.party_short}) over "
        f"{row.first_loser.name} ({row.first_loser.party_short})"
    )


def _summary(a: SummaryAnswer) -> list[str]:
    when = a.election.date.strftime("%-d %B %Y") if a.election.date else str(a.election.year or "")
    lines = [f"{a.election.title} ({when})", f"Control: {a.control_text}"]
    if a.majority_threshold:
        size = f" of {a.council_size}" if a.council_size else ""
        lines.append(f"Seats needed for a majority: {a.majority_threshold}{size}")
    lines.append(
        f"Seats contested: {a.seats_contested} in {plural(a.wards, 'ward')}"
        + ("" if a.whole_council else " (part of the council)")
    )
    lines.append("")
    name_width = max((len(r.name) for r in a.rows), default=10)
    lines.append(f"  {'Party':<{name_width}}  Won  Before  After  Change  Votes      Share")
    for r in a.rows:
        before = "" if r.seats_before is None else str(r.seats_before)
        after = "" if r.seats_after is None else str(r.seats_after)
        lines.append(
            f"  {r.name:<{name_width}}  {r.seats_won:>3}  {before:>6}  {after:>5}  "
            f"{signed(r.change) if r.change is not None else '':>6}  "
            + (
                f"{votes(r.votes):>9}  {percent(r.vote_share):>6}"
                if r.candidates and a.counted
                else f"{'—':>9}  {'—':>6}"
                if r.candidates
                else "  no candidates"
            )
        )
    lines.append("")
    lines.append(f"Council make-up shown: {a.composition_basis}; change {a.change_baseline}.")
    if a.counted:
        lines.append(
            f"Votes cast: {votes(a.total_votes)} (every vote in multi-seat wards counted)."
        )
    else:
        lines.append("The source names the winners without vote counts.")
    if a.turnout is not None:
        lines.append(f"Turnout: {votes(a.turnout)}")
    if a.split_wards:
        lines.append("Split wards: " + ", ".join(a.split_wards))
    if a.tie_wards:
        lines.append("Ties for a last seat: " + ", ".join(a.tie_wards))
    if a.undeclared_wards:
        lines.append(_undeclared(a))
    if a.closest:
        lines.append("Closest: " + "; ".join(_margin(r) for r in a.closest[:3]))
    return lines


def _undeclared(a: SummaryAnswer) -> str:
    shown = ", ".join(a.undeclared_wards[:12])
    more = len(a.undeclared_wards) - 12
    return (
        f"Not declared yet: {len(a.undeclared_wards)} of {plural(a.wards, 'ward')} "
        f"({shown}{f' and {more} more' if more > 0 else ''}); the figures above count "
        "declared wards only."
    )


def _closest(a: ClosestAnswer) -> list[str]:
    lines = [f"Most marginal wards — {a.election.title}"]
    lines += [f"  {n}. {_margin(r)}" for n, r in enumerate(a.closest, start=1)]
    lines += ["", "Safest wards:"]
    lines += [f"  {n}. {_margin(r)}" for n, r in enumerate(a.safest, start=1)]
    if a.unopposed:
        lines.append("Elected unopposed: " + ", ".join(a.unopposed))
    lines.append("Majority = last winner's votes minus the first runner-up's.")
    return lines


def _elections(a: ElectionsAnswer) -> list[str]:
    lines = ["Elections loaded:"]
    for row in a.elections:
        latest = " (latest)" if row.latest else ""
        lines.append(
            f"  {row.ref.id}: {row.ref.title}{latest} — {plural(row.wards, 'ward')}, "
            f"{plural(row.seats, 'seat')}, {plural(row.candidates, 'candidate')} "
            f"[{row.ref.source}]"
        )
    if not a.elections:
        lines.append("  none")
    for problem in a.problems:
        lines.append(f"  Not loaded: {problem}")
    return lines


def _help(a: HelpAnswer) -> list[str]:
    width = max(len(c.usage) for c in a.commands)
    lines = ["Commands:"]
    lines += [f"  {c.usage:<{width}}  {c.description}" for c in a.commands]
    lines += ["", "Options can be named: /ward name:Littleover election:derby-2002", "Examples:"]
    lines += [f"  {e}" for e in a.examples]
    lines.append("Or just ask a question, e.g.: who won in Boulton?")
    return lines


def _ranking(a: RankingAnswer) -> list[str]:
    lines = [f"{a.title} — {a.election.title}"]
    for row in a.lines:
        c = row.candidate
        lines.append(
            f"  {row.rank}. {c.name} ({c.party}, {c.ward}): {votes(c.votes)} votes"
            + (" ✔" if c.elected else "")
        )
    if a.note:
        lines.append(a.note)
    return lines


def _fact(a: FactAnswer) -> list[str]:
    return [f"{a.title} — {a.election.title}", *(f"  {line}" for line in a.lines)]


def _ambiguous(a: AmbiguousAnswer) -> list[str]:
    lines = [f"“{a.query}” could mean several {a.what}s. Which one?"]
    for option in a.options:
        detail = f" — {option.detail}" if option.detail else ""
        lines.append(f"  • {option.name}{detail}")
    if a.more:
        lines.append(f"  …and {a.more:,} more")
    # here, not at the top: a question's answer (the usual `ask`) never needs the commands
    from knowledge.commands import choice_option

    if a.options and a.what == "election":
        field = choice_option(a.command, "election")
        lines.append(f"Name it in the command, e.g. /{a.command} {field}:{a.options[0].key}")
    elif a.options:
        scope = f" election:{a.election}" if a.election else ""
        field = choice_option(a.command, a.what)
        named = "" if field == "name" else f"{field}:"
        lines.append(f"For example: /{a.command} {named}{a.options[0].name}{scope}")
    return lines


def _not_found(a: NotFoundAnswer) -> list[str]:
    lines = [a.message]
    for option in a.suggestions:
        detail = f" — {option.detail}" if option.detail else ""
        lines.append(f"  • {option.name}{detail}")
    if a.examples:
        lines.append("Try: " + " · ".join(a.examples[:3]))
    return lines


def _lines(answer: Answer) -> list[str]:
    """The text of each kind of answer; mypy checks that no kind is left out."""
    match answer:
        case WardAnswer():
            return _ward(answer)
        case CandidateAnswer():
            return _candidate(answer)
        case PartyAnswer():
            return _party(answer)
        case SummaryAnswer():
            return _summary(answer)
        case ClosestAnswer():
            return _closest(answer)
        case ElectionsAnswer():
            return _elections(answer)
        case HelpAnswer():
            return _help(answer)
        case RankingAnswer():
            return _ranking(answer)
        case FactAnswer():
            return _fact(answer)
        case AmbiguousAnswer():
            return _ambiguous(answer)
        case NotFoundAnswer():
            return _not_found(answer)
        case WardHistoryAnswer():
            return history_text.ward_history(answer)
        case PersonHistoryAnswer():
            return history_text.person_history(answer)
        case PartyHistoryAnswer():
            return history_text.party_history(answer)
        case CouncilHistoryAnswer():
            return history_text.council_history(answer)
        case CouncillorsAnswer():
            return history_text.councillors(answer)
        case _:
            assert_never(answer)
