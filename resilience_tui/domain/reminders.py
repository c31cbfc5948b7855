"""What ``resilience remind`` says: one kind line when a nudge is worth it, else nothing.

A reminder runs from cron or a timer, many times a day, so it speaks only when
there is something the person can do now, and only about one thing: a cool-down
step that opened today comes first (a fresh hurt matters most), then a check-in
not yet done today (rest days need none), then a feedback request that has waited
a week. Our own words, an invitation, never guilt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .cooldown import CooldownStatus
from .feedback import follow_up_due
from .models import Rejection

STEP_WORDS = {"acknowledge": "a first, gentle step", "reflect": "looking back",
              "move_on": "moving on"}


def reminder(today: date, *, checked_in_today: bool, rest_today: bool,
             cooldowns: Sequence[CooldownStatus], rejections: Iterable[Rejection]) -> str | None:
    """The one line to show now, or None when there is nothing worth a nudge."""
    opened = [c for c in cooldowns if c.is_open and c.step_opens_on == today]
    if opened:
        first = opened[0]
        more = f" (and {len(opened) - 1} more)" if len(opened) > 1 else ""
        return (f"{STEP_WORDS[first.step].capitalize()} for {first.company}{more} is open "
                f"today, whenever you're ready.")
    if not checked_in_today and not rest_today:
        return "A new day is here: a short check-in when you have a minute."
    waiting = [r for r in rejections if follow_up_due(r, today)]
    if waiting:
        return (f"It's been a week since you asked {waiting[0].company} for feedback; "
                f"a short, friendly follow-up is fine.")
    return None
