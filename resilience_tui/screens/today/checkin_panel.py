"""Today's check-in panel: mood, energy, intention, feelings and the plan checklist.

Ticking an item is saved at once. A done outreach item naming a contact counts as
a hello; a done redirect item finishes its action; a done feedback follow-up
restarts the wait for a reply. The tick that finishes the plan gets a line back.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from ...domain.checkin import plan_summary
from ...domain.models import CheckIn
from ...journal.today import TodayView
from ...widgets.checklist import PlanChecklist
from ...widgets.scale import ENERGY_WORDS, MOOD_WORDS
from .panel import PartMissing, TodayPanel

NO_CHECKIN = "No check-in yet today. Press m to start one."
MIN_PLAN_LINES = 2  # however crowded Today is, the plan keeps this much in view


def more_text(above: int, below: int) -> str:
    """The line under a folded plan: how many items are out of view, and which way."""
    if above and below:
        return f"+{above} above ↑ · +{below} below ↓"
    if below:
        return f"+{below} more below ↓"
    return f"+{above} more above ↑" if above else ""


def summary(c: CheckIn) -> Text:
    """The check-in in a few short lines."""
    text = Text()
    text.append("Mood ", style="dim")
    text.append(f"{c.mood} {MOOD_WORDS[c.mood - 1]}")
    text.append(" · energy ", style="dim")
    text.append(f"{c.energy} {ENERGY_WORDS[c.energy - 1]}")
    if c.feelings:
        text.append("\nFeeling ", style="dim")
        text.append(", ".join(c.feelings))
    if c.intention:
        text.append("\nIntention ", style="dim")
        text.append(c.intention, style="bold")
    return text


class CheckinPanel(TodayPanel):
    PANEL_TITLE = "This morning"

    DEFAULT_CSS = """
    CheckinPanel #plan-heading { margin-top: 1; }
    CheckinPanel #plan-heading.-tight { margin-top: 0; }
    CheckinPanel #plan-more { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Static(NO_CHECKIN, id="checkin-summary", classes="muted")
        yield Static(id="plan-heading", classes="muted")
        yield PlanChecklist(id="plan")
        yield Static(id="plan-more", classes="muted", markup=False)

    # Folding: Today gives the plan what room the cool-downs leave ---------------
    def plan_height(self) -> int:
        """The lines folding can give back: the plan's items, its "+N more" line, and
        the blank line above its heading."""
        if not self.query(PlanChecklist):  # a damaged record: the panel holds a note
            return 0
        heading = self.query_one("#plan-heading", Static)
        lines = heading.styles.margin.top if heading.display else 0
        return lines + sum(w.outer_size.height
                           for w in (self.query_one(PlanChecklist),
                                     self.query_one("#plan-more", Static)) if w.display)

    def fold_plan(self, room: int | None) -> None:
        """Fit the plan in ``room`` lines (see :meth:`plan_height`; None: all of it).

        The blank line above the heading goes first, then items fold under a
        "+N more" line. A folded plan scrolls inside itself as the cursor moves, so
        every item can still be reached and ticked from the keyboard."""
        if not self.query(PlanChecklist):
            return
        checklist = self.query_one(PlanChecklist)
        total = sum(checklist.item_heights())
        spacious = room is None or room > total
        self.query_one("#plan-heading").set_class(not spacious, "-tight")
        if room is None or room >= total:
            height = checklist.fold(None)
        else:
            height = checklist.fold(max(room - 1, MIN_PLAN_LINES))
        # The "+N more" line now, laid out with the fold: from the list's resize it came a
        # frame later, and Today settled a frame later (the resize says it again, if needed).
        self._show_more(*checklist.out_of_view(height))

    @on(PlanChecklist.Moved)
    def _moved(self, event: PlanChecklist.Moved) -> None:
        self._show_more(event.above, event.below)

    _more = ""  # what the "+N more" line says

    def _show_more(self, above: int, below: int) -> None:
        more = self.query_one("#plan-more", Static)
        text = more_text(above, below)
        if text != self._more:  # the same words again would only lay Today out again
            self._more = text
            more.update(text)
        more.display = bool(text)

    _view: TodayView | None = None  # what it shows, to paint again as it was

    def show_view(self, view: TodayView) -> None:
        self._view = view
        if not view.checkin_ok:
            raise PartMissing
        c = view.checkin
        summary_line = self.query_one("#checkin-summary", Static)
        heading = self.query_one("#plan-heading", Static)
        checklist = self.query_one(PlanChecklist)
        summary_line.set_class(c is None, "muted")
        summary_line.update(summary(c) if c else NO_CHECKIN)
        heading.display = c is not None
        checklist.display = bool(c and c.plan)
        if not checklist.display:
            self.query_one("#plan-more").display = False
        if c is None:
            checklist.set_items([])
            return
        if c.plan:
            heading.update(f"Plan · {plan_summary(c.plan)} · space ticks")
        else:
            heading.update("No plan items yet. Press m to add a few.")
        checklist.set_items(c.plan)
        if c.plan and self.screen.focused is None:
            checklist.focus()  # so space ticks at once; Today's own keys still work

    @on(PlanChecklist.Toggled)
    def _toggled(self, event: PlanChecklist.Toggled) -> None:
        """Save the tick at once, with what it means elsewhere (see journal.checkins)."""
        from ...journal.answers import after_tick  # not needed to paint Today
        from ...journal.checkins import tick

        with self.kept_safe():
            item = tick(self.store, self.clock, event.item_id, event.done)
            if item is None and self._view is not None:
                self.show(self._view)  # the day turned over, or the item is gone
            self.answer(after_tick(self.store, self.clock, item))
