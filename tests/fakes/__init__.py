"""Local stand-ins for the services the importers talk to, served on 127.0.0.1.

    mediawiki.FakeMediaWiki        the MediaWiki Action API (`action=parse`), with faults
    democracyclub.FakeDemocracyClub the candidates site's CSV export

Both are real HTTP servers (the standard library's), so the importers' real HTTP code runs
against them: headers, gzip, status codes, Retry-After. Shared with benchmarks/import.py.
"""
