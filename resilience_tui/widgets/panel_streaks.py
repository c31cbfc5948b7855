"""Today's momentum panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from .panel import TodayPanel


class StreaksPanel(TodayPanel):
    PANEL_TITLE = "Momentum"

    def compose(self) -> ComposeResult:
        yield Static("Your streaks will show here after your first check-in.", classes="muted")
