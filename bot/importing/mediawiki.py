"""The MediaWiki Action API: one article's wikitext and revision, and an article's links.

`action=parse&prop=wikitext|revid&formatversion=2&redirects=1` follows redirects and returns the
canonical title; every request carries `maxlag=5`, and a maxlag error is retried after the
server's `Retry-After` like a 503.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any

from bot.importing import ImportFailure
from bot.importing.client import HttpClient, Response

MAXLAG_SECONDS = "5"


@dataclass(frozen=True)
class Page:
    """An article as fetched: canonical title, revision, wikitext and the URL people open."""

    title: str
    revision: int
    wikitext: str
    url: str
    redirected_from: str | None = None


@dataclass(frozen=True)
class Link:
    title: str
    exists: bool


class MissingPage(ImportFailure):
    """The wiki has no article of that title."""


class MediaWiki:
    def __init__(self, client: HttpClient, api_url: str) -> None:
        self.client = client
        self.api_url = api_url
        self.host = urllib.parse.urlsplit(api_url).netloc or api_url

    def page(self, title: str) -> Page:
        """The current wikitext of an article, after any redirect."""
        data = self._parse(title, "wikitext|revid")
        wikitext = data.get("wikitext")
        if not isinstance(wikitext, str) or not isinstance(data.get("revid"), int):
            raise ImportFailure(f"{self.host} sent no wikitext for {title!r}")
        canonical = str(data.get("title") or title)
        redirects = data.get("redirects") or []
        return Page(
            title=canonical,
            revision=int(data["revid"]),
            wikitext=wikitext,
            url=self.article_url(canonical),
            redirected_from=title if redirects and canonical != title else None,
        )

    def links(self, title: str) -> tuple[str, list[Link]]:
        """An article's canonical title and the article-space pages it links to, in order."""
        data = self._parse(title, "links")
        links = [
            Link(title=str(item["title"]), exists=bool(item.get("exists", True)))
            for item in data.get("links") or []
            if isinstance(item, dict) and item.get("ns") == 0 and "title" in item
        ]
        return str(data.get("title") or title), links

    def article_url(self, title: str) -> str:
        """`…/w/api.php` + title -> `…/wiki/Title_with_underscores`."""
        path = urllib.parse.quote(title.replace(" ", "_"), safe="/:,()'!*")
        if self.api_url.endswith("/w/api.php"):
            return f"{self.api_url.removesuffix('/w/api.php')}/wiki/{path}"
        return f"{self.api_url.removesuffix('api.php')}index.php?title={path}"

    def _parse(self, title: str, prop: str) -> dict[str, Any]:
        params = {
            "action": "parse",
            "page": title,
            "prop": prop,
            "redirects": "1",
            "format": "json",
            "formatversion": "2",
            "maxlag": MAXLAG_SECONDS,
        }
        reply = self.client.get(self.api_url, params, retry_when=_maxlag_wait).json()
        if not isinstance(reply, dict):
            raise ImportFailure(f"{self.host} sent an unexpected reply for {title!r}")
        if error := reply.get("error"):
            code = error.get("code", "") if isinstance(error, dict) else ""
            if code in {"missingtitle", "invalidtitle", "nosuchpageid"}:
                raise MissingPage(f"no article called {title!r} on {self.host}")
            info = error.get("info", code) if isinstance(error, dict) else error
            raise ImportFailure(f"{self.host} refused {title!r}: {info}")
        parsed = reply.get("parse")
        if not isinstance(parsed, dict):
            raise ImportFailure(f"{self.host} sent no page for {title!r}")
        return parsed


def _maxlag_wait(response: Response) -> float | None:
    """A maxlag error arrives as HTTP 200 with `Retry-After`: wait that long, then ask again."""
    if b'"maxlag"' not in response.body[:2000]:
        return None
    try:
        code = response.json().get("error", {}).get("code")
    except (ImportFailure, AttributeError):
        return None
    if code != "maxlag":
        return None
    try:
        return float(response.headers.get("retry-after", "5"))
    except ValueError:
        return 5.0
