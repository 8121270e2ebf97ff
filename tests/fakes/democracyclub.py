"""A fake Democracy Club candidates site: `/data/export_csv/` filtered as the real one is.

The `election_id` parameter is a regular expression matched against each row's election id,
so the importer's escaping and anchoring are tested, not assumed.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from fakes.http import LocalServer, Reply, Request

EXPORT_PATH = "/data/export_csv/"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "democracyclub"


def fixture_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A fixture CSV's header and rows, its `#` attribution line skipped."""
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    reader = csv.DictReader(lines)
    return list(reader.fieldnames or []), list(reader)


class FakeDemocracyClub:
    def __init__(self, header: list[str], rows: list[dict[str, str]]) -> None:
        self.header = header
        self.rows = rows
        self.server = LocalServer(self._answer)

    @classmethod
    def from_fixture(cls, name: str = "local.sheffield.2021-05-06.csv") -> FakeDemocracyClub:
        return cls(*fixture_rows(FIXTURES / name))

    def start(self) -> FakeDemocracyClub:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    @property
    def url(self) -> str:
        return self.server.base

    @property
    def requests(self) -> list[Request]:
        return self.server.requests

    def _answer(self, request: Request) -> Reply:
        if request.path != EXPORT_PATH:
            return Reply(404, b"<html>Not found</html>", "text/html")
        params = request.params
        if params.get("format") != "csv" or params.get("field_group") != "results":
            return Reply(400, b"format=csv&field_group=results expected", "text/plain")
        try:
            pattern = re.compile(params.get("election_id", ""))
        except re.error:
            return Reply(400, b"bad election_id regex", "text/plain")
        out = io.StringIO()
        writer = csv.DictWriter(out, self.header, lineterminator="\r\n")
        writer.writeheader()
        for row in self.rows:
            if pattern.search(row.get("election_id", "")):
                writer.writerow({name: row.get(name, "") for name in self.header})
        return Reply(200, out.getvalue().encode("utf-8"), "text/csv; charset=utf-8")
