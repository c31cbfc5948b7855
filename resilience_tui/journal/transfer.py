"""Importing: applying a planned import (see ``storage.transfer``) in one write.

The plan is made (and every record checked) in storage; applying it is a use
case like any other, and imported settings set the clock's day start hour.
The file's deletions apply here too: its tombstones are kept, and our records
they cover (not edited here since) are deleted.
"""

from __future__ import annotations

from ..clock import Clock
from ..storage.store import Store
from ..storage.transfer import ImportPlan
from .opening import follow_settings


def apply_import(store: Store, clock: Clock, plan: ImportPlan) -> bool:
    """Apply ``plan`` in one write. True when it reached the disk (when not, the store
    has reported it and keeps the records in memory for the next good write)."""
    with store.batch():
        if plan.settings is not None:
            store.save_settings(plan.settings)
        for name, records in plan.records.items():
            if records:
                store.repos[name].put_many(records, stamp=False)
        for name, ids in plan.removed.items():  # deleted there, not edited here since
            for rid in ids:
                store.repos[name].delete(rid)
        if plan.tombstones:
            store.deleted.put_many(plan.tombstones, stamp=False)
    if plan.settings is not None:
        follow_settings(clock, plan.settings)
    return not store.unsaved
