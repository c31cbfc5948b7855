"""Type-ahead: keys sent all at once, before the screen they open has drawn, reach it in
order (the app routes one key at a time: see resilience_tui.screens.type_ahead).

Each test queues every key before the app handles the first (``burst``), the way a paste
or a busy machine delivers them; the tmux journey does the same under real CPU load.
"""

from __future__ import annotations

import asyncio

import pytest
from helpers import burst, seed_cooldown, wait_until
from textual import events
from textual.widgets import Input

from resilience_tui.screens.checkin import CheckInScreen
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.screens.form import FormScreen
from resilience_tui.screens.rejection import LogRejectionScreen
from resilience_tui.screens.selfcare import SelfCareScreen
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.widgets.confirm import ConfirmDialog


async def test_self_care_typed_with_the_key_that_opens_it_is_saved(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "s", *"walk", "tab", *"30", "ctrl+s")
        await wait_until(pilot, lambda: bool(store.selfcare.all()))
        await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen))
    assert [(e.activity, e.minutes) for e in store.selfcare.all()] == [("walk", 30)]


async def test_check_in_typed_with_the_key_that_opens_it_is_saved(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "m", "4", "tab", "3", "ctrl+s")
        await wait_until(pilot, lambda: bool(store.checkins.all()))
        await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen))
    [c] = store.checkins.all()
    assert (c.mood, c.energy) == (4, 3)


async def test_a_company_with_a_c_goes_into_the_form_not_to_todays_cool_down_key(
        make_app, store) -> None:
    """The "c" of Acme is Today's key for the open cool-down: it must reach the form."""
    seed_cooldown(store, company="Northwind")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        seen: list[type] = []
        app.screen_change_signal.subscribe(app, lambda screen: seen.append(type(screen)))
        burst(app, "r", *"Acme", "tab", *"QA", "ctrl+s")
        await wait_until(pilot, lambda: len(store.rejections.all()) == 2)
        await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen))
    assert sorted((r.company, r.role) for r in store.rejections.all()) == [
        ("Acme", "QA"), ("Northwind", "QA Lead")]
    assert CooldownScreen not in seen


async def test_keys_after_ctrl_s_reach_the_screen_the_save_returns_to(make_app, store) -> None:
    """Two entries in one burst: the second ``m`` lands on Today once the first form has
    saved and closed, not on the closing form."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "s", *"walk", "tab", *"30", "ctrl+s", "m", "4", "tab", "3", "ctrl+s")
        await wait_until(pilot, lambda: bool(store.checkins.all()))
        await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen))
    assert [(e.activity, e.minutes) for e in store.selfcare.all()] == [("walk", 30)]
    assert [(c.mood, c.energy) for c in store.checkins.all()] == [(4, 3)]


async def test_a_paste_in_the_burst_keeps_its_place(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "s")
        app.post_message(events.Paste("a long walk"))
        burst(app, "tab", *"45", "ctrl+s")
        await wait_until(pilot, lambda: bool(store.selfcare.all()))
    assert [(e.activity, e.minutes) for e in store.selfcare.all()] == [("a long walk", 45)]


async def test_escape_typed_ahead_asks_before_dropping_what_was_typed(make_app, store) -> None:
    """Words typed into the form before it drew still count as typed."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "r", *"Acme", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        burst(app, "n")  # keep editing
        await wait_until(pilot, lambda: isinstance(app.screen, LogRejectionScreen))
        assert app.screen.query_one("#company", Input).value == "Acme"
    assert store.rejections.all() == []


async def test_keys_wait_for_a_screen_however_long_it_takes_to_open(
        make_app, store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A form that takes a while to get ready (a busy machine, a big journal) still
    gets every key, in order, once it is."""
    ready: list[SelfCareScreen] = []

    async def slow_mount(self: SelfCareScreen) -> None:
        await asyncio.sleep(0.3)  # the rest of the app runs on meanwhile
        FormScreen.on_mount(self)
        ready.append(self)

    monkeypatch.setattr(SelfCareScreen, "on_mount", slow_mount)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "s", *"walk", "tab", *"30", "ctrl+s")
        await wait_until(pilot, lambda: bool(ready))
        await wait_until(pilot, lambda: bool(store.selfcare.all()))
    assert [(e.activity, e.minutes) for e in store.selfcare.all()] == [("walk", 30)]


async def test_a_plan_row_removed_mid_burst_does_not_hold_the_keys_after_it(
        make_app, store) -> None:
    """ctrl+r takes away the very row the key went to; the keys after it still arrive."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "m", "4", "tab", "3", "ctrl+n", *"Apply", "ctrl+r", "ctrl+n", *"Call Ana",
              "ctrl+s")
        await wait_until(pilot, lambda: bool(store.checkins.all()))
        await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen))
    [c] = store.checkins.all()
    assert (c.mood, c.energy) == (4, 3)
    assert [item.text for item in c.plan] == ["Call Ana"]


async def test_typing_in_an_open_form_is_unchanged(make_app, store) -> None:
    """Keys one at a time (as a person types) behave exactly as before."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("5", "tab", "2", "tab", *"Rest", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen))
    [c] = store.checkins.all()
    assert (c.mood, c.energy, c.intention) == (5, 2, "Rest")
