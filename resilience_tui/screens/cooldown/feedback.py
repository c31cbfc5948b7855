"""The feedback request inside a cool-down: an editable draft, copy or save it, track the answer.

The app never sends mail. The user edits the draft, copies it to the
clipboard or saves it as a private file in the data folder, sends it
themselves and marks it as requested; later they note what came back. Every
button saves at once: these are things that happened, not part of a step.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static, TextArea

from ...domain import feedback
from ...domain.dates import describe_day, stored_day
from ...domain.models import Rejection
from ...domain.validate import ValidationError
from ...journal import feedback as feedback_journal
from ...journal.answers import after_feedback
from ...storage.files import private_folder, write_private
from ...widgets.handoff import disable_moving_on
from ...widgets.limited_input import LimitedInput
from .step import CooldownHost, area

ANSWER_BUTTONS = {"fb-received": "received", "fb-no-reply": "no_reply",
                  "fb-declined": "declined"}


def feedback_file(db_path: Path, r: Rejection) -> Path:
    """``<data folder>/feedback/<company>-<received day>.txt``, with a safe file name."""
    slug = re.sub(r"[\W_]+", "-", r.company.casefold()).strip("-")[:40] or "feedback"
    return db_path.parent / "feedback" / f"{slug}-{r.received_on}.txt"


def status_text(r: Rejection, today: date) -> str:
    """Where the request stands, in a sentence."""
    fb = r.feedback
    answered, asked = stored_day(fb.answered_on), stored_day(fb.requested_on)
    when = describe_day(answered, today) if answered else ""
    if fb.status == "requested" and asked:
        follow = asked + timedelta(days=feedback.FOLLOW_UP_DAYS)
        return (f"Requested {describe_day(asked, today)}. If nothing comes back, a follow-up "
                f"will be suggested in your morning plan from {describe_day(follow, today)}.")
    if fb.status == "received":
        themes = f" Themes: {', '.join(fb.themes)}." if fb.themes else ""
        return f"Feedback received {when}.{themes}"
    if fb.status == "no_reply":
        return f"No reply (noted {when}). That happens a lot, and it says nothing about you."
    if fb.status == "declined":
        return f"They declined (noted {when}). That's usually a policy, not a judgement."
    return ("Not requested yet. Edit the draft if you like, copy it or save it, send it "
            "yourself, then mark it as requested.")


class FeedbackSection(Vertical):
    """Draft, copy, save, mark requested, record the answer."""

    DEFAULT_CSS = """
    FeedbackSection { height: auto; }
    FeedbackSection .fb-label { color: $text-muted; margin-top: 1; }
    FeedbackSection #fb-subject { width: 1fr; }
    FeedbackSection TextArea#fb-body { height: 10; }
    FeedbackSection .fb-buttons { height: auto; margin-top: 1; }
    FeedbackSection .fb-buttons Button { margin-right: 2; min-width: 10; }
    FeedbackSection #fb-note { margin-top: 1; }
    FeedbackSection #fb-note.error { color: $text-error; }
    FeedbackSection #fb-answer { height: auto; }
    """

    def __init__(self, host: CooldownHost, typed: dict[str, Any] | None = None) -> None:
        super().__init__(id="feedback")
        self.host = host
        self.typed = dict(typed or {})
        r = host.rejection
        generated = feedback.draft_request(r, host.settings.name)
        self.original = (r.feedback.subject or generated[0], r.feedback.body or generated[1])

    def compose(self) -> ComposeResult:
        r = self.host.rejection
        subject = self.typed.get("subject", self.original[0])
        body = self.typed.get("body", self.original[1])
        yield Static(status_text(r, self.host.today()), id="fb-status", markup=False)
        if not self.host.settings.name:
            yield Static("Tip: add your name in Settings (, on Today) to sign drafts with it.",
                         classes="fb-label")
        yield Label("Subject", classes="fb-label")
        yield LimitedInput(subject, id="fb-subject", compact=True, max_length=200)
        yield Label("Message", classes="fb-label")
        yield area(body, "fb-body", "the message to send")
        yield Horizontal(
            Button("Copy message", id="fb-copy", compact=True),
            Button("Save to file", id="fb-save", compact=True),
            Button("Mark as requested", id="fb-requested", compact=True, variant="primary"),
            classes="fb-buttons",
        )
        yield Static("", id="fb-note", markup=False)  # may name a file path
        with Vertical(id="fb-answer"):
            yield Label("When they answer: what they said, and themes separated by commas",
                        classes="fb-label")
            yield area(self.typed.get("answer", r.feedback.text), "fb-text",
                       "paste or sum up their reply")
            themes = self.typed.get("themes", ", ".join(r.feedback.themes))
            yield LimitedInput(themes, id="fb-themes", compact=True, max_length=400,
                        placeholder="themes, e.g. SQL, portfolio, seniority")
            yield Horizontal(
                Button("Feedback received", id="fb-received", compact=True),
                Button("No reply", id="fb-no-reply", compact=True),
                Button("They declined", id="fb-declined", compact=True),
                classes="fb-buttons",
            )

    def on_mount(self) -> None:
        self._show_answer_area()

    def _show_answer_area(self) -> None:
        asked = self.host.rejection.feedback.status != "not_requested"
        self.query_one("#fb-answer").display = asked
        # Once marked, pressing it again would quietly move the request (and follow-up) day.
        button = self.query_one("#fb-requested", Button)
        if asked:
            disable_moving_on(button)  # on to the reply's words, not back up the page
        else:
            button.disabled = False

    def _say(self, message: str, *, error: bool = False) -> None:
        label = self.query_one("#fb-note", Static)
        label.update(message)
        label.set_class(error, "error")
        label.scroll_visible()

    # What is typed ------------------------------------------------------------
    def subject_body(self) -> tuple[str, str]:
        return (self.query_one("#fb-subject", Input).value,
                self.query_one("#fb-body", TextArea).text)

    def draft(self) -> dict[str, Any]:
        """What is typed here and not yet kept: email edits and the answer's words."""
        out: dict[str, Any] = {}
        subject, body = self.subject_body()
        if (subject, body) != self.original:
            out["subject"], out["body"] = subject, body
        text = self.query_one("#fb-text", TextArea).text
        themes = self.query_one("#fb-themes", Input).value
        fb = self.host.rejection.feedback
        if text != fb.text:
            out["answer"] = text
        if themes != ", ".join(fb.themes):
            out["themes"] = themes
        return out

    def pending(self, r: Rejection) -> Rejection:
        """``r`` with the edited email draft kept, when it differs from what is stored."""
        subject, body = self.subject_body()
        if (subject, body) == self.original:
            return r
        return feedback.save_draft(r, subject, body)

    # Buttons ---------------------------------------------------------------
    @on(Button.Pressed, "#fb-copy")
    def copy(self) -> None:
        if self._keep_draft():
            self.app.copy_to_clipboard(self.subject_body()[1])
            self._say("Message copied. If pasting gives nothing, your terminal doesn't allow "
                      "copying from apps: save it to a file instead.")

    @on(Button.Pressed, "#fb-save")
    def save_file(self) -> None:
        if not self._keep_draft():
            return
        subject, body = self.subject_body()
        path = feedback_file(self.host.store.path, self.host.rejection)
        try:
            private_folder(path.parent)
            write_private(path, f"Subject: {subject.strip()}\n\n{body.strip()}\n".encode())
        except OSError as exc:
            self._say(f"Couldn't save it to {path}: {exc.strerror or exc}.", error=True)
            return
        self._say(f"Saved to {path} (only you can read it).")

    @on(Button.Pressed, "#fb-requested")
    def requested(self) -> None:
        if self._keep_draft():
            r = feedback_journal.mark_requested(self.host.store, self.host.clock,
                                                self.host.rejection)
            self._show_saved(r, "Marked as requested.")

    @on(Button.Pressed, "#fb-received, #fb-no-reply, #fb-declined")
    def answered(self, event: Button.Pressed) -> None:
        status = ANSWER_BUTTONS[event.button.id or ""]
        text = self.query_one("#fb-text", TextArea).text
        themes = self.query_one("#fb-themes", Input).value.split(",")
        if status == "received" and not text.strip() and not any(t.strip() for t in themes):
            self._say("Paste or sum up what they said first (a few words is enough).",
                      error=True)
            return
        if status != "received":
            text, themes = "", []
        before = self.host.rejection
        try:
            r = feedback_journal.mark_answered(self.host.store, self.host.clock,
                                               before, status, text, themes)
        except ValidationError as exc:
            self._say(exc.sentence, error=True)
            return
        # A reply coming in is a moment: the app's line says so, here where the user looks.
        line = self.host.answer_line(after_feedback(self.host.store, before, r))
        self._show_saved(r, line or ("Noted. Its themes will show in Patterns."
                                     if status == "received" else
                                     "Noted. Asking was the hard part, and you did it."))

    def _keep_draft(self) -> bool:
        """Save the edited email draft; False (with a message) when it can't be kept."""
        subject, body = self.subject_body()
        if (subject, body) == self.original:
            return True
        try:
            r = feedback_journal.keep_request_draft(self.host.store, self.host.rejection,
                                                    subject, body)
        except ValidationError as exc:
            self._say(exc.sentence, error=True)
            return False
        self.host.remember(r)
        self.original = (subject, body)
        return True

    def _show_saved(self, r: Rejection, message: str) -> None:
        self.host.remember(r)
        self.query_one("#fb-status", Static).update(status_text(r, self.host.today()))
        self._show_answer_area()
        self._say(message)
