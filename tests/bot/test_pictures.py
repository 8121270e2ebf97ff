"""bot.pictures as the CLI and the Discord embeds call it: which answers get a picture, its name,
alt text, the cache, the async helper, and that importing the package loads no Pillow."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import bot.pictures as pictures
from bot.pictures.cache import LRUCache
from bot.pictures.subject import slug
from knowledge import ResultsStore, run_text
from knowledge.answers import SummaryAnswer

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n"
SAFE_NAME = re.compile(r"^[a-z0-9-]+\.png$")


@pytest.fixture(scope="module")
def store() -> ResultsStore:
    return ResultsStore.load(ROOT / "data" / "elections", ROOT / "data" / "parties.toml")


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    pictures.clear_cache()


@pytest.mark.parametrize(
    ("command", "filename"),
    [
        ("/summary", "summary-derby-2002.png"),
        ("/ward Boulton", "ward-derby-2002-boulton.png"),
        ("/party labour", "party-derby-2002-labour.png"),
        ("/party tories", "party-derby-2002-conservative.png"),
    ],
)
def test_summary_ward_and_party_answers_get_a_named_png(
    store: ResultsStore, command: str, filename: str
) -> None:
    """Each picture is a PNG with an ASCII file name safe for attachment:// and alt text."""
    picture = pictures.picture_for(run_text(store, command))
    assert picture is not None
    assert picture.png.startswith(PNG)
    assert picture.filename == filename
    assert SAFE_NAME.match(picture.filename)
    assert 40 < len(picture.alt) <= 1000


@pytest.mark.parametrize(
    "command", ["/help", "/elections", "/closest", "/candidate Ronald Allen", "/ward Nowhereville"]
)
def test_answers_without_a_picture_get_none(store: ResultsStore, command: str) -> None:
    """Help, lists, candidates and not-found answers have no picture."""
    assert pictures.picture_for(run_text(store, command)) is None


def test_a_party_that_did_not_stand_gets_no_picture(store: ResultsStore) -> None:
    """Nothing to draw for a party with no candidates and no seats: the text says so."""
    answer = run_text(store, "/party ukip")
    assert answer.kind == "party" and not answer.stood
    assert pictures.picture_for(answer) is None


def test_alt_text_carries_the_facts_of_the_picture(store: ResultsStore) -> None:
    """Alt text names what is shown: parties with seats and change, control, winners, margin."""
    summary = pictures.picture_for(run_text(store, "/summary"))
    ward = pictures.picture_for(run_text(store, "/ward Boulton"))
    party = pictures.picture_for(run_text(store, "/party labour"))
    assert summary is not None and ward is not None and party is not None
    for fact in (
        "Council after the election",
        "Labour 27 (−2)",
        "Liberal Democrats 12 (+6)",
        "26 seats needed for a majority",
        "Labour majority",
    ):
        assert fact in summary.alt
    for fact in (
        "Ronald Blanksby (Labour) 1,406",
        "Ronald Allen (Independent) 1,144",
        "Last seat won by 10 votes over Hardyal Dhindsa",
    ):
        assert fact in ward.alt
    assert "Alvaston 3" in party.alt and "Chellaston 1" in party.alt


def test_a_second_request_is_served_from_the_cache(store: ResultsStore) -> None:
    """Same election and subject: the same Picture object, counted as a hit."""
    answer = run_text(store, "/ward Boulton")
    first = pictures.picture_for(answer)
    again = pictures.picture_for(run_text(store, "/ward boulton"))
    assert first is again
    assert pictures.cache_info().hits == 1
    assert pictures.cache_info().misses == 1


def test_a_question_about_the_same_subject_shares_the_picture(store: ResultsStore) -> None:
    """The reply sentence (headline) is not part of the picture, so it shares the cache entry."""
    answer = run_text(store, "/summary")
    first = pictures.picture_for(answer)
    asked = answer.model_copy(update={"headline": "Labour kept control."})
    assert pictures.picture_for(asked) is first


