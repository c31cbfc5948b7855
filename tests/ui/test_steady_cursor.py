"""Snapshot tests need a cursor that does not blink: the test app keeps every cursor still."""

from __future__ import annotations

from helpers import open_checkin, open_cooldown, seed_cooldown
from textual.widgets import Input, TextArea

from resilience_tui.app import ResilienceApp


async def test_the_test_app_keeps_input_and_text_area_cursors_still(make_app, store) -> None:
    seed_cooldown(store, "acknowledge")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        field = screen.query(Input).first()
        field.focus()
        await pilot.pause()
        assert field.has_focus and field.cursor_blink is False
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_cooldown(pilot)
        area = screen.query(TextArea).first()
        area.focus()
        await pilot.pause()
        assert area.has_focus and area.cursor_blink is False


async def test_the_real_app_blinks_as_usual(store, clock) -> None:
    app = ResilienceApp(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        field = screen.query(Input).first()
        field.focus()
        await pilot.pause()
        assert field.has_focus and field.cursor_blink is True
