"""The other export formats: CSV tables for spreadsheets, and the Markdown journal.

CSV flattens each record into one row with a header. Lists become
``"; "``-joined cells; a check-in's plan is both a readable ``plan`` cell
and its own ``plan_items`` table, and a rejection's feelings and reasons
get tables of their own, so nothing the user wrote is left out. Cells that a
spreadsheet would run as a formula get a leading apostrophe. Every file is
written private (0600) and atomically; a folder of CSV tables is written all
or none. An export never lands on the journal, its lock, its kept copies or
its backups (``protected_output``). JSON is the format to import from; CSV
and Markdown are for reading; Markdown leaves private writing out unless
asked (see :mod:`.markdown`).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from ..domain.models import (
    Action,
    CheckIn,
    Contact,
    Cooldown,
    Feeling,
    PlanItem,
    Reason,
    Record,
    Rejection,
    RestDay,
    SelfCare,
    Settings,
)
from ..domain.past_plan import done_count
from .backup import backup_folder
from .errors import StorageError
from .files import atomic_write_all, private_folder, real_path, write_private
from .store import Store

Row = dict[str, Any]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    text = str(value)
    if text.startswith(_FORMULA) and not isinstance(value, int):
        return "'" + text  # a spreadsheet would run "=…" as a formula
    return text


def _flat(record: Record, skip: tuple[str, ...] = ()) -> Row:
    return {f.name: getattr(record, f.name) for f in fields(record) if f.name not in skip}


def _plan_cell(items: Iterable[Any]) -> str:
    return " | ".join(f"[{'x' if p.done else ' '}] {p.kind}: {p.text}" for p in items)


def _checkin(c: CheckIn) -> Iterator[Row]:
    row: Row = {}
    for name, value in _flat(c).items():
        if name == "plan":  # readable in one cell here; item by item in plan_items.csv
            row.update(plan=_plan_cell(value), plan_done=done_count(value),
                       plan_total=len(value))
        else:
            row[name] = value
    yield row


def _plan_items(c: CheckIn) -> Iterator[Row]:
    for i, p in enumerate(c.plan):
        yield {"checkin_id": c.id, "day": c.day, "position": i + 1, **_flat(p)}


def _rejection(r: Rejection) -> Iterator[Row]:
    row = _flat(r, skip=("cooldown", "feedback", "at", "updated_at", "id"))
    cool = r.cooldown
    row.update(_flat(cool, skip=("feelings", "reasons", "draft")))
    row["feelings"] = [f"{f.name} {f.before}→{'' if f.after is None else f.after}"
                       for f in cool.feelings]
    row["reasons"] = [f"{x.tag}: {x.note}" if x.note else x.tag for x in cool.reasons]
    row.update({f"feedback_{k}": v for k, v in _flat(r.feedback).items()})
    row.update(at=r.at, updated_at=r.updated_at, id=r.id)
    yield row


def _feelings(r: Rejection) -> Iterator[Row]:
    for f in r.cooldown.feelings:
        yield {"rejection_id": r.id, "company": r.company, **_flat(f)}


def _reasons(r: Rejection) -> Iterator[Row]:
    for x in r.cooldown.reasons:
        yield {"rejection_id": r.id, "company": r.company, **_flat(x)}


def _plain(record: Record) -> Iterator[Row]:
    yield _flat(record)


@dataclass(frozen=True)
class CsvTable:
    """One CSV file: which repo it reads, in what order, and the rows of each record."""

    repo: str
    order: Callable[[Any], Any]
    rows: Callable[[Any], Iterator[Row]]
    blank: Record  # a record giving exactly one row: the header when the table is empty

    def header(self) -> list[str]:
        return list(next(self.rows(self.blank)))


_BY_DAY: Callable[[Any], Any] = attrgetter("day")
_BY_LOGGED: Callable[[Any], Any] = attrgetter("logged_on", "company")
_WITH_ONE_FEELING = Rejection(cooldown=Cooldown(feelings=[Feeling()], reasons=[Reason()]))
CSV_TABLES: dict[str, CsvTable] = {
    "checkins": CsvTable("checkins", _BY_DAY, _checkin, CheckIn()),
    "plan_items": CsvTable("checkins", _BY_DAY, _plan_items, CheckIn(plan=[PlanItem()])),
    "rejections": CsvTable("rejections", _BY_LOGGED, _rejection, Rejection()),
    "feelings": CsvTable("rejections", _BY_LOGGED, _feelings, _WITH_ONE_FEELING),
    "reasons": CsvTable("rejections", _BY_LOGGED, _reasons, _WITH_ONE_FEELING),
    "selfcare": CsvTable("selfcare", attrgetter("day", "at"), _plain, SelfCare()),
    "contacts": CsvTable("contacts", lambda c: c.name.casefold(), _plain, Contact()),
    "actions": CsvTable("actions", attrgetter("created_on", "text"), _plain, Action()),
    "rest_days": CsvTable("rest_days", _BY_DAY, lambda r: iter([{"day": r.day}]), RestDay()),
    "settings": CsvTable("settings", _BY_DAY, _plain, Settings()),
}


def to_csv(rows: Iterable[Row], header: list[str]) -> str:
    """Rows as CSV text under a header row (RFC 4180 quoting)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in header])
    return out.getvalue()


