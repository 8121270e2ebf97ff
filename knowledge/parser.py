"""Election document text -> `Election`.

The grammar (one election per document):

    = 2002 Derby City Council election =        title (required, first non-blank line)
    Infobox                                     then `- Key: Value` lines
    - Party1: Labour Party (UK)                 PartyN, SeatsN, Seats BeforeN ... (gaps allowed)
    prose ...                                   kept as the summary
    ==Ward results==                            any level-2 heading
    ===Abbey===                                 a contest heading (level 3)
      - Abbey (3)**                             the contest line; `(N)` = seats, absent = 1 seat
    - Maurice Burgess (Liberal Democrats (UK)): 1,512 votes
    - Majority: 412 / - Turnout: 3,104 (28.4%) / - Registered electors: 10,927
    - Labour Party (UK) hold / - X gain from Y

Variants the family carries and this parser reads: `(3 seats)` as well as `(3)`; a multi-seat
ward written without `(N)` but with one hold/gain line per seat; district headings grouping
level-4 division headings (county councils); unopposed candidates (`Unopposed`, an empty count,
or no `: votes` at all); `1,234 (45.6%) +2.3`; infobox figures such as `Increase 2`, `−2`,
`Steady` and `8 seats, 44.0%`; old titles (`Sheffield City Council election, 2000`). In a
council document, later by-elections (a by-elections section, or a by-election heading dated
after the election or repeating a ward) are left out: they are not part of this election.

Fatal problems raise `ParseError(file, line, reason)`; odd lines become `ParseWarning`s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from knowledge.errors import ParseError
from knowledge.lines import (
    BY_ELECTION,
    ELECTORATE_KEYS,
    IGNORED_FACTS,
    LOT_KEYS,
    TRAILING_GROUP,
    VOTES_WORD,
    bare_candidate,
    is_candidate_line,
    is_fact_key,
    read_votes,
    split_candidate,
    unmarked,
    ward_and_seats,
)
from knowledge.models import Candidacy, Contest, Election, InfoboxParty, ParseWarning
from knowledge.normalize import normalize
from knowledge.values import (
    council_name,
    date_in,
    election_id,
    parse_change,
    parse_count,
    parse_date,
    parse_number,
    parse_percent,
    parse_share,
)

_TITLE = re.compile(r"^=(?!=)\s*(?P<title>.*?)\s*=$")
_H2 = re.compile(r"^==(?!=)\s*(?P<text>.*?)\s*==$")
_H3 = re.compile(r"^===+\s*(?P<text>.*?)\s*=+$")
_CONTEST = re.compile(r"^-\s*(?P<text>.+?)\s*\*\*\s*$")
_KEY_VALUE = re.compile(r"^-\s*(?P<key>[^:()]+?)\s*:\s*(?P<value>.*)$")
_OUTCOME = re.compile(
    r"^-\s*(?P<party>.+?)\s+"
    r"(?P<what>hold\b.*|gain from\s+.+|gain\b.*|win(?:\s.*)?|elected unopposed)\s*$",
    re.IGNORECASE,
)
_PARTY_SLOT = re.compile(r"^(?P<field>[A-Za-z][A-Za-z ]*?)\s*(?P<slot>\d{1,4})$")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_RESULTS_SECTION = re.compile(
    r"result|ward|division|by-?election|candidate|poll|contest|electoral", re.IGNORECASE
)
_FIRST_NUMBER = re.compile(r"[+\-−–]?\d[\d,]*(?:\.\d+)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as editors number lines (unlike str.splitlines)
_INFOBOX = re.compile(r"^infobox(?:\s+[\w ]+)?:?$", re.IGNORECASE)

_PARTY_FIELDS = {
    "party": "name",
    "last election": "last_election",
    "seats before": "seats_before",
    "seats": "seats",
    "seats after": "seats_after",
    "seat change": "seat_change",
    "popular vote": "popular_vote",
    "percentage": "percentage",
}


@dataclass
class _OpenContest:
    ward: str
    line: int
    seats: int = 1
    seats_given: bool = False
    by_election: bool = False
    candidates: list[Candidacy] = field(default_factory=list)
    majority: int | None = None
    turnout: int | None = None
    turnout_percent: float | None = None
    electorate: int | None = None
    outcomes: list[str] = field(default_factory=list)
    swing: str | None = None
    by_lot: str | None = None
    """The name after `- Elected by lot:`, as written."""
    has_contest_line: bool = False
    optional: bool = False
    """Opened by a heading outside a results section: dropped, not fatal, if it has no votes."""
    later: bool = False
    """Under a by-elections heading of a council document: a later poll, not this election."""
    headings: list[str] = field(default_factory=list)
    """The heading and contest-line texts, as written (a by-election's date is read from them)."""


class _DocumentParser:
    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.lines = _LINE_BREAK.split(text)
        if self.lines and not self.lines[-1]:
            self.lines.pop()  # the text ended with a line break
        self.warnings: list[ParseWarning] = []
        self.infobox: dict[str, str] = {}
        self.infobox_lines: dict[str, int] = {}
        self.summary: list[str] = []
        self.contests: list[Contest] = []
        self.seen_wards: dict[str, int] = {}
        self.current: _OpenContest | None = None
        self.by_document = False
        """The document is itself a by-election (its title says so)."""
        self.by_section = False
        """Inside a by-elections section of a council document."""
        self.headings: list[list[str]] = []
        """Each contest's heading and contest-line texts, as written, parallel to `contests`."""
        self.pending_by: set[int] = set()
        """Council document: contests (index in `contests`) headed as by-elections."""

    def fail(self, line: int, reason: str) -> ParseError:
        return ParseError(self.file, line, reason)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(file=self.file, line=line, message=message))

    def parse(self) -> Election:
        title, start = self._title()
        self.by_document = bool(BY_ELECTION.search(title))
        state = "preamble"
        for index in range(start, len(self.lines)):
            number = index + 1
            raw = self.lines[index]
            line = raw.strip()
            if not line:
                continue
            if state == "preamble" and _INFOBOX.match(line):
                state = "infobox"
                continue
            if (h3 := _H3.match(line)) and not _H2.match(line):
                self._start_contest(h3["text"], number, optional=state == "aside")
                if state != "aside":
                    state = "results"
                continue
            if h2 := _H2.match(line):
                self._close_contest()
                state = "results" if _RESULTS_SECTION.search(h2["text"]) else "aside"
                self.by_section = not self.by_document and bool(BY_ELECTION.search(h2["text"]))
                continue
            if _TITLE.match(line):
                self.warn(number, f"a second title line was ignored: {line[:80]!r}")
                continue
            if state == "infobox":
                if self._infobox_line(line, number):
                    continue
                state = "prose"
            if state == "aside":
                # Outside a results section only real result lines of an open contest count;
                # prose and bullets (See also, References) are skipped.
                current = self.current
                if _CONTEST.match(line) or (
                    current is not None and (current.candidates or is_candidate_line(line))
                ):
                    self._result_line(line, number)
                continue
            if state in ("preamble", "prose"):
                if line.startswith("-") and _CONTEST.match(line):
                    state = "results"
                else:
                    self.summary.append(line)
                    state = "prose"
                    continue
            self._result_line(line, number)
        self._close_contest()
        if not self.contests:
            raise self.fail(len(self.lines) or 1, "no ward results found (expected '===Ward===')")
        election = self._election(title)
        if self.pending_by:
            election = election.model_copy(
                update={"contests": self._this_elections_contests(election)}
            )
        return election

    def _title(self) -> tuple[str, int]:
        for index, raw in enumerate(self.lines):
            line = raw.strip()
            if not line:
                continue
            match = _TITLE.match(line)
            if not match or not match["title"]:
                raise self.fail(
                    index + 1, f"missing title: expected a '= Title =' line, found {line[:60]!r}"
                )
            return match["title"], index + 1
        raise self.fail(1, "the document is empty")

    def _infobox_line(self, line: str, number: int) -> bool:
        match = _KEY_VALUE.match(line)
        if not match:
            return False
        key = " ".join(match["key"].split())
        if key in self.infobox:
            self.warn(number, f"infobox key {key[:60]!r} repeated; the later value is used")
        self.infobox[key] = match["value"].strip()
        self.infobox_lines[key] = number
        return True

    def _start_contest(self, heading: str, number: int, optional: bool = False) -> None:
        self._close_contest()
        name, seats, given = ward_and_seats(heading)
        self.current = _OpenContest(
            optional=optional,
            ward=name,
            line=number,
            seats=seats,
            seats_given=given,
            by_election=bool(BY_ELECTION.search(heading)) or self.by_section,
            later=self.by_section,
            headings=[heading],
        )

    def _result_line(self, line: str, number: int) -> None:
        if contest := _CONTEST.match(line):
            self._contest_line(contest["text"], number)
            return
        if not line.startswith("-"):
            current = self.current
            if current is not None and (current.has_contest_line or current.candidates):
                self.warn(number, f"unrecognised line ignored: {line[:80]!r}")
            # else prose between contests (a results section's summary paragraph): not results
            return
        if self.current is None:
            self.warn(number, f"a result line outside any ward was ignored: {line[:80]!r}")
            return
        if parts := split_candidate(line[1:].strip()):
            self._candidate(*parts, number)
            return
        if (match := _KEY_VALUE.match(line)) and (
            is_fact_key(match["key"]) or not _OUTCOME.match(line)
        ):
            self._contest_fact(match["key"].strip(), match["value"].strip(), number)
            return
        if match := _OUTCOME.match(line):
            self.current.outcomes.append(line[1:].strip())
            return
        if parts := bare_candidate(line[1:].strip()):
            self._candidate(*parts, number)  # `- Name (Party)`: stood, no count given
            return
        self.warn(number, f"unrecognised line ignored: {line[:80]!r}")

    def _contest_line(self, text: str, number: int) -> None:
        _, seats, given = ward_and_seats(text)
        current = self.current
        if current is None or current.has_contest_line or current.candidates:
            self._start_contest(text, number)
            current = self.current
            assert current is not None
        current.has_contest_line = True
        if text not in current.headings:
            current.headings.append(text)
        if given:
            current.seats, current.seats_given = seats, True
        if BY_ELECTION.search(text):
            current.by_election = True

    def _candidate(self, name: str, party: str, votes_text: str, number: int) -> None:
        assert self.current is not None
        try:
            votes = read_votes(votes_text)
        except ValueError:
            shown = TRAILING_GROUP.sub("", VOTES_WORD.sub("", votes_text)).strip()
            raise self.fail(
                number, f"vote count {shown[:40]!r} for {name[:60]} is not a number"
            ) from None
        if votes is not None and votes < 0:
            raise self.fail(number, f"vote count {votes} for {name} is negative")
        name = unmarked(" ".join(name.split()))
        self.current.candidates.append(
            Candidacy(name=name, party=" ".join(party.split()), votes=votes, line=number)
        )

    def _contest_fact(self, key: str, value: str, number: int) -> None:
        assert self.current is not None
        lowered = key.lower()
        first = _FIRST_NUMBER.search(value.split("(")[0])
        figure = value.split("(")[0].strip()
        if first and not figure.endswith("%"):
            figure = first.group(0)
        try:
            if lowered == "majority":
                self.current.majority = parse_number(figure)
            elif lowered == "turnout":
                if figure.endswith("%"):
                    self.current.turnout_percent = parse_percent(figure)
                else:
                    self.current.turnout = parse_number(figure)
                    if pct := re.search(r"\(([\d.]+)\s*%\)", value):
                        self.current.turnout_percent = float(pct[1])
            elif lowered in ELECTORATE_KEYS:
                self.current.electorate = parse_number(figure)
            elif lowered == "swing":
                self.current.swing = " ".join(value.split()) or None
            elif " ".join(lowered.split()) in LOT_KEYS:
                self.current.by_lot = " ".join(value.split()) or None
            elif IGNORED_FACTS.match(lowered):
                pass  # swing, rejected or spoilt ballots, totals, notes: not used
            else:
                self.warn(number, f"unknown result line {key[:60]!r} ignored")
        except ValueError:
            self.warn(number, f"{key[:60]} value {value[:40]!r} is not a number; ignored")

    def _close_contest(self) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        if current.later:
            return  # a later by-election listed after the results: not part of this election
        if not current.candidates and (current.optional or not current.has_contest_line):
            return  # a heading over other headings (a district over its divisions), or prose
        if not current.candidates:
            raise self.fail(current.line, f"ward {current.ward!r} has no candidates")
        if not current.seats_given and 2 <= len(current.outcomes) <= len(current.candidates):
            current.seats = len(current.outcomes)  # one hold/gain line per seat, no `(N)`
        by_election = current.by_election and not self.by_document
        key = normalize(current.ward) or current.ward.casefold()  # "A & B" is "A and B"
        if by_election:
            self.pending_by.add(len(self.contests))  # this election's or a later one: see the end
        elif key in self.seen_wards:
            raise self.fail(
                current.line,
                f"ward {current.ward!r} appears twice (first at line {self.seen_wards[key]})",
            )
        else:
            self.seen_wards[key] = current.line
        names = [c.name.casefold() for c in current.candidates]
        for candidacy in current.candidates:
            if names.count(candidacy.name.casefold()) > 1:
                self.warn(candidacy.line, f"{candidacy.name} is listed twice in {current.ward}")
                break
        candidates = current.candidates
        if current.by_lot:
            candidates = self._lot_winner(current, current.by_lot)
        self.headings.append(current.headings)
        self.contests.append(
            Contest(
                ward=current.ward,
                seats=current.seats,
                candidates=tuple(candidates),
                line=current.line,
                stated_majority=current.majority,
                turnout=current.turnout,
                turnout_percent=current.turnout_percent,
                electorate=current.electorate,
                outcomes=tuple(current.outcomes),
                by_election=current.by_election,
                swing=current.swing,
            )
        )

    def _lot_winner(self, current: _OpenContest, name: str) -> list[Candidacy]:
        """The candidates with the one named by `- Elected by lot:` marked as the lot's winner."""
        wanted = normalize(unmarked(name))
        marked = [
            c.model_copy(update={"by_lot": True}) if normalize(c.name) == wanted else c
            for c in current.candidates
        ]
        if not any(c.by_lot for c in marked):
            self.warn(current.line, f"elected by lot: {name[:60]!r} is not a candidate here")
        return marked

    def _this_elections_contests(self, election: Election) -> tuple[Contest, ...]:
        """A council document's contests, less the by-elections that are not part of it.

        A by-election heading in the results is this election's (a vacancy filled the same day)
        unless it repeats a ward elected here or is dated other than the election day.
        """
        regular = {
            normalize(c.ward) or c.ward.casefold()
            for index, c in enumerate(self.contests)
            if index not in self.pending_by
        }
        kept: list[Contest] = []
        for index, contest in enumerate(self.contests):
            if index in self.pending_by:
                key = normalize(contest.ward) or contest.ward.casefold()
                when = next((d for t in self.headings[index] if (d := date_in(t))), None)
                later = when is not None and election.date is not None and when != election.date
                if key in regular or (later and len(regular) > 0):
                    continue
                regular.add(key)
            kept.append(contest)
        return tuple(kept)

    def _parties(self) -> tuple[InfoboxParty, ...]:
        slots: dict[int, dict[str, str]] = {}
        lines: dict[tuple[int, str], int] = {}
        for key, value in self.infobox.items():
            match = _PARTY_SLOT.match(key)
            if not match:
                continue
            field_name = _PARTY_FIELDS.get(match["field"].strip().lower())
            if field_name:
                slot = int(match["slot"])
                slots.setdefault(slot, {})[field_name] = value
                lines[(slot, field_name)] = self.infobox_lines[key]
        parties = []
        for slot in sorted(slots):
            values = slots[slot]
            if not values.get("name"):
                line = min(lines[(slot, name)] for name in values)
                self.warn(line, f"infobox slot {slot} has figures but no Party{slot}")
                continue
            row: dict[str, object] = {"slot": slot, "name": values["name"]}
            for name, text in values.items():
                if name == "name" or not text:
                    continue
                figure: int | float | None = None
                try:
                    figure = _INFOBOX_READERS.get(name, parse_count)(text)
                except ValueError:
                    self.warn(
                        lines[(slot, name)],
                        f"infobox {name.replace('_', ' ')} {text[:40]!r} for slot {slot} "
                        "is not a number; ignored",
                    )
                if figure is not None:
                    row[name] = figure
            parties.append(InfoboxParty.model_validate(row))
        return tuple(parties)

    def _info(self, key: str) -> tuple[str, int] | None:
        """An infobox value and its line, the key matched regardless of case and spacing."""
        wanted = key.casefold().replace(" ", "")
        for written, value in self.infobox.items():
            if written.casefold().replace(" ", "") == wanted and value:
                return value, self.infobox_lines[written]
        return None

    def _election(self, title: str) -> Election:
        info = self.infobox
        stated_date = self._info("Election Date")
        date = parse_date(stated_date[0]) if stated_date else None
        if date is None and self.by_document:  # `St Mary's by-election, 14 July 2011`
            texts = [title, *(text for texts in self.headings for text in texts)]
            date = next((d for t in texts if (d := date_in(t))), None)
        year_match = _YEAR.search(title)
        year = date.year if date else (int(year_match[1]) if year_match else None)
        majority_seats: int | None = None
        if stated_majority := self._info("Majority Seats"):
            try:
                majority_seats = parse_count(stated_majority[0])
            except ValueError:
                self.warn(stated_majority[1], "Majority Seats is not a number")
        is_by = self.by_document
        seats_for = self._info("Seats For Election")
        before = self._info("Before Election")
        after = self._info("After Election")
        return Election(
            id=election_id(title, year),
            title=title,
            source=self.file,
            council=council_name(title),
            date=date,
            year=year,
            kind="by-election" if is_by else "council",
            infobox=dict(info),
            parties=self._parties(),
            majority_seats=majority_seats,
            seats_for_election=seats_for[0] if seats_for else None,
            control_before=before[0] if before else None,
            control_after=after[0] if after else None,
            summary=" ".join(self.summary),
            contests=tuple(self.contests),
            warnings=tuple(self.warnings),
        )


_INFOBOX_READERS: dict[str, Callable[[str], int | float | None]] = {
    "seat_change": parse_change,
    "percentage": parse_share,
}


def decode_document(data: bytes, file: str) -> str:
    """Bytes -> text, refusing binary data with the line it was found on."""
    if not data.strip():
        raise ParseError(file, 1, "the document is empty")
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ParseError(file, line, "not a text document (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ParseError(file, line, "not UTF-8 text (binary data?)") from None


def parse_document(text: str, file: str = "<text>") -> Election:
    """Parse one document; raises `ParseError` naming the file and line."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ParseError(file, 1, "the document is empty")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ParseError(file, line, "not a text document (binary data)")
    return _DocumentParser(text, file).parse()
