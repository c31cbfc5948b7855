"""Today's cool-downs panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from .panel import TodayPanel


class CooldownPanel(TodayPanel):
    PANEL_TITLE = "Cool-downs"

    def compose(self) -> ComposeResult:
        yield Static("No cool-down running. If a no arrives, press r.", classes="muted")
