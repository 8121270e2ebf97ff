"""A fake MediaWiki Action API: `action=parse` for wikitext, revid and links, with faults.

Articles come from fixture files whose first line is the attribution comment naming the
article's URL (kept in the fixture, stripped when served, as the real API has no such line).
Redirects, missing pages and red links answer as MediaWiki does with `formatversion=2`; faults
queued with `fail_next` answer the next requests first: HTTP 429/503 with `Retry-After`, a
maxlag error (HTTP 200 with `Retry-After`, as MediaWiki sends it), or a reply cut short.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from fakes.http import LocalServer, Reply, Request

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = (TESTS / "knowledge" / "documents" / "wikipedia", TESTS / "fixtures" / "wikipedia")
"""The reader's test articles, and more whole articles kept for the importer's tests."""
API_PATH = "/w/api.php"
_SOURCE_URL = re.compile(r"https?://en\.wikipedia\.org/wiki/(\S+)")

FaultKind = Literal["429", "503", "maxlag", "cut", "500"]


@dataclass
class Article:
    title: str
    wikitext: str
    revision: int


def fixture_article(path: Path, revision: int = 1000) -> Article:
    """An article from a fixture file: title from its attribution line, the rest as wikitext."""
    first, _, rest = path.read_text(encoding="utf-8").partition("\n")
    match = _SOURCE_URL.search(first)
    assert match, f"{path.name}: the first line names no Wikipedia article"
    title = urllib.parse.unquote(match[1]).replace("_", " ")
    return Article(title=title, wikitext=rest, revision=revision)


def fixture_articles() -> list[Article]:
    """Every fixture that is one whole Wikipedia article (its first line names the article's
    URL), by file name; excerpts of several articles are left out."""
    paths = sorted((p for folder in FIXTURES for p in folder.glob("*.wiki")), key=lambda p: p.name)
    whole = [p for p in paths if _SOURCE_URL.search(p.read_text("utf-8").partition("\n")[0])]
    return [fixture_article(path, 1000 + n) for n, path in enumerate(whole)]


class FakeMediaWiki:
    def __init__(self, articles: list[Article] | None = None) -> None:
        self.articles: dict[str, Article] = {}
        self.redirects: dict[str, str] = {}
        self.lists: dict[str, list[tuple[str, bool]]] = {}
        self.faults: deque[tuple[FaultKind, str, str | None]] = deque()
        for article in articles if articles is not None else fixture_articles():
            self.add(article)
        self.server = LocalServer(self._answer)

    # Setting up ----------------------------------------------------------------------------

    def add(self, article: Article) -> None:
        self.articles[article.title] = article

    def edit(self, title: str, wikitext: str) -> None:
        """A new revision of an article."""
        article = self.articles[title]
        self.articles[title] = Article(title, wikitext, article.revision + 1)

    def redirect(self, source: str, target: str) -> None:
        self.redirects[source] = target

    def link_list(self, title: str, links: list[tuple[str, bool]]) -> None:
        """An article (a list of elections) linking to (title, exists) pages."""
        self.lists[title] = links

    def fail_next(self, kind: FaultKind, retry_after: str = "0", page: str | None = None) -> None:
        """Answer the next request (for `page` only, if given) with this fault."""
        self.faults.append((kind, retry_after, page))

    # Serving -------------------------------------------------------------------------------

    def start(self) -> FakeMediaWiki:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    @property
    def api_url(self) -> str:
        return self.server.base + API_PATH

    @property
    def requests(self) -> list[Request]:
        return self.server.requests

    def _answer(self, request: Request) -> Reply:
        if request.path != API_PATH:
            return Reply(404, b"not found", "text/plain")
        params = request.params
        for fault in self.faults:
            if fault[2] in (None, params.get("page")):
                self.faults.remove(fault)
                return self._fault(fault[0], fault[1])
        if params.get("action") != "parse" or params.get("formatversion") != "2":
            return _error("badvalue", "only action=parse with formatversion=2 is faked")
        title = params.get("page", "")
        redirects = []
        if params.get("redirects") and title in self.redirects:
            redirects = [{"from": title, "to": self.redirects[title]}]
            title = self.redirects[title]
        props = set(params.get("prop", "").split("|"))
        body: dict[str, Any] = {"title": title, "pageid": abs(hash(title)) % 100000}
        if redirects:
            body["redirects"] = redirects
        if title in self.lists and "links" in props:
            body["links"] = [
                {"ns": 0, "title": name, "exists": exists} for name, exists in self.lists[title]
            ] + [{"ns": 14, "title": "Category:Derby", "exists": True}]
            return _json({"parse": body})
        article = self.articles.get(title)
        if article is None:
            return _error("missingtitle", "The page you specified doesn't exist.")
        if "revid" in props:
            body["revid"] = article.revision
        if "wikitext" in props:
            body["wikitext"] = article.wikitext
        if "links" in props:
            body["links"] = []
        return _json({"parse": body})

    def _fault(self, kind: FaultKind, retry_after: str) -> Reply:
        headers = {"Retry-After": retry_after} if retry_after else {}
        if kind == "maxlag":
            reply = _error("maxlag", "Waiting for 10.64.0.1: 7 seconds lagged.")
            reply.body = json.dumps({"error": {"code": "maxlag", "lag": 7}}).encode()
            reply.headers = {**headers, "X-Database-Lag": "7"}
            return reply
        if kind == "cut":
            return Reply(200, json.dumps({"parse": {"title": "x" * 500}}).encode(), cut_short=True)
        status = int(kind)
        return Reply(status, b"try later", "text/plain", headers)


def _json(data: dict[str, Any]) -> Reply:
    return Reply(200, json.dumps(data).encode("utf-8"))


def _error(code: str, info: str) -> Reply:
    return _json({"error": {"code": code, "info": info}})
