"""Follow-up questions: "and the lib dems?", "what about Abbey?", "who came second there?".

A follow-up is rewritten into a whole question from the one asked before it, then answered as
any other question, so follow-ups need no intent or reply of their own:

- a question that is only names after "and" / "what about" / "how about" ("and in Town?")
  puts each name in place of the name of the same kind in the previous question ("how many
  seats did labour win" -> "how many seats did the lib dems win");
- an election or year the previous question did not name is added to it ("what about in
  2003?" -> "who won in Abbey in 2003");
- "there" (or "that ward") is the previous question's ward ("who came second there?" ->
  "who came second in Abbey?");
- a question naming nothing, after one about a ward, is about that ward when what it asks is
  something a ward has ("what was the majority?" -> "what was the majority in Abbey?"), and
  "they" after "who won" are the winners; one about the council ("who controls the council?")
  stays with the council.

Pure: a `Conversation` holds the previous question of one conversation and nothing else; the
front ends decide how long a conversation lasts and whose it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from knowledge.answers import Answer, ClosestAnswer, RankingAnswer, WardAnswer
from knowledge.questions.answering import answer_question, read_question
from knowledge.questions.cues import WIN, cue_score, phrases
from knowledge.questions.lexicon import lexicon_for
from knowledge.questions.spotting import Span, Spotted, spot
from knowledge.questions.text import tokenize
from knowledge.questions.years import year_named
from knowledge.store import ResultsStore

FOLLOW_OPENERS: Final[tuple[tuple[str, ...], ...]] = (
    ("no", "i", "meant"),
    ("no", "i", "mean"),
    ("sorry", "i", "meant"),
    ("i", "meant"),
    ("i", "mean"),
    ("and", "what", "about"),
    ("and", "how", "about"),
    ("what", "about"),
    ("how", "about"),
    ("what", "of"),
    ("same", "for"),
    ("and", "for"),
    ("and",),
)
"""Words that open a follow-up made only of names, longest first."""
FILLER: Final = frozenset(
    {"the", "in", "for", "at", "then", "now", "of", "ward", "party", "too", "one", "election"}
)
"""Words a names-only follow-up may also hold ("and in Town ward then?")."""
THERE: Final[tuple[tuple[str, ...], ...]] = (("in", "that", "ward"), ("that", "ward"), ("there",))
"""Words that stand for the previous question's ward."""
PRONOUNS: Final = frozenset({"they", "them", "he", "him", "she", "her"})
"""Words that stand for the previous question's candidate (or the people of its ward)."""
COUNCIL_WIDE: Final = frozenset(
    {
        "council", "councils", "overall", "altogether", "across", "wards", "everywhere",
        "election", "elections", "citywide", "boroughwide", "countywide",
        "which ward", "what ward", "each ward", "every ward", "most seats", "fewest seats",
    }
)  # fmt: skip
"""Words and phrases of a question about the whole council, never about the previous ward
("who controls the council?", "which ward was closest?")."""


@dataclass(frozen=True)
class Turn:
    """A question answered earlier in the conversation, with the names found in it."""

    text: str
    spotted: Spotted
    election: str | None = None
    """The election it was answered from: a follow-up stays in it unless it names another."""
    subject: str | None = None
    """The one person the answer is about when the question named none ("who topped the poll
    in Oakwood?": Pauline Latham), for "how many votes did she get?"."""
    place: str | None = None
    """The ward the answer is about when the question named none ("closest ward in Mid
    Suffolk?": Woolpit), for "and the runner up?"."""


def follow_up(store: ResultsStore, previous: Turn | None, text: str) -> str:
    """The question to answer: `text` itself, or the whole question it follows up."""
    return _follow_up(store, previous, text)[0]


def _follow_up(store: ResultsStore, previous: Turn | None, text: str) -> tuple[str, Spotted | None]:
    """`follow_up`, with the names found in `text` (None without a previous question)."""
    if previous is None:
        return text, None
    clean, tokens = tokenize(text)
    spotted = spot(store, lexicon_for(store), clean, tokens)
    words = [t.word for t in tokens]
    opener = next((o for o in FOLLOW_OPENERS if tuple(words[: len(o)]) == o), None)
    if opener is not None and spotted.spans:
        rewritten = _substitute(previous, spotted, len(opener))
        if rewritten is not None:
            return rewritten, spotted
    found = _there(previous, clean, spotted) or _pronoun(previous, clean, spotted)
    return found or text, spotted


