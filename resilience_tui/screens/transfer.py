"""Export and import from inside the app (the command palette).

Export asks which format first (:mod:`.export`). Import asks for a path,
checks the whole file in a worker thread, shows what would change and asks
before applying it — through the app's own Store, which holds the write lock
while the app runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rich.markup import escape
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from ..journal.transfer import apply_import
from ..storage.transfer import ImportPlan, ImportProblem, Parsed, parse_export
from ..storage.transfer import plan_import as make_plan
from ..widgets.confirm import ConfirmDialog
from .base import AppModal, notify_saved
from .export import ask_and_export, exports_folder


def transfer_commands(app: App[Any]) -> Iterable[tuple[str, str, Callable[[], Any]]]:
    """The palette's export and import commands."""
    yield ("Export journal (JSON / Markdown)…",
           "A full copy to keep or import elsewhere, or a journal to read or share",
           lambda: ask_and_export(app))
    yield ("Import a JSON export…",
           "Merge an export into this journal; shows what would change first",
           lambda: app.push_screen(ImportDialog()))


class ImportDialog(AppModal[ImportPlan | None]):
    """Ask for a file, check it, show what would change, and import it once confirmed."""

    DEFAULT_CSS = """
    ImportDialog { align: center middle; }
    ImportDialog #import-box {
        width: 74; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ImportDialog #import-path { margin: 1 0 0 0; }
    ImportDialog #import-result { margin-top: 1; height: auto; }
    ImportDialog #import-result.problem { color: $text-error; }
    ImportDialog #import-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ImportDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "close", "Close")]
    AUTO_FOCUS = "#import-path"

    def __init__(self) -> None:
        super().__init__()
        self.plan: ImportPlan | None = None
        self.source: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box") as box:
            box.border_title = "Import a JSON export"
            yield Static("Which file? An export from this app (or 'resilience export'). "
                         "Nothing changes until you say yes.", classes="muted")
            yield Input(id="import-path", compact=True,
                        placeholder=str(exports_folder(self.store) / "resilience-….json"))
            yield Static(id="import-result", markup=False)
            with Horizontal(id="import-buttons"):
                yield Button("Close (esc)", id="close")
                yield Button("Check the file (enter)", id="check", variant="primary")

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#check")
    def check(self) -> None:
        text = self.query_one("#import-path", Input).value.strip()
        if not text:
            self._show("Type the path of the file to import.", problem=True)
            return
        self.source = Path(text).expanduser()
        self._show(f"Checking {self.source}…")
        self._read(self.source)

    @work(thread=True, exclusive=True)
    def _read(self, source: Path) -> None:
        """Reading and checking every record can take a moment; the screen stays calm."""
        try:
            parsed = parse_export(source, self.clock.today())
        except ImportProblem as exc:
            self.app.call_from_thread(self._show, f"{source}: {exc}. Nothing was imported.",
                                      problem=True)
            return
        self.app.call_from_thread(self._planned, source, parsed)

    def _planned(self, source: Path, parsed: Parsed) -> None:
        plan = make_plan(self.store, parsed)
        report = "\n".join(plan.report())
        self._show(report)
        if not plan.changes:
            self._show(f"{report}\n\nEverything in this file is already here.")
            return
        self.plan = plan
        question = (f"Import from {escape(str(source))}?\n\n{escape(report)}\n\n"
                    "Nothing of yours is removed; where both copies have a record, "
                    "the one edited later is kept.")
        self.app.push_screen(ConfirmDialog(question, yes="Import", no="Not now"),
                             self._answered)

    def _answered(self, yes: bool | None) -> None:
        if not yes or self.plan is None:
            self._show("Nothing was imported.")
            return
        plan = self.plan
        apply_import(self.store, self.clock, plan)
        if plan.settings is not None and plan.settings.theme in self.app.available_themes:
            self.app.theme = plan.settings.theme  # the imported settings, seen at once
        # Said once the import is in the file. When the write fails the store says so
        # instead; the records are in memory and go to the file with the next save.
        notify_saved(self.app, f"Imported {plan.summary()}.", title="Import done", timeout=8)
        self.dismiss(plan)

    def _show(self, text: str, problem: bool = False) -> None:
        result = self.query_one("#import-result", Static)
        result.update(text)
        result.set_class(problem, "problem")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
