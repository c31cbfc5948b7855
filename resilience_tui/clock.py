"""The one source of "now" and "today".

A "day" is the local calendar date shifted back by the day start hour, so a
check-in at 01:30 with a start hour of 4 belongs to the previous day. The
local zone comes from the system and honours ``TZ``. Tests (and the
end-to-end journeys) fix "now" with :class:`FixedClock` or the
``RESILIENCE_NOW`` environment variable (an ISO date-time, e.g.
``2026-03-02T09:00``; read in the local zone when it has no offset).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo

from dateutil import tz

NOW_ENV = "RESILIENCE_NOW"


class ZoneProblem(ValueError):
    """``TZ`` names no zone we can use; the message is one line for the user."""


def local_zone() -> tzinfo:
    """The system's local zone, honouring ``TZ`` the way the system reads it.

    A ``TZ`` we can't read is an error, never a silent UTC: every stored day
    would land on the wrong date. Paths that climb out of the zone folder
    (``../../etc/passwd``) are refused too.
    """
    name = os.environ.get("TZ")
    if not name:  # unset, or empty (which the C library reads as UTC, as tzlocal does)
        return tz.tzlocal()
    shown = name if len(name) <= 60 and name.isprintable() else f"{name[:60]!r}…"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # dateutil warns on paths outside the zone folder
            zone = tz.gettz(name)
    except (Warning, ValueError, OSError):
        zone = None
    if zone is None or isinstance(zone, tz.tzlocal):
        # (gettz falls back to tzlocal for a bare word like "Bogus": the C library
        # reads that as a zone named Bogus at UTC, which is the silent UTC we refuse.)
        raise ZoneProblem(f"TZ={shown} is not a time zone we know; use a name like "
                          f"Europe/Paris, or unset TZ to use the system's zone")
    if isinstance(zone, tz.tzstr):
        # A rule like "UTC+3" means three hours *behind* UTC to the system (POSIX);
        # dateutil reads it the other way round unless told.
        zone = tz.tzstr(name.lstrip(":"), posix_offset=True)
    return zone


class Clock:
    """Tells the time and the user's day; ``day_start_hour`` follows settings."""

    def __init__(
        self,
        now: Callable[[], datetime] | None = None,
        *,
        day_start_hour: int = 4,
        zone: tzinfo | None = None,
    ) -> None:
        self.zone = zone or local_zone()
        self._now = now or (lambda: datetime.now(self.zone))
        self.day_start_hour = day_start_hour

    def now(self) -> datetime:
        """The current local time, always zone-aware."""
        value = self._now()
        if value.tzinfo is None:
            value = value.replace(tzinfo=self.zone)
        return value.astimezone(self.zone)

    def day_of(self, moment: datetime) -> date:
        """The user's day that a moment belongs to."""
        local = moment.astimezone(self.zone) if moment.tzinfo else moment
        return (local - timedelta(hours=self.day_start_hour)).date()

    def today(self) -> date:
        return self.day_of(self.now())

    def today_str(self) -> str:
        return self.today().isoformat()

    def stamp(self) -> str:
        """An ISO 8601 timestamp with UTC offset, to the second."""
        return self.now().isoformat(timespec="seconds")


class FixedClock(Clock):
    """A clock stopped at one moment; ``advance`` and ``set`` move it (tests)."""

    def __init__(
        self, moment: datetime | str, *, day_start_hour: int = 4, zone: tzinfo | None = None
    ) -> None:
        super().__init__(lambda: self.moment, day_start_hour=day_start_hour, zone=zone)
        self.moment = self._coerce(moment)

    def _coerce(self, moment: datetime | str) -> datetime:
        if isinstance(moment, str):
            from dateutil import parser as date_parser  # here: `resilience status` never needs it

            moment = date_parser.isoparse(moment)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
        return moment

    def set(self, moment: datetime | str) -> None:
        self.moment = self._coerce(moment)

    def advance(self, **delta: float) -> None:
        self.moment = self.moment + timedelta(**delta)


def clock_from_env(day_start_hour: int = 4) -> Clock:
    """The real clock, or a fixed one when ``RESILIENCE_NOW`` is set (for testing)."""
    zone = local_zone()  # raises ZoneProblem, before RESILIENCE_NOW is read in that zone
    fixed = os.environ.get(NOW_ENV)
    if fixed:
        try:
            return FixedClock(fixed, day_start_hour=day_start_hour, zone=zone)
        except (ValueError, OverflowError):
            raise ValueError(f"{NOW_ENV}={fixed!r} is not a date-time like "
                             f"2026-03-11T09:00") from None
    return Clock(day_start_hour=day_start_hour, zone=zone)