def _substitute(previous: Turn, spotted: Spotted, skip: int) -> str | None:
    """The previous question with each name of the follow-up put in place of the previous
    name of the same kind; None when the follow-up says more than names."""
    named = {i for s in spotted.spans for i in range(s.start, s.end)}
    rest = [t.word for i, t in enumerate(spotted.tokens) if i >= skip and i not in named]
    if any(w not in FILLER for w in rest):
        return None
    old = previous.spotted
    replacements: list[tuple[Span, Span]] = []
    added: list[str] = []
    for span in spotted.spans:
        target = next((s for s in old.spans if _same_slot(old, s, spotted, span)), None)
        if target is None and span.kind == "election":  # "what about in 2003?"
            added.append(_words_of(spotted, span))
            continue
        if target is None or any(t is target for t, _ in replacements):
            return None
        replacements.append((target, span))
    text = old.text.rstrip(" ?")
    if added:
        text = f"{text} in {' '.join(added)}"
    text += old.text[len(old.text.rstrip(" ?")) :] if not added else ""
    for target, span in sorted(replacements, key=lambda r: -r[0].start):
        first, last = old.tokens[target.start], old.tokens[target.end - 1]
        text = f"{text[: first.start]}{_words_of(spotted, span)}{text[last.end :]}"
    return text


def _same_slot(old: Spotted, before: Span, spotted: Spotted, span: Span) -> bool:
    """The follow-up's name takes the place of the earlier one: same kind, and for elections
    a year for a year and a council for a council ("who won Abbey in Cambridge?", "and in
    2022?": Cambridge stays, the year is added)."""
    if before.kind != span.kind:
        return False
    if span.kind != "election":
        return True
    return (year_named(_words_of(old, before)) is None) == (
        year_named(_words_of(spotted, span)) is None
    )


def _words_of(spotted: Spotted, span: Span) -> str:
    """The span's words as the user typed them."""
    return spotted.text[spotted.tokens[span.start].start : spotted.tokens[span.end - 1].end]


def _there(previous: Turn, text: str, spotted: Spotted) -> str | None:
    """ "who came second there?": "there" read as the previous question's ward."""
    if any(s.kind == "ward" for s in spotted.spans):
        return None
    ward = next((s for s in previous.spotted.spans if s.kind == "ward"), None)
    if ward is None:
        return None
    old = previous.spotted
    name = old.text[old.tokens[ward.start].start : old.tokens[ward.end - 1].end]
    words = [t.word for t in spotted.tokens]
    for phrase in THERE:
        for n in range(len(words) - len(phrase) + 1):
            if tuple(words[n : n + len(phrase)]) == phrase:
                first, last = spotted.tokens[n], spotted.tokens[n + len(phrase) - 1]
                return f"{text[: first.start]}in {name}{text[last.end :]}"
    return None


def _pronoun(previous: Turn, text: str, spotted: Spotted) -> str | None:
    """ "how many votes did she get?": the previous question's candidate in place of the
    pronoun; or, after a question about a ward, that ward added ("... did they get in
    Castle?")."""
    if any(s.kind in ("candidate", "ward") for s in spotted.spans):
        return None
    at = next((n for n, t in enumerate(spotted.tokens) if t.word in PRONOUNS), None)
    if at is None:
        return None
    old = previous.spotted
    person = next((s for s in old.spans if s.kind == "candidate"), None)
    token = spotted.tokens[at]
    if person is not None:
        return f"{text[: token.start]}{_words_of(old, person)}{text[token.end :]}"
    if previous.subject is not None and token.word in _ONE_PERSON:  # "who topped the poll"
        return f"{text[: token.start]}{previous.subject}{text[token.end :]}"
    ward = next((s for s in old.spans if s.kind == "ward"), None)
    party = next((s for s in old.spans if s.kind == "party"), None)
    if party is not None and token.word in ("they", "them"):  # "how many did they have"
        text = f"{text[: token.start]}{_words_of(old, party)}{text[token.end :]}"
        return _in_ward(text, _words_of(old, ward)) if ward is not None else text
    if ward is None:
        return None
    if cue_score(WIN, phrases(tuple(t.word for t in old.tokens))):  # "who won in Abbey?"
        text = f"{text[: token.start]}the winners{text[token.end :]}"
    return _in_ward(text, _words_of(old, ward))


