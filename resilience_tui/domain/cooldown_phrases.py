"""How a cool-down is described to the user: day counts, step names, when the next step opens.

Shared by the cool-down screen and Today's cool-down panel so both say the
same thing the same way.
"""

from __future__ import annotations

from datetime import date

from .cooldown import STEPS, CooldownStatus
from .dates import describe_day
from .models import Rejection

STEP_NAMES = {"acknowledge": "acknowledge", "reflect": "reflect", "move_on": "move on"}

DONE_MARK = "✓"
OPEN_MARK = "▶"
WAITING_MARK = "◷"
LATER_MARK = "○"


def cooldown_day_text(day: int, days: int) -> str:
    """"day 1 of 2"; past the planned length just "day 5" (a cool-down waits as long as needed)."""
    return f"day {day} of {days}" if day <= days else f"day {day}"


# What comes next, in plain words rather than step names (Today's cool-down panel).
READY_TEXT = {"acknowledge": "ready for a first, gentle step", "reflect": "ready to look back",
              "move_on": "ready to move on"}
OPENS_TEXT = {"acknowledge": "the first step", "reflect": "looking back",
              "move_on": "moving on"}


def next_text(st: CooldownStatus, today: date) -> str:
    """"ready to look back" or "looking back opens tomorrow"."""
    if st.is_open:
        return READY_TEXT[st.step]
    return f"{OPENS_TEXT[st.step]} opens {describe_day(st.step_opens_on, today)}"


def step_line(st: CooldownStatus | None) -> str:
    """The step indicator, "✓ acknowledge ─ ◷ reflect ─ ○ move on" (None: all done).

    Marks are glyphs, so the state reads without colour.
    """
    parts = []
    current = st.step if st is not None else None
    for step in STEPS:
        if current is None or STEPS.index(step) < STEPS.index(current):
            mark = DONE_MARK
        elif step == current:
            mark = OPEN_MARK if st is not None and st.is_open else WAITING_MARK
        else:
            mark = LATER_MARK
        parts.append(f"{mark} {STEP_NAMES[step]}")
    return " ─ ".join(parts)


def title_text(r: Rejection) -> str:
    return f"{r.company} · {r.role}"
