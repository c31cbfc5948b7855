"""The support network: the people and communities in your corner, and when you last spoke.

A table of contacts (those due a hello say so in words), the chosen one's
notes below it; ``a`` adds, ``e``/enter edits, ``t`` notes a hello today,
``d`` removes after asking. Self-care entries keep the name of a removed
contact, so history is never rewritten.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import DataTable, Footer, Static

from ..domain.models import Contact
from ..domain.selfcare import days_since_words, sorted_contacts
from ..domain.suggestions import is_overdue, overdue_contacts
from ..journal.contacts import remove_contact, say_hello
from ..widgets.confirm import ConfirmDialog
from .base import AppScreen
from .contact_form import ContactFormScreen

EMPTY = ("No one here yet. Press a to add a mentor, a friend, a fellow job seeker "
         "or a community you lean on.")


class NetworkScreen(AppScreen[None]):
    """List, add, edit and remove contacts."""

    DEFAULT_CSS = """
    NetworkScreen #network { border: round $primary 50%; padding: 0 1; }
    NetworkScreen DataTable { height: 1fr; }
    NetworkScreen #detail { height: auto; max-height: 6; color: $text-muted;
                            border-top: solid $primary 30%; }
    NetworkScreen #empty { color: $text-muted; padding: 1 0; }
    """

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("t", "hello", "Talked today"),
        Binding("d", "remove", "Remove"),
        Binding("escape", "back", "Back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="network") as box:
            box.border_title = "Support network"
            yield Static(EMPTY, id="empty")
            table: DataTable[str] = DataTable(id="contacts", cursor_type="row",
                                              zebra_stripes=True)
            table.add_column("Name", width=16, key="name")
            table.add_column("Kind", width=15, key="kind")
            table.add_column("How to reach", width=14, key="reach")
            table.add_column("Last contact", width=13, key="last")
            table.add_column("", width=7, key="due")
            yield table
            yield Static(id="detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_table()

    # Showing ---------------------------------------------------------------
    def refresh_table(self, select_id: str | None = None) -> None:
        """Re-read the contacts; keep the cursor on ``select_id`` or where it was."""
        table = self.query_one("#contacts", DataTable)
        keep = select_id or self.current_id()
        today = self.clock.today()
        contacts = sorted_contacts(self.store.contacts.all())
        due = {c.id for c in overdue_contacts(contacts, today, self.store.settings.nudge_days)}
        table.clear()
        for c in contacts:
            table.add_row(Text(c.name), c.kind, Text(c.reach),
                          days_since_words(c.last_contacted, today),
                          "a while" if c.id in due else "", key=c.id)
        self.query_one("#empty").display = not contacts
        table.display = bool(contacts)
        ids = [c.id for c in contacts]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        if contacts:
            table.focus()
        self._show_detail()

    def current(self) -> Contact | None:
        found = self.current_id()
        return self.store.contacts.get_shared(found) if found else None

    def current_id(self) -> str | None:
        table = self.query_one("#contacts", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        c = self.current()
        detail = self.query_one("#detail", Static)
        detail.display = c is not None
        if c is None:
            return
        lines = [f"{c.name} · {c.kind}" + (f" · {c.reach}" if c.reach else "")]
        if is_overdue(c, self.clock.today(), self.store.settings.nudge_days):
            lines.append("It has been a while: a short hello is enough.")
        lines.append(c.notes or "No notes.")
        detail.update("\n".join(lines))

    # Acting ----------------------------------------------------------------
    def action_add(self) -> None:
        self.app.push_screen(ContactFormScreen(), self._saved)

    @on(DataTable.RowSelected)
    def action_edit(self) -> None:
        found = self.current_id()
        if found:
            self.app.push_screen(ContactFormScreen(found), self._saved)

    def _saved(self, contact: Contact | None) -> None:
        self.refresh_table(contact.id if contact else None)

    def action_hello(self) -> None:
        found = self.current_id()
        if not found:
            return
        with self.kept_safe():
            contact = say_hello(self.store, self.clock, found)
            if contact is None:
                return
            self.notify_saved(f"Noted: you were in touch with {contact.name} today.", timeout=3,
                        markup=False)
        self.refresh_table(found)

    def action_remove(self) -> None:
        contact = self.current()
        if contact is None:
            return
        contact_id, name = contact.id, contact.name

        def answered(remove: bool | None) -> None:
            if remove:
                remove_contact(self.store, contact_id)
                self.notify_saved(f"Removed {name}. Past self-care entries still show the name.",
                            timeout=4, markup=False)
                self.refresh_table()

        self.app.push_screen(
            ConfirmDialog(f"Remove {escape(name)} from your network? Self-care entries that "
                          "mention them keep the name.", yes="Remove", no="Keep"),
            answered,
        )

    def action_back(self) -> None:
        self.dismiss(None)
