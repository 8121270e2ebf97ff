"""The command layer: the bot's commands as data, parsed from text, run against the store.

Discord and the terminal offer the same commands; both call `run_command` and get a typed answer.
`COMMANDS` is the single description of each command and option, used for Discord's schema,
`/help` and the console alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import process

from knowledge import compose
from knowledge.answers import (
    AmbiguousAnswer,
    Answer,
    HelpAnswer,
    HelpEntry,
    NotFoundAnswer,
    NotFoundWhat,
    Option,
)
from knowledge.autocomplete import complete
from knowledge.history import commands as history_commands
from knowledge.resolve import EntityKind, Match, Resolution
from knowledge.store import ElectionInfo, ResultsStore, namesakes

MAX_CHOICES = 25
MAX_CHOICE_LENGTH = 100
EXAMPLES = (
    "/ward Littleover",
    "/candidate lucy care",
    "/party lib dems",
    "/summary",
    "/closest",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class OptionSpec:
    """One option of a command. Static data written here, never validated input: a plain frozen
    dataclass, so importing the commands builds no pydantic schema (a cold `ask` pays for it)."""

    name: str
    description: str
    required: bool = False
    autocomplete: EntityKind | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CommandSpec:
    """One command: its name, description, options and an example (a frozen dataclass, like
    `OptionSpec`)."""

    name: str
    description: str
    options: tuple[OptionSpec, ...] = ()
    example: str = ""

    @property
    def usage(self) -> str:
        parts = [f"/{self.name}"]
        for option in self.options:
            parts.append(f"<{option.name}>" if option.required else f"[{option.name}]")
        return " ".join(parts)


ELECTION_OPTION = OptionSpec(
    name="election",
    description="Which election (default: the most recent that has it), e.g. derby-2002",
    autocomplete="election",
)

COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        name="ward",
        description="Who stood in a ward, their votes, and who won",
        options=(
            OptionSpec(
                name="name",
                description="The ward, e.g. Littleover",
                required=True,
                autocomplete="ward",
            ),
            ELECTION_OPTION,
        ),
        example="/ward Littleover",
    ),
    CommandSpec(
        name="candidate",
        description="How a candidate did: votes, share, and whether they were elected",
        options=(
            OptionSpec(
                name="name",
                description="The candidate, e.g. Lucy Care",
                required=True,
                autocomplete="candidate",
            ),
            ELECTION_OPTION,
        ),
        example="/candidate lucy care",
    ),
    CommandSpec(
        name="party",
        description="A party's seats, gains and losses, votes and best wards",
        options=(
            OptionSpec(
                name="name",
                description="The party, e.g. Labour, Lib Dems, Tories",
                required=True,
                autocomplete="party",
            ),
            ELECTION_OPTION,
        ),
        example="/party lib dems",
    ),
    CommandSpec(
        name="summary",
        description="The council result: seats per party, change and who controls it",
        options=(ELECTION_OPTION,),
        example="/summary",
    ),
    CommandSpec(
        name="closest",
        description="The most marginal and the safest wards",
        options=(ELECTION_OPTION,),
        example="/closest",
    ),
    CommandSpec(
        name="history",
        description="A ward, candidate or party across the council's elections",
        options=(
            OptionSpec(
                name="ward",
                description="A ward's results over time, e.g. Abbey",
                autocomplete="ward",
            ),
            OptionSpec(
                name="candidate",
                description="A person's record, e.g. Lucy Care",
                autocomplete="candidate",
            ),
            OptionSpec(
                name="party",
                description="A party's seats and share per election, e.g. Labour",
                autocomplete="party",
            ),
            OptionSpec(
                name="council",
                description="Which council (default: the latest election's), e.g. derby",
                autocomplete="election",
            ),
        ),
        example="/history ward:Littleover",
    ),
    CommandSpec(
        name="councillors",
        description="Who represents a ward now, by the loaded elections",
        options=(
            OptionSpec(
                name="ward",
                description="The ward, e.g. Littleover",
                required=True,
                autocomplete="ward",
            ),
            OptionSpec(
                name="council",
                description="Which council (default: any that has the ward), e.g. derby",
                autocomplete="election",
            ),
        ),
        example="/councillors Littleover",
    ),
    CommandSpec(name="elections", description="The elections the bot knows", example="/elections"),
    CommandSpec(name="help", description="What the bot can answer, with examples", example="/help"),
)
SPECS: dict[str, CommandSpec] = {spec.name: spec for spec in COMMANDS}

ASK_COMMAND = CommandSpec(
    name="ask",
    description="Ask about the results in plain words, e.g. who won in Boulton?",
    options=(
        OptionSpec(
            name="question",
            description="Your question, e.g. who won in Boulton? or did Lucy Care get in?",
            required=True,
        ),
        ELECTION_OPTION,
    ),
    example="/ask who won in Boulton?",
)
"""/ask on Discord: a question in plain words. Not in `COMMANDS`: the console takes questions as
they are typed, and `run_command` has no "ask" (questions go to `knowledge.questions`)."""


class CommandCall(BaseModel):
    """A command with its options, as typed (`/ward name:Littleover election:derby-2002`)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    name: str
    options: dict[str, str] = {}


