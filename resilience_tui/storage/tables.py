"""The journal's tables, in one place: each record table's name (in the file and in
exports) and its record class, and every table a journal file may hold.

The store, import and export, the load-time check and the schema check all read
these, so a new table is added here once.
"""

from __future__ import annotations

from ..domain.models import Action, CheckIn, Contact, Record, Rejection, RestDay, SelfCare

RECORD_CLASSES: dict[str, type[Record]] = {
    "checkins": CheckIn, "rejections": Rejection, "selfcare": SelfCare, "contacts": Contact,
    "actions": Action, "rest_days": RestDay}

# Every table of a journal file: its schema row, the settings row, the records, then the
# tombstones of deleted records (table, id, deleted_at).
FILE_TABLES: tuple[str, ...] = ("meta", "settings", *RECORD_CLASSES, "deleted")
