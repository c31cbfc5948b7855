"""Today's cool-downs panel: each open cool-down, its day and what comes next.

Also lists finished cool-downs whose feedback request still awaits an
answer, so there is a way back to note it. ``c`` on Today continues the most
urgent cool-down; once the list has the focus, ``c`` (or enter, or a click)
opens the row the cursor is on, and the hint under the list names the one
``c`` will open either way, so the key never surprises.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain import cooldown
from ...domain.cooldown_phrases import cooldown_day_text, next_text
from ...widgets.checklist import QuietOptionList
from .panel import TodayPanel

EMPTY = "No cool-down running. If a no arrives, press r."


class CooldownList(QuietOptionList):
    """The listed cool-downs: up/down move, enter or ``c`` opens the one under the cursor."""

    # Shown as Today shows its own c, so the footer reads the same wherever the focus is.
    BINDINGS = [Binding("c", "select", "Cool-down")]


class CooldownPanel(TodayPanel):
    PANEL_TITLE = "Cool-downs"

    has_open = False
    """Whether a cool-down is running: Today then lists this panel first."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._companies: dict[str, str] = {}  # row id -> company, for the hint
        self._urgent: str | None = None  # the company ``c`` opens from elsewhere on Today
        self._picked: str | None = None  # the row the user moved the cursor to, if any

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="cooldowns-empty", classes="muted")
        yield CooldownList(id="cooldowns", compact=True)
        yield Static("", id="cooldowns-hint", classes="muted", markup=False)  # names a company

    def refresh_panel(self) -> None:
        today = self.clock.today()
        days = self.store.settings.cooldown_days
        rejections = self.store.rejections.all()
        running = cooldown.open_statuses(rejections, today, days)
        options: list[Option] = []
        self._companies = {}
        for st in running:
            text = Text(f"{st.company} · {st.role} · {cooldown_day_text(st.day, days)}",
                        style="bold")
            text.append(f"\n  {next_text(st, today)}", style="")
            options.append(Option(text, id=st.rejection_id))
            self._companies[st.rejection_id] = st.company
        waiting = [r for r in cooldown.readable(rejections)
                   if cooldown.is_done(r) and r.feedback.status == "requested"]
        for r in waiting:
            text = Text(f"{r.company} · {r.role} · done")
            text.append("\n  feedback asked for; note the answer here", style="italic")
            options.append(Option(text, id=r.id))
            self._companies[r.id] = r.company
        urgent = cooldown.urgent_status(running)
        self._urgent = urgent.company if urgent else None
        self.has_open = bool(running)
        listing = self.query_one("#cooldowns", OptionList)
        listing.clear_options()
        listing.add_options(options)
        # The cursor stays on the cool-down the user moved it to; until then it rests on
        # the one c opens, so tabbing to the list does not change what c does.
        ids = [o.id for o in options]
        for wanted in (self._picked, urgent.rejection_id if urgent else None):
            if wanted in ids:
                listing.highlighted = ids.index(wanted)
                break
        else:
            listing.highlighted = 0 if options else None
        listing.display = bool(options)
        self.query_one("#cooldowns-empty").display = not options
        self._show_hint()

    def _show_hint(self) -> None:
        """Say what c opens now: the row under the cursor while the list has the focus,
        else the most urgent cool-down."""
        listing = self.query_one("#cooldowns", OptionList)
        hint = self.query_one("#cooldowns-hint", Static)
        count = listing.option_count
        picked = listing.highlighted_option
        if listing.has_focus and picked is not None and picked.id:
            hint.update(f"c or enter opens {self._companies.get(picked.id, 'this one')}")
        elif self._urgent and count == 1:
            hint.update("press c to continue")
        elif self._urgent:
            hint.update(f"c opens {self._urgent} · tab to choose")
        else:
            hint.update("click it, or tab to it and press enter" if count == 1
                        else "click one, or tab to the list and press enter")
        hint.display = bool(count)

    @on(OptionList.OptionHighlighted, "#cooldowns")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_list.has_focus:
            self._picked = event.option.id
        self._show_hint()

    def on_descendant_focus(self, _event: events.DescendantFocus) -> None:
        self._show_hint()

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self._show_hint()

    @dataclass
    class Chosen(Message):
        """The user picked a cool-down to continue; the app opens it."""

        rejection_id: str

    @on(OptionList.OptionSelected, "#cooldowns")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
