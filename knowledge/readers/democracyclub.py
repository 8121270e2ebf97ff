"""Democracy Club results CSV (`*.csv`): several elections in one file, one row a candidate.

Columns are found by name, never by position, so the current `export_csv` header
(`field_group=results`), the candidates-only group exports, the legacy per-election download
and the 2016–18 results CSV all read (see `_COLUMNS`). One election per `election_id`, one
contest per `ballot_paper_id`. `elected` is authoritative where given, including a tie settled
by lot (`tied_vote_winner`). A row that cannot be read becomes a warning naming the file, line
and column; the other rows still load. Democracy Club data is CC BY 4.0.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from knowledge.errors import ParseError
from knowledge.models import Candidacy, Contest, Election, ParseWarning
from knowledge.normalize import normalize
from knowledge.values import MAX_COUNT
from knowledge.values import election_id as short_id

LICENCE = "Democracy Club data, CC BY 4.0"

_COLUMNS: dict[str, tuple[str, ...]] = {
    # our name: the column names that carry it, newest header first
    "name": ("person_name", "name"),
    "election": ("election_id", "election"),
    "ballot": ("ballot_paper_id",),
    "ward": ("post_label",),
    "date": ("election_date",),
    "party": ("party_name",),
    "votes": ("votes_cast", "ballots_cast", "num_ballots"),
    "elected": ("elected", "is_winner"),
    "by_lot": ("tied_vote_winner",),
    "seats": ("seats_contested",),
    "cancelled": ("cancelled_poll",),
    "turnout": ("turnout_reported",),
    "rejected": ("spoilt_ballots",),
    "electorate": ("total_electorate",),
    "turnout_percent": ("turnout_percentage",),
    "by_election": ("by_election",),
    "organisation": ("organisation_name",),
}
_REQUIRED = ("name", "election")
_TRUE = {"t", "true", "yes", "y", "1"}
_FALSE = {"f", "false", "no", "n", "0"}
_ID_DATE = re.compile(r"\.(\d{4}-\d{2}-\d{2})$")
_SMALL_WORDS = {"and", "upon", "on", "under", "in", "the", "of", "by", "with", "le", "en", "cum"}
_KINDS: dict[str, tuple[str, str]] = {
    # id prefix: (the body elected when the id names no organisation, what the poll is called)
    "local": ("", "local election"),
    "parl": ("UK Parliament", "general election"),
    "mayor": ("", "mayoral election"),
    "pcc": ("", "police and crime commissioner election"),
    "gla": ("London Assembly", "election"),
    "senedd": ("Senedd", "election"),
    "sp": ("Scottish Parliament", "election"),
    "nia": ("Northern Ireland Assembly", "election"),
}


class _BadValue(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


@dataclass
class _Row:
    line: int
    election: str
    ballot: str
    ward: str
    date: dt.date | None
    candidacy: Candidacy
    seats: int | None
    cancelled: bool
    by_election: bool
    organisation: str
    turnout: int | None
    rejected: int | None
    electorate: int | None
    turnout_percent: float | None


@dataclass
class _Ballot:
    rows: list[_Row] = field(default_factory=list)


def read(body: str, file: str) -> list[Election]:
    """The elections in one export; raises `ParseError` when no row at all can be used."""
    return _Reader(body, file).read()


def place_name(slug: str) -> str:
    """`kingston-upon-thames` -> `Kingston upon Thames`, `st-helens` -> `St Helens`."""
    words = slug.replace("_", "-").split("-")
    return " ".join(
        w if n and w in _SMALL_WORDS else w[:1].upper() + w[1:] for n, w in enumerate(words) if w
    )


def council_of(election_id: str) -> str:
    """`local.derby.2022-05-05` -> `Derby`; an id with no organisation names its kind."""
    parts = _ID_DATE.sub("", election_id.strip()).split(".")
    if len(parts) >= 2 and parts[1]:
        return place_name(parts[1])
    return _KINDS.get(parts[0], ("", ""))[0] or parts[0] or election_id


def date_of(election_id: str) -> dt.date | None:
    """The poll date at the end of a Democracy Club id, if it has one."""
    match = _ID_DATE.search(election_id.strip())
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match[1])
    except ValueError:
        return None


def ward_of(ballot_paper_id: str) -> str:
    """`local.derby.abbey.by.2023-01-12` -> `Abbey` (for exports with no `post_label`)."""
    parts = _ID_DATE.sub("", ballot_paper_id.strip()).split(".")
    middle = [p for p in parts[2:] if p != "by"]
    return place_name("-".join(middle)) if middle else ""


def _spoken_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


class _Reader:
    def __init__(self, body: str, file: str) -> None:
        self.file = file
        self.body = body.removeprefix("\ufeff")
        self.warnings: list[tuple[str | None, ParseWarning]] = []
        """(election id the warning belongs to, or None for the whole file, warning)."""

    def warn(self, line: int, message: str, election: str | None = None) -> None:
        self.warnings.append((election, ParseWarning(file=self.file, line=line, message=message)))

    # Rows -----------------------------------------------------------------------------------

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """(first line, cells) of each CSV record after any leading `#` note lines."""
        lines = self.body.splitlines(keepends=True)
        skipped = 0
        while skipped < len(lines) and (
            lines[skipped].lstrip().startswith("#") or not lines[skipped].strip()
        ):
            skipped += 1
        reader = csv.reader(io.StringIO("".join(lines[skipped:])), strict=True)
        consumed = 0
        while True:
            start = skipped + consumed + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise ParseError(self.file, start, f"not a readable CSV record ({error})") from None
            consumed = reader.line_num
            yield start, cells

    def _columns(self, header: list[str], line: int) -> dict[str, int]:
        positions = {name.strip().lower(): n for n, name in enumerate(header)}
        found: dict[str, int] = {}
        for ours, names in _COLUMNS.items():
            for name in names:
                if name in positions:
                    found[ours] = positions[name]
                    break
        missing = [_COLUMNS[name][0] for name in _REQUIRED if name not in found]
        if "ward" not in found and "ballot" not in found:
            missing.append("post_label (or ballot_paper_id)")
        if missing:
            raise ParseError(
                self.file,
                line,
                "not a Democracy Club results CSV: the header has no "
                + ", ".join(missing)
                + " column",
            )
        return found

    def _row(self, line: int, cells: list[str], columns: dict[str, int], header: list[str]) -> _Row:
        def cell(name: str) -> str:
            index = columns.get(name)
            return cells[index].strip() if index is not None else ""

        def column(name: str) -> str:
            return header[columns[name]].strip()

        def number(name: str) -> int | None:
            text = cell(name).replace(",", "")
            if not text:
                return None
            try:
                value = int(float(text)) if re.fullmatch(r"\d+\.0*", text) else int(text)
            except ValueError:
                raise _BadValue(
                    column(name), f"{cell(name)[:40]!r} is not a whole number"
                ) from None
            if value < 0:
                raise _BadValue(column(name), f"{cell(name)!r} is negative")
            if value > MAX_COUNT:
                raise _BadValue(column(name), f"{cell(name)[:40]!r} is larger than any real count")
            return value

        def flag(name: str) -> bool | None:
            text = cell(name).lower()
            if not text:
                return None
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise _BadValue(column(name), f"{cell(name)!r} is not true or false (t/f)")

        def percent(name: str) -> float | None:
            """A percentage from 0 to 100; anything else is a warning and no figure (the
            candidate's row is still good)."""
            text = cell(name).rstrip("%").strip()
            if not text:
                return None
            try:
                value = float(text)
            except ValueError:
                value = math.nan
            if not 0 <= value <= 100:  # also refuses nan and inf
                self.warn(
                    line,
                    f"column {column(name)}: {cell(name)!r} is not a percentage; ignored",
                    cell("election") or None,
                )
                return None
            return value

        name = " ".join(cell("name").split())
        if not name:
            raise _BadValue(column("name"), "no candidate name")
        election = cell("election")
        if not election:
            raise _BadValue(column("election"), "no election id")
        ballot = cell("ballot") or f"{election}#{cell('ward')}"
        ward = " ".join(cell("ward").split()) or ward_of(cell("ballot"))
        if not ward:
            raise _BadValue(column("ward" if "ward" in columns else "ballot"), "no ward")
        date = date_of(election)
        if written := cell("date"):
            try:
                date = dt.date.fromisoformat(written)
            except ValueError:
                raise _BadValue(column("date"), f"{written!r} is not a date (YYYY-MM-DD)") from None
        elected = flag("elected")
        by_lot = bool(flag("by_lot"))
        seats = number("seats")
        if seats == 0:
            raise _BadValue(column("seats"), "0 seats contested")
        candidacy = Candidacy(
            name=name,
            party=" ".join(cell("party").split()) or "Independent",
            votes=number("votes"),
            line=line,
            elected=elected,
            by_lot=by_lot,
        )
        return _Row(
            line=line,
            election=election,
            ballot=ballot,
            ward=ward,
            date=date,
            candidacy=candidacy,
            seats=seats,
            cancelled=bool(flag("cancelled")),
            by_election=bool(flag("by_election")) or ".by." in cell("ballot"),
            organisation=cell("organisation"),
            turnout=number("turnout"),
            rejected=number("rejected"),
            electorate=number("electorate"),
            turnout_percent=percent("turnout_percent"),
        )

    # Elections ------------------------------------------------------------------------------

    def read(self) -> list[Election]:
        records = self._records()
        header_line, header = next(records, (1, []))
        if not any(cell.strip() for cell in header):
            raise ParseError(self.file, header_line, "the CSV has no header line")
        columns = self._columns(header, header_line)
        grouped: dict[str, dict[str, _Ballot]] = {}
        for line, cells in records:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                self.warn(
                    line,
                    f"the row has {len(cells)} columns but the header has {len(header)}; "
                    "row skipped",
                )
                continue
            try:
                row = self._row(line, cells, columns, header)
            except _BadValue as bad:
                self.warn(line, f"column {bad.column}: {bad.message}; row skipped")
                continue
            grouped.setdefault(row.election, {}).setdefault(row.ballot, _Ballot()).rows.append(row)
        if not grouped:
            skipped = next((w for _, w in self.warnings), None)
            why = f" (first: line {skipped.line}, {skipped.message})" if skipped else ""
            raise ParseError(self.file, header_line, f"no result rows could be read{why}")
        elections: list[Election] = []
        for election, ballots in grouped.items():
            elections.extend(self._elections(election, list(ballots.values())))
        if not elections:
            raise ParseError(self.file, header_line, "no poll in the file has results to load")
        whole_file = tuple(w for e, w in self.warnings if e is None)
        first = elections[0]
        elections[0] = first.model_copy(update={"warnings": whole_file + first.warnings})
        return elections

    def _elections(self, election: str, ballots: list[_Ballot]) -> list[Election]:
        """One election per id; a by-election ballot for a ward also elected in the main poll
        (or in an id with main ballots on another day) is its own by-election."""
        contests = [(c, b) for b in ballots if (c := self._contest(b)) is not None]
        if not contests:
            return []
        regular = {normalize(c.ward) for c, _ in contests if not c.by_election}
        main = [c for c, _ in contests if not c.by_election or normalize(c.ward) not in regular]
        separate = [(c, b) for c, b in contests if c.by_election and normalize(c.ward) in regular]
        council = self._council(election, ballots)
        first = ballots[0].rows[0]
        results: list[Election] = []
        if main:
            kind = "by-election" if all(c.by_election for c in main) else "council"
            results.append(self._election(election, council, first.date, kind, main, first.line))
        for contest, ballot in separate:
            row = ballot.rows[0]
            results.append(
                self._election(election, council, row.date, "by-election", [contest], row.line)
            )
        return results

    def _council(self, election: str, ballots: list[_Ballot]) -> str:
        organisation = next((r.organisation for b in ballots for r in b.rows if r.organisation), "")
        return organisation or council_of(election)

    def _election(
        self,
        election: str,
        council: str,
        date: dt.date | None,
        kind: str,
        contests: list[Contest],
        line: int,
    ) -> Election:
        year = date.year if date else None
        when = _spoken_date(date) if date else ""
        if kind == "by-election":
            wards = " and ".join(c.ward for c in contests)
            title = f"{council} {wards} by-election" + (f", {when}" if when else "")
            short = short_id(f"{council} {wards} by-election", year)
        else:
            kind_name = _KINDS.get(election.split(".")[0], ("", "election"))[1]
            title = f"{year} {council} {kind_name}" if year else f"{council} {kind_name}"
            short = short_id(title, year)
        own = [w for e, w in self.warnings if e == election]
        return Election(
            id=short,
            title=title,
            source=self.file,
            council=council,
            date=date,
            year=year,
            kind="by-election" if kind == "by-election" else "council",
            contests=tuple(contests),
            warnings=tuple(own),
            citation=f"Democracy Club {election}, CC BY 4.0",
        )

    def _contest(self, ballot: _Ballot) -> Contest | None:
        """The ballot as a contest; None for a countermanded poll (no result to count)."""
        rows = ballot.rows
        first = rows[0]
        candidates = tuple(r.candidacy for r in rows)
        stated = [r.seats for r in rows if r.seats is not None]
        if len(set(stated)) > 1:
            self.warn(
                first.line,
                f"{first.ward}: rows disagree on the seats contested ({sorted(set(stated))}); "
                f"{stated[0]} used",
                first.election,
            )
        elected = sum(1 for c in candidates if c.elected)
        seats = stated[0] if stated else max(elected, 1)
        declared = all(c.votes is not None for c in candidates)
        cancelled = any(r.cancelled for r in rows)
        if cancelled:
            if len(candidates) <= seats:
                self.warn(
                    first.line,
                    f"{first.ward}: the poll was cancelled because it was uncontested "
                    f"({len(candidates)} candidate(s) for {seats} seat(s), elected unopposed)",
                    first.election,
                )
                declared = True
            else:
                self.warn(
                    first.line,
                    f"{first.ward}: the poll was cancelled (countermanded) with "
                    f"{len(candidates)} candidates for {seats} seat(s): no result, so the "
                    "ward is left out",
                    first.election,
                )
                return None
        elif not declared and len(candidates) <= seats and all(c.votes is None for c in candidates):
            declared = True  # no more candidates than seats and no count: elected unopposed
        elif not declared and elected and all(c.votes is None for c in candidates):
            declared = True  # the winners without counts (the legacy per-election download)
        elif not declared and any(c.votes is not None for c in candidates):
            missing = next(c for c in candidates if c.votes is None)
            self.warn(
                missing.line,
                f"{first.ward}: {missing.name} has no votes while others do",
                first.election,
            )
        for candidacy in candidates:
            if candidacy.by_lot and candidacy.elected is False:
                self.warn(
                    candidacy.line,
                    f"{first.ward}: {candidacy.name} is marked as winning the tie by lot "
                    "but not as elected",
                    first.election,
                )
        if elected > seats:
            self.warn(
                first.line,
                f"{first.ward}: {elected} candidates are marked elected for {seats} seat(s)",
                first.election,
            )
        return Contest(
            ward=first.ward,
            seats=seats,
            candidates=candidates,
            line=first.line,
            turnout=next((r.turnout for r in rows if r.turnout is not None), None),
            turnout_percent=next(
                (r.turnout_percent for r in rows if r.turnout_percent is not None), None
            ),
            electorate=next((r.electorate for r in rows if r.electorate is not None), None),
            rejected=next((r.rejected for r in rows if r.rejected is not None), None),
            by_election=first.by_election,
            declared=declared,
        )
