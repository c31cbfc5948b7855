"""Pilot tests of the morning check-in: the keyboard fast path, editing, bad input, plan."""

from __future__ import annotations

from typing import Any

from helpers import (
    burst,
    error_text,
    open_checkin,
    plan_lines,
    seed_suggestion_sources,
)
from textual.widgets import Button, Input, Static

from resilience_tui.domain.models import CheckIn, PlanItem
from resilience_tui.journal.momentum import status_data
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage.transfer import export_data
from resilience_tui.widgets.checklist import PlanRow, SuggestionList
from resilience_tui.widgets.confirm import ConfirmDialog
from resilience_tui.widgets.scale import ScalePicker
from resilience_tui.widgets.word_picker import WordPicker

# --- the fast path ----------------------------------------------------------------


async def test_keyboard_fast_path(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        assert app.focused is screen.query_one("#mood", ScalePicker)
        await pilot.press("4")
        await pilot.press("tab")
        assert app.focused is screen.query_one("#energy", ScalePicker)
        await pilot.press("3")
        await pilot.press("tab")
        assert app.focused is screen.query_one("#intention", Input)
        await pilot.press(*"Finish the Beta cover letter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        shown = str(app.screen.query_one("#checkin-summary", Static).content)
        assert "Finish the Beta cover letter" in shown
        assert "Mood 4 good" in shown and "energy 3 steady" in shown
    [c] = store.checkins.all()
    assert (c.day, c.mood, c.energy, c.intention) == ("2026-03-11", 4, 3,
                                                      "Finish the Beta cover letter")
    exported = export_data(store)["checkins"]
    assert [(e["mood"], e["energy"], e["intention"]) for e in exported] == [
        (4, 3, "Finish the Beta cover letter")]
    status = status_data(store)
    assert status["checked_in_today"] is True
    assert status["streaks"]["checkin"]["current"] == 1


async def test_opening_again_the_same_day_edits_it(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("4", "tab", "3", "tab", *"One good application")
        await pilot.press("ctrl+s")
        await pilot.pause()
        first_id = store.checkins.all()[0].id
        screen = await open_checkin(pilot)
        assert screen.query_one("#mood", ScalePicker).value == 4
        assert screen.query_one("#energy", ScalePicker).value == 3
        assert screen.query_one("#intention", Input).value == "One good application"
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    [c] = store.checkins.all()
    assert (c.id, c.mood, c.energy, c.intention) == (first_id, 5, 3, "One good application")


async def test_before_the_day_start_hour_it_edits_the_day_before(make_app, store, clock) -> None:
    store.checkins.put(CheckIn(day="2026-03-11", mood=2, energy=2, intention="Rest"))
    clock.set("2026-03-12T01:30:00")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        assert screen.query_one("#intention", Input).value == "Rest"
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
    [c] = store.checkins.all()
    assert (c.day, c.mood) == ("2026-03-11", 3)


# --- bad input ------------------------------------------------------------------


async def test_mood_is_needed_and_nothing_typed_is_lost(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("tab", "3", "tab", *"Two applications")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "Mood is needed" in error_text(screen)
        assert screen.query_one("#intention", Input).value == "Two applications"
        assert screen.query_one("#energy", ScalePicker).value == 3
        assert app.focused is screen.query_one("#mood", ScalePicker)
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    [c] = store.checkins.all()
    assert (c.mood, c.energy, c.intention) == (2, 3, "Two applications")


async def test_energy_is_needed(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("4", "ctrl+s")
        await pilot.pause()
        assert "Energy is needed" in error_text(screen)
        assert app.focused is screen.query_one("#energy", ScalePicker)
    assert store.checkins.all() == []


async def test_control_characters_are_stripped_and_unicode_kept(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("4", "tab", "3")
        screen.query_one("#intention", Input).value = "Breathe\x07, then apply 🌱 שלום"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "then apply 🌱 שלום" in str(app.screen.query_one("#checkin-summary",
                                                                Static).content)
    assert store.checkins.all()[0].intention == "Breathe , then apply 🌱 שלום"


async def test_escape_without_changes_just_goes_back(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_escape_with_changes_asks_first(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("4", "tab", "tab", *"Half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#intention", Input).value == "Half a thought"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.checkins.all() == []


# --- plan, feelings, suggestions --------------------------------------------------


async def test_plan_items_are_added_removed_and_saved(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("4", "tab", "3")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Apply to Fabrikam", "enter")
        await pilot.pause()
        await pilot.press(*"A typo row")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Ask Sam for a mock interview")
        row = screen.query(PlanRow).last()
        row.query_one("Select").value = "practice"
        await pilot.press("ctrl+n")  # an empty row is not a plan item
        await pilot.pause()
        assert len(screen.query(PlanRow)) == 3
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    plan = store.checkins.all()[0].plan
    assert [(p.kind, p.text, p.done) for p in plan] == [
        ("apply", "Apply to Fabrikam", False), ("practice", "Ask Sam for a mock interview", False)]


async def test_twenty_plan_items_at_most(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        for _ in range(18):  # the earlier rows set up directly
            screen.add_item(PlanItem(kind="apply"), focus=False)
        await pilot.pause()
        for _ in range(3):  # the nineteenth, the twentieth, and one too many
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert len(screen.query(PlanRow)) == 20
        assert "20 items at most" in str(screen.query_one("#plan-full", Static).content)
        await pilot.press("shift+tab")  # refused, the cursor sits on "+ Add"; back to item 20
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not screen.query_one("#plan-full").display


async def test_feelings_are_picked_with_the_keyboard(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("4", "tab", "3")
        screen.query_one(WordPicker).focus()
        await pilot.press("space", "down", "down", "right", "enter", "left", "space", "space")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.checkins.all()[0].feelings == ["hopeful", "frustrated"]


async def test_suggestions_show_where_they_came_from(make_app, store) -> None:
    seed_suggestion_sources(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        suggestions = screen.query_one(SuggestionList)
        assert [(s.source, s.text) for s in suggestions.suggestions] == [
            ("yesterday", "Mock interview with Sam"),
            ("redirect", "Look at health-tech roles"),
            ("feedback", "Follow up with Contoso about feedback"),
            ("contact", "Say hello to Ana"),
        ]
        assert plan_lines(suggestions) == [
            "+ practice · Mock interview with Sam  (from yesterday)",
            "+ apply · Look at health-tech roles  (from a cool-down)",
            "+ follow-up · Follow up with Contoso about feedback  (feedback due)",
            "+ outreach · Say hello to Ana  (it's been a while)"]


async def suggestions_in_focus(pilot: Any) -> Any:
    """The check-in with mood and energy set and the cursor on the suggestions."""
    screen = await open_checkin(pilot)
    await pilot.press("4", "tab", "3")
    screen.query_one(SuggestionList).focus()
    return screen


async def test_accepted_suggestions_become_plan_items(make_app, store) -> None:
    seed_suggestion_sources(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await suggestions_in_focus(pilot)
        await pilot.press("d")  # not today for the mock interview
        await pilot.press("enter")  # the redirect
        await pilot.press("down", "a")  # the hello to Ana (the follow-up stays)
        await pilot.pause()
        assert len(app.screen.query(PlanRow)) == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    today = next(c for c in store.checkins.all() if c.day == "2026-03-11")
    assert [(p.kind, p.source, p.source_id, p.contact_id) for p in today.plan] == [
        ("apply", "redirect", "act1", None), ("outreach", "contact", None, "ana")]
    assert store.actions.get("act1").status == "planned"


async def test_a_planned_redirect_is_not_suggested_again(make_app, store) -> None:
    seed_suggestion_sources(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await suggestions_in_focus(pilot)
        await pilot.press("down", "enter", "ctrl+s")
        await pilot.pause()
        screen = await open_checkin(pilot)
        sources = [s.source for s in screen.query_one(SuggestionList).suggestions]
        assert "redirect" not in sources and "yesterday" in sources
        assert len(screen.query(PlanRow)) == 1


async def test_a_dropped_suggestion_stays_dropped_that_day(make_app, store, clock) -> None:
    seed_suggestion_sources(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await suggestions_in_focus(pilot)
        await pilot.press("d")  # not today for the mock interview
        await pilot.press("down", "down", "d")  # nor the hello to Ana
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        screen = await open_checkin(pilot)
        texts = [s.text for s in screen.query_one(SuggestionList).suggestions]
        assert texts == ["Look at health-tech roles", "Follow up with Contoso about feedback"]
        await pilot.press("escape")
        await pilot.pause()
        clock.advance(days=1)  # a new morning offers everything still open again
        app.notice_new_day()
        await pilot.pause()
        screen = await open_checkin(pilot)
        texts = [s.text for s in screen.query_one(SuggestionList).suggestions]
        assert "Say hello to Ana" in texts


async def test_opening_a_saved_checkin_and_leaving_asks_nothing(make_app, store) -> None:
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="Steady",
                               feelings=["calm"], selfcare_intention="Stretch",
                               plan=[PlanItem(kind="learn", text="SQL lesson", done=True)]))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        assert screen.query_one(WordPicker).chosen == ["calm"]
        assert screen.query_one(PlanRow).value().text == "SQL lesson"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_editing_keeps_ticks_on_the_plan(make_app, store) -> None:
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, plan=[
        PlanItem(kind="learn", text="SQL lesson", done=True, id="p1")]))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Call Bo", "ctrl+s")
        await pilot.pause()
    plan = store.checkins.all()[0].plan
    assert [(p.id, p.text, p.done) for p in plan][0] == ("p1", "SQL lesson", True)
    assert [p.text for p in plan] == ["SQL lesson", "Call Bo"]


async def test_the_mouse_picks_feelings_and_removes_items(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("4", "tab", "3")
        await pilot.click(WordPicker, offset=(21, 1))  # "calm", on the second row
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Oops")
        await pilot.click("PlanRow Button")
        await pilot.pause()
        assert len(screen.query(PlanRow)) == 0
        assert screen.query_one(WordPicker).chosen == ["calm"]
        await pilot.click("#add-item")
        await pilot.pause()
        assert len(screen.query(PlanRow)) == 1


async def test_an_over_long_intention_is_refused_inline(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("4", "tab", "3")
        screen.query_one("#intention", Input).value = "w" * 201  # as if pasted
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "Intention is 201 characters; 200 at most." in error_text(screen)
        assert app.focused is screen.query_one("#intention", Input)
        assert screen.query_one("#intention", Input).value == "w" * 201
    assert store.checkins.all() == []


async def test_keys_typed_faster_than_the_screen_draws_are_not_lost(make_app, store) -> None:
    """A paste or a scripted terminal sends the whole fast path in one burst."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        burst(app, "4", "tab", "3", "tab", *"Quick", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    [c] = store.checkins.all()
    assert (c.mood, c.energy, c.intention) == (4, 3, "Quick")


async def test_typing_into_a_saved_intention_adds_to_it(make_app, store) -> None:
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="Apply to Beta"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("tab", "tab", *" and Gamma", "ctrl+s")
        await pilot.pause()
    assert store.checkins.all()[0].intention == "Apply to Beta and Gamma"


def in_view(screen, widget) -> bool:
    """The widget's region lies inside the check-in's visible area."""
    box = screen.query_one("#checkin").content_region
    return box.contains_region(widget.region)


async def test_a_full_plan_says_no_and_keeps_typing_off_item_twenty(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_checkin(pilot)
        for n in range(1, 18):  # the earlier rows set up directly; typing them adds nothing
            screen.add_item(PlanItem(kind="apply", text=f"task {n}"), focus=False)
        await pilot.pause()
        for n in range(18, 23):  # the last ones typed, the way the plan fills up
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
        for n in range(1, 12):  # the earlier rows set up directly
            screen.add_item(PlanItem(kind="apply", text=f"task {n}"), focus=False)
        await pilot.pause()
        for n in range(12, 15):
            await pilot.press("ctrl+n")
            await pilot.pause()
            await pilot.press(*f"task {n}")
        await pilot.pause()
        last = list(screen.query(PlanRow))[-1]
        assert app.focused is last.query_one(Input)
        assert in_view(screen, last)


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
