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

Fatal problems raise `ParseError(file, line, reason)`; odd lines become `ParseWarning`s.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from knowledge.errors import ParseError
from knowledge.models import Candidacy, Contest, Election, InfoboxParty, ParseWarning
from knowledge.normalize import normalize

_TITLE = re.compile(r"^=(?!=)\s*(?P<title>.*?)\s*=$")
_H2 = re.compile(r"^==(?!=)\s*(?P<text>.*?)\s*==$")
_H3 = re.compile(r"^===+\s*(?P<text>.*?)\s*=+$")
_CONTEST = re.compile(r"^-\s*(?P<text>.+?)\s*\*\*\s*$")
_SEATS = re.compile(r"^(?P<name>.*?)\s*\((?P<seats>\d{1,4})\)\s*$")
_KEY_VALUE = re.compile(r"^-\s*(?P<key>[^:()]+?)\s*:\s*(?P<value>.*)$")
_OUTCOME = re.compile(
    r"^-\s*(?P<party>.+?)\s+(?P<what>hold|gain from\s+.+|gain|win(?:\s.*)?|elected unopposed)\s*$",
    re.IGNORECASE,
)
_PARTY_SLOT = re.compile(r"^(?P<field>[A-Za-z][A-Za-z ]*?)\s*(?P<slot>\d{1,4})$")
_NUMBER = re.compile(r"^[+\-−–]?\s*\d[\d,]*(?:\.\d+)?$")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_UNOPPOSED = {"unopposed", "elected unopposed", "uncontested", "n/a", "—", "-"}
_RESULTS_SECTION = re.compile(
    r"result|ward|division|by-?election|candidate|poll|contest|electoral", re.IGNORECASE
)
_FIRST_NUMBER = re.compile(r"[+\-−–]?\d[\d,]*(?:\.\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")
_VOTES_WORD = re.compile(r"\s*votes?\b.*$", re.IGNORECASE)
_TRAILING_GROUP = re.compile(r"\s*\(.*\)\s*$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as editors number lines (unlike str.splitlines)
_BY_ELECTION = re.compile(r"\bby[- ]?election\b", re.IGNORECASE)
_COUNCIL_SUFFIXES = (
    "metropolitan borough council",
    "royal borough council",
    "city and district council",
    "borough council",
    "district council",
    "county council",
    "city council",
    "town council",
    "council",
)
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%Y-%m-%d", "%d/%m/%Y")

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


def parse_number(text: str) -> int:
    """`1,234` -> 1234; `−2` (Unicode minus) -> -2. Raises ValueError for anything else."""
    cleaned = text.strip().replace("−", "-").replace("–", "-").replace(",", "").replace(" ", "")
    if not _INTEGER.fullmatch(cleaned):
        raise ValueError(text)
    return int(cleaned)


def parse_percent(text: str) -> float:
    cleaned = text.strip().rstrip("%").strip().replace("−", "-").replace("–", "-")
    return float(cleaned)


def parse_date(text: str) -> dt.date | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def council_name(title: str) -> str:
    """`2002 Derby City Council election` -> `Derby City Council`."""
    name = _YEAR.sub("", title, count=1).strip()
    name = re.sub(r"\s+(local\s+)?elections?$", "", name, flags=re.IGNORECASE).strip()
    return name or title


def election_id(title: str, year: int | None) -> str:
    """A short name users can type: `derby-2002`, `littleover-by-election-2005`."""
    place = council_name(title)
    lowered = place.lower()
    for suffix in _COUNCIL_SUFFIXES:
        if lowered.endswith(" " + suffix) and len(lowered) > len(suffix) + 1:
            place = place[: -len(suffix) - 1]
            break
    slug = slugify(place) or "election"
    return f"{slug}-{year}" if year else slug


def split_candidate(text: str) -> tuple[str, str, str] | None:
    """`Name (Party (UK)): 1,234 votes` -> (name, party, votes text), parentheses balanced.

    The party is the balanced parenthesised group that ends just before the colon, so names
    and party names may themselves contain parentheses.
    """
    colon = text.rfind("):")
    while colon != -1:
        depth = 0
        for i in range(colon, -1, -1):
            ch = text[i]
            if ch == ")":
                depth += 1
            elif ch == "(":
                depth -= 1
                if depth == 0:
                    name = text[:i].strip()
                    party = text[i + 1 : colon].strip()
                    if name and party:
                        return name, party, text[colon + 2 :].strip()
                    break
        colon = text.rfind("):", 0, colon)
    return None


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
    has_contest_line: bool = False
    optional: bool = False
    """Opened by a heading outside a results section: dropped, not fatal, if it has no votes."""


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

    def fail(self, line: int, reason: str) -> ParseError:
        return ParseError(self.file, line, reason)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(file=self.file, line=line, message=message))

    def parse(self) -> Election:
        title, start = self._title()
        state = "preamble"
        for index in range(start, len(self.lines)):
            number = index + 1
            raw = self.lines[index]
            line = raw.strip()
            if not line:
                continue
            if line.lower() == "infobox" and state == "preamble":
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
                continue
            if _TITLE.match(line):
                self.warn(number, f"a second title line was ignored: {line[:80]!r}")
                continue
            if state == "infobox":
                if self._infobox_line(line, number):
                    continue
                state = "prose"
            if state == "aside":
                # Outside a results section only real result lines count; prose is skipped.
                is_candidate = line.startswith("-") and split_candidate(line[1:].strip())
                has_votes = self.current is not None and self.current.candidates
                if _CONTEST.match(line) or is_candidate or has_votes:
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
        return self._election(title)

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
        name, seats, given = _ward_and_seats(heading)
        self.current = _OpenContest(
            optional=optional,
            ward=name,
            line=number,
            seats=seats,
            seats_given=given,
            by_election=bool(_BY_ELECTION.search(heading)),
        )

    def _result_line(self, line: str, number: int) -> None:
        if contest := _CONTEST.match(line):
            self._contest_line(contest["text"], number)
            return
        if not line.startswith("-"):
            self.warn(number, f"unrecognised line ignored: {line[:80]!r}")
            return
        if self.current is None:
            self.warn(number, f"a result line outside any ward was ignored: {line[:80]!r}")
            return
        if parts := split_candidate(line[1:].strip()):
            self._candidate(*parts, number)
            return
        if match := _KEY_VALUE.match(line):
            self._contest_fact(match["key"].strip(), match["value"].strip(), number)
            return
        if match := _OUTCOME.match(line):
            self.current.outcomes.append(line[1:].strip())
            return
        self.warn(number, f"unrecognised line ignored: {line[:80]!r}")

    def _contest_line(self, text: str, number: int) -> None:
        _, seats, given = _ward_and_seats(text)
        current = self.current
        if current is None or current.has_contest_line or current.candidates:
            self._start_contest(text, number)
            current = self.current
            assert current is not None
        current.has_contest_line = True
        if given:
            current.seats, current.seats_given = seats, True
        if _BY_ELECTION.search(text):
            current.by_election = True

    def _candidate(self, name: str, party: str, votes_text: str, number: int) -> None:
        assert self.current is not None
        votes_text = _VOTES_WORD.sub("", votes_text).strip()
        votes_text = _TRAILING_GROUP.sub("", votes_text).strip()
        votes: int | None
        if votes_text.lower() in _UNOPPOSED:
            votes = None
        else:
            try:
                votes = parse_number(votes_text)
            except ValueError:
                raise self.fail(
                    number, f"vote count {votes_text[:40]!r} for {name[:60]} is not a number"
                ) from None
            if votes < 0:
                raise self.fail(number, f"vote count {votes} for {name} is negative")
        self.current.candidates.append(
            Candidacy(
                name=" ".join(name.split()), party=" ".join(party.split()), votes=votes, line=number
            )
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
            elif lowered in ("registered electors", "electorate", "registered voters"):
                self.current.electorate = parse_number(figure)
            elif lowered in ("swing", "rejected ballots", "spoilt ballots", "total votes"):
                pass
            else:
                self.warn(number, f"unknown result line {key[:60]!r} ignored")
        except ValueError:
            self.warn(number, f"{key[:60]} value {value[:40]!r} is not a number; ignored")

    def _close_contest(self) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        if not current.candidates and current.optional:
            return
        if not current.candidates:
            raise self.fail(current.line, f"ward {current.ward!r} has no candidates")
        key = normalize(current.ward) or current.ward.casefold()  # "A & B" is "A and B"
        if key in self.seen_wards:
            raise self.fail(
                current.line,
                f"ward {current.ward!r} appears twice (first at line {self.seen_wards[key]})",
            )
        self.seen_wards[key] = current.line
        names = [c.name.casefold() for c in current.candidates]
        for candidacy in current.candidates:
            if names.count(candidacy.name.casefold()) > 1:
                self.warn(candidacy.line, f"{candidacy.name} is listed twice in {current.ward}")
                break
        self.contests.append(
            Contest(
                ward=current.ward,
                seats=current.seats,
                candidates=tuple(current.candidates),
                line=current.line,
                stated_majority=current.majority,
                turnout=current.turnout,
                turnout_percent=current.turnout_percent,
                electorate=current.electorate,
                outcomes=tuple(current.outcomes),
                by_election=current.by_election,
            )
        )

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
                try:
                    row[name] = parse_percent(text) if name == "percentage" else parse_number(text)
                except ValueError:
                    self.warn(
                        lines[(slot, name)],
                        f"infobox {name.replace('_', ' ')} {text[:40]!r} for slot {slot} "
                        "is not a number; ignored",
                    )
            parties.append(InfoboxParty.model_validate(row))
        return tuple(parties)

    def _election(self, title: str) -> Election:
        info = self.infobox
        date = parse_date(info.get("Election Date", "")) if info.get("Election Date") else None
        year_match = _YEAR.search(title)
        year = date.year if date else (int(year_match[1]) if year_match else None)
        majority_seats: int | None = None
        if info.get("Majority Seats"):
            try:
                majority_seats = parse_number(info["Majority Seats"])
            except ValueError:
                self.warn(self.infobox_lines["Majority Seats"], "Majority Seats is not a number")
        is_by = bool(_BY_ELECTION.search(title))
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
            seats_for_election=info.get("Seats For Election") or None,
            control_before=info.get("Before Election") or None,
            control_after=info.get("After Election") or None,
            summary=" ".join(self.summary),
            contests=tuple(self.contests),
            warnings=tuple(self.warnings),
        )


def _ward_and_seats(text: str) -> tuple[str, int, bool]:
    """`Abbey (3)` -> ("Abbey", 3, True); `Abbey` -> ("Abbey", 1, False).

    A by-election heading names its ward: `Littleover by-election, 5 May 2005` -> "Littleover".
    """
    text = " ".join(text.split())
    if (by := _BY_ELECTION.search(text)) and (ward := text[: by.start()].strip(" ,-–—:")):
        text = ward
    if match := _SEATS.match(text):
        seats = int(match["seats"])
        return match["name"].strip() or text, max(seats, 1), True
    return text, 1, False


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
