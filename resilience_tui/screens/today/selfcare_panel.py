"""Today's self-care and people panel: today against the intention, energy lift, who's due."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.widgets import Static

from ...domain.selfcare import LIFT_WINDOW_DAYS, EnergyLift, SelfCareDay, energy_lift, selfcare_day
from ...domain.suggestions import overdue_contacts
from .panel import TodayPanel

EMPTY = "Nothing logged yet today. Press s after a walk, a call, a rest."
NAMES_SHOWN = 3


def today_lines(day: SelfCareDay) -> list[str]:
    """What was done today, and how it stands against the morning's intention."""
    lines = []
    if day.entries:
        done = ", ".join(f"{e.activity} {e.minutes} min" for e in day.entries)
        lines.append(f"Today: {done}" if len(day.entries) <= 3
                     else f"Today: {len(day.entries)} activities, {day.minutes} min")
    if day.intention:
        lines.append(f"Planned: {day.intention} · " + ("done ✓" if day.intention_met
                                                         else "not yet"))
    return lines or [EMPTY]


def lift_line(lift: EnergyLift | None) -> str | None:
    """The average energy change after self-care, in words and a signed number."""
    if lift is None:
        return None
    if abs(lift.average) < 0.05:
        return f"Energy after self-care: about the same ({LIFT_WINDOW_DAYS} days)"
    return f"Energy after self-care: {lift.average:+.1f} on average ({LIFT_WINDOW_DAYS} days)"


def due_line(names: list[str]) -> str | None:
    """Who is due a hello, briefly."""
    if not names:
        return None
    shown = ", ".join(names[:NAMES_SHOWN])
    more = f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    return f"It's been a while: {shown}{more} (n)"


class SelfCarePanel(TodayPanel):
    """Today's self-care and who is due a hello. On a crowded Today the energy-lift line
    (a figure Review shows too) gives way first, so the names stay in view."""

    PANEL_TITLE = "Self-care and people"

    _lift: str | None = None  # the energy-lift line, shown when there is room for it

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="selfcare-today", classes="muted", markup=False)
        yield Static(id="selfcare-lift", classes="muted", markup=False)
        yield Static(id="selfcare-due", markup=False)

    def refresh_panel(self) -> None:
        today = self.clock.today()
        entries = self.store.selfcare.all()
        day = selfcare_day(entries, self.store.checkins.all(), today.isoformat())
        summary = self.query_one("#selfcare-today", Static)
        summary.update("\n".join(today_lines(day)))
        summary.set_class(not day.entries and not day.intention, "muted")
        due = overdue_contacts(self.store.contacts.all(), today, self.store.settings.nudge_days)
        self._lift = lift_line(energy_lift(entries, today))
        for widget_id, line in (("#selfcare-lift", self._lift),
                                ("#selfcare-due", due_line([c.name for c in due]))):
            widget = self.query_one(widget_id, Static)
            widget.update(line or "")
            widget.display = line is not None

    # Folding: Today gives the lift line what room the side column has left ----------
    def lift_height(self) -> int:
        """The lines the energy-lift line takes now (0 when folded away or absent)."""
        lift = self.query(Static).filter("#selfcare-lift")
        return lift.first().outer_size.height if lift and lift.first().display else 0

    def fit_lift(self, room: int) -> None:
        """Show the energy-lift line only if it fits in ``room`` lines."""
        lift = self.query(Static).filter("#selfcare-lift")
        if not lift or self._lift is None:
            return
        width = self.content_size.width
        needed = lift.first().get_content_height(Size(width, room), Size(width, room), width)
        lift.first().display = needed <= room