def test_changed_data_under_the_same_election_id_is_drawn_again(store: ResultsStore) -> None:
    """A reloaded document with other figures never gets the stale picture."""
    answer = run_text(store, "/summary")
    assert isinstance(answer, SummaryAnswer)
    first = pictures.picture_for(answer)
    rows = (answer.rows[0].model_copy(update={"seats_after": 26}), *answer.rows[1:])
    changed = pictures.picture_for(answer.model_copy(update={"rows": rows}))
    assert changed is not None and first is not None
    assert changed.png != first.png
    assert changed.filename == first.filename


def test_pictures_are_deterministic(store: ResultsStore) -> None:
    """The same data gives byte-identical PNGs."""
    answer = run_text(store, "/party labour")
    first = pictures.picture_for(answer)
    pictures.clear_cache()
    second = pictures.picture_for(answer)
    assert first is not None and second is not None
    assert first is not second and first.png == second.png


def test_a_drawing_failure_is_logged_and_gives_no_picture(
    store: ResultsStore, monkeypatch: pytest.MonkeyPatch, error_logs: Any
) -> None:
    """A bug in drawing never costs the reply: None, an ERROR log, nothing cached."""

    def broken(answer: object, subject: object) -> pictures.Picture:
        raise ValueError("bad geometry")

    monkeypatch.setattr(pictures, "_draw", broken)
    error_logs.expect("could not draw ward-derby-2002-boulton.png")
    assert pictures.picture_for(run_text(store, "/ward Boulton")) is None
    assert pictures.cache_info().size == 0


def test_the_cache_is_bounded_and_drops_the_least_recently_used() -> None:
    """Past maxsize the oldest unused entry goes; a hit refreshes an entry."""
    cache: LRUCache[str] = LRUCache(maxsize=2)
    cache.put(("e", "ward", "a"), 1, "A")
    cache.put(("e", "ward", "b"), 1, "B")
    assert cache.get(("e", "ward", "a"), 1) == "A"
    cache.put(("e", "ward", "c"), 1, "C")
    assert cache.get(("e", "ward", "b"), 1) is None
    assert cache.get(("e", "ward", "a"), 1) == "A"
    assert cache.get(("e", "ward", "a"), 2) is None  # another fingerprint: a miss
    assert cache.info().size == 2


async def test_the_async_helper_draws_off_the_event_loop(
    store: ResultsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new picture is drawn in a worker thread; a cached one returns without one."""
    threads: list[threading.Thread] = []
    draw = pictures._draw

    def spy(answer: object, subject: object) -> pictures.Picture:
        threads.append(threading.current_thread())
        return draw(answer, subject)  # type: ignore[arg-type]

    monkeypatch.setattr(pictures, "_draw", spy)
    answer = run_text(store, "/ward Boulton")
    picture = await pictures.picture_for_async(answer)
    assert picture is not None and picture.filename == "ward-derby-2002-boulton.png"
    assert threads and threads[0] is not threading.main_thread()
    assert await pictures.picture_for_async(answer) is picture
    assert len(threads) == 1
    assert await pictures.picture_for_async(run_text(store, "/help")) is None


def test_importing_the_package_loads_no_pillow() -> None:
    """Commands that draw nothing never pay for Pillow (or asyncio) at start-up."""
    code = (
        "import sys, bot.pictures as p\n"
        "from knowledge import help_answer\n"
        "assert p.picture_for(help_answer()) is None\n"
        "print(sorted(m for m in ('PIL', 'asyncio') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "text",
    ["Boulton", "Zoë Ødegård", "王小明", "St. Mary's & All Saints", "x" * 200, "---", ""],
)
def test_file_name_parts_are_short_ascii_slugs(text: str) -> None:
    """Slugs are never empty, ASCII only, and bounded; odd names still give a name."""
    made = slug(text)
    assert made and re.fullmatch(r"[a-z0-9-]+", made)
    assert len(made) <= 60


def test_a_sliver_thinner_than_a_pixel_draws_nothing() -> None:
    """A segment of a stacked bar rounded to no height (a party's 0.1% of a ward) is skipped,
    not handed to Pillow as a box upside down."""
    from bot.pictures.canvas import Canvas

    canvas = Canvas(100, width=100, scale=1)
    canvas.rect(10, 50.6, 20, 50.9, (0, 0, 0))  # rounds to rows 51..50: upside down
    canvas.rect(10, 40, 20, 60, (0, 0, 0))
    assert canvas.image.getpixel((15, 50)) == (0, 0, 0)
