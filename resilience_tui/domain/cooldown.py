"""The guided cool-down after a rejection: acknowledge → reflect → move on.

Each rejection carries its own cool-down. Acknowledging opens at once (day 1,
the day it was logged); reflecting opens on day ``cooldown_days`` — or
earlier when the user says "I'm ready now", which is recorded; moving on
opens once reflecting is done. Nothing here ever closes a cool-down for the
user: one left alone simply waits.

"Today" is always the user's day, passed in by the caller from the Clock
(which applies the day start hour). Transitions return an updated copy and
raise :class:`CooldownError` with a kind, readable message when a step is
out of order or not open yet.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .dates import stored_day, weekday_and_date
from .models import Cooldown, Feeling, Reason, Rejection

STEPS = ("acknowledge", "reflect", "move_on")
DEFAULT_DAYS = 2


class CooldownError(ValueError):
    """A step taken out of order or before it opens; the message is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _logged(r: Rejection) -> date:
    """The day it was logged (callers pass only :func:`readable` rejections)."""
    return date.fromisoformat(r.logged_on)


def readable(rejections: Iterable[Rejection]) -> list[Rejection]:
    """Rejections whose days can be read (a damaged one is left out; ``doctor`` names it)."""
    def ok(r: Rejection) -> bool:
        c = r.cooldown
        return stored_day(r.logged_on) is not None and all(
            v is None or stored_day(v) is not None
            for v in (c.acknowledged_on, c.ready_early_on, c.reflected_on, c.moved_on_on))
    return [r for r in rejections if ok(r)]


# --- where a cool-down stands -------------------------------------------------


def next_step(r: Rejection) -> str | None:
    """The next step to complete, or None once the cool-down is done."""
    c = r.cooldown
    if not c.acknowledged_on:
        return "acknowledge"
    if not c.reflected_on:
        return "reflect"
    if not c.moved_on_on:
        return "move_on"
    return None


def is_done(r: Rejection) -> bool:
    return next_step(r) is None


def day_number(r: Rejection, today: date) -> int:
    """Which day of the cool-down ``today`` is; the day it was logged is day 1."""
    return max(1, (today - _logged(r)).days + 1)


def reflect_opens_on(r: Rejection, cooldown_days: int = DEFAULT_DAYS) -> date:
    """Day ``cooldown_days`` of the cool-down, or the "ready now" day if earlier."""
    scheduled = _logged(r) + timedelta(days=max(1, cooldown_days) - 1)
    early = stored_day(r.cooldown.ready_early_on)
    return min(scheduled, early) if early else scheduled


def step_opens_on(r: Rejection, cooldown_days: int = DEFAULT_DAYS) -> date | None:
    """The day the next step opens (None once done)."""
    step = next_step(r)
    if step == "acknowledge":
        return _logged(r)
    if step == "reflect":
        return reflect_opens_on(r, cooldown_days)
    if step == "move_on":
        return stored_day(r.cooldown.reflected_on)
    return None


def is_open(r: Rejection, today: date, cooldown_days: int = DEFAULT_DAYS) -> bool:
    """Whether the next step can be taken today."""
    opens = step_opens_on(r, cooldown_days)
    return opens is not None and opens <= today


@dataclass(frozen=True)
class CooldownStatus:
    """One active cool-down at a glance (the Today card and ``status --json``)."""

    rejection_id: str
    company: str
    role: str
    step: str
    day: int
    days: int
    step_opens_on: date
    is_open: bool

    def to_json(self) -> dict[str, Any]:
        """The ``cooldowns`` entry of ``resilience status --json``."""
        return {
            "company": self.company,
            "role": self.role,
            "step": self.step,
            "day": self.day,
            "days": self.days,
            "step_opens_on": self.step_opens_on.isoformat(),
        }


def status(r: Rejection, today: date, cooldown_days: int = DEFAULT_DAYS) -> CooldownStatus | None:
    """Where this cool-down stands today; None when it is done."""
    step = next_step(r)
    opens = step_opens_on(r, cooldown_days)
    if step is None or opens is None:
        return None
    return CooldownStatus(
        rejection_id=r.id,
        company=r.company,
        role=r.role,
        step=step,
        day=day_number(r, today),
        days=cooldown_days,
        step_opens_on=opens,
        is_open=opens <= today,
    )


def active(rejections: Iterable[Rejection]) -> list[Rejection]:
    """Cool-downs not yet done, oldest logged first."""
    return sorted((r for r in rejections if not is_done(r)), key=lambda r: (r.logged_on, r.at))


def statuses(
    rejections: Iterable[Rejection], today: date, cooldown_days: int = DEFAULT_DAYS
) -> list[CooldownStatus]:
    """Status of every cool-down still running, oldest logged first."""
    found = (status(r, today, cooldown_days) for r in active(rejections))
    return [s for s in found if s is not None]


def open_statuses(
    rejections: Iterable[Rejection], today: date, cooldown_days: int = DEFAULT_DAYS
) -> list[CooldownStatus]:
    """The one way to list running cool-downs: readable ones only, oldest logged first.

    Today's panel, ``c`` on Today and ``resilience status`` all use this, so a
    damaged record is skipped everywhere alike instead of crashing one of them.
    """
    return statuses(readable(rejections), today, cooldown_days)


def urgent_status(found: Sequence[CooldownStatus]) -> CooldownStatus | None:
    """From :func:`open_statuses`: the freshest hurt still to acknowledge, then the
    oldest whose step is open now, else the oldest."""
    fresh = [s for s in found if s.step == "acknowledge" and s.is_open]
    if fresh:
        return fresh[-1]  # open_statuses lists the oldest logged first
    return next((s for s in found if s.is_open), found[0] if found else None)


