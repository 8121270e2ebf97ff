"""A compiled store's catalog: every election's listing columns, read at every start.

The last compile keeps it in one row of `meta`, column by column, each column's values joined
by NUL: a start splits 15 strings. Read instead from `elections`, the 10,000 rows' few columns
sit behind each election's summary and infobox (39 ms); kept as JSON rows, decoding them cost
20 ms of a 300 ms cold `ask` at 10,000 elections.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

COLUMNS = (
    "sid",
    "title",
    "council",
    "date",
    "year",
    "kind",
    "source",
    "id",
    "wards",
    "seats",
    "candidates",
    "citation",
    "council_key",
    "whole_council",
    "seats_for_election",
)
_TYPES = "ttttnttiiiittbt"
"""Per column: text, which may be NULL ("t"); integer ("i"); integer or NULL ("n"); flag
("b")."""
_HEADER = "columns/1:"
"""Starts the stored catalog, with the number of elections (a JSON list is an older store's)."""
_NULL = "\x01"
_FIELD = "\x00"
_COLUMN = "\x1e"
_RESERVED = (_NULL, _FIELD, _COLUMN)


def rows(connection: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """The catalog's columns of every election in the store, in its order, from `elections`."""
    return connection.execute(
        f"SELECT {', '.join(COLUMNS)} FROM elections WHERE rank IS NOT NULL ORDER BY rank"
    ).fetchall()


def encoded(connection: sqlite3.Connection) -> str:
    """The catalog as `meta` keeps it: by column; as JSON rows when a text has a separator in
    it (no real title does)."""
    found = rows(connection)
    columns: list[str] = []
    for values in zip(*found, strict=False):
        if any(isinstance(v, str) and any(r in v for r in _RESERVED) for v in values):
            return json.dumps(found, separators=(",", ":"))
        columns.append(_FIELD.join(_NULL if v is None else str(v) for v in values))
    return _HEADER + str(len(found)) + _COLUMN + _COLUMN.join(columns)


def decoded(stored: str | None, connection: sqlite3.Connection) -> list[list[Any]]:
    """The catalog's columns (`COLUMNS`, each a list in the store's order), from the stored
    text, else (an older store, or none stored) from the elections' rows."""
    try:
        if stored is not None and stored.startswith(_HEADER):
            count_text, _, body = stored[len(_HEADER) :].partition(_COLUMN)
            count = int(count_text)
            parts = body.split(_COLUMN) if count else [""] * len(COLUMNS)
            if len(parts) == len(COLUMNS):
                columns = [_values(p, kind, count) for p, kind in zip(parts, _TYPES, strict=True)]
                if all(len(column) == count for column in columns):
                    return columns
        elif stored is not None:
            return _columns(json.loads(stored))
    except (ValueError, TypeError):  # damaged: the tables are still right
        pass
    return _columns(rows(connection))


def _values(part: str, kind: str, count: int) -> list[Any]:
    if not count:
        return []
    values: list[Any] = part.split(_FIELD)
    if kind == "i":
        return list(map(int, values))
    if kind == "n":
        return [None if v == _NULL else int(v) for v in values]
    if kind == "b":
        return [v == "1" for v in values]
    if _NULL in part:
        return [None if v == _NULL else v for v in values]
    return values


def _columns(found: list[Any]) -> list[list[Any]]:
    """Rows (from SQL or JSON) as columns, typed as `_values` types them."""
    if not isinstance(found, list) or any(len(row) != len(COLUMNS) for row in found):
        raise ValueError("not the catalog's rows")
    columns = [list(c) for c in zip(*found, strict=False)] or [[] for _ in COLUMNS]
    for n, kind in enumerate(_TYPES):
        if kind == "i":
            columns[n] = list(map(int, columns[n]))
        elif kind == "b":
            columns[n] = list(map(bool, columns[n]))
    return columns
