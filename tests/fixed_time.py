"""The one moment and zone every test runs at: Wednesday 11 March 2026, 09:00 in London.

A plain module rather than part of conftest.py so that test modules can import it: each
folder's conftest.py is a module named ``conftest``, so ``from conftest import …`` finds
whichever one pytest loaded last (tests/e2e/conftest.py in a full run).
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil import tz

from resilience_tui.clock import FixedClock

ZONE_NAME = "Europe/London"
ZONE = tz.gettz(ZONE_NAME)
# A Wednesday morning, well after the default day start hour.
NOW = "2026-03-11T09:00:00"
TODAY = date(2026, 3, 11)
YESTERDAY = TODAY - timedelta(days=1)


def make_clock(moment: str = NOW, **kwargs: object) -> FixedClock:
    """A fixed clock at ``moment`` in the pinned zone (pass ``zone=`` for another one)."""
    kwargs.setdefault("zone", ZONE)
    return FixedClock(moment, **kwargs)  # type: ignore[arg-type]


def ago(n: int, today: date = TODAY) -> str:
    """The ISO day ``n`` days before ``today``."""
    return (today - timedelta(days=n)).isoformat()


CHILD_CLOCK = f"FixedClock({NOW!r}, zone=gettz({ZONE_NAME!r}))"
"""The pinned clock as code, for scripts run in a child process (they cannot import this
module): the script imports ``FixedClock`` and ``dateutil.tz.gettz`` itself."""
