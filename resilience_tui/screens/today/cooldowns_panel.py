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

from ...journal.today import TodayView
from ...widgets.checklist import QuietOptionList
from .panel import TodayPanel, part

EMPTY = "No cool-down running. If a no arrives, press r."


class CooldownList(QuietOptionList):
    """The listed cool-downs: up/down move, enter or ``c`` opens the one under the cursor.

    No scrollbar of its own (the column scrolls): one would narrow the list, rewrap a
    second line onto a third, and so call for itself. Today showed a needless scrollbar
    there with two cool-downs at 80×24 until the first change."""

    DEFAULT_CSS = """
    CooldownList { scrollbar-size-vertical: 0; }
    """

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

    def show_view(self, view: TodayView) -> None:
        found = part(view.cooldowns)
        options: list[Option] = []
        self._companies = {}
        for row in found.rows:
            if row.waiting:
                text = Text(row.title)
                text.append(f"\n  {row.detail}", style="italic")
            else:
                text = Text(row.title, style="bold")
                text.append(f"\n  {row.detail}", style="")
            options.append(Option(text, id=row.id))
            self._companies[row.id] = row.company
        self._urgent = self._companies.get(found.urgent) if found.urgent else None
        self.has_open = found.has_open
        listing = self.query_one("#cooldowns", OptionList)
        listing.clear_options()
        listing.add_options(options)
        # The cursor stays on the cool-down the user moved it to; until then it rests on
        # the one c opens, so tabbing to the list does not change what c does.
        ids = [o.id for o in options]
        for wanted in (self._picked, found.urgent):
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
