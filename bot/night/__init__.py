"""Election night in Discord: follow a count, post each declaration once, keep a pin current.

source    polls Democracy Club's results API (rate limits, Retry-After, backoff)
state     what is followed and what was posted, in SQLite, so a restart posts nothing twice
poster    turns changes into channel messages and one pinned summary edited in place
follow    the loop joining them, one task per followed election
"""
