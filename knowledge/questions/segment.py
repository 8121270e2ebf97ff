"""Splitting a run of name-like words into names: which words form which name, and of what kind.

Every sub-sequence of a run (up to `MAX_SPAN` words) is looked up with the store's resolvers
for each kind its words resemble, and dynamic programming keeps the split that explains most
words with the best matches, never two names of one kind side by side. A word left unexplained
costs more than any match gains, so an unknown surname stays with its first name ("Lucy
Smithers", not found) unless the rest is a complete name on its own ("the Tories perform").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, Protocol

from rapidfuzz import fuzz

from knowledge.gazetteer import PLACE_PARTS, WARD_FILLER
from knowledge.normalize import normalize
from knowledge.questions.lexicon import WordInfo
from knowledge.questions.text import Token
from knowledge.resolve import ACCEPT, EntityKind, Resolution
from knowledge.tuning import WEIGHTS

MAX_SPAN: Final = 4
"""Longest name, in words, looked up as one (longer when the store has a longer ward or party
name: "Green Party of England and Wales")."""
LONGEST_SPAN: Final = 7
"""Never more than this, whatever the ward names."""
UNCOVERED_PENALTY: Final = WEIGHTS.uncovered_penalty
"""Leaving a name-like word unexplained costs more than any single match gains."""
SPAN_COST: Final = WEIGHTS.span_cost
COMPLETE: Final = WEIGHTS.complete
"""A match this good is a whole name, so a word beside it is not part of it."""
WORD_SIMILARITY: Final = WEIGHTS.word_similarity
"""Every word of a ward asked about must be this close to a word of the ward it matched:
"Darley Dale" is not Darley, "Spondon East" is not Spondon."""
JOINED_SIMILARITY: Final = WEIGHTS.joined_similarity
"""Two words read as one word of the name ("little over") must make it almost exactly."""
_WARD_FILLER: Final = WARD_FILLER
LOOKS_LIKE: Final = WEIGHTS.looks_like
"""Breaks a tie between unmatched readings: "Mary Jones" (not found) is a candidate's name."""
SOFT_WEIGHT: Final = WEIGHTS.soft_weight
"""An ordinary word inside a name ("Janet *Till*", "Labour *and* ...") explains little."""
_NAME_KINDS: Final = frozenset({"ward", "candidate"})
_PLACES: Final = frozenset({"ward", "election"})
KIND_ORDER: Final[tuple[EntityKind, ...]] = ("ward", "candidate", "party", "election")


class Resolver(Protocol):
    """A store's resolver of one kind; without `suggest`, a name not found gets no loose
    search for suggestions."""

    def __call__(self, query: str, *, suggest: bool = ...) -> Resolution: ...


Choice = tuple[EntityKind, int, int]
"""A name's kind and its first and last (exclusive) word."""
State = tuple[float, tuple[Choice, ...]]


