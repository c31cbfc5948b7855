"""Small text charts: horizontal bars, fixed-scale trend lines and a widget for daily trends.

Every chart here pairs its shape with a number or a word, so nothing depends
on colour. Values on a 1–5 scale are drawn against that fixed scale (not the
data's own min and max) so a flat week of 2s does not look like a good week.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉█"
BARS = "▁▂▃▄▅▆▇█"
MISSING = "·"


def hbar(value: float, top: float, width: int) -> str:
    """A left-aligned bar of ``width`` cells, full at ``top``, in eighths of a cell."""
    if top <= 0 or value <= 0 or width <= 0:
        return " " * max(width, 0)
    eighths = round(min(value, top) / top * width * 8)
    eighths = max(eighths, 1)  # anything above zero shows
    full, part = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS[part] if part else "")).ljust(width)


def meter(share: float, width: int) -> str:
    """A gauge of whole cells: filled ``█`` for the share (0..1), ``░`` for the rest."""
    filled = round(min(max(share, 0.0), 1.0) * width)
    return "█" * filled + "░" * (width - filled)


def level_bar(value: float | None, lo: float = 1, hi: float = 5) -> str:
    """One cell whose height shows ``value`` on the fixed scale ``lo``..``hi``."""
    if value is None:
        return MISSING
    share = (min(max(value, lo), hi) - lo) / (hi - lo)
    return BARS[round(share * (len(BARS) - 1))]


def buckets(values: Sequence[float | None], width: int) -> list[float | None]:
    """Averages of consecutive values so that at most ``width`` remain (None are skipped)."""
    if width <= 0 or not values:
        return []
    size = max(1, math.ceil(len(values) / width))
    out: list[float | None] = []
    for start in range(0, len(values), size):
        seen = [v for v in values[start:start + size] if v is not None]
        out.append(sum(seen) / len(seen) if seen else None)
    return out


def component_styles(widget: Widget, names: Iterable[str]) -> dict[str, Style]:
    """Each component class's colour blended onto ``widget``'s background, as Rich styles.

    Resolve them once per render, not once per cell.
    """
    _, base = widget.background_colors
    return {name: Style(color=(base + widget.get_component_styles(name).color).rich_color)
            for name in names}


def mean(values: Sequence[float | None]) -> float | None:
    seen = [v for v in values if v is not None]
    return sum(seen) / len(seen) if seen else None


class TrendChart(Widget):
    """Named rows of daily values on a 1–5 scale, one cell per day (or per few days), oldest left.

    Below the rows a line names the first and last day, so the span is never a guess.
    """

    DEFAULT_CSS = """
    TrendChart { height: auto; width: 1fr; }
    TrendChart > .trendchart--bar { color: $primary; }
    TrendChart > .trendchart--muted { color: $text-muted; }
    """

    COMPONENT_CLASSES = {"trendchart--bar", "trendchart--muted"}
    LABEL = 8
    SUMMARY = 10
    MAX_SCALE = 3

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[tuple[str, list[float | None]]] = []
        self.first: date | None = None
        self.last: date | None = None

    def set_data(self, rows: list[tuple[str, list[float | None]]], first: date, last: date) -> None:
        self.rows, self.first, self.last = rows, first, last
        self.refresh(layout=True)

    def render(self) -> Text:
        width = max(10, (self.content_region.width or 80) - self.LABEL - self.SUMMARY)
        ink = component_styles(self, ("trendchart--bar", "trendchart--muted"))
        bar, muted = ink["trendchart--bar"], ink["trendchart--muted"]
        out = Text()
        drawn = 0
        for name, values in self.rows:
            cells = buckets(values, width)
            # Wide enough: give each day up to three cells so the shape is easier to read.
            scale = max(1, min(self.MAX_SCALE, width // max(1, len(cells))))
            drawn = len(cells) * scale
            out.append(name.ljust(self.LABEL)[: self.LABEL])
            for value in cells:
                out.append(level_bar(value) * scale, muted if value is None else bar)
            avg = mean(values)
            out.append(f"  avg {avg:.1f}" if avg is not None else "  no data", muted)
            out.append("\n")
        if self.first and self.last and drawn:
            left = f"{self.first.day} {self.first:%b}"
            right = "today"
            gap = max(1, drawn - len(left) - len(right))
            out.append(" " * self.LABEL + left + " " * gap + right, muted)
        return out
