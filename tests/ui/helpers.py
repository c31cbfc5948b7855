"""What the UI tests share: opening a screen by its key, reading what forms, panels and
notifications show, and the seeded data several test files start from.

Import it as ``from helpers import …`` (tests/ui is on the path: rootdir imports). Textual's
private API (notifications, toasts) is used here only, so an upgrade breaks one place.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from fixed_time import TODAY, YESTERDAY, ago  # tests/ is on the path too
from rich.console import Console
from textual import events
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from resilience_tui.domain import cooldown
from resilience_tui.domain.models import Action, CheckIn, Contact, PlanItem, Rejection
from resilience_tui.screens.checkin import CheckInScreen
from resilience_tui.screens.cooldown.reflect import ReflectStep
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.screens.network import NetworkScreen
from resilience_tui.screens.patterns import PatternsScreen
from resilience_tui.screens.rejection import LogRejectionScreen
from resilience_tui.screens.review import ReviewScreen
from resilience_tui.screens.selfcare import SelfCareScreen
from resilience_tui.widgets.checklist import PlanChecklist

S = TypeVar("S", bound=Screen[Any])

# --- opening screens -------------------------------------------------------------------------


def burst(app: App[Any], *keys: str) -> None:
    """Send keys the way a paste or a fast terminal does: all queued before the app
    handles any (``pilot.press`` waits after each key, which hides races)."""
    chars = {"space": " ", "tab": "\t", "enter": "\r"}
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else chars.get(key)))


def clicked(app: App[Any], widget: Widget) -> None:
    """Press and release the mouse on ``widget``'s first cell the way the terminal's driver
    does: both posted to the app (``pilot.click`` hands them to the screen directly, past the
    app's own handling)."""
    x, y = widget.region.offset
    for press in (events.MouseDown, events.MouseUp):
        app.post_message(press(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))


async def open_screen(pilot: Pilot[Any], key: str, cls: type[S]) -> S:
    """Press ``key`` on Today and check that ``cls`` opened."""
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, cls)
    return screen


async def open_checkin(pilot: Pilot[Any]) -> CheckInScreen:
    return await open_screen(pilot, "m", CheckInScreen)


async def open_cooldown(pilot: Pilot[Any]) -> CooldownScreen:
    return await open_screen(pilot, "c", CooldownScreen)


async def open_reflect(pilot: Pilot[Any]) -> CooldownScreen:
    screen = await open_cooldown(pilot)
    assert isinstance(screen.step, ReflectStep)
    return screen


async def open_log(pilot: Pilot[Any]) -> LogRejectionScreen:
    return await open_screen(pilot, "r", LogRejectionScreen)


async def open_network(pilot: Pilot[Any]) -> NetworkScreen:
    return await open_screen(pilot, "n", NetworkScreen)


async def open_selfcare(pilot: Pilot[Any]) -> SelfCareScreen:
    return await open_screen(pilot, "s", SelfCareScreen)


async def open_review(pilot: Pilot[Any]) -> ReviewScreen:
    return await open_screen(pilot, "v", ReviewScreen)


async def open_patterns(pilot: Pilot[Any]) -> PatternsScreen:
    return await open_screen(pilot, "p", PatternsScreen)


async def press_button(pilot: Pilot[Any], selector: str) -> None:
    """Tab-free way to a button: focus it (which scrolls it into view) and press enter."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press("enter")


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], *,
                     seconds: float = 10.0) -> None:
    """Pause in short steps until ``condition()`` holds. The bound is generous: it only
    stops a broken test from hanging, it does not time anything."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), f"still waiting after {seconds} s"


async def written(pilot: Pilot[Any]) -> None:
    """Wait until the app has written its latest change and said what it says after a
    save. The app writes behind (a writer thread, after the repaint), so the file, the
    "saved" notices and a "Not saved yet" come a moment after the screen has changed;
    this waits on the store saying nothing is pending, not on a clock."""
    store = pilot.app.store  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: not store.pending)


async def run_command(pilot: Pilot[Any], words: str) -> None:
    """Open the command palette, type ``words``, wait for its search to list a match and
    press enter on the first one."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*words)
    await pilot.pause()  # every keystroke's search has started; the last one is running
    await pilot.app.workers.wait_for_complete()
    listing = palette.query_one(CommandList)
    await wait_until(pilot, lambda: listing.highlighted is not None)
    await pilot.press("enter")
    await pilot.pause()


# --- reading what is shown -------------------------------------------------------------------


def error_text(screen: Screen[Any]) -> str:
    """The form's inline message (empty when there is none)."""
    return str(screen.query_one("#form-error", Static).content)


def panel_text(app: Any, panel: str) -> str:
    """Everything a Today panel (``#panel-…``) shows, as plain text, list rows included."""
    box = app.screen.query_one(panel)
    parts = [str(s.content) for s in box.query(Static) if s.display]
    for listing in box.query(OptionList):
        parts += [str(listing.get_option_at_index(i).prompt)
                  for i in range(listing.option_count)]
    return "\n".join(parts)


