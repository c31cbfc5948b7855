"""The app answers: a short line of ours for the moments that matter, never the same twice running.

A moment (the first check-in, the whole plan done, a low mood, a cool-down
finished, a reply to a feedback request, a week with a step every day) comes
with the facts that make its line concrete: the activity or person to offer on
a low morning, the company and the before → after of a cool-down. Each moment
has several lines; :func:`pick` chooses one the facts can fill, never the one
said last for that moment, so the app sounds like someone paying attention
rather than a notification repeating itself.

Pure Python: the random source is passed in, so tests choose the seed.
"""

from __future__ import annotations

import random
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

MomentKind = Literal["first_checkin", "plan_done", "low_mood", "cooldown_done",
                     "first_feedback", "feedback_reply", "full_week"]


@dataclass(frozen=True)
class Moment:
    """Something that just happened and deserves a word, with the facts for its line."""

    kind: MomentKind
    facts: Mapping[str, str] = field(default_factory=dict)


# Our own words. Warm, plain, brief; no exclamation marks, no "you should".
# A line uses facts as {name}; lines whose facts are missing are not offered.
LINES: dict[MomentKind, tuple[str, ...]] = {
    "first_checkin": (
        "Your first check-in is written down. That's the routine started.",
        "Day one of the routine. Small and steady is how it works.",
        "That's the first morning in. Each one after it builds on this.",
    ),
    "plan_done": (
        "All of today's plan is done. The rest of the day can be yours.",
        "Every item ticked. That's a full day's work, whatever the inbox says.",
        "Plan done. Worth a moment to notice before moving on.",
        "That's the whole list. Well carried.",
    ),
    "low_mood": (
        # With something concrete to offer: a self-care activity the person has used …
        "A heavy morning. Go gently. Something that has helped you before: {activity}. "
        "Even a little counts.",
        "Thanks for being honest about today. One small thing that has worked for "
        "you: {activity}.",
        "A low start. Doing less is still doing something. From your own log, one "
        "idea for later: {activity}.",
        # … or someone in their network they haven't talked to lately.
        "A heavy morning. Go gently. It's been a while since you talked to {contact}; "
        "a short hello could help.",
        "Thanks for being honest about today. {contact} might be good to hear from.",
        "A low start. Doing less is still doing something. Maybe a message to "
        "{contact} later.",
        # Nothing in the journal to offer yet.
        "A heavy morning. Go gently: a small day is still a day.",
        "Thanks for being honest about today. Something kind for yourself counts as "
        "part of the plan.",
    ),
    "cooldown_done": (
        "The cool-down for {company} is closed. Then and now: {change}. You gave it "
        "the time it needed.",
        "{company} is behind you now. How it felt, then and now: {change}.",
        "Done with {company}: {change}. That is what moving on looks like.",
        # Feelings not re-rated: nothing to compare, the closing still counts.
        "The cool-down for {company} is closed. You saw it through.",
    ),
    "first_feedback": (
        "Your first reply to a feedback request. Asking paid off; its themes will "
        "show in Patterns.",
        "Someone wrote back with feedback, the first time. That's real information "
        "to work with.",
        "A first answer to asking for feedback. Worth keeping, and it's in Patterns now.",
    ),
    "feedback_reply": (
        "{company} replied. Its themes will show in Patterns.",
        "Feedback from {company}, kept. Another piece of the picture.",
        "{company} answered your request. Asking keeps paying off.",
    ),
    "full_week": (
        "{days} days in a row with a step taken. That's a routine now.",
        "A step every day for {days} days. It adds up, even when it doesn't feel like it.",
        "{days} days running, something done each one. That's momentum.",
    ),
}


def fields_of(line: str) -> frozenset[str]:
    """The facts a line needs ({activity}, {company}, …)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(line) if name)


def usable(kind: MomentKind, facts: Mapping[str, str]) -> list[str]:
    """The lines of ``kind`` the facts can fill that use the most of them.

    When a fact is there (an activity to offer, a before → after), a line that
    leaves it out would waste what the journal knows, so only the most concrete
    lines are usable.
    """
    fit = [line for line in LINES[kind] if fields_of(line) <= facts.keys()]
    most = max((len(fields_of(line)) for line in fit), default=0)
    return [line for line in fit if len(fields_of(line)) == most]


def pick(kind: MomentKind, facts: Mapping[str, str], last: str | None,
         rng: random.Random) -> str:
    """One line of ``kind`` (its template), not ``last`` when there is another to say."""
    lines = usable(kind, facts)
    fresh = [line for line in lines if line != last] or lines
    return rng.choice(fresh)


def fill(line: str, facts: Mapping[str, str]) -> str:
    """The line with its facts in, as the user wrote them (a company keeps its spelling)."""
    return line.format_map(dict(facts))


class Answers:
    """What the app said last for each moment, for this session, and the random source.

    Kept in memory only: not repeating the last line matters within a sitting; after a
    restart a repeat is no longer "twice in a row" for the person reading it.
    """

    def __init__(self, rng: random.Random | None = None) -> None:
        self.rng = rng or random.Random()
        self.last: dict[MomentKind, str] = {}

    def say(self, moment: Moment) -> str:
        """The line for ``moment``, different from the one said last for its kind."""
        line = pick(moment.kind, moment.facts, self.last.get(moment.kind), self.rng)
        self.last[moment.kind] = line
        return fill(line, moment.facts)
