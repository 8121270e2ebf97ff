"""A council-election article's wikitext -> its election, and any later by-elections.

The walk goes through the article's nodes in order, keeping the section heading: the infobox,
election boxes (`boxes`), summary rows (`summary`), plain tables of one contest (`tables`),
and prose (kept as the summary, where facts look for ties settled by lot and stated control).
Contests under a "By-elections" heading, or titled as by-elections, become elections of their
own with their own dates and are never mixed into the main election's tallies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import unquote

from mwparserfromhell.parser import ParserError

from knowledge.errors import ParseError
from knowledge.lines import BY_ELECTION
from knowledge.models import Contest, Election, ParseWarning
from knowledge.readers.wikipedia.boxes import BoxTitle, OpenBox, read_title
from knowledge.readers.wikipedia.infobox import Infobox, infobox_date, is_infobox, read_infobox
from knowledge.readers.wikipedia.markup import plain, template_name, text_param
from knowledge.readers.wikipedia.summary import (
    SummaryRow,
    as_parties,
    is_summary_row,
    is_summary_table,
    read_row,
    read_table,
)
from knowledge.readers.wikipedia.tables import is_contest_table, read_contest_tables
from knowledge.readers.wikipedia.tree import (
    Comment,
    Heading,
    Link,
    Node,
    Tag,
    Template,
    Text,
    parse,
    tags,
)
from knowledge.values import council_name, date_in, election_id, parse_count, parse_date, slugify

_ARTICLE_URL = re.compile(r"https?://[\w.-]*wikipedia\.org/wiki/(?P<title>[^\s|#?]+)")
_URL = re.compile(r"https?://\S+?(?=\s|\||$)")
_REVISION = re.compile(r"\b(?:revision(?:\s*id)?|revid|oldid)\s*[:=]?\s*(?P<rev>\d+)", re.I)
_TITLE_FIELD = re.compile(r"\btitle\s*[:=]\s*(?P<title>[^|]+?)\s*(?:\||-->|$)", re.I)
_AN_ELECTION = re.compile(r"\belection\b|\bby-?election\b", re.I)
_CONTROL = re.compile(
    r"(?P<party>(?:the\s+)?[A-Z][\w'’&. -]{1,60}?)\s+"
    r"(?:kept|retained|held|regained|gained|won|took|maintained|lost|stayed|remained)\s+"
    r"(?:in\s+)?(?:overall\s+)?control\b",
)
_NO_CONTROL = re.compile(r"\bno overall control\b", re.I)
_MAYORAL = re.compile(r"\bmayoral\b|\belected mayor\b|\bmayor of\b", re.I)
"""A directly elected mayor's contest, set out beside the wards in some London articles."""
_PREVIOUS = re.compile(
    r"\b(?:previous|last|prior)\s+(?:ordinary\s+)?(?:results?|elections?)\b", re.I
)
"""A section quoting an earlier result for comparison (`==Previous result==`)."""
_SUMMARY_HEADING = re.compile(r"summary|overall|results? by party", re.I)
_TABLE_HEADS = re.compile(r"\bcandidate\b.*\bvotes\b|\bvotes\b.*\bcandidate\b", re.I | re.S)


_OPAQUE = frozenset(("ref", "references", "gallery"))
"""Tags whose insides are not walked for boxes and prose."""


@dataclass
class _Source:
    title: str | None = None
    url: str | None = None
    revision: str | None = None


@dataclass
class _Walk:
    file: str
    heading: str = ""
    section: str = ""
    by_section: bool = False
    section_date: dt.date | None = None
    box: OpenBox | None = None
    infobox: Infobox | None = None
    contests: list[Contest] = field(default_factory=list)
    later: list[tuple[Contest, BoxTitle, int]] = field(default_factory=list)
    summary_rows: list[SummaryRow] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    seen_heading: bool = False
    bold_title: str | None = None
    """The lead's bold election name, the title when nothing better is stated."""
    in_summary: bool = False
    """Inside `{{Election summary begin}}`, which some articles close with an election box end."""
    quoted_years: dict[int, int] = field(default_factory=dict)
    """Contest (by id) -> the year of the election its box title names: another year's is a
    previous result quoted for comparison, dropped once the article's year is known."""

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(file=self.file, line=line, message=message))


