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


def greeting(hour: int) -> str:
    if 4 <= hour < 12:
        return "Good morning"
    if 12 <= hour < 18:
        return "Good afternoon"
    return "Good evening"
