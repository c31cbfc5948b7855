"""Today (home): the date, a prompt, and the panels for the day's routine."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Static

from ..domain.prompts import greeting, prompt_for
from ..widgets.panel import TodayPanel
from ..widgets.panel_checkin import CheckinPanel
from ..widgets.panel_cooldowns import CooldownPanel
from ..widgets.panel_selfcare import SelfCarePanel
from ..widgets.panel_streaks import StreaksPanel
from .base import AppScreen


class TodayScreen(AppScreen[None]):
    """The home screen: everything about today at a glance."""

    DEFAULT_CSS = """
    TodayScreen #top { height: auto; padding: 0 1; background: $boost; }
    TodayScreen #date-line { text-style: bold; }
    TodayScreen #prompt { color: $text-muted; text-style: italic; }
    TodayScreen #columns { height: 1fr; }
    TodayScreen #main { width: 3fr; padding: 0 0 0 1; }
    TodayScreen #side { width: 2fr; padding: 0 1 0 1; }
    """

    BINDINGS = [
        Binding("m", "app.open('checkin')", "Morning"),
        Binding("r", "app.open('rejection')", "Rejection"),
        Binding("c", "app.open('cooldown')", "Cool-down"),
        Binding("s", "app.open('selfcare')", "Self-care"),
        Binding("n", "app.open('network')", "Network"),
        Binding("v", "app.open('review')", "Review"),
        Binding("p", "app.open('patterns')", "Patterns", show=False),
        Binding("comma", "app.open('settings')", "Settings", key_display=",", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="top"):
            yield Static(id="date-line")
            yield Static(id="prompt")
        with Horizontal(id="columns"):
            with VerticalScroll(id="main"):
                yield CheckinPanel(id="panel-checkin")
                yield CooldownPanel(id="panel-cooldowns")
            with VerticalScroll(id="side"):
                yield StreaksPanel(id="panel-streaks")
                yield SelfCarePanel(id="panel-selfcare")
        # Compact, so the routine's keys fit in 80 columns; help (?) lists every key,
        # patterns (p), settings (,) and the palette (ctrl+p) included.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._refresh_header()

    def _refresh_header(self) -> None:
        now = self.clock.now()
        today = self.clock.today()
        name = self.store.settings.name
        hello = greeting(now.hour) + (f", {name}" if name else "")
        self.query_one("#date-line", Static).update(f"{today:%A %-d %B} · {hello}.")
        self.query_one("#prompt", Static).update(prompt_for(today))

    def refresh_data(self) -> None:
        """Re-read everything; called after any screen closes and at a new day."""
        self._refresh_header()
        for panel in self.query(TodayPanel):
            panel.safe_refresh()
