"""Every Discord embed is built here, from the typed answers of `knowledge`.

Colours are the winning or controlling party's; winners are marked; votes carry thousands
separators and shares say how they were counted; every answer cites its election document in the
footer. All text is escaped (no live mentions, no stray markdown) and fitted to Discord's limits
(`bot.limits`), with a pointer to whatever had to be left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

import discord

from bot import history_embeds, limits
from bot.embed_basics import new_embed, safe
from knowledge.answers import (
    AmbiguousAnswer,
    Answer,
    CandidateAnswer,
    CandidateLine,
    ClosestAnswer,
    ElectionRef,
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
from knowledge.commands import ASK_COMMAND as ASK
from knowledge.history.answers import (
    CouncilHistoryAnswer,
    CouncillorsAnswer,
    PartyHistoryAnswer,
    PersonHistoryAnswer,
    WardHistoryAnswer,
)
from knowledge.numbers import ordinal, percent, plural, signed, votes

ERROR = 0xB00020
ELECTED = "✅"
TIED = "⚖️"
STOOD = "▫️"
PIN_MARKER = "📌 Council summary pinned by a moderator"


def render(answer: Answer) -> discord.Embed:
    """The embed for any answer, within Discord's limits."""
    embed = _build(answer)
    if answer.headline:
        body = f"**{safe(answer.headline)}**"
        embed.description = f"{body}\n\n{embed.description}" if embed.description else body
    return limits.fit(embed)


def is_private(answer: Answer) -> bool:
    """Real answers are public; "not found" goes only to the person who asked."""
    return isinstance(answer, NotFoundAnswer)


def error(title: str, text: str) -> discord.Embed:
    """A short private notice: a refusal, a cooldown, an apology."""
    return limits.fit(discord.Embed(title=title, description=text, colour=ERROR))


# Shared pieces --------------------------------------------------------------------------------


def _cite(
    embed: discord.Embed, ref: ElectionRef, others: Sequence[ElectionRef] = (), more: int = 0
) -> None:
    """Footer with the source document; other elections that have the same name are listed."""
    if others:
        lines = [f"{safe(o.title)} — `election:{o.id}`" for o in others]
        if more:
            lines.append(f"…and {more} more elections")
        embed.add_field(
            name="Also in",
            value=limits.join_within(lines, limits.FIELD_VALUE, "…and {n} more elections"),
            inline=False,
        )
    embed.set_footer(text=ref.citation)


def _candidate_line(c: CandidateLine, *, ward: bool = False) -> str:
    mark = ELECTED if c.elected else TIED if c.tied else STOOD
    where = f" ({safe(c.ward)})" if ward else ""
    note = " — tied for the last seat" if c.tied else ""
    if c.by_lot:
        note = " — won the tied last seat by lot"
    return (
        f"{mark} **{safe(c.name)}**{where} · {safe(c.party)} · "
        f"{votes(c.votes)} ({percent(c.share)}){note}"
    )


def _list_fields(
    embed: discord.Embed,
    title: str,
    lines: Sequence[str],
    more: str,
    *,
    max_fields: int = 3,
    budget: int = 3000,
) -> None:
    """Pack `lines` into up to `max_fields` fields of at most 1,024 characters; past that (or past
    `budget` characters) the last field ends with `more` (formatted with `n`, the rest)."""
    if not lines:
        return
    room = min(budget, limits.EMBED_TOTAL - len(embed) - 200)
    reserve = len(more.format(n=len(lines))) + 1  # the pointer must fit in the last field
    chunks: list[list[str]] = [[]]
    size = 0
    used = 0
    for line in lines:
        cost = len(line) + 1
        if used + cost > room:
            break
        if size + cost > limits.FIELD_VALUE - reserve:
            if len(chunks) == max_fields:
                break
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += cost
        used += cost
    shown = sum(len(c) for c in chunks)
    if shown < len(lines):
        chunks[-1].append(more.format(n=len(lines) - shown))
    for number, chunk in enumerate(chunks):
        name = title if number == 0 else f"{title} (continued)"
        value = limits.clip("\n".join(chunk), limits.FIELD_VALUE)
        embed.add_field(name=name, value=value or limits.BLANK, inline=False)


