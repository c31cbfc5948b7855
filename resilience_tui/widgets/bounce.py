"""Bounce-back over time: how long each finished cool-down took and how much the feelings eased.

Shared by Review (the latest few) and Patterns (the whole history). Each row
shows days as a number and a bar, and intensities as "before → after".
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from ..domain.patterns import BouncePoint
from ..domain.plurals import plural
from .charts import hbar

EMPTY = ("No finished cool-downs yet. Each one you see through shows here: how many days it "
         "took to move on, and how much the feelings eased.")
NAME_WIDTH = 18
BAR_WIDTH = 10


def _days(n: float) -> str:
    return plural(round(n), "day") if n == int(n) else f"{n:.1f} days"


def _eased(p: BouncePoint) -> str:
    if p.before is None:
        return "no feelings named"
    if p.after is None or p.drop is None:
        return f"{p.before:.0f} → not re-rated"
    change = (f"eased {p.drop:.0f}" if p.drop > 0 else f"up {-p.drop:.0f}" if p.drop < 0
              else "the same")
    return f"{p.before:.0f} → {p.after:.0f} ({change})"


def summary(points: Sequence[BouncePoint]) -> str:
    """One or two plain sentences about bounce-back so far."""
    if not points:
        return EMPTY
    days = [p.days for p in points]
    text = (f"{plural(len(points), 'finished cool-down')}: "
            f"{_days(sum(days) / len(days))} from logging to moving on, on average.")
    drops = [p.drop for p in points if p.drop is not None]
    if drops:
        avg = sum(drops) / len(drops)
        text += (f" Feelings eased by {avg:.0f} points of 100 on average." if avg > 0 else
                 " The feelings took their time to ease; that happens, and it still counts.")
    if len(points) >= 4:
        half = len(points) // 2
        early = sum(days[:half]) / half
        late = sum(days[half:]) / (len(days) - half)
        if late < early:
            text += f" Lately {_days(late)}, down from {_days(early)} earlier."
        elif late > early:
            text += f" Lately {_days(late)}, compared with {_days(early)} earlier."
    return text


def rows(points: Sequence[BouncePoint], limit: int | None = None) -> str:
    """One line per finished cool-down, oldest first; the latest ``limit`` when given."""
    shown = list(points)[-limit:] if limit else list(points)
    if not shown:
        return ""
    top = max(p.days for p in shown) or 1
    lines = []
    if len(shown) < len(points):
        lines.append(f"… {len(points) - len(shown)} earlier (all of them are on Patterns, p)")
    for p in shown:
        name = p.company if len(p.company) <= NAME_WIDTH else p.company[: NAME_WIDTH - 1] + "…"
        lines.append(f"{p.logged_on.day:>2} {p.logged_on:%b %Y}  {name:<{NAME_WIDTH}} "
                     f"{hbar(p.days, top, BAR_WIDTH)} {_days(p.days):>7}  {_eased(p)}")
    return "\n".join(lines)


class BounceBack(Static):
    """A summary sentence and the rows; ``limit`` keeps only the latest few."""

    DEFAULT_CSS = """
    BounceBack { height: auto; }
    """

    def __init__(self, limit: int | None = None, *, points: Sequence[BouncePoint] = (),
                 id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.limit = limit
        self.set_points(points)

    def set_points(self, points: Sequence[BouncePoint]) -> None:
        table = rows(points, self.limit)
        self.update(summary(points) + (f"\n\n{table}" if table else ""))
