"""Today laid out by priority: an open cool-down stays in view at 80×24, the plan folds
to the room left and stays fully usable from the keyboard, and ``c`` opens the cool-down
the hint names (the highlighted one while the list has the focus, else the most urgent).
"""

from __future__ import annotations

from typing import Any

from fixed_time import ago
from helpers import PLAN, crowded_morning, open_cooldown, panel_text, two_cooldowns
from textual.widgets import Static

from resilience_tui.domain.models import CheckIn, Contact, PlanItem, SelfCare
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.widgets.checklist import PlanChecklist

SMALL = (80, 24)
LARGE = (120, 36)


def header(screen: Any) -> str:
    """The cool-down screen's title: the company and role it is about."""
    return str(screen.query_one("#cd-title", Static).content)


def hint(app: Any) -> str:
    return str(app.screen.query_one("#cooldowns-hint", Static).content)


def fully_in_view(app: Any, selector: str) -> bool:
    """The panel is wholly in view in its column: none of it scrolled away or cut off."""
    panel = app.screen.query_one(selector)
    return bool(panel.parent.scrollable_content_region.contains_region(panel.region))


# --- c and the hint ----------------------------------------------------------------------


async def test_c_opens_the_highlighted_cooldown_and_the_hint_names_it(make_app, store) -> None:
    two_cooldowns(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert hint(app) == "c opens Stark Industries · tab to choose"
        await pilot.press("tab")  # to the list: the cursor starts on the one c opens
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#cooldowns")
        assert hint(app) == "c or enter opens Stark Industries"
        await pilot.press("down")  # Wayne, the second row
        await pilot.pause()
        assert hint(app) == "c or enter opens Wayne Enterprises"
        screen = await open_cooldown(pilot)
        assert "Wayne Enterprises" in header(screen)


async def test_without_a_highlight_c_opens_the_most_urgent(make_app, store) -> None:
    crowded_morning(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen.focused, PlanChecklist)  # space ticks at once
        assert hint(app) == "c opens Stark Industries · tab to choose"
        screen = await open_cooldown(pilot)
        assert "Stark Industries" in header(screen)


async def test_leaving_the_list_gives_c_back_to_the_most_urgent(make_app, store) -> None:
    crowded_morning(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("tab", "down")  # the plan, then the list's second row
        await pilot.pause()
        assert hint(app) == "c or enter opens Wayne Enterprises"
        await pilot.press("tab")  # back to the plan: no cursor shows in the list
        await pilot.pause()
        assert isinstance(app.screen.focused, PlanChecklist)
        assert hint(app) == "c opens Stark Industries · tab to choose"
        await pilot.press("shift+tab")  # and back: the cursor is where it was left
        await pilot.pause()
        assert hint(app) == "c or enter opens Wayne Enterprises"


# --- the layout ----------------------------------------------------------------------------


async def test_a_crowded_morning_keeps_both_cooldowns_in_view_at_80x24(make_app, store) -> None:
    crowded_morning(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "Your mood has been low" in panel_text(app, "#panel-streaks")
        assert fully_in_view(app, "#panel-cooldowns")
        assert fully_in_view(app, "#panel-checkin")  # folded, not pushed off
        assert fully_in_view(app, "#panel-selfcare")
        more = app.screen.query_one("#plan-more", Static)
        assert more.display and str(more.content).endswith("more below ↓")


async def test_every_item_of_a_folded_plan_can_be_ticked_from_the_keyboard(make_app,
                                                                           store) -> None:
    crowded_morning(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        more = app.screen.query_one("#plan-more", Static)
        assert str(more.content).endswith("more below ↓")
        for n in range(len(PLAN)):
            await pilot.press("space", *(["down"] if n < len(PLAN) - 1 else []))
            await pilot.pause()
        assert str(more.content).endswith("more above ↑")  # the end of the plan in view
        assert fully_in_view(app, "#panel-cooldowns")
    [today] = [c for c in store.checkins.all() if c.day == ago(0)]
    assert [p.done for p in today.plan] == [True] * len(PLAN)


async def test_a_plan_that_fits_shows_whole_without_a_more_line(make_app, store) -> None:
    crowded_morning(store)
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(PlanChecklist)
        assert checklist.size.height == len(PLAN)
        assert not app.screen.query_one("#plan-more").display


async def test_the_cooldowns_come_first_only_while_one_runs(make_app, store) -> None:
    store.checkins.put(CheckIn(day=ago(0), mood=3, energy=3, plan=list(PLAN)))
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        main = app.screen.query_one("#main")
        assert [p.id for p in main.children] == ["panel-checkin", "panel-cooldowns"]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"Stark Industries", "tab", *"Data Analyst", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert [p.id for p in main.children] == ["panel-cooldowns", "panel-checkin"]
        assert fully_in_view(app, "#panel-cooldowns")


async def test_a_small_terminal_still_reaches_the_cooldown(make_app, store) -> None:
    crowded_morning(store)
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert "Stark Industries" in panel_text(app, "#panel-cooldowns")
        screen = await open_cooldown(pilot)
        assert "Stark Industries" in header(screen)


async def test_a_terminal_too_small_for_the_folded_plan_still_scrolls_to_the_rest(
        make_app, store) -> None:
    crowded_morning(store)
    app = make_app()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        main = app.screen.query_one("#main")
        assert main.max_scroll_y > 0  # more than fits, even folded
        main.scroll_end(animate=False)
        await pilot.pause()
        assert main.scroll_y == main.max_scroll_y > 0
        assert "more below" in panel_text(app, "#panel-checkin")


async def test_a_damaged_check_in_leaves_the_cooldowns_in_view(make_app, store) -> None:
    two_cooldowns(store)
    # As a hand-edited file might hold it: a mood in words breaks the check-in panel.
    store.checkins.put_many([CheckIn(day=ago(0), mood="low", energy=2)],  # type: ignore[arg-type]
                            stamp=False)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "couldn't be shown" in panel_text(app, "#panel-checkin")
        assert fully_in_view(app, "#panel-cooldowns")


async def test_items_added_later_are_counted_in_the_more_line(make_app, store) -> None:
    crowded_morning(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        more = app.screen.query_one("#plan-more", Static)
        assert str(more.content) == "+2 more below ↓"
        [today] = [c for c in store.checkins.all() if c.day == ago(0)]
        today.plan += [PlanItem("other", "Water the plants"), PlanItem("other", "Call Mum")]
        store.checkins.put(today)  # as the command line or a sync would add them
        await pilot.pause()
        await pilot.pause()
        assert str(more.content) == "+4 more below ↓"


def a_walk_and_a_quiet_friend(store: Any) -> None:
    """Today's self-care against its intention, an energy lift, and someone due a hello:
    a full "Self-care and people" panel next to the care note."""
    [today] = [c for c in store.checkins.all() if c.day == ago(0)]
    today.selfcare_intention = "A walk after lunch"
    store.checkins.put(today)
    store.selfcare.put(SelfCare(day=ago(0), activity="walk", minutes=30, energy_before=2,
                                energy_after=4))
    store.contacts.put(Contact(name="Ana Silva", kind="mentor", last_contacted=ago(50)))


async def test_the_care_note_leaves_the_names_due_a_hello_in_view(make_app, store) -> None:
    crowded_morning(store)
    a_walk_and_a_quiet_friend(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "Your mood has been low" in panel_text(app, "#panel-streaks")
        assert fully_in_view(app, "#panel-streaks")
        assert fully_in_view(app, "#panel-selfcare")
        shown = panel_text(app, "#panel-selfcare")
        assert "It's been a while: Ana Silva (n)" in shown
        assert "Energy after self-care" not in shown  # the figure gave way (Review has it)
    async with make_app().run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert "Energy after self-care: +2.0" in panel_text(pilot.app, "#panel-selfcare")
