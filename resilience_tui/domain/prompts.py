"""The rotating one-line prompt on Today, one per idea; all wording is ours."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

PROMPTS = (
    "A no stings. Let it, for a day, then put the energy back into the search.",
    "Notice the 'what's wrong with me' voice. It is louder than it is right.",
    "A no tells you about one role on one day. You are a lot more than that.",
    "A short, kind note asking for feedback can turn a closed door into advice.",
    "Look for the theme that keeps showing up, and make one plan for it.",
    "A 'no' can point somewhere new: another industry, a new skill, a wider search.",
    "Who in your corner haven't you talked to lately?",
    "Rest and movement are part of the work, not a break from it.",
    "Slow weeks still count. Showing up is the progress.",
    "One application, one hello, one bit of practice: that is a good day.",
    "What you learned this month could help someone else. Write it down.",
)

# The first mornings, one a morning in this order: how the routine works, not what a
# history shows (there is none yet to find a theme in or look back on).
BEGINNER_PROMPTS = (
    "Day one. A short check-in is plenty: how you feel, and one small thing to do.",
    "A plan of one or two small things is enough. Small steps add up.",
    "If a no arrives, press r. You won't have to work it all out at once.",
    "A walk or a chat with a friend counts too. Press s to note it.",
    "Think of one person who could help: a mentor, a friend, someone who's been there.",
    "Review (v) fills in as you go. Each morning leaves a mark on the calendar.",
    "Rest days are allowed. Mark one in Review (x) and your streak keeps.",
)
BEGINNER_DAYS = len(BEGINNER_PROMPTS)


def days_before(checkin_days: Iterable[str], day: date) -> int:
    """How many distinct days before ``day`` have a check-in, counted up to
    ``BEGINNER_DAYS`` only (past that the answer no longer changes the prompt)."""
    before = day.isoformat()
    seen: set[str] = set()
    for d in checkin_days:
        if d < before:
            seen.add(d)
            if len(seen) >= BEGINNER_DAYS:
                break
    return len(seen)


def prompt_for(day: date, history: int = BEGINNER_DAYS) -> str:
    """The same prompt all day, a different one tomorrow.

    ``history`` is how many earlier days have a check-in (:func:`days_before`): until
    there are ``BEGINNER_DAYS`` of them the prompt speaks to a beginner, in order.
    """
    if history < BEGINNER_DAYS:
        return BEGINNER_PROMPTS[max(0, history)]
    return PROMPTS[day.toordinal() % len(PROMPTS)]


def first_name(name: str) -> str:
    """The name to greet with: the first word of the name in settings ("Alex Rivera" → "Alex").

    The full name stays for email drafts; a hello on the screen is less formal.
    """
    words = name.split()
    return words[0] if words else ""


def greeting(hour: int, day_start_hour: int = 4, name: str = "") -> str:
    """Today's hello, by first name, following the day as the app counts it.

    Before the day start hour it is still the previous day's night (the date
    shown is yesterday's), so a morning hello would be wrong and an evening
    one odd: it asks, kindly, about the late hour. From the day start on it
    is morning.
    """
    called = first_name(name)
    you = f", {called}" if called else ""
    if hour < day_start_hour:
        return f"Still up{you}? Go gently."
    if hour < 12:
        return f"Good morning{you}."
    if hour < 18:
        return f"Good afternoon{you}."
    return f"Good evening{you}."
