"""Step 1 of the cool-down: name the feelings, let it out, pick something kind to do.

Open at once, on the day the rejection is logged. Analysis waits: this step
only asks what it feels like. Something done to process it can be logged as
self-care (linked to the rejection) straight from here.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from ...domain import cooldown
from ...domain.dates import describe_day
from ...journal import cooldowns
from ...journal.cooldowns import PROCESS_OPTIONS
from ...widgets.feelings_rater import FeelingsRater
from ...widgets.limited_input import LimitedInput
from ...widgets.tickbox import TickBox
from .step import StepForm, area, heading, note

DEFAULT_MINUTES = 20


def minutes_row(value: str, first: Widget) -> Horizontal:
    """``first`` (a tick-box or a button) followed by a short minutes field."""
    return Horizontal(first, Label("minutes", classes="muted minutes-label"),
                      Input(value, id="process-minutes", type="integer", max_length=4,
                            compact=True),
                      classes="minutes-row")


class AcknowledgeStep(StepForm):
    """Feelings with intensities, a journal, and a way to process it."""

    STEP = "acknowledge"
    FIELD_WIDGETS = {"feelings": "feeling-words", "journal": "journal",
                     "process with": "process-own", "self-care": "process", "minutes":
                     "process-minutes"}

    DEFAULT_CSS = """
    AcknowledgeStep .process-row, AcknowledgeStep .minutes-row { height: 1; margin-top: 1; }
    AcknowledgeStep #process { width: 26; }
    AcknowledgeStep #process-own { width: 1fr; margin-left: 2; }
    AcknowledgeStep .minutes-row TickBox { width: auto; padding: 0; margin-right: 2; }
    AcknowledgeStep .minutes-label { width: auto; margin-right: 1; }
    AcknowledgeStep #process-minutes { width: 6; }
    """

    def compose(self) -> ComposeResult:
        f = self.fields
        opens = cooldown.reflect_opens_on(self.host.rejection, self.host.settings.cooldown_days)
        when = describe_day(opens, self.host.today())
        later = "comes next" if when == "today" else f"can wait until {when}"
        yield note(f"This one stings, and that's allowed. For now, just say how it feels. "
                   f"Working out what happened {later}.").add_class("intro")
        yield heading("How it feels · tick any, or add your own")
        yield FeelingsRater(f.get("feelings") or {}, id="feelings")
        yield heading("Let it out")
        yield note("Only you will read this; it stays out of shared exports.")
        yield area(f.get("journal", ""), "journal", "whatever is on your mind…", tall=True)
        yield heading("Something to help you process it")
        chosen = f.get("process", "")
        labels = [label for label, _ in PROCESS_OPTIONS]
        yield Horizontal(
            Select([(label, label) for label in labels], id="process", compact=True,
                   prompt="pick one", value=chosen if chosen in labels else Select.NULL),
            LimitedInput(f.get("process_own", ""), id="process-own", compact=True, max_length=60,
                  placeholder="or in your own words"),
            classes="process-row",
        )
        yield minutes_row(str(f.get("minutes", DEFAULT_MINUTES)),
                          TickBox("done · log it as self-care", False, id="process-done",
                                  compact=True))
        yield note("ctrl+s saves this step · escape keeps what you typed for later").add_class(
            "hint")

    def on_mount(self) -> None:
        self.query_one("#process-done", TickBox).value = bool(self.fields.get("done"))

    def process_with(self) -> str:
        own = self.query_one("#process-own", Input).value.strip()
        picked = self.query_one("#process", Select).value
        return own or (str(picked) if picked is not Select.NULL else "")

    def draft(self) -> dict[str, Any]:
        picked = self.query_one("#process", Select).value
        return {
            "feelings": self.query_one(FeelingsRater).values(),
            "journal": self.text("journal"),
            "process": str(picked) if picked is not Select.NULL else "",
            "process_own": self.query_one("#process-own", Input).value,
            "done": self.query_one("#process-done", TickBox).value,
            "minutes": self.query_one("#process-minutes", Input).value,
        }

    def save(self) -> str:
        host = self.host
        r, entry = cooldowns.acknowledge(
            host.store, host.clock, host.rejection, self.query_one(FeelingsRater).ratings(),
            self.text("journal"), self.process_with(),
            done=self.query_one("#process-done", TickBox).value,
            minutes=self.query_one("#process-minutes", Input).value)
        host.remember(r)
        logged = " and logged as self-care" if entry else ""
        return f"Saved{logged}. Take it gently."
