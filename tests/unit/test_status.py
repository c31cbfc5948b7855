"""``resilience status`` figures from a real store with a fixed clock (PRODUCT.md rules)."""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil import tz

from resilience_tui import cli
from resilience_tui.cli.status import status_line, status_output
from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn, Cooldown, Feeling, Rejection, RestDay, SelfCare
from resilience_tui.journal.momentum import momentum, status_data
from resilience_tui.journal.settings import save_settings
from resilience_tui.storage.store import Store

TODAY = date(2026, 3, 11)  # Wednesday; the conftest clock's day


def days_back(first: int, last: int = 0) -> list[str]:
    """ISO days from ``first`` days ago through ``last`` days ago."""
    return [(TODAY - timedelta(days=n)).isoformat() for n in range(first, last - 1, -1)]


def seed(store: Store, days: Iterable[str], rest: Iterable[str] = (),
         rest_weekdays: list[int] | None = None) -> None:
    store.checkins.put_many(CheckIn(day=d, mood=3, energy=3) for d in days)
    store.rest_days.put_many(RestDay(day=d) for d in rest)
    if rest_weekdays is not None:
        settings = store.settings
        settings.rest_weekdays = rest_weekdays
        store.save_settings(settings)


def checkin_streak(store: Store) -> tuple[int, int]:
    data = status_data(store)["streaks"]["checkin"]
    return data["current"], data["longest"]


def test_empty_history_is_all_zero_and_says_so_kindly(store: Store) -> None:
    data = status_data(store)
    assert data == {
        "schema": 1, "today": "2026-03-11", "checked_in_today": False,
        "streaks": {"checkin": {"current": 0, "longest": 0},
                    "selfcare": {"current": 0, "longest": 0}},
        "strength": 0.0, "cooldowns": [],
        "week": {"applications": 0, "outreach": 0, "practice": 0, "selfcare_days": 0,
                 "rejections_logged": 0, "cooldowns_completed": 0},
    }
    assert "no check-ins yet" in status_line(data)


def test_streak_ending_today(store: Store) -> None:
    seed(store, days_back(4))
    data = status_data(store)
    assert data["checked_in_today"] is True
    assert checkin_streak(store) == (5, 5)
    assert "checked in today · 5-day streak" in status_line(data)


def test_streak_alive_until_tonight(store: Store) -> None:
    seed(store, days_back(5, 1))
    data = status_data(store)
    assert data["checked_in_today"] is False
    assert checkin_streak(store) == (5, 5)
    assert momentum(store).at_risk
    assert "5-day streak, alive until tonight" in status_line(data)


def test_broken_streak_keeps_its_longest(store: Store) -> None:
    seed(store, days_back(6, 2))
    assert checkin_streak(store) == (0, 5)
    assert not momentum(store).at_risk
    assert "streak" not in status_line(status_data(store))


def test_rest_weekdays_bridge_without_counting(store: Store) -> None:
    # Thu 5, Fri 6, (Sat 7, Sun 8 rest), Mon 9, Tue 10, Wed 11.
    seed(store, ["2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11"],
         rest_weekdays=[5, 6])
    assert checkin_streak(store) == (5, 5)


def test_marked_rest_days_bridge_without_counting(store: Store) -> None:
    seed(store, ["2026-03-06", "2026-03-07", "2026-03-09", "2026-03-10", "2026-03-11"])
    assert checkin_streak(store) == (3, 3)
    store.rest_days.put(RestDay(day="2026-03-08"))
    assert checkin_streak(store) == (5, 5)


def test_a_rest_day_today_is_not_a_risk(store: Store) -> None:
    seed(store, days_back(4, 1), rest=[TODAY.isoformat()])
    m = momentum(store)
    assert (m.checkin.current, m.at_risk, m.rest_today) == (4, False, True)
    line = status_output(store)
    assert "rest day today · 4-day streak" in line and "tonight" not in line


def test_a_checkin_at_0230_belongs_to_the_day_before(store: Store, clock: FixedClock) -> None:
    clock.set("2026-03-12T02:30")  # default day start hour 4
    seed(store, [clock.today_str()])
    data = status_data(store)
    assert (data["today"], data["checked_in_today"]) == ("2026-03-11", True)


def test_day_start_hour_2_makes_0230_the_new_day(store: Store, clock: FixedClock) -> None:
    seed(store, ["2026-03-10", "2026-03-11"])
    settings = store.settings
    settings.day_start_hour = 2
    save_settings(store, clock, settings)  # the core sets the clock's day start too
    clock.set("2026-03-12T02:30")
    data = status_data(store)
    assert (data["today"], data["checked_in_today"]) == ("2026-03-12", False)
    assert checkin_streak(store) == (2, 2)


@pytest.mark.parametrize(("now", "today", "checked_in", "current"), [
    # Spring forward: 02:00 → 03:00 on Sunday 8 March; the day still starts at 04:00.
    ("2026-03-08T03:30", "2026-03-07", True, 2),  # the 8th is not here yet
    ("2026-03-08T04:30", "2026-03-08", True, 3),
    ("2026-03-09T09:00", "2026-03-09", False, 3),  # alive until tonight
])
def test_spring_forward_in_new_york(tmp_path: Path, now: str, today: str, checked_in: bool,
                                    current: int) -> None:
    clock = FixedClock(now, zone=tz.gettz("America/New_York"))
    store = Store(tmp_path / "db.json", clock)
    try:
        seed(store, ["2026-03-06", "2026-03-07", "2026-03-08"])
        data = status_data(store)
        assert (data["today"], data["checked_in_today"]) == (today, checked_in)
        assert data["streaks"]["checkin"]["current"] == current
    finally:
        store.close()


