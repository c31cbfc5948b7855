"""Deleting an entry, and taking the deletion back.

A deletion removes the record (a rejection takes its redirect actions with it:
its cool-down lives on the rejection itself) and leaves a tombstone for each
removed record, in one write, so no import or sync of an older copy brings it
back. :func:`undo_delete` puts back exactly what was removed and lifts the
tombstones, also in one write.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date

from ..clock import Clock
from ..domain.dates import stored_day
from ..domain.models import Action, Record
from ..domain.tombstones import DELETABLE, Tombstone
from ..storage.store import Store

ONE = {"checkins": "check-in", "rejections": "rejection", "selfcare": "self-care entry",
       "contacts": "contact", "actions": "next step"}


@dataclass
class Deletion:
    """What one delete removed (table → records as they were), so undo can restore it."""

    removed: dict[str, list[Record]] = field(default_factory=dict)
    tombstones: list[Tombstone] = field(default_factory=list)
    label: str = ""  # "self-care entry from 3 March", for the notice


def _day_words(day: str | None, today: date) -> str:
    d = stored_day(day)
    if d is None:
        return ""
    return f"{d.day} {d:%B}" + (f" {d.year}" if d.year != today.year else "")


def label_for(table: str, record: Record, today: date) -> str:
    """How the question and the notice name an entry: "self-care entry from 3 March"."""
    if table == "rejections":
        return f"rejection from {record.company} ({record.role})"  # type: ignore[attr-defined]
    if table == "contacts":
        return f"contact {record.name}"  # type: ignore[attr-defined]
    day = getattr(record, "day", None) or getattr(record, "created_on", None)
    when = _day_words(day, today)
    return f"{ONE[table]} from {when}" if when else ONE[table]


def goes_with(store: Store, table: str, record_id: str) -> list[Action]:
    """What else a deletion takes: a rejection's redirect actions."""
    if table != "rejections":
        return []
    return [a for a in store.actions.all() if a.rejection_id == record_id]


def question(store: Store, clock: Clock, table: str, record_id: str) -> str | None:
    """The question to ask before deleting; None when the entry is gone already."""
    record = store.repos[table].get_shared(record_id) if table in DELETABLE else None
    if record is None:
        return None
    text = f"Delete this {label_for(table, record, clock.today())}?"
    if table == "rejections":
        actions = goes_with(store, table, record_id)
        steps = f" and its {len(actions)} next step{'s' * (len(actions) != 1)}" if actions \
            else ""
        text += f" Its cool-down{steps} go{'es' * (not actions)} with it."
    return text


def delete_entry(store: Store, clock: Clock, table: str, record_id: str) -> Deletion | None:
    """Delete one entry (and what goes with it), leaving tombstones; None if it is gone."""
    if table not in DELETABLE:
        raise ValueError(f"{table} entries can't be deleted")
    record = store.repos[table].get(record_id)
    if record is None:
        return None
    deletion = Deletion(label=label_for(table, record, clock.today()))
    deletion.removed[table] = [record]
    actions: list[Record] = [copy.deepcopy(a) for a in goes_with(store, table, record_id)]
    if actions:
        deletion.removed["actions"] = actions
    stamp = clock.stamp()
    with store.batch():
        for name, records in deletion.removed.items():
            for r in records:
                store.repos[name].delete(r.id)
                deletion.tombstones.append(
                    Tombstone(table=name, id=r.id, deleted_at=stamp))
        store.deleted.put_many(deletion.tombstones)
    return deletion


def undo_delete(store: Store, deletion: Deletion) -> None:
    """Put back exactly what ``deletion`` removed, and lift its tombstones, in one write."""
    with store.batch():
        for tombstone in deletion.tombstones:
            store.deleted.delete(tombstone.id)
        for name, records in deletion.removed.items():
            store.repos[name].put_many(copy.deepcopy(records), stamp=False)
