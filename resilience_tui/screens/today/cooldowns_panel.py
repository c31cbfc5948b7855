"""Today's cool-downs panel: each open cool-down, its day and what comes next.

Also lists finished cool-downs whose feedback request still awaits an
answer, so there is a way back to note it. ``c`` on Today continues the most
urgent cool-down; enter or a click on a row opens that one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain import cooldown
from ...domain.cooldown_phrases import cooldown_day_text, next_text
from ...widgets.checklist import QuietOptionList
from .panel import TodayPanel

EMPTY = "No cool-down running. If a no arrives, press r."


class CooldownPanel(TodayPanel):
    PANEL_TITLE = "Cool-downs"

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="cooldowns-empty", classes="muted")
        yield QuietOptionList(id="cooldowns", compact=True)
        yield Static("", id="cooldowns-hint", classes="muted", markup=False)  # names a company

    def refresh_panel(self) -> None:
        today = self.clock.today()
        days = self.store.settings.cooldown_days
        rejections = self.store.rejections.all()
        running = cooldown.open_statuses(rejections, today, days)
        options: list[Option] = []
        for st in running:
            text = Text(f"{st.company} · {st.role} · {cooldown_day_text(st.day, days)}",
                        style="bold")
            text.append(f"\n  {next_text(st, today)}", style="")
            options.append(Option(text, id=st.rejection_id))
        waiting = [r for r in cooldown.readable(rejections)
                   if cooldown.is_done(r) and r.feedback.status == "requested"]
        for r in waiting:
            text = Text(f"{r.company} · {r.role} · done")
            text.append("\n  feedback asked for; note the answer here", style="italic")
            options.append(Option(text, id=r.id))
        listing = self.query_one("#cooldowns", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = min(highlighted or 0, len(options) - 1)
        listing.display = bool(options)
        self.query_one("#cooldowns-empty").display = not options
        urgent = cooldown.urgent_status(running)
        hint = self.query_one("#cooldowns-hint", Static)
        if urgent and len(options) == 1:
            hint.update("press c to continue")
        elif urgent:
            hint.update(f"c continues {urgent.company} · tab to pick another")
        else:
            hint.update("click it, or tab to it and press enter" if len(options) == 1
                        else "click one, or tab to the list and press enter")
        hint.display = bool(options)

    @dataclass
    class Chosen(Message):
        """The user picked a cool-down to continue; the app opens it."""

        rejection_id: str

    @on(OptionList.OptionSelected, "#cooldowns")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
