"""Streaks, routine strength and the weekly figures shown on the Review screen.

Pure Python over ``datetime.date`` values: callers turn stored ``YYYY-MM-DD``
strings into dates with ``dates.stored_days``. The rules are the "Exact
rules" of PRODUCT.md, so the ``status`` command and the Review screen agree.

Everything is linear in the size of the history: days are kept as ordinal
integers in sets, sorted once, and gaps are skipped in closed form rather than
walked day by day (a gap of years costs no more than a gap of a day).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .checkin import checkins_by_day
from .dates import stored_day
from .models import CheckIn, Rejection, SelfCare
from .past_plan import done_count

# Loop Habit Tracker's daily multiplier: a perfect habit's score halves its
# distance to 1 every 13 days.
MULTIPLIER = 0.5 ** (1 / 13)
LOW_MOOD = 2  # moods at or below this count as a low day
GENTLE_NOTE_MIN_DAYS = 4
GENTLE_NOTE_DAYS = 14  # the gentle note looks back this many days, today included


@dataclass(frozen=True)
class Streak:
    """A streak's current length (0 when broken) and the longest it has ever been."""

    current: int
    longest: int


@dataclass(frozen=True)
class WeekFigures:
    """What happened in one Monday–Sunday week."""

    applications: int
    outreach: int
    practice: int
    learning: int
    selfcare_days: int
    rejections_logged: int
    cooldowns_completed: int
    average_mood: float | None


# --- days as ordinals -------------------------------------------------------


def _weekday(ordinal: int) -> int:
    """Weekday of an ordinal day, 0 = Monday (ordinal 1, 0001-01-01, was a Monday)."""
    return (ordinal + 6) % 7


def _ordinals(days: Iterable[date], last: date) -> set[int]:
    """Distinct days up to and including ``last``, as ordinals."""
    limit = last.toordinal()
    return {o for o in (d.toordinal() for d in days) if o <= limit}


def _weekdays(rest_weekdays: Iterable[int]) -> frozenset[int]:
    return frozenset(int(w) % 7 for w in rest_weekdays)


# --- streaks ------------------------------------------------------------------


def _bridged(start: int, end: int, rest: set[int], weekdays: frozenset[int]) -> bool:
    """True when every day strictly between ``start`` and ``end`` is a rest day.

    Stops at the first ordinary day; since one turns up within any seven days
    unless rest days fill them, the total work stays linear in the history.
    """
    if len(weekdays) == 7:
        return True
    return all(
        day in rest or _weekday(day) in weekdays for day in range(start + 1, end)
    )


def _streak(
    active: set[int], today: int, rest: set[int], weekdays: frozenset[int]
) -> Streak:
    """Runs of active days where only rest days may fill the gaps."""
    if not active:
        return Streak(0, 0)
    ordered = sorted(active)
    run = longest = 0
    last = ordered[0] - 1
    for day in ordered:
        if day == last + 1 or _bridged(last, day, rest, weekdays):
            run += 1
        else:
            longest = max(longest, run)
            run = 1
        last = day
    longest = max(longest, run)
    # Today is still open: a streak ending yesterday (or before rest days
    # leading up to today) stays alive until today is over.
    alive = last == today or _bridged(last, today, rest, weekdays)
    return Streak(run if alive else 0, longest)


def checkin_streak(
    days: Iterable[date],
    today: date,
    rest_weekdays: Iterable[int] = (),
    rest_days: Iterable[date] = (),
) -> Streak:
    """Current and longest morning check-in streak; rest days bridge without counting."""
    return checkin_streak_of(_ordinals(days, today), today, rest_weekdays,
                             _ordinals(rest_days, today))


def checkin_streak_of(
    active: Iterable[int], today: date, rest_weekdays: Iterable[int] = (),
    rest: Iterable[int] = (),
) -> Streak:
    """:func:`checkin_streak` over days already read: distinct ordinals up to ``today``
    (as :class:`~resilience_tui.domain.day_index.DayIndex` keeps them)."""
    return _streak(set(active), today.toordinal(), set(rest), _weekdays(rest_weekdays))


def selfcare_streak(days: Iterable[date], today: date) -> Streak:
    """Current and longest run of days with at least one self-care entry."""
    return selfcare_streak_of(_ordinals(days, today), today)


def selfcare_streak_of(active: Iterable[int], today: date) -> Streak:
    """:func:`selfcare_streak` over distinct ordinals up to ``today``."""
    return _streak(set(active), today.toordinal(), set(), frozenset())


