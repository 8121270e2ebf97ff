"""Wikipedia articles -> `data/elections/<slug>.wiki`, each with its source on the first line.

The first line is the contract with the wikitext reader, one HTML comment:

    <!-- source: TITLE | URL | revision REVID | fetched ISO-TIME | licence CC BY-SA 4.0 -->

An article whose revision is already on disk is not written again. A page that is not an
election article (no election box, no election infobox) is refused before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.importing import ImportFailure
from bot.importing.files import write_atomically
from bot.importing.mediawiki import Link, MediaWiki, MissingPage, Page
from knowledge import readers
from knowledge.councils import council_key
from knowledge.errors import ParseError
from knowledge.normalize import normalize

LICENCE = "CC BY-SA 4.0"
SOURCE_LINE = re.compile(
    r"^<!-- source: (?P<title>.*?) \| (?P<url>\S+) \| revision (?P<revision>\d+) "
    r"\| fetched (?P<fetched>\S+) \| licence (?P<licence>.+?) -->$"
)
_ELECTION_MARKUP = re.compile(
    r"\{\{\s*(?:election[ _]box|infobox[ _](?:legislative[ _])?election)", re.IGNORECASE
)
_ELECTION_TITLE = re.compile(
    r"^\d{4} .+ election$|^.+ election,? \d{4}$|\bby-elections?\b", re.IGNORECASE
)
_LIST_PREFIX = re.compile(r"^(?:list of )?elections? (?:to|in|for|of) ", re.IGNORECASE)
CONSECUTIVE_FAILURES_TO_STOP = 3

Status = Literal["loaded", "updated", "unchanged", "skipped", "failed"]
Progress = Callable[[int, int, str], None]
"""(articles done, articles in all, the title being fetched)."""


class NotAnElection(ImportFailure):
    """The page exists but holds no election results the store can read."""

    def __init__(self, title: str, reason: str) -> None:
        super().__init__(f"{title!r} {reason}")
        self.reason = reason


@dataclass(frozen=True)
class Outcome:
    title: str
    status: Status
    detail: str
    path: Path | None = None


def slug(title: str) -> str:
    """`2022 Burnley Borough Council election` -> `2022_burnley_borough_council_election`."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"['’]", "", plain)
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_") or "article"


def source_line(page: Page, fetched: dt.datetime) -> str:
    when = fetched.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"<!-- source: {page.title} | {page.url} | revision {page.revision} "
        f"| fetched {when} | licence {LICENCE} -->"
    )


def revision_on_disk(path: Path) -> int | None:
    """The revision named on an imported article's first line, if there is one."""
    try:
        with path.open(encoding="utf-8") as stream:
            first = stream.readline().strip()
    except (OSError, UnicodeDecodeError):
        return None
    match = SOURCE_LINE.match(first)
    return int(match["revision"]) if match else None


def looks_like_election(wikitext: str) -> bool:
    """A cheap check before writing: election boxes or an election infobox."""
    return bool(_ELECTION_MARKUP.search(wikitext))


def is_election_title(title: str, council: str = "") -> bool:
    """`2019 Derby City Council election`, `Derby City Council election, 2003`, a by-election:
    the titles a list imports. With `council` (a council key such as `derby`) the title must
    name it too, so a navbox's `2019 United Kingdom general election` is not taken."""
    if not _ELECTION_TITLE.search(title):
        return False
    return not council or f" {council} " in f" {normalize(title)} "


def list_council(list_title: str) -> str:
    """`Derby City Council elections`, `Elections to Derby City Council` -> `derby`."""
    return council_key(_LIST_PREFIX.sub("", list_title.strip()))


def _as_the_store_reads(document: str, file: str, title: str) -> str:
    """Read the document as the store will, when a reader for its kind is registered: an
    article the store could not load is refused before it is written. Returns a short
    description (`, 2 elections, 45 contests, 1 warning`), or "" with no reader."""
    reader = readers.reader_for(file)
    if reader is None:
        return ""
    try:
        elections = reader(document, file)
    except ParseError as error:
        raise NotAnElection(
            title, f"cannot be read as an election article (line {error.line}: {error.reason})"
        ) from None
    contests = sum(len(e.contests) for e in elections)
    warnings = sum(len(e.warnings) for e in elections)
    text = f", {len(elections)} election(s), {contests} contest(s)"
    return text + (f", {warnings} warning(s)" if warnings else "")


class WikipediaImporter:
    def __init__(
        self,
        wiki: MediaWiki,
        folder: Path,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.wiki = wiki
        self.folder = folder
        self.clock = clock

    def import_title(self, title: str) -> Outcome:
        """Fetch one article and write it; `ImportFailure` (nothing written) when it can't."""
        page = self.wiki.page(title)
        if not looks_like_election(page.wikitext):
            raise NotAnElection(
                page.title, "is not an election article (no election box or election infobox)"
            )
        path = self.folder / f"{slug(page.title)}.wiki"
        named = page.title if page.redirected_from is None else f"{title} -> {page.title}"
        before = revision_on_disk(path) if path.exists() else None
        if before == page.revision:
            return Outcome(named, "unchanged", f"revision {page.revision} already in {path}", path)
        body = page.wikitext if page.wikitext.endswith("\n") else page.wikitext + "\n"
        document = f"{source_line(page, self.clock())}\n{body}"
        read = _as_the_store_reads(document, path.name, page.title)
        write_atomically(path, document.encode("utf-8"))
        if before is None:
            return Outcome(named, "loaded", f"revision {page.revision}{read} -> {path}", path)
        detail = f"revision {before} -> {page.revision}{read} in {path}"
        return Outcome(named, "updated", detail, path)

    def listed(self, list_title: str) -> tuple[str, list[Link]]:
        """The election articles a list article links to, each once, in the list's order."""
        canonical, links = self.wiki.links(list_title)
        council = list_council(canonical)
        seen: set[str] = set()
        wanted: list[Link] = []
        for link in links:
            if (
                link.title in seen
                or link.title == canonical
                or not is_election_title(link.title, council)
            ):
                continue
            seen.add(link.title)
            wanted.append(link)
        if not wanted:
            raise ImportFailure(f"{canonical!r} links to no election articles")
        return canonical, wanted

    def import_list(self, list_title: str, progress: Progress | None = None) -> list[Outcome]:
        """Every linked election article, one request at a time; stops after repeated network
        failures rather than waiting out every retry of every remaining article."""
        _, links = self.listed(list_title)
        outcomes: list[Outcome] = []
        failures_in_a_row = 0
        for done, link in enumerate(links):
            if progress:
                progress(done, len(links), link.title)
            if failures_in_a_row >= CONSECUTIVE_FAILURES_TO_STOP:
                outcomes.append(
                    Outcome(link.title, "failed", "not tried: the network kept failing")
                )
                continue
            outcomes.append(self._one_of_a_list(link))
            failures_in_a_row = failures_in_a_row + 1 if outcomes[-1].status == "failed" else 0
        if progress:
            progress(len(links), len(links), "done")
        return outcomes

    def _one_of_a_list(self, link: Link) -> Outcome:
        if not link.exists:
            return Outcome(link.title, "skipped", "no article yet (a red link)")
        try:
            return self.import_title(link.title)
        except MissingPage:
            return Outcome(link.title, "skipped", "no such article")
        except NotAnElection as refused:
            return Outcome(link.title, "skipped", refused.reason.removeprefix("is "))
        except ImportFailure as failure:
            return Outcome(link.title, "failed", str(failure))
        except OSError as error:
            return Outcome(link.title, "failed", f"cannot write: {error.strerror}")
