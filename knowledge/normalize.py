"""One normalisation for every name a user types or a document writes.

rapidfuzz compares exact characters, so everything is folded once, when an index is built and
when a query arrives: case, accents (Zoë -> zoe), letters without a decomposition (Ł -> l,
Ø -> o, Æ -> ae), apostrophes (O'Brien -> obrien), `&` -> and, hyphens and other punctuation ->
spaces. Letters of other scripts (Greek, Cyrillic, Chinese ...) are kept, lower-cased.

`NICKNAMES` is the small, editable table of first names people shorten ("nick" for Nicholas).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_NON_WORD = re.compile(r"[\W_]+")
_JOINERS = re.compile(r"(?<=\w)[-‐‑](?=\w)")
_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ı": "i",
    }
)


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Fold `text` for matching: lower-case words (ASCII where possible) with single spaces.

    Memoised: documents repeat party names on every line, and loading folds each name.
    """
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("&", " and ")
    folded = _APOSTROPHES.sub("", folded)
    return _NON_WORD.sub(" ", folded).strip()


def compact(text: str) -> str:
    """Normalised with the spaces removed, so `john paul` and `johnpaul` meet."""
    return normalize(text).replace(" ", "")


def spellings(text: str) -> tuple[str, ...]:
    """The normalised forms a name is indexed under: as written, and with hyphens joined.

    `Smith-Jones` -> ("smith jones", "smithjones"), so "smithjones" is one word that matches.
    """
    plain = normalize(text)
    joined = normalize(_JOINERS.sub("", text))
    return (plain, joined) if joined != plain else (plain,)


# First names and the names people shorten them to. Each row is a group of equivalent names;
# a name in several rows (chris, pat) is equivalent to every name of those rows, not beyond.
# Lower case, as `normalize` folds them. Edit freely: no code change is needed.
NICKNAMES: tuple[tuple[str, ...], ...] = (
    ("abigail", "abi", "abby", "gail"),
    ("albert", "al", "bert", "bertie"),
    ("alexander", "alex", "alec", "sandy", "xander"),
    ("alexandra", "alex", "sandra", "sandy", "lexi"),
    ("alfred", "alf", "alfie", "fred"),
    ("andrew", "andy", "drew"),
    ("anthony", "tony", "ant"),
    ("barbara", "barb", "babs"),
    ("benjamin", "ben", "benny"),
    ("bernard", "bernie"),
    ("catherine", "cath", "cathy", "kate", "katie", "kath"),
    ("katherine", "kathryn", "kate", "katie", "kath", "kathy", "kay"),
    ("charles", "charlie", "chas", "chuck"),
    ("christina", "chris", "tina", "christine", "chrissie"),
    ("christopher", "chris", "kit", "topher"),
    ("christian", "chris"),
    ("daniel", "dan", "danny"),
    ("david", "dave", "davy"),
    ("deborah", "debbie", "debra", "deb"),
    ("dominic", "dom"),
    ("donald", "don", "donny"),
    ("douglas", "doug", "dougie"),
    ("edward", "ed", "eddie", "ted", "teddy", "ned"),
    ("edmund", "ed", "eddie", "ted"),
    ("elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby", "lisa", "elisabeth"),
    ("frances", "fran", "frankie"),
    ("francis", "frank", "fran"),
    ("frederick", "fred", "freddie", "freddy"),
    ("gerald", "gerry", "jerry"),
    ("gregory", "greg"),
    ("harold", "harry", "hal"),
    ("henry", "harry", "hal", "hank"),
    ("jacqueline", "jackie", "jacqui"),
    ("james", "jim", "jimmy", "jamie"),
    ("jennifer", "jen", "jenny", "jenni"),
    ("john", "johnny", "jack", "jon"),
    ("jonathan", "jon", "jonny", "johnny"),
    ("joseph", "joe", "joey", "jo"),
    ("josephine", "jo", "josie"),
    ("joanne", "jo", "joanna", "joan"),
    ("kenneth", "ken", "kenny"),
    ("lawrence", "laurence", "larry", "laurie"),
    ("leonard", "len", "lenny", "leo"),
    ("leslie", "les", "lesley"),
    ("margaret", "maggie", "meg", "peggy", "marge", "madge", "mags", "rita"),
    ("matthew", "matt", "matty"),
    ("michael", "mike", "mick", "micky", "mickey", "mikey"),
    ("nicholas", "nick", "nicky", "nico", "nicolas"),
    ("nicola", "nicky", "nikki", "nicole"),
    ("patricia", "pat", "patsy", "trish", "tricia", "patty"),
    ("patrick", "pat", "paddy"),
    ("peter", "pete"),
    ("philip", "phil", "phillip", "pip"),
    ("raymond", "ray"),
    ("rebecca", "becky", "becca", "bex"),
    ("richard", "rick", "ricky", "dick", "rich", "richie"),
    ("robert", "rob", "robbie", "bob", "bobby", "bert"),
    ("ronald", "ron", "ronnie"),
    ("samantha", "sam", "sammy"),
    ("samuel", "sam", "sammy"),
    ("stephen", "steve", "steven", "stevie"),
    ("susan", "sue", "susie", "suzanne", "suzy"),
    ("terence", "terry", "terrence"),
    ("theodore", "theo", "ted", "teddy"),
    ("thomas", "tom", "tommy"),
    ("timothy", "tim", "timmy"),
    ("victoria", "vicky", "vicki", "tori"),
    ("william", "will", "bill", "billy", "willie", "liam"),
)


def _equivalents(groups: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for group in groups:
        for name in group:
            found.setdefault(name, set()).update(n for n in group if n != name)
    return {name: frozenset(others) for name, others in found.items()}


_NICKNAME_EQUIVALENTS = _equivalents(NICKNAMES)


def nicknames(word: str) -> frozenset[str]:
    """The names `word` (a normalised first name) may stand for: "bob" -> robert, rob ..."""
    return _NICKNAME_EQUIVALENTS.get(word, frozenset())
