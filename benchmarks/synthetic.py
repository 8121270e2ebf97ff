"""Synthetic election documents in the grammar of `knowledge.parser`, for scale benchmarks.

Deterministic for a given seed. About 200 candidacies per council election; councils hold ten
elections each, and people stand again (sometimes under a changed party), so names recur across
elections as they do in real data. Names are drawn with a long-tailed (Zipf-like) weighting from
common names plus made-up surnames, with some accents, apostrophes and hyphens. About one
document in ten is a by-election.

    python benchmarks/synthetic.py OUT_DIR --elections 100     write OUT_DIR/*.txt
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = _words(
    "John David Michael Paul Andrew Peter James Robert Mark Richard Stephen Ian Christopher "
    "Anthony Simon Martin Kevin Brian Gary Alan Neil Philip Colin Keith Graham Nigel Tony Steve "
    "Chris Mike Dave Bob Nick Tom Dan Sam Ben Joe Jack Harry George William Thomas Daniel "
    "Matthew Jonathan Edward Patrick Sean Liam Ryan Adam Mohammed Ahmed Ali Imran Raj Sunil "
    "Hardyal Amar Susan Margaret Sarah Elizabeth Mary Patricia Linda Karen Julie Helen Ann Anne "
    "Jane Lisa Jennifer Catherine Rachel Emma Claire Nicola Louise Joanne Michelle Lucy Ruth "
    "Hilary Lesley Christine Pauline Janet Jean Sandra Valerie Carol Gillian Alison Fiona Zoë "
    "Chloë Seán Siân Aoife Niamh Bethan Rhian Priya Anita Fatima Ayesha Shazia Leslie Les "
    "Ronald Kenneth Douglas Barry Derek Trevor Malcolm Roy Dennis Frank Harold Eric Victor"
)
SURNAMES = _words(
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson "
    "Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson "
    "Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan "
    "Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell "
    "Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan "
    "Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb "
    "Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes "
    "Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Skelton "
    "Pearn Care Troup Dhindsa Blanksby Willitts Repton Latham Bayliss Hanson Hird Webley"
)
SPECIAL_SURNAMES = [
    "O'Brien",
    "O'Neill",
    "O'Connor",
    "D'Souza",
    "MacDonald",
    "McDonald",
    "Van Grudgings",
    "De Souza",
    "Smith-Jones",
    "Lloyd-Webber",
    "Ó Dálaigh",
    "Müller",
    "Brontë",
    "Núñez",
    "Wiśniewski",
    "Łukasik",
]
SYLLABLES = _words(
    "ash bar ber bram brook by cal car dal den don er fen ford gar ham har hurst ing kin lan "
    "ley low mar mer mond nor ock ol pen ric ring rod ros sal shaw son stan ston ter thorp ton "
    "ver wal well wick win worth"
)
PLACES = [
    *["Abbey", "Ashfield", "Bridge", "Castle", "Central", "Church", "Cliff", "Common", "Cross"],
    *["Dale", "East", "Fields", "Forest", "Green", "Grange", "Heath", "Hill", "Lakes", "Lane"],
    *["Manor", "Market", "Meadow", "Mill", "Moor", "North", "Oak", "Park", "Priory", "River"],
    *["St Mary's", "St Ann's", "South", "Spring", "Station", "Valley", "Vale", "West", "Wood"],
]
PARTIES = (
    ("Labour Party (UK)", 0.33),
    ("Conservative Party (UK)", 0.32),
    ("Liberal Democrats (UK)", 0.2),
    ("Green Party of England and Wales", 0.07),
    ("Independent (politician)", 0.04),
    ("UK Independence Party", 0.02),
    ("Reform UK", 0.01),
    ("Residents' Association", 0.01),
)
COUNCIL_TYPES = (
    "City Council",
    "Borough Council",
    "District Council",
    "Metropolitan Borough Council",
)
ELECTIONS_PER_COUNCIL = 10
MADE_UP_SURNAME = 0.45
"""Share of new people with a rare made-up surname (tens of thousands of distinct words)."""
MADE_UP_FIRST = 0.1
FIRST_YEAR = 1990


def _zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    return [1.0 / (rank + 1) ** exponent for rank in range(count)]


@dataclass
class _Person:
    name: str
    party: str


@dataclass
class _Council:
    name: str
    wards: list[tuple[str, int]]
    people: list[_Person] = field(default_factory=list)


class Generator:
    """Builds councils, people and documents from one seeded random source."""

    def __init__(self, seed: int = 2002) -> None:
        self.random = random.Random(seed)
        self.surnames = [*SURNAMES, *SPECIAL_SURNAMES]
        self.surname_weights = _zipf_weights(len(self.surnames), 0.9)
        self.first_weights = _zipf_weights(len(FIRST_NAMES), 0.7)
        self.party_names = [p for p, _ in PARTIES]
        self.party_weights = [w for _, w in PARTIES]
        self.used_places: set[str] = set()

    def person(self) -> _Person:
        if self.random.random() < MADE_UP_FIRST:
            first = self.made_up(2)
        else:
            first = self.random.choices(FIRST_NAMES, self.first_weights)[0]
        if self.random.random() < MADE_UP_SURNAME:
            surname = self.made_up(self.random.choice((2, 3, 3)))
        else:
            surname = self.random.choices(self.surnames, self.surname_weights)[0]
        party = self.random.choices(self.party_names, self.party_weights)[0]
        return _Person(f"{first} {surname}", party)

    def made_up(self, syllables: int) -> str:
        """A pronounceable name nobody has: the long tail of real surnames."""
        return "".join(self.random.choices(SYLLABLES, k=syllables)).capitalize()

    def place(self) -> str:
        # Two syllables give about 2,400 names; past 2,000 (some 1,500 elections) use three,
        # or a large corpus would loop here for ever.
        syllables = 2 if len(self.used_places) < 2000 else 3
        while True:
            name = "".join(self.random.sample(SYLLABLES, syllables)).capitalize()
            if name not in self.used_places:
                self.used_places.add(name)
                return name

    def council(self) -> _Council:
        town = self.place()
        wards: list[tuple[str, int]] = []
        names: set[str] = set()
        target = self.random.randint(18, 26)
        while len(wards) < target:
            style = self.random.random()
            if style < 0.4:
                ward = f"{town} {self.random.choice(PLACES)}"
            elif style < 0.8:
                ward = self.place()
            else:
                ward = f"{self.place()} and {self.random.choice(PLACES)}"
            if ward not in names:
                names.add(ward)
                wards.append((ward, self.random.choice((2, 3, 3, 3))))
        return _Council(f"{town} {self.random.choice(COUNCIL_TYPES)}", wards)

    def contest(self, council: _Council, ward: str, seats: int) -> list[tuple[str, str, int]]:
        """Candidates with votes: each party fields up to `seats`, people often stand again."""
        count = max(seats + 1, round(self.random.gauss(seats * 3.6, 1.5)))
        lines: list[tuple[str, str, int]] = []
        names: set[str] = set()
        polls: set[int] = set()
        while len(lines) < count:
            if council.people and self.random.random() < 0.45:
                person = self.random.choice(council.people)
                if self.random.random() < 0.05:
                    person = _Person(person.name, self.random.choice(self.party_names))
            else:
                person = self.person()
                council.people.append(person)
            if person.name in names:
                continue
            names.add(person.name)
            strength = {"Labour Party (UK)": 1.3, "Conservative Party (UK)": 1.25}.get(
                person.party, 0.8
            )
            votes = max(5, int(self.random.gauss(900, 350) * strength))
            while votes in polls:  # distinct polls: no ties, so the infobox always agrees
                votes += 1
            polls.add(votes)
            lines.append((person.name, person.party, votes))
        lines.sort(key=lambda line: -line[2])
        return lines

    def council_election(self, council: _Council, year: int) -> str:
        contests = [
            (ward, seats, self.contest(council, ward, seats)) for ward, seats in council.wards
        ]
        seats_won: Counter[str] = Counter()
        votes: Counter[str] = Counter()
        for _, seats, lines in contests:
            for position, (_, party, count) in enumerate(lines):
                votes[party] += count
                seats_won[party] += position < seats
        total_seats = sum(seats for _, seats, _ in contests)
        before = self._composition(total_seats, list(votes))
        infobox: dict[str, str] = {
            "Seats For Election": f"All {total_seats} seats to {council.name}",
            "Majority Seats": str(total_seats // 2 + 1),
            "Election Date": f"{self.random.randint(1, 7)} May {year}",
        }
        for slot, party in enumerate(sorted(votes, key=lambda p: -votes[p]), start=1):
            infobox[f"Party{slot}"] = party
            infobox[f"Seats Before{slot}"] = str(before[party])
            infobox[f"Seats{slot}"] = str(seats_won[party])
            infobox[f"Seats After{slot}"] = str(seats_won[party])
            infobox[f"Popular Vote{slot}"] = f"{votes[party]:,}"
        title = f"{year} {council.name} election"
        prose = (
            f"The {title} took place to elect members of {council.name} in England. "
            "The whole council was up for election."
        )
        return _document(title, infobox, prose, contests)

    def by_election(self, council: _Council, year: int) -> str:
        ward, _ = self.random.choice(council.wards)
        lines = self.contest(council, ward, 1)
        title = f"{year} {ward} by-election"
        prose = f"A by-election was held in {ward} ward of {council.name}."
        return _document(title, {}, prose, [(ward, 1, lines)], by_election=True)

    def _composition(self, total: int, parties: list[str]) -> Counter[str]:
        composition: Counter[str] = Counter()
        for _ in range(total):
            composition[self.random.choices(parties[:4] or parties)[0]] += 1
        return composition


def _document(
    title: str,
    infobox: dict[str, str],
    prose: str,
    contests: list[tuple[str, int, list[tuple[str, str, int]]]],
    by_election: bool = False,
) -> str:
    out = [f"= {title} =", ""]
    if infobox:
        out.append("Infobox")
        out.extend(f"- {key}: {value}" for key, value in infobox.items())
        out.append("")
    out.extend([prose, "", "==Ward results=="])
    for ward, seats, lines in contests:
        label = f"{ward} by-election" if by_election else f"{ward} ({seats})"
        out.extend([f"==={ward}===", "", f"  - {label}**", ""])
        out.extend(f"- {name} ({party}): {votes:,} votes" for name, party, votes in lines)
        if len(lines) > seats:
            out.append(f"- Majority: {lines[seats - 1][2] - lines[seats][2]:,}")
        out.append("")
    return "\n".join(out) + "\n"


def generate(elections: int, seed: int = 2002) -> list[tuple[str, str]]:
    """`elections` documents as (file name, text) pairs: councils of ten elections each."""
    maker = Generator(seed)
    documents: list[tuple[str, str]] = []
    councils: list[_Council] = []
    while len(documents) < elections:
        council = maker.council()
        councils.append(council)
        for year in range(FIRST_YEAR, FIRST_YEAR + ELECTIONS_PER_COUNCIL * 2, 2):
            if len(documents) >= elections:
                break
            slug = council.name.lower().replace(" ", "_")
            if maker.random.random() < 0.1:
                text = maker.by_election(council, year + 1)
                documents.append((f"{year + 1}_{slug}_by_election_{len(documents)}.txt", text))
            else:
                text = maker.council_election(council, year)
                documents.append((f"{year}_{slug}_election.txt", text))
    return documents


def write(folder: Path, elections: int, seed: int = 2002) -> list[Path]:
    """Write `elections` documents into `folder` (created if needed); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(elections, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the documents into")
    parser.add_argument("--elections", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2002)
    args = parser.parse_args()
    paths = write(args.out, args.elections, args.seed)
    print(f"wrote {len(paths)} documents to {args.out}")


if __name__ == "__main__":
    main()