_ONE_PERSON: Final = frozenset({"he", "him", "she", "her"})


def _in_ward(text: str, ward: str) -> str:
    body = text.rstrip(" ?")
    return f"{body} in {ward}{text[len(body) :]}"


def _previous_ward(store: ResultsStore, previous: Turn, text: str, spotted: Spotted) -> str | None:
    """ "what was the majority?" after "who won in Abbey?": the question about that ward, when
    it names nothing itself and, asked of the ward, is read as using it (a question about the
    council, "who controls the council?", has no use for a ward and is left as asked)."""
    if spotted.spans or not COUNCIL_WIDE.isdisjoint(phrases(tuple(t.word for t in spotted.tokens))):
        return None
    wards = [s for s in previous.spotted.spans if s.kind == "ward"]
    if len(wards) == 1:
        question = _in_ward(text, _words_of(previous.spotted, wards[0]))
    elif not wards and previous.place is not None:
        question = _in_ward(text, previous.place)
    else:
        return None
    reading = read_question(store, question, previous.election)
    if reading is None or not any(s.kind == "ward" for s in (*reading.slots, *reading.context)):
        return None
    return question


def turn_of(store: ResultsStore, question: str, answer: Answer) -> Turn | None:
    """What a later follow-up may build on: the question, when it was answered (a question
    that was not understood, or named something unknown, leaves nothing to follow up)."""
    if answer.kind in ("not_found", "ambiguous"):
        return None
    clean, tokens = tokenize(question)
    ref = getattr(answer, "election", None)
    election = ref.id if ref is not None and not isinstance(ref, str) else ref
    spotted = spot(store, lexicon_for(store), clean, tokens)
    return Turn(clean, spotted, election, _subject(answer), _place(answer))


def _place(answer: Answer) -> str | None:
    """The ward a closest/safest answer's headline names first."""
    if not isinstance(answer, ClosestAnswer) or not answer.headline:
        return None
    named = [
        (answer.headline.find(row.ward), row.ward)
        for row in (*answer.closest, *answer.safest)
        if row.ward in answer.headline
    ]
    return min(named)[1] if named else None


def _subject(answer: Answer) -> str | None:
    """The candidate the answer's headline opens with, among those the answer lists."""
    if isinstance(answer, WardAnswer):
        names = [c.name for c in answer.candidates]
    elif isinstance(answer, RankingAnswer):
        names = [line.candidate.name for line in answer.lines]
    else:
        return None
    headline = answer.headline or ""
    return next((n for n in names if headline.startswith(n)), None)


def follow(
    store: ResultsStore, previous: Turn | None, text: str, election: str | None = None
) -> tuple[str, str | None]:
    """The question to answer and its default election: a follow-up keeps the previous
    question's election (one it names itself still wins)."""
    question, spotted = _follow_up(store, previous, text)
    if previous is None or spotted is None:
        return question, election
    if question == text:
        question = _previous_ward(store, previous, text, spotted) or text
    if question == text and _by_how_much(spotted):  # after a question naming no ward too
        question = f"{previous.text.rstrip(' ?')} by how much"
    if question != text:
        return question, previous.election or election
    if election is None and not spotted.spans:  # "what was the turnout?": still that election
        return question, previous.election
    return question, election


_BY_HOW_MUCH: Final = frozenset({"by how much", "how much by", "by how many", "by what margin"})
_HOW_MUCH_WORDS: Final = frozenset(
    {"by", "how", "much", "many", "votes", "what", "margin", "and", "so", "then", "the", "was"}
)


def _by_how_much(spotted: Spotted) -> bool:
    """ "by how much?", "by how many votes then": the gap the previous answer gave."""
    words = tuple(t.word for t in spotted.tokens)
    return (
        not spotted.spans
        and bool(_BY_HOW_MUCH & set(phrases(words)))
        and all(w in _HOW_MUCH_WORDS for w in words)
    )


class Conversation:
    """One conversation's previous question; `ask` answers a question in its light."""

    def __init__(self, store: ResultsStore) -> None:
        self.store = store
        self.previous: Turn | None = None

    def ask(self, text: str, election: str | None = None) -> Answer:
        """Answer `text`, reading it as a follow-up of the previous question when it is one."""
        question, election = follow(self.store, self.previous, text, election)
        answer = answer_question(self.store, question, election)
        self.previous = turn_of(self.store, question, answer) or self.previous
        return answer
