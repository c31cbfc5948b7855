"""A record the journal holds but the app sets aside: where it is and what is wrong.

Loading checks every row (``import_check.checked``); a row that fails is
quarantined rather than rewritten or deleted, so a hand edit, a bad sync or a
restored file never crashes a screen and never silently loses what it held.
``doctor`` lists each one with its table, record id and field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain.models import Record
from ..domain.validate import ValidationError, clean_raw
from .import_check import checked, draft_dropped
from .tables import RECORD_CLASSES  # settings are checked at the door, in atomic


@dataclass(frozen=True)
class Damaged:
    """One quarantined row (or, with ``dropped``, a usable record whose draft was left out)."""

    table: str
    doc_id: str
    record_id: str  # as stored, made safe to print and kept short
    field: str
    message: str
    dropped: bool = False

    @classmethod
    def of(cls, table: str, doc_id: str, row: object, exc: ValidationError, *,
           dropped: bool = False) -> Damaged:
        rid = row.get("id") if isinstance(row, dict) else None
        shown = clean_raw(rid, multiline=False) if isinstance(rid, str) else "?"
        if len(shown) > 40:
            shown = shown[:37] + "…"
        return cls(table, doc_id, shown or "?", clean_raw(exc.field, multiline=False)[:60],
                   clean_raw(exc.message, multiline=False)[:200], dropped)

    def line(self) -> str:
        """One line for doctor: table, record, field and what is wrong."""
        where = f"{self.table} record {self.record_id} (row {self.doc_id})"
        if self.dropped:
            return f"{where}: its {self.field} {self.message}."
        return (f"{where}: {self.field} {self.message}. The app leaves this record out and "
                f"keeps it in the file as it is.")


def check_row(table: str, cls: type[Record], doc_id: str, row: object, today: date,
              found: list[Damaged]) -> Record | None:
    """The record a stored row holds, or None (and a note in ``found``) when it fails the
    one record check. A draft that doesn't fit is noted too, and the record kept."""
    try:
        record = checked(cls, row, today=today)
    except ValidationError as exc:
        found.append(Damaged.of(table, doc_id, row, exc))
        return None
    if draft_dropped(cls, row):
        found.append(Damaged.of(table, doc_id, row, ValidationError(
            "cooldown.draft", "is a half-typed step in a shape the app doesn't know; it is "
            "left out (the saved steps are fine)"), dropped=True))
    return record


def damaged_rows(data: dict[str, Any], today: date) -> list[Damaged]:
    """Every row of a database (already shape-checked) that the app would set aside:
    what ``doctor`` says of a backup before ``restore`` brings it back."""
    found: list[Damaged] = []
    for table, cls in RECORD_CLASSES.items():
        for doc_id, row in data.get(table, {}).items():
            check_row(table, cls, doc_id, row, today, found)
    return found