def most_urgent(
    rejections: Iterable[Rejection], today: date, cooldown_days: int = DEFAULT_DAYS
) -> Rejection | None:
    """The cool-down to continue: see :func:`urgent_status`."""
    found = list(rejections)
    urgent = urgent_status(open_statuses(found, today, cooldown_days))
    if urgent is None:
        return None
    return next(r for r in found if r.id == urgent.rejection_id)


# --- moving through the steps -------------------------------------------------


def _require(r: Rejection, step: str, today: date, cooldown_days: int = DEFAULT_DAYS) -> None:
    """Raise a kind CooldownError unless ``step`` is the next one and open today."""
    current = next_step(r)
    if current is None:
        raise CooldownError("This cool-down is already complete.")
    if current != step:
        if STEPS.index(step) < STEPS.index(current):
            raise CooldownError("You've already done this step; it's saved.")
        if current == "acknowledge":
            raise CooldownError("Start by naming how this feels; the rest can wait.")
        raise CooldownError("Take a moment to reflect first; moving on comes after that.")
    opens = step_opens_on(r, cooldown_days)
    if opens is not None and opens > today:
        if step == "reflect":
            raise CooldownError(
                f"Reflecting opens on {weekday_and_date(opens)}. Give it a little time, "
                "or choose \"I'm ready now\" if you feel ready."
            )
        raise CooldownError(f"This step opens on {weekday_and_date(opens)}.")


def _feelings(feelings: Mapping[str, int] | Iterable[Feeling]) -> list[Feeling]:
    if isinstance(feelings, Mapping):
        return [Feeling(name=n, before=v).validate() for n, v in feelings.items()]
    return [Feeling(name=f.name, before=f.before).validate() for f in feelings]


def _reasons(reasons: Mapping[str, str] | Iterable[Reason]) -> list[Reason]:
    if isinstance(reasons, Mapping):
        return [Reason(tag=t, note=n).validate() for t, n in reasons.items()]
    return [Reason(tag=x.tag, note=x.note).validate() for x in reasons]


def _advance(
    r: Rejection, field: str, today: date, change: Callable[[Cooldown], None]
) -> Rejection:
    """A validated copy of ``r`` with ``change`` applied, ``field`` stamped today, no draft."""
    out = copy.deepcopy(r)
    c = out.cooldown
    change(c)
    setattr(c, field, today.isoformat())
    c.draft = {}
    c.validate()
    return out


def acknowledge(
    r: Rejection,
    today: date,
    feelings: Mapping[str, int] | Iterable[Feeling],
    journal: str = "",
    process_with: str = "",
) -> Rejection:
    """Step 1: name the feelings (0–100 each), let it out, pick a way to process it."""
    _require(r, "acknowledge", today)
    named = _feelings(feelings)

    def change(c: Cooldown) -> None:
        c.feelings, c.journal, c.process_with = named, journal, process_with

    return _advance(r, "acknowledged_on", today, change)


def ready_now(r: Rejection, today: date, cooldown_days: int = DEFAULT_DAYS) -> Rejection:
    """"I'm ready now": open reflecting today, and record that it opened early."""
    step = next_step(r)
    if step == "acknowledge":
        raise CooldownError("Start by naming how this feels; reflecting comes next.")
    if step != "reflect":
        raise CooldownError("You've already reflected on this one.")
    out = copy.deepcopy(r)
    if reflect_opens_on(r, cooldown_days) > today:
        out.cooldown.ready_early_on = today.isoformat()
    return out


def reflect(
    r: Rejection,
    today: date,
    reasons: Mapping[str, str] | Iterable[Reason] = (),
    traps: Sequence[str] = (),
    balanced_thought: str = "",
    went_well: str = "",
    do_differently: str = "",
    cooldown_days: int = DEFAULT_DAYS,
) -> Rejection:
    """Step 2: reasons as data points, thinking traps, a balanced thought, lessons."""
    _require(r, "reflect", today, cooldown_days)
    found = _reasons(reasons)

    def change(c: Cooldown) -> None:
        c.reasons, c.traps = found, list(dict.fromkeys(traps))
        c.balanced_thought, c.went_well = balanced_thought, went_well
        c.do_differently = do_differently

    return _advance(r, "reflected_on", today, change)


def move_on(r: Rejection, today: date, after: Mapping[str, int]) -> Rejection:
    """Step 3: re-rate the same feelings and close the cool-down."""
    _require(r, "move_on", today)
    named = {f.name for f in r.cooldown.feelings}
    unknown = [name for name in after if name not in named]
    if unknown:
        raise CooldownError(f"\"{unknown[0]}\" wasn't one of the feelings you named.")

    def change(c: Cooldown) -> None:
        for f in c.feelings:
            if f.name in after:
                f.after = after[f.name]

    return _advance(r, "moved_on_on", today, change)


# --- taking a step back -------------------------------------------------------


def reopen(r: Rejection, redirects: Mapping[str, str] = {}) -> Rejection:  # noqa: B006
    """A closed cool-down taken back to moving on. The re-ratings and the next steps
    chosen (``redirects``: kind → words, the open actions being taken back) become the
    step's draft, so the user finds everything as they left it."""
    if not is_done(r):
        raise CooldownError("This cool-down is still open; c on Today carries it on.")
    out = copy.deepcopy(r)
    c = out.cooldown
    after = {f.name: str(f.after) for f in c.feelings if f.after is not None}
    for f in c.feelings:
        f.after = None
    c.moved_on_on = None
    c.draft = {"step": "move_on",
               "fields": {"after": after,
                          "redirects": {"ticked": list(redirects), "notes": dict(redirects)}},
               "feedback": {}}
    c.validate()
    return out
