"""Bootstrap for a fresh clone: create .venv/, install the project, then run the bot or the checks.

Only the standard library is used here, because this runs before anything is installed.

    python3 dev.py run [ARGS...]   set up, then `python -m bot ARGS...`
    python3 dev.py test            set up, then ruff, mypy and the whole pytest suite
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"


def _installed_for(extras: str) -> bool:
    """True when .venv/ holds this pyproject.toml with at least these extras."""
    if not STAMP.exists():
        return False
    digest, _, installed = STAMP.read_text().strip().partition(" ")
    return digest == _pyproject_digest() and (not extras or extras in installed.split(","))


def _pyproject_digest() -> str:
    """The project file's fingerprint, with how it is installed: a change to either reinstalls."""
    content = (ROOT / "pyproject.toml").read_bytes() + INSTALL_MODE.encode()
    return hashlib.sha256(content).hexdigest()


INSTALL_MODE = "dependencies + path file"
"""The project's dependencies are installed and the checkout is put on the .venv's path by a
.pth file holding its folder. An editable install (`pip install -e`) of this layout makes every
interpreter of the .venv import setuptools' path hook at start instead (7-11 ms measured with
`-X importtime`, before the bot's own first import), and the plain-path mode that avoids it is
deprecated. `pip install .` still installs the project as a package."""

PATH_FILE = "election_bot.pth"


def _requirements(extras: str) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in filter(None, extras.split(",")):
        wanted += project["optional-dependencies"][extra]
    return wanted


def _put_checkout_on_path() -> None:
    """Make `bot` and `knowledge` importable from anywhere in the .venv, as they are edited."""
    purelib = subprocess.run(
        [str(PYTHON), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, PATH_FILE).write_text(f"{ROOT}\n")


def ensure_venv(extras: str = "") -> None:
    """Create .venv/ and install the project once; reinstall only when pyproject.toml changes."""
    if not PYTHON.exists():
        print("Creating .venv/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if _installed_for(extras):
        return
    print("Installing the project into .venv/ ...", flush=True)
    pip = [str(PYTHON), "-m", "pip"]
    subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip"], check=True, cwd=ROOT)
    # An earlier editable install of the project brings its path hook: replaced by the path file.
    subprocess.run([*pip, "uninstall", "--quiet", "--yes", "election-bot"], capture_output=True)
    subprocess.run([*pip, "install", "--quiet", *_requirements(extras)], check=True, cwd=ROOT)
    _put_checkout_on_path()
    STAMP.write_text(f"{_pyproject_digest()} {extras}")


def run_bot(args: list[str]) -> int:
    ensure_venv()
    return subprocess.call([str(PYTHON), "-m", "bot", *args], cwd=ROOT)


def run_checks() -> int:
    ensure_venv("test")
    steps = [
        ["-m", "ruff", "check", "."],
        ["-m", "ruff", "format", "--check", "."],
        ["-m", "mypy"],
        ["-m", "pytest"],
    ]
    for step in steps:
        print("$ python " + " ".join(step), flush=True)
        code = subprocess.call([str(PYTHON), *step], cwd=ROOT)
        if code != 0:
            print(f"FAILED: python {' '.join(step)} (exit {code})", flush=True)
            return code
    return 0


def main(argv: list[str]) -> int:
    if sys.version_info[:2] < (3, 11):  # noqa: UP036  (a fresh machine may have an old Python)
        print(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
        return 2
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    if argv[0] == "run":
        return run_bot(argv[1:])
    return run_checks()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