def _margin(row: MarginRow) -> str:
    if row.tie:
        return (
            f"**{safe(row.ward)}**: tie for the last seat — {safe(row.last_winner.name)} and "
            f"{safe(row.first_loser.name)} both on {votes(row.last_winner.votes)}"
        )
    return (
        f"**{safe(row.ward)}**: {votes(row.majority)} ({percent(row.majority_percent)}) — "
        f"{safe(row.last_winner.name)} ({safe(row.last_winner.party_short)}) over "
        f"{safe(row.first_loser.name)} ({safe(row.first_loser.party_short)})"
    )


# One builder per answer kind -----------------------------------------------------------------


def _ward(a: WardAnswer) -> discord.Embed:
    kind = "by-election" if a.by_election else plural(a.seats, "seat")
    embed = new_embed(f"{a.ward} — {a.election.title}", a.colour)
    lines = [_candidate_line(c) for c in a.candidates]
    embed.description = limits.join_within(
        [f"*{kind}, {plural(len(a.candidates), 'candidate')}*", *lines],
        limits.DESCRIPTION - 200,
        "…and {n} more candidates with fewer votes (see the source document)",
    )
    if a.unopposed:
        result = "Elected unopposed: no more candidates than seats."
    elif not a.declared:
        result = "Results not declared yet: the source lists the candidates without votes."
    elif a.lot:
        won = " and ".join(safe(c.name) for c in a.candidates if c.by_lot)
        result = (
            f"**Tie for the last seat, decided by lot**: {won} won the draw, "
            "as the source document states."
        )
    elif a.tie and a.tied:
        names = " and ".join(safe(c.name) for c in a.tied)
        result = (
            f"**Tie for the last seat**: {names} have {votes(a.tied[0].votes)} votes each. "
            "The figures do not decide it; a tie is settled by lot."
        )
    elif a.majority is not None:
        result = (
            f"{votes(a.majority)} ({percent(a.majority_percent)}): "
            "the last winner's lead over the first runner-up."
        )
    else:
        result = "Not known from the document."
    embed.add_field(name="Majority", value=result, inline=False)
    if a.seats_by_party:
        seats = ", ".join(f"{safe(s.party)} {s.seats}" for s in a.seats_by_party)
        embed.add_field(name="Seats", value=seats + (" (split ward)" if a.split else ""))
    cast = f"{votes(a.total_votes)}"
    if a.unopposed and not a.total_votes:
        cast = "None: no poll was held"
    elif not a.counted:
        cast = "Not given: the source names the winners only"
    elif not a.declared:
        cast = "Not declared yet"
    if a.turnout_percent is not None:
        cast += f"; turnout {percent(a.turnout_percent)}"
    embed.add_field(name="Votes cast", value=cast)
    if a.outcomes:
        embed.add_field(name="Outcome", value="\n".join(safe(o) for o in a.outcomes), inline=False)
    embed.add_field(
        name="Shares", value=f"Share of the votes cast: {safe(a.share_rule)}.", inline=False
    )
    history_embeds.last_time_field(embed, a.last_time, a.history_note)
    _cite(embed, a.election, a.other_elections, a.more_elections)
    return embed