def _nodes(nodes: list[Node], in_table: bool = False) -> Iterator[tuple[Node, bool]]:
    """(node, inside a table) in document order, looking inside wrappers such as `<div>` and
    layout tables (some articles set their election boxes out in table columns)."""
    for node in nodes:
        yield node, in_table
        if isinstance(node, Tag) and node.contents is not None and node.tag not in _OPAQUE:
            yield from _nodes(node.contents, in_table or node.tag == "table")


def read_article(body: str, file: str) -> list[Election]:
    """Every election one article holds: the main one first, then its by-elections."""
    try:
        nodes = parse(body)
    except ParserError as error:  # the tokenizer gives up only on pathological input
        raise ParseError(file, 1, f"the wikitext could not be parsed: {error}") from None
    walk = _Walk(file=file)
    source = _source(nodes)
    for node, in_table in _nodes(nodes):
        _visit(walk, node, in_table)
    if walk.box is not None:
        walk.warn(walk.box.line, f"election box {walk.box.label!r} has no end; read to the end")
        _close_box(walk)
    return _elections(walk, source, PurePath(file).stem)


def _visit(walk: _Walk, node: Node, in_table: bool = False) -> None:
    if isinstance(node, Heading):
        if walk.box is not None:
            walk.warn(
                walk.box.line, f"election box {walk.box.label!r} has no end before the next heading"
            )
            _close_box(walk)
        walk.seen_heading = True
        walk.heading = plain(node.title)
        if node.level <= 2:
            walk.section = walk.heading
            walk.by_section = bool(BY_ELECTION.search(walk.heading))
            walk.section_date = date_in(walk.heading)
        return
    if isinstance(node, Template):
        _template(walk, node)
        return
    if isinstance(node, Tag) and node.tag == "table":
        _table(walk, node)
        return
    if walk.box is None and not in_table and isinstance(node, (Text, Link, Tag)):
        if isinstance(node, Tag) and node.tag not in ("b", "i"):
            return  # refs are not prose; wrappers are walked into, their text node by node
        words = plain([node])
        (walk.prose if walk.seen_heading else walk.lead).append(words)
        lead_bold = not walk.seen_heading and isinstance(node, Tag) and walk.bold_title is None
        if lead_bold and _AN_ELECTION.search(words) and len(words) < 150:
            walk.bold_title = words  # the lead's bold name: The '''2022 ... election'''


def _template(walk: _Walk, template: Template) -> None:
    name = template_name(template)
    line = template.line
    if name.startswith(("election box begin", "stv election box begin")):
        if walk.box is not None:
            walk.warn(walk.box.line, f"election box {walk.box.label!r} has no end")
            _close_box(walk)
        walk.box = OpenBox(
            file=walk.file,
            line=line,
            title=text_param(template, "title", "1"),
            heading=walk.heading,
            stv=name.startswith("stv"),
        )
        return
    if name.startswith("election summary") and name.endswith(("begin", "begin with candidates")):
        walk.in_summary = True
        return
    if name.startswith(("election box end", "stv election box end", "election summary end")):
        if walk.box is None and walk.in_summary:
            walk.in_summary = False
        elif walk.box is None:
            walk.warn(line, "an election box end with no begin was ignored")
        else:
            _close_box(walk)
        return
    if walk.box is not None and name.startswith(("election box", "stv election box")):
        walk.box.row(template, line)
        return
    if walk.infobox is None and is_infobox(template):
        walk.infobox = read_infobox(template, walk.file, line)
        walk.warnings.extend(walk.infobox.warnings)
        return
    if is_summary_row(template) and (row := read_row(template, line)):
        walk.summary_rows.append(row)


