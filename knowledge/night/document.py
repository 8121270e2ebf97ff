"""A followed election written as a document in the project's `.txt` grammar.

So the night's results live in the data folder like any other election: a restart and every
other command read them back through the ordinary reader.
"""

from __future__ import annotations

from knowledge.night.models import FollowedElection


def _clean(text: str) -> str:
    """Keep a name inside one grammar line: no brackets or colons that would split it."""
    return " ".join(text.replace("(", "[").replace(")", "]").replace(":", " ").split())


def night_document(followed: FollowedElection, source_note: str = "") -> str:
    """Document text of every declared contest, in the order they declared."""
    lines = [f"= {followed.title} =", ""]
    if followed.council_size:
        lines += ["Infobox", f"- Majority Seats: {followed.council_size // 2 + 1}", ""]
    declared = len(followed.declared)
    lines += [
        f"Results of {followed.election_id} as declared on the night: {declared} of "
        f"{followed.total_contests} contests so far. {source_note}".strip(),
        "",
        "==Ward results==",
    ]
    for declaration in followed.declared:
        contest = declaration.contest
        ward = _clean(contest.ward)
        seats = f" ({contest.seats})" if contest.seats > 1 else ""
        lines += [f"==={ward}===", "", f"  - {ward}{seats}**", ""]
        for candidate in contest.candidates:
            votes = f"{candidate.votes:,} votes" if candidate.votes is not None else "Unopposed"
            lines.append(f"- {_clean(candidate.name)} ({_clean(candidate.party)}): {votes}")
        if contest.turnout is not None:
            percent = (
                f" ({contest.turnout_percent:.2f}%)" if contest.turnout_percent is not None else ""
            )
            lines.append(f"- Turnout: {contest.turnout:,}{percent}")
        if contest.electorate is not None:
            lines.append(f"- Registered electors: {contest.electorate:,}")
        lines.append("")
    return "\n".join(lines) + "\n"