EVENING_HOUR = 18  # from 18:00 a word about today's check-in is timely, not a nag


def is_evening(hour: int, day_start_hour: int = 4) -> bool:
    """Evening of the user's day: from 18:00, and on until the day start hour.

    Before the day start it is still the previous day (see :mod:`resilience_tui.clock`),
    so 01:30 with a start hour of 4 is that day's late evening.
    """
    return hour >= EVENING_HOUR or hour < day_start_hour


def streak_at_risk(
    days: Iterable[date],
    today: date,
    rest_weekdays: Iterable[int] = (),
    rest_days: Iterable[date] = (),
    streak: Streak | None = None,
) -> bool:
    """A live check-in streak that ends tonight unless today gets a check-in.

    On a rest day the streak carries over to tomorrow, so it is not at risk.
    ``streak`` is today's check-in streak when the caller has it already.
    """
    active = set(days)
    weekdays = tuple(rest_weekdays)
    rest = set(rest_days)
    if today in active or today in rest or today.weekday() in weekdays:
        return False
    return (streak or checkin_streak(active, today, weekdays, rest)).current > 0


def streak_at_risk_of(
    active: Collection[int], today: date, rest_weekdays: Iterable[int], rest: Collection[int],
    streak: Streak,
) -> bool:
    """:func:`streak_at_risk` over ordinals, given today's check-in streak."""
    now = today.toordinal()
    if now in active or now in rest or today.weekday() in tuple(rest_weekdays):
        return False
    return streak.current > 0


# --- routine strength ---------------------------------------------------------


def _missed(start: int, stop: int, weekdays: frozenset[int]) -> int:
    """How many days in ``[start, stop)`` are not rest weekdays, in constant time."""
    if stop <= start:
        return 0
    full, extra = divmod(stop - start, 7)
    tail = sum(1 for i in range(extra) if _weekday(start + i) not in weekdays)
    return full * (7 - len(weekdays)) + tail


def _score(active: set[int], rest: set[int], weekdays: frozenset[int], end: int) -> float:
    """Loop's score after day ``end``, from 0 before the first active day.

    A check-in day moves the score towards 1; a rest day (weekday or marked)
    that is not a check-in day leaves it unchanged; any other day decays it.
    Only check-in and marked rest days are visited; gaps decay in one step.
    """
    done = sorted(d for d in active if d <= end)
    if not done:
        return 0.0
    first = done[0]
    events = sorted(done + [d for d in rest if first < d <= end and d not in active])
    score, cursor = 0.0, first
    for day in events:
        if day > cursor:  # a gap: decay once for all its ordinary days
            score *= MULTIPLIER ** _missed(cursor, day, weekdays)
        if day in active:
            score = score * MULTIPLIER + (1 - MULTIPLIER)
        cursor = day + 1
    return score * MULTIPLIER ** _missed(cursor, end + 1, weekdays)


def routine_strength(
    days: Iterable[date],
    today: date,
    rest_weekdays: Iterable[int] = (),
    rest_days: Iterable[date] = (),
) -> float:
    """Loop's score through yesterday, plus today once today is checked in (0..1).

    Rest days that are not check-in days leave the score unchanged rather than
    counting as missed: that reading gives Loop's 0.596033 for 20 days ending
    today with three of them rest days (counting them as missed gives 0.556629).
    """
    return routine_strength_of(_ordinals(days, today), today, rest_weekdays,
                               _ordinals(rest_days, today))


def routine_strength_of(
    active: Iterable[int], today: date, rest_weekdays: Iterable[int] = (),
    rest: Iterable[int] = (),
) -> float:
    """:func:`routine_strength` over distinct ordinals up to ``today``."""
    done = set(active)
    now = today.toordinal()
    end = now if now in done else now - 1
    return _score(done, set(rest), _weekdays(rest_weekdays), end)


def strength_series(
    days: Iterable[date],
    today: date,
    rest_weekdays: Iterable[int] = (),
    rest_days: Iterable[date] = (),
    span: int = 90,
) -> list[tuple[date, float]]:
    """Routine strength at the end of each of the last ``span`` days, oldest first.

    Today's value follows :func:`routine_strength` (no decay until today is over).
    """
    return strength_series_of(_ordinals(days, today), today, rest_weekdays,
                              _ordinals(rest_days, today), span)


