"""Today's check-in panel: mood, energy, intention, feelings and the plan checklist.

Ticking an item is saved at once. A done outreach item naming a contact counts as
a hello; a done redirect item finishes its action; a done feedback follow-up
restarts the wait for a reply.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from ...domain.checkin import (
    action_after_tick,
    checkin_for_day,
    contacts_reached,
    plan_summary,
    set_done,
)
from ...domain.feedback import mark_requested
from ...domain.models import CheckIn, PlanItem
from ...domain.selfcare import contacted
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
        return checkin_for_day(self.store.checkins.all(), self.clock.today_str())

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
        found = self._today()
        checkin = self.store.checkins.get(found.id) if found else None
        item = set_done(checkin, event.item_id, event.done) if checkin else None
        if checkin is None or item is None:
            self.refresh_panel()  # the day turned over, or the item is gone
            return
        with self.kept_safe(), self.store.batch():
            self.store.checkins.put(checkin)
            self._follow_through(item)

    def _follow_through(self, item: PlanItem) -> None:
        """What ticking an item means elsewhere: a hello, a finished action, a follow-up."""
        today = self.clock.today_str()
        if item.source_id:
            action = self.store.actions.get(item.source_id)
            changed = action_after_tick(action, item.done, today) if action else None
            if changed is not None and changed.status != action.status:  # type: ignore[union-attr]
                self.store.actions.put(changed)
        if not item.done:
            return
        for reached in contacts_reached(item, self.store.contacts.all()):
            contact = self.store.contacts.get(reached.id)
            if contact is not None:
                self.store.contacts.put(contacted(contact, today))
        if item.source == "feedback" and item.source_id:
            rejection = self.store.rejections.get(item.source_id)
            if rejection is not None and rejection.feedback.status == "requested":
                self.store.rejections.put(mark_requested(rejection, self.clock.today()))
