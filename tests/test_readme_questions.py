"""The README's list of what can be asked is generated from the intent records."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_lists_every_record_with_its_current_answer() -> None:
    """Fails when a record or a reply changed without `python docs/readme_questions.py`."""
    spec = importlib.util.spec_from_file_location(
        "readme_questions", ROOT / "docs/readme_questions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.START in readme and module.END in readme
    assert module.updated(readme) == readme, "README is stale: run python docs/readme_questions.py"
