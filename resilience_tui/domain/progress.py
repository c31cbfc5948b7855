"""Momentum toward the yes: how far each process got over time, and steps month by month.

A rejection records the stage a process reached before the no (applied → screen →
interview → final → offer). Read in order, those stages show progress that a list of
no's hides: a first final round after months of screening calls is further than ever
before, even though it ended the same way. Plan items ticked done (applications,
outreach, practice, learning) are the steps taken; this month is set beside the last.

Pure Python over the records; one pass over the rejections and one over the
check-ins, so ten years of history cost a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .choices import STAGES
from .dates import stored_day
from .models import CheckIn, Rejection
from .plurals import plural

# How each stage reads in a sentence ("further than ever: a final round at Initech").
STAGE_PHRASES = {
    "applied": "an application",
    "screen": "a screening call",
    "interview": "an interview",
    "final": "a final round",
    "offer": "an offer",
}
RANK = {stage: n for n, stage in enumerate(STAGES)}
PERIODS_SHOWN = 6
MONTHS_UNTIL = 365  # a history shorter than a year is read by month, a longer one by quarter
NEW_BEST_DAYS = 30  # how long Today mentions a new furthest stage
STEPS_WORTH_A_WORD = 3


@dataclass(frozen=True)
class Process:
    """One application process, read from its rejection: when the no came and how far it got."""

    day: date
    company: str
    stage: str
    rank: int  # index in STAGES: 0 applied … 4 offer
    moved_on_days: int | None  # from logging the no to moving on; None while cooling down


@dataclass(frozen=True)
class Period:
    """A month or a quarter: how many processes ended at each stage in it."""

    first: date
    last: date
    counts: tuple[int, ...]  # per stage, in STAGES order
    moved_on_days: float | None  # average over its finished cool-downs
    new_best: bool  # a process here went further than every one before it

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class StageProgress:
    """Processes over time, the latest periods first shown last, and the furthest so far."""

    periods: tuple[Period, ...]  # oldest first, the latest ``PERIODS_SHOWN`` with processes
    by_month: bool
    total: int
    earlier: int  # processes before the periods shown
    best: Process | None  # the latest process that reached the furthest stage
    best_times: int  # how many processes reached it
    first_best: Process | None  # the first process that reached it
    record: Process | None  # the latest process that went further than all before it
    previous_best: str | None  # the furthest stage before ``record`` (None without a record)


def processes(rejections: Iterable[Rejection]) -> list[Process]:
    """Every rejection with a readable day and stage, oldest first."""
    out = []
    for r in rejections:
        day = stored_day(r.received_on) or stored_day(r.logged_on)
        if day is None or r.stage not in RANK:
            continue  # damaged; doctor names it
        logged, moved = stored_day(r.logged_on), stored_day(r.cooldown.moved_on_on)
        days = (moved - logged).days if logged and moved else None  # as bounce-back counts
        out.append(Process(day, r.company, r.stage, RANK[r.stage], days))
    out.sort(key=lambda p: (p.day, p.rank, p.company))
    return out


def _quarter(day: date) -> tuple[date, date]:
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return first, _month_end(date(first.year, first.month + 2, 1))


def _month(day: date) -> tuple[date, date]:
    return day.replace(day=1), _month_end(day)


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _period(first: date, last: date, found: Sequence[Process], records: set[int]) -> Period:
    counts = [0] * len(STAGES)
    for p in found:
        counts[p.rank] += 1
    days = [p.moved_on_days for p in found if p.moved_on_days is not None]
    return Period(first, last, tuple(counts), sum(days) / len(days) if days else None,
                  any(id(p) in records for p in found))


def stage_progress(rejections: Iterable[Rejection], today: date,
                   shown: int = PERIODS_SHOWN) -> StageProgress:
    """How far processes got, by month (under a year of history) or by quarter."""
    found = processes(rejections)
    if not found:
        return StageProgress((), True, 0, 0, None, 0, None, None, None)
    by_month = (today - found[0].day).days < MONTHS_UNTIL
    span = _month if by_month else _quarter
    records: set[int] = set()
    record: Process | None = None
    previous: str | None = None
    top = -1
    for p in found:
        if p.rank > top:
            if top >= 0:  # the very first process is no one's record
                records.add(id(p))
                record, previous = p, STAGES[top]
            top = p.rank
    groups: dict[date, list[Process]] = {}
    for p in found:
        groups.setdefault(span(p.day)[0], []).append(p)
    keys = sorted(groups)[-shown:]
    periods = tuple(_period(k, span(k)[1], groups[k], records) for k in keys)
    best = [p for p in found if p.rank == top]
    return StageProgress(
        periods=periods, by_month=by_month, total=len(found),
        earlier=len(found) - sum(len(groups[k]) for k in keys),
        best=best[-1], best_times=len(best), first_best=best[0], record=record,
        previous_best=previous)


def recent_record(progress: StageProgress, today: date,
                  within: int = NEW_BEST_DAYS) -> Process | None:
    """The latest new furthest stage when it came in the last ``within`` days."""
    r = progress.record
    return r if r is not None and 0 <= (today - r.day).days < within else None


# --- steps month by month ---------------------------------------------------------------

STEP_KINDS = (("apply", "Applications"), ("outreach", "Outreach"),
              ("practice", "Interview practice"), ("learn", "Learning"))


@dataclass(frozen=True)
class Steps:
    """Plan items ticked done between two days, by kind (see STEP_KINDS)."""

    apply: int = 0
    outreach: int = 0
    practice: int = 0
    learn: int = 0

    @property
    def total(self) -> int:
        return self.apply + self.outreach + self.practice + self.learn

    def of(self, kind: str) -> int:
        return int(getattr(self, kind))


@dataclass(frozen=True)
class MonthSteps:
    """This month so far, last month in full, and last month up to the same day."""

    this_month: date  # its first day
    last_month: date
    same_day: date  # last month's day matching today (its last day when it is shorter)
    this: Steps
    last: Steps
    last_by_now: Steps
    # A check-in by ``same_day``: the journal was in use then, so "by this day last month"
    # compares like with like. Before the user started, that 0 would only flatter or sting.
    compared: bool = True

    @property
    def ahead(self) -> bool:
        """More steps so far than by this day last month, and enough to be worth a word."""
        return (self.compared and self.this.total > self.last_by_now.total
                and self.this.total >= STEPS_WORTH_A_WORD)


def steps_since(today: date) -> date:
    """The first day :func:`month_steps` looks at: the first of last month."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def month_steps(checkins: Iterable[CheckIn], today: date) -> MonthSteps:
    """Done plan items of the kinds that move a search on, this month against the last."""
    this_first = today.replace(day=1)
    last_first = steps_since(today)
    same_day = min(today.day, (this_first - timedelta(days=1)).day)
    bounds = (last_first.isoformat(), last_first.replace(day=same_day).isoformat(),
              this_first.isoformat(), today.isoformat())
    kinds = [k for k, _ in STEP_KINDS]
    this, last, by_now = ({k: 0 for k in kinds} for _ in range(3))
    compared = False
    for c in checkins:
        day = c.day
        if not isinstance(day, str) or not bounds[0] <= day <= bounds[3]:
            continue
        compared = compared or day <= bounds[1]
        into = this if day >= bounds[2] else last
        for item in c.plan:
            if item.done and item.kind in into:
                into[item.kind] += 1
                if into is last and day <= bounds[1]:
                    by_now[item.kind] += 1
    return MonthSteps(this_first, last_first, last_first.replace(day=same_day), Steps(**this),
                      Steps(**last), Steps(**by_now), compared)


# --- the one line on Today --------------------------------------------------------------


def today_line(progress: StageProgress, steps: MonthSteps, today: date) -> str:
    """One short line for Today when there is something to say, else ""."""
    record = recent_record(progress, today)
    if record is not None:
        return f"↗ Further than ever: {STAGE_PHRASES[record.stage]} at {record.company}"
    if steps.ahead:
        return (f"↗ {plural(steps.this.total, 'step')} this month; "
                f"{steps.last_by_now.total} by this day last month")
    return ""
