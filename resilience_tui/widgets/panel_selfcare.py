"""Today's self-care and people panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from .panel import TodayPanel


class SelfCarePanel(TodayPanel):
    PANEL_TITLE = "Self-care and people"

    def compose(self) -> ComposeResult:
        yield Static("Nothing logged yet today. Press s after a walk, a call, a rest.",
                     classes="muted")