def _close_box(walk: _Walk) -> None:
    box, walk.box = walk.box, None
    assert box is not None
    contest, title = box.close(walk.by_section)
    walk.warnings.extend(box.warnings)
    if contest is None:
        return
    if _MAYORAL.search(box.title) or _MAYORAL.search(walk.heading):
        walk.warn(box.line, f"box {box.label!r} is a mayoral election, not a ward; skipped")
        return
    if _PREVIOUS.search(walk.heading):
        walk.warn(box.line, f"box {box.label!r} is a previous result, quoted; skipped")
        return
    if title.election_year is not None:
        walk.quoted_years[id(contest)] = title.election_year
    if contest.by_election:
        walk.later.append((contest, title, box.line))
    else:
        walk.contests.append(contest)


def _table(walk: _Walk, table: Tag) -> None:
    """A plain table of one contest's candidates (`tables`), or of the parties' totals."""
    if walk.box is not None or table.contents is None:
        return
    if is_contest_table(table) and not _SUMMARY_HEADING.search(walk.heading):
        for box in read_contest_tables(table, walk.file, walk.heading):
            walk.box = box
            _close_box(walk)
        return
    if is_summary_table(table):
        if not walk.summary_rows:  # `{{Election summary party}}` rows, where given, come first
            walk.summary_rows.extend(read_table(table))
        return
    heads = " ".join(plain(n.contents) for n in tags(table.contents, "th"))
    if not _TABLE_HEADS.search(heads) or "party" in walk.heading.lower():
        return
    if _SUMMARY_HEADING.search(walk.heading):
        return
    ward = read_title(walk.heading).ward or "an untitled contest"
    walk.warn(
        table.line,
        f"contest {ward!r} is a table with no Candidate column, which the bot cannot read as one "
        "contest; skipped",
    )


def _source(nodes: list[Node]) -> _Source:
    """The first-line comment an import writes (or the shared fixtures carry)."""
    first = next((n for n in nodes if not (isinstance(n, Text) and not n.value.strip())), None)
    if not isinstance(first, Comment) or "\n" in first.value.strip():
        return _Source()
    first_line = first.value
    found = _Source()
    if match := _ARTICLE_URL.search(first_line):
        found.url = match[0]
        found.title = unquote(match["title"]).replace("_", " ")
    elif match := _URL.search(first_line):
        found.url = match[0]
    if match := _TITLE_FIELD.search(first_line):
        found.title = match["title"].strip()
    if match := _REVISION.search(first_line):
        found.revision = match["rev"]
    return found


def _elections(walk: _Walk, source: _Source, stem: str) -> list[Election]:
    box = walk.infobox or Infobox()
    lead = " ".join(" ".join(walk.lead).split())
    title = (
        (source.title if source.title and _AN_ELECTION.search(source.title) else None)
        or box.get("election_name")
        or walk.bold_title
        or stem.replace("_", " ")
    )
    stated = infobox_date(box)
    date = dt.date.fromisoformat(stated) if stated else None
    if date is None:
        date = _lead_date(lead)
    year_match = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", title)
    year = date.year if date else (int(year_match[1]) if year_match else None)
    citation = _citation(source)
    summary = " ".join(" ".join([lead, *walk.prose]).split())
    before, after = box.control
    if after is None and (stated_after := _stated_control(summary, year)):
        after = stated_after
    majority_seats: int | None = None
    if seats_text := box.get("majority_seats"):
        try:
            majority_seats = parse_count(seats_text)
        except ValueError:
            walk.warn(1, f"infobox majority_seats {seats_text[:40]!r} is not a number; ignored")
    contests = [c for c in walk.contests if not _quoted(walk, c, year)]
    later = [entry for entry in walk.later if not _quoted(walk, entry[0], year)]
    warnings = list(walk.warnings)
    by_document = bool(BY_ELECTION.search(title))
    if by_document:  # the article is a by-election: its boxes are its contests
        contests = contests + [c for c, _, _ in later]
        later = []
    council = council_name(title)
    elections: list[Election] = []
    if contests:
        elections.append(
            Election(
                id=election_id(title, year),
                title=title,
                source=walk.file,
                council=council,
                date=date,
                year=year,
                kind="by-election" if by_document else "council",
                infobox=dict(box.fields),
                parties=box.parties or as_parties(walk.summary_rows),
                stated_totals=as_parties(walk.summary_rows) if box.parties else (),
                majority_seats=majority_seats,
                seats_for_election=box.get("seats_for_election"),
                control_before=before,
                control_after=after,
                summary=summary,
                contests=tuple(_unique(contests, walk)),
                warnings=tuple(warnings),
                citation=citation,
            )
        )
    base = election_id(title, None)
    used: set[str] = {e.id for e in elections}
    for contest, info, line in later:
        when = info.date or walk.section_date
        if when is None:
            walk.warn(line, f"by-election {contest.ward!r} has no date in its title or heading")
        when_text = f", {when.day} {when:%B %Y}" if when else ""
        ident = f"{base}-{slugify(contest.ward)}-by-election" + (f"-{when.year}" if when else "")
        if ident in used and when:
            ident = f"{ident}-{when:%m-%d}"
        used.add(ident)
        elections.append(
            Election(
                id=ident,
                title=f"{contest.ward} by-election{when_text} ({council})",
                source=walk.file,
                council=council,
                date=when,
                year=when.year if when else year,
                kind="by-election",
                summary=summary,
                contests=(contest,),
                warnings=tuple(w for w in walk.warnings if w.line >= line and w not in warnings)
                if not elections
                else (),
                citation=citation,
            )
        )
    if not elections:
        told = "; ".join(w.message for w in walk.warnings[:3])
        reason = "no election results found (expected {{Election box begin}} ... boxes)"
        raise ParseError(walk.file, 1, f"{reason}: {told}" if told else reason)
    return elections


