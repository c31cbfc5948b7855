"""What Today shows on one day, as plain data: the same whether it was worked out from
the whole history or read back from the summary filed beside the journal.

Today paints from a :class:`TodayView`, never from the store directly. That is what
lets the app's first frame come from the summary (a few KB) while years of history
load in the background: the two ways give the same view, so the same pixels. The
view depends on the day only; what changes with the hour (the greeting, the evening
note about the streak) is added when Today paints.

Each part is built on its own: a record that breaks one part (a hand-edited file, say)
leaves that part None, Today shows a note in its place, and such a view is never filed.
Read back from disk, every field is checked as any input is, the check-in through the
one record check (:func:`~resilience_tui.storage.import_check.checked`); anything odd
makes the whole view untrusted, and the app simply reads the journal as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from ..domain.models import CheckIn
from ..domain.streaks import Streak
from ..domain.validate import ValidationError

if TYPE_CHECKING:
    from ..domain.selfcare import EnergyLift, SelfCareDay
    from ..storage.store import Store

T = TypeVar("T")

SELFCARE_EMPTY = "Nothing logged yet today. Press s after a walk, a call, a rest."
NAMES_SHOWN = 3
MAX_TEXT = 4096  # a line Today shows; longer is not one we wrote
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CHECKINS = frozenset({"checkins"})  # the prompt's table (see ``days.kept``)


@dataclass(frozen=True)
class CooldownRow:
    """One line pair of the cool-downs panel: a running cool-down, or a finished one
    whose feedback is still awaited (``waiting``)."""

    id: str
    company: str
    title: str  # "Acme · QA Lead · day 1 of 2"
    detail: str  # the second line, without its indent
    waiting: bool


@dataclass(frozen=True)
class Cooldowns:
    rows: tuple[CooldownRow, ...]
    urgent: str | None  # the rejection id ``c`` opens from elsewhere on Today
    has_open: bool


@dataclass(frozen=True)
class TodayMomentum:
    """The momentum panel's figures (a :class:`~.momentum.Momentum` without its day sets)."""

    has_history: bool
    checkin: Streak
    selfcare: Streak
    strength: float
    at_risk: bool
    rest_today: bool
    checked_in_today: bool
    gentle_note: bool
    progress: str  # the line toward the yes, or ""


@dataclass(frozen=True)
class SelfCareToday:
    lines: tuple[str, ...]
    muted: bool  # nothing logged and nothing intended: the empty line, dimmed
    lift: str | None
    due: str | None


@dataclass(frozen=True)
class Header:
    name: str
    prompt: str


@dataclass(frozen=True)
class TodayView:
    """Everything Today shows on ``day``. A part is None when it could not be worked out."""

    day: str
    header: Header | None
    checkin: CheckIn | None
    checkin_ok: bool  # False: the check-in part could not be worked out
    cooldowns: Cooldowns | None
    momentum: TodayMomentum | None
    selfcare: SelfCareToday | None

    @property
    def whole(self) -> bool:
        """Every part worked out: only such a view is filed for a later first frame."""
        return self.checkin_ok and None not in (self.header, self.cooldowns, self.momentum,
                                                self.selfcare)

    def to_json(self) -> dict[str, Any]:
        fields = asdict(self)
        fields["checkin"] = self.checkin.to_dict() if self.checkin is not None else None
        return fields


# Building from the store ------------------------------------------------------
def today_view(store: Store, today: date) -> TodayView:
    """Today's view of the whole history on ``today``.

    The rules it needs are imported here, not with the module: a first frame painted
    from the summary needs none of them."""
    from ..domain.checkin import checkin_for_day
    from .days import day_index

    checkin: CheckIn | None = None
    try:
        day = today.isoformat()
        checkin = checkin_for_day(day_index(store).checkins_between(day, day), day)
        checkin_ok = True
    except Exception:  # noqa: BLE001 - a damaged record leaves a note, not a crash
        checkin_ok = False
    return TodayView(
        day=today.isoformat(),
        header=_part(lambda: _header(store, today)),
        checkin=checkin,
        checkin_ok=checkin_ok,
        cooldowns=_part(lambda: _cooldowns(store, today)),
        momentum=_part(lambda: _momentum(store, today)),
        selfcare=_part(lambda: _selfcare(store, today)),
    )


def _part(build: Callable[[], T]) -> T | None:
    try:
        return build()
    except Exception:  # noqa: BLE001 - see the module's docstring
        return None


def _header(store: Store, today: date) -> Header:
    from ..domain.prompts import days_before, prompt_for
    from .days import kept

    def prompt() -> str:
        return prompt_for(today, days_before((c.day for c in store.checkins.all()), today))

    return Header(store.settings.name, kept(store, "prompt", _CHECKINS, today, prompt))


def _cooldowns(store: Store, today: date) -> Cooldowns:
    """The cool-down rows, kept until a rejection changes (a self-care entry or a plan
    tick changes none of them)."""
    from .days import REJECTIONS, kept

    days = store.settings.cooldown_days
    return kept(store, "cool-downs", REJECTIONS, (today, days),
                lambda: _cooldown_rows(store, today, days))


