"""Property tests for streaks and routine strength, checked against a day-by-day oracle."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_tui.domain.streaks import (
    MULTIPLIER,
    Streak,
    checkin_streak,
    routine_strength,
    selfcare_streak,
)

TODAY = date(2026, 3, 11)

offsets = st.integers(min_value=-5, max_value=150)  # days before today; negative = future
day_lists = st.lists(offsets.map(lambda n: TODAY - timedelta(days=n)), max_size=60)
weekday_sets = st.frozensets(st.integers(min_value=0, max_value=6), max_size=7)
a_day = offsets.map(lambda n: TODAY - timedelta(days=n))


def _is_rest(day: date, weekdays: frozenset[int], rest: set[date]) -> bool:
    return day in rest or day.weekday() in weekdays


def oracle_streak(
    days: list[date], today: date, weekdays: frozenset[int], rest_days: list[date]
) -> Streak:
    """Walk every calendar day from the first check-in to today."""
    done = {d for d in days if d <= today}
    if not done:
        return Streak(0, 0)
    rest = set(rest_days)
    run = longest = 0
    day = min(done)
    while day <= today:
        if day in done:
            run += 1
            longest = max(longest, run)
        elif day != today and not _is_rest(day, weekdays, rest):
            run = 0  # today is still open, so it cannot break anything yet
        day += timedelta(days=1)
    return Streak(run, longest)


def oracle_strength(
    days: list[date], today: date, weekdays: frozenset[int], rest_days: list[date]
) -> float:
    done = {d for d in days if d <= today}
    if not done:
        return 0.0
    rest = set(rest_days)
    score, day = 0.0, min(done)
    end = today if today in done else today - timedelta(days=1)
    while day <= end:
        if day in done:
            score = score * MULTIPLIER + (1 - MULTIPLIER)
        elif not _is_rest(day, weekdays, rest):
            score *= MULTIPLIER
        day += timedelta(days=1)
    return score


@given(day_lists, weekday_sets, day_lists)
def test_checkin_streak_matches_oracle(days, weekdays, rest) -> None:
    assert checkin_streak(days, TODAY, weekdays, rest) == oracle_streak(days, TODAY, weekdays, rest)


@given(day_lists)
def test_selfcare_streak_matches_oracle(days) -> None:
    assert selfcare_streak(days, TODAY) == oracle_streak(days, TODAY, frozenset(), [])


@given(day_lists, weekday_sets, day_lists)
def test_strength_matches_oracle(days, weekdays, rest) -> None:
    expected = oracle_strength(days, TODAY, weekdays, rest)
    assert abs(routine_strength(days, TODAY, weekdays, rest) - expected) < 1e-9


@given(day_lists, weekday_sets, day_lists)
def test_current_never_exceeds_longest(days, weekdays, rest) -> None:
    streak = checkin_streak(days, TODAY, weekdays, rest)
    assert 0 <= streak.current <= streak.longest
    care = selfcare_streak(days, TODAY)
    assert 0 <= care.current <= care.longest


@given(day_lists, weekday_sets, day_lists, a_day)
def test_adding_a_checkin_never_shortens_a_streak(days, weekdays, rest, extra) -> None:
    before = checkin_streak(days, TODAY, weekdays, rest)
    after = checkin_streak(days + [extra], TODAY, weekdays, rest)
    assert after.longest >= before.longest
    assert after.current >= before.current


@given(day_lists, weekday_sets, day_lists, a_day, st.integers(min_value=0, max_value=6))
def test_adding_rest_never_breaks_a_streak(days, weekdays, rest, extra, weekday) -> None:
    before = checkin_streak(days, TODAY, weekdays, rest)
    with_day = checkin_streak(days, TODAY, weekdays, rest + [extra])
    with_weekday = checkin_streak(days, TODAY, weekdays | {weekday}, rest)
    for after in (with_day, with_weekday):
        assert after.current >= before.current
        assert after.longest >= before.longest


@given(day_lists, weekday_sets, day_lists)
def test_strength_is_between_zero_and_one(days, weekdays, rest) -> None:
    assert 0.0 <= routine_strength(days, TODAY, weekdays, rest) <= 1.0


@settings(max_examples=50)
@given(day_lists, weekday_sets, day_lists)
def test_order_and_duplicates_do_not_matter(days, weekdays, rest) -> None:
    shuffled = list(reversed(days)) + days
    assert checkin_streak(shuffled, TODAY, weekdays, rest) == checkin_streak(
        days, TODAY, weekdays, rest
    )
    assert routine_strength(shuffled, TODAY, weekdays, rest) == routine_strength(
        days, TODAY, weekdays, rest
    )
