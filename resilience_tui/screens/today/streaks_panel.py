"""Today's momentum panel: both streaks and routine strength at a glance, with gentle notes.

The streak note appears in the evening (from 18:00 until the day start hour)
when the check-in streak is alive only until tonight: an invitation, never a
warning, and not at 8 a.m. when the whole day is still ahead. The care note
appears when mood was low on most checked-in days of the last two weeks: it
suggests talking to someone, and never diagnoses. One more line speaks of momentum
toward the yes, only when there is something to say: a process that recently got
further than ever before, or more plan steps this month than by this day last month.
Figures come from :func:`resilience_tui.journal.momentum.momentum` (through Today's view),
as ``status``'s do.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from ...domain.plurals import plural
from ...domain.streaks import Streak, is_evening
from ...journal.today import TodayMomentum, TodayView
from ...widgets.charts import meter
from .panel import TodayPanel, part

EMPTY = "Your streaks will show here after your first check-in."
CARE_NOTE = ("Your mood has been low on most days these past two weeks. Talking it over with "
             "someone you trust, or with a doctor or counsellor, can make it lighter to carry.")


def streak_words(streak: Streak) -> str:
    if streak.current:
        return plural(streak.current, "day")
    return "fresh start" if streak.longest else "not yet"


def at_risk_note(m: TodayMomentum) -> str:
    return (f"◷ If you have a minute this evening, a check-in (m) "
            f"would make it day {m.checkin.current + 1}.")


def rest_note(m: TodayMomentum) -> str:
    """A word about today's rest (nothing on an ordinary day or once checked in)."""
    if not m.rest_today or m.checked_in_today or not m.has_history:
        return ""
    if m.checkin.current:
        return f"○ A rest day. Your {m.checkin.current}-day streak will keep until tomorrow."
    return "○ A rest day. Enjoy it."


# Strength is a level that grows, not a mark out of 100: "5%" after a first morning
# would read like a low grade without the words that say where it is going.
STRENGTH_GROWS = "it grows with each morning"
STRENGTH_FULL = "each morning keeps it full"  # nowhere left to grow: say so, same length


def summary_lines(m: TodayMomentum) -> Text:
    percent = round(m.strength * 100)
    text = Text("\n".join((
        f"Check-ins  {streak_words(m.checkin)}",
        f"Self-care  {streak_words(m.selfcare)}",
        f"Strength   {percent:>3}% {meter(m.strength, 10)}",
    )))
    text.append(f"\n{STRENGTH_FULL if percent >= 100 else STRENGTH_GROWS}", style="dim")
    return text


class StreaksPanel(TodayPanel):
    """Streaks, strength, and a kind word when it helps."""

    PANEL_TITLE = "Momentum"

    DEFAULT_CSS = """
    StreaksPanel #streaks-risk { color: $text-accent; }
    StreaksPanel #streaks-care { border-left: thick $accent; padding-left: 1; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="streaks-summary", classes="muted", markup=False)
        yield Static(id="streaks-progress", markup=False)
        yield Static(id="streaks-risk", markup=False)
        yield Static(CARE_NOTE, id="streaks-care", markup=False)

    def show_view(self, view: TodayView) -> None:
        m = part(view.momentum)
        summary = self.query_one("#streaks-summary", Static)
        summary.update(summary_lines(m) if m.has_history else EMPTY)
        summary.set_class(not m.has_history, "muted")
        toward_yes = self.query_one("#streaks-progress", Static)
        toward_yes.update(m.progress)
        toward_yes.display = bool(m.progress)
        evening = is_evening(self.clock.now().hour, self.clock.day_start_hour)
        note = at_risk_note(m) if m.at_risk and evening else rest_note(m)
        risk = self.query_one("#streaks-risk", Static)
        risk.update(note)
        risk.display = bool(note)
        self.query_one("#streaks-care", Static).display = m.gentle_note
