"""The pictures themselves: seat dots counted per party colour, winners marked, nothing running off
the card, and unusual inputs (1 seat, 100 seats, 40 candidates, long and non-ASCII names, unknown
parties, ties, a missing font) drawn without error."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFont

from bot.pictures import fonts, hemicycle, party_chart, ward_chart
from bot.pictures.canvas import PAD, WIDTH
from bot.pictures.colours import BACKGROUND, FAINT, INK, MUTED, RGB, contrast, luminance, rgb
from knowledge import PartyBook, ResultsStore, run_text
from knowledge.answers import PartyAnswer, PartyRow, SummaryAnswer, WardAnswer

ROOT = Path(__file__).resolve().parents[2]
BOOK = PartyBook.from_toml(ROOT / "data" / "parties.toml")
LABOUR, LIBDEM, CONSERVATIVE, INDEPENDENT = (
    rgb(c) for c in ("#E4003B", "#FAA61A", "#0087DC", "#B3B3B3")
)
LONG_NAME = "Bartholomew " * 7 + "Featherstonehaugh-Cholmondeley Ø"
NAMES = [
    "Zoë Ødegård",
    "Αλέξανδρος Παπαδόπουλος",
    "Дмитрий Иванов",
    "王小明",
    "محمد علي",
    "Łukasz Żółć",
    "Siobhán Ní Bhriain",
    LONG_NAME[:100],
]
PARTIES = [
    "Labour Party (UK)",
    "Conservative Party (UK)",
    "Liberal Democrats (UK)",
    "Green Party",
    "Monster Raving Loony Party",
    "Yorkshire Party",
    "UKIP",
]

Ward = tuple[str, int, Sequence[tuple[str, str, int | str]]]


# Building inputs --------------------------------------------------------------------------------


def document(title: str, wards: Iterable[Ward], infobox: dict[str, object] | None = None) -> str:
    """Election document text in the parser's grammar."""
    lines = [f"= {title} =", ""]
    if infobox:
        lines += ["Infobox", *(f"- {key}: {value}" for key, value in infobox.items()), ""]
    lines += ["Some prose.", "", "==Ward results=="]
    for name, seats, candidates in wards:
        lines += [f"==={name}===", "", f"  - {name} ({seats})**", ""]
        for person, party, votes in candidates:
            count = f"{votes:,} votes" if isinstance(votes, int) else votes
            lines.append(f"- {person} ({party}): {count}")
        lines.append("")
    return "\n".join(lines) + "\n"


def store(text: str) -> ResultsStore:
    made = ResultsStore.from_texts([("2010_test_council_election.txt", text)], BOOK)
    assert not made.errors, made.errors
    return made


def summary(made: ResultsStore) -> SummaryAnswer:
    answer = run_text(made, "/summary")
    assert isinstance(answer, SummaryAnswer)
    return answer


def ward(made: ResultsStore, name: str) -> WardAnswer:
    answer = run_text(made, f"/ward {name}")
    assert isinstance(answer, WardAnswer), answer
    return answer


def party(made: ResultsStore, name: str) -> PartyAnswer:
    answer = run_text(made, f"/party {name}")
    assert isinstance(answer, PartyAnswer), answer
    return answer


def council(seats: list[tuple[str, str, int]], threshold: int | None) -> SummaryAnswer:
    """A summary answer made directly: (party, colour, seats after the election) rows."""
    rows = tuple(
        PartyRow(
            name=name,
            key=name.lower(),
            short=name[:3],
            colour=colour,
            candidates=seats_,
            seats_won=seats_,
            seats_before=None,
            seats_after=seats_,
            change=None,
            votes=0,
            vote_share=0.0,
        )
        for name, colour, seats_ in seats
    )
    return DERBY_SUMMARY.model_copy(
        update={
            "rows": rows,
            "council_size": sum(s for _, _, s in seats),
            "majority_threshold": threshold,
        }
    )


@pytest.fixture(scope="module")
def derby() -> ResultsStore:
    return ResultsStore.load(ROOT / "data" / "elections", ROOT / "data" / "parties.toml")


DERBY_SUMMARY = summary(
    ResultsStore.load(ROOT / "data" / "elections", ROOT / "data" / "parties.toml")
)