def parse_command(text: str) -> CommandCall | NotFoundAnswer:
    """Read `/name opt:value ...`; the first option's name may be left out."""
    stripped = text.strip()
    head, *tail = stripped.lstrip("/").split(None, 1) or [""]
    rest = tail[0] if tail else ""
    name = head.lower()
    spec = SPECS.get(name)
    if spec is None:
        return unknown_command(stripped)
    options: dict[str, str] = {}
    names = [o.name for o in spec.options]
    if names:
        marker = re.compile(
            r"(?:(?<=\s)|^)(" + "|".join(map(re.escape, names)) + r"):", re.IGNORECASE
        )
        found = list(marker.finditer(rest))
        leading = rest[: found[0].start()] if found else rest
        if leading.strip():
            options[names[0]] = leading.strip()
        for number, match in enumerate(found):
            end = found[number + 1].start() if number + 1 < len(found) else len(rest)
            value = rest[match.end() : end].strip()
            if value:
                options[match.group(1).lower()] = value
    elif rest.strip():
        options["_extra"] = rest.strip()
    return CommandCall(name=name, options=options)


def choice_option(command: str, what: EntityKind) -> str:
    """The option a choice from an ambiguous answer fills: `name`, or `election`, or (for
    /history and /councillors) the option named for the kind (`ward`, `party`, `council`)."""
    names = [o.name for o in SPECS[command].options] if command in SPECS else []
    if what == "election":
        return "council" if "council" in names else "election"
    return what if what in names else "name"


def unknown_command(text: str) -> NotFoundAnswer:
    word = (text.strip().lstrip("/").split(None, 1) or [""])[0][:40]
    close = process.extract(word.lower(), list(SPECS), limit=3, score_cutoff=50)
    return NotFoundAnswer(
        what="command",
        query=text[:100],
        message=f"There is no command /{word}. These are the commands: "
        + ", ".join(f"/{n}" for n in SPECS)
        + ".",
        suggestions=tuple(
            Option(name=f"/{name}", detail=SPECS[name].description, key=name, score=float(score))
            for name, score, _ in close
        ),
        examples=EXAMPLES,
    )


def run_text(store: ResultsStore, text: str, election: str | None = None) -> Answer:
    """Run a command typed as text (`/ward Littleover`); `election` is the default scope."""
    call = parse_command(text)
    if isinstance(call, NotFoundAnswer):
        return call
    options = dict(call.options)
    if election and not options.get("election") and _takes_election(call.name):
        options["election"] = election
    return run_command(store, call.name, options)


def _takes_election(name: str) -> bool:
    spec = next((c for c in COMMANDS if c.name == name), None)
    return spec is not None and any(o.name == "election" for o in spec.options)


def run_command(store: ResultsStore, name: str, options: Mapping[str, str | None]) -> Answer:
    """Run one command by name with its options; never raises for bad user input."""
    handler = HANDLERS.get(name)
    if handler is None:
        return unknown_command(name)
    clean = {k: v.strip() for k, v in options.items() if v is not None and v.strip()}
    return handler(store, clean)


# Handlers ----------------------------------------------------------------------------------


