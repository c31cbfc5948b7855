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


async def test_no_streak_note_in_the_morning(make_app, store) -> None:
    """At 09:00 the whole day is ahead: a word about the streak would only nag."""
    seed(store, range(3, 0, -1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#streaks-risk") == ""


async def test_evening_invites_a_checkin_that_carries_the_streak(make_app, store,
                                                                 clock) -> None:
    seed(store, range(3, 0, -1))
    clock.set("2026-03-11T19:30")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        note = shown(app, "#streaks-risk")
        assert note == "◷ If you have a minute this evening, a check-in (m) would make it day 4."
        assert "streak" not in note and "keep" not in note  # an invitation, not a warning


async def test_after_midnight_before_the_day_start_is_still_that_evening(make_app, store,
                                                                        clock) -> None:
    """01:30 on the 12th with the day starting at 04:00 is the 11th's late evening."""
    seed(store, range(3, 0, -1))
    clock.set("2026-03-12T01:30")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "would make it day 4" in shown(app, "#streaks-risk")
        clock.set("2026-03-12T05:00")  # the 12th's morning: the 11th's streak has ended
        app.notice_new_day()
        await pilot.pause()
        assert shown(app, "#streaks-risk") == ""


async def test_an_app_left_open_shows_the_note_when_evening_comes(make_app, store,
                                                                  clock) -> None:
    seed(store, range(3, 0, -1))
    clock.set("2026-03-11T17:59")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#streaks-risk") == ""
        clock.set("2026-03-11T18:00")
        app.notice_new_day()  # what the app's 20-second timer calls
        await pilot.pause()
        assert "would make it day 4" in shown(app, "#streaks-risk")


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


async def test_palette_marks_and_unmarks_today_as_rest(make_app, store, clock) -> None:
    seed(store, range(2, 0, -1))
    clock.set("2026-03-11T20:00")  # evening, when the streak note would show
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
        assert "would make it day 3" in shown(app, "#streaks-risk")


async def test_palette_finds_the_rest_command_by_typing(make_app, store) -> None:
    seed(store, range(2, 0, -1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "rest day")
        assert [r.day for r in store.rest_days.all()] == [ago(0)]
