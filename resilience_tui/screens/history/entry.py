"""One entry in full: a check-in with its plan, a self-care entry, or a rejection
with its whole cool-down, worth rereading. ``e`` edits, ``d`` deletes, ``r``
reopens a closed cool-down, ``f`` opens the feedback request (even when closed)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from ...domain.cooldown import is_done
from ...domain.history_pages import Section, checkin_page, rejection_page, selfcare_page
from ..base import AppScreen
from .entry_actions import EntryActions


class EntryScreen(EntryActions, AppScreen[None]):
    """An entry's page."""

    DEFAULT_CSS = """
    EntryScreen #page { padding: 0 2; }
    EntryScreen .page-heading { text-style: bold; color: $text-primary; margin-top: 1; }
    EntryScreen .page-text { padding-left: 2; }
    """

    BINDINGS = [
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("r", "reopen", "Reopen"),
        Binding("f", "feedback", "Feedback"),
        Binding("u", "app.undo_delete", "Undo", show=False),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, table: str, record_id: str) -> None:
        super().__init__()
        self.table = table
        self.record_id = record_id
        self._seen = -1

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="page")
        yield Footer()

    async def on_mount(self) -> None:
        await self.fill()

    def sections(self) -> list[Section] | None:
        store = self.store
        if self.table == "checkins":
            c = store.checkins.get_shared(self.record_id)
            return checkin_page(c) if c else None
        if self.table == "selfcare":
            s = store.selfcare.get_shared(self.record_id)
            return selfcare_page(s) if s else None
        if self.table == "rejections":
            r = store.rejections.get_shared(self.record_id)
            return rejection_page(r, store.actions.all()) if r else None
        if self.table == "rest_days":
            return [("Rest day", "A day off from the routine. It bridges a check-in streak.")]
        return None

    async def fill(self) -> None:
        self._seen = self.store.revision
        found = self.sections()
        page = self.query_one("#page", VerticalScroll)
        await page.remove_children()
        if found is None:
            self.dismiss(None)
            return
        widgets = []
        for title, text in found:
            widgets.append(Static(title, classes="page-heading", markup=False))
            widgets.append(Static(text, classes="page-text", markup=False))
        await page.mount_all(widgets)
        page.scroll_home(animate=False)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reopen":
            r = self.store.rejections.get_shared(self.record_id) \
                if self.table == "rejections" else None
            return r is not None and is_done(r)
        if action == "feedback":
            return self.table == "rejections"
        return True

    def entry_changed(self) -> None:
        if self.store.revision != self._seen:
            self.run_worker(self.fill())

    def on_screen_resume(self) -> None:
        self.entry_changed()

    def action_edit(self) -> None:
        self.edit_entry(self.table, self.record_id)

    def action_delete(self) -> None:
        self.delete_entry(self.table, self.record_id)

    def action_reopen(self) -> None:
        self.reopen_cooldown(self.record_id)

    def action_feedback(self) -> None:
        # The cool-down screen keeps the feedback request to hand, closed or not.
        from ..cooldown.screen import CooldownScreen

        self.app.push_screen(CooldownScreen(self.record_id), lambda _: self.entry_changed())

    def action_back(self) -> None:
        self.dismiss(None)