class Lookup:
    """The resolvers, memoised for one question (the split tries the same n-gram often).

    Calling it resolves without suggestions: the split only asks whether and how well a reading
    matches, and looking loosely for suggestions for every reading of every n-gram costs more
    than the rest of a question at 10,000 elections. `full` adds them for the readings kept."""

    def __init__(
        self,
        by_kind: dict[EntityKind, Resolver],
        longest_ward: int = 0,
        councils: frozenset[str] = frozenset(),
        words: dict[EntityKind, frozenset[str]] | None = None,
        longest_party: int = 0,
        near_council: Callable[[str], bool] = lambda name: False,
        by_election: Callable[[str], bool] = lambda key: False,
        could_be_whole: Callable[[EntityKind, str], bool] = lambda kind, query: True,
    ) -> None:
        self._by_kind = by_kind
        self.by_election = by_election
        """Whether an election (by key) is a by-election: named after its ward."""
        self.could_be_whole = could_be_whole
        """Whether a name of this kind could be all of the words (`NameIndex.could_be_whole`):
        when not, the split does not resolve them to find out."""
        self.councils = councils
        """The loaded councils' own names ("derby", "rothwick"), as `council_key` gives them."""
        self.near_council = near_council
        """One edit from a council's name ("burnely"): the lexicon's, memoised for the store."""
        self._words = words
        """Each kind's name words: a plural is tried singular only when that is one of them."""
        self._longest: dict[EntityKind, int] = {
            "ward": min(max(MAX_SPAN, longest_ward), LONGEST_SPAN),
            "party": min(max(MAX_SPAN, longest_party), LONGEST_SPAN),
        }
        self.max_span = max(self._longest.values())
        self._seen: dict[tuple[EntityKind, str, bool], Resolution] = {}

    def longest(self, kind: EntityKind) -> int:
        """The most words a name of this kind is looked up with."""
        return self._longest.get(kind, MAX_SPAN)

    def __call__(self, kind: EntityKind, query: str) -> Resolution:
        return self._resolve(kind, query, suggest=False)

    def full(self, kind: EntityKind, query: str) -> Resolution:
        """The reading with its suggestions when its name is not found."""
        found = self._resolve(kind, query, suggest=False)
        if found.status == "not_found" and not found.matches:
            found = self._resolve(kind, query, suggest=True)
        return found

    def _resolve(self, kind: EntityKind, query: str, *, suggest: bool) -> Resolution:
        key = (kind, query, suggest)
        found = self._seen.get(key)
        if found is None:
            found = self._by_kind[kind](query, suggest=suggest)
            if kind == "ward":
                found = whole_ward(found)
            if found.status == "not_found" and self._plural(kind, query):  # "the LDs"
                singular = self._by_kind[kind](query[:-1], suggest=suggest)
                if singular.status != "not_found":
                    found = singular
            self._seen[key] = found
        return found

    def _plural(self, kind: EntityKind, query: str) -> bool:
        """ "the LDs", "the Pearns": the last word is a plural of a name word of this kind (a
        singular no name has would only repeat the search: "Inghurstley Fields")."""
        if not _plural(query):
            return False
        return self._words is None or query.rsplit(" ", 1)[-1][:-1] in self._words.get(
            kind, frozenset()
        )


def whole_ward(resolution: Resolution) -> Resolution:
    """The resolution, or not found (the match kept as a suggestion) when a word asked about
    is in no matched ward's name: a place we don't have, not the ward it resembles."""
    if resolution.status == "not_found":
        return resolution
    words = [w for w in resolution.query.split() if w not in _WARD_FILLER]
    kept = tuple(m for m in resolution.matches if _in_name(words, m.name))
    if kept == resolution.matches:
        return resolution
    if not kept:
        return resolution.model_copy(update={"status": "not_found"})
    status = "ok" if len(kept) == 1 else "ambiguous"
    return resolution.model_copy(update={"status": status, "matches": kept})


def _in_name(words: list[str], name: str) -> bool:
    """Each word matches its own word of the name (two words may make one: "little over")."""
    parts = normalize(name).split()
    n = 0
    while n < len(words):
        joined = words[n] + words[n + 1] if n + 1 < len(words) else ""
        if joined and _take(joined, parts, JOINED_SIMILARITY):
            n += 2
        elif _take(words[n], parts):
            n += 1
        else:
            return False
    return True


def _take(word: str, parts: list[str], similarity: float = WORD_SIMILARITY) -> bool:
    """Find (and use up) a word of the name that this word is, a prefix of, or a typo of."""
    for i, part in enumerate(parts):
        if word in PLACE_PARTS and part in PLACE_PARTS and word != part:
            continue  # "Kenton West" is not Kenton East, whatever the spelling distance
        if part.startswith(word) or fuzz.ratio(word, part) >= similarity:
            del parts[i]
            return True
    return False


def _plural(query: str) -> bool:
    last = query.rsplit(" ", 1)[-1]
    return len(last) > 2 and last.endswith("s") and not last.endswith("ss")


def query_of(tokens: tuple[Token, ...]) -> str:
    return " ".join(t.word for t in tokens)


def span_kinds(
    tokens: tuple[Token, ...], infos: list[WordInfo], first: int, last: int
) -> set[EntityKind]:
    """Kinds a span may be: some word in it must look like that kind's name words, and no one's
    name has "and" in it."""
    kinds: set[EntityKind] = set()
    all_soft = all(infos[i].role == "soft" for i in range(first, last))
    for i in range(first, last):
        info = infos[i]
        if info.role == "year":
            kinds.add("election")
        elif info.role == "name":
            kinds.update(info.kinds)
        elif info.role == "soft" and all_soft and tokens[i].capital:
            kinds.update(k for k in info.kinds if k in _NAME_KINDS)
    if any(tokens[i].word == "and" for i in range(first, last)):
        kinds.discard("candidate")  # a place ("Kingar and Station") or two people, not one
    return kinds


