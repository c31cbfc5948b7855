"""Rest days: marking a day as one, or making it ordinary again (the rule is domain.rest).

The app toggles (a second press undoes the first); the command line only marks, so
running ``resilience rest`` twice leaves the day a rest day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain import rest
from ..storage.store import Store


def is_marked(store: Store, day: date) -> bool:
    """True when ``day`` is marked as a rest day (rest weekdays aside)."""
    return any(r.day == day.isoformat() for r in store.rest_days.all())


@dataclass(frozen=True)
class RestToggled:
    """What to tell the user, and whether anything was written (a refusal writes nothing)."""

    message: str
    changed: bool


def toggle_rest_day(store: Store, day: date) -> RestToggled:
    """Mark ``day`` as a rest day, or unmark it, in one write; what to tell the user."""
    change = rest.rest_toggle(store.rest_days.all(), store.checkins.all(),
                              store.settings.rest_weekdays, day)
    if change.add is None and not change.remove:
        return RestToggled(change.message, changed=False)
    with store.batch():
        for rid in change.remove:
            store.rest_days.delete(rid)
        if change.add is not None:
            store.rest_days.put(change.add)
    return RestToggled(change.message, changed=True)


def mark_rest_day(store: Store, day: date) -> str:
    """Mark ``day`` as a rest day unless it is one (or needs none); what to tell the user."""
    change = rest.rest_mark(store.rest_days.all(), store.checkins.all(),
                            store.settings.rest_weekdays, day)
    if change.add is not None:
        store.rest_days.put(change.add)
    return change.message
