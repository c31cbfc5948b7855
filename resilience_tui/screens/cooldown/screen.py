"""The guided cool-down for one rejection: acknowledge → reflect → move on.

The header names the rejection, the day of the cool-down and a step
indicator; below it sits the form of the step that is next (or, before its
day, a gentle note of when it opens). ``ctrl+s`` saves the step through the
domain and shows the next one; ``escape`` goes back and keeps whatever was
typed as a draft on the rejection, restored when the step is opened again.
The same happens when another screen opens on top, or the app quits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Checkbox, Footer, Input, Select, Static, TextArea

from ...domain import cooldown
from ...domain.cooldown import CooldownError
from ...domain.cooldown_phrases import cooldown_day_text, step_line, title_text
from ...domain.draft import fit_draft
from ...domain.models import Rejection, Settings
from ...domain.validate import ValidationError
from ...journal import cooldowns
from ...widgets.confirm import ConfirmDialog
from ...widgets.word_picker import WordPicker
from ..base import ANSWER_SECONDS
from ..form import FormScreen, form_error
from .acknowledge import AcknowledgeStep
from .move_on import DoneView, MoveOnStep
from .reflect import ReflectStep, ReflectWaiting
from .step import StepForm

AUTOSAVE_SECONDS = 2.0


class CooldownScreen(FormScreen):
    """One rejection's cool-down; opened from Today with ``c`` or from its panel."""

    DEFAULT_CSS = """
    CooldownScreen #cd-head { height: auto; padding: 0 1; background: $boost; }
    CooldownScreen #cd-title-row { height: 1; }
    CooldownScreen #cd-title { width: 1fr; text-style: bold; }
    CooldownScreen #cd-day { width: auto; color: $text-muted; }
    CooldownScreen #cd-steps { color: $text-muted; }
    CooldownScreen #form-error { padding: 0 1; }
    CooldownScreen #cd-body { height: 1fr; }
    """

    LEAVE = "keep"  # escape or ctrl+q keep a half-written step as a draft, without asking

    def __init__(self, rejection_id: str) -> None:
        super().__init__()
        self.rejection_id = rejection_id
        self.rejection: Rejection = Rejection()
        self.step: StepForm | None = None
        self._leaving = False
        self._pristine: dict[str, Any] | None = None
        self._autosave: Timer | None = None
        self._latest: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="cd-head"):
            with Horizontal(id="cd-title-row"):
                yield Static(id="cd-title", markup=False)  # company · role, as typed
                yield Static(id="cd-day", markup=False)
            yield Static(id="cd-steps", markup=False)
        yield form_error()
        yield VerticalScroll(id="cd-body", can_focus=False)
        yield Footer()

    @on(events.Mount)
    async def _open_step(self) -> None:
        found = self.store.rejections.get(self.rejection_id)
        if found is None:
            self.notify("That rejection isn't in your journal any more.", timeout=4)
            self._leaving = True
            self.dismiss(None)
            return
        self.rejection = found
        stored, _ = fit_draft(found.cooldown.draft)  # never trust a draft's shape blindly
        await self.show_step(stored.get("fields") if stored.get("step") == self._step_name()
                             else None, stored.get("feedback"))

    def focus_field(self, field: str) -> None:
        """The open step knows where each of its fields is."""
        if self.step is not None:
            self.step.focus_error(field)

    # The host interface the steps use ------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.store.settings

    def today(self) -> date:
        return self.clock.today()

    def remember(self, rejection: Rejection) -> None:
        """Show ``rejection`` (as the journal core saved it) from now on."""
        self.rejection = rejection

    def ask_ready_now(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.run_worker(self._ready_now())

        self.app.push_screen(ConfirmDialog(
            "Open reflecting today, before the usual time? That's fine if you feel steady. "
            "It will be noted that you chose to start early.",
            yes="I'm ready", no="Not yet"), answered)

    async def _ready_now(self) -> None:
        try:
            r = cooldowns.start_reflecting_early(self.store, self.clock, self.rejection)
        except CooldownError as exc:
            self.show_error(exc.message)
            return
        self.remember(r)
        await self.show_step()

    # Showing steps ---------------------------------------------------------------
    def _step_name(self) -> str:
        return cooldown.next_step(self.rejection) or "done"

    def _make_step(self, fields: dict[str, Any] | None) -> StepForm:
        step = self._step_name()
        if step == "acknowledge":
            return AcknowledgeStep(self, fields)
        if step == "reflect":
            if cooldown.is_open(self.rejection, self.today(), self.settings.cooldown_days):
                return ReflectStep(self, fields)
            return ReflectWaiting(self, fields)
        if step == "move_on":
            return MoveOnStep(self, fields)
        return DoneView(self, fields)

    async def show_step(self, fields: dict[str, Any] | None = None,
                        feedback: dict[str, Any] | None = None) -> None:
        """Refresh the header and put the next step's form in the body."""
        r = self.rejection
        today = self.today()
        days = self.settings.cooldown_days
        st = cooldown.status(r, today, days)
        self.query_one("#cd-title", Static).update(title_text(r))
        day = st.day if st else cooldown.day_number(r, today)
        self.query_one("#cd-day", Static).update(cooldown_day_text(day, days) if st else "done")
        self.query_one("#cd-steps", Static).update(step_line(st))
        fields = dict(fields or {})
        if feedback:
            fields.setdefault("feedback", feedback)
        body = self.query_one("#cd-body", VerticalScroll)
        self.step = None  # while the forms swap, nothing is read as a draft
        # The next step is built out of sight while the old one stays on screen, then the
        # two trade places in one frame: the body is never drawn empty, however busy the
        # machine is while the new form composes.
        old = list(body.children)
        step = self._make_step(fields)
        step.display = False
        await body.mount(step)
        with self.app.batch_update():
            for widget in old:
                widget.display = False
            step.display = True
        self.step = step
        await body.remove_children(old)
        self._latest = None
        body.scroll_home(animate=False)
        step.focus_first()
        # What an untouched fresh step looks like: leaving it so keeps no draft.
        self._pristine = None
        if not set(fields) - {"feedback"}:
            self._pristine = step.draft()
            self._pristine.pop("feedback", None)

    # Keys ------------------------------------------------------------------------
    def _save_now(self) -> None:
        """Save the open step (FormScreen calls this once typed keys have landed)."""
        step = self.step
        if step is None:
            return
        if isinstance(step, MoveOnStep) and not self._closing:
            self._ask_to_close(step)
            return
        carry = step.draft().get("feedback")
        try:
            message = step.save()
        except ValidationError as exc:
            self.show_error(exc.sentence)
            self.focus_field(exc.field)
            return
        except CooldownError as exc:
            self.show_error(exc.message)
            return
        self.show_error("")
        if message:  # plain text: it may name the company as typed; closing gets time to read
            self.notify_saved(message, markup=False,
                              timeout=ANSWER_SECONDS if isinstance(step, MoveOnStep) else 5)
        if self._closing:  # from the question's answer: this screen's queue may be held
            self.run_worker(self.show_step(None, carry))
        else:
            self.call_later(self.show_step, None, carry)

    _closing = False  # the user said yes to closing: the next save closes

    def _ask_to_close(self, step: MoveOnStep) -> None:
        """Moving on closes the cool-down: show what is kept and ask first. No (or
        escape) keeps the step open with everything as typed."""
        try:
            asked = step.closing_question()
        except ValidationError as exc:
            self.show_error(exc.sentence)
            step.focus_error(exc.field)
            return

        def answered(yes: bool | None) -> None:
            if yes:  # once the question has gone and this screen is current again
                self.app.call_later(self._close_now, step)

        self.app.push_screen(ConfirmDialog(asked, yes="Close it", no="Not yet"), answered)

    def _close_now(self, step: MoveOnStep) -> None:
        if self.step is not step:
            return
        self._closing = True
        try:
            self._save_now()
        finally:
            self._closing = False

    def action_cancel(self) -> None:
        self.keep_draft()
        self._leaving = True
        self.dismiss(None)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    @on(Select.Changed)
    @on(WordPicker.Toggled)
    def _soon_keep_draft(self) -> None:
        """Keep the draft a moment after typing stops, so even a crash loses little."""
        self._latest = self._collect()
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_SECONDS, self.keep_draft)

    def on_screen_suspend(self) -> None:
        self.keep_draft()

    def on_unmount(self) -> None:
        # The fields are gone by now (the app is closing): keep the last words read.
        if not self._leaving and self._latest is not None:
            self.keep_draft(self._latest)

    def _collect(self) -> dict[str, Any] | None:
        """The draft for what is on screen now ({} when untouched; None when unreadable)."""
        step = self.step
        if step is None:
            return None
        try:
            fields = step.draft()
        except NoMatches:
            return None
        feedback = fields.pop("feedback", None) or {}
        if fields == self._pristine and not feedback:
            return {}
        return {"step": step.STEP, "fields": fields, "feedback": feedback}

    def keep_draft(self, draft: dict[str, Any] | None = None) -> None:
        """Keep what is typed on the rejection, so leaving half-way loses nothing."""
        draft = self._collect() if draft is None else draft
        if draft is None or draft == (self.rejection.cooldown.draft or {}):
            return
        with self.kept_safe():
            self.remember(cooldowns.keep_draft(self.store, self.rejection, draft))
