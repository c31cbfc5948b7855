"""Streaks, routine strength, week figures, the gentle note and the heatmap (PRODUCT.md rules)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fixed_time import TODAY  # a Wednesday

from resilience_tui.domain.models import CheckIn, Cooldown, PlanItem, Rejection, SelfCare
from resilience_tui.domain.streaks import (
    Streak,
    WeekFigures,
    checkin_streak,
    heatmap_days,
    low_mood_days,
    needs_gentle_note,
    routine_strength,
    selfcare_streak,
    streak_at_risk,
    strength_series,
    week_figures,
    week_start,
)

MONDAY = date(2026, 3, 9)
SAT, SUN = 5, 6


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def run(first_ago: int, last_ago: int = 0) -> list[date]:
    """Consecutive days from ``first_ago`` days ago through ``last_ago`` days ago."""
    return [ago(n) for n in range(first_ago, last_ago - 1, -1)]


def checkin(day: date, mood: int = 3, plan: list[PlanItem] | None = None) -> CheckIn:
    return CheckIn(day=day.isoformat(), mood=mood, energy=3, plan=plan or [])


# --- check-in streak ---------------------------------------------------------------


def test_empty_history_is_zero() -> None:
    assert checkin_streak([], TODAY) == Streak(0, 0)
    assert selfcare_streak([], TODAY) == Streak(0, 0)


def test_one_day_today() -> None:
    assert checkin_streak([TODAY], TODAY) == Streak(1, 1)


def test_streak_ending_today() -> None:
    assert checkin_streak(run(4), TODAY) == Streak(5, 5)


def test_streak_ending_yesterday_is_alive_until_tonight() -> None:
    assert checkin_streak(run(4, 1), TODAY) == Streak(4, 4)


def test_streak_broken_by_a_missed_day() -> None:
    assert checkin_streak(run(6, 2), TODAY) == Streak(0, 5)


def test_longest_is_kept_after_a_break() -> None:
    days = run(20, 11) + run(2)
    assert checkin_streak(days, TODAY) == Streak(3, 10)


def test_duplicates_count_once() -> None:
    assert checkin_streak(run(2) + run(2) + [TODAY], TODAY) == Streak(3, 3)


def test_future_days_are_ignored() -> None:
    future = [TODAY + timedelta(days=n) for n in range(1, 30)]
    assert checkin_streak(run(2) + future, TODAY) == Streak(3, 3)
    assert checkin_streak(future, TODAY) == Streak(0, 0)


def test_rest_weekdays_bridge_without_counting() -> None:
    # Thu, Fri, then Sat/Sun rest, Mon, Tue, Wed (today).
    days = [ago(6), ago(5), ago(2), ago(1), TODAY]
    assert checkin_streak(days, TODAY) == Streak(3, 3)
    assert checkin_streak(days, TODAY, rest_weekdays=[SAT, SUN]) == Streak(5, 5)


def test_marked_rest_days_bridge_without_counting() -> None:
    days = [ago(4), ago(3), ago(1), TODAY]
    assert checkin_streak(days, TODAY, rest_days=[ago(2)]) == Streak(4, 4)


def test_rest_day_that_is_also_a_checkin_counts() -> None:
    days = run(3)
    assert checkin_streak(days, TODAY, rest_days=[ago(2)]) == Streak(4, 4)
    assert checkin_streak(days, TODAY, rest_weekdays=range(7)) == Streak(4, 4)


def test_rest_days_leading_up_to_today_keep_the_streak_alive() -> None:
    days = run(5, 3)
    assert checkin_streak(days, TODAY, rest_days=[ago(2), ago(1)]) == Streak(3, 3)
    assert checkin_streak(days, TODAY, rest_days=[ago(1)]) == Streak(0, 3)


def test_rest_days_alone_make_no_streak() -> None:
    assert checkin_streak([], TODAY, rest_weekdays=range(7), rest_days=run(10)) == Streak(0, 0)


def test_rest_only_bridges_when_the_whole_gap_is_rest() -> None:
    days = [ago(4), TODAY]
    assert checkin_streak(days, TODAY, rest_days=[ago(3), ago(2)]) == Streak(1, 1)
    assert checkin_streak(days, TODAY, rest_days=[ago(3), ago(2), ago(1)]) == Streak(2, 2)


def test_gaps_of_years() -> None:
    old = [date(2019, 1, 1) + timedelta(days=n) for n in range(12)]
    assert checkin_streak(old + run(1), TODAY) == Streak(2, 12)
    assert checkin_streak(old, TODAY) == Streak(0, 12)


def test_all_weekdays_rest_bridge_any_gap() -> None:
    days = [date(2019, 1, 1), TODAY]
    assert checkin_streak(days, TODAY, rest_weekdays=range(7)) == Streak(2, 2)


def test_selfcare_streak_ignores_rest() -> None:
    days = [ago(3), ago(1), ago(1), TODAY]
    assert selfcare_streak(days, TODAY) == Streak(2, 2)
    assert selfcare_streak(run(3, 1), TODAY) == Streak(3, 3)
    assert selfcare_streak(run(5, 2), TODAY) == Streak(0, 4)


def test_streak_at_risk_only_before_todays_checkin() -> None:
    assert streak_at_risk(run(3, 1), TODAY)
    assert not streak_at_risk(run(3), TODAY)
    assert not streak_at_risk(run(5, 2), TODAY)
    assert not streak_at_risk([], TODAY)
    assert streak_at_risk(run(5, 3), TODAY, rest_days=[ago(2), ago(1)])


def test_streak_is_not_at_risk_on_a_rest_day() -> None:
    # A rest day carries the streak over to tomorrow: nothing to lose tonight.
    assert not streak_at_risk(run(3, 1), TODAY, rest_days=[TODAY])
    assert not streak_at_risk(run(3, 1), TODAY, rest_weekdays=[TODAY.weekday()])
    assert streak_at_risk(run(3, 1), TODAY, rest_weekdays=[(TODAY.weekday() + 1) % 7])


def test_streaks_accept_generators() -> None:
    assert checkin_streak((d for d in run(2)), TODAY, rest_days=iter([])) == Streak(3, 3)


# --- routine strength (Loop Habit Tracker's values) -----------------------------------


def test_loop_twenty_days_ending_today() -> None:
    assert routine_strength(run(19), TODAY) == pytest.approx(0.655747, abs=1e-6)


def test_loop_the_day_before_counts_nineteen() -> None:
    # Nineteen days ending today, and the same nineteen evaluated the next
    # morning before checking in: yesterday's score, with no decay yet.
    assert routine_strength(run(18), TODAY) == pytest.approx(0.636894, abs=1e-6)
    assert routine_strength(run(19, 1), TODAY) == pytest.approx(0.636894, abs=1e-6)


def test_loop_only_the_first_day() -> None:
    assert routine_strength([TODAY], TODAY) == pytest.approx(0.051922, abs=1e-6)
    assert routine_strength([ago(1)], TODAY) == pytest.approx(0.051922, abs=1e-6)


def test_loop_rest_days_leave_the_score_unchanged() -> None:
    rest = [ago(5), ago(10), ago(11)]
    days = [d for d in run(19) if d not in rest]
    assert routine_strength(days, TODAY, rest_days=rest) == pytest.approx(0.596033, abs=1e-6)


def test_rest_weekdays_match_marked_rest_days() -> None:
    days = [d for d in run(40) if d.weekday() not in (SAT, SUN)]
    weekends = [d for d in run(40) if d.weekday() in (SAT, SUN)]
    by_weekday = routine_strength(days, TODAY, rest_weekdays=[SAT, SUN])
    assert by_weekday == pytest.approx(routine_strength(days, TODAY, rest_days=weekends))
    assert by_weekday > routine_strength(days, TODAY)


def test_strength_is_zero_without_history() -> None:
    assert routine_strength([], TODAY) == 0.0
    assert routine_strength([TODAY + timedelta(days=1)], TODAY) == 0.0


def test_strength_decays_over_missed_days_and_years() -> None:
    m = 0.5 ** (1 / 13)
    assert routine_strength([ago(10)], TODAY) == pytest.approx((1 - m) * m**9)
    assert routine_strength([date(2000, 1, 1)], TODAY) == pytest.approx(0.0, abs=1e-12)


def test_strength_series_matches_strength_each_day() -> None:
    days = run(60, 30) + run(12, 3) + [TODAY]
    rest = [ago(20)]
    series = strength_series(days, TODAY, [SUN], rest, span=45)
    assert len(series) == 45
    assert series[0][0] == ago(44) and series[-1][0] == TODAY
    for day, value in series:
        upto = [d for d in days if d <= day]
        # The value after ``day``: evaluate on the day itself once it is a
        # check-in day, otherwise the next morning (before any decay).
        when = day if day in days else day + timedelta(days=1)
        expected = routine_strength(upto, when, [SUN], rest)
        assert value == pytest.approx(expected, abs=1e-12), day


def test_strength_series_today_does_not_decay_before_checking_in() -> None:
    series = strength_series(run(5, 1), TODAY, span=3)
    assert series[-1][1] == pytest.approx(series[-2][1])
    assert series[-1][1] == pytest.approx(routine_strength(run(5, 1), TODAY))


# --- weeks ----------------------------------------------------------------------------


def test_week_start_is_monday() -> None:
    assert week_start(TODAY) == MONDAY
    assert week_start(MONDAY) == MONDAY
    assert week_start(date(2026, 3, 15)) == MONDAY  # Sunday
    assert week_start(date(2026, 3, 16)) == date(2026, 3, 16)


def _item(kind: str, done: bool = True) -> PlanItem:
    return PlanItem(kind=kind, text=kind, done=done)


def test_week_figures_count_only_that_week() -> None:
    sunday = MONDAY + timedelta(days=6)
    checkins = [
        checkin(MONDAY, 2, [_item("apply"), _item("apply"), _item("outreach"),
                            _item("apply", done=False)]),
        checkin(sunday, 4, [_item("practice"), _item("learn"), _item("other")]),
        checkin(MONDAY - timedelta(days=1), 1, [_item("apply")]),
        checkin(sunday + timedelta(days=1), 1, [_item("apply")]),
    ]
    selfcare = [
        SelfCare(day=MONDAY.isoformat(), activity="walk", minutes=20),
        SelfCare(day=MONDAY.isoformat(), activity="gym", minutes=40),
        SelfCare(day=sunday.isoformat(), activity="hobby", minutes=30),
        SelfCare(day=(MONDAY - timedelta(days=1)).isoformat(), activity="walk", minutes=5),
    ]
    rejections = [
        Rejection(company="A", role="r", logged_on=MONDAY.isoformat(),
                  cooldown=Cooldown(moved_on_on=(MONDAY + timedelta(days=2)).isoformat())),
        Rejection(company="B", role="r", logged_on=(MONDAY - timedelta(days=3)).isoformat(),
                  cooldown=Cooldown(moved_on_on=MONDAY.isoformat())),
        Rejection(company="C", role="r", logged_on=(MONDAY - timedelta(days=9)).isoformat(),
                  cooldown=Cooldown(moved_on_on=(MONDAY - timedelta(days=7)).isoformat())),
        Rejection(company="D", role="r", logged_on=sunday.isoformat()),
    ]
    assert week_figures(checkins, selfcare, rejections, MONDAY) == WeekFigures(
        applications=2, outreach=1, practice=1, learning=1, selfcare_days=2,
        rejections_logged=2, cooldowns_completed=2, average_mood=3.0,
    )


def test_empty_week_has_no_average_mood() -> None:
    assert week_figures([], [], [], MONDAY) == WeekFigures(0, 0, 0, 0, 0, 0, 0, None)


# --- the gentle note -----------------------------------------------------------------


def test_low_mood_days_counts_the_window_including_today() -> None:
    checkins = [checkin(ago(n), 1) for n in (0, 5, 13, 14)] + [checkin(ago(3), 4)]
    assert low_mood_days(checkins, TODAY) == (3, 4)
    assert low_mood_days(checkins, TODAY, window=1) == (1, 1)


def test_gentle_note_needs_most_days_low_and_at_least_four() -> None:
    low = [checkin(ago(n), 2) for n in range(4)]
    okay = [checkin(ago(n), 3) for n in range(4, 8)]
    assert not needs_gentle_note(low[:3], TODAY)  # most, but only three
    assert needs_gentle_note(low, TODAY)
    assert not needs_gentle_note(low + okay, TODAY)  # exactly half is not most
    assert needs_gentle_note(low + okay[:3], TODAY)
    assert not needs_gentle_note([checkin(ago(n), 1) for n in range(14, 30)], TODAY)


# --- the heatmap ----------------------------------------------------------------------


def test_heatmap_covers_whole_weeks_through_today() -> None:
    cells = heatmap_days([], TODAY)
    assert len(cells) == 25 * 7 + TODAY.weekday() + 1
    assert cells[0][0] == MONDAY - timedelta(weeks=25)
    assert cells[0][0].weekday() == 0
    assert cells[-1] == (TODAY, None, None)
    assert [c[0] for c in cells] == [cells[0][0] + timedelta(days=i) for i in range(len(cells))]


def test_heatmap_cells_carry_mood_and_completion() -> None:
    checkins = [
        checkin(TODAY, 4, [_item("apply"), _item("learn", done=False)]),
        checkin(ago(1), 2),
        checkin(ago(400), 5),
        checkin(TODAY + timedelta(days=1), 5),
    ]
    cells = {day: (mood, done) for day, mood, done in heatmap_days(checkins, TODAY, weeks=2)}
    assert len(cells) == 7 + TODAY.weekday() + 1
    assert cells[TODAY] == (4, 0.5)
    assert cells[ago(1)] == (2, None)
    assert cells[ago(2)] == (None, None)
