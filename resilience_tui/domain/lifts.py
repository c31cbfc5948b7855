"""Which self-care activities go with a lift: in energy right after, and in mood next morning.

Daylio's most-used insight, made ours: for each activity, the average change in
energy (after − before) over its entries, and how the next morning's check-in mood
compares after a day with it against mornings after days without it. Both are read
only from the user's own entries of the past year, and only once an activity has
``MIN_ENTRIES`` of them (fewer would be noise that looks like a finding); the counts
travel with the figures so the words can say what each one rests on. These are
things that go together, never a claim that one causes the other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import stored_day
from .models import CheckIn, SelfCare
from .plurals import plural

MIN_ENTRIES = 5  # entries of one activity (or mornings after it) before it says anything
INSIGHT_DAYS = 365

# activity -> (how it reads after "with"/"after", one entry, several entries)
WORDS = {
    "walk": ("a walk", "walk", "walks"),
    "gym": ("the gym", "gym session", "gym sessions"),
    "exercise": ("exercise", "exercise session", "exercise sessions"),
    "hobby": ("time on a hobby", "hobby session", "hobby sessions"),
    "meditation": ("meditation", "meditation", "meditations"),
    "family": ("time with family", "time with family", "times with family"),
    "friends": ("time with friends", "time with friends", "times with friends"),
    "rest": ("rest", "rest", "rests"),
    "journaling": ("journaling", "journaling session", "journaling sessions"),
    "community": ("time with a community", "community session", "community sessions"),
    "other": ("other self-care", "entry", "entries"),
}


def activity_key(activity: str) -> str:
    """How two activities compare: case and spacing ignored ("Walk " is "walk")."""
    return " ".join(activity.casefold().split())


def after_words(activity: str) -> str:
    """"a walk", "time with friends"; a typed activity as typed."""
    return WORDS[activity][0] if activity in WORDS else activity


def entries_words(activity: str, n: int) -> str:
    """"12 walks", "1 time with family", "6 entries" for a typed activity."""
    if activity in WORDS:
        _, one, many = WORDS[activity]
        return plural(n, one, many)
    return plural(n, "entry", "entries")


@dataclass(frozen=True)
class ActivityLift:
    """One activity's figures; a figure is None when it rests on too few entries."""

    activity: str
    energy: float | None  # average energy after − before
    entries: int  # entries with both energies
    mood: float | None  # next-morning mood after a day with it − after days without
    mornings: int  # check-ins the morning after a day with it


@dataclass(frozen=True)
class LiftInsight:
    """The activities with enough entries, biggest energy lift first, and the rest's counts."""

    since: date
    activities: tuple[ActivityLift, ...]
    too_few: tuple[tuple[str, int], ...]  # (activity, entries so far), most first

    @property
    def best_energy(self) -> ActivityLift | None:
        found = [a for a in self.activities if a.energy is not None and a.energy > 0]
        return max(found, key=lambda a: (a.energy or 0, a.entries), default=None)

    @property
    def best_mood(self) -> ActivityLift | None:
        found = [a for a in self.activities if a.mood is not None and a.mood >= 0.1]
        return max(found, key=lambda a: (a.mood or 0, a.mornings), default=None)


def _moods_by_day(checkins: Iterable[CheckIn], first: str, last: str) -> dict[str, int]:
    return {c.day: c.mood for c in checkins
            if isinstance(c.day, str) and first <= c.day <= last}


def lift_since(today: date, days: int = INSIGHT_DAYS) -> date:
    """The first day :func:`lift_insight` looks at."""
    return today - timedelta(days=days - 1)


def lift_insight(entries: Iterable[SelfCare], checkins: Iterable[CheckIn], today: date,
                 days: int = INSIGHT_DAYS, enough: int = MIN_ENTRIES) -> LiftInsight:
    """Energy lift and next-morning mood per activity over the last ``days`` days."""
    since = lift_since(today, days)
    first, last = since.isoformat(), today.isoformat()
    lifts: dict[str, list[int]] = {}
    logged: dict[str, int] = {}
    on_day: dict[str, set[str]] = {}  # day -> activities that day
    for e in entries:
        if not isinstance(e.day, str) or not first <= e.day <= last:
            continue
        key = activity_key(e.activity)
        logged[key] = logged.get(key, 0) + 1
        on_day.setdefault(e.day, set()).add(key)
        if e.energy_before is not None and e.energy_after is not None:
            lifts.setdefault(key, []).append(e.energy_after - e.energy_before)
    moods = _moods_by_day(checkins, first, last)
    all_sum, all_n = 0, 0
    with_sum: dict[str, int] = {}
    with_n: dict[str, int] = {}
    for day, morning in moods.items():
        seen = stored_day(day)
        if seen is None or seen <= since:
            continue  # the first day's morning follows a day outside the window
        all_sum, all_n = all_sum + morning, all_n + 1
        for key in on_day.get((seen - timedelta(days=1)).isoformat(), ()):
            with_sum[key] = with_sum.get(key, 0) + morning
            with_n[key] = with_n.get(key, 0) + 1
    found: list[ActivityLift] = []
    too_few: list[tuple[str, int]] = []
    for key, count in logged.items():
        got = lifts.get(key, [])
        energy = sum(got) / len(got) if len(got) >= enough else None
        n = with_n.get(key, 0)
        mood: float | None = None
        if n >= enough and all_n - n >= enough:
            mood = with_sum[key] / n - (all_sum - with_sum[key]) / (all_n - n)
        if energy is None and mood is None:
            too_few.append((key, count))
        else:
            found.append(ActivityLift(key, energy, len(got), mood, n))
    found.sort(key=lambda a: (-(a.energy if a.energy is not None else -99), a.activity))
    too_few.sort(key=lambda t: (-t[1], t[0]))
    return LiftInsight(since, tuple(found), tuple(too_few))
