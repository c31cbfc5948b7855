"""A calendar heatmap of check-ins: weeks as columns, weekdays as rows, today at the right.

Each day is drawn with a glyph whose height carries the level (mood 1–5, or
how much of the plan was done), so colour only adds to what the shape says:
``·`` is a day without a check-in, ``○`` a rest day, ``✓`` a check-in without
a plan (completion view). Days before the journal began (its first check-in or
rest day) stay blank: a beginner's calendar starts at their first entry, not
with months of "no check-in". It shows as many weeks as fit (at least 26 at 80
columns, at most a year) and keeps a selected day, moved with
:meth:`move` or a click, which it reports with :class:`Heatmap.Selected`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ..domain.dates import stored_days
from ..domain.models import CheckIn
from ..domain.streaks import heatmap_days, heatmap_since, week_start
from .charts import component_styles

LEVELS = "▁▃▅▇█"  # level 1..5: taller is more
NO_CHECKIN, REST, NO_PLAN, FUTURE = "·", "○", "✓", " "
DAY_LABELS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
LABEL = 3  # width of the weekday labels, with their space
MAX_WEEKS, MIN_WEEKS = 53, 4
MODES = ("mood", "completion")
LEGENDS = {
    "mood": ("Mood", ("very low", "low", "okay", "good", "great")),
    "completion": ("Plan done", ("none", "a little", "about half", "most", "all")),
}


def completion_level(done: float) -> int:
    """A share of plan items done (0..1) as a level 1..5."""
    if done <= 0:
        return 1
    if done >= 1:
        return 5
    return 2 if done < 1 / 3 else 3 if done < 2 / 3 else 4


def mood_level(mood: int) -> int:
    return min(5, max(1, int(mood)))


class Heatmap(Widget):
    """Check-in days by mood or plan completion, with weekday labels, months and a legend."""

    DEFAULT_CSS = """
    Heatmap { height: auto; width: 1fr; }
    Heatmap > .heatmap--level-1 { color: $primary 45%; }
    Heatmap > .heatmap--level-2 { color: $primary 60%; }
    Heatmap > .heatmap--level-3 { color: $primary 75%; }
    Heatmap > .heatmap--level-4 { color: $primary 90%; }
    Heatmap > .heatmap--level-5 { color: $primary; }
    Heatmap > .heatmap--empty { color: $text-muted; }
    Heatmap > .heatmap--rest { color: $accent; }
    Heatmap > .heatmap--label { color: $text-muted; }
    """

    COMPONENT_CLASSES = {
        "heatmap--level-1", "heatmap--level-2", "heatmap--level-3", "heatmap--level-4",
        "heatmap--level-5", "heatmap--empty", "heatmap--rest", "heatmap--label",
    }

    mode: reactive[str] = reactive("mood")
    selected: reactive[date] = reactive(date.min, init=False)

    @dataclass
    class Selected(Message):
        """The selected day changed (by keys or a click)."""

        heatmap: Heatmap
        day: date

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.today = date.min
        self.cells: dict[date, tuple[int | None, float | None]] = {}
        self.rest_days: frozenset[date] = frozenset()
        self.rest_weekdays: frozenset[int] = frozenset()
        self.first = date.min  # first day drawn at the current width
        self.started = date.max  # the first check-in ever
        self.begins = date.min  # the first day drawn as part of the journal

    # Data ------------------------------------------------------------------
    @staticmethod
    def first_needed(today: date) -> date:
        """The earliest day whose check-in the heatmap can show (at its widest)."""
        return heatmap_since(today, MAX_WEEKS)

    def set_data(
        self,
        checkins: Sequence[CheckIn],
        today: date,
        rest_days: Iterable[date] = (),
        rest_weekdays: Iterable[int] = (),
        started: date | None = None,
    ) -> None:
        """Show this history; the selection stays where it was (today the first time).

        ``checkins`` may be only those since :meth:`first_needed` when
        ``started``, the first check-in ever, comes with them (Review's day index has it).
        """
        self.today = today
        self.cells = {day: (mood, done)
                      for day, mood, done in heatmap_days(checkins, today, MAX_WEEKS)}
        if started is None:
            started = min(stored_days(c.day for c in checkins), default=date.max)
        self.started = started
        self.rest_days = frozenset(rest_days)
        self.rest_weekdays = frozenset(rest_weekdays)
        self.begins = min(self.started, min(self.rest_days, default=today), today)
        if self.selected == date.min or self.selected > today:
            self.selected = today
        self.refresh(layout=True)

    def is_rest(self, day: date) -> bool:
        """A marked rest day, or a rest weekday once the routine has begun."""
        if day in self.rest_days:
            return True
        return day.weekday() in self.rest_weekdays and self.started <= day

    def weeks_shown(self) -> int:
        width = self.content_region.width or 80
        return max(MIN_WEEKS, min(MAX_WEEKS, (width - LABEL) // 2))

    # Moving the selection -------------------------------------------------------
    def move(self, days: int) -> None:
        """Move the selection by ``days``, staying between the first day shown and today."""
        self.select(self.selected + timedelta(days=days))

    def select(self, day: date) -> None:
        first = self.first if self.first != date.min else day
        self.selected = min(self.today, max(first, day))

    def watch_selected(self, day: date) -> None:
        self.post_message(self.Selected(self, day))

    def watch_mode(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not 1 <= offset.y <= 7 or offset.x < LABEL:
            return
        week = (offset.x - LABEL) // 2
        day = self.first + timedelta(weeks=week, days=offset.y - 1)
        if day <= self.today:
            self.select(day)

    # Drawing -------------------------------------------------------------------
    def glyph(self, day: date) -> tuple[str, str]:
        """The character for one day and its component class."""
        if day > self.today or day < self.begins:
            return FUTURE, "heatmap--empty"
        mood, done = self.cells.get(day, (None, None))
        if mood is None:
            return (REST, "heatmap--rest") if self.is_rest(day) else (NO_CHECKIN, "heatmap--empty")
        if self.mode == "mood":
            level = mood_level(mood)
        elif done is None:
            return NO_PLAN, "heatmap--level-3"
        else:
            level = completion_level(done)
        return LEVELS[level - 1], f"heatmap--level-{level}"

    def _month_line(self, weeks: int, ink: dict[str, Style]) -> Text:
        line = Text(" " * LABEL, style=ink["heatmap--label"])
        marks: list[tuple[int, str]] = []
        for week in range(weeks):
            monday = self.first + timedelta(weeks=week)
            sunday = monday + timedelta(days=6)
            if week == 0 or sunday.day <= 7:  # a month begins in this week
                month = sunday if week else monday
                marks.append((week * 2, f"{month:%b}"))
        if len(marks) > 1 and marks[1][0] < 4:
            marks.pop(0)  # the first partial month has no room for its name
        used = 0
        for col, name in marks:
            if col >= used:
                line.append(" " * (col - used) + name)
                used = col + len(name)
        return line

    def render(self) -> Text:
        weeks = self.weeks_shown()
        self.first = week_start(self.today) - timedelta(weeks=weeks - 1)
        ink = component_styles(self, self.COMPONENT_CLASSES)  # once, not once per day
        label = ink["heatmap--label"]
        selected = Style(reverse=True, bold=True)
        out = self._month_line(weeks, ink)
        for weekday, name in enumerate(DAY_LABELS):
            row = Text("\n" + name.ljust(LABEL), style=label)
            for week in range(weeks):
                day = self.first + timedelta(weeks=week, days=weekday)
                char, cls = self.glyph(day)
                style = ink[cls] + selected if day == self.selected else ink[cls]
                row.append(char, style)
                row.append(" ")
            out.append_text(row)
        out.append_text(self.legend(ink))
        return out

    def legend(self, ink: dict[str, Style]) -> Text:
        """Two lines: what each height means in this mode, then the other marks."""
        title, words = LEGENDS[self.mode]
        text = Text(f"\n{title}: ", style=ink["heatmap--label"])
        for level, word in enumerate(words, start=1):
            text.append(LEVELS[level - 1], ink[f"heatmap--level-{level}"])
            text.append(f" {word}  ")
        text.append("\n")
        if self.mode == "completion":
            text.append(NO_PLAN, ink["heatmap--level-3"])
            text.append(" checked in, no plan  ")
        text.append(NO_CHECKIN, ink["heatmap--empty"])
        text.append(" no check-in  ")
        text.append(REST, ink["heatmap--rest"])
        text.append(" rest day  ")
        text.append(" ", Style(reverse=True))
        text.append(" selected day")
        return text
