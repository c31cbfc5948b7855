"""Today's check-in panel: mood, energy, intention and the plan checklist."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from .panel import TodayPanel


class CheckinPanel(TodayPanel):
    PANEL_TITLE = "This morning"

    def compose(self) -> ComposeResult:
        yield Static("No check-in yet today. Press m to start one.", id="checkin-summary",
                     classes="muted")

    def refresh_panel(self) -> None:
        today = self.clock.today_str()
        found = [c for c in self.store.checkins.all() if c.day == today]
        summary = self.query_one("#checkin-summary", Static)
        if found:
            c = found[-1]
            summary.update(f"Mood {c.mood}/5 · energy {c.energy}/5\n{c.intention}")
        else:
            summary.update("No check-in yet today. Press m to start one.")
