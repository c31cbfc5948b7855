"""Welcome: one page on the first run (and from help) that says how the routine goes.

It asks only for what makes the app feel like the user's own from the first
morning: the name to greet with and sign feedback drafts with, the weekdays
that are rest days, and when the day starts. Every field is optional;
``ctrl+s`` (or Start) keeps what was given, ``escape`` skips. Either way the
journal core notes that the welcome was seen (``Settings.welcomed``), so it
never opens by itself again. It dismisses with the saved settings, or ``None``
when skipped.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static

from ..domain.models import Settings
from ..domain.validate import check_int
from ..journal.settings import finish_welcome
from ..widgets.limited_input import LimitedInput
from ..widgets.tickbox import TickBox
from .form import FormScreen, form_error

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

ROUTINE = (
    ("Each morning", "a short check-in: mood, energy and a small plan (m)"),
    ("When a no comes", "log it (r) for a two-day cool-down: feel it on day one,"),
    ("", "look at it on day two, then choose where to go next"),
    ("Along the way", "note what looks after you: a walk, a friend, rest (s)"),
    ("Looking back", "streaks and patterns show the ground you've covered (v)"),
)


class WelcomeScreen(FormScreen):
    """The first page a new journal opens on; escape skips it for good.

    A form like the others, so a name typed (or pasted) just before ctrl+s is in
    what gets saved, however fast the keys come.
    """

    AUTO_FOCUS = "#welcome-name"
    FIELD_WIDGETS = {"day start hour": "welcome-day-start"}

    DEFAULT_CSS = """
    WelcomeScreen #welcome { padding: 0 1; height: 1fr; }
    WelcomeScreen #welcome-title { text-style: bold; margin-top: 1; }
    WelcomeScreen #routine { margin-top: 1; }
    WelcomeScreen .welcome-row { height: auto; margin-top: 1; }
    WelcomeScreen .welcome-label { width: 16; color: $text-muted; }
    WelcomeScreen #welcome-name { width: 30; }
    WelcomeScreen #welcome-day-start { width: 4; }
    WelcomeScreen TickBox { width: auto; padding: 0; }
    WelcomeScreen .welcome-note { padding-left: 16; color: $text-muted; }
    WelcomeScreen #welcome-buttons { height: 1; margin-top: 1; }
    WelcomeScreen #welcome-buttons Button { margin-right: 2; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Start", priority=True),
        Binding("escape", "cancel", "Skip"),
    ]

    def compose(self) -> ComposeResult:
        s = self.store.settings
        routine = "\n".join(f" {when:<17}{what}" for when, what in ROUTINE)
        with Vertical(id="welcome"):
            yield Static("Welcome. This is a small daily routine for a long job search.",
                         id="welcome-title")
            yield Static(routine, id="routine", markup=False)
            yield Static("Three things to make it yours, all optional:", classes="heading")
            yield Horizontal(Label("Your name", classes="welcome-label"),
                             LimitedInput(s.name, id="welcome-name", max_length=80, compact=True,
                                   placeholder="e.g. Alex Rivera"),
                             classes="welcome-row")
            yield Static("Greets you by first name and signs your feedback requests.",
                         classes="welcome-note")
            yield Horizontal(Label("Rest weekdays", classes="welcome-label"),
                             *(TickBox(name, i in s.rest_weekdays, id=f"welcome-rest-{i}",
                                       compact=True) for i, name in enumerate(WEEKDAYS)),
                             classes="welcome-row")
            yield Horizontal(Label("Day starts at", classes="welcome-label"),
                             Input(str(s.day_start_hour), id="welcome-day-start",
                                   compact=True, max_length=2),
                             Static(" o'clock: until then it is still last night",
                                    classes="muted"),
                             classes="welcome-row")
            yield form_error()
            yield Horizontal(Button("Start", id="welcome-start", compact=True),
                             Button("Skip", id="welcome-skip", compact=True),
                             id="welcome-buttons")
            yield Static("Change any of it later in Settings (,); help (?) brings this "
                         "page back.", classes="muted")
        yield Footer()

    def chosen(self) -> Settings:
        """The settings with what was given here (raises ValidationError for a bad hour)."""
        s = self.store.settings
        s.name = self.query_one("#welcome-name", Input).value
        s.rest_weekdays = [i for i in range(7)
                           if self.query_one(f"#welcome-rest-{i}", Checkbox).value]
        hour = self.query_one("#welcome-day-start", Input).value.strip()
        s.day_start_hour = check_int(hour, "day start hour", 0, 12) if hour else s.day_start_hour
        return s

    def save(self) -> Settings:
        saved = finish_welcome(self.store, self.clock, self.chosen())
        first = "" if self.store.checkins.all() else " first"
        self.notify_saved(f"Saved. Press m whenever you're ready for your{first} check-in.",
                          timeout=6)
        return saved

    @on(Button.Pressed, "#welcome-start")
    def start(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#welcome-skip")
    def action_cancel(self) -> None:
        """Skip: nothing given here is kept, and the welcome never opens by itself again."""
        if not self.store.settings.welcomed:
            finish_welcome(self.store, self.clock)
        self.dismiss(None)
