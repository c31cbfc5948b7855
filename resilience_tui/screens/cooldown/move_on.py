"""Step 3 of the cool-down, and what it looks like once done.

:class:`MoveOnStep` re-rates the feelings named on day 1 (before → after,
side by side) and turns the redirect actions the user ticks into ``Action``
records, which the morning check-in offers as plan suggestions. Then the
cool-down is closed. :class:`DoneView` sums it up and keeps the feedback
request reachable, since an answer can arrive long after.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Collapsible, Static

from ...domain import cooldown
from ...domain.dates import describe_day, stored_day
from ...domain.models import REDIRECT_KINDS
from ...journal import cooldowns
from ...journal import feedback as feedback_journal
from ...journal.answers import after_move_on
from ...journal.cooldowns import redirect_defaults_in
from ...widgets.feelings_rater import FeelingsRater
from ...widgets.reasons import TaggedNotes
from .feedback import FeedbackSection, status_text
from .looking_back import FOLDED, UNFOLDED, reflection_block
from .step import StepForm, heading, note


def feedback_block(step: StepForm, *, open_: bool) -> Collapsible:
    """The feedback request, folded away unless it needs attention."""
    r = step.host.rejection
    title = f"Feedback · {status_text(r, step.host.today()).split('.')[0].lower()}"
    return Collapsible(FeedbackSection(step.host, step.fields.get("feedback")), title=title,
                       collapsed=not open_, id="feedback-box",
                       collapsed_symbol=FOLDED, expanded_symbol=UNFOLDED)


class MoveOnStep(StepForm):
    """Re-rate the feelings, choose where to go next, close the cool-down."""

    STEP = "move_on"

    def compose(self) -> ComposeResult:
        r = self.host.rejection
        f = self.fields
        yield note("You felt it and you looked at it. Now see where you are, and choose "
                   "what comes next.").add_class("intro")
        recap = reflection_block(r)  # read-only: what the reflection concluded
        if recap is not None:
            yield heading("From your reflection")
            yield recap
        yield heading("How do these feel now? (before → now, 0–100)")
        before = {feeling.name: feeling.before for feeling in r.cooldown.feelings}
        yield FeelingsRater(f.get("after") or {}, before=before, id="after")
        yield heading("Where next? · tick any; they'll be offered in your morning plan")
        yield note("A tick keeps the suggestion as written, or type your own words.")
        redirects = f.get("redirects") or {}
        yield TaggedNotes(REDIRECT_KINDS, ticked=redirects.get("ticked", ()),
                          notes=redirects.get("notes"),
                          placeholders=redirect_defaults_in(self.host.store, r),
                          tick_width=24, id="redirects")
        yield feedback_block(self, open_=False)
        yield note("ctrl+s closes this cool-down (it asks first) · escape keeps what you "
                   "typed for later").add_class("hint")

    def draft(self) -> dict[str, Any]:
        return {
            "after": self.query_one("#after", FeelingsRater).values(),
            "redirects": self.query_one("#redirects", TaggedNotes).draft(),
            "feedback": self.query_one(FeedbackSection).draft(),
        }

    def closing_question(self) -> str:
        """What closing keeps, and the question; raises ValidationError for a bad level."""
        after = self.query_one("#after", FeelingsRater).ratings()
        feelings = [f"{x.name} {x.before} → {after.get(x.name, '–')}"
                    for x in self.host.rejection.cooldown.feelings]
        chosen = list(self.query_one("#redirects", TaggedNotes).chosen())
        lines = ["Feelings: " + (", ".join(feelings) or "none named"),
                 "Next steps: " + (", ".join(chosen) or "none chosen"),
                 "", "Close this cool-down? You can reopen it from History."]
        return "\n".join(lines)

    def save(self) -> str:
        host = self.host
        after = self.query_one("#after", FeelingsRater).ratings()
        r = self.query_one(FeedbackSection).pending(host.rejection)
        r, actions = cooldowns.move_on(host.store, host.clock, r, after,
                                       self.query_one("#redirects", TaggedNotes).chosen())
        host.remember(r)
        line = host.answer_line(after_move_on(r))
        if actions:
            return f"{line}\nYour next steps will be offered in your morning plan."
        return f"{line}\nOn to the next thing, at your own pace."


class DoneView(StepForm):
    """The finished cool-down at a glance, with the feedback request still to hand."""

    STEP = "done"

    def compose(self) -> ComposeResult:
        r = self.host.rejection
        c = r.cooldown
        today = self.host.today()
        moved_on = stored_day(c.moved_on_on) or today
        moved = describe_day(moved_on, today)
        day = cooldown.day_number(r, moved_on)
        yield Static(f"✓ Done. You moved on {moved}, on day {day}.", classes="heading")
        changes = [f"{x.name} {x.before} → {x.after if x.after is not None else '–'}"
                   for x in c.feelings]
        yield heading("Feelings, then and now")
        yield Static(" · ".join(changes) or "none named", markup=False)
        lessons = [("Went well", c.went_well), ("Next time", c.do_differently),
                   ("A kinder thought", c.balanced_thought)]
        for label, text in lessons:
            if text:
                yield heading(label)
                yield Static(text, markup=False)
        actions = [a for a in self.host.store.actions.all() if a.rejection_id == r.id]
        if actions:
            yield heading("Next steps you chose")
            yield Static("\n".join(f"{'✓' if a.status == 'done' else '·'} {a.text}"
                                   for a in actions), markup=False)
        yield feedback_block(self, open_=r.feedback.status == "requested")
        yield note("escape goes back").add_class("hint")

    def draft(self) -> dict[str, Any]:
        return {"feedback": self.query_one(FeedbackSection).draft()}

    def save(self) -> str:
        section = self.query_one(FeedbackSection)
        subject, body = section.subject_body()
        if (subject, body) != section.original:
            self.host.remember(feedback_journal.keep_request_draft(
                self.host.store, self.host.rejection, subject, body))
            return "Draft saved."
        return ""

