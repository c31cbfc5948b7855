"""The rotating one-line prompt on Today, one per idea; all wording is ours."""

from __future__ import annotations

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


def prompt_for(day: date) -> str:
    """The same prompt all day, a different one tomorrow."""
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
