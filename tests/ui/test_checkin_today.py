"""Pilot tests of Today's check-in panel: the summary, and ticking the plan."""

from __future__ import annotations

from helpers import open_checkin, plan_lines
from textual.widgets import Static

from resilience_tui.domain.models import Action, CheckIn, Contact, PlanItem, Rejection
from resilience_tui.screens.checkin import CheckInScreen
from resilience_tui.widgets.checklist import PlanChecklist


def todays_checkin(store) -> CheckIn:
    store.contacts.put(Contact(name="Ana", last_contacted="2026-01-20", id="ana"))
    store.actions.put(Action(kind="adjacent industry", text="Look at health-tech roles",
                             status="planned", created_on="2026-03-05", id="act1"))
    rejection = Rejection(company="Contoso", role="Analyst", received_on="2026-02-20",
                          logged_on="2026-02-20", id="rej1")
    rejection.feedback.status, rejection.feedback.requested_on = "requested", "2026-02-25"
    store.rejections.put(rejection)
    c = CheckIn(day="2026-03-11", mood=2, energy=4, intention="One thing at a time",
                feelings=["restless", "hopeful"], plan=[
                    PlanItem(kind="outreach", text="Say hello to Ana", source="contact",
                             contact_id="ana", id="p1"),
                    PlanItem(kind="apply", text="Look at health-tech roles",
                             source="redirect", source_id="act1", id="p2"),
                    PlanItem(kind="follow-up", text="Follow up with Contoso about feedback",
                             source="feedback", source_id="rej1", id="p3"),
                ])
    return store.checkins.put(c)


def summary(app) -> str:
    return str(app.screen.query_one("#checkin-summary", Static).content)


def done_flags(store) -> list[bool]:
    return [p.done for p in store.checkins.all()[0].plan]


async def test_no_checkin_invites_one(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Press m" in summary(app)
        assert not app.screen.query_one(PlanChecklist).display


async def test_the_panel_shows_the_checkin(make_app, store) -> None:
    todays_checkin(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = summary(app)
        assert "Mood 2 low" in text and "energy 4 lively" in text
        assert "restless, hopeful" in text and "One thing at a time" in text
        heading = str(app.screen.query_one("#plan-heading", Static).content)
        assert "0 of 3 done" in heading
        assert plan_lines(app.screen.query_one(PlanChecklist)) == [
            "[ ] outreach · Say hello to Ana",
            "[ ] apply · Look at health-tech roles",
            "[ ] follow-up · Follow up with Contoso about feedback"]


async def test_yesterdays_checkin_is_not_today(make_app, store) -> None:
    store.checkins.put(CheckIn(day="2026-03-10", mood=4, energy=4, intention="Old news"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Press m" in summary(app) and "Old news" not in summary(app)


async def test_space_ticks_and_saves_at_once(make_app, store) -> None:
    todays_checkin(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(PlanChecklist).focus()
        await pilot.press("space")
        await pilot.pause()
        assert done_flags(store) == [True, False, False]
        assert plan_lines(app.screen.query_one(PlanChecklist))[0] == (
            "[✓] outreach · Say hello to Ana")
        assert "1 of 3 done" in str(app.screen.query_one("#plan-heading", Static).content)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert done_flags(store) == [True, True, False]
    assert store.contacts.get("ana").last_contacted == "2026-03-11"
    act = store.actions.get("act1")
    assert (act.status, act.done_on) == ("done", "2026-03-11")


async def test_unticking_a_redirect_plans_it_again(make_app, store) -> None:
    todays_checkin(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(PlanChecklist).focus()
        await pilot.press("down", "space")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert done_flags(store) == [False, False, False]
    act = store.actions.get("act1")
    assert (act.status, act.done_on) == ("planned", None)


async def test_a_done_follow_up_restarts_the_wait(make_app, store) -> None:
    todays_checkin(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(PlanChecklist).focus()
        await pilot.press("end", "space")
        await pilot.pause()
    feedback = store.rejections.get("rej1").feedback
    assert (feedback.status, feedback.requested_on) == ("requested", "2026-03-11")


async def test_a_click_ticks_too(make_app, store) -> None:
    todays_checkin(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(PlanChecklist, offset=(5, 0))
        await pilot.pause()
        assert done_flags(store) == [True, False, False]


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


async def test_today_has_no_invisible_tab_stops(make_app, store) -> None:
    todays_plan(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ids = {w.id for w in app.screen.focus_chain}
        assert not ids & {"main", "side", "columns"}
        assert "plan" in ids