def _complete(resolution: Resolution) -> bool:
    """One name matched in full (not a part of it, not one of several); a question's words
    drop the possessive 's, so "St Ann's" asked about is "st ann", the whole of St Ann's."""
    if resolution.status != "ok":
        return False
    match = resolution.matches[0]
    return match.score >= COMPLETE or (
        match.score >= ACCEPT and normalize(_POSSESSIVES.sub("", match.name)) == resolution.query
    )


_POSSESSIVES: Final = re.compile(r"['’`]s\b", re.IGNORECASE)


def plausible(resolution: Resolution) -> bool:
    """Good enough to be offered to the intent as another reading of the same words."""
    return resolution.status != "not_found" and resolution.matches[0].score >= ACCEPT


def _value(resolution: Resolution, length: float) -> float:
    """What a span is worth: its match score per word it explains, less a cost per span."""
    if resolution.status == "ok" and resolution.matches:
        return resolution.matches[0].score / 10.0 * length - SPAN_COST
    if resolution.status == "ambiguous" and resolution.matches:
        return resolution.matches[0].score / 10.0 * length * 0.9 - SPAN_COST
    return 1.0 * length - SPAN_COST


def best_split(
    tokens: tuple[Token, ...], infos: list[WordInfo], start: int, end: int, lookup: Lookup
) -> list[Choice]:
    """The highest-valued way to cover one run with spans (dynamic programming over positions).

    A run that is one complete name of one kind ("Lucy Care") is taken whole at once: on a large
    store, looking up "Lucy" alone is the expensive part.
    """
    if 1 < end - start <= lookup.max_span:
        query = query_of(tokens[start:end])
        whole = [
            kind
            for kind in span_kinds(tokens, infos, start, end)
            if lookup.could_be_whole(kind, query) and _complete(lookup(kind, query))
        ]
        if sorted(whole) == ["election", "ward"] and lookup.by_election(
            lookup("election", query).matches[0].key
        ):
            whole = ["ward"]  # "Merhar Cliff", the ward, not its by-election's council and "Cliff"
        if len(whole) == 1:
            return [(whole[0], start, end)]
    best: dict[tuple[int, EntityKind | None], State] = {(start, None): (0.0, ())}
    for i in range(start, end):
        for last_kind in (None, "ward", "candidate", "party", "election"):
            state = best.get((i, last_kind))
            if state is None:
                continue
            value, chosen = state
            skip = 0.0 if infos[i].role == "soft" else -UNCOVERED_PENALTY
            _keep(best, (i + 1, None), (value + skip, chosen))
            for j in range(i + 1, min(end, i + lookup.max_span) + 1):
                for kind in _ordered(span_kinds(tokens, infos, i, j)):
                    if kind == last_kind or j - i > lookup.longest(kind):
                        continue
                    if kind == "candidate" and last_kind in _PLACES and _forename(infos, chosen):
                        continue
                    if last_kind == "ward" and kind != "ward" and _place_part(tokens, i, j):
                        continue  # "Kenton West": a place we may not have, not Paul West
                    resolution = lookup(kind, query_of(tokens[i:j]))
                    full = kind == "ward" and _called_a_ward(tokens, i, j)
                    weight = sum(
                        SOFT_WEIGHT if infos[n].role == "soft" and not full else 1.0
                        for n in range(i, j)
                    )
                    gained = value + _value(resolution, weight)
                    if kind == "election" and _council_named(lookup, tokens, infos, i, j):
                        gained += WEIGHTS.council_name
                    if resolution.status == "not_found" and _looks_like(infos, kind, i, j):
                        gained += LOOKS_LIKE
                    _keep(best, (j, kind), (gained, (*chosen, (kind, i, j))))
    finals = [state for (pos, _), state in best.items() if pos == end]
    return list(max(finals, key=lambda s: s[0])[1]) if finals else []


