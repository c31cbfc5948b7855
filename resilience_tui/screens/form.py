"""The base for form screens: ctrl+s saves, escape asks before dropping typed words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from textual import events, on
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from ..domain.validate import ValidationError
from ..widgets.confirm import ConfirmDialog
from ..widgets.scale import ScalePicker
from ..widgets.word_picker import WordPicker
from .base import AppScreen

# Keys that change a field without typing a character.
EDIT_KEYS = frozenset({"backspace", "delete", "space", "enter", "left", "right",
                       "ctrl+u", "ctrl+k", "ctrl+w", "ctrl+x", "ctrl+v"})


def form_row(label: str, *widgets: Widget, classes: str = "") -> Horizontal:
    """A labelled form row: the label on the left, the field(s) beside it.

    Each screen sets its own label width (``MyScreen .field-label { width: N; }``).
    """
    return Horizontal(Label(label, classes="field-label", markup=False), *widgets,
                      classes=f"form-row {classes}".strip())


def form_error() -> Static:
    """The line where a refused save says why (plain text: it may quote what was typed)."""
    return Static(id="form-error", markup=False)


class FormScreen(AppScreen[Any]):
    """Subclasses compose their fields (and ``form_error()``) and implement ``save``.

    ``save`` returns the value to dismiss with, or raises ValidationError: the
    message is shown inline, the cursor goes to the field it names (``FIELD_WIDGETS``),
    and the form stays open with everything typed.

    Leaving with typed words follows the screen's ``LEAVE`` policy: "ask" before
    dropping them (escape, ctrl+q), or "keep" them as a draft without asking (the
    cool-down, whose half-written steps are kept by ``keep_draft``).

    Keys arriving faster than a person types (a paste, a scripted terminal) stay
    in order: Textual hands each key to the focused field's own queue, while tab
    and ctrl+s act as soon as they arrive. So tab moves focus at once, before the
    next key is routed, and ctrl+s waits until every field has handled the keys
    already sent to it.
    """

    # Here rather than in app.tcss, so a screen's own DEFAULT_CSS can still change them
    # (app.tcss rules always win over any DEFAULT_CSS).
    DEFAULT_CSS = """
    FormScreen .form-row { height: auto; margin-bottom: 1; }
    FormScreen .field-label { color: $text-muted; }
    FormScreen #form-error { color: $text-error; display: none; margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Back"),
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]

    # ValidationError.field -> the id of the widget to put the cursor in after a refusal.
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {}
    LEAVE: ClassVar[Literal["ask", "keep"]] = "ask"

    dirty = False
    _armed = False
    _saving = False

    def on_mount(self) -> None:
        # Fields post Changed while they fill in; only what the user does afterwards counts.
        self.call_after_refresh(self._arm)

    def _arm(self) -> None:
        self._armed = True

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(ScalePicker.Changed)
    @on(WordPicker.Toggled)
    def _mark_dirty(self) -> None:
        if self._armed:
            self.dirty = True
            self.clear_error()  # the user is putting it right; the old message would mislead

    def clear_error(self) -> None:
        """Hide a refused save's message."""
        for label in self.query("#form-error").results(Static):
            if label.display:
                label.update("")
                label.display = False

    def mark_dirty(self) -> None:
        self.dirty = True

    @property
    def saving(self) -> bool:
        """True from ctrl+s until the save is done (the app holds keys typed after it)."""
        return self._saving

    def save(self) -> Any:
        """Validate and store; return the result to dismiss with."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        for label in self.query("#form-error").results(Static):
            label.update(message)
            label.display = bool(message)
            return
        self.notify(message, severity="error", markup=False)

    def action_save(self) -> None:
        """Save once every field has caught up with the keys already sent to it."""
        if self._saving:
            return
        self._saving = True
        queues = [*self.focus_chain, self]

        def after(index: int) -> None:
            if index < len(queues):
                # Runs after the keys already queued there; a field that has just gone
                # (closed) has nothing queued, so go straight on to the next.
                if not queues[index].call_later(after, index + 1):
                    after(index + 1)
                return
            self._saving = False
            if self.is_current:
                self._save_now()

        after(0)

    def _save_now(self) -> None:
        try:
            result = self.save()
        except ValidationError as exc:
            self.show_error(exc.sentence)
            self.focus_field(exc.field)
            return
        self.dismiss(result)

    def focus_field(self, field: str) -> None:
        """Put the cursor in the widget of a refused field, when the form has one."""
        widget_id = self.FIELD_WIDGETS.get(field)
        for widget in self.query(f"#{widget_id}") if widget_id else ():
            widget.focus()
            return

    def keep_draft(self) -> None:
        """Keep what was typed for later: forms whose ``LEAVE`` is "keep" implement it."""

    def note_input(self, event: events.Key | events.Paste) -> None:
        """Typing (or a paste) makes the form dirty, even before its fields have caught up.

        Called by the app for every key it routes here, so keys sent in a burst
        right after the form opens still count; moving around does not.
        """
        if isinstance(event, events.Paste) or event.is_printable or event.key in EDIT_KEYS:
            self.dirty = True

    def confirm_leave(self, then: Callable[[], object]) -> None:
        """Run ``then`` now if nothing was typed or the screen keeps drafts (after keeping
        it), else after the user agrees to drop what was typed."""
        if self.LEAVE == "keep":
            self.keep_draft()
            then()
            return
        if not self.dirty:
            then()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                then()

        self.app.push_screen(
            ConfirmDialog("Leave without saving? What you typed here will be lost.",
                          yes="Leave", no="Keep editing"),
            answered,
        )

    def action_cancel(self) -> None:
        self.confirm_leave(lambda: self.dismiss(None))
