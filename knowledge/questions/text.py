"""A question's words, folded like the store's names, remembering where each came from.

Names are matched on `normalize`d words; the original text is kept (by offsets) so an answer
can quote what the user typed ("No ward matching “Narnia”"). A capital letter in the middle of
a sentence is kept as a hint: it lets "Else" be a surname while "what else" stays a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.normalize import normalize

MAX_LENGTH = 300
"""Only the start of a very long message is read: questions are short, latency is not."""

_WORD = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[^\W_]+(?:['’`][^\W_]+)*|&|%", re.UNICODE)
"""Words, figures with thousands separators ("2,000" is one word), `&` and `%`."""
_POSSESSIVE = re.compile(r"['’`]s$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!:;]\s*$")


@dataclass(frozen=True)
class Token:
    """One folded word of the question."""

    word: str
    start: int
    end: int
    capital: bool = False
    """Title case in mid-sentence: a hint that a common word is used as a name."""


def tokenize(text: str) -> tuple[str, tuple[Token, ...]]:
    """The (shortened) text and its folded words; possessive 's is dropped ("Labour's")."""
    text = text[:MAX_LENGTH]
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        raw = match.group()
        if raw == "&":
            folded = ["and"]
        elif raw == "%":
            folded = ["percent"]
        elif raw[:1] in "0123456789" and "," in raw:
            folded = [raw.replace(",", "")]
        else:
            folded = normalize(_POSSESSIVE.sub("", raw)).split()
        if not folded:
            continue
        initial = not tokens or bool(_SENTENCE_END.search(text[: match.start()]))
        capital = not initial and raw[:1].isupper() and not raw.isupper()
        for word in folded:
            tokens.append(Token(word, match.start(), match.end(), capital))
    return text, tuple(tokens)


def quote(text: str, tokens: tuple[Token, ...]) -> str:
    """The original words under a run of tokens, as the user typed them."""
    if not tokens:
        return ""
    return " ".join(text[tokens[0].start : tokens[-1].end].split())
