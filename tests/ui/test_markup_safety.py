"""Words the user typed are shown exactly as typed, brackets and all, and never crash a screen.

Textual reads ``[...]`` in a string as markup: ``[/x]`` is an error and ``[b]`` turns
bold. Every free-text field here holds such brackets, and every screen that shows
them must print them literally.
"""

from __future__ import annotations

from datetime import date

from resilience_tui.domain import cooldown
from resilience_tui.domain.models import (
    Action,
    CheckIn,
    Contact,
    PlanItem,
    Rejection,
    SelfCare,
)
from resilience_tui.screens.checkin import CheckInScreen
from resilience_tui.screens.cooldown.acknowledge import AcknowledgeStep
from resilience_tui.screens.cooldown.move_on import DoneView, MoveOnStep
from resilience_tui.screens.cooldown.reflect import ReflectStep, ReflectWaiting
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.screens.network import NetworkScreen
from resilience_tui.screens.patterns import PatternsScreen
from resilience_tui.screens.review import ReviewScreen
from resilience_tui.screens.selfcare import SelfCareScreen
from resilience_tui.screens.today.screen import TodayScreen

SIZE = (120, 60)  # room for everything, so what is checked is on screen without scrolling

NAME = "Sam[/x] Lee"  # greeted by the first word, brackets and all
INTENTION = "Call [b]Ana[/b]"
PLAN_ITEM = "Apply [/x] Beta"
FEELING = "gutted [/x]"
THEME = "sql [b]x[/b]"  # themes are kept in lower case
CONTACT = "Jo [/x]"
ACTIVITY = "walk [/x]"
CARE_NOTE = "felt [b]calm[/b]"
ACTION = "Ask [/x] Bob"
WENT_WELL = "[b]Clear[/b] answers"
PROCESS = "a [b]run[/b]"


def screen_text(app) -> str:
    """What the terminal shows now, as plain text (the compositor's lines: no public API)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def rejection(day: date, n: int, step: str) -> Rejection:
    """Rejection ``n`` with bracketed company and role, taken through to ``step``."""
    r = Rejection(company=f"Acme{n} [EMEA]", role=f"QA{n} [/x]", received_on=day.isoformat(),
                  logged_on=day.isoformat(), at=f"{day.isoformat()}T09:00:00+00:00")
    if step == "acknowledge":  # own words picked yesterday, kept as a draft
        r.cooldown.draft = {"step": "acknowledge", "fields": {"feelings": {FEELING: "50"}}}
        return r
    r = cooldown.acknowledge(r, day, {FEELING: 80}, "A rough morning.", PROCESS)
    if step == "waiting":
        return r
    r = cooldown.ready_now(r, day)
    r.feedback.status, r.feedback.answered_on, r.feedback.themes = (
        "received", day.isoformat(), [THEME])
    if step == "reflect":
        return r
    r = cooldown.reflect(r, day, {"skill gap": "SQL"}, went_well=WENT_WELL)
    if step == "move_on":
        return r
    return cooldown.move_on(r, day, {FEELING: 40})


def seed(store, today: date) -> dict[str, Rejection]:
    settings = store.settings
    settings.name = NAME
    store.save_settings(settings)
    found = {step: rejection(today, n, step) for n, step in
             enumerate(("acknowledge", "waiting", "reflect", "move_on", "done"), start=1)}
    with store.batch():
        for r in found.values():
            store.rejections.put(r)
        store.checkins.put(CheckIn(day=today.isoformat(), mood=3, energy=3, intention=INTENTION,
                                   plan=[PlanItem(kind="apply", text=PLAN_ITEM)],
                                   at=f"{today.isoformat()}T08:00:00+00:00"))
        store.contacts.put(Contact(name=CONTACT, reach="[/x]@example.org", notes="[b]kind[/b]",
                                   created_on=today.isoformat()))
        store.selfcare.put(SelfCare(day=today.isoformat(), activity=ACTIVITY, minutes=20,
                                    note=CARE_NOTE, contact_name=CONTACT,  # note: not shown
                                    at=f"{today.isoformat()}T08:30:00+00:00"))
        store.actions.put(Action(kind="reach out", text=ACTION, rejection_id=found["done"].id,
                                 created_on=today.isoformat()))
    return found


async def open_screen(pilot, name: str, rejection_id: str | None = None):
    if rejection_id is not None:
        pilot.app.open_cooldown(rejection_id)
    else:
        pilot.app.action_open(name)
    await pilot.pause()
    await pilot.pause()
    return pilot.app.screen


async def test_bracketed_words_show_as_typed_everywhere(make_app, store, clock) -> None:
    found = seed(store, clock.today())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "Good morning, Sam[/x]." in text
        assert INTENTION in text and "Acme1 [EMEA]" in text
        assert ACTIVITY in text

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SelfCareScreen)
        assert f"{ACTIVITY} 20 min" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        text = screen_text(app)
        assert INTENTION in text and PLAN_ITEM in text
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("c")  # the most urgent open cool-down
        await pilot.pause()
        assert isinstance(app.screen, CooldownScreen)
        assert "[EMEA] · QA" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()

        steps = {"acknowledge": AcknowledgeStep, "waiting": ReflectWaiting,
                 "reflect": ReflectStep, "move_on": MoveOnStep, "done": DoneView}
        expected = {"acknowledge": [FEELING], "waiting": [FEELING, PROCESS], "reflect": [THEME],
                    "move_on": [FEELING], "done": [FEELING, WENT_WELL, ACTION]}
        for step, kind in steps.items():
            r = found[step]
            screen = await open_screen(pilot, "cooldown", rejection_id=r.id)
            assert isinstance(screen, CooldownScreen) and isinstance(screen.step, kind)
            if step == "reflect":  # the feedback request sits at the bottom of the step
                screen.query_one("#fb-status").scroll_visible(animate=False, top=True)
                await pilot.pause()
            text = screen_text(app)
            for words in [f"{r.company} · {r.role}", *expected[step]]:
                assert words in text, (step, words)
            await pilot.press("escape")
            await pilot.pause()

        assert isinstance(await open_screen(pilot, "review"), ReviewScreen)
        assert "Acme5 [EMEA]" in screen_text(app)  # bounce-back, after the finished cool-down
        await pilot.press("escape")
        await pilot.pause()

        assert isinstance(await open_screen(pilot, "patterns"), PatternsScreen)
        assert THEME in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()

        assert isinstance(await open_screen(pilot, "network"), NetworkScreen)
        text = screen_text(app)
        assert CONTACT in text and "[/x]@example.org" in text and "[b]kind[/b]" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
