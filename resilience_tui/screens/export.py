"""Export from inside the app (the command palette): ask which format, and whether the
private writing goes in, then write that one file into ``exports/`` in the data folder.

JSON is a full copy by nature (it is what import reads), so the private question is
only asked of Markdown, the journal someone might share with a mentor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, RadioButton, RadioSet, Static

from ..storage.formats import export_to_folder
from ..widgets.handoff import disable_moving_on
from ..widgets.tickbox import TickBox
from .base import AppModal, JournalHost

if TYPE_CHECKING:
    from ..storage.store import Store

EXPORTS = "exports"
JSON_NOTE = ("A full copy, to keep or to import elsewhere: it holds everything, "
             "private writing included.")
MD_NOTE = ("A journal to read or share. The “let it out” pages, pasted rejection messages "
           "and other people's details stay out unless you tick below.")


def exports_folder(store: Store) -> Path:
    return store.path.parent / EXPORTS


@dataclass(frozen=True)
class ExportChoice:
    """What the dialog asked for: ``fmt`` "json" or "md"."""

    fmt: str
    include_private: bool = False


class Choice(RadioButton):
    """A radio button whose mark is a glyph, not only a colour (as TickBox does)."""

    def on_mount(self) -> None:
        # The starting mark only: posting Changed(False) here would make the RadioSet
        # press this button (it refuses to have its pressed button released).
        self.BUTTON_INNER = "●" if self.value else " "
        self.refresh()

    def watch_value(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "
        super().watch_value()  # the -on class and the Changed message the RadioSet needs


class ExportDialog(AppModal[ExportChoice | None]):
    """Which format, and (for Markdown) whether the private writing goes in."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog #export-box {
        width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ExportDialog RadioSet { width: 100%; margin-top: 1; }
    /* The choice under the cursor reads without colour, as a tick box's label does. */
    ExportDialog RadioSet:focus > Choice.-selected > .toggle--label {
        text-style: bold underline;
    }
    ExportDialog #export-note { margin: 1 0 0 0; height: auto; }
    ExportDialog #export-private { margin-top: 1; }
    ExportDialog #export-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ExportDialog Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("j", "pick('json')", "JSON"),
        Binding("m", "pick('md')", "Markdown"),
        Binding("p", "private", "Private writing"),
    ]
    AUTO_FOCUS = "#export-go"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = "Export the journal"
            with RadioSet(id="export-format"):
                yield Choice("JSON, a full copy (j)", value=True, id="fmt-json")
                yield Choice("Markdown, a journal to read or share (m)", id="fmt-md")
            yield Static(JSON_NOTE, id="export-note", classes="muted", markup=False)
            yield TickBox("Include my private writing (p)", False, id="export-private",
                          compact=True, disabled=True)
            with Horizontal(id="export-buttons"):
                yield Button("Cancel (esc)", id="close")
                yield Button("Export (enter)", id="export-go", variant="primary")

    @property
    def fmt(self) -> str:
        return "md" if self.query_one("#fmt-md", Choice).value else "json"

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        markdown = self.fmt == "md"
        self.query_one("#export-note", Static).update(MD_NOTE if markdown else JSON_NOTE)
        private = self.query_one("#export-private", TickBox)
        if markdown:
            private.disabled = False
        else:
            disable_moving_on(private)  # a focused box greyed out keeps the keys going on

    def action_pick(self, fmt: str) -> None:
        self.query_one(f"#fmt-{fmt}", Choice).value = True

    def action_private(self) -> None:
        if self.fmt == "md":  # JSON holds everything anyway
            self.query_one("#export-private", TickBox).toggle()

    @on(Button.Pressed, "#export-go")
    def export(self) -> None:
        private = self.fmt == "md" and self.query_one("#export-private", TickBox).value
        self.dismiss(ExportChoice(self.fmt, private))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


def ask_and_export(app: App[Any]) -> None:
    """The palette's export: the dialog, then the one file it asked for."""
    def chosen(choice: ExportChoice | None) -> None:
        if choice is not None:
            export_journal(app, choice)

    app.push_screen(ExportDialog(), chosen)


def export_journal(app: App[Any], choice: ExportChoice) -> Path | None:
    """Write the chosen file and say where; a failure is a notification, never a crash."""
    store = cast(JournalHost, app).store
    folder = exports_folder(store)
    try:
        written = export_to_folder(store, folder, choice.fmt, choice.include_private)
    except OSError as exc:
        app.notify(f"Couldn't write the export to {folder} ({exc.strerror or exc}).",
                   title="Not exported", severity="error", timeout=12, markup=False)
        return None
    kept = (" It includes your private writing." if choice.include_private
            else " Private writing was left out." if choice.fmt == "md" else "")
    app.notify(f"Saved {written.name} in {folder}.{kept}", title="Journal exported",
               timeout=10, markup=False)
    return written
