"""The app answers, in the app: a notice (or the feedback section's own line) for the
moments that matter, never a dialog in the way, never the same words twice in a row.

The app is built with a seeded random source, so which line comes is the same each run.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from fixed_time import TODAY, ago
from helpers import (
    messages,
    open_checkin,
    open_cooldown,
    open_reflect,
    open_selfcare,
    plan_for_today,
    press_button,
    seed_cooldown,
    written,
)
from textual.widgets import Input, Static, TextArea

from resilience_tui.app import ResilienceApp
from resilience_tui.clock import FixedClock
from resilience_tui.domain.answers import LINES
from resilience_tui.domain.models import CheckIn, Contact, SelfCare
from resilience_tui.screens.cooldown.move_on import MoveOnStep
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage.store import Store
from resilience_tui.widgets.confirm import ConfirmDialog


@pytest.fixture
def seeded_app(store: Store, clock: FixedClock) -> Callable[[], ResilienceApp]:
    return lambda: ResilienceApp(store, clock, cursor_blink=False, rng=random.Random(11))


def said(app: ResilienceApp, kind: str) -> list[str]:
    """The notices that are one of ``kind``'s lines (those without facts to fill)."""
    return [m for m in messages(app) if any(line in m for line in LINES[kind])]  # type: ignore[index]


async def check_in_with(pilot, mood: str) -> None:  # type: ignore[no-untyped-def]
    await open_checkin(pilot)
    await pilot.press(mood, "tab", "3", "ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TodayScreen)
    await written(pilot)  # what the app says about a save comes once it is in the file


async def test_a_first_check_in_at_mood_1_is_welcomed_and_offers_a_walk_that_helped(
        seeded_app, store: Store) -> None:
    store.selfcare.put(SelfCare(day=ago(3), activity="walk", minutes=20,
                                energy_before=2, energy_after=4))
    app = seeded_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await check_in_with(pilot, "1")
        [notice] = messages(app)
        first, offer = notice.split("\n")
        assert first in LINES["first_checkin"]
        assert "walk" in offer
        assert not app.screen.query(ConfirmDialog)  # a notice in the corner, nothing to dismiss


async def test_an_answer_replaces_the_welcome_notice_it_makes_stale(seeded_app) -> None:
    """"Press m for your first check-in" is out of date once the check-in is saved."""
    app = seeded_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify("Saved. Press m whenever you're ready for your first check-in.")
        await check_in_with(pilot, "3")
        [notice] = messages(app)
        assert notice in LINES["first_checkin"]


async def test_a_low_morning_without_self_care_offers_someone_from_the_network(
        seeded_app, store: Store) -> None:
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
    store.contacts.put(Contact(name="Ana", kind="mentor", last_contacted=ago(30)))
    app = seeded_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await check_in_with(pilot, "2")
        [notice] = messages(app)
        assert "Ana" in notice and "!" not in notice


async def test_an_ordinary_morning_gets_no_line(seeded_app, store: Store) -> None:
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
    app = seeded_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await check_in_with(pilot, "4")
        assert messages(app) == []  # counters update; nothing to say about a good morning


async def test_ticking_the_last_item_answers_and_never_twice_in_the_same_words(
        seeded_app, store: Store) -> None:
    plan_for_today(store)  # four items, the first done
    app = seeded_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "space", "down", "space")
        await pilot.pause()
        await written(pilot)
        assert said(app, "plan_done") == []  # one still to go
        await pilot.press("down", "space")
        await pilot.pause()
        await written(pilot)
        lines = said(app, "plan_done")
        assert len(lines) == 1
        for _ in range(4):  # untick, tick again: each finish gets a line, never the last one
            await pilot.press("space")
            await pilot.pause()
            await pilot.press("space")
            await pilot.pause()
            await written(pilot)
            [line] = said(app, "plan_done")  # each answer replaces the one before
            lines.append(line)
        assert len(lines) == 5
        assert all(a != b for a, b in zip(lines, lines[1:], strict=False))
    assert all(p.done for p in store.checkins.all()[0].plan)


async def test_closing_a_cool_down_says_how_the_feelings_changed(seeded_app,
                                                                 store: Store) -> None:
    seed_cooldown(store, "move_on", company="Acme [Labs]")  # hurt 80, shaken 60
    app = seeded_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_cooldown(pilot)
        assert isinstance(screen.step, MoveOnStep)
        await pilot.press(*"30", "tab", *"20", "ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await written(pilot)
        [notice] = messages(app)
        # The name as typed (brackets are words here, not markup).
        assert "Acme [Labs]" in notice and "hurt 80 → 30, shaken 60 → 20" in notice
        assert notice.endswith("On to the next thing, at your own pace.")


async def test_a_first_reply_to_a_feedback_request_is_marked(seeded_app, store: Store,
                                                             clock: FixedClock) -> None:
    seed_cooldown(store, "reflect")
    clock.advance(days=1)
    app = seeded_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_reflect(pilot)
        await press_button(pilot, "#fb-requested")
        await pilot.pause()
        screen.query_one("#fb-text", TextArea).text = "Strong tester; SQL was thin."
        await press_button(pilot, "#fb-received")
        await pilot.pause()
        line = str(screen.query_one("#fb-note", Static).content)
        assert line in LINES["first_feedback"]  # said where the user is looking


async def test_self_care_that_completes_a_week_of_steps_is_answered(seeded_app,
                                                                     store: Store) -> None:
    store.checkins.put_many(CheckIn(day=ago(n), mood=3, energy=3) for n in range(6, 0, -1))
    app = seeded_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        screen = await open_selfcare(pilot)
        screen.query_one("#activity", Input).value = "walk"
        screen.query_one("#minutes", Input).value = "20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await written(pilot)
        week = [m for m in messages(app) if "7 days" in m]
        assert len(week) == 1
    assert [s.day for s in store.selfcare.all()] == [TODAY.isoformat()]


async def test_strength_after_a_first_morning_reads_as_growth(seeded_app, store: Store) -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await check_in_with(pilot, "3")
        summary = str(app.screen.query_one("#streaks-summary", Static).content)
        assert "Strength     5%" in summary  # 5% after day one: a start, not a mark
        assert summary.endswith("it grows with each morning")


def test_full_strength_is_not_promised_more_growth() -> None:
    """At 100% there is nowhere left to grow; the line says mornings keep it there."""
    from dataclasses import replace

    from resilience_tui.domain.streaks import Streak
    from resilience_tui.journal.momentum import Momentum
    from resilience_tui.screens.today.streaks_panel import summary_lines

    year = Momentum(today=TODAY, checked_in_today=True, checkin=Streak(365, 365),
                    selfcare=Streak(0, 3), strength=0.999, at_risk=False, gentle_note=False,
                    checkin_days=frozenset({TODAY}), rest_days=frozenset(), rest_weekdays=())
    assert summary_lines(year).plain.endswith("each morning keeps it full")
    assert summary_lines(replace(year, strength=0.5)).plain.endswith("it grows with each morning")
