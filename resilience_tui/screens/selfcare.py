"""The self-care check-in: what you did, for how long, and how it left you.

Fast path: the activity has focus, ``tab`` goes to minutes, ``ctrl+s`` saves
and returns to Today. Everything below minutes is optional. Choosing someone
from the support network notes that you were in touch with them today.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Select, Static, TextArea

from ..domain.dates import describe_day, stored_day
from ..domain.models import SELFCARE_ACTIVITIES, SelfCare
from ..domain.selfcare import selfcare_day, sorted_contacts
from ..journal.answers import after_selfcare
from ..journal.selfcare import log_selfcare
from ..widgets.limited_input import LimitedInput
from ..widgets.scale import ENERGY_WORDS, OPTIMISM_WORDS, ScalePicker
from .form import FormScreen, form_error, form_row

LABEL_WIDTH = 18


class SelfCareScreen(FormScreen):
    """Log one self-care activity; dismisses with the saved :class:`SelfCare`."""

    AUTO_FOCUS = "#activity"

    DEFAULT_CSS = f"""
    SelfCareScreen #selfcare {{ padding: 0 2; border: round $primary 50%; }}
    SelfCareScreen .form-row {{ margin: 0; }}  /* no gap below: this form fits in 24 lines */
    SelfCareScreen .form-row.gap, SelfCareScreen .gap {{ margin-top: 1; }}
    SelfCareScreen .field-label {{ width: {LABEL_WIDTH}; }}
    SelfCareScreen #activity {{ width: 1fr; max-width: 40; }}
    SelfCareScreen #minutes {{ width: 10; }}
    SelfCareScreen Select {{ width: 1fr; max-width: 40; }}
    SelfCareScreen TextArea {{ width: 1fr; height: 3; }}
    SelfCareScreen .hint {{ padding-left: {LABEL_WIDTH}; }}
    SelfCareScreen #so-far {{ color: $text-muted; margin-bottom: 1; }}
    """

    def __init__(self, activity: str = "", rejection_id: str | None = None, *,
                 entry_id: str | None = None) -> None:
        """``activity`` pre-fills the field (e.g. a cool-down's way to process a rejection);
        ``entry_id`` opens a saved entry to correct it (History's ``e``)."""
        super().__init__()
        self.initial_activity = activity
        self.rejection_id = rejection_id
        self.entry_id = entry_id
        self._gone_contact: str | None = None

    def compose(self) -> ComposeResult:
        contacts = sorted_contacts(self.store.contacts.all())
        found = self.store.selfcare.get(self.entry_id) if self.entry_id else None
        e = found or SelfCare(activity=self.initial_activity)
        known = {c.id for c in contacts}
        # Someone since removed from the network: the entry keeps their name.
        self._gone_contact = e.contact_id if e.contact_id not in known else None
        with VerticalScroll(id="selfcare") as box:
            if found is not None:
                day = stored_day(found.day) or self.clock.today()
                box.border_title = (f"Edit self-care · "
                                    f"{describe_day(day, self.clock.today())}")
            else:
                box.border_title = "Self-care check-in"
                yield Static(self._so_far(), id="so-far", markup=False)
            yield form_error()
            yield form_row("What did you do?", LimitedInput(
                e.activity, id="activity", compact=True, max_length=60,
                placeholder="walk, gym, a call with a friend…",
                suggester=SuggestFromList(SELFCARE_ACTIVITIES, case_sensitive=False)))
            yield Static("Your own words are fine; → takes a suggestion.", classes="hint")
            yield form_row("Minutes", Input(str(e.minutes) if e.minutes else "", id="minutes",
                                            compact=True, placeholder="e.g. 30"))
            yield form_row("Energy before", ScalePicker(ENERGY_WORDS, e.energy_before,
                                                        id="energy-before"), classes="gap")
            yield form_row("Energy after", ScalePicker(ENERGY_WORDS, e.energy_after,
                                                       id="energy-after"))
            yield form_row("Optimism now", ScalePicker(OPTIMISM_WORDS, e.optimism,
                                                       id="optimism"))
            if contacts:
                chosen = e.contact_id if e.contact_id in known else Select.NULL
                yield form_row("With someone?", Select(
                    [(Text(f"{c.name} ({c.kind})"), c.id) for c in contacts], id="contact",
                    prompt="no one in particular", compact=True, value=chosen),
                    classes="gap")
            else:
                yield form_row("With someone?", Static(
                    "Add people on the support network (n on Today).", classes="muted"),
                    classes="gap")
            yield form_row("Note", TextArea(e.note, id="note", compact=True,
                                            tab_behavior="focus"), classes="gap")
            yield Static("ctrl+s saves · escape goes back · only the first two are needed",
                         classes="muted gap")
        yield Footer()

    def _so_far(self) -> str:
        today = selfcare_day(self.store.selfcare.all(), self.store.checkins.all(),
                             self.clock.today_str())
        done = ", ".join(f"{e.activity} {e.minutes} min" for e in today.entries)
        planned = f"You planned: {today.intention}. " if today.intention else ""
        return f"{planned}Today so far: {done or 'nothing yet'}."

    def save(self) -> SelfCare:
        contact_id = self._gone_contact
        for select in self.query("#contact").results(Select):
            if select.value is not Select.NULL:
                contact_id = str(select.value)
        entry = log_selfcare(
            self.store, self.clock,
            activity=self.query_one("#activity", Input).value,
            minutes=self.query_one("#minutes", Input).value,
            energy_before=self.query_one("#energy-before", ScalePicker).value,
            energy_after=self.query_one("#energy-after", ScalePicker).value,
            optimism=self.query_one("#optimism", ScalePicker).value,
            note=self.query_one("#note", TextArea).text,
            contact_id=contact_id,
            rejection_id=self.rejection_id,
            entry_id=self.entry_id,
        )
        verb = "Saved" if self.entry_id else "Logged"
        self.notify_saved(f"{verb}: {entry.activity}, {entry.minutes} min.", timeout=3,
                          markup=False)
        self.answer(after_selfcare(self.store, self.clock, entry, new=not self.entry_id))
        return entry
