"""The base for Today's panels: a titled box that refreshes itself from the store."""

from __future__ import annotations

from textual.containers import Vertical

from ..screens.base import StoreAccess


class TodayPanel(StoreAccess, Vertical):
    """A titled section of Today. Subclasses fill ``refresh_panel``."""

    DEFAULT_CSS = """
    TodayPanel {
        height: auto;
        border: round $primary 50%;
        border-title-color: $text;
        padding: 0 1;
        margin-bottom: 1;
    }
    TodayPanel .muted { color: $text-muted; }
    TodayPanel .note { color: $text-warning; }
    """

    PANEL_TITLE = ""

    def on_mount(self) -> None:
        self.border_title = self.PANEL_TITLE
        self.refresh_panel()

    def refresh_panel(self) -> None:
        """Re-read what this panel shows; called on mount and after every change."""
