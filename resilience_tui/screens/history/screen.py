"""History: every day's entries, newest first, and every rejection, open or closed.

Years of rows are built once as plain text and drawn only where they are on
screen (:class:`~resilience_tui.widgets.row_list.RowList`). ``/`` searches
everything the user wrote; ``1``–``4`` choose what to show; ``enter`` opens an
entry in full; ``e`` edits it, ``d`` deletes it after asking, ``u`` undoes.
"""

from __future__ import annotations

from datetime import timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input, Static

from ...domain.history import Row, build_rows, row_text, search_rows, texts_by_id
from ...widgets.row_list import RowList
from ..base import AppScreen, JournalChanged
from .entry_actions import EntryActions

FIRST_SCREEN_DAYS = 62
FILTERS = {"all": "1 all", "checkins": "2 check-ins", "selfcare": "3 self-care",
           "rejections": "4 rejections"}
EMPTY = {"all": "Nothing written yet. What you enter each day will gather here.",
         "checkins": "No check-ins yet: m on Today starts one.",
         "selfcare": "No self-care logged yet: s on Today logs some.",
         "rejections": "No rejections logged. When one comes, r on Today notes it."}


def _is_heading(row: Row) -> bool:
    return not row.table


class HistoryScreen(EntryActions, AppScreen[None]):
    """The journal, newest first."""

    AUTO_FOCUS = "#rows"

    DEFAULT_CSS = """
    HistoryScreen #history-head { height: 1; padding: 0 1; background: $boost; }
    HistoryScreen #search { display: none; margin: 0 1; }
    HistoryScreen #search.shown { display: block; }
    """

    BINDINGS = [
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("1", "show('all')", "All", show=False),
        Binding("2", "show('checkins')", "Check-ins", show=False),
        Binding("3", "show('selfcare')", "Self-care", show=False),
        Binding("4", "show('rejections')", "Rejections", show=False),
        Binding("u", "app.undo_delete", "Undo", show=False),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind = "all"
        self.rows: list[Row] = []  # every row of the current kind
        self.shown: list[Row] = []  # after the search
        self._texts: dict[str, str] | None = None  # built at the first search
        self._seen = -1  # the store revision the rows were built from

    def compose(self) -> ComposeResult:
        yield Static(id="history-head", markup=False)
        yield Input(id="search", compact=True, placeholder="search what you wrote")
        yield RowList(id="rows")
        yield Footer()

    def on_mount(self) -> None:
        self.rebuild(first_screen=True)

    # Building the rows -------------------------------------------------------------
    def rebuild(self, *, keep: bool = False, first_screen: bool = False) -> None:
        """Build the rows again from the store (light tuples; words come when drawn).

        ``first_screen``: the last two months only, enough to fill the screen at once;
        the whole history follows right after the first frame (years of it take a few
        tens of milliseconds more)."""
        store = self.store
        self._seen = store.revision
        self._texts = None
        since = ""
        if first_screen and self.kind != "rejections":
            since = (self.clock.today() - timedelta(days=FIRST_SCREEN_DAYS)).isoformat()
        self.rows = build_rows(store.checkins.all(), store.selfcare.all(),
                               store.rest_days.all(), store.rejections.all(), self.kind,
                               since=since)
        if since and not self.rows:  # quiet months: the whole history at once, no empty flash
            self.rebuild(keep=keep)
            return
        self._show(keep=keep)
        if since:
            self.call_after_refresh(self.rebuild, keep=True)

    def _show(self, *, keep: bool = False) -> None:
        words = self.query_one("#search", Input).value
        if words.strip():
            if self._texts is None:
                store = self.store
                self._texts = texts_by_id(store.checkins.all(), store.selfcare.all(),
                                          store.rejections.all())
            self.shown = search_rows(self.rows, self._texts, words)
        else:
            self.shown = self.rows
        rows = self.query_one(RowList)
        rows.empty = (f"Nothing you wrote holds “{words.strip()}”." if words.strip()
                      else EMPTY[self.kind])
        rows.set_rows(self.shown, row_text, _is_heading, keep=rows.cursor if keep else None)
        self._head()

    def _head(self) -> None:
        words = self.query_one("#search", Input).value.strip()
        kinds = "  ".join(f"[{label}]" if name == self.kind else label
                          for name, label in FILTERS.items())
        found = ""
        if words:
            entries = sum(not r.is_heading for r in self.shown)
            found = f" · {entries} found"
        self.query_one("#history-head", Static).update(f"History · {kinds}{found}")

    def on_journal_changed(self, _message: JournalChanged) -> None:
        if self.store.revision != self._seen:
            self.rebuild(keep=True)

    def on_screen_resume(self) -> None:
        if self.store.revision != self._seen:
            self.rebuild(keep=True)
        if self.focused is None or not self.focused.display:
            self.query_one(RowList).focus()

    def entry_changed(self) -> None:
        if self.store.revision != self._seen:
            self.rebuild(keep=True)

    # The entry under the cursor -----------------------------------------------------
    def current(self) -> Row | None:
        index = self.query_one(RowList).cursor
        if 0 <= index < len(self.shown) and not self.shown[index].is_heading:
            return self.shown[index]
        return None

    @on(RowList.Selected)
    def _open(self, event: RowList.Selected) -> None:
        row = self.shown[event.index]
        if row.is_heading:
            return
        from .entry import EntryScreen

        self.app.push_screen(EntryScreen(row.table, row.id), lambda _: self.entry_changed())

    def action_edit(self) -> None:
        row = self.current()
        if row is not None:
            self.edit_entry(row.table, row.id)

    def action_delete(self) -> None:
        row = self.current()
        if row is not None:
            self.delete_entry(row.table, row.id)

    # Filters and search ---------------------------------------------------------------
    def action_show(self, kind: str) -> None:
        if kind != self.kind:
            self.kind = kind
            self.rebuild()

    def action_search(self) -> None:
        field = self.query_one("#search", Input)
        field.add_class("shown")
        field.focus()

    @on(Input.Changed, "#search")
    def _searching(self) -> None:
        self._show()

    @on(Input.Submitted, "#search")
    def _searched(self) -> None:
        self.query_one(RowList).focus()

    def action_back(self) -> None:
        """Escape clears a search first; then it goes back."""
        field = self.query_one("#search", Input)
        if field.has_class("shown"):
            field.value = ""
            field.remove_class("shown")
            self._show()
            self.query_one(RowList).focus()
            return
        self.dismiss(None)