def _election(store: ResultsStore, text: str | None, command: str) -> ElectionInfo | Answer:
    """The election named by the user, or the answer explaining why it can't be used.

    An ambiguous election names `command` (the command to run again with the chosen election).
    """
    if not store.catalog:
        return NotFoundAnswer(what="election", query=text or "", message="No elections are loaded.")
    if not text:
        return store.catalog[-1]  # the catalog: no election is built to choose one
    resolution = store.resolve_election(text)
    if resolution.status == "ok" and resolution.best:
        found = store.info(resolution.best.key)
        assert found is not None
        return found
    return _unresolved(resolution, command, None, store)


def _unresolved(
    resolution: Resolution, command: str, election: str | None, store: ResultsStore
) -> Answer:
    options = tuple(
        Option(name=m.name, detail=m.detail, key=m.key, score=m.score) for m in resolution.matches
    )
    if resolution.status == "ambiguous":
        return AmbiguousAnswer(
            what=resolution.kind,
            query=resolution.query,
            options=options,
            command=command,
            election=election,
        )
    what: NotFoundWhat = resolution.kind
    where = f" in {election}" if election else ""
    noun = {"ward": "ward", "candidate": "candidate", "party": "party", "election": "election"}[
        resolution.kind
    ]
    message = f"No {noun} matching “{resolution.query[:100]}”{where}."
    if options:
        message += " Did you mean one of these?"
    elif resolution.kind == "election":
        message += " Use /elections to see the loaded elections."
    return NotFoundAnswer(
        what=what,
        query=resolution.query[:100],
        message=message,
        suggestions=options,
        examples=EXAMPLES,
    )


def _missing(what: NotFoundWhat, command: str) -> NotFoundAnswer:
    return NotFoundAnswer(
        what=what,
        query="",
        message=f"Which {what}? Try {SPECS[command].example}.",
        examples=(SPECS[command].example,),
    )


NamedKind = Literal["ward", "candidate", "party"]


def _named(
    store: ResultsStore,
    options: dict[str, str],
    kind: NamedKind,
    resolve: Callable[[str, str | None], Resolution],
) -> tuple[Match, ElectionInfo, str | None] | Answer:
    """The election (named, else the latest), then the name resolved in it.

    Returns the match, the election and the id the search was scoped to (None when no election
    was named), or the answer that explains why there is no single match.
    """
    scope = _election(store, options.get("election"), kind)
    if not isinstance(scope, ElectionInfo):
        return scope
    name = options.get("name", "")
    if not name:
        return _missing(kind, kind)
    scoped = scope.id if options.get("election") and kind != "party" else None
    resolution = resolve(name, scoped)
    if resolution.status != "ok" or resolution.best is None:
        return _unresolved(resolution, kind, scoped, store)
    return resolution.best, scope, scoped


def _ward(store: ResultsStore, options: dict[str, str]) -> Answer:
    found = _named(store, options, "ward", store.resolve_ward)
    if not isinstance(found, tuple):
        return found
    match, _, scoped = found
    election_id = scoped or match.elections[0]
    ward = next(r.ward for r in store.ward_refs(match.key) if r.election_id == election_id)
    contest = store.contest(election_id, ward)
    assert contest is not None
    others = compose.others_than(match.elections, election_id)
    answer = compose.ward_answer(store, election_id, contest, others)
    return history_commands.with_last_time(store, answer)


def _candidate(store: ResultsStore, options: dict[str, str]) -> Answer:
    name, ward = _name_and_ward(store, options.get("name", ""))
    found = _named(store, {**options, "name": name}, "candidate", store.resolve_candidate)
    if not isinstance(found, tuple):
        return found
    match, _, scoped = found
    there = store.candidate_refs_in(match.key, [ward], [scoped] if scoped else []) if ward else ()
    election_id = there[0].election_id if there else scoped or match.elections[0]
    record = store.candidate_record(match.key, election_id, compose.MAX_LISTED)
    here = [r for r in (there or record.shown) if r.election_id == election_id]
    if len({r.ward for r in here}) > 1:  # namesakes in one election: ask which
        return _unresolved(namesakes(here, match, name), "candidate", election_id, store)
    ref = here[0]
    answer = compose.candidate_answer(store, ref, record)
    assert answer is not None
    return history_commands.with_last_time(store, answer)


_WITH_WARD = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<ward>[^()]+)\)\s*$")


