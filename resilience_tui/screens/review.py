"""Review: streaks, strength, the calendar, trends, this week and last, bounce-back, momentum.

Proof of progress in weeks without offers (idea I9). Every figure comes from
:mod:`resilience_tui.journal.momentum` and the domain rules, so Review and
``resilience status`` always agree. Keys: ←/→ pick a day on the calendar,
``x`` marks it as a rest day (or unmarks it), ``m`` switches the calendar
between mood and plan completion, ``t`` switches the trends between 30 and
90 days.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, cast

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Static

from ..domain.cooldown import readable
from ..domain.dates import short_day, stored_day
from ..domain.day_index import DayIndex
from ..domain.models import CheckIn, Rejection, SelfCare
from ..domain.patterns import bounce_back
from ..domain.plurals import plural
from ..domain.streaks import WeekFigures, week_figures, week_start
from ..journal.days import day_index
from ..journal.momentum import Momentum, momentum, progress
from ..journal.rest import is_marked, toggle_rest_day
from ..widgets.bounce import BounceBack
from ..widgets.charts import TrendChart, hbar, meter
from ..widgets.heatmap import Heatmap
from ..widgets.scale import ENERGY_WORDS, MOOD_WORDS
from .base import AppScreen, JournalHost, notify_saved
from .review_momentum import MomentumSection

SPANS = (30, 90)
STRENGTH_HINT = "Strength grows with each check-in and eases off slowly on missed days."
FIRST_HINT = ("Nothing to count yet. Your first morning check-in (m on Today) starts the "
              "streak, the calendar and the trends.")
SELFCARE_WEEKS = 8


def day_with_year(day: date) -> str:
    return short_day(day, year=True)


def rest_day_and_say(app: App[Any], day: date) -> None:
    """Mark or unmark ``day`` as a rest day and say so: a refusal always (it wrote nothing),
    a change only once it reached the file."""
    done = toggle_rest_day(cast(JournalHost, app).store, day)
    if done.changed:
        notify_saved(app, done.message, timeout=5)
    else:
        app.notify(done.message, timeout=5)


def streak_text(current: int, longest: int, alive_until_tonight: bool = False) -> str:
    if not longest:
        return "not started yet"
    if not current:
        return f"ready for a fresh start · longest {longest}"
    days = f"{plural(current, 'day')} in a row"
    note = " (a check-in today keeps it going)" if alive_until_tonight else ""
    return f"{days}{note} · longest {longest}"


def summary_text(m: Momentum) -> str:
    pct = round(m.strength * 100)
    return "\n".join((
        f"Check-ins   {streak_text(m.checkin.current, m.checkin.longest, m.at_risk)}",
        f"Self-care   {streak_text(m.selfcare.current, m.selfcare.longest)}",
        f"Strength    {pct:>3}% {meter(m.strength, 20)}",
    ))


def calendar_day_text(day: date, checkin: CheckIn | None, rest: bool) -> str:
    """What the calendar's selected day holds, in words."""
    parts = [day_with_year(day)]
    if checkin is not None:
        mood = MOOD_WORDS[min(5, max(1, checkin.mood)) - 1]
        energy = ENERGY_WORDS[min(5, max(1, checkin.energy)) - 1]
        parts.append(f"mood {checkin.mood} {mood}")
        parts.append(f"energy {checkin.energy} {energy}")
        done = sum(1 for p in checkin.plan if p.done)
        parts.append(f"plan {done} of {len(checkin.plan)} done" if checkin.plan
                     else "no plan that day")
    else:
        parts.append("no check-in")
        if rest:
            parts.append("rest day")
    return " · ".join(parts)


def selfcare_since(today: date, weeks: int) -> date:
    """The first day :func:`selfcare_weeks` counts: the Monday ``weeks - 1`` weeks back."""
    return week_start(today) - timedelta(weeks=weeks - 1)