def _cooldown_rows(store: Store, today: date, days: int) -> Cooldowns:
    from ..domain import cooldown
    from ..domain.cooldown_phrases import cooldown_day_text, next_text
    from .days import readable_rejections

    rejections = readable_rejections(store)
    running = cooldown.statuses(rejections, today, days)  # open_statuses, checked once
    rows = [CooldownRow(st.rejection_id, st.company,
                        f"{st.company} · {st.role} · {cooldown_day_text(st.day, days)}",
                        next_text(st, today), waiting=False) for st in running]
    rows += [CooldownRow(r.id, r.company, f"{r.company} · {r.role} · done",
                         "feedback asked for; note the answer here", waiting=True)
             for r in rejections if cooldown.is_done(r) and r.feedback.status == "requested"]
    urgent = cooldown.urgent_status(running)
    return Cooldowns(tuple(rows), urgent.rejection_id if urgent else None, bool(running))


def _momentum(store: Store, today: date) -> TodayMomentum:
    from .momentum import momentum, progress_line

    m = momentum(store, today)
    return TodayMomentum(m.has_history, m.checkin, m.selfcare, m.strength, m.at_risk,
                         m.rest_today, m.checked_in_today, m.gentle_note,
                         progress_line(store, today))


def _selfcare(store: Store, today: date) -> SelfCareToday:
    from ..domain.selfcare import LIFT_WINDOW_DAYS, energy_lift, selfcare_day
    from ..domain.suggestions import overdue_contacts
    from .days import day_index

    # Read through the day index: only today's entries and the lift's window, not the
    # whole history (each function still applies its own filter to what it gets).
    index, name = day_index(store), today.isoformat()
    day = selfcare_day(index.selfcare_between(name, name), index.checkins_between(name, name),
                       name)
    lift = energy_lift(index.selfcare_between(
        today - timedelta(days=LIFT_WINDOW_DAYS - 1), today), today)
    due = overdue_contacts(store.contacts.all(), today, store.settings.nudge_days)
    return SelfCareToday(tuple(today_lines(day)), not day.entries and not day.intention,
                         lift_line(lift), due_line([c.name for c in due]))


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
    return lines or [SELFCARE_EMPTY]


def lift_line(lift: EnergyLift | None) -> str | None:
    """The average energy change after self-care, in words and a signed number."""
    from ..domain.selfcare import LIFT_WINDOW_DAYS

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


# Reading back from the summary ----------------------------------------------------
class Untrusted(ValueError):
    """A field that is not exactly what :meth:`TodayView.to_json` writes."""


def view_from_json(fields: object, day: str, today: date) -> TodayView | None:
    """The view filed for ``day``, when every field is sound; None for anything else."""
    try:
        return _view(fields, day, today)
    except (Untrusted, ValidationError):
        return None


def _view(fields: object, day: str, today: date) -> TodayView:
    from ..storage.import_check import checked

    f = _object(fields, {"day", "header", "checkin", "checkin_ok", "cooldowns", "momentum",
                         "selfcare"})
    if f["day"] != day or f["checkin_ok"] is not True:
        raise Untrusted("day")
    h = _object(f["header"], {"name", "prompt"})
    c = _object(f["cooldowns"], {"rows", "urgent", "has_open"})
    m = _object(f["momentum"], {"has_history", "checkin", "selfcare", "strength", "at_risk",
                                "rest_today", "checked_in_today", "gentle_note", "progress"})
    s = _object(f["selfcare"], {"lines", "muted", "lift", "due"})
    checkin = None if f["checkin"] is None else checked(CheckIn, f["checkin"], today=today)
    if checkin is not None and checkin.day != day:
        raise Untrusted("checkin")
    rows = tuple(_row(r) for r in _list(c["rows"]))
    urgent = _text(c["urgent"], empty=False) if c["urgent"] is not None else None
    if urgent is not None and urgent not in {r.id for r in rows}:
        raise Untrusted("urgent")
    strength = m["strength"]
    if type(strength) not in (int, float) or not 0 <= strength <= 1:
        raise Untrusted("strength")
    return TodayView(
        day=day,
        header=Header(_text(h["name"]), _text(h["prompt"], empty=False)),
        checkin=checkin,
        checkin_ok=True,
        cooldowns=Cooldowns(rows, urgent, _flag(c["has_open"])),
        momentum=TodayMomentum(
            _flag(m["has_history"]), _streak(m["checkin"]), _streak(m["selfcare"]),
            float(strength), _flag(m["at_risk"]), _flag(m["rest_today"]),
            _flag(m["checked_in_today"]), _flag(m["gentle_note"]), _text(m["progress"])),
        selfcare=SelfCareToday(
            tuple(_text(line, empty=False) for line in _list(s["lines"])), _flag(s["muted"]),
            _maybe_text(s["lift"]), _maybe_text(s["due"])),
    )


def _object(value: object, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise Untrusted("object")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list) or len(value) > 1000:
        raise Untrusted("list")
    return value


def _flag(value: object) -> bool:
    if type(value) is not bool:
        raise Untrusted("flag")
    return value


def _text(value: object, *, empty: bool = True) -> str:
    if (not isinstance(value, str) or len(value) > MAX_TEXT or (not empty and not value)
            or _CONTROL.search(value)):
        raise Untrusted("text")
    return value


def _maybe_text(value: object) -> str | None:
    return None if value is None else _text(value, empty=False)


def _streak(value: object) -> Streak:
    s = _object(value, {"current", "longest"})
    current, longest = s["current"], s["longest"]
    if type(current) is not int or type(longest) is not int or current < 0 or longest < 0:
        raise Untrusted("streak")
    return Streak(current, longest)


def _row(value: object) -> CooldownRow:
    r = _object(value, {"id", "company", "title", "detail", "waiting"})
    return CooldownRow(_text(r["id"], empty=False), _text(r["company"]), _text(r["title"]),
                       _text(r["detail"]), _flag(r["waiting"]))
