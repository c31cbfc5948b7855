"""Today's self-care and people panel: today against the intention, energy lift, who's due."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.widgets import Static

from ...journal.today import SELFCARE_EMPTY as EMPTY
from ...journal.today import TodayView
from .panel import TodayPanel, part


class SelfCarePanel(TodayPanel):
    """Today's self-care and who is due a hello. On a crowded Today the energy-lift line
    (a figure Review shows too) gives way first, so the names stay in view."""

    PANEL_TITLE = "Self-care and people"

    _lift: str | None = None  # the energy-lift line, shown when there is room for it

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="selfcare-today", classes="muted", markup=False)
        yield Static(id="selfcare-lift", classes="muted", markup=False)
        yield Static(id="selfcare-due", markup=False)

    def show_view(self, view: TodayView) -> None:
        care = part(view.selfcare)
        summary = self.query_one("#selfcare-today", Static)
        summary.update("\n".join(care.lines))
        summary.set_class(care.muted, "muted")
        self._lift = care.lift
        for widget_id, line in (("#selfcare-lift", self._lift), ("#selfcare-due", care.due)):
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