def strength_series_of(
    days: Iterable[int],
    today: date,
    rest_weekdays: Iterable[int] = (),
    rest_days: Iterable[int] = (),
    span: int = 90,
) -> list[tuple[date, float]]:
    """:func:`strength_series` over distinct ordinals up to ``today``."""
    active, rest = set(days), set(rest_days)
    weekdays = _weekdays(rest_weekdays)
    now = today.toordinal()
    start = now - max(span, 0) + 1
    score = _score(active, rest, weekdays, start - 1)
    series: list[tuple[date, float]] = []
    for day in range(start, now + 1):
        if day in active:
            score = score * MULTIPLIER + (1 - MULTIPLIER)
        elif day != now and day not in rest and _weekday(day) not in weekdays:
            score *= MULTIPLIER
        series.append((date.fromordinal(day), score))
    return series


# --- weeks, moods and the calendar ----------------------------------------------


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def _within(value: str | None, first: str, last: str) -> bool:
    """Whether a stored day falls in ``[first, last]`` (ISO days sort as strings: no parsing)."""
    return isinstance(value, str) and len(value) == 10 and first <= value <= last


def week_figures(
    checkins: Sequence[CheckIn],
    selfcare: Sequence[SelfCare],
    rejections: Sequence[Rejection],
    monday: date,
) -> WeekFigures:
    """Counts for the Monday–Sunday week starting ``monday`` (see PRODUCT.md, Review)."""
    first, last = monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    week = [c for c in checkins if _within(c.day, first, last)]
    done: dict[str, int] = {}
    for item in (p for c in week for p in c.plan if p.done):
        done[item.kind] = done.get(item.kind, 0) + 1
    moods = [c.mood for c in week]
    return WeekFigures(
        applications=done.get("apply", 0),
        outreach=done.get("outreach", 0),
        practice=done.get("practice", 0),
        learning=done.get("learn", 0),
        selfcare_days=len({s.day for s in selfcare if _within(s.day, first, last)}),
        rejections_logged=sum(1 for r in rejections if _within(r.logged_on, first, last)),
        cooldowns_completed=sum(
            1 for r in rejections if _within(r.cooldown.moved_on_on, first, last)
        ),
        average_mood=sum(moods) / len(moods) if moods else None,
    )


def _by_day(checkins: Sequence[CheckIn], first: date, last: date) -> dict[date, CheckIn]:
    """One check-in per day in ``[first, last]``, picked as :func:`checkin_for_day` does."""
    found: dict[date, CheckIn] = {}
    lo, hi = first.isoformat(), last.isoformat()
    inside = (c for c in checkins if _within(c.day, lo, hi))
    for key, checkin in checkins_by_day(inside).items():
        day = stored_day(key)
        if day is not None:
            found[day] = checkin
    return found


def low_mood_days(
    checkins: Sequence[CheckIn], today: date, window: int = GENTLE_NOTE_DAYS
) -> tuple[int, int]:
    """(days with mood <= 2, days checked in) over the last ``window`` days, today included."""
    days = _by_day(checkins, today - timedelta(days=window - 1), today)
    low = sum(1 for c in days.values() if c.mood <= LOW_MOOD)
    return low, len(days)


def needs_gentle_note(checkins: Sequence[CheckIn], today: date) -> bool:
    """Low mood on most checked-in days of the last 14: more than half, and at least 4."""
    low, seen = low_mood_days(checkins, today)
    return low >= GENTLE_NOTE_MIN_DAYS and low * 2 > seen


def _completion(checkin: CheckIn) -> float | None:
    """Share of plan items done; None for a check-in without a plan."""
    if not checkin.plan:
        return None
    return done_count(checkin.plan) / len(checkin.plan)


def heatmap_since(today: date, weeks: int = 26) -> date:
    """The first day :func:`heatmap_days` covers: the Monday ``weeks - 1`` weeks back."""
    return week_start(today) - timedelta(weeks=max(weeks, 1) - 1)


def heatmap_days(
    checkins: Sequence[CheckIn], today: date, weeks: int = 26
) -> list[tuple[date, int | None, float | None]]:
    """Every day from the Monday ``weeks - 1`` weeks before today's week through today.

    Each entry is (day, mood, plan completion); both are None on a day without
    a check-in, and completion is None for a check-in with an empty plan.
    """
    first = heatmap_since(today, weeks)
    found = _by_day(checkins, first, today)
    cells: list[tuple[date, int | None, float | None]] = []
    for offset in range((today - first).days + 1):
        day = first + timedelta(days=offset)
        checkin = found.get(day)
        if checkin is None:
            cells.append((day, None, None))
        else:
            cells.append((day, checkin.mood, _completion(checkin)))
    return cells
