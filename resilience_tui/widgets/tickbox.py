"""A checkbox whose mark is a glyph, not only a colour: ✓ when ticked, blank when not."""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Use instead of Checkbox so the state reads without colour."""

    def on_mount(self) -> None:
        self.watch_value()  # the reactive does not run its watcher for the starting value

    def watch_value(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        # A space sent to this box belongs to it even when focus has moved on by the time it
        # is handled (keys typed ahead of a priority tab); bindings would see the new focus.
        if event.key in ("space", "enter"):
            event.stop()
            event.prevent_default()
            self.toggle()
