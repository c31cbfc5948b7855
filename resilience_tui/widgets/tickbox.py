"""A checkbox whose mark is a glyph, not only a colour: ✓ when ticked, blank when not.

Focus shows the same way: a ▶ points at the focused box and its label is
underlined, so the place of the cursor reads in any theme and without colour.

Letters typed on a focused box are meant as words: they go to the box's own
text field when it has one beside it (its row's note), or a one-line hint says
where words go. A box never toggles on a letter, and a letter the page or the
app has a key for (the export dialog's j, m and p; ? for help) still does that.
"""

from __future__ import annotations

from textual import events
from textual.color import Color
from textual.content import Content
from textual.style import Style
from textual.widgets import Checkbox, Input

FOCUS_MARK = "▶"
MIN_CONTRAST = 4.5  # what WCAG asks of text: the pointer is read like a letter


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class TickBox(Checkbox):
    """Use instead of Checkbox so the state (and the focus) read without colour."""

    DEFAULT_CSS = """
    TickBox:focus > .toggle--label, TickBox.-textual-compact:focus > .toggle--label {
        text-style: bold underline;
    }
    """

    def on_mount(self) -> None:
        # The reactive does not run its watcher for the starting value; Checkbox's own
        # watcher would announce a change, which the starting value is not.
        self._show_value()

    def watch_value(self) -> None:
        self._show_value()
        super().watch_value()  # the -on class and Checkbox.Changed, as forms listen for

    def _show_value(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "
        self.set_class(self.value, "-on")
        self.refresh()

    @property
    def _button(self) -> Content:
        button = super()._button
        if not self.has_focus:
            return button
        # The box's left edge becomes a pointer in the page's text colour, or in plain
        # black or white where a theme's text is too soft against the focus tint.
        _, _, background, text = self.colors
        if contrast(text, background) < MIN_CONTRAST:
            text = background.get_contrast_text(1.0)
        pointer = Style(foreground=text, background=background, bold=True)
        return Content.assemble((FOCUS_MARK, pointer), button[len(self.BUTTON_LEFT):])

    def on_key(self, event: events.Key) -> None:
        # A space sent to this box belongs to it even when focus has moved on by the time it
        # is handled (keys typed ahead of a priority tab); bindings would see the new focus.
        if event.key in ("space", "enter"):
            event.stop()
            event.prevent_default()
            self.toggle()
            return
        if event.character and event.is_printable:
            if self._bound_above(event.key):
                return  # a key the page or the app answers (export's j/m/p, ? for help)
            event.stop()
            event.prevent_default()
            self._words_elsewhere(event.character)

    def _bound_above(self, key: str) -> bool:
        active = self.screen.active_bindings.get(key)
        return active is not None and active.node is not self and active.enabled

    def _words_elsewhere(self, character: str) -> None:
        """Send a typed letter to the words field beside this box, or say where words go."""
        beside = [w for w in (self.parent.children if self.parent else ())
                  if isinstance(w, Input) and w.type == "text" and not w.disabled]
        if beside:
            field = beside[0]
            field.select_on_focus = False  # selecting all would let the next letter replace it
            field.cursor_position = len(field.value)
            field.insert_text_at_cursor(character)
            field.focus()
            return
        self.notify("Space ticks this box; words go in the text fields.", timeout=3)