# Reading pictures -------------------------------------------------------------------------------


def decode(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def pixels(image: Image.Image) -> Iterable[RGB]:
    """Every pixel, row by row (`getdata` is deprecated from Pillow 12)."""
    flat = getattr(image, "get_flattened_data", None) or image.getdata
    return cast(Iterable[RGB], flat())


def components(image: Image.Image, box: tuple[float, ...], colours: set[RGB]) -> dict[RGB, int]:
    """Connected areas (8-neighbour, at least 4 pixels) of each exact colour inside `box`."""
    left, top, right, bottom = (round(v) for v in box)
    crop = image.crop((left, top, right, bottom))
    width = crop.width
    found: dict[RGB, set[int]] = {c: set() for c in colours}
    for index, pixel in enumerate(pixels(crop)):
        if pixel in found:
            found[pixel].add(index)
    counts: dict[RGB, int] = {}
    for colour, spots in found.items():
        counts[colour] = 0
        while spots:
            stack, size = [spots.pop()], 0
            while stack:
                here = stack.pop()
                size += 1
                y, x = divmod(here, width)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        if 0 <= x + dx < width:
                            other = (y + dy) * width + x + dx
                            if other in spots:
                                spots.remove(other)
                                stack.append(other)
            counts[colour] += size >= 4
    return counts


def margins_are_empty(image: Image.Image) -> bool:
    """Nothing drawn in the card's side and bottom margins: no text or bar ran off."""
    inset = PAD - 8
    strips = [
        (2, 2, inset, image.height - 2),
        (WIDTH - inset, 2, WIDTH - 2, image.height - 2),
        (2, image.height - inset, WIDTH - 2, image.height - 2),
    ]
    return all(set(pixels(image.crop(strip))) == {BACKGROUND} for strip in strips)


def pixel(image: Image.Image, x: float, y: float) -> RGB:
    return cast(RGB, image.getpixel((round(x), round(y))))


def rows_in(image: Image.Image, x: float, ys: Iterable[float]) -> Iterator[RGB]:
    for y in ys:
        yield pixel(image, x, y)


# The seat diagram -------------------------------------------------------------------------------


def test_each_party_has_one_dot_per_seat_in_its_colour(derby: ResultsStore) -> None:
    """Derby 2002: 27 Labour, 12 Lib Dem, 11 Conservative and 1 Independent dots."""
    answer = summary(derby)
    image = decode(hemicycle.draw(answer))
    box = hemicycle.layout(hemicycle.seat_plan(answer)).box
    counts = components(image, box, {LABOUR, LIBDEM, CONSERVATIVE, INDEPENDENT})
    assert counts == {LABOUR: 27, LIBDEM: 12, CONSERVATIVE: 11, INDEPENDENT: 1}
    assert image.size[0] == WIDTH and 400 < image.size[1] < 800
    assert image.mode == "RGB"  # a solid card: no transparency for Discord's themes to show
    assert margins_are_empty(image)


@pytest.mark.parametrize(
    "seats",
    [[1], [2], [1, 1, 1], [4, 3], [26, 25], [60, 30, 10], [40, 25, 15, 10, 5, 3, 2], [150, 1]],
)
def test_dot_counts_hold_from_one_seat_to_a_large_chamber(seats: list[int]) -> None:
    """1 seat up to 151: every party's dots are counted exactly, none merged or lost."""
    colours = ["#E4003B", "#0087DC", "#FAA61A", "#02A95B", "#6D3177", "#12B6CF", "#EC008C"]
    rows = [(f"Party {i}", colours[i], count) for i, count in enumerate(seats)]
    answer = council(rows, sum(seats) // 2 + 1)
    image = decode(hemicycle.draw(answer))
    box = hemicycle.layout(hemicycle.seat_plan(answer)).box
    wanted = {rgb(colour): count for _, colour, count in rows}
    assert components(image, box, set(wanted)) == wanted
    assert margins_are_empty(image)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=400))
