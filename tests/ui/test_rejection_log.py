"""Pilot tests of logging a rejection: the keyboard fast path, defaults, and refused input."""

from __future__ import annotations

from helpers import error_text, open_log, panel_text
from textual.widgets import Input, Select, Static, TextArea

from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.widgets.scale import ScalePicker


async def test_fast_path_logs_with_defaults_and_today_shows_day_one(make_app, store,
                                                                    clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        assert screen.focused is screen.query_one("#company", Input)
        await pilot.press(*"Acme Corp", "tab", *"QA Lead", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        shown = panel_text(app, "#panel-cooldowns")
        assert "Acme Corp · QA Lead · day 1 of 2" in shown
        assert "ready for a first, gentle step" in shown
    [r] = store.rejections.all()
    assert (r.company, r.role, r.stage, r.mattered) == ("Acme Corp", "QA Lead", "applied", 3)
    assert r.logged_on == r.received_on == "2026-03-11"
    assert r.at == clock.stamp()
    assert r.cooldown.acknowledged_on is None


async def test_every_field_is_kept(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        screen.query_one("#company", Input).value = "Globex"
        screen.query_one("#role", Input).value = "Data Analyst"
        screen.query_one("#stage", Select).value = "final"
        received = screen.query_one("#received", Input)
        received.focus()
        await pilot.press(*"last friday")
        await pilot.pause()
        assert "Friday 6 March" in str(screen.query_one("#received-note", Static).content)
        picker = screen.query_one("#mattered", ScalePicker)
        picker.focus()
        await pilot.press("5")
        screen.query_one("#contact-name", Input).value = "Dana"
        screen.query_one("#contact-email", Input).value = "dana@globex.example"
        screen.query_one("#message", TextArea).text = "Thank you for your time…\nRegards"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    [r] = store.rejections.all()
    assert (r.stage, r.received_on, r.logged_on, r.mattered) == (
        "final", "2026-03-06", "2026-03-11", 5)
    assert (r.contact_name, r.contact_email) == ("Dana", "dana@globex.example")
    assert r.message == "Thank you for your time…\nRegards"


async def test_company_and_role_are_needed(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await pilot.press("tab", *"QA Lead", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert error_text(app.screen) == "Company is needed."
        assert screen.focused is screen.query_one("#company", Input)
        await pilot.press(*"   ", "ctrl+s")
        await pilot.pause()
        assert error_text(app.screen) == "Company is needed."
        assert screen.query_one("#role", Input).value == "QA Lead"  # nothing typed is lost
    assert store.rejections.all() == []


async def test_a_future_day_is_refused_and_the_form_stays(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await pilot.press(*"Acme", "tab", *"Tester")
        screen.query_one("#received", Input).value = "tomorrow"
        await pilot.pause()
        assert "still to come" in str(screen.query_one("#received-note", Static).content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "can't be Thursday 12 March: that day is still to come." in error_text(app.screen)
        assert "?." not in error_text(app.screen)
        assert screen.focused is screen.query_one("#received", Input)
        screen.query_one("#received", Input).value = "soonish"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "isn't a day we can read" in error_text(app.screen)
        assert screen.query_one("#company", Input).value == "Acme"
    assert store.rejections.all() == []


async def test_email_shape_is_checked(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await pilot.press(*"Acme", "tab", *"Tester")
        screen.query_one("#contact-email", Input).value = "dana at acme"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "doesn't look like an email address" in error_text(app.screen)
        assert screen.focused is screen.query_one("#contact-email", Input)
    assert store.rejections.all() == []


async def test_escape_with_words_typed_asks_first(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_log(pilot)
        await pilot.press(*"Acme", "escape")
        await pilot.pause()
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#company", Input).value == "Acme"
    assert store.rejections.all() == []