def plan_lines(checklist: PlanChecklist) -> list[str]:
    """Each plan item as the user reads it (plain text, one line when it fits)."""
    out = []
    for option in checklist.options:
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(option.prompt)
        out.append(console.export_text().strip())
    return out


def messages(app: Any) -> list[str]:
    """Every notification so far, as "title: message" (just the message when untitled);
    needs ``run_test(notifications=True)``."""
    return [f"{n.title}: {n.message}" if n.title else str(n.message)
            for n in app._notifications]


def toast_text(app: Any) -> str:
    """The text of the toasts on screen now."""
    from textual.widgets._toast import Toast

    return " ".join(str(t.render()) for t in app.screen.query(Toast))


# --- seeded data -----------------------------------------------------------------------------


def seed_cooldown(store: Any, step: str = "acknowledge", *, company: str = "Acme Corp",
                  logged: date = TODAY, ready_early: bool = False) -> Rejection:
    """A rejection logged on ``logged`` whose next step is ``step`` (reflect opened early)."""
    r = Rejection(company=company, role="QA Lead", received_on=logged.isoformat(),
                  logged_on=logged.isoformat(), at=f"{logged.isoformat()}T09:00:00+00:00")
    if step in ("reflect", "move_on", "done"):
        r = cooldown.acknowledge(r, logged, {"hurt": 80, "shaken": 60}, "A rough morning.",
                                 "a walk")
    if step in ("move_on", "done") or (step == "reflect" and ready_early):
        r = cooldown.ready_now(r, logged)
    if step in ("move_on", "done"):
        r = cooldown.reflect(r, logged, {"skill gap": "SQL"}, went_well="Clear answers")
    if step == "done":
        r = cooldown.move_on(r, logged, {"hurt": 40, "shaken": 20})
    store.rejections.put(r)
    return r


def seed_suggestion_sources(store: Any) -> None:
    """Yesterday's check-in with one unfinished item, an open redirect, a quiet contact,
    and a feedback request that has waited long enough for a follow-up."""
    store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3, intention="Keep going", plan=[
        PlanItem(kind="apply", text="Apply to Northwind", done=True),
        PlanItem(kind="practice", text="Mock interview with Sam"),
    ]))
    store.actions.put(Action(kind="adjacent industry", text="Look at health-tech roles",
                             created_on="2026-03-05", id="act1"))
    store.contacts.put(Contact(name="Ana", kind="mentor", last_contacted="2026-01-20",
                               id="ana"))
    rejection = Rejection(company="Contoso", role="Analyst", received_on="2026-02-20",
                          logged_on="2026-02-20", id="rej1")
    rejection.feedback.status, rejection.feedback.requested_on = "requested", "2026-02-25"
    store.rejections.put(rejection)


def plan_for_today(store: Any) -> None:
    """Today's check-in with a four-item plan, one done, one in Arabic and English."""
    store.checkins.put(CheckIn(
        day=TODAY.isoformat(), mood=4, energy=3, intention="Finish the Beta cover letter 🚀",
        feelings=["hopeful", "tense"], selfcare_intention="A walk after lunch",
        plan=[
            PlanItem(kind="apply", text="Send the Beta application", done=True),
            PlanItem(kind="outreach", text="Say hello to Ana", source="contact"),
            PlanItem(kind="practice", text="Mock interview: tell me about a hard project"),
            PlanItem(kind="learn", text="مقدمة في SQL — lesson 2"),
        ]))


# A five-item plan (some items wrap at 80 columns) for a crowded Today.
PLAN = [
    PlanItem("apply", "Send the Initech application"),
    PlanItem("outreach", "Write to Priya about the team"),
    PlanItem("practice", "Two STAR stories about conflict"),
    PlanItem("learn", "SQL window functions, lesson 3"),
    PlanItem("follow-up", "Ask Globex about next steps"),
]


def two_cooldowns(store: Any) -> None:
    """Stark (logged yesterday, still to acknowledge: the most urgent, listed first) and
    Wayne (logged today, reflect opened early: listed second). Their rows are long
    enough to wrap at 80 columns, as real ones often are."""
    for r, role in ((seed_cooldown(store, "acknowledge", company="Stark Industries",
                                   logged=YESTERDAY), "Senior Data Analyst"),
                    (seed_cooldown(store, "reflect", company="Wayne Enterprises",
                                   ready_early=True), "BI Developer")):
        r.role = role
        store.rejections.put(r)


def crowded_morning(store: Any) -> None:
    """Two open cool-downs, a five-item plan, and low mood on most recent days (the care
    note): everything Today can show at once."""
    two_cooldowns(store)
    for n in (3, 2, 1):
        store.checkins.put(CheckIn(day=ago(n), mood=2, energy=2))
    store.checkins.put(CheckIn(day=ago(0), mood=2, energy=2, intention="One careful application",
                               plan=[PlanItem(p.kind, p.text) for p in PLAN]))