def selfcare_weeks(selfcare: Sequence[SelfCare], today: date, weeks: int) -> str:
    """Minutes of self-care in each of the last ``weeks`` weeks, as bars with numbers."""
    this_monday = week_start(today)
    mondays = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    minutes = dict.fromkeys(mondays, 0)
    for s in selfcare:
        day = stored_day(s.day)
        if day is not None and mondays[0] <= day <= today:
            minutes[week_start(day)] += max(0, int(s.minutes or 0))
    if not any(minutes.values()):
        return ("No self-care logged in these weeks yet. A walk, a call with a friend, "
                "half an hour of something you enjoy: press s on Today to note one.")
    top = max(minutes.values())
    labels = {monday: "this week" if monday == this_monday else f"week of {monday.day} {monday:%b}"
              for monday in minutes}
    pad = max(len(label) for label in labels.values())  # every bar starts in one column
    return "\n".join(f"{labels[monday]:<{pad}} {hbar(total, top, 30)} {total:>4} min"
                     for monday, total in minutes.items())


WEEK_ROWS = (
    ("Applications", "applications"),
    ("Outreach", "outreach"),
    ("Interview practice", "practice"),
    ("Learning", "learning"),
    ("Self-care days", "selfcare_days"),
    ("Rejections logged", "rejections_logged"),
    ("Cool-downs completed", "cooldowns_completed"),
)


def weeks_compared(index: DayIndex, rejections: Sequence[Rejection],
                   today: date) -> tuple[WeekFigures, WeekFigures]:
    """This week's figures and last week's, from the two weeks of the day index."""
    monday = week_start(today)
    figures = []
    for first in (monday, monday - timedelta(weeks=1)):
        last = first + timedelta(days=6)
        figures.append(week_figures(index.checkins_between(first, last),
                                    index.selfcare_between(first, last), rejections, first))
    return figures[0], figures[1]


def week_table(this: WeekFigures, last: WeekFigures) -> str:
    """This week beside last week, one figure a line."""
    lines = [f"{'':<22}{'this week':>10}{'last week':>11}"]
    for label, name in WEEK_ROWS:
        lines.append(f"{label:<22}{getattr(this, name):>10}{getattr(last, name):>11}")

    def mood(w: WeekFigures) -> str:
        return f"{w.average_mood:.1f}" if w.average_mood is not None else "–"

    lines.append(f"{'Average mood':<22}{mood(this):>10}{mood(last):>11}")
    lines.append("Plan items count once ticked done.")
    return "\n".join(lines)


