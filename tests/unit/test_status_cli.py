"""``resilience status`` end to end: import a crafted export, then ask in a real process.

Each case runs the command line in a subprocess with ``TZ``, ``RESILIENCE_NOW``
and ``--db``, as a shell prompt would, so the zone really is the process's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

TODAY = date(2026, 3, 11)
KEYS = {"schema", "today", "checked_in_today", "streaks", "strength", "cooldowns", "week"}
WEEK_KEYS = {"applications", "outreach", "practice", "selfcare_days", "rejections_logged",
             "cooldowns_completed"}


def resilience(*args: str, tz: str = "Europe/London", now: str = "2026-03-11T09:00"
               ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TZ": tz, "RESILIENCE_NOW": now}
    env.pop("RESILIENCE_DB", None)
    return subprocess.run([sys.executable, "-m", "resilience_tui", *args], env=env,
                          capture_output=True, text=True, timeout=60)


def checkin(day: str, at: str | None = None) -> dict[str, Any]:
    stamp = at or f"{day}T08:00:00+00:00"
    return {"id": f"c-{day}", "day": day, "mood": 3, "energy": 3, "intention": "",
            "plan": [], "at": stamp, "updated_at": stamp}


def imported(tmp_path: Path, checkins: list[dict[str, Any]], rest_days: list[str] = (),
             **settings: Any) -> Path:
    """A database made by ``resilience import`` of a crafted export."""
    export = {"app": "resilience-tui", "schema": 1, "exported_at": "2026-03-11T09:00:00+00:00",
              "settings": {"day_start_hour": 4, "cooldown_days": 2, "rest_weekdays": [],
                           **settings},
              "checkins": checkins, "rejections": [], "selfcare": [], "contacts": [],
              "actions": [], "rest_days": list(rest_days)}
    source = tmp_path / "export.json"
    source.write_text(json.dumps(export))
    db = tmp_path / "db.json"
    done = resilience("import", str(source), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


def status(db: Path, **env: str) -> dict[str, Any]:
    done = resilience("status", "--json", "--db", str(db), **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def days(first: str, count: int) -> list[str]:
    start = date.fromisoformat(first)
    return [(start + timedelta(days=n)).isoformat() for n in range(count)]


def test_json_has_exactly_the_product_keys_and_says_its_schema(tmp_path: Path) -> None:
    db = imported(tmp_path, [checkin(d) for d in days("2026-03-07", 5)])
    data = status(db)
    assert set(data) == KEYS
    assert data["schema"] == 1  # a script can check it reads the shape it knows
    assert set(data["streaks"]) == {"checkin", "selfcare"}
    assert set(data["streaks"]["checkin"]) == {"current", "longest"}
    assert set(data["week"]) == WEEK_KEYS
    assert (data["today"], data["checked_in_today"]) == ("2026-03-11", True)
    assert data["streaks"]["checkin"] == {"current": 5, "longest": 5}
    line = resilience("status", "--db", str(db)).stdout.strip()
    assert line == "resilience: checked in today · 5-day streak · strength 23%"


def test_new_york_spring_forward(tmp_path: Path) -> None:
    db = imported(tmp_path, [checkin(d) for d in days("2026-03-06", 3)])
    ny = "America/New_York"
    before = status(db, tz=ny, now="2026-03-08T03:30")  # an hour after the clocks jumped
    assert (before["today"], before["streaks"]["checkin"]["current"]) == ("2026-03-07", 2)
    after = status(db, tz=ny, now="2026-03-09T09:00")
    assert (after["today"], after["checked_in_today"]) == ("2026-03-09", False)
    assert after["streaks"]["checkin"] == {"current": 3, "longest": 3}


def test_new_york_fall_back(tmp_path: Path) -> None:
    db = imported(tmp_path, [checkin(d) for d in days("2026-10-30", 4)])
    ny = "America/New_York"
    during = status(db, tz=ny, now="2026-11-01T01:30")  # the hour that happens twice
    assert (during["today"], during["streaks"]["checkin"]["current"]) == ("2026-10-31", 2)
    after = status(db, tz=ny, now="2026-11-02T09:00")
    assert after["checked_in_today"] is True
    assert after["streaks"]["checkin"] == {"current": 4, "longest": 4}


def test_the_same_days_read_in_tokyo(tmp_path: Path) -> None:
    late = [checkin(d, at=f"{d}T23:30:00+00:00") for d in days("2026-03-05", 6)]
    db = imported(tmp_path, late)
    london = status(db, tz="Europe/London")
    tokyo = status(db, tz="Asia/Tokyo")
    assert london == tokyo
    assert (tokyo["today"], tokyo["checked_in_today"]) == ("2026-03-11", False)
    assert tokyo["streaks"]["checkin"] == {"current": 6, "longest": 6}


def test_0230_is_still_yesterday(tmp_path: Path) -> None:
    db = imported(tmp_path, [checkin("2026-03-10"), checkin("2026-03-11")])
    data = status(db, now="2026-03-12T02:30")
    assert (data["today"], data["checked_in_today"]) == ("2026-03-11", True)
    assert data["streaks"]["checkin"]["current"] == 2


def test_rest_weekdays_and_rest_days_with_loop_strength(tmp_path: Path) -> None:
    rest = [(TODAY - timedelta(days=n)).isoformat() for n in (5, 10, 11)]
    twenty = days((TODAY - timedelta(days=19)).isoformat(), 20)
    db = imported(tmp_path, [checkin(d) for d in twenty if d not in rest], rest_days=rest)
    data = status(db)
    assert data["strength"] == pytest.approx(0.596033, abs=0.001)
    assert data["streaks"]["checkin"] == {"current": 17, "longest": 17}


def test_rest_weekdays_from_settings(tmp_path: Path) -> None:
    weekdays = [d for d in days("2026-03-02", 10) if date.fromisoformat(d).weekday() < 5]
    db = imported(tmp_path, [checkin(d) for d in weekdays], rest_weekdays=[5, 6])
    assert status(db)["streaks"]["checkin"] == {"current": 8, "longest": 8}


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_status_never_imports_textual(tmp_path: Path, flag: list[str]) -> None:
    db = imported(tmp_path, [checkin("2026-03-10")])
    code = ("import sys; from resilience_tui.cli import main; "
            f"code = main(['status', *{flag!r}, '--db', {str(db)!r}]); "
            "assert 'textual' not in sys.modules, 'textual was imported'; sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "RESILIENCE_NOW": "2026-03-11T09:00"}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "1-day streak, alive until tonight" in done.stdout or '"current": 1' in done.stdout
