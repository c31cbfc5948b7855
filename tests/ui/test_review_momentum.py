"""Momentum toward the yes on Review (how far each process got, steps, self-care lifts)
and its one line on Today, shown only when there is something to say."""

from __future__ import annotations

from fixed_time import ago
from helpers import open_review
from review_samples import seed_history
from textual.widgets import Static

from resilience_tui.domain.models import CheckIn, PlanItem, Rejection


def text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)  # type: ignore[attr-defined]


def today_line(app) -> str:  # type: ignore[no-untyped-def]
    widget = app.screen.query_one("#streaks-progress", Static)
    return str(widget.content) if widget.display else ""


async def test_review_shows_how_far_each_process_got_steps_and_lifts(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        stages = text(screen, "#stage-progress").splitlines()
        assert stages[0].split() == ["applied", "screen", "interview", "final", "offer",
                                     "moved", "on", "in"]
        assert stages[2].startswith("Feb 2026") and stages[2].endswith("▲ new best")
        assert stages[2].split()[2:7] == ["·", "1", "·", "1", "·"]
        assert text(screen, "#furthest") == (
            "Furthest so far: a final round at Initech, Feb 2026. "
            "Before Initech, the furthest was an interview.")
        steps = text(screen, "#month-steps")
        assert "March so far" in steps and "February" in steps
        assert "By 11 February you had taken" in steps
        lifts = text(screen, "#lifts")
        assert "Biggest energy lift: a walk, +1.5 on average (from 14 walks)." in lifts
        assert "from 10 mornings" in lifts
        # Below the fold at 80×24, and reachable by scrolling.
        lifts_shown = screen.query_one("#lifts")
        assert lifts_shown.region.y >= 24
        screen.query_one("#review").scroll_end(animate=False)
        await pilot.pause()
        assert 1 <= lifts_shown.region.y and lifts_shown.region.bottom <= 23


async def test_review_on_a_new_journal_says_what_will_show(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert text(screen, "#stage-progress").startswith("Each rejection you log shows here")
        assert not screen.query_one("#furthest").display
        assert text(screen, "#month-steps").startswith("Plan items you tick done")
        assert text(screen, "#lifts").startswith("Once an activity has 5 entries")


async def test_today_names_a_process_that_went_further_than_ever(make_app, store) -> None:
    seed_history(store)  # Initech's final round, 22 days ago, past an interview at Acme
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert today_line(app) == "↗ Further than ever: a final round at Initech"


async def test_today_says_when_this_month_is_ahead_of_the_last(make_app, store) -> None:
    store.checkins.put_many([
        CheckIn(day=ago(1), mood=3, energy=3,
                plan=[PlanItem(kind=k, text=k, done=True) for k in ("apply", "apply", "learn")]),
        CheckIn(day=ago(30), mood=3, energy=3,  # 9 February
                plan=[PlanItem(kind="apply", text="apply", done=True)]),
    ])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert today_line(app) == "↗ 3 steps this month; 1 by this day last month"


async def test_today_stays_quiet_with_nothing_new_to_say(make_app, store) -> None:
    store.rejections.put(Rejection(company="Acme", role="Analyst", stage="final",
                                   received_on=ago(2), logged_on=ago(2)))  # a first: no record
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3,
                               plan=[PlanItem(kind="apply", text="apply", done=True)]))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert today_line(app) == ""