def _candidate(a: CandidateAnswer) -> discord.Embed:
    c = a.candidate
    embed = new_embed(f"{c.name} — {c.ward}", c.colour)
    if c.elected:
        verdict = f"{ELECTED} **Elected**"
    elif c.tied:
        verdict = f"{TIED} **Tied for the last seat** (the figures do not decide it)"
    else:
        verdict = "**Not elected**"
    if c.by_lot:
        verdict = f"{ELECTED} **Elected** (the tied last seat was decided by lot)"
    field = f"{plural(len(a.result.candidates), 'candidate')} for {plural(a.seats, 'seat')}"
    if not a.result.declared:
        result = f"**Standing**: the count is not declared yet, {field}."
    elif not a.result.counted:
        result = f"{verdict} ({field}); the source gives no vote counts."
    elif c.elected and c.votes is None:
        result = f"{verdict}: unopposed (no poll), {field}."
    else:
        result = (
            f"{verdict}: {votes(c.votes)} votes ({percent(c.share)}), "
            f"{ordinal(c.position)} of {len(a.result.candidates)} for {plural(a.seats, 'seat')}."
        )
    lines = [f"{safe(c.party)} · {safe(a.election.title)}", result]
    if a.margin is not None and not c.tied:
        lines.append(
            f"Won by {votes(a.margin)} votes over the first runner-up."
            if c.elected
            else f"{votes(a.margin)} votes short of the last winner."
        )
    lines.append(f"*Share of the votes cast: {safe(a.result.share_rule)}.*")
    embed.description = "\n".join(lines)
    _list_fields(
        embed,
        f"{a.result.ward} result",
        [_candidate_line(x) for x in a.result.candidates],
        "…and {n} more (use /ward)",
        max_fields=1,
    )
    if a.elsewhere:
        stood = [
            f"{safe(o.ward)}, {safe(o.election.title)} ({safe(o.party)}): {votes(o.votes)}"
            + (f" {ELECTED}" if o.elected else "")
            for o in a.elsewhere
        ]
        if a.more_elsewhere:
            stood.append(f"…and {a.more_elsewhere} more candidacies under this name")
        _list_fields(embed, "Also stood", stood, "…and {n} more", max_fields=1)
    history_embeds.last_time_field(embed, a.result.last_time, a.result.history_note)
    _cite(embed, a.election, a.other_elections, a.more_elections)
    return embed


def _party(a: PartyAnswer) -> discord.Embed:
    embed = new_embed(f"{a.party} — {a.election.title}", a.colour)
    if not a.stood:
        embed.description = f"{safe(a.party)} had no candidates in this election."
        _cite(embed, a.election, a.other_elections, a.more_elections)
        return embed
    tied = f" ({a.tied_seats} tied for a last seat)" if a.tied_seats else ""
    lines = [
        f"**{a.seats_won} of {a.seats_contested} seats won**{tied} from "
        f"{plural(a.candidates, 'candidate')}.",
        f"Votes: {votes(a.votes)} ({percent(a.vote_share)})."
        if a.counted
        else "Votes: not given by the source.",
        f"*Share: {safe(a.share_rule)}.*",
    ]
    if a.seats_before is not None or a.seats_after is not None:
        before = "?" if a.seats_before is None else a.seats_before
        after = "?" if a.seats_after is None else a.seats_after
        lines.append(
            f"Council seats: {before} → {after} ({signed(a.change)}, {safe(a.change_baseline)})."
        )
    if a.controls:
        lines.append(f"**{safe(a.party)} controls the council.**")
    if a.best:
        lines.append(f"Top vote: {safe(a.best.name)} ({safe(a.best.ward)}), {votes(a.best.votes)}.")
    if a.worst:
        lines.append(
            f"Lowest vote: {safe(a.worst.name)} ({safe(a.worst.ward)}), {votes(a.worst.votes)}."
        )
    embed.description = "\n".join(lines)
    if a.wards_won:
        wards = ", ".join(f"{safe(w)} {n}" for w, n in a.wards_won)
        embed.add_field(
            name="Wards won", value=limits.clip(wards, limits.FIELD_VALUE), inline=False
        )
    _list_fields(
        embed,
        f"Elected ({len(a.winners)})",
        [_candidate_line(w, ward=True) for w in a.winners],
        "…and {n} more winners: use /ward for each ward",
    )
    _cite(embed, a.election, a.other_elections, a.more_elections)
    return embed


