"""ResilienceApp: the screens, the keys, the command palette and the theme."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import time
import traceback
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from .clock import Clock
from .domain.answers import Answers
from .domain.streaks import is_evening
from .journal.settings import remember_theme
from .journal.summary import keep_summary
from .journal.today import TodayView
from .palette import JournalCommands
from .places import FACTORIES, PLACES, cooldown_screen, welcome_screen
from .screens.base import JournalChanged, notify_saved
from .screens.today.cooldowns_panel import CooldownPanel
from .screens.today.screen import TodayScreen
from .screens.type_ahead import Held, TypeAhead
from .storage.store import Store

if TYPE_CHECKING:
    from .journal.deletions import Deletion
    from .screens.history.entry_actions import EntryDeleted

SUMMARY_DELAY = 0.5  # seconds of quiet after a change before the summary is refiled
FIRST_FRAME_WAIT = 0.3  # read the history by then, even if the first frame is slow to come
WRITE_BY = 0.25  # seconds: a change is handed to the writer by then, painted or not


class HistoryIn(Message):
    """From the thread reading the journal: the history is in memory, or ``error`` says
    why it could not be read."""

    def __init__(self, error: BaseException | None) -> None:
        super().__init__()
        self.error = error


class StoreSettled(Message):
    """From the journal's writer thread: a write ended; settle it here, on the app's thread
    (its "not saved yet" or its "saved" notices)."""

    def __init__(self, settle: Callable[[], None]) -> None:
        super().__init__()
        self.settle = settle


class ResilienceApp(App[None]):
    """The full-screen app; build it with a Store and a Clock (tests inject both)."""

    TITLE = "resilience"
    COMMANDS = App.COMMANDS | {JournalCommands}
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding(PLACES["help"].binding_key, "open('help')", PLACES["help"].label,
                key_display=PLACES["help"].key),
        Binding("alt+e", "edit_in_editor", "Editor", show=False, priority=True),
    ]

    def __init__(self, store: Store, clock: Clock, *, cursor_blink: bool = True,
                 theme: str | None = None, notice: str | None = None, welcome: bool = False,
                 rng: random.Random | None = None, first: TodayView | None = None,
                 after_first_frame: Callable[[], None] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Open on the welcome page: the command line asks for it on a fresh journal only
        # (journal.settings.welcome_due); tests and everything else open on Today.
        self._welcome = welcome
        self._notice = notice  # said once the app is up (e.g. what a sync at start brought)
        self._first = first  # Today's first frame, from the summary: the history loads after
        # Called once that frame is out, just before the history is read (the command line
        # pauses the garbage collector until then: see cli.handlers.run_app).
        self._after_first_frame = after_first_frame
        self._reading = False  # the history is being read (or was): see _load_history
        self._run_theme = theme  # --theme: this run only, never saved
        self._theme_ready = False  # themes set while starting are not the user's pick
        self.store = store
        self.clock = clock
        self.cursor_blink = cursor_blink  # False keeps cursors still (snapshot tests)
        # The app's answers to moments that matter; tests pass a seeded ``rng``.
        self.answers = Answers(rng)
        self.day: date = clock.today()
        self.evening = is_evening(clock.now().hour, clock.day_start_hour)
        self._warned = False  # told the user about unsaved entries once already
        self.crash: str | None = None  # an unexpected error's traceback, for a file
        self._refresh_pending = False
        self._summary_timer: Timer | None = None
        self._write_start: Callable[[], None] | None = None  # starts the due write
        self._start_on_frame: Callable[[], None] | None = None  # that, at the next frame out
        self._undo: tuple[Deletion, float] | None = None  # the latest deletion, and when
        self._type_ahead = TypeAhead(self, self._route_input)
        store.on_problem = self._storage_problem
        store.subscribe(self._journal_changed)

    def on_mount(self) -> None:
        # --theme, else a theme the user picked, else TEXTUAL_THEME (Textual's default).
        self._apply_theme(self._run_theme or self.store.settings.theme)
        self._theme_ready = True
        if self._notice:
            self.notify(self._notice, timeout=8, markup=False)
        self.push_screen(TodayScreen(self._first))
        if self._welcome:
            self.action_welcome()
        self.set_interval(20, self.notice_new_day)
        self._end_on_signals()
        if self.store.ready:
            self._history_in()
        else:  # once the first frame is out: nothing in it needs the history
            self.call_after_refresh(self._when_painted)
            self.set_timer(FIRST_FRAME_WAIT, self._load_history)
            # Keys wait for it, in order, and Today says so: a key routed now whose screen
            # reads the journal would stop the app until the read ends (a second or more).
            self._type_ahead.hold_until(self._say_opening)

    def _when_painted(self) -> None:
        """Read the history once Today's first frame is on screen, footer keys and all (the
        footer fills in a frame or two after the rest). Reading earlier would slow that
        frame: the file's parse holds the interpreter for tens of milliseconds."""
        if self._reading:  # the timer started it already
            return
        footer = self.screen.query(Footer)
        if footer and footer.first().children:
            self.call_after_refresh(self._load_history)
        else:
            self.call_after_refresh(self._when_painted)

    def _load_history(self) -> None:
        """Read the journal in a thread; until it is in, anything that needs it waits. The
        thread says when it is done with a message, so what follows runs on the app's own
        thread and in its context (a timer started from a bare loop callback crashed the
        app as it closed)."""
        def done(error: BaseException | None) -> None:
            self.post_message(HistoryIn(error))

        if self._reading:  # the first frame's call and the timer's: one read, one word
            return
        if self._after_first_frame is not None:
            self._after_first_frame()
            self._after_first_frame = None
        self._reading = True
        self.store.load_in_background(done)

    def on_history_in(self, message: HistoryIn) -> None:
        """Read in the background: Today works its view out from the history now (the
        same view its first frame had, so nothing moves)."""
        if message.error is not None:
            self.exit()  # the command line says what went wrong (exit 4 for a bad file)
            return
        self._history_in()
        self.refresh_today()

    def _say_opening(self) -> None:
        """A key came before the history: say why it waits (Today is the only screen then)."""
        if isinstance(self.screen, TodayScreen):
            self.screen.say_opening()

    def _history_in(self) -> None:
        """The whole journal is in memory, read before the app started or since."""
        self._type_ahead.go_on()  # the keys held while it was read, in order
        # Saves change memory and repaint at once; the file is written behind, off the keys'
        # path, once the change is on screen (see Store.write_in_background).
        self.store.write_in_background(self._write_after_paint, self._settle_soon)
        self._keep_summary_soon()  # the day's first open may find yesterday's
        if self.store.read_only:  # opened as it is; each save is refused with a note
            self.notify(f"{self.store.path} is read-only, so you can look through it but "
                        f"nothing new will be saved. To write again: chmod 600 "
                        f"{self.store.path}", title="Read-only journal", severity="warning",
                        timeout=30, markup=False)

    def _apply_theme(self, name: str) -> None:
        if name and name in self.available_themes:
            self.theme = name

    def watch_theme(self, name: str) -> None:
        """Remember a theme picked from the palette (not one set while starting)."""
        if self._theme_ready:
            remember_theme(self.store, self.clock, name)

    # Opening screens ----------------------------------------------------
    def action_open(self, name: str) -> None:
        """Open a screen by its name in PLACES (``c`` picks the cool-down itself)."""
        make = FACTORIES[name]
        if make is None:
            self.continue_cooldown()
            return
        self.push_screen(make(), callback=self._after_screen)

    def action_welcome(self) -> None:
        """The welcome page: on a fresh journal's first run, or again from help or the palette."""
        self.push_screen(welcome_screen(), callback=self._after_screen)

    def open_cooldown(self, rejection_id: str) -> None:
        self.push_screen(cooldown_screen(rejection_id), callback=self._after_screen)

    def on_cooldown_panel_chosen(self, message: CooldownPanel.Chosen) -> None:
        self.open_cooldown(message.rejection_id)

    def continue_cooldown(self) -> None:
        """Open the most urgent open cool-down, or say there is none."""
        from .domain.cooldown import open_statuses, urgent_status

        urgent = urgent_status(open_statuses(self.store.rejections.all(), self.clock.today(),
                                             self.store.settings.cooldown_days))
        if urgent is None:
            self.notify("No cool-down is open. Press r if a rejection came in.", timeout=4)
            return
        self.open_cooldown(urgent.rejection_id)

    def _after_screen(self, _result: object = None) -> None:
        if not self.notice_new_day():  # settings may have moved the day's start
            self.refresh_today()

    def _journal_changed(self) -> None:
        """The store announced a write: refresh Today once, after the current handler."""
        if not self._refresh_pending:
            self._refresh_pending = True
            self.call_later(self._refresh_after_change)

    def _refresh_after_change(self) -> None:
        self._refresh_pending = False
        self.refresh_today()

    def refresh_today(self) -> None:
        """Tell Today, and every screen in the stack that shows the journal, that it may
        have changed."""
        for screen in self.screen_stack:
            if isinstance(screen, TodayScreen) or hasattr(screen, "on_journal_changed"):
                screen.post_message(JournalChanged())
        if self._write_start is not None:  # queued behind the refresh just asked for
            start, self._write_start = self._write_start, None
            if self.screen_stack:
                # Once the screen has taken the change in, the next frame shows it; should
                # nothing on screen change, the screen's next idle moment starts it.
                self.screen.call_later(setattr, self, "_start_on_frame", start)
                self.screen.call_after_refresh(start)
            else:  # the app is closing (a signal, say): nothing is left to paint
                start()
        self._keep_summary_soon()

    def _keep_summary_soon(self) -> None:
        """Refile the summary ``status`` reads once the app is idle again: a burst of
        changes costs one summary, and never the keystroke that saved."""
        if self._summary_timer is not None:
            self._summary_timer.stop()
        self._summary_timer = self.set_timer(SUMMARY_DELAY, self._keep_summary)

    def _keep_summary(self) -> None:
        self._summary_timer = None
        if not self.store.ready:  # the history is not in yet: it files one once it is
            return
        if self.store.pending:  # the file is about to change: file it for that one
            self._keep_summary_soon()
            return
        keep_summary(self.store)

    # Writing behind -------------------------------------------------------
    def _write_after_paint(self, start: Callable[[], None]) -> None:
        """The store has a change to write: start the writer once the screen shows it.

        The next ``refresh_today`` (a closing form's, or the one the change asked for)
        tells the screens of the change and then asks for ``start`` after the current
        screen's next refresh, which comes after that repaint. A screen that closes
        before painting takes its callbacks with it, so a timer starts the write anyway
        (a second start finds nothing due: no second write)."""
        self._write_start = start
        self._start_on_frame = None  # an earlier write's, if it started otherwise: not this one
        self.set_timer(WRITE_BY, start)

    def post_display_hook(self) -> None:
        """A frame is out: start the write that waited for the change to show. Waiting for
        the screen's next refresh instead cost 8-10 ms at thirty years (another layout pass
        came first), between the key and the entry being on disk."""
        start, self._start_on_frame = self._start_on_frame, None
        if start is not None:
            start()

    def _settle_soon(self, settle: Callable[[], None]) -> None:
        """Called on the writer's thread: settle on ours (posting a message is thread-safe)."""
        self.post_message(StoreSettled(settle))

    def on_store_settled(self, message: StoreSettled) -> None:
        message.settle()

    def on_unmount(self) -> None:
        """However the app ends, what memory holds reaches the file before the journal is
        let go (and the command line, after the app, writes directly again)."""
        self._end_on_signals(False)
        self._save_now()

    def _end_on_signals(self, on: bool = True) -> None:
        """The terminal window closed (SIGHUP), or the session is ending (SIGTERM): write
        what is due first. Saves are written a moment after the screen shows them;
        Python's own end on these signals skipped that, and an entry saved just before
        closing the window was lost."""
        loop = asyncio.get_running_loop()
        for number, act in ((signal.SIGHUP, self._hung_up), (signal.SIGTERM, self._told_to_end)):
            try:
                if on:
                    loop.add_signal_handler(number, act)
                else:
                    loop.remove_signal_handler(number)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # no signals here (another thread, another system): as before

    def _save_now(self) -> None:
        if self.store.ready:  # else nothing was read, so nothing can have changed
            self.store.write_in_foreground()

    def _told_to_end(self) -> None:
        """SIGTERM (a logout, a shutdown): the entries reach the file, then the app ends
        as ``q`` does, the terminal put back as it was."""
        self._save_now()
        self.exit()

    def _hung_up(self) -> None:
        """SIGHUP: the window is gone. The entries reach the file, the journal is let go,
        and the process ends there: Textual's own ending writes to the terminal, and with
        no terminal it could wait for ever (seen in tmux: its output queue never drained),
        holding the journal's lock, so the next start would say it is open elsewhere."""
        self._save_now()
        self.store.close()
        os._exit(0)

    # Deleting, with a way back --------------------------------------------
    def on_entry_deleted(self, message: EntryDeleted) -> None:
        self._undo = (message.deletion, time.monotonic())

    def action_undo_delete(self) -> None:
        """Bring back what was deleted last, for a little while after."""
        from .journal.deletions import undo_delete
        from .screens.history.entry_actions import UNDO_SECONDS

        undo, self._undo = self._undo, None
        if undo is None or time.monotonic() - undo[1] > UNDO_SECONDS:
            self.notify("Nothing to undo just now.", timeout=3)
            return
        undo_delete(self.store, undo[0])
        notify_saved(self, f"Brought back the {undo[0].label}.", timeout=4, markup=False)

    # Time and storage ---------------------------------------------------
    def notice_new_day(self) -> bool:
        """An app left open past the day boundary shows the new day. True if it turned."""
        today = self.clock.today()
        evening = is_evening(self.clock.now().hour, self.clock.day_start_hour)
        if today == self.day and evening == self.evening:
            return False
        turned = today != self.day
        self.day, self.evening = today, evening
        self.refresh_today()  # a new day, or the evening's streak note
        return turned

    def _storage_problem(self, message: str) -> None:
        self.notify(message, title="Not saved yet", severity="error", timeout=12, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error ends the app (Textual's way); keep its traceback for the
        command line to write to a file, instead of Textual printing it on the terminal."""
        if self.crash is None:
            self.crash = "".join(traceback.format_exception(error))
        shown = len(self._exit_renderables)
        super()._handle_exception(error)
        del self._exit_renderables[shown:]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Of Textual's own commands only the two a person needs, in our words (the
        developer ones, screenshots, maximize, key panels, stay out)."""
        yield SystemCommand("Theme", "Choose the app's colours", self.action_change_theme)
        yield SystemCommand("Quit", "Close the app (your entries are already saved)",
                            self.action_quit)

    def action_edit_in_editor(self) -> None:
        """Hand the focused long-text field to $VISUAL/$EDITOR, and take the text back."""
        from textual.widgets import TextArea

        from .widgets.external_editor import edit_text

        field = self.screen.focused
        if not isinstance(field, TextArea) or field.read_only:
            self.notify("alt+e opens a longer text field (a journal, a note) in your editor. "
                        "Move to one first.", timeout=6)
            return
        try:
            with self.suspend():
                edited = edit_text(field.text, self.store.path.parent)
        except SuspendNotSupported:
            self.notify("Your editor can't open from here (this terminal can't hand over).",
                        severity="warning", timeout=6)
            return
        self.refresh()
        if edited.text is None:
            self.notify(edited.problem, severity="warning", timeout=8, markup=False)
            return
        field.text = edited.text
        field.move_cursor(field.document.end)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.cursor_blink:
            return
        # Imported here, and only for still cursors: Today takes focus as it opens, and
        # its first frame needs neither widget.
        from textual.widgets import Input, TextArea

        if isinstance(event.widget, Input | TextArea):
            event.widget.cursor_blink = False

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes from the terminal go through the type-ahead queue: one at a
        time, each once the app has finished with the one before (see screens.type_ahead);
        so do mouse presses while keys wait there."""
        queued = self._for_the_queue(event)
        if queued is not None:
            await self._type_ahead.receive(queued)
        else:
            await super().on_event(event)

    def _for_the_queue(self, event: events.Event) -> Held | None:
        if event.is_forwarded:
            return None
        if (isinstance(event, events.Key) and event.key in QUIT_KEYS
                and self._type_ahead.first_in_line):
            return None  # quitting never waits for the read, unless keys typed before it do
        if isinstance(event, events.Key | events.Paste):
            return event
        if isinstance(event, events.MouseDown | events.MouseUp) and self._type_ahead.keeping:
            return event
        return None

    async def _route_input(self, event: Held) -> None:
        """Hand a key, paste or mouse press on as Textual does (a key: bindings first, then
        the focused widget; a press: the widget under it)."""
        await super().on_event(event)

    async def action_quit(self) -> None:
        """Quit; never silently drop what a form holds or what could not be saved."""
        from .screens.form import FormScreen

        if isinstance(self.screen, FormScreen):
            self.screen.confirm_leave(self._quit_checked)
            return
        self._quit_checked()

    def _quit_checked(self) -> None:
        # retry() first waits for a write under way (or due): a moment, at most a save's.
        if self.store.unsaved and not self.store.retry() and not self._warned:
            aside = self.store.rescue()
            where = f"a copy is in {aside}" if aside else "they could not be copied anywhere"
            self.notify(f"Your latest entries are not in the file; {where}. "
                        "Press q again to quit.", severity="error", timeout=20, markup=False)
            self._warned = True
            return
        self.exit()


QUIT_KEYS = frozenset({"q", "ctrl+q", "ctrl+c"})  # Today's q, and Textual's own
