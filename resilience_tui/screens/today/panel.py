"""The base for Today's panels: a titled box that refreshes itself from the store."""

from __future__ import annotations

from textual import events
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from ..base import StoreAccess


class Reflowed(Message):
    """A panel, or the column holding it, changed size: Today fits its plan again."""


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
    TodayPanel .note { color: $text-warning; }
    """

    PANEL_TITLE = ""

    def on_mount(self) -> None:
        self.border_title = self.PANEL_TITLE
        self.safe_refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self.post_message(Reflowed())

    def refresh_panel(self) -> None:
        """Re-read what this panel shows; called on mount and after every change."""

    def safe_refresh(self) -> None:
        """Refresh; a damaged record (say, a hand-edited file) must not take Today down."""
        try:
            self.refresh_panel()
        except Exception as exc:  # noqa: BLE001 - no traceback reaches the user
            self.log.error(f"{type(self).__name__} could not refresh: {exc!r}")
            self.remove_children()
            self.mount(Static("Part of your journal couldn't be shown here. Your entries are "
                              "safe; 'resilience doctor' can say what looks wrong.",
                              classes="note"))
