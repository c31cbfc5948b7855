"""Export and import of the whole database as one JSON object (schema 1).

Import reads the file (refusing anything too large before reading it),
checks every record (see ``import_check``) and plans the merge; the journal
core (``journal.transfer``) then applies all of it in one write, or nothing.
Records merge by ``id``: a new id is added; a known id is replaced only when
the incoming ``updated_at`` is a later moment, so importing the same file
twice changes nothing. Settings are taken from the file only when this
journal has none of its own yet. Deletions travel as tombstones (the top-level
``deleted`` list): a record is kept deleted, here or from the file, unless its
copy was edited after the deletion. The format is documented field by field in
``docs/data-format.md``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson

from ..domain.dates import moment
from ..domain.models import (
    CheckIn,
    Record,
    RestDay,
    Settings,
)
from ..domain.tombstones import Tombstone, buries
from .import_check import (
    MAX_DEPTH,
    ImportProblem,
    check_record,
    draft_dropped,
    show,
    too_deep,
)
from .store import Store
from .tables import RECORD_CLASSES

__all__ = ["ImportProblem", "ImportPlan", "Parsed", "export_data", "load_export", "parse",
           "parse_export", "parse_records", "plan_import"]

APP = "resilience-tui"
SCHEMA = 1
# Ten years of heavy use export to about 10 MB; anything far beyond is not an export of ours.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
# The record tables an export lists as records (rest days are a list of days of their own).
RECORD_TABLES = {name: cls for name, cls in RECORD_CLASSES.items() if name != "rest_days"}
LABELS = {"checkins": "check-ins", "rejections": "rejections", "selfcare": "self-care entries",
          "contacts": "contacts", "actions": "redirect actions", "rest_days": "rest days"}
ONE = {"checkins": "check-in", "rejections": "rejection", "selfcare": "self-care entry",
       "contacts": "contact", "actions": "redirect action", "rest_days": "rest day"}


def export_data(store: Store) -> dict[str, Any]:
    """The whole database as the schema-1 export object."""
    out: dict[str, Any] = {
        "app": APP,
        "schema": SCHEMA,
        "exported_at": store.clock.stamp(),
        "settings": store.settings.to_dict(),
    }
    for name in RECORD_TABLES:
        out[name] = [r.to_dict() for r in getattr(store, name).all()]
    out["rest_days"] = sorted(r.day for r in store.rest_days.all())
    out["deleted"] = [t.to_dict() for t in store.deleted.all()]
    return out


def load_export(path: Path, limit: int = MAX_IMPORT_BYTES) -> object:
    """Read and parse an export file; a file over ``limit`` bytes is refused unread."""
    try:
        st = os.stat(path)  # before opening: a named pipe would block open() itself
        if stat.S_ISDIR(st.st_mode):
            raise ImportProblem("it is a folder, not an export file")
        if not stat.S_ISREG(st.st_mode):
            raise ImportProblem("it is not a regular file")
        if st.st_size > limit:
            raise ImportProblem(f"it is {st.st_size:,} bytes, far larger than any export "
                                f"(the limit is {limit:,})")
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except FileNotFoundError:
        raise ImportProblem("there is no such file") from None
    except OSError as exc:
        raise ImportProblem(f"it can't be read ({exc.strerror or exc})") from None
    if len(raw) > limit:
        raise ImportProblem("it grew past the size limit while being read")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ImportProblem(f"it is not valid JSON ({exc})") from None


@dataclass
class ImportPlan:
    """What an import would do, table by table."""

    added: dict[str, int] = field(default_factory=dict)
    replaced: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    kept_newer: dict[str, int] = field(default_factory=dict)  # ours was edited later
    kept_deleted: dict[str, int] = field(default_factory=dict)  # deleted here, not brought back
    removed: dict[str, list[str]] = field(default_factory=dict)  # ours, deleted in the file
    tombstones: list[Tombstone] = field(default_factory=list)  # the file's, new here
    records: dict[str, list[Record]] = field(default_factory=dict)
    settings: Settings | None = None  # taken from the file (this journal had none)
    exported_at: str = ""
    notes: list[str] = field(default_factory=list)  # worth knowing, not a reason to refuse

    @property
    def changes(self) -> int:
        return (sum(self.added.values()) + sum(self.replaced.values())
                + sum(map(len, self.removed.values())) + len(self.tombstones)
                + (self.settings is not None))

    def summary(self) -> str:
        """One line: what is new and what is updated."""
        parts = []
        for name in LABELS:
            new, upd = self.added.get(name, 0), self.replaced.get(name, 0)
            if new or upd:
                what = LABELS[name] if new + upd != 1 else ONE[name]
                parts.append(f"{new} new and {upd} updated {LABELS[name]}" if new and upd
                             else f"{new or upd} {'new' if new else 'updated'} {what}")
        gone = sum(map(len, self.removed.values()))
        if gone:
            parts.append(f"{gone} deleted")
        if self.settings is not None:
            parts.append("your settings")
        return ", ".join(parts) if parts else "nothing new"

    def report(self) -> list[str]:
        """A line per table, for ``--dry-run`` and the in-app confirmation."""
        lines = []
        for name, label in LABELS.items():
            new, upd = self.added.get(name, 0), self.replaced.get(name, 0)
            same, ours = self.unchanged.get(name, 0), self.kept_newer.get(name, 0)
            buried, gone = self.kept_deleted.get(name, 0), len(self.removed.get(name, []))
            if not (new or upd or same or ours or buried or gone):
                continue
            bits = [f"{new} new", f"{upd} updated", f"{same} already here"]
            if ours:
                bits.append(f"{ours} kept as you have them (edited here later)")
            if buried:
                bits.append(f"{buried} kept deleted (you deleted them)")
            if gone:
                bits.append(f"{gone} deleted (deleted there)")
            lines.append(f"{label + ':':<19}{', '.join(bits)}")
        if self.settings is not None:
            lines.append("settings:          taken from the file (none saved here yet)")
        return (lines or ["The file holds no records."]) + self.notes


@dataclass
class Parsed:
    """An export that passed every check: its records and settings, ready to plan."""

    records: dict[str, list[Record]]
    settings: Settings | None
    exported_at: str = ""
    notes: list[str] = field(default_factory=list)  # e.g. drafts that didn't fit
    deleted: list[Tombstone] = field(default_factory=list)


def parse_export(path: Path, today: date | None = None) -> Parsed:
    """Read and check an export file completely (ImportProblem names the first fault).

    ``today`` (the clock's day) bounds the days a record may hold; see ``checked``."""
    return parse(load_export(path), today)


def parse(data: object, today: date | None = None) -> Parsed:
    """Check an export object completely (ImportProblem names the first fault)."""
    notes: list[str] = []
    records, settings = parse_records(data, today, notes)
    assert isinstance(data, dict)  # parse_records refused anything else
    exported_at = data.get("exported_at")
    return Parsed(records, settings, exported_at if isinstance(exported_at, str) else "",
                  notes, _parse_deleted(data.get("deleted", []), today))


def _parse_deleted(rows: object, today: date | None) -> list[Tombstone]:
    """The file's tombstones (an older export has none). One per id: the latest."""
    if not isinstance(rows, list):
        raise ImportProblem(f"deleted should be a list, not {show(rows)}")
    latest: dict[str, Tombstone] = {}
    for i, row in enumerate(rows):
        t = check_record(Tombstone, row, f"deleted #{i + 1}", today=today)
        if t.id not in latest or buries(t, latest[t.id].deleted_at):
            latest[t.id] = t
    return list(latest.values())


def parse_records(data: object, today: date | None = None, notes: list[str] | None = None,
                  ) -> tuple[dict[str, list[Record]], Settings | None]:
    """Check an export object completely; raise ImportProblem naming the first fault.

    Drafts that don't fit their step are left out, with a line added to ``notes``."""
    if not isinstance(data, dict):
        raise ImportProblem(f"the file should hold one JSON object, not {show(data)}")
    if too_deep(data):
        raise ImportProblem(f"it nests lists and objects more than {MAX_DEPTH} levels deep; "
                            f"an export of ours never does")
    if "meta" in data and "app" not in data:
        raise ImportProblem("this is a database file, not an export; to bring it back use "
                            "'resilience restore --from FILE'")
    if data.get("app") != APP:
        raise ImportProblem(f"this is not a resilience-tui export (app is {show(data.get('app'))})")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ImportProblem(f"schema should be a whole number, not {show(schema)}")
    if schema > SCHEMA:
        raise ImportProblem(f"it was made by a newer version of resilience-tui (schema "
                            f"{schema}); please update the app first")
    dropped: list[str] = []
    records = {name: _parse_table(name, cls, data.get(name, []), today, dropped)
               for name, cls in RECORD_TABLES.items()}
    rest = data.get("rest_days", [])
    if not isinstance(rest, list):
        raise ImportProblem(f"rest_days should be a list of days, not {show(rest)}")
    for i, day in enumerate(rest):
        if not isinstance(day, str | dict):
            raise ImportProblem(f"rest_days #{i + 1} should be a day like 2026-01-31, "
                                f"not {show(day)}")
    records["rest_days"] = _parse_table(
        "rest_days", RestDay, [{"day": d, "id": d} if isinstance(d, str) else d for d in rest],
        today, dropped)
    settings: Settings | None = None
    if "settings" in data:
        settings = check_record(Settings, data["settings"], "settings",
                                with_id=False)
    if dropped and notes is not None:
        notes.append(f"Note: {len(dropped)} half-typed cool-down draft(s) didn't fit their "
                     f"step and will be left out ({dropped[0]}); saved steps are unaffected.")
    return records, settings


def _parse_table(name: str, cls: type[Record], rows: object, today: date | None,
                 dropped: list[str]) -> list[Record]:
    if not isinstance(rows, list):
        raise ImportProblem(f"{name} should be a list, not {show(rows)}")
    parsed: list[Record] = []
    seen: set[str] = set()
    for i, row in enumerate(rows):
        record = check_record(cls, row, f"{name} #{i + 1}", today=today)
        if draft_dropped(cls, row):
            dropped.append(f"{name} #{i + 1}")
        rid: str = record.id
        if rid in seen:
            raise ImportProblem(f"{name} #{i + 1}: id {rid!r} appears twice")
        seen.add(rid)
        parsed.append(record)
    return parsed


def _moment(record: Record) -> datetime:
    return moment(getattr(record, "updated_at", ""))


def plan_import(store: Store, data: Parsed | object) -> ImportPlan:
    """Work out what importing ``data`` (an export object, or parsed) would change."""
    if not isinstance(data, Parsed):
        data = parse(data, store.clock.today())
    take = (data.settings is not None and not store.has_settings
            and data.settings != store.settings)
    plan = ImportPlan(settings=data.settings if take else None, exported_at=data.exported_at,
                      notes=list(data.notes))
    current = store.repos
    graves = _graves(store, data.deleted, plan)
    for name, incoming in data.records.items():
        repo = current[name]
        keep: list[Record] = []
        added = replaced = same = ours = buried = 0
        for record in incoming:
            rid: str = record.id
            old = repo.get_shared(rid)
            grave = graves.get(rid)
            if grave is not None and grave.table == name and buries(
                    grave, getattr(record, "updated_at", "")):
                if old is None:
                    buried += 1  # deleted (here or there) after this copy last changed
                else:
                    same += 1  # ours goes (see _graves); this copy doesn't come back
                continue
            if old is None:
                added += 1
                keep.append(record)
            elif _moment(record) > _moment(old):
                replaced += 1
                keep.append(record)
            elif _moment(record) < _moment(old):
                ours += 1
            else:
                same += 1
        plan.added[name], plan.replaced[name] = added, replaced
        plan.unchanged[name], plan.kept_newer[name] = same, ours
        plan.kept_deleted[name] = buried
        plan.records[name] = keep
    _note_double_days(store, plan)
    return plan


def _graves(store: Store, incoming: list[Tombstone], plan: ImportPlan) -> dict[str, Tombstone]:
    """Every tombstone that counts, ours and the file's (the later one per id). Notes in
    ``plan`` the file's tombstones new here, and our records they delete (those not
    edited here after the deletion)."""
    graves = {t.id: t for t in store.deleted.all()}
    for t in incoming:
        ours = graves.get(t.id)
        if ours is not None and moment(t.deleted_at) <= moment(ours.deleted_at):
            continue  # we hold this deletion already, as late or later
        graves[t.id] = t
        plan.tombstones.append(t)
        repo = store.repos.get(t.table)
        record = repo.get_shared(t.id) if repo is not None else None
        if record is not None and buries(t, getattr(record, "updated_at", "")):
            plan.removed.setdefault(t.table, []).append(t.id)
    return graves


def _note_double_days(store: Store, plan: ImportPlan) -> None:
    """Two devices may each hold a check-in for the same day; both are kept, so say so."""
    ours = {c.day: c.id for c in store.checkins.all()}
    incoming = [c for c in plan.records.get("checkins", []) if isinstance(c, CheckIn)]
    doubles = sorted({c.day for c in incoming if ours.get(c.day, c.id) != c.id})
    if doubles:
        plan.notes.append(f"Note: {len(doubles)} day(s) will have two check-ins ({doubles[0]}"
                          f"{'…' if len(doubles) > 1 else ''}); both are kept, and each day "
                          f"still counts once.")

