"""Schema versions: checking a loaded file's shape and migrating it forward."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_SCHEMA = 1
TABLES = ("meta", "settings", "checkins", "rejections", "selfcare", "contacts", "actions",
          "rest_days")

Data = dict[str, Any]

# MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {}


def _to_v1(data: Data) -> Data:
    """An empty TinyDB file ({}) becomes schema 1 with a meta row."""
    data.setdefault("meta", {})["1"] = {"schema": 1}
    return data


MIGRATIONS[0] = _to_v1


def check_shape(data: object) -> str | None:
    """Why ``data`` is not one of our files, or None when it looks like one."""
    if not isinstance(data, dict):
        return f"holds a JSON {type(data).__name__}, not a resilience-tui database"
    foreign = sorted(k for k in data if k not in TABLES)
    if foreign:
        return f"doesn't look like a resilience-tui database (it has {', '.join(foreign[:3])})"
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
            return f"its '{name}' table is damaged"
    if data and schema_of(data) is None:
        return "has no schema version, so it is not a resilience-tui database"
    return None


def schema_of(data: Data) -> int | None:
    """The schema version in the meta table; 0 for an empty file."""
    if not data:
        return 0
    for row in data.get("meta", {}).values():
        version = row.get("schema")
        if isinstance(version, int) and not isinstance(version, bool):
            return version
    return None


def newer_than_supported(data: Data) -> bool:
    version = schema_of(data)
    return version is not None and version > CURRENT_SCHEMA


def migrate(data: Data) -> tuple[Data, bool]:
    """Bring ``data`` up to the current schema; returns (data, whether it changed)."""
    version = schema_of(data) or 0
    changed = False
    while version < CURRENT_SCHEMA:
        data = MIGRATIONS[version](data)
        version += 1
        data["meta"]["1"] = {"schema": version}
        changed = True
    for name in TABLES:
        data.setdefault(name, {})
    return data, changed