def test_fall_back_in_new_york_counts_days_not_hours(tmp_path: Path) -> None:
    # 1 November is 25 hours long; the streak is four days either side of it.
    clock = FixedClock("2026-11-01T01:30", zone=tz.gettz("America/New_York"))
    store = Store(tmp_path / "db.json", clock)
    try:
        seed(store, ["2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"])
        assert status_data(store)["today"] == "2026-10-31"
        assert checkin_streak(store) == (3, 3)  # 1 and 2 November are not here yet
        clock.set("2026-11-02T09:00")
        assert checkin_streak(store) == (5, 5)
    finally:
        store.close()


def test_stored_days_decide_when_read_in_tokyo(tmp_path: Path) -> None:
    # Written late in the evening in London; in Tokyo those moments fall on the next day.
    london = FixedClock("2026-03-10T23:30", zone=tz.gettz("Europe/London"))
    path = tmp_path / "db.json"
    store = Store(path, london)
    store.checkins.put_many(
        CheckIn(day=d, mood=3, energy=3, at=f"{d}T23:30:00+00:00") for d in days_back(6, 1))
    store.close()
    tokyo = FixedClock("2026-03-11T09:00", zone=tz.gettz("Asia/Tokyo"))
    reader = Store(path, tokyo, writer=False)
    data = status_data(reader)
    assert (data["today"], data["checked_in_today"]) == ("2026-03-11", False)
    assert checkin_streak(reader) == (6, 6)


@pytest.mark.parametrize(("days", "rest", "expected"), [
    (days_back(19), [], 0.655747),
    (days_back(18), [], 0.636894),
    (days_back(19, 1), [], 0.636894),
    ([TODAY.isoformat()], [], 0.051922),
    ([d for d in days_back(19) if d not in days_back(11, 10) + days_back(5, 5)],
     days_back(11, 10) + days_back(5, 5), 0.596033),
])
def test_strength_matches_loop(store: Store, days: list[str], rest: list[str],
                               expected: float) -> None:
    seed(store, days, rest=rest)
    assert status_data(store)["strength"] == pytest.approx(expected, abs=0.001)


def test_duplicates_future_days_and_damaged_days_do_not_count(store: Store) -> None:
    seed(store, days_back(2) + days_back(2))  # a bad import: each day twice
    seed(store, ["2026-03-20", "2027-01-01"])  # the future
    # put() refuses damaged records; put_many(stamp=False) stores them as a file could hold them
    store.checkins.put_many([CheckIn(day="not a day", mood=3, energy=3)], stamp=False)
    store.selfcare.put_many([SelfCare(day="", activity="walk", minutes=10)], stamp=False)
    data = status_data(store)
    assert data["streaks"]["checkin"] == {"current": 3, "longest": 3}
    assert data["checked_in_today"] is True


def test_a_gap_of_years(store: Store) -> None:
    seed(store, ["2001-05-01", "2001-05-02", "2001-05-03", "2001-05-04"] + days_back(1))
    assert checkin_streak(store) == (2, 4)
    assert status_data(store)["strength"] == pytest.approx(0.1, abs=0.01)


def test_open_cooldowns_only_with_the_exact_keys(store: Store) -> None:
    running = Rejection(company="Acme", role="Analyst", received_on="2026-03-10",
                        logged_on="2026-03-10",
                        cooldown=Cooldown(acknowledged_on="2026-03-10",
                                          feelings=[Feeling(name="sad", before=70)]))
    done = Rejection(company="Globex", role="Lead", received_on="2026-03-01",
                     logged_on="2026-03-01",
                     cooldown=Cooldown(acknowledged_on="2026-03-01", reflected_on="2026-03-03",
                                       moved_on_on="2026-03-09"))
    fresh = Rejection(company="Initech", role="Dev", received_on="2026-03-11",
                      logged_on="2026-03-11")
    store.rejections.put_many([running, done, fresh])
    data = status_data(store)
    assert data["cooldowns"] == [
        {"company": "Acme", "role": "Analyst", "step": "reflect", "day": 2, "days": 2,
         "step_opens_on": "2026-03-11"},
        {"company": "Initech", "role": "Dev", "step": "acknowledge", "day": 1, "days": 2,
         "step_opens_on": "2026-03-11"},
    ]
    assert data["week"]["rejections_logged"] == 2  # Mon 9 to Sun 15 March
    assert data["week"]["cooldowns_completed"] == 1
    assert "2 cool-downs, 2 ready" in status_line(data)


def test_a_rejection_with_a_damaged_day_is_left_out(store: Store) -> None:
    # put() refuses damaged records; put_many(stamp=False) stores them as a file could hold them
    store.rejections.put_many([
        Rejection(company="Broken", role="x", received_on="??", logged_on="not a day"),
        Rejection(company="Odd", role="x", received_on="2026-03-10", logged_on="2026-03-10",
                  cooldown=Cooldown(acknowledged_on="yesterday-ish")),
    ], stamp=False)
    store.rejections.put(Rejection(company="Fine", role="x", received_on="2026-03-10",
                                   logged_on="2026-03-10"))
    assert [c["company"] for c in status_data(store)["cooldowns"]] == ["Fine"]


def test_status_reads_the_file_once(db_path: Path, store: Store, monkeypatch,
                                    capsys) -> None:
    seed(store, days_back(3))
    store.close()
    opened: list[str] = []
    real_open = builtins.open

    def counting_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).startswith(str(db_path)):
            opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    monkeypatch.setattr(builtins, "open", counting_open)
    assert cli.main(["status", "--json", "--db", str(db_path)]) == 0
    assert opened == [str(db_path)]
    printed = json.loads(capsys.readouterr().out)
    assert printed["streaks"]["checkin"]["current"] == 4
