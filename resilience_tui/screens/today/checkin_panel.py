"""Today's check-in panel: mood, energy, intention, feelings and the plan checklist.

Ticking an item is saved at once. A done outreach item naming a contact counts as
a hello; a done redirect item finishes its action; a done feedback follow-up
restarts the wait for a reply. The tick that finishes the plan gets a line back.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from ...domain.checkin import plan_summary
from ...domain.models import CheckIn
from ...journal.answers import after_tick
from ...journal.checkins import tick, today_checkin
from ...widgets.checklist import PlanChecklist
from ...widgets.scale import ENERGY_WORDS, MOOD_WORDS
from .panel import TodayPanel

NO_CHECKIN = "No check-in yet today. Press m to start one."


def summary(c: CheckIn) -> Text:
    """The check-in in a few short lines."""
    text = Text()
    text.append("Mood ", style="dim")
    text.append(f"{c.mood} {MOOD_WORDS[c.mood - 1]}")
    text.append(" · energy ", style="dim")
    text.append(f"{c.energy} {ENERGY_WORDS[c.energy - 1]}")
    if c.feelings:
        text.append("\nFeeling ", style="dim")
        text.append(", ".join(c.feelings))
    if c.intention:
        text.append("\nIntention ", style="dim")
        text.append(c.intention, style="bold")
    return text


class CheckinPanel(TodayPanel):
    PANEL_TITLE = "This morning"

    DEFAULT_CSS = """
    CheckinPanel #plan-heading { margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(NO_CHECKIN, id="checkin-summary", classes="muted")
        yield Static(id="plan-heading", classes="muted")
        yield PlanChecklist(id="plan")

    def _today(self) -> CheckIn | None:
        return today_checkin(self.store, self.clock)

    def refresh_panel(self) -> None:
        c = self._today()
        summary_line = self.query_one("#checkin-summary", Static)
        heading = self.query_one("#plan-heading", Static)
        checklist = self.query_one(PlanChecklist)
        summary_line.set_class(c is None, "muted")
        summary_line.update(summary(c) if c else NO_CHECKIN)
        heading.display = c is not None
        checklist.display = bool(c and c.plan)
        if c is None:
            checklist.set_items([])
            return
        if c.plan:
            heading.update(f"Plan · {plan_summary(c.plan)} · space ticks")
        else:
            heading.update("No plan items yet. Press m to add a few.")
        checklist.set_items(c.plan)
        if c.plan and self.screen.focused is None:
            checklist.focus()  # so space ticks at once; Today's own keys still work

    @on(PlanChecklist.Toggled)
    def _toggled(self, event: PlanChecklist.Toggled) -> None:
        """Save the tick at once, with what it means elsewhere (see journal.checkins)."""
        with self.kept_safe():
            item = tick(self.store, self.clock, event.item_id, event.done)
            if item is None:
                self.refresh_panel()  # the day turned over, or the item is gone
            self.answer(after_tick(self.store, self.clock, item))
