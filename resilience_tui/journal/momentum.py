"""Momentum read from the store: the figures of ``resilience status`` and the screens.

``status`` must start fast, so this module never imports Textual: the command
opens the file once (read only) and computes everything from stored days.
The screens (Today's momentum panel, Review) use :func:`momentum` too, so the
command line and the app always agree; :func:`progress` adds Review's "momentum toward
the yes" (how far processes got, steps month by month, self-care lifts) and
:func:`progress_line` the one line Today shows of it. Days that are malformed are skipped and
days in the future are ignored by the domain rules (``doctor`` reports both).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..domain import cooldown, streaks
from ..domain.lifts import LiftInsight, lift_insight, lift_since
from ..domain.progress import (
    MonthSteps,
    StageProgress,
    month_steps,
    stage_progress,
    steps_since,
    today_line,
)
from ..domain.reminders import reminder
from ..domain.streaks import Streak
from .days import day_index, kept, readable_rejections
from .status_words import STATUS_SCHEMA

if TYPE_CHECKING:
    from ..domain.models import CheckIn
    from ..storage.store import Store


@dataclass(frozen=True)
class Momentum:
    """Streaks, strength and the gentle notes for one day, from the stored history."""

    today: date
    checked_in_today: bool
    checkin: Streak
    selfcare: Streak
    strength: float  # 0..1
    at_risk: bool  # a live streak that ends tonight without a check-in today
    gentle_note: bool  # mood low on most checked-in days of the last two weeks
    checkin_days: frozenset[date]
    rest_days: frozenset[date]
    rest_weekdays: tuple[int, ...]

    @property
    def rest_today(self) -> bool:
        """Today is a marked rest day or a rest weekday (without a check-in, it bridges)."""
        return self.today in self.rest_days or self.today.weekday() in self.rest_weekdays

    @property
    def has_history(self) -> bool:
        return bool(self.checkin_days) or self.checkin.longest > 0 or self.selfcare.longest > 0


# The tables each part of the momentum is worked out from (see ``days.kept``).
_CHECKIN_DAYS = frozenset({"checkins", "rest_days"})
_SELFCARE = frozenset({"selfcare"})
_TOWARD_THE_YES = frozenset({"rejections", "checkins"})


def momentum(store: Store, today: date | None = None) -> Momentum:
    """Everything about the routine's momentum on ``today`` (the clock's day by default).

    The check-in figures are kept until a check-in or rest day changes, the self-care
    streak until a self-care entry does: a save touches one or the other, not both."""
    today = today or store.clock.today()
    rest_weekdays = tuple(store.settings.rest_weekdays)
    index = day_index(store)
    routine = kept(store, "check-in momentum", _CHECKIN_DAYS, (today, rest_weekdays),
                   lambda: _routine(index.checkin_days(today), index.rest_days(today),
                                    index.checkins_between(
                                        today - timedelta(days=streaks.GENTLE_NOTE_DAYS - 1),
                                        today),
                                    today, rest_weekdays))
    selfcare = kept(store, "self-care streak", _SELFCARE, today,
                    lambda: streaks.selfcare_streak_of(index.selfcare_days(today), today))
    return Momentum(today=today, selfcare=selfcare, rest_weekdays=rest_weekdays, **routine)


def _routine(checkin_days: Iterable[int], rest_days: Iterable[int],
             fortnight: list[CheckIn], today: date,
             rest_weekdays: tuple[int, ...]) -> dict[str, Any]:
    """The check-in side of :class:`Momentum`: streak, strength, at risk, the gentle note."""
    active, rest = set(checkin_days), set(rest_days)
    checkin = streaks.checkin_streak_of(active, today, rest_weekdays, rest)
    return {
        "checked_in_today": today.toordinal() in active,
        "checkin": checkin,
        "strength": streaks.routine_strength_of(active, today, rest_weekdays, rest),
        "at_risk": streaks.streak_at_risk_of(active, today, rest_weekdays, rest, checkin),
        "gentle_note": streaks.needs_gentle_note(fortnight, today),
        "checkin_days": _days(active),
        "rest_days": _days(rest),
    }


def _days(ordinals: Iterable[int]) -> frozenset[date]:
    return frozenset(map(date.fromordinal, ordinals))


@dataclass(frozen=True)
class Progress:
    """Momentum toward the yes (Review): how far processes got, steps month by month, and
    which self-care goes with a lift."""

    stages: StageProgress
    steps: MonthSteps
    lifts: LiftInsight


def progress(store: Store, today: date | None = None) -> Progress:
    """Review's momentum figures on ``today`` (the clock's day by default)."""
    today = today or store.clock.today()
    rejections = readable_rejections(store)
    index = day_index(store)
    since = lift_since(today)
    return Progress(stage_progress(rejections, today),
                    month_steps(index.checkins_between(steps_since(today), today), today),
                    lift_insight(index.selfcare_between(since, today),
                                 index.checkins_between(since, today), today))


def progress_line(store: Store, today: date | None = None) -> str:
    """Today's one line of momentum toward the yes, or "" when there is nothing to say
    (kept until a rejection or a check-in changes)."""
    today = today or store.clock.today()

    def line() -> str:
        rejections = readable_rejections(store)
        steps = day_index(store).checkins_between(steps_since(today), today)
        return today_line(stage_progress(rejections, today), month_steps(steps, today), today)

    return kept(store, "line toward the yes", _TOWARD_THE_YES, today, line)


def open_cooldowns(store: Store, today: date) -> list[cooldown.CooldownStatus]:
    """Cool-downs still running, oldest first (damaged ones skipped)."""
    return cooldown.open_statuses(store.rejections.all(), today, store.settings.cooldown_days)


def status_data(store: Store, m: Momentum | None = None) -> dict[str, Any]:
    """The object of PRODUCT.md §5 that ``status --json`` prints, with its ``schema``."""
    m = m or momentum(store)
    week = streaks.week_figures(store.checkins.all(), store.selfcare.all(),
                                store.rejections.all(), streaks.week_start(m.today))
    return {
        "schema": STATUS_SCHEMA,
        "today": m.today.isoformat(),
        "checked_in_today": m.checked_in_today,
        "streaks": {
            "checkin": {"current": m.checkin.current, "longest": m.checkin.longest},
            "selfcare": {"current": m.selfcare.current, "longest": m.selfcare.longest},
        },
        "strength": round(m.strength, 6),
        "cooldowns": [s.to_json() for s in open_cooldowns(store, m.today)],
        "week": {
            "applications": week.applications,
            "outreach": week.outreach,
            "practice": week.practice,
            "selfcare_days": week.selfcare_days,
            "rejections_logged": week.rejections_logged,
            "cooldowns_completed": week.cooldowns_completed,
        },
    }


def remind_line(store: Store, m: Momentum | None = None) -> str | None:
    """What ``resilience remind`` says now (without its "resilience: "), or None."""
    m = m or momentum(store)
    rejections = store.rejections.all()
    return reminder(
        m.today, checked_in_today=m.checked_in_today, rest_today=m.rest_today,
        cooldowns=cooldown.open_statuses(rejections, m.today, store.settings.cooldown_days),
        rejections=cooldown.readable(rejections))
