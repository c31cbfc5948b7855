"""Today (home): the date, a prompt, and the panels for the day's routine.

Laid out by priority, so that at 80×24 an open cool-down is always in view: while one
runs, the cool-downs come first in the main column, and the plan folds to the room
the rest leaves it ("+3 more below") instead of pushing anything off the screen.

Today paints from the day's :class:`~resilience_tui.journal.today.TodayView`. As the app
opens on a journal with a trustworthy summary, that view comes from the summary and the
history loads in the background; once it has, the view is worked out from the history
(the same view, so nothing moves) and from then on after every change.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Static

from ...domain.dates import weekday_and_date
from ...domain.prompts import greeting
from ...domain.streaks import is_evening
from ...journal.today import TodayView, today_view
from ..base import AppScreen, JournalChanged
from ..keymap import PLACES
from .checkin_panel import CheckinPanel
from .cooldowns_panel import CooldownPanel
from .panel import Reflowed, TodayPanel
from .selfcare_panel import SelfCarePanel
from .streaks_panel import StreaksPanel

# Said in the prompt's place while a key waits for the history (see ``say_opening``).
OPENING = "One moment: your journal is still opening. What you type is kept."


class Column(VerticalScroll, can_focus=False):
    """A scrolling column of panels; not a tab stop of its own (the panels' lists are).

    It scrolls only when even a folded Today cannot fit (a very small terminal). The side
    column shows no scrollbar: one would narrow it, rewrap its notes onto more lines and
    so push out the very lines folding had made room for."""

    def on_resize(self, _event: events.Resize) -> None:
        self.post_message(Reflowed())


def used_height(column: Column) -> int:
    """The lines the panels in ``column`` take, margins included."""
    return sum(w.outer_size.height + w.styles.margin.top + w.styles.margin.bottom
               for w in column.children if w.display)


class TodayScreen(AppScreen[None]):
    """The home screen: everything about today at a glance."""

    AUTO_FOCUS = "#plan"  # back on Today with a plan, space ticks at once

    DEFAULT_CSS = """
    TodayScreen #top { height: auto; padding: 0 1; background: $boost; }
    TodayScreen #date-line { text-style: bold; }
    TodayScreen #prompt { color: $text-muted; text-style: italic; }
    TodayScreen #columns { height: 1fr; }
    TodayScreen #main { width: 3fr; padding: 0 0 0 1; }
    TodayScreen #side { width: 2fr; padding: 0 1 0 1; scrollbar-size-vertical: 0; }
    TodayScreen TodayPanel.-last { margin-bottom: 0; }  /* no line lost at the bottom */
    TodayScreen #side.-tight #streaks-care { margin-top: 0; }
    """

    # Today's keys open the places (help's key is the app's, on every screen).
    BINDINGS = [
        *(Binding(p.binding_key, f"app.open('{name}')", p.label, key_display=p.key,
                  show=p.in_footer) for name, p in PLACES.items() if name != "help"),
        Binding("u", "app.undo_delete", "Undo", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, first: TodayView | None = None) -> None:
        super().__init__()
        self._first = first  # the view filed in the summary, until the history is in

    def compose(self) -> ComposeResult:
        with Vertical(id="top"):
            yield Static(id="date-line", markup=False)  # the user's name is plain text
            yield Static(id="prompt", markup=False)
        with Horizontal(id="columns"):
            main_column = Column(id="main")
            # No scrollbar until the plan has folded (see ``_fit_plan``): a full morning
            # overflows the column before it folds, and a scrollbar there narrows the
            # column for a frame, rewraps every panel in it and sends Today through two
            # more rounds of layout before it settles (about 35 ms at 80×24).
            main_column.styles.overflow_y = "hidden"
            with main_column:
                # In priority order from the start when the summary says a cool-down runs:
                # moving a panel after mounting restyles and lays out the screen again.
                first = self._first
                main: list[TodayPanel] = [CheckinPanel(id="panel-checkin"),
                                          CooldownPanel(id="panel-cooldowns")]
                if first is not None and first.cooldowns and first.cooldowns.has_open:
                    main.reverse()
                # The last panel of each column marked now: marking it once mounted restyles
                # it and everything in it (``_put_first`` then finds nothing to change).
                main[-1].add_class("-last", update=False)
                yield from main
            with Column(id="side"):
                yield StreaksPanel(id="panel-streaks")
                yield SelfCarePanel(id="panel-selfcare").add_class("-last", update=False)
        # Compact, so the routine's keys fit in 80 columns; help (?) lists every key,
        # patterns (p), settings (,) and the palette (ctrl+p) included.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_data()

    # Laying out by priority ----------------------------------------------
    def _put_first(self) -> None:
        """While a cool-down runs it comes first: it is what a fresh no needs most, and
        no toast at the bottom of the screen covers it there."""
        main = self.query_one("#main", Column)
        checkin = self.query_one(CheckinPanel)
        cooldowns = self.query_one(CooldownPanel)
        first = cooldowns if cooldowns.has_open else checkin
        if main.children[0] is not first:
            main.move_child(first, before=0)
        for column in self.query(Column):
            for panel in column.children:
                panel.set_class(panel is column.children[-1], "-last")

    def on_reflowed(self, message: Reflowed) -> None:
        message.stop()
        self._fit_plan()
        self._fit_side()

    def _fit_plan(self) -> None:
        """Give the plan the lines the main column has left once everything else in it is
        shown in full; it folds to that, so nothing below it is pushed out of view."""
        main = self.query_one("#main", Column)
        checkin = self.query_one(CheckinPanel)
        room = main.scrollable_content_region.height
        if room:
            checkin.fold_plan(room - (used_height(main) - checkin.plan_height()))
        if self._scroll_held:
            self._scroll_held = False
            # After the frame that lays the fold out: the panels fit by then, so no
            # scrollbar shows; on a terminal too small even for them, it shows from then on.
            self.call_after_refresh(setattr, main.styles, "overflow_y", "auto")

    _scroll_held = True  # the main column may not scroll yet (see ``compose``)

    def _fit_side(self) -> None:
        """The side column's notes (the care note, an evening word) keep the names in
        "Self-care and people" in view: the energy-lift figure gives way first, then the
        blank line above the care note."""
        side = self.query_one("#side", Column)
        selfcare = self.query_one(SelfCarePanel)
        room = side.scrollable_content_region.height
        if not room:
            return
        care = side.query("#streaks-care")
        shown = bool(care) and care.first().display
        gap = 1 if shown else 0  # the care note's blank line, when there is room for it
        gap_now = care.first().styles.margin.top if shown else 0
        left = room - (used_height(side) - selfcare.lift_height() - gap_now)
        side.set_class(left < gap, "-tight")
        selfcare.fit_lift(left - gap if left >= gap else left)

    def _view(self) -> TodayView:
        """The day's view: the summary's while the history loads, then the history's."""
        today = self.clock.today()
        first = self._first
        if first is not None and first.day == today.isoformat() and not self.store.ready:
            return first
        self._first = None
        return today_view(self.store, today)

    def _show_header(self, view: TodayView) -> None:
        line = weekday_and_date(self.clock.today())
        if view.header is not None:
            hello = greeting(self.clock.now().hour, self.clock.day_start_hour, view.header.name)
            line = f"{line} · {hello}"
        self.query_one("#date-line", Static).update(line)
        self.query_one("#prompt", Static).update(view.header.prompt if view.header else "")

    def say_opening(self) -> None:
        """A key waits for the history, which is still being read: say so where the day's
        prompt is (the prompt comes back once the history is in and Today is refreshed)."""
        self.query_one("#prompt", Static).update(OPENING)

    _seen: tuple[object, ...] | None = None  # (revision, ready, day, evening, settings) shown
    _shown: TodayView | None = None

    def on_journal_changed(self, _message: JournalChanged) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        """Called as Today opens, after any screen closes and at a new day. The view is
        worked out again only when the store was written, the history came in, the day
        turned, the evening began (the streak note and the greeting) or the settings
        changed since it last was (closing Help changes nothing)."""
        evening = is_evening(self.clock.now().hour, self.clock.day_start_hour)
        ready = self.store.ready
        seen = (self.store.revision, ready, self.clock.today(), evening,
                self.store.settings if ready else None)
        if seen == self._seen and self._shown is not None:
            self._show_header(self._shown)  # the greeting follows the hour
            return
        self._seen = seen
        view = self._shown = self._view()
        self._show_header(view)
        for panel in self.query(TodayPanel):
            panel.show(view)
        self._put_first()
        # A longer plan in a list already at its folded height resizes nothing: fit anyway.
        self.call_after_refresh(self._fit_plan)
        self.call_after_refresh(self._fit_side)
