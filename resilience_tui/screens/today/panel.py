"""The base for Today's panels: a titled box that paints its part of Today's view.

Panels never read the store: Today hands each the day's
:class:`~resilience_tui.journal.today.TodayView`, whether it came from the whole
history or from the summary beside the journal, so both paint the same."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from ...journal.today import TodayView
from ..base import StoreAccess

T = TypeVar("T")


class PartMissing(ValueError):
    """The view has no such part: a record broke it while the view was worked out."""


def part(value: T | None) -> T:
    """A part of the view, or :class:`PartMissing` (the panel then shows its note)."""
    if value is None:
        raise PartMissing
    return value


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

    def on_resize(self, _event: events.Resize) -> None:
        self.post_message(Reflowed())

    def show_view(self, view: TodayView) -> None:
        """Paint this panel's part of ``view``; called as Today opens and after changes."""

    def show(self, view: TodayView) -> None:
        """Paint; a damaged record (say, a hand-edited file) must not take Today down."""
        try:
            self.show_view(view)
        except Exception as exc:  # noqa: BLE001 - no traceback reaches the user
            self.log.error(f"{type(self).__name__} could not paint: {exc!r}")
            self.remove_children()
            self.mount(Static("Part of your journal couldn't be shown here. Your entries are "
                              "safe; 'resilience doctor' can say what looks wrong.",
                              classes="note"))
