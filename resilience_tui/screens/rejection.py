"""Log a rejection: the few facts, then a gentle cool-down starts that day.

Fast path: the company field has focus; type it, ``tab``, type the role,
``ctrl+s``. Everything else keeps its default (stage applied, received
today, mattered 3 of 5).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Label, Select, Static, TextArea

from ..domain.cooldown import reflect_opens_on
from ..domain.dates import FutureDay, describe_day, parse_day
from ..domain.models import STAGES, Rejection
from ..domain.validate import ValidationError
from ..journal.rejections import edit_rejection, log_rejection
from ..widgets.limited_input import LimitedInput
from ..widgets.scale import MATTERED_WORDS, ScalePicker
from .form import FormScreen, form_error, form_row

STAGE_LABELS = {
    "applied": "after applying",
    "screen": "after a screening call",
    "interview": "after an interview",
    "final": "after the final round",
    "offer": "at the offer stage",
}

class LogRejectionScreen(FormScreen):
    """Company, role, stage, when it arrived, how much it mattered, who sent it."""

    FIELD_WIDGETS = {"company": "company", "role": "role", "date received": "received",
                     "contact name": "contact-name", "contact email": "contact-email",
                     "message": "message"}

    DEFAULT_CSS = """
    LogRejectionScreen #log { padding: 0 2; }
    LogRejectionScreen #log-title { text-style: bold; }
    LogRejectionScreen .intro { color: $text-muted; margin-bottom: 1; }
    LogRejectionScreen .field-label { width: 22; }
    LogRejectionScreen Input { width: 1fr; max-width: 50; }
    LogRejectionScreen Select { width: 1fr; max-width: 50; }
    LogRejectionScreen #received { max-width: 24; }
    LogRejectionScreen #email-label { width: auto; padding: 0 1 0 2; color: $text-muted; }
    LogRejectionScreen #received-note { width: 1fr; padding-left: 2; color: $text-muted; }
    LogRejectionScreen #received-note.error { color: $text-error; }
    LogRejectionScreen TextArea { height: 4; }
    LogRejectionScreen Label.field-label.wide { width: 1fr; }
    LogRejectionScreen .hint { margin-top: 1; }
    """

    def __init__(self, rejection_id: str | None = None) -> None:
        """A new rejection, or (``rejection_id``) one to correct, as History's ``e`` does."""
        super().__init__()
        self.rejection_id = rejection_id

    def compose(self) -> ComposeResult:
        found = self.store.rejections.get(self.rejection_id) if self.rejection_id else None
        r = found or Rejection()
        with VerticalScroll(id="log", can_focus=False):
            if found is None:
                yield Static("Log a rejection", id="log-title")
                yield Static("Sorry this one didn't work out. Note the facts; "
                             "the cool-down will take it from there.", classes="intro")
            else:
                yield Static("Correct a rejection", id="log-title")
                yield Static("Its cool-down stays as it is.", classes="intro")
            yield form_error()
            yield form_row("Company", LimitedInput(r.company, id="company", max_length=120,
                                            compact=True, placeholder="e.g. Acme Corp"))
            yield form_row("Role", LimitedInput(r.role, id="role", max_length=120, compact=True,
                                         placeholder="e.g. QA Lead"))
            yield form_row("How far it got", Select(
                [(label, stage) for stage, label in STAGE_LABELS.items() if stage in STAGES],
                value=r.stage if r.stage in STAGES else "applied", allow_blank=False,
                compact=True, id="stage"))
            yield form_row("Date received",
                           LimitedInput(r.received_on, id="received", compact=True, max_length=40,
                                 placeholder="e.g. yesterday"),
                           Static("→ today", id="received-note"))
            yield form_row("How much it mattered",
                           ScalePicker(MATTERED_WORDS, r.mattered, id="mattered"))
            yield form_row("Who sent it", LimitedInput(r.contact_name, id="contact-name",
                                                max_length=120, compact=True,
                                                placeholder="name (optional)"),
                           Label("email", id="email-label"),
                           LimitedInput(r.contact_email, id="contact-email", max_length=254,
                                 compact=True, placeholder="optional"))
            yield Label("The message, if you want to keep it (optional)",
                        classes="field-label wide")
            yield TextArea(r.message, id="message", compact=True, placeholder="paste it here")
            yield Static("ctrl+s saves · escape goes back" if found
                         else "ctrl+s logs it · escape goes back", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#company", Input).focus()

    @on(Input.Changed, "#received")
    def _preview_day(self, event: Input.Changed) -> None:
        """Say which day the words mean, as they are typed."""
        note = self.query_one("#received-note", Static)
        today = self.clock.today()
        try:
            day = parse_day(event.value, today)
        except FutureDay:
            note.update("→ still to come")
            note.add_class("error")
            return
        except ValidationError:
            note.update("→ not a day we can read" if event.value.strip() else "→ today")
            note.add_class("error")
            return
        note.remove_class("error")
        words = describe_day(day, today)
        note.update(f"→ {words}" if words in ("today", "yesterday")
                    else f"→ {words} · {day.isoformat()}")

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def save(self) -> Rejection:
        today = self.clock.today()
        if self.rejection_id:
            return self._save_edit()
        stage = self.query_one("#stage", Select).value
        rejection = log_rejection(
            self.store, self.clock,
            company=self._value("company"),
            role=self._value("role"),
            received=self._value("received"),
            stage=str(stage) if stage is not Select.NULL else "applied",
            mattered=self.query_one("#mattered", ScalePicker).value or 3,
            contact_name=self._value("contact-name"),
            contact_email=self._value("contact-email"),
            message=self.query_one("#message", TextArea).text,
        )
        opens = reflect_opens_on(rejection, self.store.settings.cooldown_days)
        when = describe_day(opens, today)
        self.notify_saved(f"Logged. Press c when you're ready to say how it feels; "
                    f"reflecting opens {when}.", timeout=6)
        return rejection

    def _save_edit(self) -> Rejection:
        assert self.rejection_id is not None
        stage = self.query_one("#stage", Select).value
        rejection = edit_rejection(
            self.store, self.clock, self.rejection_id,
            company=self._value("company"), role=self._value("role"),
            received=self._value("received"),
            stage=str(stage) if stage is not Select.NULL else "applied",
            mattered=self.query_one("#mattered", ScalePicker).value or 3,
            contact_name=self._value("contact-name"),
            contact_email=self._value("contact-email"),
            message=self.query_one("#message", TextArea).text)
        self.notify_saved("Saved.", timeout=3)
        return rejection