def _forename(infos: list[WordInfo], chosen: tuple[Choice, ...]) -> bool:
    """The ward or election just before this candidate is spelt in candidates' name words: "Mary
    Jones" is one person (perhaps not found), never St. Mary's and then a Jones."""
    _, first, last = chosen[-1]
    return all("candidate" in infos[n].kinds for n in range(first, last))


def _council_named(
    lookup: Lookup, tokens: tuple[Token, ...], infos: list[WordInfo], first: int, last: int
) -> bool:
    """The words are a loaded council's own name ("in Rotherham"), or one letter off it
    ("burnely") when no ward or person is spelt so: they choose its election, before any ward
    or party named after the town."""
    words = [t.word for t in tokens[first:last] if t.word != "the"]
    name = " ".join(words)
    if name in lookup.councils:
        return True
    exact = any(
        infos[n].kinds.get(kind, 0.0) >= 100.0
        for n in range(first, last)
        for kind in ("ward", "candidate", "party")
    )
    return len(name) >= _TYPO_LENGTH and not exact and lookup.near_council(name)


_TYPO_LENGTH = 5
"""Shorter words are one letter off too many others to be taken for a council's name."""


def _called_a_ward(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """Ordinary words used as a ward's name: "City *ward*", "in *Town*" (capitalised after
    "in"). A ward literally called City or Town is reachable, while "city" elsewhere stays a
    word of the council's name."""
    if last < len(tokens) and tokens[last].word in _WARD_FILLER - {"the"}:
        return True
    before = tokens[first - 1].word if first > 0 else ""
    return before in ("in", "at", "for") and all(tokens[n].capital for n in range(first, last))


def _place_part(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    return all(tokens[n].word in PLACE_PARTS for n in range(first, last))


def _looks_like(infos: list[WordInfo], kind: EntityKind, first: int, last: int) -> bool:
    """A name we don't have is read as the kind its known words best match ("Bill Brierley":
    a candidate's surname, only a near miss of the ward Birley)."""
    known = [infos[n].kinds for n in range(first, last) if infos[n].kinds]
    return bool(known) and all(kinds.get(kind, 0.0) >= max(kinds.values()) for kinds in known)


def _ordered(kinds: set[EntityKind]) -> list[EntityKind]:
    """Kinds in a fixed order, so equal readings always resolve the same way (a place that
    matches nothing is reported as a ward before a candidate)."""
    return [kind for kind in KIND_ORDER if kind in kinds]


def _keep(
    best: dict[tuple[int, EntityKind | None], State],
    key: tuple[int, EntityKind | None],
    state: State,
) -> None:
    if key not in best or state[0] > best[key][0]:
        best[key] = state


def trim(
    tokens: tuple[Token, ...],
    infos: list[WordInfo],
    kind: EntityKind,
    first: int,
    last: int,
    lookup: Lookup,
) -> tuple[int, int]:
    """Drop ordinary lower-case words stuck to a complete name ("the Tories *perform*").

    A span that matched nothing is cut back while its edge word is unknown and not capitalised,
    if what remains is a name matched in full; "Lucy Smithers" stays whole ("Lucy" alone is
    only part of Lucy Care's name), and so does "Littleover North" (a capital: part of a name).
    """
    if lookup(kind, query_of(tokens[first:last])).status == "ok":
        return first, last
    for new_first, new_last in _cuts(tokens, infos, first, last):
        if _complete(lookup(kind, query_of(tokens[new_first:new_last]))):
            return new_first, new_last
    return first, last


def _cuts(
    tokens: tuple[Token, ...], infos: list[WordInfo], first: int, last: int
) -> list[tuple[int, int]]:
    """Shorter spans with only droppable (unknown, lower-case) words removed from the edges."""

    def droppable(n: int) -> bool:
        word = tokens[n].word
        return infos[n].role == "unknown" and not tokens[n].capital and word not in PLACE_PARTS

    cuts = []
    left = first
    while left < last - 1 and droppable(left):
        left += 1
        cuts.append((left, last))
    for start in [first, *(c[0] for c in cuts)]:
        right = last
        while right > start + 1 and droppable(right - 1):
            right -= 1
            cuts.append((start, right))
    return cuts
