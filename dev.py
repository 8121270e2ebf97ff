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
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv(extras: str = "") -> None:
    """Create .venv/ and install the project once; reinstall only when pyproject.toml changes."""
    if not PYTHON.exists():
        print("Creating .venv/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if _installed_for(extras):
        return
    print("Installing the project into .venv/ ...", flush=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True, cwd=ROOT
    )
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "-e", target], check=True, cwd=ROOT
    )
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