def test_seat_positions_never_overlap(count: int) -> None:
    """Any number of seats gets that many dots, inside the half circle, never touching."""
    seats, dot = hemicycle.arrange(count)
    assert len(seats) == count
    assert dot > 0
    for seat in seats:
        assert seat.y <= 1e-9 and (seat.x**2 + seat.y**2) ** 0.5 <= hemicycle.RADIUS + 1e-6
    ordered = sorted(seats, key=lambda s: s.x)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.x - a.x > 2 * dot:
                break
            assert ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 >= 2 * dot * 1.2


def test_parties_sharing_a_colour_are_told_apart() -> None:
    """Two parties missing from the party file (both neutral grey) get different shades."""
    rows = [("Alpha Party", "#808080", 5), ("Beta Party", "#808080", 4), ("Labour", "#E4003B", 3)]
    answer = council(rows, 7)
    plan = hemicycle.seat_plan(answer)
    fills = [g.fill for g in plan.groups]
    assert len(set(fills)) == 3
    image = decode(hemicycle.draw(answer))
    counts = components(image, hemicycle.layout(plan).box, {f for f in fills if f})
    assert sorted(counts.values()) == [3, 4, 5]


def test_a_by_thirds_election_draws_the_council_after_the_election() -> None:
    """17 seats up, the infobox gives the whole council after: 51 dots, captioned as such."""
    wards = [
        (
            f"Ward {i}",
            1,
            [(f"Winner {i}", PARTIES[i % 3], 1000), (f"Loser {i}", PARTIES[(i + 1) % 3], 900)],
        )
        for i in range(17)
    ]
    infobox = {
        "Seats For Election": "17 of 51 seats",
        "Majority Seats": 26,
        "Party1": "Labour Party (UK)",
        "Seats Before1": 30,
        "Seats After1": 28,
        "Party2": "Conservative Party (UK)",
        "Seats Before2": 15,
        "Seats After2": 16,
        "Party3": "Liberal Democrats (UK)",
        "Seats Before3": 6,
        "Seats After3": 7,
    }
    answer = summary(store(document("2011 Thirds Council election", wards, infobox)))
    plan = hemicycle.seat_plan(answer)
    assert plan.total == 51 and plan.caption.startswith("Whole council after the election")
    image = decode(hemicycle.draw(answer))
    counts = components(image, hemicycle.layout(plan).box, {LABOUR, CONSERVATIVE, LIBDEM})
    assert counts == {LABOUR: 28, CONSERVATIVE: 16, LIBDEM: 7}
    assert "17 seats up" in hemicycle.alt(answer)


def test_without_the_full_council_only_seats_won_are_drawn_and_the_caption_says_so() -> None:
    """By thirds with no Seats After: the 17 seats won, no majority line, control not known."""
    wards = [
        (
            f"Ward {i}",
            1,
            [(f"Winner {i}", PARTIES[i % 3], 1000), (f"Loser {i}", PARTIES[(i + 1) % 3], 900)],
        )
        for i in range(17)
    ]
    answer = summary(
        store(
            document(
                "2011 Thirds Council election", wards, {"Seats For Election": "17 of 51 seats"}
            )
        )
    )
    plan = hemicycle.seat_plan(answer)
    assert plan.total == 17 and plan.threshold is None
    assert "Seats won in this election only" in plan.caption
    image = decode(hemicycle.draw(answer))
    counts = components(image, hemicycle.layout(plan).box, {LABOUR, CONSERVATIVE, LIBDEM})
    assert sum(counts.values()) == 17
    assert "Control not known" in hemicycle.alt(answer)


def test_a_tied_seat_is_drawn_as_undecided() -> None:
    """A whole-council election with a tie for the last seat: an open dot and a legend line."""
    candidates: list[tuple[str, str, int | str]] = [
        ("A Winner", "Labour Party (UK)", 900),
        ("B Tied", "Conservative Party (UK)", 500),
        ("C Tied", "Green Party", 500),
    ]
    answer = summary(
        store(
            document(
                "2010 Tie Council election",
                [("Level", 2, candidates)],
                {"Seats For Election": "All 2 seats"},
            )
        )
    )
    plan = hemicycle.seat_plan(answer)
    assert plan.total == 2
    assert plan.groups[-1].label == "Undecided (tie)" and plan.groups[-1].fill is None
    image = decode(hemicycle.draw(answer))
    assert components(image, hemicycle.layout(plan).box, {LABOUR}) == {LABOUR: 1}


