"""Settings: name, day start hour, cool-down length, rest weekdays, nudge days, theme."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static

from ..domain.models import Settings
from ..domain.validate import check_int
from ..journal.settings import save_settings
from ..widgets.limited_input import LimitedInput
from ..widgets.tickbox import TickBox
from .form import FormScreen, form_error, form_row

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class SettingsScreen(FormScreen):
    """Edit settings; saved to the store and applied at once."""

    AUTO_FOCUS = "#name"

    DEFAULT_CSS = """
    SettingsScreen #settings { padding: 1 2; }
    SettingsScreen .field-label { width: 23; }
    SettingsScreen Input { width: 1fr; max-width: 40; }
    SettingsScreen Input.short { width: 8; }
    SettingsScreen .hint { padding-left: 23; margin-top: -1; margin-bottom: 1; }
    SettingsScreen TickBox { width: auto; padding: 0; margin-right: 1; }
    SettingsScreen .wide { width: 1fr; }
    SettingsScreen #title { text-style: bold; margin-bottom: 1; }
    SettingsScreen Select { width: 1fr; max-width: 40; }
    """

    def compose(self) -> ComposeResult:
        s = self.store.settings
        themes = sorted(self.app.available_themes)
        with VerticalScroll(id="settings") as box:
            box.border_title = "Settings"
            yield Static("Settings", id="title")
            yield form_error()
            yield form_row("Your name", LimitedInput(s.name, id="name", max_length=80, compact=True,
                                              placeholder="signs feedback requests"))
            yield form_row("Day starts at (0–12)", Input(str(s.day_start_hour), id="day-start",
                                                         classes="short", compact=True))
            yield Static("Before this hour it still counts as the day before.", classes="hint")
            yield form_row("Cool-down days (1–3)", Input(str(s.cooldown_days),
                                                         id="cooldown-days", classes="short",
                                                         compact=True))
            yield Label("Rest weekdays: they neither break nor add to your streak",
                        classes="field-label wide")
            yield Horizontal(*(TickBox(name, i in s.rest_weekdays, id=f"rest-{i}", compact=True)
                               for i, name in enumerate(WEEKDAYS)), classes="form-row")
            yield form_row("Nudge after quiet days", Input(str(s.nudge_days), id="nudge-days",
                                                           classes="short", compact=True))
            yield form_row("Theme", Select([(t, t) for t in themes], id="theme", compact=True,
                                           value=s.theme if s.theme in themes else self.app.theme,
                                           allow_blank=False))
            yield Static("ctrl+s saves · escape goes back", classes="muted")
        yield Footer()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def save(self) -> Settings:
        s = self.store.settings
        s.name = self._value("name")
        s.day_start_hour = check_int(self._value("day-start"), "day start hour", 0, 12)
        s.cooldown_days = check_int(self._value("cooldown-days"), "cool-down days", 1, 3)
        s.nudge_days = check_int(self._value("nudge-days"), "nudge days", 1, 365)
        s.rest_weekdays = [i for i in range(7) if self.query_one(f"#rest-{i}", Checkbox).value]
        theme = self.query_one("#theme", Select).value
        if theme is not Select.NULL and (s.theme or theme != self.app.theme):
            s.theme = str(theme)  # remembered only once picked: until then TEXTUAL_THEME rules
        save_settings(self.store, self.clock, s)
        if s.theme:
            self.app.theme = s.theme
        self.notify_saved("Settings saved.", timeout=3)
        return s
