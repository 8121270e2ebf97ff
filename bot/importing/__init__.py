"""`python -m bot import …`: fetch election documents from Wikipedia and Democracy Club.

    client.py         one polite HTTP client (User-Agent, gzip, retries, Retry-After)
    mediawiki.py      the MediaWiki Action API: an article's wikitext and revision, its links
    wikipedia.py      articles -> `data/elections/<slug>.wiki` with a source line on top
    democracyclub.py  a results CSV, copied from a file or downloaded by election id
    files.py          atomic writes: a temporary file renamed into place, or nothing
    cli.py            the argument parser and the one-line error path

Every failure the user can cause or meet (a missing article, a page that is not an election,
the network) is an `ImportFailure` with a one-line message; `cli` prints it and exits non-zero.
"""

from __future__ import annotations


class ImportFailure(Exception):
    """An import that cannot go ahead; the message is one line, fit to show as it is."""
