"""The night's embeds: one per declared contest, the pinned running summary, the final one.

Built from `knowledge.night` records with the shared helpers of `bot.embeds` (escaping, party
colours, the elected mark) and fitted to Discord's limits by `bot.limits`.
"""

from __future__ import annotations

import discord

from bot import limits
from bot.embed_basics import colour, safe
from bot.embeds import ELECTED, STOOD
from knowledge.facts import contest_result
from knowledge.night import Declaration, NightSummary, race_lines
from knowledge.night.summary import progress_line, winners
from knowledge.numbers import percent, plural, votes
from knowledge.parties import PartyBook

LIVE_MARKER = "🗳️ Live results"
FINAL_MARKER = "🏁 Final result"


def contest_embed(
    declaration: Declaration, book: PartyBook, election_title: str, *, corrected: bool = False
) -> discord.Embed:
    """A declared contest: winners and their parties, votes and shares, majority, turnout."""
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
    outcome = "; ".join(contest.outcomes) or (f"{headline} win" if headline else "Declared")
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
    source = f" · {declaration.source}" if declaration.source else ""
    embed.set_footer(text=f"{LIVE_MARKER} · {election_title}{source}")
    return limits.fit(embed)


def summary_embed(summary: NightSummary, *, final: bool = False) -> discord.Embed:
    """The running summary (pinned, edited in place) or the final one."""
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
