"""The night's embeds: one per declared contest, the pinned running summary, the final one.

Built from `knowledge.night` records with the shared helpers of `bot.embeds` (escaping, party
colours, the elected mark) and fitted to Discord's limits by `bot.limits`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import discord

from bot import limits
from bot.embed_basics import colour, safe
from bot.embeds import ELECTED, STOOD
from bot.history_embeds import last_time_field
from knowledge.facts import contest_result
from knowledge.history.answers import LastTime, short
from knowledge.night import Declaration, NightSummary, race_lines
from knowledge.night.summary import progress_line, winners
from knowledge.numbers import percent, plural, votes
from knowledge.parties import PartyBook

LIVE_MARKER = "🗳️ Live results"
FINAL_MARKER = "🏁 Final result"


def contest_embed(
    declaration: Declaration,
    book: PartyBook,
    election_title: str,
    *,
    corrected: bool = False,
    last: LastTime | None = None,
) -> discord.Embed:
    """A declared contest: winners and their parties, votes and shares, majority, turnout; with
    an earlier election of the ward loaded, hold/gain and /ward's "last time" line (`last`)."""
    contest = declaration.contest
    result = contest_result(declaration.ballot_paper_id, contest, book)
    won = winners(declaration, book)
    winner_names = {name for name, _ in won}
    lines = []
    for standing in result.standings:
        mark = ELECTED if standing.name in winner_names else STOOD
        share = f" ({percent(standing.share)})" if standing.share is not None else ""
        lines.append(
            f"{mark} **{safe(standing.name)}** — {safe(standing.party.display)}: "
            f"{votes(standing.votes)}{share}"
        )
    seats = f" ({plural(contest.seats, 'seat')})" if contest.seats > 1 else ""
    parties = sorted({party.display for _, party in won})
    headline = " and ".join(parties) if len(parties) < 3 else ", ".join(parties)
    computed = [s.text for s in last.seats if s.outcome in ("hold", "gain")] if last else []
    outcome = (
        "; ".join(contest.outcomes)
        or "; ".join(dict.fromkeys(computed))
        or (f"{headline} win" if headline else "Declared")
    )
    leader = won[0][1] if won else None
    embed = discord.Embed(
        title=limits.clip(
            f"{contest.ward}{seats}: {outcome}{' (corrected)' if corrected else ''}", limits.TITLE
        ),
        description=limits.join_within(lines, limits.DESCRIPTION, "…and {n} more candidates"),
        colour=colour(leader.colour if leader else None),
    )
    if result.majority is not None:
        share = f" ({percent(result.majority_percent)})" if result.majority_percent else ""
        embed.add_field(name="Majority", value=f"{votes(result.majority)}{share}")
    if contest.turnout is not None or contest.turnout_percent is not None:
        shown = votes(contest.turnout) if contest.turnout is not None else ""
        if contest.turnout_percent is not None:
            shown = f"{shown} ({percent(contest.turnout_percent)})".strip()
        embed.add_field(name="Turnout", value=shown)
    if contest.rejected is not None:
        embed.add_field(name="Spoilt ballots", value=votes(contest.rejected))
    if not declaration.winners_stated:
        embed.add_field(
            name="Winners",
            value="Not stated by the source: shown as the top "
            f"{plural(contest.seats, 'candidate')} by votes.",
            inline=False,
        )
    if contest.seats > 1:
        embed.add_field(name="Shares", value=result.share_rule, inline=False)
    last_time_field(embed, last, None)
    source = f" · {declaration.source}" if declaration.source else ""
    embed.set_footer(text=f"{LIVE_MARKER} · {election_title}{source}")
    return limits.fit(embed)


def since_last_time(last_times: Sequence[LastTime]) -> list[str]:
    """Holds and gains so far against each declared ward's previous contest, and the net."""
    holds: Counter[str] = Counter()
    gains: dict[str, Counter[str]] = {}
    net: Counter[str] = Counter()
    for last in last_times:
        for seat in last.seats:
            if seat.outcome == "hold":
                holds[seat.party] += 1
            elif seat.outcome == "gain" and seat.previous_party:
                gains.setdefault(seat.party, Counter())[seat.previous_party] += 1
                net[seat.party] += 1
                net[seat.previous_party] -= 1
    lines = []
    for party in dict.fromkeys([*gains, *holds]):
        parts = [plural(holds[party], "hold")] if holds[party] else []
        if party in gains:
            losers = ", ".join(f"{n} from {q}" for q, n in gains[party].most_common())
            parts.append(f"{plural(gains[party].total(), 'gain')} ({losers})")
        lines.append(f"**{safe(party)}**: " + ", ".join(parts))
    moved = [f"{safe(p)} {n:+d}" for p, n in sorted(net.items(), key=lambda i: -i[1]) if n]
    if moved:
        lines.append("Net change: " + ", ".join(moved))
    return lines


def summary_embed(
    summary: NightSummary, *, final: bool = False, last_times: Sequence[LastTime] = ()
) -> discord.Embed:
    """The running summary (pinned, edited in place) or the final one; with `last_times` (the
    declared wards that have an earlier loaded contest), the holds and gains so far."""
    rows = []
    for row in summary.parties:
        held = f" (+{row.continuing} not up)" if row.continuing else ""
        rows.append(f"**{safe(row.party.display)}** {row.seats}{held}")
    leader = next(
        (r.party for r in summary.parties if r.party.key == summary.control),
        summary.parties[0].party if summary.parties else None,
    )
    state = "Final result" if final or summary.final else "Live"
    embed = discord.Embed(
        title=limits.clip(f"{summary.title} — {state}", limits.TITLE),
        description=progress_line(summary),
        colour=colour(leader.colour if leader else None),
    )
    embed.add_field(
        name="Seats so far",
        value=limits.join_within(rows, limits.FIELD_VALUE) if rows else "No seats declared yet.",
        inline=False,
    )
    embed.add_field(name="The majority", value="\n".join(race_lines(summary)), inline=False)
    changes = since_last_time(last_times)
    if changes:
        then = sorted({short(last.previous) for last in last_times})
        embed.add_field(
            name=limits.clip(f"Since last time ({', '.join(then)})", limits.FIELD_NAME),
            value=limits.join_within(changes, limits.FIELD_VALUE),
            inline=False,
        )
    if summary.winners_not_stated:
        wards = ", ".join(safe(w) for w in summary.winners_not_stated)
        embed.add_field(
            name="Winners not stated by the source",
            value=limits.clip(f"{wards}: taken as the top candidates by votes.", 1024),
            inline=False,
        )
    marker = FINAL_MARKER if final else LIVE_MARKER
    embed.set_footer(text=f"{marker} · {summary.election_id}")
    return limits.fit(embed)
