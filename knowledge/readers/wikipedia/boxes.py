"""`{{Election box begin}}` ... `{{Election box end}}`: one contest, read row by row.

The ward and its seats come from the box title (`Abbey (3 seats)`, `Abbey (3)`,
`Abbey (two seats)`, `[[Gawthorpe (ward)|Gawthorpe]]`, a trailing `ward`/`division`), with the
section heading above as the fallback. Winning-candidate rows, where an article uses them, say
who won (a disagreement with the vote order is a data warning); otherwise facts take the top N
by votes. An empty `votes=` means the count is not declared yet: the candidates still load.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from knowledge.lines import BY_ELECTION
from knowledge.models import Candidacy, Contest, ParseWarning
from knowledge.numbers import NUMBER_WORDS
from knowledge.readers.wikipedia.markup import (
    Values,
    link_target,
    number,
    params,
    percent,
    pick,
    plain,
    template_name,
)
from knowledge.readers.wikipedia.tree import Template
from knowledge.values import date_in

_SEATS = re.compile(
    r"\((?![^()]*\d{4})\s*(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b"  # not a date
    r"(?:\s*(?:seats?|councillors?|members?|vacanc(?:y|ies))\b)?[^()]*\)",
    re.IGNORECASE,
)
_ELECTION_PREFIX = re.compile(r"^[^:]*\belections?\b[^:]*:\s*", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:18|19|20)\d\d\b")
_TRAILING_YEAR = re.compile(r"[\s,]+\(?(?:18|19|20)\d\d\)?$")
_TRAILING_KIND = re.compile(r"\s+(?:ward|division|electoral division)$", re.IGNORECASE)
_AFTER_DATE = re.compile(r"(?:\s*[,:–—]|\s+-)\s*[^,:–—]*\d{4}\s*$")
"""`, 13 March 2008` after a title (a hyphen only when spaced: `by-election` is one word)."""
_UNOPPOSED = re.compile(r"^\s*(?:elected\s+)?(?:unopposed|uncontested)\b", re.IGNORECASE)
_INCUMBENT = re.compile(r"\s*(?:[*†‡]|\(\s*(?:inc\.?|incumbent)\s*\))\s*$", re.IGNORECASE)
_OUTCOME_KINDS = (
    ("new boundary win", "win (new boundary)"),
    ("new seat win", "win (new seat)"),
    ("gain", "gain"),
    ("hold", "hold"),
    ("win", "win"),
)


@dataclass(frozen=True)
class BoxTitle:
    ward: str
    seats: int | None
    by_election: bool
    date: dt.date | None
    election_year: int | None = None
    """The year of the election the title names before the ward (`2023 Sheffield City Council
    election: Burngreave`): another year's is a previous result quoted for comparison."""


def read_title(text: str) -> BoxTitle:
    """`[[Barnet Vale (ward)|Barnet Vale]] (3 seats)` (already plain) -> Barnet Vale, 3 seats."""
    text = " ".join(text.split())
    seats: int | None = None
    if match := _SEATS.search(text):
        figure = match["n"].lower()
        seats = NUMBER_WORDS.get(figure) or int(figure)
        text = (text[: match.start()] + text[match.end() :]).strip()
    when = date_in(text)
    if when is not None:
        text = _AFTER_DATE.sub("", text).strip()
    prefix = _ELECTION_PREFIX.match(text)
    election_year = None
    if prefix and not BY_ELECTION.search(prefix[0]) and text[prefix.end() :].strip():
        text = text[prefix.end() :]  # `Derby City Council election, 2002: Abbey`
        if year := _YEAR.search(prefix[0]):
            election_year = int(year[0])
    text = _TRAILING_YEAR.sub("", text).strip() or text
    by_election = False
    if by := BY_ELECTION.search(text):
        by_election = True
        text = text[: by.start()].strip(" ,-–—:")
    text = _TRAILING_KIND.sub("", text).strip(" ,-–—:") or text
    return BoxTitle(
        ward=text, seats=seats, by_election=by_election, date=when, election_year=election_year
    )


