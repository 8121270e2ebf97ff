"""Word classes that name resolution and question reading share, in one place.

Before, compass words were listed in five places that drifted apart ("mid" in one, "central" in
another). Each class here says what the words do; `resolve.py`, `segment.py`, `words.py`,
`answering.py` and `councils.py` read them from here.
"""

from __future__ import annotations

from typing import Final

COMPASS: Final[frozenset[str]] = frozenset(
    {"north", "south", "east", "west", "central", "upper", "lower", "mid"}
)
"""Words that tell a ward's parts apart ("Kenton *West*"): one next to a ward's name, and not in
it, makes another place, never the ward it resembles."""

CONTRASTING: Final[frozenset[str]] = COMPASS | frozenset(
    {
        "northeast", "northwest", "southeast", "southwest", "great", "little", "inner",
        "outer", "new", "old", "high", "low",
    }
)  # fmt: skip
"""Words that tell two places apart; one is never read as a misspelling of another."""

PLACE_PARTS: Final[frozenset[str]] = (COMPASS - {"mid"}) | frozenset(
    {
        "park", "moor", "dale", "green", "estate", "village", "hill", "hills", "vale", "heath",
        "common", "road", "lane", "town", "end", "bridge", "valley", "field", "fields", "wood",
        "woods", "forest", "grange",
    }
)  # fmt: skip
"""Words that end or start place names ("Spondon *East*", "Darley *Dale*"): next to a ward's
name they make another place, never dropped as noise."""

COUNCIL_WORDS: Final[frozenset[str]] = frozenset(
    {"city", "borough", "county", "district", "metropolitan", "council", "london", "royal"}
)
"""Words of a council's title ("Derby *City Council*"): not the council's own name, which is
what `councils.council_key` leaves ("derby")."""

TITLES: Final[frozenset[str]] = frozenset({"councillor", "cllr", "mr", "mrs", "ms", "dr"})
"""Words before a name that make it a candidate's ("Councillor Smith")."""

WARD_WORDS: Final[frozenset[str]] = frozenset({"ward", "wards", "division"})
"""Words after an unknown name that make it a ward ("Narnia ward")."""
PARTY_WORDS: Final[frozenset[str]] = frozenset({"party", "parties"})
"""Words after an unknown name that make it a party ("the Pirate party")."""
ELECTION_WORDS: Final[frozenset[str]] = frozenset({"election", "council"})
"""Words after an unknown name that make it an election ("the Narnia election")."""

WARD_FILLER: Final[frozenset[str]] = WARD_WORDS | {"the", "area"}
"""Words around a ward's name that are not part of it ("the Abbey ward area")."""
