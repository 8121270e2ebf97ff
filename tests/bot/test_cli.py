"""`python -m bot` as a user runs it: ask, --json, --data, the console, exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ErrorLogs

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "elections" / "2002_derby_city_council_election.txt"


def run_bot(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    environment.pop("ELECTIONS_DATA", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_ask_prints_the_ward_result_and_exits_zero() -> None:
    """`ask "/ward Littleover"` prints the candidates, the winners and the source."""
    done = run_bot("ask", "/ward Littleover")
    assert done.returncode == 0, done.stderr
    assert "Lucy Care" in done.stdout
    assert "2,695" in done.stdout
    assert "✔" in done.stdout
    assert "2002_derby_city_council_election.txt" in done.stdout


def test_ask_imports_only_what_a_text_answer_needs(tmp_path: Path) -> None:
    """One `ask` is start-up plus an answer: it never loads Discord, asyncio, Pillow,
    pydantic-settings, nor (through pydantic's plugin loader) importlib.metadata and email."""
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "bot",
            "--data",
            str(SEED),
            "ask",
            "/ward Abbey",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "ELECTIONS_DB": str(tmp_path / "e.sqlite3")},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Maurice Burgess" in done.stdout  # models were built, without the plugin loader
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    unwanted = ("discord", "asyncio", "PIL", "pydantic_settings", "importlib.metadata", "email")
    assert not {m for m in loaded if m.split(".")[0] in unwanted or m in unwanted}