@dataclass
class OpenBox:
    """A box being read; `close` turns it into a `Contest` or a message."""

    file: str
    line: int
    title: str
    heading: str
    stv: bool = False
    candidates: list[Candidacy] = field(default_factory=list)
    marked: bool = False
    """Some row is a `winning candidate` template: the markers say who won."""
    empty_votes: int = 0
    unopposed: bool = False
    """Some row says `Unopposed` rather than a count."""
    majority: int | None = None
    turnout: int | None = None
    turnout_percent: float | None = None
    electorate: int | None = None
    rejected: int | None = None
    outcomes: list[str] = field(default_factory=list)
    swing: str | None = None
    """The hold/gain box's `swing=`, as stated (`{{increase}} 7.6` -> `+7.6`)."""
    warnings: list[ParseWarning] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(file=self.file, line=line, message=message))

    def row(self, template: Template, line: int) -> None:
        """One template inside the box."""
        name = template_name(template)
        found = params(template)

        def text(*keys: str) -> str:
            return plain(pick(found, *keys))

        if "candidate" in name:
            self._candidate(found, name, line)
        elif "majority" in name:
            self.majority = number(text("votes", "1"))
        elif "turnout" in name:
            self.turnout = number(text("votes", "1"))
            self.turnout_percent = percent(text("percentage", "2"))
        elif "rejected" in name or "spoilt" in name:
            self.rejected = number(text("votes", "1"))
        elif "electors" in name or "electorate" in name:
            self.electorate = number(text("reg. electors", "votes", "1"))
        elif outcome := _outcome(found, name):
            self.outcomes.append(outcome)
            self.swing = _swing(found) or self.swing

    def _candidate(self, found: Values, name: str, line: int) -> None:
        self.add_candidate(
            plain(pick(found, "candidate", "1")),
            link_target(pick(found, "party", "2")),
            plain(pick(found, "votes", "3")),
            line,
            winning="winning" in name,
        )

    def add_candidate(
        self, who: str, party: str, votes_text: str, line: int, *, winning: bool
    ) -> None:
        """One candidate's row, as the box or table writes it (`Jo Bloggs*`, `1,234`,
        `Unopposed`); `winning` when the source marks them elected."""
        incumbent = bool(_INCUMBENT.search(who))
        who = _INCUMBENT.sub("", who).strip().strip("'").strip()
        if not who:
            self.warn(line, f"a candidate row in {self.label!r} has no candidate name; ignored")
            return
        votes = number(votes_text)
        if _UNOPPOSED.match(votes_text):
            self.unopposed = True
        elif not votes_text.strip() or votes_text.strip().lower() == "n/a":
            self.empty_votes += 1
        elif votes is None:
            self.warn(line, f"vote count {votes_text[:40]!r} for {who} is not a number; ignored")
            self.empty_votes += 1
        self.marked = self.marked or winning
        self.candidates.append(
            Candidacy(
                name=who,
                party=party or "Independent",
                votes=votes,
                line=line,
                elected=True if winning else None,
                incumbent=incumbent,
            )
        )

    @property
    def label(self) -> str:
        return read_title(self.title).ward or self.heading or f"the box at line {self.line}"

    def close(self, by_section: bool) -> tuple[Contest | None, BoxTitle]:
        """The contest this box holds, or None (with a warning saying why)."""
        titled = read_title(self.title) if self.title else None
        headed = read_title(self.heading) if self.heading else None
        ward = (titled.ward if titled else "") or (headed.ward if headed else "")
        seats = (titled.seats if titled else None) or (headed.seats if headed else None)
        when = (titled.date if titled else None) or (headed.date if headed else None)
        by_election = (
            by_section or bool(titled and titled.by_election) or bool(headed and headed.by_election)
        )
        info = BoxTitle(
            ward=ward,
            seats=seats,
            by_election=by_election,
            date=when,
            election_year=titled.election_year if titled else None,
        )
        if not ward:
            self.warn(self.line, "an election box with no title under no heading was skipped")
            return None, info
        if self.stv:
            self.warn(
                self.line,
                f"contest {ward!r} is a single transferable vote count (STV), which the bot "
                "cannot count yet; skipped",
            )
            return None, info
        if not self.candidates:
            self.warn(self.line, f"contest {ward!r} lists no candidates; skipped")
            return None, info
        candidates = self.candidates
        winners = sum(1 for c in candidates if c.elected)
        if seats is None:
            if self.marked and winners > 1:
                seats = winners
            elif 2 <= len(self.outcomes) <= len(candidates):
                seats = len(self.outcomes)  # one hold/gain line per seat
            else:
                seats = max(1, _slate(candidates))
        declared = self.empty_votes < len(self.candidates) or self.unopposed
        partial = self.empty_votes and declared and len(candidates) > seats and not self.unopposed
        if partial:
            self.warn(self.line, f"contest {ward!r} gives votes for only some candidates")
        if self.marked:
            candidates = [
                c if c.elected else c.model_copy(update={"elected": False}) for c in candidates
            ]
            if declared:
                self._check_markers(ward, seats, candidates)
        elif not declared:
            self.warn(
                self.line,
                f"contest {ward!r}: results not declared yet (no votes given); candidates listed",
            )
        contest = Contest(
            ward=ward,
            seats=seats,
            candidates=tuple(candidates),
            line=self.line,
            stated_majority=self.majority,
            turnout=self.turnout,
            turnout_percent=self.turnout_percent,
            electorate=self.electorate,
            outcomes=tuple(self.outcomes),
            by_election=by_election,
            rejected=self.rejected,
            declared=declared,
            swing=self.swing,
        )
        return contest, info

    def _check_markers(self, ward: str, seats: int, candidates: list[Candidacy]) -> None:
        """Winners marked other than the vote order gives: the markers stand, and we say so."""
        counted = [c for c in candidates if c.votes is not None]
        if len(counted) <= seats:
            return
        ordered = sorted(counted, key=lambda c: -(c.votes or 0))
        cutoff = ordered[seats - 1].votes or 0
        above = {c.name for c in ordered if (c.votes or 0) > cutoff}
        level = {c.name for c in ordered if c.votes == cutoff}
        marked = {c.name for c in candidates if c.elected}
        if not (above <= marked and marked <= above | level) or len(marked) != seats:
            shown = ", ".join(sorted(marked)) or "nobody"
            self.warn(
                self.line,
                f"contest {ward!r}: the article marks {shown} as elected, which is not the "
                f"vote order for {seats} seat{'s' if seats > 1 else ''}; the markers are used",
            )