# The ward chart ---------------------------------------------------------------------------------


def test_winners_are_ticked_and_every_candidate_has_a_bar(derby: ResultsStore) -> None:
    """Boulton: three ticks (a dark disc, not a colour) and one bar per candidate and party."""
    answer = ward(derby, "Boulton")
    where = ward_chart.layout(answer)
    image = decode(ward_chart.draw(answer))
    above_the_tick = [y - 0.6 * ward_chart.TICK for y in where.rows]  # inside the disc
    marks = [luminance(p) < 0.05 for p in rows_in(image, where.tick_x, above_the_tick)]
    assert marks == [c.elected for c in answer.candidates]
    bars = (
        where.bar_x - 2,
        where.rows[0] - where.pitch / 2,
        WIDTH - PAD,
        where.rows[-1] + where.pitch,
    )
    counts = components(image, bars, {LABOUR, INDEPENDENT, CONSERVATIVE, LIBDEM})
    assert counts == {LABOUR: 3, INDEPENDENT: 3, CONSERVATIVE: 3, LIBDEM: 3}
    assert margins_are_empty(image)


def test_the_last_seat_margin_is_drawn_between_winners_and_losers(derby: ResultsStore) -> None:
    """A dashed rule sits between the last winner's row and the first loser's."""
    answer = ward(derby, "Boulton")
    where = ward_chart.layout(answer)
    assert where.divider is not None
    assert where.rows[2] < where.divider < where.rows[3]
    image = decode(ward_chart.draw(answer))
    line = [pixel(image, x, where.divider) for x in range(PAD, PAD + 120)]
    dashes = sum(1 for a, b in itertools.pairwise(line) if a == BACKGROUND and b != BACKGROUND)
    assert dashes >= 8


def test_the_first_losers_shortfall_is_outlined() -> None:
    """The gap between the first loser's bar and the last winner's votes is drawn."""
    candidates: list[tuple[str, str, int | str]] = [
        ("Winner", "Labour Party (UK)", 1000),
        ("Runner Up", "Conservative Party (UK)", 600),
    ]
    answer = ward(store(document("2010 Gap Council election", [("Gap", 1, candidates)])), "Gap")
    where = ward_chart.layout(answer)
    image = decode(ward_chart.draw(answer))
    middle = where.bar_x + 800 * where.scale
    column = [
        pixel(image, middle, y)
        for y in range(
            round(where.rows[1] - where.pitch / 2), round(where.rows[1] + where.pitch / 2)
        )
    ]
    outline = [p for p in column if p not in (BACKGROUND, FAINT) and luminance(p) < 0.5]
    assert len(outline) >= 2  # its top and bottom edges


def test_forty_candidates_with_long_and_non_ascii_names_fit_the_card() -> None:
    """40 rows, a 100-character name, Greek, Cyrillic, Arabic and CJK names: nothing runs off."""
    candidates: list[tuple[str, str, int | str]] = [
        (
            NAMES[i] if i < len(NAMES) else f"Candidate Number {i}",
            PARTIES[i % len(PARTIES)],
            5000 - i * 120,
        )
        for i in range(40)
    ]
    answer = ward(
        store(document("2010 Crowded Council election", [("Crowded", 3, candidates)])), "Crowded"
    )
    image = decode(ward_chart.draw(answer))
    assert image.width == WIDTH and image.height < 2000
    assert margins_are_empty(image)
    assert len(ward_chart.layout(answer).rows) == 40
    assert "Zoë Ødegård" in ward_chart.alt(answer)


def test_unopposed_and_tied_wards_draw() -> None:
    """No votes at all, or a tie for the last seat: both still give a clean chart."""
    unopposed = ward(
        store(
            document(
                "2010 Quiet election",
                [
                    (
                        "Calm",
                        2,
                        [
                            ("A Person", "Labour Party (UK)", "Unopposed"),
                            ("B Person", "Labour Party (UK)", "Unopposed"),
                        ],
                    )
                ],
            )
        ),
        "Calm",
    )
    tie = ward(
        store(
            document(
                "2010 Level election",
                [
                    (
                        "Level",
                        2,
                        [
                            ("A Winner", "Labour Party (UK)", 900),
                            ("B Tied", "Conservative Party (UK)", 500),
                            ("C Tied", "Green Party", 500),
                            ("D Loser", "UKIP", 100),
                        ],
                    )
                ],
            )
        ),
        "Level",
    )
    for answer in (unopposed, tie):
        image = decode(ward_chart.draw(answer))
        assert margins_are_empty(image)
    assert ward_chart.layout(unopposed).divider is None
    assert "Tied for the last seat" in ward_chart.alt(tie)


