"""Pilot tests for fixes from the hands-on QA pass: a full plan, focus on opening, scrolling."""

from __future__ import annotations

from helpers import open_checkin, open_reflect, press_button, seed_cooldown
from textual.widgets import Button, Input

from resilience_tui.domain.models import CheckIn, Contact, PlanItem
from resilience_tui.screens.checkin import CheckInScreen
from resilience_tui.widgets.checklist import PlanRow


def in_view(screen, widget) -> bool:
    """The widget's region lies inside the check-in's visible area."""
    box = screen.query_one("#checkin").content_region
    return box.contains_region(widget.region)


async def test_a_full_plan_says_no_and_keeps_typing_off_item_twenty(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_checkin(pilot)
        for n in range(1, 23):
            await pilot.press("ctrl+n")
            await pilot.pause()
            await pilot.press(*f"task {n}")
            await pilot.pause()
        rows = list(screen.query(PlanRow))
        assert len(rows) == 20
        assert [r.query_one(Input).value for r in rows][-1] == "task 20"
        assert any("plan is full" in str(n.message) for n in app._notifications)
        assert isinstance(app.focused, Button)  # the "+ Add" button, not a text field
        full = screen.query_one("#plan-full")
        assert full.display and in_view(screen, full)


async def test_a_new_plan_row_is_scrolled_into_view(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        for n in range(1, 15):
            await pilot.press("ctrl+n")
            await pilot.pause()
            await pilot.press(*f"task {n}")
        await pilot.pause()
        last = list(screen.query(PlanRow))[-1]
        assert app.focused is last.query_one(Input)
        assert in_view(screen, last)


async def test_settings_opens_with_the_name_focused(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        await pilot.press(*"Alex Morgan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.settings.name == "Alex Morgan"


def todays_plan(store) -> None:
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, plan=[
        PlanItem(kind="apply", text="Apply to Acme", id="p1")]))


async def test_space_ticks_the_plan_as_soon_as_today_opens(make_app, store) -> None:
    todays_plan(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert store.checkins.all()[0].plan[0].done


async def test_after_the_first_checkin_space_ticks_and_todays_keys_still_work(
        make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("3", "tab", "3", "ctrl+n", *"Apply to Acme", "ctrl+s")
        await pilot.pause()
        assert app.screen is not screen
        await pilot.press("space")
        await pilot.pause()
        assert store.checkins.all()[0].plan[0].done
        await pilot.press("m")  # the checklist has focus, yet m still opens the check-in
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)


async def test_today_has_no_invisible_tab_stops(make_app, store) -> None:
    todays_plan(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ids = {w.id for w in app.screen.focus_chain}
        assert not ids & {"main", "side", "columns"}
        assert "plan" in ids


async def test_ticking_an_outreach_item_naming_a_contact_counts_as_a_hello(
        make_app, store) -> None:
    store.contacts.put(Contact(name="Priya", last_contacted="2026-01-01",
                               created_on="2026-01-01", id="priya"))
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, plan=[
        PlanItem(kind="outreach", text="Coffee with Priya", id="p1")]))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert store.contacts.get("priya").last_contacted == "2026-03-11"


async def test_a_refused_saves_message_goes_once_the_field_is_put_right(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = screen.query_one("#form-error")
        assert error.display and "Mood" in str(error.content)
        await pilot.press("3")  # the cursor was put on mood
        await pilot.pause()
        assert not error.display


async def test_mark_as_requested_cannot_be_pressed_twice(make_app, store, clock) -> None:
    r = seed_cooldown(store, "reflect")
    clock.advance(days=1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        button = app.screen.query_one("#fb-requested", Button)
        assert not button.disabled
        await press_button(pilot, "#fb-requested")
        await pilot.pause()
        assert button.disabled
        clock.advance(days=2)
        await pilot.click(button)  # a disabled button ignores the click
        await pilot.pause()
    assert store.rejections.get(r.id).feedback.requested_on == "2026-03-12"
