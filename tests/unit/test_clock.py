"""The clock: which day a moment belongs to, across DST and the day start hour."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil import tz

from resilience_tui.clock import Clock, FixedClock, clock_from_env

NEW_YORK = tz.gettz("America/New_York")


def at(moment: str, start: int = 4) -> date:
    return FixedClock(moment, zone=NEW_YORK, day_start_hour=start).today()


def test_before_the_day_start_hour_is_still_yesterday() -> None:
    assert at("2026-03-11T01:30") == date(2026, 3, 10)
    assert at("2026-03-11T03:59") == date(2026, 3, 10)


def test_the_day_start_hour_itself_is_today() -> None:
    assert at("2026-03-11T04:00") == date(2026, 3, 11)
    assert at("2026-03-11T23:59") == date(2026, 3, 11)


def test_start_hour_zero_is_plain_midnight() -> None:
    assert at("2026-03-11T00:00", start=0) == date(2026, 3, 11)
    assert at("2026-03-10T23:59", start=0) == date(2026, 3, 10)


def test_spring_forward_day_in_new_york() -> None:
    # 2026-03-08: clocks jump from 02:00 to 03:00. 03:30 is after the jump but before 04:00.
    assert at("2026-03-08T01:30") == date(2026, 3, 7)
    assert at("2026-03-08T03:30") == date(2026, 3, 7)
    assert at("2026-03-08T04:00") == date(2026, 3, 8)
    # The user's 7 March runs 04:00 → 04:00 across the jump: 23 real hours, one date.
    clock = FixedClock("2026-03-07T04:00", zone=NEW_YORK)
    moment = clock.now().astimezone(UTC)
    days = []
    for _ in range(23 * 2):
        clock.set(moment)
        days.append(clock.today())
        moment += timedelta(minutes=30)  # real time, not wall-clock time
    assert set(days) == {date(2026, 3, 7)}
    clock.set(moment)
    assert clock.now().strftime("%H:%M") == "04:00"
    assert clock.today() == date(2026, 3, 8)


def test_fall_back_day_in_new_york() -> None:
    # 2026-11-01: 01:30 happens twice; both belong to 31 October with start hour 4.
    first = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    second = first + timedelta(hours=1)  # 01:30 EST
    clock = FixedClock(first, zone=NEW_YORK)
    assert clock.today() == date(2026, 10, 31)
    assert clock.now().utcoffset() == timedelta(hours=-4)
    clock.set(second)
    assert clock.now().strftime("%H:%M") == "01:30"
    assert clock.now().utcoffset() == timedelta(hours=-5)
    assert clock.today() == date(2026, 10, 31)
    clock.set("2026-11-01T04:00")
    assert clock.today() == date(2026, 11, 1)


def test_day_of_a_stored_moment_uses_the_local_zone() -> None:
    clock = FixedClock("2026-03-11T09:00", zone=NEW_YORK)
    # 06:00 UTC is 02:00 in New York (EDT since 8 March): before the start hour, so the 10th.
    assert clock.day_of(datetime(2026, 3, 11, 6, 0, tzinfo=UTC)) == date(2026, 3, 10)


def test_stamp_has_a_utc_offset() -> None:
    assert FixedClock("2026-03-11T09:00", zone=NEW_YORK).stamp() == "2026-03-11T09:00:00-04:00"
    winter = FixedClock("2026-01-15T09:00", zone=NEW_YORK).stamp()
    assert winter == "2026-01-15T09:00:00-05:00"
    live = Clock().stamp()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", live)


def test_day_start_hour_can_change_while_running() -> None:
    clock = FixedClock("2026-03-11T05:00", zone=NEW_YORK)
    assert clock.today() == date(2026, 3, 11)
    clock.day_start_hour = 6
    assert clock.today() == date(2026, 3, 10)


def _in_subprocess(code: str, **env: str) -> str:
    import os

    full = {k: v for k, v in os.environ.items() if k not in ("TZ", "RESILIENCE_NOW")}
    full.update(env)
    out = subprocess.run([sys.executable, "-c", code], env=full, capture_output=True,
                         text=True, check=True, timeout=60)
    return out.stdout.strip()


def test_tz_is_honoured() -> None:
    code = ("from datetime import datetime, timezone\n"
            "from resilience_tui.clock import Clock\n"
            "c = Clock(lambda: datetime(2026, 7, 1, 2, 0, tzinfo=timezone.utc))\n"
            "print(c.now().isoformat(), c.today())")
    assert _in_subprocess(code, TZ="Asia/Tokyo") == "2026-07-01T11:00:00+09:00 2026-07-01"
    # 02:00 UTC is 22:00 the evening before in New York.
    assert _in_subprocess(code, TZ="America/New_York") == "2026-06-30T22:00:00-04:00 2026-06-30"


def test_resilience_now_fixes_the_clock() -> None:
    code = ("from resilience_tui.clock import clock_from_env\n"
            "c = clock_from_env()\n"
            "print(c.stamp(), c.today())")
    out = _in_subprocess(code, TZ="Europe/London", RESILIENCE_NOW="2026-03-11T09:00")
    assert out == "2026-03-11T09:00:00+00:00 2026-03-11"
    out = _in_subprocess(code, TZ="Europe/London", RESILIENCE_NOW="2026-03-12T02:00")
    assert out == "2026-03-12T02:00:00+00:00 2026-03-11"


def test_a_bad_resilience_now_says_what_is_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "next tuesday")
    with pytest.raises(ValueError, match="RESILIENCE_NOW='next tuesday'"):
        clock_from_env()
