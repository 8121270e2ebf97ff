"""Wikipedia council-election articles (`*.wiki`, wikitext as the MediaWiki API returns it).

Read with mwparserfromhell, a real wikitext parser: templates, links, tags and comments arrive
as nodes, so values are read from their parameters rather than by regexes over raw text.
`article` walks the document; `infobox`, `boxes` and `summary` read one kind of template each;
`markup` turns a value into plain text.
"""

from __future__ import annotations

from knowledge.models import Election
from knowledge.readers.wikipedia.article import read_article


def read(body: str, file: str) -> list[Election]:
    """The elections of one article: the main election, then any by-elections it reports."""
    return read_article(body, file)
