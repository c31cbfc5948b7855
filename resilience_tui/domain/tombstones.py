"""Deletions as tombstones: what was deleted, from which table, and when.

A deleted record leaves a tombstone behind (in the journal file and in every
export), so that an import or a sync of an older copy never brings it back.
The one rule: a tombstone wins over a copy of the record last changed at or
before the deletion; a copy edited after the deletion wins over the tombstone.
No Textual or TinyDB import here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .dates import OLDEST, moment
from .record import Record
from .validate import ValidationError, check_id

# The tables whose records can be deleted (rest days are marked and unmarked instead).
DELETABLE = ("checkins", "rejections", "selfcare", "contacts", "actions")


@dataclass(slots=True)
class Tombstone(Record):
    """The mark a deletion leaves: ``id`` is the deleted record's own id."""

    SHARED: ClassVar[tuple[str, ...]] = ("table",)
    table: str = ""
    id: str = ""
    deleted_at: str = ""

    def validate(self) -> Tombstone:
        if self.table not in DELETABLE:
            raise ValidationError("deleted table", f"should be one of {', '.join(DELETABLE)}")
        check_id(self.id, "deleted id")  # the same rule as every record's id
        if moment(self.deleted_at) == OLDEST:
            raise ValidationError("deleted at", "should be a timestamp with its UTC offset")
        return self


def buries(tombstone: Tombstone | None, updated_at: str) -> bool:
    """True when ``tombstone`` keeps a copy last changed at ``updated_at`` deleted
    (it was not edited after the deletion)."""
    return tombstone is not None and moment(updated_at) <= moment(tombstone.deleted_at)
