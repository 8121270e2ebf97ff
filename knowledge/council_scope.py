"""A server's default council or election, and what it means for a command with no election.

A Derby server sets Derby as its default: `/ward Abbey` there means Abbey in Derby's most recent
election, while a server with no default (or another council) keeps its own answer. The default
is stored as text (`council:derby` or `election:derby-2002`); this module turns what a moderator
typed into that text, explains a value that matches nothing, and applies a default to a command's
options. Discord-free and storage-free: the default is always an argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from knowledge.councils import council_key
from knowledge.models import Election
from knowledge.normalize import normalize
from knowledge.store import ResultsStore

ScopeKind = Literal["council", "election"]
SCOPED_COMMANDS = frozenset({"ward", "candidate", "party", "summary", "closest", "ask"})
"""Commands whose answer depends on one election; the others ignore a default."""
LISTED_MAX = 8


@dataclass(frozen=True)
class Scope:
    """A default: every election of one council (the newest answers), or one election."""

    kind: ScopeKind
    key: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"

    @classmethod
    def parse(cls, text: str) -> Scope:
        """`council:derby` -> Scope("council", "derby"); ValueError for anything else."""
        kind, sep, key = text.partition(":")
        if not sep or kind not in ("council", "election") or not key.strip():
            raise ValueError(
                f"not a stored default: {text!r} (expected council:KEY or election:ID)"
            )
        return cls("council" if kind == "council" else "election", key.strip())


@dataclass(frozen=True)
class Refused:
    """Why a typed default cannot be used, in words for the moderator."""

    message: str


def councils(store: ResultsStore) -> dict[str, str]:
    """Council key -> council name, for every loaded election (newest name wins)."""
    found: dict[str, str] = {}
    for election in store.catalog:  # the catalog: no election is built to list councils
        found[election.council_key] = election.council
    return found


def election_for(store: ResultsStore, scope: Scope | None) -> Election | None:
    """The election a default points at: the council's newest, or the one named; None if the
    default is unset or no longer loaded."""
    if scope is None:
        return None
    if scope.kind == "election":
        return store.election(scope.key)
    for election in reversed(store.catalog):
        if election.council_key == scope.key:
            return store.built(election)
    return None


def describe(store: ResultsStore, scope: Scope | None) -> str:
    """The default in words, for /settings."""
    if scope is None:
        return "none (the most recent election)"
    if scope.kind == "election":
        election = store.election(scope.key)
        return election.title if election else f"{scope.key} (no longer loaded)"
    name, newest = councils(store).get(scope.key), election_for(store, scope)
    if name is None or newest is None:
        return f"{scope.key} (no longer loaded)"
    return f"{name} (its most recent election, now the {newest.title})"


def parse_scope(store: ResultsStore, text: str) -> Scope | Refused:
    """What a moderator typed (a council name or key, an election id, title or year) -> a Scope.

    A council is tried first (exact key or name), then an election (exact id, then the store's
    own election resolution); a value that matches nothing, or several, is refused with the
    loaded choices.
    """
    typed = text.strip()
    if not typed:
        return Refused("Type a council or an election, e.g. Derby or derby-2002.")
    if typed.lower().startswith(("council:", "election:")):
        try:
            scope = Scope.parse(typed.lower())
        except ValueError:
            pass
        else:
            if election_for(store, scope) is not None:
                return scope
    known = councils(store)
    wanted = council_key(typed)
    for key, name in known.items():
        if wanted == key or normalize(typed) == normalize(name):
            return Scope("council", key)
    resolution = store.resolve_election(typed)
    if resolution.status == "ok" and resolution.best is not None:
        return Scope("election", resolution.best.key)
    listed = ", ".join(sorted(known.values())[:LISTED_MAX]) or "none"
    if resolution.status == "ambiguous":
        names = ", ".join(m.key for m in resolution.matches[:LISTED_MAX])
        return Refused(f"“{typed[:100]}” matches several elections ({names}); pick one.")
    return Refused(
        f"No council or election matching “{typed[:100]}”. Councils loaded: {listed}. "
        "/elections lists every election."
    )


def choices(store: ResultsStore, current: str, limit: int = 25) -> list[tuple[str, str]]:
    """(label, value) pairs for autocomplete: councils first, then elections, newest first."""
    typed = normalize(current)
    found: list[tuple[str, str]] = []
    for key, name in sorted(councils(store).items(), key=lambda kv: kv[1]):
        if not typed or typed in normalize(name) or typed in key:
            found.append((f"{name} (council: its most recent election)", f"council:{key}"))
    for election in reversed(store.catalog):
        if not typed or typed in normalize(election.title) or typed in election.id:
            found.append((election.title, f"election:{election.id}"))
    return found[:limit]


def apply_scope(
    store: ResultsStore,
    command: str,
    options: Mapping[str, str | None],
    scope: Scope | None,
) -> dict[str, str | None]:
    """The options with the default's election filled in when the user named none.

    An election the user named always wins; commands that do not answer from one election, and
    a default that is no longer loaded, leave the options as they were.
    """
    scoped = dict(options)
    if command not in SCOPED_COMMANDS or (scoped.get("election") or "").strip():
        return scoped
    election = election_for(store, scope)
    if election is not None:
        scoped["election"] = election.id
    return scoped
