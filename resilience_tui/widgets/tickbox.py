"""A checkbox whose mark is a glyph, not only a colour: ✓ when ticked, blank when not.

Letters typed on a focused box are meant as words: they go to the box's own
text field when it has one beside it (its row's note), or a one-line hint says
where words go. A box never toggles on a letter.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox, Input


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
            return
        if event.character and event.is_printable:
            event.stop()
            event.prevent_default()
            self._words_elsewhere(event.character)

    def _words_elsewhere(self, character: str) -> None:
        """Send a typed letter to the field beside this box, or say where words go."""
        beside = [w for w in (self.parent.children if self.parent else ())
                  if isinstance(w, Input)]
        if beside:
            field = beside[0]
            field.select_on_focus = False  # selecting all would let the next letter replace it
            field.cursor_position = len(field.value)
            field.insert_text_at_cursor(character)
            field.focus()
            return
        self.notify("Space ticks this box; words go in the text fields.", timeout=3)