def csv_table(store: Store, name: str) -> str:
    """One table of the journal as CSV text."""
    table = CSV_TABLES[name]
    if table.repo == "settings":
        records: list[Any] = [store.settings]
    else:
        records = sorted(getattr(store, table.repo).all(), key=table.order)
    return to_csv((row for r in records for row in table.rows(r)), table.header())


def protected_output(db_path: Path, out: Path) -> bool:
    """True when writing ``out`` would replace the journal (by its name or the file a
    link leads to), its lock, a copy kept beside it, or anything in its backups."""
    where = Path(os.path.realpath(out))
    backups = Path(os.path.realpath(backup_folder(db_path)))
    if where == backups or backups in where.parents:
        return True
    for journal in (db_path, real_path(db_path)):
        folder = Path(os.path.realpath(journal.parent))
        if where == folder / journal.name or (
                where.parent == folder and where.name.startswith(f"{journal.name}.")):
            return True
    return False


def refuse_protected(db_path: Path, outputs: Iterable[Path]) -> str | None:
    """The one line refusing an export onto the journal's own files, or None."""
    for out in outputs:
        if protected_output(db_path, out):
            return (f"{out} is your journal or one of its own files (lock, backups, "
                    f"copies kept aside); choose another name, so nothing there is replaced.")
    return None


def _write_failed(exc: OSError, out: Path) -> StorageError:
    where = exc.filename or out
    return StorageError(where, f"Couldn't write {where} ({exc.strerror or exc}); the export "
                               f"was not written, and your journal was not touched.")


def write_out(payload: bytes, output: str | None) -> None:
    """To a private file when ``output`` names one, else to stdout."""
    if output:
        out = Path(output).expanduser()
        try:
            write_private(out, payload)
        except OSError as exc:
            raise _write_failed(exc, out) from None
        return
    try:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    except BrokenPipeError:  # `resilience export | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit has nowhere to fail


def export_other(store: Store, args: argparse.Namespace) -> int:
    """``resilience export --format csv|md``; returns the exit code."""
    if args.format == "md":
        from .markdown import journal_markdown

        private = getattr(args, "include_private", False)
        write_out(journal_markdown(store, include_private=private).encode(), args.output)
        return 0
    out = Path(args.output).expanduser() if args.output else None
    if out is None or out.suffix.lower() == ".csv":
        if args.table not in CSV_TABLES:
            print(f"resilience: there is no table called {args.table!r}; choose one of "
                  f"{', '.join(CSV_TABLES)}.", file=sys.stderr)
            return 2
        write_out(csv_table(store, args.table).encode(), args.output)
        return 0
    if out.exists() and not out.is_dir():
        print(f"resilience: {out} is a file; for every table give a folder, or a name "
              f"ending in .csv for one table.", file=sys.stderr)
        return 1
    payloads = {out / f"{name}.csv": csv_table(store, name).encode() for name in CSV_TABLES}
    refused = refuse_protected(store.path, [out, *payloads])
    if refused:
        print(f"resilience: {refused}", file=sys.stderr)
        return 1
    created = not out.exists()
    try:
        private_folder(out)
        atomic_write_all(payloads)  # every table, or none of them
    except OSError as exc:
        if created:
            try:
                out.rmdir()
            except OSError:
                pass
        raise _write_failed(exc, out) from None
    print(f"Wrote {len(CSV_TABLES)} tables to {out}.", file=sys.stderr)
    return 0


def json_bytes(store: Store) -> bytes:
    """The schema-1 export, indented for people who open it."""
    from .transfer import export_data

    return orjson.dumps(export_data(store), option=orjson.OPT_INDENT_2) + b"\n"


def export_to_folder(store: Store, folder: Path, fmt: str = "json",
                     include_private: bool = False) -> Path:
    """One export, named by today, in ``folder`` (the palette): ``fmt`` is "json" (a full
    copy, private writing and all) or "md" (the journal, private parts only when asked)."""
    from .markdown import journal_markdown

    private_folder(folder)
    out = folder / f"resilience-{store.clock.today_str()}.{fmt}"
    if fmt == "md":
        write_private(out, journal_markdown(store, include_private=include_private).encode())
    else:
        write_private(out, json_bytes(store))
    return out
