"""Today's momentum panel and the palette's rest-day command."""

from __future__ import annotations

from fixed_time import ago
from helpers import run_command
from textual.widgets import Static

from resilience_tui.domain.models import CheckIn, SelfCare
from resilience_tui.palette import palette_commands


def seed(store, days: range, mood: int = 3) -> None:  # type: ignore[no-untyped-def]
    store.checkins.put_many(CheckIn(day=ago(n), mood=mood, energy=3) for n in days)


def shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    widget = app.screen.query_one(selector, Static)
    return str(widget.content) if widget.display else ""


async def test_panel_shows_streaks_and_strength(make_app, store) -> None:
    seed(store, range(4, -1, -1))
    store.selfcare.put(SelfCare(day=ago(0), activity="walk", minutes=20))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        summary = shown(app, "#streaks-summary")
        assert "Check-ins  5 days" in summary
        assert "Self-care  1 day" in summary
        assert "Strength    23% ██" in summary
        assert shown(app, "#streaks-risk") == ""
        assert shown(app, "#streaks-care") == ""


async def test_panel_says_gently_when_the_streak_waits_for_today(make_app, store) -> None:
    seed(store, range(3, 0, -1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "3-day streak is still going" in shown(app, "#streaks-risk")


async def test_panel_without_history_invites_a_first_checkin(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "after your first check-in" in shown(app, "#streaks-summary")
        assert shown(app, "#streaks-risk") == ""


async def test_care_note_after_mostly_low_days(make_app, store) -> None:
    seed(store, range(6, 0, -1), mood=2)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        note = shown(app, "#streaks-care")
        assert "someone you trust" in note and "doctor or counsellor" in note


async def test_no_care_note_when_low_days_are_not_most(make_app, store) -> None:
    seed(store, range(8, 4, -1), mood=2)
    seed(store, range(4, 0, -1), mood=4)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#streaks-care") == ""


async def test_palette_marks_and_unmarks_today_as_rest(make_app, store) -> None:
    seed(store, range(2, 0, -1))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        commands = {title: run for title, _, run in palette_commands(app)}
        assert "Mark today as a rest day" in commands
        commands["Mark today as a rest day"]()
        await pilot.pause()
        assert [r.day for r in store.rest_days.all()] == [ago(0)]
        assert "A rest day" in shown(app, "#streaks-risk")
        commands = {title: run for title, _, run in palette_commands(app)}
        assert "Unmark today as a rest day" in commands
        commands["Unmark today as a rest day"]()
        await pilot.pause()
        assert store.rest_days.all() == []
        assert "still going" in shown(app, "#streaks-risk")


async def test_palette_finds_the_rest_command_by_typing(make_app, store) -> None:
    seed(store, range(2, 0, -1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "rest day")
        assert [r.day for r in store.rest_days.all()] == [ago(0)]
