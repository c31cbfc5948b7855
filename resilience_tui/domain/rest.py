"""The rest-day rule: marking a day off (or making it ordinary again), and what to say.

A rest day keeps the check-in streak going without adding to it. A day that
already has a check-in, or that is a rest weekday in the settings, needs no
mark. Pure Python: the caller applies the returned change with the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .checkin import checkin_for_day
from .dates import short_day
from .models import CheckIn, RestDay


@dataclass(frozen=True)
class RestChange:
    """What toggling a day does: a rest day to add, ids to remove, and the words to show."""

    message: str
    add: RestDay | None = None
    remove: tuple[str, ...] = ()


def rest_toggle(
    rest_days: Iterable[RestDay], checkins: Iterable[CheckIn],
    rest_weekdays: Sequence[int], day: date,
) -> RestChange:
    """Mark ``day`` as a rest day, or unmark it when it is marked already."""
    key = day.isoformat()
    name = short_day(day, year=True)
    marked = tuple(r.id for r in rest_days if r.day == key)
    if marked:
        return RestChange(f"{name} is an ordinary day again.", remove=marked)
    if checkin_for_day(checkins, key) is not None:
        return RestChange(f"You checked in on {name}, so that day already counts.")
    if day.weekday() in rest_weekdays:
        return RestChange(f"{day:%A}s are already rest days in your settings.")
    return RestChange(f"{name} is a rest day: it keeps your streak going without adding to it.",
                      add=RestDay(day=key).validate())


def rest_mark(
    rest_days: Iterable[RestDay], checkins: Iterable[CheckIn],
    rest_weekdays: Sequence[int], day: date,
) -> RestChange:
    """Mark ``day`` as a rest day; one already marked stays so (nothing to change).

    For the command line, where running ``resilience rest`` twice must not undo the first.
    """
    rest_days = list(rest_days)
    if any(r.day == day.isoformat() for r in rest_days):
        return RestChange(f"{short_day(day, year=True)} is already a rest day.")
    return rest_toggle(rest_days, checkins, rest_weekdays, day)
