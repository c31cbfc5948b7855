"""Export and import of the whole database as one JSON object (schema 1).

Import validates everything first and then applies all of it in one write,
or nothing: records merge by ``id``; a known id is replaced only when the
incoming ``updated_at`` is newer, so importing the same file twice changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain.models import (
    Action,
    CheckIn,
    Contact,
    Record,
    Rejection,
    RestDay,
    SelfCare,
    Settings,
)
from ..domain.validate import ValidationError
from .store import Repo, Store

APP = "resilience-tui"
SCHEMA = 1
RECORD_TABLES: dict[str, type[Record]] = {
    "checkins": CheckIn,
    "rejections": Rejection,
    "selfcare": SelfCare,
    "contacts": Contact,
    "actions": Action,
}


def repos(store: Store) -> dict[str, Repo[Any]]:
    return {name: getattr(store, name) for name in RECORD_TABLES}


def export_data(store: Store) -> dict[str, Any]:
    """The whole database as the schema-1 export object."""
    out: dict[str, Any] = {
        "app": APP,
        "schema": SCHEMA,
        "exported_at": store.clock.stamp(),
        "settings": store.settings.to_dict(),
    }
    for name, repo in repos(store).items():
        out[name] = [r.to_dict() for r in repo.all()]
    out["rest_days"] = sorted(r.day for r in store.rest_days.all())
    return out


class ImportProblem(ValueError):
    """The first thing wrong with an import file: where and what."""


@dataclass
class ImportPlan:
    """What an import would do, table by table."""

    added: dict[str, int] = field(default_factory=dict)
    replaced: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    records: dict[str, list[Record]] = field(default_factory=dict)
    settings: Settings | None = None

    @property
    def changes(self) -> int:
        return sum(self.added.values()) + sum(self.replaced.values())

    def summary(self) -> str:
        parts = [f"{name}: {self.added.get(name, 0)} new, {self.replaced.get(name, 0)} updated"
                 for name in self.records if self.added.get(name) or self.replaced.get(name)]
        return "; ".join(parts) if parts else "nothing new"


def parse_records(data: object) -> tuple[dict[str, list[Record]], Settings | None]:
    """Check an export object completely; raise ImportProblem naming the first fault."""
    if not isinstance(data, dict):
        raise ImportProblem("the file should hold one JSON object")
    if data.get("app") != APP:
        raise ImportProblem(f"this is not a resilience-tui export (app is {data.get('app')!r})")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ImportProblem(f"schema should be a whole number, not {schema!r}")
    if schema > SCHEMA:
        raise ImportProblem(f"schema {schema} is from a newer version; please update the app")
    records: dict[str, list[Record]] = {}
    for name, cls in RECORD_TABLES.items():
        records[name] = _parse_table(name, cls, data.get(name, []))
    rest = data.get("rest_days", [])
    if not isinstance(rest, list):
        raise ImportProblem("rest_days should be a list of days")
    records["rest_days"] = _parse_table(
        "rest_days", RestDay, [{"day": d} if isinstance(d, str) else d for d in rest])
    settings = None
    if "settings" in data:
        try:
            settings = Settings.from_dict(data["settings"]).validate()
        except (ValidationError, TypeError) as exc:
            raise ImportProblem(f"settings: {exc}") from None
    return records, settings


def _parse_table(name: str, cls: type[Record], rows: object) -> list[Record]:
    if not isinstance(rows, list):
        raise ImportProblem(f"{name} should be a list")
    parsed: list[Record] = []
    seen: set[str] = set()
    for i, row in enumerate(rows):
        where = f"{name}[{i}]"
        if not isinstance(row, dict):
            raise ImportProblem(f"{where} should be an object, not {type(row).__name__}")
        try:
            record = cls.from_dict(row)
            record.validate()  # type: ignore[attr-defined]
        except ValidationError as exc:
            raise ImportProblem(f"{where} ({row.get('id', '?')}): {exc}") from None
        except (TypeError, AttributeError, ValueError) as exc:
            raise ImportProblem(f"{where} ({row.get('id', '?')}): a field has the wrong "
                                f"type ({exc})") from None
        rid = getattr(record, "id", None)
        if not isinstance(rid, str) or not rid:
            raise ImportProblem(f"{where}: id should be a non-empty string")
        if rid in seen:
            raise ImportProblem(f"{where}: id {rid!r} appears twice")
        seen.add(rid)
        parsed.append(record)
    return parsed


def plan_import(store: Store, data: object) -> ImportPlan:
    """Work out what importing ``data`` would change, without changing anything."""
    records, settings = parse_records(data)
    plan = ImportPlan(settings=settings)
    current = {**repos(store), "rest_days": store.rest_days}
    for name, incoming in records.items():
        repo = current[name]
        keep: list[Record] = []
        added = replaced = same = 0
        for record in incoming:
            old = repo.get_shared(record.id)  # type: ignore[attr-defined]
            if old is None:
                added += 1
                keep.append(record)
            elif getattr(record, "updated_at", "") > getattr(old, "updated_at", ""):
                replaced += 1
                keep.append(record)
            else:
                same += 1
        plan.added[name], plan.replaced[name], plan.unchanged[name] = added, replaced, same
        plan.records[name] = keep
    return plan


def apply_import(store: Store, plan: ImportPlan) -> bool:
    """Apply a plan in one write. True when it reached the disk."""
    current = {**repos(store), "rest_days": store.rest_days}
    with store.batch():
        if plan.settings is not None and not store.has_settings:
            store.save_settings(plan.settings)
        for name, records in plan.records.items():
            if records:
                current[name].put_many(records, stamp=False)
    return not store.unsaved
