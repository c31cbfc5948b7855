"""Pilot tests of the self-care check-in and Today's self-care panel."""

from __future__ import annotations

from helpers import burst, open_selfcare, panel_text
from textual.widgets import Input, Select, Static

from resilience_tui.domain.models import CheckIn, Contact, SelfCare
from resilience_tui.screens.selfcare import SelfCareScreen
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.widgets.scale import ScalePicker


async def test_fast_path_walk_tab_30_ctrl_s(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        assert app.screen.focused is app.screen.query_one("#activity", Input)
        await pilot.press(*"walk", "tab", *"30", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Today: walk 30 min" in panel_text(app, "#panel-selfcare")
    [saved] = store.selfcare.all()
    assert (saved.day, saved.activity, saved.minutes) == ("2026-03-11", "walk", 30)
    assert (saved.energy_before, saved.energy_after, saved.optimism) == (None, None, None)
    assert saved.at.startswith("2026-03-11T09:00:00")


async def test_completion_offers_the_listed_activities(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        await pilot.press(*"medi")
        await pilot.pause()
        await pilot.press("right")  # takes the suggestion
        assert app.screen.query_one("#activity", Input).value == "meditation"
        await pilot.press("tab", *"10", "ctrl+s")
        await pilot.pause()
    assert [e.activity for e in store.selfcare.all()] == ["meditation"]


async def test_full_entry_with_energies_and_a_contact(make_app, store) -> None:
    ana = store.contacts.put(Contact(name="Ana", kind="friend", created_on="2026-01-01",
                                     last_contacted="2026-01-15"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        await pilot.press(*"coffee with Ana", "tab", *"45", "tab", "2", "tab", "4", "tab", "3")
        app.screen.query_one("#contact", Select).value = ana.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Energy after self-care: +2.0" in panel_text(app, "#panel-selfcare")
    [saved] = store.selfcare.all()
    assert (saved.activity, saved.minutes) == ("coffee with Ana", 45)
    assert (saved.energy_before, saved.energy_after, saved.optimism) == (2, 4, 3)
    assert (saved.contact_id, saved.contact_name) == (ana.id, "Ana")
    assert store.contacts.get(ana.id).last_contacted == "2026-03-11"


async def test_missing_activity_and_bad_minutes_keep_the_form_open(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        await pilot.press("tab", *"30", "ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#form-error", Static)
        assert isinstance(app.screen, SelfCareScreen)
        assert "Activity is needed" in str(error.content)
        app.screen.query_one("#activity", Input).value = "walk"
        app.screen.query_one("#minutes", Input).value = "2000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SelfCareScreen)
        assert "1–1440" in str(error.content)
        assert app.screen.query_one("#activity", Input).value == "walk"  # nothing lost
        app.screen.query_one("#minutes", Input).value = "1h"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert [(e.activity, e.minutes) for e in store.selfcare.all()] == [("walk", 60)]


async def test_energy_can_be_cleared_back_to_unset(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        await pilot.press(*"rest", "tab", *"20", "tab", "3", "backspace", "ctrl+s")
        await pilot.pause()
    [saved] = store.selfcare.all()
    assert saved.energy_before is None


async def test_escape_asks_before_dropping_what_was_typed(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        await pilot.press(*"walk", "escape")
        await pilot.pause()
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, SelfCareScreen)
        assert app.screen.query_one("#activity", Input).value == "walk"
    assert store.selfcare.all() == []


async def test_today_panel_shows_the_intention_and_who_is_due(make_app, store) -> None:
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3,
                               selfcare_intention="a walk by the river"))
    store.contacts.put(Contact(name="Sam", kind="mentor", created_on="2026-01-01"))
    store.contacts.put(Contact(name="Lee", kind="friend", created_on="2026-01-01",
                               last_contacted="2026-03-09"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = panel_text(app, "#panel-selfcare")
        assert "Planned: a walk by the river · not yet" in text
        assert "It's been a while: Sam (n)" in text
        assert "Lee" not in text
        await open_selfcare(pilot)
        await pilot.press(*"walk", "tab", *"25", "ctrl+s")
        await pilot.pause()
        assert "Planned: a walk by the river · done ✓" in panel_text(app, "#panel-selfcare")


async def test_earlier_entries_today_are_shown_on_the_form(make_app, store) -> None:
    store.selfcare.put(SelfCare(day="2026-03-11", activity="gym", minutes=40,
                                at="2026-03-11T07:00:00+00:00"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        assert "Today so far: gym 40 min." in str(app.screen.query_one("#so-far", Static).content)
        assert app.screen.query_one("#energy-before", ScalePicker).value is None


async def test_fast_path_survives_keys_sent_in_one_burst(make_app, store) -> None:
    """Keys queued all at once (a scripted terminal, a very fast typist) still land right."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        burst(app, *"walk", "tab", *"30", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert [(e.activity, e.minutes) for e in store.selfcare.all()] == [("walk", 30)]
