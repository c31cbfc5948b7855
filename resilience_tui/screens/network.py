"""The support network: the people and communities in your corner, and when you last spoke.

A table of contacts (those due a hello say so in words), the chosen one's
name, kind, way to reach them and notes in full below it; the columns share the
window's width, and a cell too long for its column ends in "…" (the line below
has it whole, enter opens the contact); ``a`` adds, ``e``/enter edits, ``t`` notes a hello today,
``d`` removes after asking. Self-care entries keep the name of a removed
contact, so history is never rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import DataTable, Footer, Static

from ..domain.models import Contact
from ..domain.selfcare import days_since_words, sorted_contacts
from ..domain.suggestions import is_overdue, overdue_contacts
from ..journal.contacts import remove_contact, say_hello
from ..widgets.columns import fit_widths
from ..widgets.confirm import ConfirmDialog
from .base import AppScreen
from .contact_form import ContactFormScreen

# Each column: header, key, and the narrowest it may get (None: never cut). Names and
# ways to reach someone can be long; the kind and the day are short words kept whole.
COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("Name", "name", 8), ("Kind", "kind", None), ("How to reach", "reach", 8),
    ("Last contact", "last", None), ("", "due", None),
)
FRAME = 4  # the box's border and padding around the table, left and right

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
            yield DataTable(id="contacts", cursor_type="row", zebra_stripes=True)
            yield Static(id="detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_table()

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower window shares its width out again."""
        self.refresh_table()

    # Showing ---------------------------------------------------------------
    def refresh_table(self, select_id: str | None = None) -> None:
        """Re-read the contacts; keep the cursor on ``select_id`` or where it was."""
        table: DataTable[Text] = self.query_one("#contacts", DataTable)
        keep = select_id or self.current_id()
        today = self.clock.today()
        contacts = sorted_contacts(self.store.contacts.all())
        due = {c.id for c in overdue_contacts(contacts, today, self.store.settings.nudge_days)}
        cells = [(Text(c.name), Text(c.kind), Text(c.reach),
                  Text(days_since_words(c.last_contacted, today)),
                  Text("a while" if c.id in due else "")) for c in contacts]
        table.clear(columns=True)
        for (title, key, _), width in zip(COLUMNS, self._widths(table, cells), strict=True):
            table.add_column(title, width=width, key=key)
        for c, row in zip(contacts, cells, strict=True):
            for cell in row:
                cell.no_wrap, cell.overflow = True, "ellipsis"
            table.add_row(*row, key=c.id)
        self.query_one("#empty").display = not contacts
        table.display = bool(contacts)
        ids = [c.id for c in contacts]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        if contacts:
            table.focus()
        self._show_detail()

    def _widths(self, table: DataTable[Text], cells: Sequence[tuple[Text, ...]]) -> list[int]:
        """Each column's width: its longest cell or header, cut to share the window."""
        natural = [max([len(title), *(row[i].cell_len for row in cells)])
                   for i, (title, _, _) in enumerate(COLUMNS)]
        outer = table.size.width or self.app.size.width - FRAME  # before the first layout
        # Room for the scrollbar a long list brings, and each column's padding.
        available = (outer - table.styles.scrollbar_size_vertical
                     - 2 * table.cell_padding * len(COLUMNS))
        return fit_widths(natural, [low for _, _, low in COLUMNS], available)

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
