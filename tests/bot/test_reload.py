"""Reload while running: changed documents are compiled off the loop and swapped in at once.

Answers in flight finish on the store they started with, none is lost or mixed between old and
new data; a broken new version keeps the old data; /reload (moderators) says what changed.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import BotSession, ErrorLogs, StartBot

from bot.console import run_console
from bot.live_store import LiveStore, next_poll
from knowledge import ResultsStore, answer_question, run_text
from knowledge.questions import lexicon

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "elections" / "2002_derby_city_council_election.txt"
PARTIES = ROOT / "data" / "parties.toml"
BY_ELECTION = ROOT / "tests" / "knowledge" / "documents" / "2005_littleover_by-election.txt"
CARE = "Lucy Care (Liberal Democrats (UK)): 2,695 votes"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SEED, data / SEED.name)
    return data


def live_store(folder: Path) -> LiveStore:
    return LiveStore(ResultsStore.load(folder, PARTIES, database=folder / ".elections.sqlite3"))


def set_care_votes(folder: Path, votes: int) -> None:
    seed = folder / SEED.name
    text = SEED.read_text().replace(CARE, f"Lucy Care (Liberal Democrats (UK)): {votes:,} votes")
    seed.write_text(text)


def test_reload_reports_added_updated_and_removed_elections(folder: Path) -> None:
    """A new document is added, an edited one updated, a deleted one removed."""
    live = live_store(folder)
    shutil.copy(BY_ELECTION, folder / BY_ELECTION.name)
    added = live.reload()
    assert len(added.added) == 1 and added.updated == () and added.removed == ()
    set_care_votes(folder, 2700)
    updated = live.reload()
    assert updated.updated == ("derby-2002",) and updated.added == ()
    (folder / BY_ELECTION.name).unlink()
    removed = live.reload()
    assert removed.removed == added.added
    assert "Removed (1)" in removed.summary() and "1 election loaded." in removed.summary()
    assert live.reload().summary().startswith("No changes.")


def test_a_broken_new_version_keeps_the_old_data(folder: Path, error_logs: ErrorLogs) -> None:
    """Saving a broken document keeps its last good elections; the error is logged."""
    error_logs.expect("Election document not loaded: 2002_derby_city_council_election.txt")
    live = live_store(folder)
    before = run_text(live.current, "/ward Littleover").model_dump_json()
    (folder / SEED.name).write_text("= half saved")
    report = live.reload()
    assert report.errors and SEED.name in report.errors[0]
    assert report.kept == (SEED.name,)
    assert run_text(live.current, "/ward Littleover").model_dump_json() == before
    assert [e.file for e in live.current.errors] == [SEED.name]
    again = live_store(folder)  # the next start still has the old data and says why
    assert run_text(again.current, "/ward Littleover").model_dump_json() == before
    assert [e.file for e in again.current.errors] == [SEED.name]
    shutil.copy(SEED, folder / SEED.name)
    fixed = live.reload()
    assert fixed.errors == () and live.current.errors == []


def test_reload_under_concurrent_questions(folder: Path) -> None:
    """Questions asked while the documents change and reload: each answer is wholly the old
    data or wholly the new, and none fails."""
    versions = {}
    for votes in (2695, 3333):
        set_care_votes(folder, votes)
        store = ResultsStore.load(folder, PARTIES)
        versions[votes] = (
            run_text(store, "/ward Littleover").model_dump_json(),
            run_text(store, "/candidate Lucy Care").model_dump_json(),
        )
    set_care_votes(folder, 2695)
    live = live_store(folder)
    stop = threading.Event()
    seen: list[tuple[str, str]] = []
    failures: list[BaseException] = []

    def ask() -> None:
        while not stop.is_set():
            try:
                store = live.current  # one store per answer, as the bot does
                store._elections.clear()  # read rows again: a snapshot, not a cache, is tested
                store._facts.clear()
                seen.append(
                    (
                        run_text(store, "/ward Littleover").model_dump_json(),
                        run_text(store, "/candidate Lucy Care").model_dump_json(),
                    )
                )
            except BaseException as error:  # pragma: no cover - reported below
                failures.append(error)

    askers = [threading.Thread(target=ask) for _ in range(3)]
    for thread in askers:
        thread.start()
    try:
        for round_ in range(6):
            set_care_votes(folder, 3333 if round_ % 2 == 0 else 2695)
            live.reload()
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in askers:
            thread.join()
    assert failures == []
    assert seen
    assert set(seen) <= set(versions.values())
    assert len(set(seen)) == 2


def test_listeners_hear_of_each_swap(folder: Path) -> None:
    """Caches keyed on the data are told when the store changes."""
    live = live_store(folder)
    swapped: list[ResultsStore] = []
    live.listeners.append(swapped.append)
    set_care_votes(folder, 2800)
    live.reload()
    assert swapped == [live.current]


def test_the_watcher_reloads_a_changed_folder(folder: Path) -> None:
    """Polling notices a saved document and swaps the store without being asked."""
    live = live_store(folder)
    old = live.current
    live.watch(interval=0.05)
    try:
        set_care_votes(folder, 2900)
        deadline = time.monotonic() + 10
        while live.current is old and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        live.stop()
    assert live.current is not old
    assert '"votes":2900' in run_text(live.current, "/candidate Lucy Care").model_dump_json()


def test_console_reload_line(folder: Path) -> None:
    """`/reload` in the console compiles the changed documents and says what changed."""
    import io

    live = live_store(folder)
    lines = iter(["/reload", "exit"])

    def read(prompt: str) -> str:
        line = next(lines)
        if line == "/reload":
            set_care_votes(folder, 2750)
        return line

    out = io.StringIO()
    assert run_console(live, read, out) == 0
    assert "Updated (1): derby-2002" in out.getvalue()


async def test_moderator_reloads_and_is_told_what_changed(
    start_bot: StartBot, folder: Path
) -> None:
    """/reload swaps in the edited document; the moderator hears what changed, privately."""
    session: BotSession = await start_bot(
        ResultsStore.load(folder, PARTIES, database=folder / ".elections.sqlite3")
    )
    before = await session.slash("candidate", name="Lucy Care")
    assert "2,695" in before.text()
    set_care_votes(folder, 2999)
    reply = await session.slash("reload", session.events.moderator())
    assert reply.ephemeral
    assert "Updated (1): derby-2002" in reply.text()
    after = await session.slash("candidate", name="Lucy Care")
    assert "2,999" in after.text()


async def test_members_cannot_reload(session: BotSession) -> None:
    """An ordinary member is refused privately."""
    reply = await session.slash("reload", session.events.member())
    assert reply.ephemeral
    assert "Manage Messages" in reply.text()


def test_a_slow_folder_is_polled_less_often() -> None:
    """Polling takes at most 2% of the time: a folder scanned in 0.1 s (10,000 documents) is
    polled every 5 s, a small one at the interval asked for."""
    assert next_poll(2.0, 0.001) == 2.0
    assert next_poll(2.0, 0.1) == pytest.approx(5.0)
    assert next_poll(0.05, 0.0002) == 0.05


def _lexicons_built(monkeypatch: pytest.MonkeyPatch) -> list[ResultsStore]:
    """The stores a question-word lexicon is built for, from now on, in any thread."""
    built: list[ResultsStore] = []
    original = lexicon.Lexicon.__init__

    def counting(self: lexicon.Lexicon, store: ResultsStore) -> None:
        built.append(store)
        time.sleep(0.05)  # long enough for others to ask for it meanwhile
        original(self, store)

    monkeypatch.setattr(lexicon.Lexicon, "__init__", counting)
    return built


def test_a_reloaded_store_is_prepared_before_it_is_swapped_in(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first question after a reload does not build the new store's lexicon (1.5 s at
    10,000 elections): the reload built it, off the loop, before the swap."""
    live = live_store(folder)
    built = _lexicons_built(monkeypatch)
    set_care_votes(folder, 2710)
    live.reload()
    assert built == [live.current]
    answer_question(live.current, "how did Lucy Care do?")
    assert built == [live.current]


def test_the_first_questions_wait_for_the_lexicon_being_prepared(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Prepared in the background at start; questions asked meanwhile, from several threads,
    wait for that one lexicon instead of each building their own, and are answered."""
    live = live_store(folder)
    built = _lexicons_built(monkeypatch)
    preparing = live.prepare()
    answers: list[str] = []
    askers = [
        threading.Thread(
            target=lambda: answers.append(
                answer_question(live.current, "who won in Boulton?").headline
            )
        )
        for _ in range(4)
    ]
    for asker in askers:
        asker.start()
    for thread in (preparing, *askers):
        thread.join(timeout=30)
    assert built == [live.current]
    assert len(answers) == 4 and len(set(answers)) == 1 and "Boulton" in answers[0]