def _name_and_ward(store: ResultsStore, text: str) -> tuple[str, str | None]:
    """ "David Green (Worthter)", as a namesake is offered, is David Green who stood in the
    ward Worthter; any other text (and "Smith (Jnr)", no ward) is a name alone."""
    found = _WITH_WARD.match(text)
    if found is None or store.resolve_ward(found["ward"], suggest=False).status != "ok":
        return text, None
    return found["name"], found["ward"].strip()


def _party(store: ResultsStore, options: dict[str, str]) -> Answer:
    found = _named(store, options, "party", lambda name, _: store.resolve_party(name))
    if not isinstance(found, tuple):
        return found
    match, scope, _ = found
    party = store.party(match.key)
    assert party is not None
    explicit = options.get("election") or not match.elections
    election_id = scope.id if explicit else match.elections[0]
    others = compose.others_than(match.elections, election_id)
    return compose.party_answer(store, election_id, party, others)


def _summary(store: ResultsStore, options: dict[str, str]) -> Answer:
    scope = _election(store, options.get("election"), "summary")
    if not isinstance(scope, ElectionInfo):
        return scope
    return compose.summary_answer(store, scope.id)


def _closest(store: ResultsStore, options: dict[str, str]) -> Answer:
    scope = _election(store, options.get("election"), "closest")
    if not isinstance(scope, ElectionInfo):
        return scope
    return compose.closest_answer(store, scope.id)


def _history(store: ResultsStore, options: dict[str, str]) -> Answer:
    return history_commands.history(store, options, _unresolved)


def _councillors(store: ResultsStore, options: dict[str, str]) -> Answer:
    if not options.get("ward"):
        return _missing("ward", "councillors")
    return history_commands.councillors(store, options, _unresolved)


def _elections(store: ResultsStore, options: dict[str, str]) -> Answer:
    return compose.elections_answer(store)


def help_answer() -> HelpAnswer:
    return HelpAnswer(
        commands=tuple(HelpEntry(usage=s.usage, description=s.description) for s in COMMANDS),
        examples=EXAMPLES,
    )


def _help(store: ResultsStore, options: dict[str, str]) -> Answer:
    return help_answer()


Handler = Callable[[ResultsStore, dict[str, str]], Answer]
HANDLERS: dict[str, Handler] = {
    "ward": _ward,
    "candidate": _candidate,
    "party": _party,
    "summary": _summary,
    "closest": _closest,
    "history": _history,
    "councillors": _councillors,
    "elections": _elections,
    "help": _help,
}


# Autocomplete ------------------------------------------------------------------------------


class Suggestion(BaseModel):
    """An autocomplete choice: `label` is shown, `value` is what the command receives."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    label: str
    value: str


def suggest(
    store: ResultsStore, kind: EntityKind, text: str, election: str | None = None
) -> list[Suggestion]:
    """At most 25 ranked choices, from memory; useful on empty input too."""
    scope: str | None = None
    if election:
        resolution = store.resolve_election(election)
        scope = resolution.best.key if resolution.best else None
    text = text[:100]
    out: list[Suggestion] = []
    if kind == "election":
        for e in complete(store.election_index, text, MAX_CHOICES):
            out.append(_choice(f"{e.key} — {e.detail}", e.key))
    elif kind == "party":
        for p in complete(store.parties, text, MAX_CHOICES):
            out.append(_choice(p.name, p.name))
    elif kind == "ward":
        for w in complete(store.wards, text, MAX_CHOICES, scope=scope):
            out.append(_choice(w.name, w.name))
    else:
        for c in complete(store.candidates, text, MAX_CHOICES, scope=scope):
            # "Ward · Party" in the chosen election, else in the newest (the entry's own)
            detail = (store.candidate_detail(c.key, scope) if scope else None) or c.detail
            ward, _, party = detail.rpartition(" · ")
            out.append(_choice(f"{c.name} — {ward} ({party})", c.name))
    return out[:MAX_CHOICES]


def _choice(label: str, value: str) -> Suggestion:
    if len(label) > MAX_CHOICE_LENGTH:
        label = label[: MAX_CHOICE_LENGTH - 1] + "…"
    return Suggestion(label=label, value=value[:MAX_CHOICE_LENGTH])
