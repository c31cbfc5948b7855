"""What every cool-down step shares: the screen it lives in, its draft, and how it saves.

A step is a widget inside :class:`~resilience_tui.screens.cooldown.screen.CooldownScreen`.
It builds its fields from a draft (what the user typed last time, kept on the
rejection), hands back a fresh draft whenever asked, and ``save`` commits
the step through the journal core (``journal.cooldowns``; it raises
ValidationError or CooldownError with a message for the user) and returns a
short, kind line to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from textual.containers import Vertical
from textual.widgets import Static, TextArea

from ...domain.models import Rejection, Settings
from ...widgets.feelings_rater import FeelingsRater

if TYPE_CHECKING:
    from ...clock import Clock
    from ...domain.answers import Moment
    from ...storage.store import Store


class CooldownHost(Protocol):
    """The screen a step lives in (kept abstract so steps don't import the screen)."""

    rejection: Rejection

    @property
    def store(self) -> Store: ...

    @property
    def settings(self) -> Settings: ...

    def today(self) -> date: ...

    @property
    def clock(self) -> Clock: ...

    def remember(self, rejection: Rejection) -> None:
        """Show ``rejection`` (as the journal core saved it) from now on."""

    def ask_ready_now(self) -> None: ...

    def show_error(self, message: str) -> None: ...

    def answer_line(self, moments: Sequence[Moment]) -> str:
        """The app's words for moments a save made (see ``StoreAccess.answer_line``)."""


class StepForm(Vertical):
    """One step's fields. Subclasses compose from ``self.fields`` and implement ``save``."""

    DEFAULT_CSS = """
    StepForm { height: auto; padding: 0 1; }
    StepForm .intro { margin-bottom: 1; }
    StepForm .hint { margin-top: 1; }
    StepForm TextArea { height: 5; }
    StepForm TextArea.tall { height: 8; }
    """

    STEP: ClassVar[str] = ""
    # Which field to put the cursor in when the domain refuses one (by ValidationError.field).
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {}

    def __init__(self, host: CooldownHost, fields: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.host = host
        self.fields: dict[str, Any] = dict(fields or {})

    def draft(self) -> dict[str, Any]:
        """The step's fields as typed, to keep when the user leaves half-way."""
        return {}

    def save(self) -> str:
        """Commit the step; return a short line for the user."""
        raise NotImplementedError

    def focus_first(self) -> None:
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus(scroll_visible=False)
                return

    def focus_error(self, field: str) -> None:
        """Put the cursor where the refused value is, when we can tell."""
        for rater in self.query(FeelingsRater):
            for suffix in (" intensity", " intensity after"):
                if field.endswith(suffix):
                    rater.focus_row(field.removesuffix(suffix))
                    return
        widget_id = self.FIELD_WIDGETS.get(field)
        if widget_id:
            for widget in self.query(f"#{widget_id}"):
                widget.focus()
                return

    def text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextArea).text


def heading(text: str, *, markup: bool = False) -> Static:
    """A bold line above a group of fields.

    Plain text unless ``markup=True``: headings often quote the user's own words.
    """
    return Static(text, classes="heading", markup=markup)


def note(text: str, *, markup: bool = False) -> Static:
    """A quiet line of guidance; plain text unless ``markup=True``."""
    return Static(text, classes="muted", markup=markup)


def area(text: str, widget_id: str, placeholder: str, *, tall: bool = False) -> TextArea:
    """A multi-line field that moves on with tab (our words never need a tab character)."""
    return TextArea(text, id=widget_id, placeholder=placeholder, compact=True,
                    soft_wrap=True, classes="tall" if tall else "")