class ReviewScreen(AppScreen[None]):
    """Everything that shows the routine is working, even when it doesn't feel like it."""

    DEFAULT_CSS = """
    ReviewScreen #day-detail { margin-top: 1; }
    ReviewScreen #pair { height: auto; layout: vertical; }
    ReviewScreen #pair > Vertical { height: auto; }
    ReviewScreen.wide #pair { layout: horizontal; }
    ReviewScreen.wide #pair > Vertical { width: 1fr; }
    ReviewScreen.wide #weeks-box { padding-left: 2; }
    """

    WIDE = 110  # from this many columns, self-care and the week sit side by side

    BINDINGS = [
        Binding("escape", "dismiss", "Back"),
        Binding("left", "move(-1)", "Day", key_display="←→"),
        Binding("right", "move(1)", "Day", show=False),
        Binding("shift+left", "move(-7)", "Week earlier", show=False),
        Binding("shift+right", "move(7)", "Week later", show=False),
        Binding("x", "rest", "Rest day"),
        Binding("m", "mode", "Mood/plan"),
        Binding("t", "span", "30/90 days"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.span = SPANS[0]
        self.by_day: dict[str, CheckIn] = {}
        self.figures: Momentum | None = None

    def compose(self) -> ComposeResult:
        yield Static("Review", id="review-top", classes="page-top")
        with VerticalScroll(id="review", classes="page-body"):
            yield Static(id="summary", markup=False)
            yield Static(STRENGTH_HINT, id="strength-hint", classes="hint")
            yield Static("Your calendar", classes="heading")
            yield Heatmap(id="heatmap")
            yield Static(id="day-detail", markup=False)
            yield Static("←/→ pick a day (shift for a week) · x rest day · m mood or plan",
                         classes="hint")
            yield Static(id="trend-heading", classes="heading")
            yield TrendChart(id="trends")
            with Horizontal(id="pair"):
                with Vertical(id="selfcare-box"):
                    yield Static("Self-care minutes per week", classes="heading")
                    yield Static(id="selfcare-weeks", markup=False)
                with Vertical(id="weeks-box"):
                    yield Static("This week and last", classes="heading")
                    yield Static(id="weeks", markup=False)
            yield Static("Bounce-back after a rejection", classes="heading")
            yield BounceBack(limit=5, id="bounce")
            yield MomentumSection(id="momentum")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= self.WIDE, "wide")

    def refresh_data(self) -> None:
        """Read everything again from the store (after marking a rest day, or on open)."""
        store = self.store
        m = self.figures = momentum(store)
        today = m.today
        index = day_index(store)  # shared with momentum: built once per change
        self.by_day = index.by_day
        self.query_one("#review-top", Static).update(f"Review · {day_with_year(today)}")
        self.query_one("#summary", Static).update(summary_text(m))
        self.query_one("#strength-hint", Static).update(
            STRENGTH_HINT if m.has_history else FIRST_HINT)
        heatmap = self.query_one(Heatmap)
        heatmap.set_data(index.checkins_between(heatmap.first_needed(today), today), today,
                         m.rest_days, m.rest_weekdays,
                         started=index.first_checkin or date.max)
        self._show_trends()
        self.query_one("#selfcare-weeks", Static).update(
            selfcare_weeks(index.selfcare_between(selfcare_since(today, SELFCARE_WEEKS), today),
                           today, SELFCARE_WEEKS))
        rejections = store.rejections.all()
        this, last = weeks_compared(index, rejections, today)
        self.query_one("#weeks", Static).update(week_table(this, last))
        self.query_one(BounceBack).set_points(bounce_back(readable(rejections)))
        self.query_one(MomentumSection).show(progress(store, today))
        self._show_day(self.query_one(Heatmap).selected)

    def _show_trends(self) -> None:
        today = self.figures.today if self.figures else self.clock.today()
        first = today - timedelta(days=self.span - 1)
        days = [(first + timedelta(days=n)).isoformat() for n in range(self.span)]
        found = [self.by_day.get(d) for d in days]
        heading = f"Mood and energy, last {self.span} days (t for {SPANS[self.span == 30]})"
        self.query_one("#trend-heading", Static).update(heading)
        self.query_one(TrendChart).set_data([
            ("Mood", [c.mood if c else None for c in found]),
            ("Energy", [c.energy if c else None for c in found]),
        ], first, today)

    def _show_day(self, day: date) -> None:
        if day == date.min or self.figures is None:
            return
        heatmap = self.query_one(Heatmap)
        text = calendar_day_text(day, self.by_day.get(day.isoformat()), heatmap.is_rest(day))
        self.query_one("#day-detail", Static).update(text)

    def on_heatmap_selected(self, event: Heatmap.Selected) -> None:
        self._show_day(event.day)

    # Actions ------------------------------------------------------------------
    def action_move(self, days: int) -> None:
        self.query_one(Heatmap).move(days)

    def action_mode(self) -> None:
        heatmap = self.query_one(Heatmap)
        heatmap.mode = "completion" if heatmap.mode == "mood" else "mood"

    def action_span(self) -> None:
        self.span = SPANS[self.span == SPANS[0]]
        self._show_trends()

    def action_rest(self) -> None:
        day = self.query_one(Heatmap).selected
        rest_day_and_say(self.app, day)
        self.refresh_data()


def rest_today_command(app: App[Any]) -> tuple[str, str, Callable[[], None]]:
    """The palette command that marks today as a rest day (or unmarks it)."""
    host = cast(JournalHost, app)
    today = host.clock.today()
    marked = is_marked(host.store, today)

    def run() -> None:
        rest_day_and_say(app, host.clock.today())

    if marked:
        return ("Unmark today as a rest day", "Make today an ordinary day again", run)
    return ("Mark today as a rest day",
            "A day off: it keeps your check-in streak without adding to it", run)