def test_an_unknown_party_is_drawn_in_neutral_grey() -> None:
    """A party missing from the party file still gets a bar, in the neutral colour."""
    answer = ward(
        store(
            document(
                "2010 Odd election",
                [
                    (
                        "Odd",
                        1,
                        [
                            ("Someone", "Party Of Nobody In Particular", 700),
                            ("Other", "Labour Party (UK)", 300),
                        ],
                    )
                ],
            )
        ),
        "Odd",
    )
    where = ward_chart.layout(answer)
    image = decode(ward_chart.draw(answer))
    bars = (
        where.bar_x - 2,
        where.rows[0] - where.pitch / 2,
        WIDTH - PAD,
        where.rows[-1] + where.pitch,
    )
    assert components(image, bars, {rgb("#808080"), LABOUR}) == {rgb("#808080"): 1, LABOUR: 1}


# The party chart --------------------------------------------------------------------------------


def test_the_party_chart_has_one_square_per_seat_won(derby: ResultsStore) -> None:
    """Labour: 27 squares in its colour below the figures, one per seat, over ten wards."""
    answer = party(derby, "labour")
    image = decode(party_chart.draw(answer))
    top = party_chart.body_top_y()
    counts = components(image, (PAD, top, WIDTH - PAD, image.height - PAD), {LABOUR})
    assert counts == {LABOUR: 27}
    assert margins_are_empty(image)


def test_many_wards_and_no_seats_both_draw() -> None:
    """100 wards with long names go into columns; a party with no seats says so."""
    wards = [
        (
            f"Ward with a rather long name number {w}",
            1,
            [(f"P {w}", "Green Party", 500), (f"Q {w}", "Labour Party (UK)", 400)],
        )
        for w in range(100)
    ]
    made = store(document("2010 Sweep election", wards, {"Seats For Election": "All 100 seats"}))
    green = party(made, "green")
    image = decode(party_chart.draw(green))
    assert margins_are_empty(image)
    counts = components(
        image, (PAD, party_chart.body_top_y(), WIDTH - PAD, image.height - PAD), {rgb("#02A95B")}
    )
    assert counts == {rgb("#02A95B"): 100}
    labour = party(made, "labour")
    assert labour.seats_won == 0
    assert margins_are_empty(decode(party_chart.draw(labour)))
    assert "No seats won" in party_chart.alt(labour)


# Fonts and colours ------------------------------------------------------------------------------


def test_text_colours_meet_contrast_on_the_card() -> None:
    """Main and secondary text stay readable: WCAG AA (4.5:1) or better on the light card."""
    assert contrast(INK, BACKGROUND) >= 12
    assert contrast(MUTED, BACKGROUND) >= 4.5


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fresh machine without DejaVu: only Pillow's bundled font."""
    monkeypatch.setattr(fonts, "font_files", lambda: None)
    fonts.face.cache_clear()
    fonts._covers.cache_clear()
    yield
    fonts.face.cache_clear()
    fonts._covers.cache_clear()


def test_without_system_fonts_pictures_still_draw(no_system_fonts: None) -> None:
    """Pillow's own font is used; letters it lacks are spelled without accents, not as boxes."""
    font = fonts.face(20).font
    assert not isinstance(font, ImageFont.FreeTypeFont) or "DejaVu" not in str(font.getname())
    assert fonts.drawable("Zoë Ødegård − Łódź", 20) == "Zoe Odegard - Lodz"
    candidates: list[tuple[str, str, int | str]] = [
        (name, PARTIES[i % 3], 900 - i) for i, name in enumerate(NAMES)
    ]
    made = store(document("2010 Font election", [("Fonts", 2, candidates)]))
    for png in (ward_chart.draw(ward(made, "Fonts")), hemicycle.draw(summary(made))):
        assert margins_are_empty(decode(png))
