"""Step 2 of the cool-down: reflect, once a little time has passed.

Before its day, :class:`ReflectWaiting` says when reflecting opens, offers
"I'm ready now" (after a confirmation, recorded) and lets the user log the
thing they picked to process it. Once open, :class:`ReflectStep` asks for
reasons as data points, a thinking-trap check with a balanced thought, what
went well and what to do differently, and holds the feedback request.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Collapsible, Input, Static

from ...domain import cooldown
from ...domain.dates import describe_day, weekday_and_date
from ...domain.models import REASON_TAGS, THINKING_TRAPS
from ...domain.validate import ValidationError
from ...journal import cooldowns
from ...widgets.handoff import disable_moving_on
from ...widgets.reasons import TaggedNotes
from ..base import notify_saved
from .acknowledge import DEFAULT_MINUTES, minutes_row
from .feedback import FeedbackSection
from .looking_back import DAY_ONE_KEY, day_one_block
from .step import StepForm, area, heading, note

REASON_HINTS = {
    "skill gap": "which skill? e.g. SQL",
    "experience level": "more, less, or different experience?",
    "culture/team fit": "what made it feel like a mismatch?",
    "interview performance": "a moment you'd replay differently",
    "competition or internal candidate": "anything you heard about who got it",
    "timing or budget": "a freeze, a reorganisation, a pause…",
    "unknown": "fine to leave it here",
}

TRAP_EXPLANATIONS = {
    "all-or-nothing": "It wasn't perfect, so it was a failure.",
    "mind reading": "Deciding what they thought of you, unsaid.",
    "labelling yourself": "One outcome becomes a word for who you are.",
    "fortune telling": "A guess about the future, treated as fact.",
    "catastrophising": "Jumping straight to the worst ending.",
    "overgeneralising": "One no turns into \"this always happens\".",
}


def feelings_summary(feelings: list[Any]) -> str:
    return " · ".join(f"{f.name} {f.before}" for f in feelings) or "nothing named"


def rest_words(picked: str, done: bool) -> str:
    """What to do meanwhile: the thing picked on day 1, only if one was."""
    if not picked:
        return "Rest, do something kind for yourself, and let it settle."
    if done:
        return "You've done what you picked; rest now and let it settle."
    return "Rest, do the thing you picked, and let it settle."


class ReflectWaiting(StepForm):
    """Reflecting is not open yet: when it opens, "I'm ready now", and the self-care to log."""

    STEP = "reflect"

    DEFAULT_CSS = """
    ReflectWaiting #ready-now { margin-top: 1; }
    ReflectWaiting .minutes-row { height: 1; margin-top: 1; }
    ReflectWaiting .minutes-row Button { margin-right: 2; }
    ReflectWaiting .minutes-label { width: auto; margin-right: 1; }
    ReflectWaiting #process-minutes { width: 6; }
    """

    def compose(self) -> ComposeResult:
        r = self.host.rejection
        today = self.host.today()
        opens = cooldown.reflect_opens_on(r, self.host.settings.cooldown_days)
        yield Static(f"Reflecting opens {describe_day(opens, today)} ({weekday_and_date(opens)}).",
                     classes="heading")
        c = r.cooldown
        yield note(f"Nothing needs working out today. {rest_words(c.process_with, c.process_done)} "
                   "The questions will keep, and they're easier with a night's sleep between "
                   "you and the news.")
        yield heading("What you named")
        yield Static(feelings_summary(c.feelings), markup=False)
        if c.process_with and not c.process_done:
            yield heading(f"You picked: {c.process_with}")
            yield minutes_row(str(self.fields.get("minutes", DEFAULT_MINUTES)),
                              Button("I did it · log it as self-care", id="log-process",
                                     compact=True))
        yield heading("Feeling steady already?")
        yield Button("I'm ready now", id="ready-now", compact=True)
        yield note("It asks first, and notes that you started early.").add_class("hint")

    def draft(self) -> dict[str, Any]:
        found = list(self.query("#process-minutes").results(Input))
        return {"minutes": found[0].value} if found else {}

    @on(Button.Pressed, "#ready-now")
    def _ready(self) -> None:
        self.host.ask_ready_now()

    @on(Button.Pressed, "#log-process")
    def _log(self, event: Button.Pressed) -> None:
        host = self.host
        try:
            updated, entry = cooldowns.log_processing(
                host.store, host.clock, host.rejection,
                self.query_one("#process-minutes", Input).value)
        except ValidationError as exc:
            host.show_error(exc.sentence)
            self.query_one("#process-minutes", Input).focus()
            return
        host.show_error("")
        host.remember(updated)
        event.button.label = Content(f"Logged: {entry.activity}, {entry.minutes} minutes ✓")
        self.query_one("#process-minutes", Input).disabled = True  # logged: nothing to edit
        disable_moving_on(event.button)
        notify_saved(self.app, "Logged as self-care.", timeout=3)

    def save(self) -> str:
        # Not open yet: the domain says so kindly (and how to open it early).
        cooldown.reflect(self.host.rejection, self.host.today(),
                         cooldown_days=self.host.settings.cooldown_days)
        return ""


class ReflectStep(StepForm):
    """Reasons, thinking traps, a balanced thought, lessons, and the feedback request."""

    STEP = "reflect"
    FIELD_WIDGETS = {"balanced thought": "balanced", "went well": "went-well",
                     "do differently": "differently"}
    BINDINGS = [Binding(DAY_ONE_KEY, "day_one", "Day 1")]

    DEFAULT_CSS = """
    ReflectStep #day-one { border-top: none; padding: 0; margin-bottom: 1; }
    ReflectStep #day-one CollapsibleTitle { padding: 0; }
    ReflectStep #day-one Contents { padding: 0 0 0 2; }
    """

    def compose(self) -> ComposeResult:
        f = self.fields
        reasons = f.get("reasons") or {}
        traps = f.get("traps") or {}
        yield note("This is about what happened, not about who you are. Tick what may have "
                   "played a part (unknown is a fair answer) and note anything useful."
                   ).add_class("intro")
        yield day_one_block(self.host.rejection)
        yield heading("What may have played a part")
        yield TaggedNotes(REASON_TAGS, ticked=reasons.get("ticked", ()),
                          notes=reasons.get("notes"), placeholders=REASON_HINTS,
                          tick_width=38, id="reasons")
        yield heading("Thinking traps · tick any that crept in")
        yield TaggedNotes(THINKING_TRAPS, ticked=traps.get("ticked", ()),
                          explanations=TRAP_EXPLANATIONS, tick_width=24, id="traps")
        yield note("If one sounds familiar, try saying it in a way that is kinder and truer:")
        yield area(f.get("balanced", ""), "balanced", "one no from one team isn't the whole story…")
        yield heading("What went well")
        yield area(f.get("went_well", ""), "went-well", "something you did well, even small")
        yield heading("What you'd do differently")
        yield area(f.get("differently", ""), "differently", "one thing to try next time")
        yield heading("Ask for feedback (optional)")
        yield FeedbackSection(self.host, f.get("feedback"))
        yield note(f"ctrl+s saves this step · {DAY_ONE_KEY} shows day 1 · escape keeps what "
                   "you typed for later").add_class("hint")

    def focus_first(self) -> None:
        """Start in the reasons: day 1's words are there to glance at, not a field."""
        for widget in self.query_one("#reasons").query("*"):
            if widget.focusable:
                widget.focus(scroll_visible=False)
                return

    def action_day_one(self) -> None:
        """Show or fold what was written on day 1 (shown in view when it opens)."""
        block = self.query_one("#day-one", Collapsible)
        block.collapsed = not block.collapsed
        if not block.collapsed:
            self.call_after_refresh(block.scroll_visible, animate=False)

    def draft(self) -> dict[str, Any]:
        return {
            "reasons": self.query_one("#reasons", TaggedNotes).draft(),
            "traps": self.query_one("#traps", TaggedNotes).draft(),
            "balanced": self.text("balanced"),
            "went_well": self.text("went-well"),
            "differently": self.text("differently"),
            "feedback": self.query_one(FeedbackSection).draft(),
        }

    def save(self) -> str:
        host = self.host
        r = self.query_one(FeedbackSection).pending(host.rejection)
        host.remember(cooldowns.reflect(
            host.store, host.clock, r,
            reasons=self.query_one("#reasons", TaggedNotes).chosen(),
            traps=list(self.query_one("#traps", TaggedNotes).chosen()),
            balanced_thought=self.text("balanced"),
            went_well=self.text("went-well"),
            do_differently=self.text("differently"),
        ))
        return "Reflection saved. One step left, whenever you're ready."
