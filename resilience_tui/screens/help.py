"""Help: every key in one place, in plain words.

Each list is a two-column grid: a description too long for the line wraps under its
own words (a hanging indent), never back under the keys.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
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


KEY_WIDTH = 16


def key_list(rows: Iterable[tuple[str, str]]) -> Static:
    """Keys on the left, what they do on the right, wrapping within the right column."""
    grid = Table.grid(padding=(0, 0), pad_edge=False)
    grid.add_column(width=2)  # the indent under the heading
    grid.add_column(width=KEY_WIDTH, no_wrap=True)
    grid.add_column(ratio=1)
    for key, words in rows:
        grid.add_row("", Text(key), Text(words))  # our words, but never read as markup
    return Static(grid, classes="keys")


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
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "w: the welcome page again"
            yield Static("On Today", classes="heading")
            yield key_list((p.key, p.title) for p in PLACES.values())
            yield Static("Everywhere", classes="heading")
            yield key_list(GENERAL)
            yield Static("\nYour journal stays on this computer. Press escape to close.",
                         classes="muted")

    async def action_welcome(self) -> None:
        self.dismiss(None)
        await self.app.run_action("welcome")
