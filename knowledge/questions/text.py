"""A question's words, folded like the store's names, remembering where each came from.

Names are matched on `normalize`d words; the original text is kept (by offsets) so an answer
can quote what the user typed ("No ward matching “Narnia”"). A capital letter in the middle of
a sentence is kept as a hint: it lets "Else" be a surname while "what else" stays a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from knowledge.normalize import normalize

MAX_LENGTH = 300
"""Only the start of a very long message is read: questions are short, latency is not."""

_WORD = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[^\W_]+(?:['’`][^\W_]+)*|&|%", re.UNICODE)
"""Words, figures with thousands separators ("2,000" is one word), `&` and `%`."""
_POSSESSIVE = re.compile(r"['’`]s$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!:;]\s*$")


SHORT_FORMS: Final = {
    # counties as people write them ("lib dem seats cambs", "notts cc 2021")
    "beds": "bedfordshire", "berks": "berkshire", "bucks": "buckinghamshire",
    "cambs": "cambridgeshire", "derbys": "derbyshire", "glos": "gloucestershire",
    "gloucs": "gloucestershire", "hants": "hampshire", "herts": "hertfordshire",
    "lancs": "lancashire", "leics": "leicestershire", "lincs": "lincolnshire",
    "northants": "northamptonshire", "notts": "nottinghamshire", "oxon": "oxfordshire",
    "staffs": "staffordshire", "warks": "warwickshire", "wilts": "wiltshire",
    "worcs": "worcestershire",
    # compass points in ward names ("Horwich NE")
    "ne": "north east", "nw": "north west", "se": "south east", "sw": "south west",
    # misspellings no fuzzy match of names should have to guess, and chat shorthand
    "partys": "parties", "partie": "parties", "actualy": "actually", "acctually": "actually",
    "definately": "definitely", "probaly": "probably", "realy": "really", "wat": "what",
}  # fmt: skip
"""Words written short, read as their full words (a one-word token only)."""
_COUNTIES: Final = frozenset(w for w, full in SHORT_FORMS.items() if full.endswith("shire"))


@dataclass(frozen=True)
class Token:
    """One folded word of the question."""

    word: str
    start: int
    end: int
    capital: bool = False
    """Title case in mid-sentence: a hint that a common word is used as a name."""
    place: bool = False
    """Written short for a place ("cambs"): a place's name, as if after "in"."""


def tokenize(text: str) -> tuple[str, tuple[Token, ...]]:
    """The (shortened) text and its folded words; possessive 's is dropped ("Labour's")."""
    text = text[:MAX_LENGTH]
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        raw = match.group()
        place = False
        if raw == "&":
            folded = ["and"]
        elif raw == "%":
            folded = ["percent"]
        elif raw[:1] in "0123456789" and "," in raw:
            folded = [raw.replace(",", "")]
        else:
            folded = normalize(_POSSESSIVE.sub("", raw)).split()
            if len(folded) == 1 and folded[0] in SHORT_FORMS:
                place = folded[0] in _COUNTIES
                folded = SHORT_FORMS[folded[0]].split()
        if not folded:
            continue
        initial = not tokens or bool(_SENTENCE_END.search(text[: match.start()]))
        capital = not initial and raw[:1].isupper() and not raw.isupper()
        for word in folded:
            tokens.append(Token(word, match.start(), match.end(), capital, place))
    return text, _ands(tuple(tokens))


def _ands(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Chat's "n" for "and" ("who won n when"), only before a question word: "n smith" may be
    someone's initial."""
    return tuple(
        replace(t, word="and")
        if t.word == "n" and n + 1 < len(tokens) and tokens[n + 1].word in _ASKING
        else t
        for n, t in enumerate(tokens)
    )


_ASKING: Final = frozenset(
    {"who", "what", "whats", "when", "where", "which", "why", "how", "did", "was", "were", "is"}
)


def quote(text: str, tokens: tuple[Token, ...]) -> str:
    """The original words under a run of tokens, as the user typed them."""
    if not tokens:
        return ""
    return " ".join(text[tokens[0].start : tokens[-1].end].split())