def test_the_plugin_loader_stand_in_gives_the_real_module_for_other_names() -> None:
    """A pydantic that asks the loader for more than `get_plugins` gets the real thing."""
    code = (
        "from bot.__main__ import _no_pydantic_plugins\n"
        "_no_pydantic_plugins()\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "assert tuple(get_plugins()) == ()\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
        "print(PYDANTIC_ENTRY_POINT_GROUP)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pydantic"


def test_ask_json_prints_the_typed_answer() -> None:
    """`--json` prints the answer model, with its kind and figures."""
    done = run_bot("ask", "/candidate lucy care", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["kind"] == "candidate"
    assert answer["candidate"]["votes"] == 2695
    assert answer["candidate"]["elected"] is True
    assert answer["election"]["source"] == "2002_derby_city_council_election.txt"


def test_ask_named_options_pick_the_election() -> None:
    """Options are written as in Discord: `/ward name:Boulton election:derby-2002`."""
    done = run_bot("ask", "/ward name:Boulton election:derby-2002", "--json")
    answer = json.loads(done.stdout)
    assert answer["ward"] == "Boulton"
    assert answer["majority"] == 10


def test_ask_election_flag_scopes_commands_as_well_as_questions(tmp_path: Path) -> None:
    """`ask --election ID "/summary"` summarises that election, not the latest one."""
    for year in ("2002", "2003"):
        text = SEED.read_text(encoding="utf-8").replace("2002", year)
        (tmp_path / f"{year}_derby.txt").write_text(text, encoding="utf-8")
    done = run_bot("--data", str(tmp_path), "ask", "--election", "derby-2002", "/summary")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2002 Derby City Council election")
    latest = run_bot("--data", str(tmp_path), "ask", "/summary")
    assert latest.stdout.startswith("2003 Derby City Council election")


def test_unknown_command_is_a_clear_message_and_nonzero_exit() -> None:
    """A command the bot lacks says so and lists the real ones."""
    done = run_bot("ask", "/weather")
    assert done.returncode == 2
    assert "no command /weather" in done.stdout
    assert "/ward" in done.stdout
    assert "Traceback" not in done.stderr


def test_data_option_loads_another_folder(tmp_path: Path) -> None:
    """`--data PATH` answers from that folder's documents, and names broken ones."""
    (tmp_path / "derby.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.txt").write_text("= Broken =\n==Ward results==\n===X===\n", "utf-8")
    done = run_bot("--data", str(tmp_path), "ask", "/elections")
    assert done.returncode == 0, done.stderr
    assert "derby-2002" in done.stdout
    assert "broken.txt, line 3" in done.stdout


def test_elections_data_environment_variable_is_used(tmp_path: Path) -> None:
    """ELECTIONS_DATA points the bot at a single document."""
    document = tmp_path / "only.txt"
    document.write_text(
        "= 2004 Testham Council election =\n==Results==\n===North===\n"
        "  - North**\n- Ann Example (Green Party of England and Wales): 10 votes\n"
        "- Bob Example (Labour Party (UK)): 7 votes\n",
        encoding="utf-8",
    )
    done = run_bot("ask", "/ward north", env={"ELECTIONS_DATA": str(document)})
    assert done.returncode == 0, done.stderr
    assert "Ann Example" in done.stdout
    assert "Majority: 3" in done.stdout


def test_console_answers_commands_and_exits_cleanly_at_end_of_input() -> None:
    """With no token the bot is the console: it answers, then leaves on Ctrl-D."""
    done = run_bot(stdin="/party lib dems\n/help\n")
    assert done.returncode == 0, done.stderr
    assert "offline console" in done.stdout
    assert "Seats won: 12 of 51" in done.stdout
    assert "/candidate <name> [election]" in done.stdout
    assert done.stdout.rstrip().endswith("Bye.")
    assert "Traceback" not in done.stderr


def test_console_keeps_one_conversation_for_follow_ups() -> None:
    """ "and the lib dems?" after a question about Labour's seats asks about the Lib Dems'."""
    done = run_bot(stdin="how many seats did labour win\nand the lib dems?\n")
    assert done.returncode == 0, done.stderr
    assert "The Liberal Democrats won 12 of the 51 seats" in done.stdout


@pytest.mark.parametrize("line", ["/ward @everyone", "/candidate " + "x" * 5000, "/", "//"])
def test_console_survives_nonsense(line: str) -> None:
    """Nonsense gets a helpful reply, never a traceback."""
    done = run_bot(stdin=line + "\nexit\n")
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    assert "Bye." in done.stdout


def test_bad_setting_is_one_clear_sentence() -> None:
    """A malformed DISCORD_GUILD_ID is reported without a traceback."""
    done = run_bot("ask", "/help", env={"DISCORD_GUILD_ID": "not-a-number"})
    assert done.returncode == 2
    assert "Configuration error" in done.stderr
    assert "Traceback" not in done.stderr


def test_console_apologises_for_an_unexpected_error_and_carries_on(
    monkeypatch: pytest.MonkeyPatch, error_logs: ErrorLogs
) -> None:
    """A bug in answering one line costs that answer only: the user gets an apology, the log
    gets the traceback, and the next line is answered."""
    import io

    from bot import console
    from knowledge.store import ResultsStore

    real = console.answer_for

    def flaky(store: ResultsStore, text: str, **kwargs: object) -> object:
        if text == "boom":
            raise RuntimeError("a bug")
        return real(store, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(console, "answer_for", flaky)
    error_logs.expect("Unexpected error answering 'boom'")
    lines = iter(["boom", "/party lib dems"])

    def read(prompt: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    data = Path(__file__).resolve().parents[2] / "data"
    store = ResultsStore.load(data / "elections", data / "parties.toml")
    assert console.run_console(store, read=read, out=out) == 0
    assert console.APOLOGY in out.getvalue()
    assert "Seats won: 12 of 51" in out.getvalue()


def test_ask_apologises_for_an_unexpected_error(
    monkeypatch: pytest.MonkeyPatch, error_logs: ErrorLogs, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m bot ask` on a bug: one clear line and exit status 1, not a traceback."""
    from bot import ask
    from knowledge.store import ResultsStore

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(ask, "answer_for", broken)
    error_logs.expect("Unexpected error answering 'who won'")
    data = Path(__file__).resolve().parents[2] / "data"
    store = ResultsStore.load(data / "elections", data / "parties.toml")
    assert ask.run_ask(store, "who won") == ask.EXIT_BUG
    assert capsys.readouterr().err.endswith(ask.APOLOGY)