def _quoted(walk: _Walk, contest: Contest, year: int | None) -> bool:
    """The box names another year's election (`2023 Sheffield City Council election:
    Burngreave` in the 2024 by-election's article): said, and left out."""
    named = walk.quoted_years.get(id(contest))
    if named is None or year is None or named == year:
        return False
    walk.warn(contest.line, f"box {contest.ward!r} is the {named} result, quoted; skipped")
    return True


def _unique(contests: list[Contest], walk: _Walk) -> list[Contest]:
    """A ward twice in one election is a data error: the first box is kept, with a warning."""
    from knowledge.normalize import normalize

    seen: dict[str, int] = {}
    kept = []
    for contest in contests:
        key = normalize(contest.ward) or contest.ward.casefold()
        if key in seen:
            walk.warn(
                contest.line,
                f"ward {contest.ward!r} appears twice (first at line {seen[key]}); "
                "the second box was skipped",
            )
            continue
        seen[key] = contest.line
        kept.append(contest)
    return kept


def _lead_date(lead: str) -> dt.date | None:
    match = re.search(r"\b(?:on|held)\s+(?:\w+day\s+)?(?P<date>\d{1,2}\s+\w+\s+\d{4})", lead)
    if match:
        return parse_date(match["date"])
    return None


def _citation(source: _Source) -> str | None:
    if not source.title and not source.url:
        return None
    parts = [f"Wikipedia: {source.title}" if source.title else "Wikipedia"]
    if source.revision:
        parts.append(f"revision {source.revision}")
    if source.url:
        parts.append(source.url)
    return ", ".join(parts)


def _stated_control(summary: str, year: int | None) -> str | None:
    """`Labour kept control of the council` -> `Labour`; "no overall control" as such.

    A sentence about another year's election (`In 2024, Labour retained control`) is not read.
    """
    for sentence in re.split(r"(?<=[.!?])\s+", summary):
        years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)}
        if years - {year}:
            continue
        if match := _CONTROL.search(sentence):
            party = re.sub(r"^the\s+", "", match["party"].strip(), flags=re.I)
            party = re.sub(r"(?<=\w)\s+party$", "", party, flags=re.I)  # "the Labour party"
            if "lost" in match[0].split(party, 1)[-1]:
                continue
            return party
        if _NO_CONTROL.search(sentence) and re.search(r"\bremained|stayed|fell|went\b", sentence):
            return "No overall control"
    return None