def _summary(a: SummaryAnswer, *, pinned: bool = False) -> discord.Embed:
    embed = new_embed(a.election.title, a.colour)
    lines = [f"**{safe(a.control_text)}**"]
    if a.majority_threshold:
        size = f" of {a.council_size}" if a.council_size else ""
        lines.append(f"{a.majority_threshold} seats needed for a majority{size}.")
    part = "" if a.whole_council else " (part of the council)"
    lines.append(f"{a.seats_contested} seats contested in {plural(a.wards, 'ward')}{part}.")
    lines.append(
        f"Votes cast: {votes(a.total_votes)}."
        if a.counted
        else "The source names the winners without vote counts."
    )
    lines.append(
        f"*Seats: {safe(a.composition_basis)}; change {safe(a.change_baseline)}. "
        "Vote share: share of all votes cast across the wards.*"
    )
    embed.description = "\n".join(lines)
    shown = a.rows[:18]
    for row in shown:
        change = "" if row.change is None else f" ({signed(row.change)})"
        if row.seats_after is None or a.whole_council:
            seats = plural(row.seats_after or row.seats_won, "seat") + change
        else:  # part of the council was elected: seats won now, and the council after
            seats = f"won {row.seats_won}; council {row.seats_after}{change}"
        embed.add_field(
            name=limits.clip(safe(row.name), limits.FIELD_NAME),
            value=f"{seats}\n"
            + (
                f"{votes(row.votes)} votes · {percent(row.vote_share)}"
                if row.candidates and a.counted
                else "votes not given"
                if row.candidates
                else "no candidates this time"
            ),
        )
    if len(a.rows) > len(shown):
        rest = a.rows[len(shown) :]
        embed.add_field(
            name=f"{len(rest)} more parties",
            value=limits.clip(", ".join(f"{safe(r.name)} {r.seats_won}" for r in rest), 1024),
        )
    if a.tie_wards:
        embed.add_field(
            name="Tie for a last seat",
            value=limits.clip(", ".join(safe(w) for w in a.tie_wards), 1024),
            inline=False,
        )
    if a.undeclared_wards:
        embed.add_field(
            name=f"Not declared yet: {len(a.undeclared_wards)} of {a.wards} wards",
            value=limits.clip(
                ", ".join(safe(w) for w in a.undeclared_wards)
                + ". The figures above count declared wards only.",
                1024,
            ),
            inline=False,
        )
    if a.closest:
        embed.add_field(
            name="Closest wards",
            value=limits.join_within([_margin(r) for r in a.closest[:3]], 1024),
            inline=False,
        )
    if pinned:
        embed.set_author(name=PIN_MARKER)
    _cite(embed, a.election, a.other_elections, a.more_elections)
    return embed


def pinned_summary(answer: SummaryAnswer) -> discord.Embed:
    """The summary a moderator pins; the marker lets a later pin find and replace it."""
    return limits.fit(_summary(answer, pinned=True))


def is_pinned_summary(message: discord.Message, bot_id: int) -> bool:
    """True for a summary this bot posted with `pinned_summary`."""
    return message.author.id == bot_id and any(e.author.name == PIN_MARKER for e in message.embeds)


def _closest(a: ClosestAnswer) -> discord.Embed:
    embed = new_embed(f"Most marginal wards — {a.election.title}", None)
    embed.description = limits.join_within(
        [f"{n}. {_margin(r)}" for n, r in enumerate(a.closest, start=1)], 3000
    )
    _list_fields(
        embed,
        "Safest wards",
        [f"{n}. {_margin(r)}" for n, r in enumerate(a.safest, start=1)],
        "…and {n} more",
        max_fields=1,
    )
    if a.unopposed:
        embed.add_field(
            name="Elected unopposed",
            value=limits.clip(", ".join(safe(w) for w in a.unopposed), 1024),
            inline=False,
        )
    embed.add_field(
        name="Majority",
        value="The last winner's votes minus the first runner-up's; "
        "the percentage is of the votes cast in that ward.",
        inline=False,
    )
    _cite(embed, a.election, a.other_elections, a.more_elections)
    return embed


