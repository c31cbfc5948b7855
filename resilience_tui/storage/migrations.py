"""Schema versions: checking a loaded file's shape and migrating it forward."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain.record import Record
from .tables import FILE_TABLES

CURRENT_SCHEMA = 1
# ``deleted`` holds tombstones (table, id, deleted_at); a file without it gets it empty.
TABLES = FILE_TABLES

Data = dict[str, Any]

# MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {}


def _to_v1(data: Data) -> Data:
    """An empty TinyDB file ({}) becomes schema 1 with a meta row."""
    data.setdefault("meta", {})["1"] = {"schema": 1}
    return data


MIGRATIONS[0] = _to_v1


def check_shape(data: object) -> str | None:
    """Why ``data`` is not one of our files, or None when it looks like one.

    Call :func:`newer_than_supported` first: a newer schema may have tables this
    version does not know, and deserves the "please update" message instead.
    """
    if not isinstance(data, dict):
        return f"holds a JSON {_json_kind(data)}, not a resilience-tui database"
    foreign = sorted(k for k in data if k not in TABLES)
    if foreign:
        return f"doesn't look like a resilience-tui database (it has {', '.join(foreign[:3])})"
    for name, table in data.items():
        # (A row may be a record already: the store builds them as the file is read, from
        # rows that were dicts when parsed.)
        if not isinstance(table, dict) or not all(
            isinstance(v, (dict, Record)) and k.isdecimal() for k, v in table.items()
        ):
            return f"its '{name}' table is damaged"
    if data and schema_of(data) is None:
        return "has no schema version, so it is not a resilience-tui database"
    return None


def _json_kind(value: object) -> str:
    names = {list: "list", str: "string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "number")


def schema_of(data: object) -> int | None:
    """The schema version in the meta table; 0 for an empty file; None when there is none."""
    if not isinstance(data, dict):
        return None
    if not data:
        return 0
    meta = data.get("meta")
    if not isinstance(meta, dict):
        return None
    for row in meta.values():
        version = row.get("schema") if isinstance(row, dict) else None
        if isinstance(version, int) and not isinstance(version, bool):
            return version
    return None


def newer_than_supported(data: object) -> bool:
    version = schema_of(data)
    return version is not None and version > CURRENT_SCHEMA


def migrate(data: Data) -> tuple[Data, bool]:
    """Bring ``data`` up to the current schema; returns (data, whether it changed)."""
    version = schema_of(data) or 0
    changed = False
    while version < CURRENT_SCHEMA:
        data = MIGRATIONS[version](data)
        version += 1
        _set_schema(data, version)
        changed = True
    for name in TABLES:
        data.setdefault(name, {})
    return data, changed


def _set_schema(data: Data, version: int) -> None:
    """Record ``version`` in the meta row that holds the schema (row 1 when none does)."""
    meta = data.setdefault("meta", {})
    key = next((k for k, row in meta.items() if "schema" in row), "1")
    meta[key] = {**meta.get(key, {}), "schema": version}
