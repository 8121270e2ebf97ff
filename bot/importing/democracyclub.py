"""Democracy Club results CSVs into the data folder: copied from a file, or downloaded.

`FILE.csv` is validated with the store's own reader, then copied; an election id such as
`local.derby.2022-05-05` is fetched from the CSV export
(`{DEMOCRACYCLUB_URL}/data/export_csv/?election_id=…&field_group=results&format=csv`) and written
as `democracyclub_<id>.csv` with a `#` source line on top (the reader skips it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from bot.importing import ImportFailure
from bot.importing.client import HttpClient
from bot.importing.files import write_atomically
from bot.importing.wikipedia import Outcome, Status
from knowledge.errors import ParseError
from knowledge.models import Election
from knowledge.readers import read_document

LICENCE = "Democracy Club data, CC BY 4.0"
EXPORT_PATH = "/data/export_csv/"
ELECTION_ID = re.compile(r"^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.\d{4}-\d{2}-\d{2}$")


def is_election_id(text: str) -> bool:
    return bool(ELECTION_ID.match(text.strip()))


def export_url(base: str, election_id: str) -> tuple[str, dict[str, str]]:
    """The export filters on a regular expression: escape the dots, anchor both ends."""
    pattern = "^" + re.escape(election_id) + "$"
    return base.rstrip("/") + EXPORT_PATH, {
        "election_id": pattern,
        "field_group": "results",
        "format": "csv",
    }


def validate(data: bytes, name: str) -> list[Election]:
    """The elections the store would read from these bytes; `ImportFailure` if none."""
    try:
        return read_document(data, name)
    except ParseError as error:
        raise ImportFailure(f"{name} cannot be loaded: line {error.line}: {error.reason}") from None


def _described(elections: list[Election]) -> str:
    contests = sum(len(e.contests) for e in elections)
    warnings = sum(len(e.warnings) for e in elections)
    titles = ", ".join(e.title for e in elections[:3]) + (" …" if len(elections) > 3 else "")
    extra = f"; {warnings} warning(s)" if warnings else ""
    return f"{len(elections)} election(s), {contests} contest(s): {titles}{extra}"


def import_file(source: Path, folder: Path) -> Outcome:
    """Copy a CSV the store can read into the folder; the same bytes already there: no-op."""
    if source.suffix.lower() != ".csv":
        raise ImportFailure(f"{source} is not a .csv file (nor an election id)")
    try:
        data = source.read_bytes()
    except OSError as error:
        raise ImportFailure(f"cannot read {source}: {error.strerror}") from None
    elections = validate(data, source.name)
    target = folder / source.name
    if target.resolve() == source.resolve() or (target.exists() and target.read_bytes() == data):
        return Outcome(source.name, "unchanged", f"the same file is already {target}", target)
    status: Status = "updated" if target.exists() else "loaded"
    write_atomically(target, data)
    return Outcome(source.name, status, f"{_described(elections)} -> {target}", target)


def import_election(
    election_id: str,
    client: HttpClient,
    base_url: str,
    folder: Path,
    token: str | None = None,
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> Outcome:
    """Download one election's results export, validate it, then write it."""
    election_id = election_id.strip()
    url, params = export_url(base_url, election_id)
    headers = {"Authorization": f"Token {token}"} if token else {}
    reply = client.get(url, params, headers=headers)
    body = reply.text()
    rows = [line for line in body.splitlines() if line.strip() and not line.startswith("#")]
    if len(rows) <= 1:
        raise ImportFailure(f"Democracy Club has no candidates or results for {election_id}")
    name = f"democracyclub_{election_id.replace('.', '_')}.csv"
    elections = validate(body.encode("utf-8"), name)
    if not any(election_id in (e.citation or "") for e in elections):
        raise ImportFailure(f"the export for {election_id} holds other elections only")
    target = folder / name
    when = clock().astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    line = f"# source: {election_id} | {reply.url} | fetched {when} | {LICENCE}\n"
    if target.exists() and _without_first_line(target.read_bytes()) == body.encode("utf-8"):
        return Outcome(
            election_id, "unchanged", f"the same results are already in {target}", target
        )
    status: Status = "updated" if target.exists() else "loaded"
    write_atomically(target, (line + body).encode("utf-8"))
    return Outcome(election_id, status, f"{_described(elections)} -> {target}", target)


def _without_first_line(data: bytes) -> bytes:
    """A downloaded file less its `# source` line (which holds the fetch time)."""
    return data.split(b"\n", 1)[1] if data.startswith(b"#") and b"\n" in data else data