def _elections(a: ElectionsAnswer) -> discord.Embed:
    embed = new_embed("Elections the bot knows", None)
    lines = [
        f"**{safe(r.ref.title)}**{' (latest)' if r.latest else ''} — `election:{r.ref.id}`\n"
        f"{plural(r.wards, 'ward')}, {plural(r.seats, 'seat')}, "
        f"{plural(r.candidates, 'candidate')} · source: {safe(r.ref.source)}"
        for r in a.elections
    ]
    embed.description = limits.join_within(lines or ["None loaded."], 3500, "…and {n} more")
    if a.problems:
        _list_fields(
            embed, "Not loaded", [safe(p) for p in a.problems], "…and {n} more", max_fields=1
        )
    return embed


def _help(a: HelpAnswer) -> discord.Embed:
    embed = new_embed("What I can answer", None)
    lines = [f"`{c.usage}` — {safe(c.description)}" for c in a.commands]
    lines.insert(0, f"`{ASK.usage}` — {safe(ASK.description)}")
    embed.description = (
        "\n".join(lines)
        + "\n\nStart typing a name: the options suggest wards, candidates, parties and elections."
    )
    embed.add_field(
        name="Ask in plain words",
        value=f"`{ASK.example}`, or mention me and ask in the same message "
        "(@bot did Lucy Care get in?). In a direct message, just ask.",
        inline=False,
    )
    embed.add_field(name="Examples", value="\n".join(f"`{e}`" for e in a.examples) or limits.BLANK)
    embed.add_field(
        name="Moderators",
        value="`/pin-summary [election]` posts the council summary and pins it here, "
        "replacing the previous one.",
    )
    return embed


def _ranking(a: RankingAnswer) -> discord.Embed:
    embed = new_embed(f"{a.title} — {a.election.title}", None)
    lines = [f"{row.rank}. {_candidate_line(row.candidate, ward=True)}" for row in a.lines]
    if a.note:
        lines.append(f"*{safe(a.note)}*")
    embed.description = limits.join_within(lines, 3500, "…and {n} more")
    _cite(embed, a.election, a.other_elections, a.more_elections)
    return embed


def _fact(a: FactAnswer) -> discord.Embed:
    embed = new_embed(f"{a.title} — {a.election.title}", a.colour)
    embed.description = limits.join_within([safe(line) for line in a.lines], 3500, "…and {n} more")
    _cite(embed, a.election, a.other_elections, a.more_elections)
    return embed


def _ambiguous(a: AmbiguousAnswer) -> discord.Embed:
    return ambiguous(a, menu=True)


def ambiguous(a: AmbiguousAnswer, *, menu: bool) -> discord.Embed:
    """The matches for an ambiguous name; without a menu, the user re-types one of them."""
    embed = new_embed(f"Which {a.what}?", None)
    how = "Pick one from the menu below:" if menu else "Run the command again with one of these:"
    lines = [f"“{safe(a.query)}” matches several {a.what}s. {how}"]
    lines += [
        f"• **{safe(o.name)}**" + (f" — {safe(o.detail)}" if o.detail else "") for o in a.options
    ]
    embed.description = limits.join_within(lines, 3000, "…and {n} more", hidden=a.more)
    return embed


def _not_found(a: NotFoundAnswer) -> discord.Embed:
    embed = new_embed("Not found", None, safe(a.message))
    if a.suggestions:
        lines = [
            f"• **{safe(o.name)}**" + (f" — {safe(o.detail)}" if o.detail else "")
            for o in a.suggestions
        ]
        embed.add_field(name="Closest matches", value=limits.join_within(lines, 1024), inline=False)
    if a.examples:
        embed.add_field(
            name="Try", value=" · ".join(f"`{e}`" for e in a.examples[:5]), inline=False
        )
    return embed


# The history embeds build on the helpers above, so they are imported after them.


def _build(answer: Answer) -> discord.Embed:
    """The embed of each kind of answer; mypy checks that no kind is left out."""
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
            return history_embeds.ward_history(answer)
        case PersonHistoryAnswer():
            return history_embeds.person_history(answer)
        case PartyHistoryAnswer():
            return history_embeds.party_history(answer)
        case CouncilHistoryAnswer():
            return history_embeds.council_history(answer)
        case CouncillorsAnswer():
            return history_embeds.councillors(answer)
        case _:
            assert_never(answer)
