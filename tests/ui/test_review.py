"""Pilot tests of Review: streaks, the calendar's modes and selection, rest days, trends."""

from __future__ import annotations

from datetime import date, timedelta

from fixed_time import TODAY, ago
from helpers import open_review
from review_samples import seed_history
from textual.widgets import Static

from resilience_tui.domain.models import CheckIn, PlanItem, SelfCare
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.widgets.heatmap import Heatmap


def text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)  # type: ignore[attr-defined]


async def test_review_shows_streaks_strength_and_the_week(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        summary = text(screen, "#summary")
        # Yesterday and the day before; 3 days ago was missed.
        assert "Check-ins   2 days in a row (a check-in today keeps it going)" in summary
        assert "Strength" in summary and "%" in summary
        weeks = text(screen, "#weeks")
        assert "this week" in weeks and "Applications" in weeks and "Average mood" in weeks
        bounce = str(screen.query_one("#bounce", Static).content)
        assert "4 finished cool-downs" in bounce and "Hooli" in bounce


async def test_m_switches_the_calendar_between_mood_and_plan(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        heatmap = screen.query_one(Heatmap)
        assert heatmap.mode == "mood"
        assert "Mood: ▁ very low" in heatmap.render().plain
        await pilot.press("m")
        await pilot.pause()
        assert heatmap.mode == "completion"
        drawn = heatmap.render().plain
        assert "Plan done: ▁ none" in drawn and "✓ checked in, no plan" in drawn
        await pilot.press("m")
        assert heatmap.mode == "mood"


async def test_calendar_draws_at_least_26_weeks_at_80_columns(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        heatmap = screen.query_one(Heatmap)
        assert heatmap.weeks_shown() >= 26
        rows = heatmap.render().plain.splitlines()
        assert [r[:2] for r in rows[1:8]] == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        assert "Mar" in rows[0] and "Feb" in rows[0]
        assert rows[3].rstrip().endswith("·")  # today, Wednesday, not checked in yet


async def test_marking_a_day_as_rest_bridges_the_streak(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_review(pilot)
        assert "2 days in a row" in text(screen, "#summary")
        await pilot.press("left", "left", "left")  # 3 days ago: missed
        await pilot.pause()
        assert text(screen, "#day-detail").startswith("Sun 8 Mar 2026 · no check-in")
        await pilot.press("x")
        await pilot.pause()
        assert [r.day for r in store.rest_days.all()] == [ago(17), ago(3)]
        assert "rest day" in text(screen, "#day-detail")
        # Bridged back through the rest days 17 and 18 days ago to the miss 30 days ago.
        assert "26 days in a row" in text(screen, "#summary")
        await pilot.press("x")
        await pilot.pause()
        assert [r.day for r in store.rest_days.all()] == [ago(17)]
        assert "2 days in a row" in text(screen, "#summary")


async def test_a_checked_in_day_is_not_marked_as_rest(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_review(pilot)
        await pilot.press("left", "x")
        await pilot.pause()
        assert [r.day for r in store.rest_days.all()] == [ago(17)]
        assert any("already counts" in n.message for n in app._notifications)


async def test_selection_stays_between_the_first_day_shown_and_today(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        heatmap = screen.query_one(Heatmap)
        await pilot.press("right", "shift+right")
        assert heatmap.selected == TODAY  # never into the future
        for _ in range(60):
            await pilot.press("shift+left")
        assert heatmap.selected == heatmap.first


async def test_clicking_a_day_selects_it(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        heatmap = screen.query_one(Heatmap)
        # Monday of the last column: row 1 (after the month line), last week's column.
        column = 3 + 2 * (heatmap.weeks_shown() - 1)
        await pilot.click(Heatmap, offset=(column, 1))
        await pilot.pause()
        assert heatmap.selected == date(2026, 3, 9)
        assert text(screen, "#day-detail").startswith("Mon 9 Mar 2026")


async def test_t_switches_the_trends_between_30_and_90_days(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert "last 30 days" in text(screen, "#trend-heading")
        await pilot.press("t")
        await pilot.pause()
        assert "last 90 days" in text(screen, "#trend-heading")


async def test_empty_history_is_calm(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert "not started yet" in text(screen, "#summary")
        assert "Your first morning check-in" in text(screen, "#strength-hint")
        assert "No self-care logged" in text(screen, "#selfcare-weeks")
        assert "No finished cool-downs yet" in str(screen.query_one("#bounce", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_bad_data_opens_without_trouble(make_app, store) -> None:
    """Duplicate days from a bad import, the future, a gap of years and a damaged day."""
    plan = [PlanItem(kind="apply", text="x", done=True)]
    store.checkins.put_many([
        CheckIn(day="2026-03-10", mood=2, energy=2, plan=plan),
        CheckIn(day="2026-03-10", mood=4, energy=4),
        CheckIn(day="2031-01-01", mood=5, energy=5),
        CheckIn(day="1999-12-31", mood=3, energy=3),
    ])
    # put() refuses a damaged record; put_many(stamp=False) stores it as a bad file holds it.
    store.checkins.put_many([CheckIn(day="garbage", mood=9, energy=0)], stamp=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert "1 day in a row" in text(screen, "#summary")
        assert "longest 1" in text(screen, "#summary")
        await pilot.press("left")
        await pilot.pause()
        # The later duplicate is the one shown, as in the heatmap.
        assert "mood 4 good" in text(screen, "#day-detail")
        week = text(screen, "#weeks")
        assert "Average mood" in week


async def test_today_refreshes_after_review_closes(make_app, store) -> None:
    store.checkins.put(CheckIn(day=(TODAY - timedelta(days=1)).isoformat(), mood=3, energy=3))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        await pilot.press("x")  # today becomes a rest day
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "A rest day" in text(app.screen, "#streaks-risk")


async def test_a_beginners_calendar_starts_at_the_first_check_in(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        heatmap = (await open_review(pilot)).query_one(Heatmap)
        rows = heatmap.render().plain.splitlines()[1:8]
        assert sum(r.count("·") for r in rows) == 1  # today only: no months of absences
        assert rows[2].rstrip().endswith("·")  # Wednesday, today
    store.checkins.put(CheckIn(day=ago(9), mood=3, energy=3))  # Monday last week
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        heatmap = (await open_review(pilot)).query_one(Heatmap)
        rows = heatmap.render().plain.splitlines()[1:8]
        # After that Monday, up to today: 9 days without a check-in, and nothing before it.
        assert sum(r.count("·") for r in rows) == 9
        assert heatmap.glyph(date.fromisoformat(ago(10)))[0] == " "
        assert heatmap.glyph(date.fromisoformat(ago(8)))[0] == "·"


async def test_selfcare_bars_all_start_in_one_column(make_app, store) -> None:
    # One entry in each of the eight weeks shown: labels from "this week" to
    # "week of 19 Jan", one and two-digit days.
    for week in range(8):
        store.selfcare.put(SelfCare(day=ago(7 * week), activity="walk", minutes=20 + 10 * week))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        lines = text(screen, "#selfcare-weeks").splitlines()
        assert len(lines) == 8
        assert lines[0].startswith("week of 19 Jan") and lines[-1].startswith("this week")
        starts = {min(line.find(c) for c in "█▉▊▋▌▍▎▏" if c in line) for line in lines}
        assert len(starts) == 1, lines
        ends = {line.index(" min") for line in lines}
        assert len(ends) == 1, lines