_SIGNS = {"increase": "+", "decrease": "−", "steady": "", "no change": ""}


def _swing(found: Values) -> str | None:
    """`swing = {{increase}}7.6` -> `+7.6`: the figure as the article states it, sign kept."""
    value = pick(found, "swing")
    if value is None:
        return None
    parts = []
    for node in value:
        if isinstance(node, Template):
            parts.append(_SIGNS.get(template_name(node), ""))
        else:
            parts.append(plain([node]))
    shown = " ".join("".join(parts).split())
    return shown if re.search(r"\d", shown) else None


def _outcome(found: Values, name: str) -> str | None:
    """`{{Election box gain with party link|winner=X|loser=Y|swing=3.1}}` -> `X gain from Y`."""
    for key, kind in _OUTCOME_KINDS:
        if re.search(rf"\b{key}\b", name):
            winner = link_target(pick(found, "winner", "1"))
            loser = link_target(pick(found, "loser", "2"))
            if not winner:
                return None
            if kind == "gain" and loser:
                return f"{winner} gain from {loser}"
            return f"{winner} {kind}"
    return None


_NO_PARTY = re.compile(
    r"^\s*(?:independent(?:\s*\(?politician\)?)?|non[- ]party)?\s*$", re.IGNORECASE
)
"""Candidates standing for no party: several may stand for one seat."""


def _slate(candidates: list[Candidacy]) -> int:
    """The most candidates one party put up: a party stands no more than the seats, so a box
    of a three-seat ward whose title gives no seats and that has one hold line (Southwark
    2014's "Camberwell Green", three Labour, three Green, three Conservative) has three."""
    slates = Counter(c.party.casefold() for c in candidates if not _NO_PARTY.match(c.party))
    return max(slates.values(), default=0)
