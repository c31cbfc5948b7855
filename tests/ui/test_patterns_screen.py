"""Pilot tests of Patterns: counts, recurring themes with their plans, bounce-back, empty states."""

from __future__ import annotations

from fixed_time import ago
from helpers import open_patterns
from review_samples import seed_history
from textual.widgets import Static

from resilience_tui.domain.models import Rejection
from resilience_tui.screens.patterns import PatternsScreen
from resilience_tui.screens.today.screen import TodayScreen


def texts(screen: PatternsScreen, selector: str) -> list[str]:
    return [str(s.content) for s in screen.query(selector).results(Static)]


async def test_recurring_themes_are_marked_with_their_plans(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_patterns(pilot)
        themes = texts(screen, ".recurring")
        assert [t.splitlines()[0] for t in themes] == [
            "↻ skill gap · recurring in 2 rejections (your reasons)",
            "↻ sql · recurring in 2 rejections (feedback)",
            "↻ storytelling · recurring in 2 rejections (feedback)",
        ]
        assert "    With Acme and Initech." in themes[0].splitlines()
        # only the steps that concern a theme: the course answers the skill gap and names
        # SQL; the mock interview answers interview performance, which didn't recur
        assert "→ Finish the SQL window-functions course" in themes[0]
        assert "→ Finish the SQL window-functions course" in themes[1]
        assert "mock interview" not in "".join(themes)
        assert "Nothing planned for it yet" in themes[2]


async def test_counts_by_stage_reason_and_theme(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_patterns(pilot)
        stages = str(screen.query_one("#by-stage", Static).content).splitlines()
        assert [line.split()[0] for line in stages] == ["screen", "interview", "final"]
        assert stages[1].endswith(" 2")
        reasons = str(screen.query_one("#by-reason", Static).content).splitlines()
        assert reasons[0].startswith("↻ skill gap") and reasons[0].endswith(" 2")
        assert reasons[1].startswith("  competition or internal candidate")
        theme_lines = str(screen.query_one("#by-theme", Static).content).splitlines()
        assert [line[:2] for line in theme_lines] == ["↻ ", "↻ "]
        assert "3 of 5 got to an interview or further." in texts(screen, ".empty")


async def test_bounce_back_over_time(make_app, store) -> None:
    seed_history(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_patterns(pilot)
        bounce = str(screen.query_one("#bounce", Static).content)
        assert "4 finished cool-downs: 3.5 days from logging to moving on" in bounce
        assert "Lately 2.5 days, down from 4.5 days earlier." in bounce
        rows = bounce.splitlines()[-4:]
        assert [r.split()[3] for r in rows] == ["Acme", "Globex", "Initech", "Hooli"]
        assert rows[0].endswith("80 → 50 (eased 30)")


async def test_no_rejections_is_a_kind_empty_state(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_patterns(pilot)
        empty = str(screen.query_one("#patterns-empty", Static).content)
        assert "nothing to compare yet" in empty and "press r" in empty
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_one_rejection_has_nothing_recurring_yet(make_app, store) -> None:
    store.rejections.put(Rejection(company="Acme", role="Analyst", received_on=ago(2),
                                   logged_on=ago(2)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_patterns(pilot)
        assert "1 rejection so far" in str(screen.query_one("#patterns-top", Static).content)
        assert "Nothing has come up twice yet" in str(
            screen.query_one("#no-recurring", Static).content)
        assert "No reasons tagged yet" in str(screen.query_one("#by-reason", Static).content)
        assert "No finished cool-downs yet" in str(screen.query_one("#bounce", Static).content)


def test_a_long_planned_step_wraps_under_its_own_words() -> None:
    from resilience_tui.screens.patterns import LINE_WIDTH, step_line

    text = "Ask Priya for a mock interview on the data modelling questions that came up " * 2
    lines = step_line(text).splitlines()
    assert len(lines) > 1 and lines[0].startswith("    → ")
    assert all(line.startswith("      ") and len(line) <= LINE_WIDTH for line in lines[1:])
