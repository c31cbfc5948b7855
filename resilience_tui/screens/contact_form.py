"""Add or edit one person or community in the support network."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Select, Static, TextArea

from ..domain.models import CONTACT_KINDS, MAX_LINE, Contact
from ..journal.contacts import save_contact
from ..widgets.limited_input import LimitedInput
from .form import FormScreen, form_error, form_row

LABEL_WIDTH = 18


class ContactFormScreen(FormScreen):
    """A new contact (``contact_id`` None) or an existing one; dismisses with the saved Contact."""

    AUTO_FOCUS = "#name"

    DEFAULT_CSS = f"""
    ContactFormScreen #contact-form {{ padding: 0 2; border: round $primary 50%; }}
    ContactFormScreen .field-label {{ width: {LABEL_WIDTH}; }}
    ContactFormScreen Input {{ width: 1fr; max-width: 44; }}
    ContactFormScreen Select {{ width: 1fr; max-width: 44; }}
    ContactFormScreen TextArea {{ width: 1fr; height: 4; }}
    """

    def __init__(self, contact_id: str | None = None) -> None:
        super().__init__()
        self.contact_id = contact_id

    def _contact(self) -> Contact:
        found = self.store.contacts.get(self.contact_id) if self.contact_id else None
        return found or Contact(created_on=self.clock.today_str())

    def compose(self) -> ComposeResult:
        c = self._contact()
        with VerticalScroll(id="contact-form") as box:
            box.border_title = ("Edit a contact" if self.contact_id
                                else "Add someone to your network")
            yield form_error()
            yield form_row("Name", LimitedInput(c.name, id="name", compact=True, max_length=120,
                                                placeholder="a person, a group, a forum"))
            yield form_row("Kind", Select([(k, k) for k in CONTACT_KINDS], id="kind",
                                          compact=True, allow_blank=False,
                                          value=c.kind if c.kind in CONTACT_KINDS else "friend"))
            yield form_row("How to reach", LimitedInput(
                c.reach, id="reach", compact=True, max_length=MAX_LINE,
                placeholder="phone, email, where they meet"))
            yield form_row("Last contacted", Input(
                c.last_contacted or "", id="last", compact=True,
                placeholder="today, yesterday, 2026-03-01 or blank"))
            yield form_row("Notes", TextArea(c.notes, id="notes", compact=True,
                                             tab_behavior="focus"))
            yield Static("ctrl+s saves · escape goes back", classes="muted")
        yield Footer()

    def save(self) -> Contact:
        contact = save_contact(
            self.store, self.clock, self.contact_id,
            name=self.query_one("#name", Input).value,
            kind=str(self.query_one("#kind", Select).value),
            reach=self.query_one("#reach", Input).value,
            notes=self.query_one("#notes", TextArea).text,
            last_contacted=self.query_one("#last", Input).value,
        )
        self.notify_saved(f"Saved {contact.name}.", timeout=3, markup=False)
        return contact
