"""Help: every key in one place, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from .base import AppModal
from .keymap import PLACES

GENERAL = (
    ("ctrl+s", "Save the form you are in"),
    ("escape", "Go back (asks first if you typed something)"),
    ("tab / shift+tab", "Next / previous field"),
    ("1–5", "Set the focused scale"),
    ("alt+e", "Write a long text in your own editor"),
    ("ctrl+p", "Command palette: every action, searchable"),
    ("q", "Quit (from Today; your entries are already saved)"),
)


class HelpScreen(AppModal[None]):
    """A dialog listing the keys; escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help-box {
        width: 72; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("w", "welcome", "Welcome page"),
    ]

    def compose(self) -> ComposeResult:
        lines = [f"  {p.key:<16}{p.title}" for p in PLACES.values()]
        general = [f"  {k:<16}{v}" for k, v in GENERAL]
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "w: the welcome page again"
            yield Static("On Today", classes="heading")
            yield Static("\n".join(lines))
            yield Static("Everywhere", classes="heading")
            yield Static("\n".join(general))
            yield Static("\nYour journal stays on this computer. Press escape to close.",
                         classes="muted")

    async def action_welcome(self) -> None:
        self.dismiss(None)
        await self.app.run_action("welcome")
