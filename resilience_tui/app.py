"""ResilienceApp: the screens, the keys, the command palette and the theme."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, TextArea

from .clock import Clock
from .places import PLACES
from .screens.form import FormScreen
from .storage.store import Store


class ResilienceApp(App[None]):
    """The full-screen app; build it with a Store and a Clock (tests inject both)."""

    TITLE = "resilience"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding(PLACES["help"].binding_key, "open('help')", PLACES["help"].label,
                key_display=PLACES["help"].key),
    ]

    def __init__(self, store: Store, clock: Clock, *, cursor_blink: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.clock = clock
        self.cursor_blink = cursor_blink  # False keeps cursors still (snapshot tests)
        self.day: date = clock.today()
        self._warned = False  # told the user about unsaved entries once already
        store.on_problem = self._storage_problem

    def on_mount(self) -> None:
        self._apply_theme(self.store.settings.theme)
        from .screens.today import TodayScreen

        self.push_screen(TodayScreen())
        self.set_interval(20, self.check_day)

    def _apply_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name

    def watch_theme(self, name: str) -> None:
        """Remember a theme picked from the palette."""
        if self.store.settings.theme != name:
            settings = self.store.settings
            settings.theme = name
            self.store.save_settings(settings)

    # Opening screens ----------------------------------------------------
    def load_screen(self, name: str, **kwargs: Any) -> Screen[Any]:
        """Build a screen from PLACES; its module is imported only when first needed."""
        place = PLACES[name]
        module = importlib.import_module(f".screens.{place.module}", __package__)
        return getattr(module, place.cls)(**kwargs)  # type: ignore[no-any-return]

    def action_open(self, name: str, **kwargs: Any) -> None:
        """Open a screen by its name in PLACES; Today refreshes when it closes."""
        if name == "cooldown" and "rejection_id" not in kwargs:
            self.continue_cooldown()
            return
        self.push_screen(self.load_screen(name, **kwargs), callback=self._after_screen)

    def continue_cooldown(self) -> None:
        """Open the most urgent open cool-down, or say there is none."""
        from .domain.cooldown import open_statuses, urgent_status

        urgent = urgent_status(open_statuses(self.store.rejections.all(), self.clock.today(),
                                             self.store.settings.cooldown_days))
        if urgent is None:
            self.notify("No cool-down is open. Press r if a rejection came in.", timeout=4)
            return
        self.action_open("cooldown", rejection_id=urgent.rejection_id)

    def _after_screen(self, _result: object = None) -> None:
        self.refresh_today()

    def refresh_today(self) -> None:
        from .screens.today import TodayScreen

        for screen in self.screen_stack:
            if isinstance(screen, TodayScreen):
                screen.refresh_data()

    # Time and storage ---------------------------------------------------
    def check_day(self) -> None:
        """An app left open past the day boundary shows the new day."""
        today = self.clock.today()
        if today != self.day:
            self.day = today
            self.refresh_today()

    def _storage_problem(self, message: str) -> None:
        self.notify(message, title="Not saved yet", severity="error", timeout=12, markup=False)

    # Command palette ------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for name, place in PLACES.items():
            yield SystemCommand(f"{place.title}  [{place.key}]", place.help,
                                self._opener(name))
        for title, help_text, callback in self.extra_commands():
            yield SystemCommand(title, help_text, callback)

    def _opener(self, name: str) -> Callable[[], None]:
        return lambda: self.action_open(name)

    def extra_commands(self) -> Iterable[tuple[str, str, Callable[[], Any]]]:
        """Palette-only commands (export, import, rest day…); features add theirs here."""
        from .screens.commands import palette_commands

        yield from palette_commands(self)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not self.cursor_blink and isinstance(event.widget, Input | TextArea):
            event.widget.cursor_blink = False

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and isinstance(self.screen, FormScreen):
            self.screen.note_input(event)
        await super().on_event(event)

    async def action_quit(self) -> None:
        """Quit; never silently drop what a form holds or what could not be saved."""
        if isinstance(self.screen, FormScreen):
            self.screen.confirm_leave(self._quit_checked)
            return
        self._quit_checked()

    def _quit_checked(self) -> None:
        if self.store.unsaved and not self.store.retry() and not self._warned:
            aside = self.store.rescue()
            where = f"a copy is in {aside}" if aside else "they could not be copied anywhere"
            self.notify(f"Your latest entries are not in the file; {where}. "
                        "Press q again to quit.", severity="error", timeout=20, markup=False)
            self._warned = True
            return
        self.exit()
