"""The facts behind the app's answers: what to offer on a low morning, how a cool-down
changed the feelings, and whether the days add up to a week with a step every day.

Pure rules over records; :mod:`resilience_tui.journal.answers` reads the journal
and asks these which moment just happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .dates import stored_day
from .models import Contact, Feeling, Rejection, SelfCare
from .streaks import checkin_streak_of

LATELY_DAYS = 7  # "haven't talked to lately": at least a week since the last hello
WEEK = 7
CHANGES_SHOWN = 3  # a notice is short: the first few feelings say enough


@dataclass
class _Tally:
    uses: int = 0
    lift: int = 0
    rated: int = 0
    last: str = ""


def offer_activity(entries: Iterable[SelfCare]) -> str | None:
    """A self-care activity the person has used before, the one most likely to help.

    The best average energy lift (after − before) among rated entries; without
    ratings, the one used most; ties go to the one used most recently. "other"
    says nothing concrete, so it is never offered.
    """
    tallies: dict[str, _Tally] = {}
    for e in entries:
        name = e.activity.strip()
        if not name or name.lower() == "other":
            continue
        t = tallies.setdefault(name.lower(), _Tally())
        t.uses += 1
        t.last = max(t.last, e.day)
        if e.energy_before is not None and e.energy_after is not None:
            t.lift += e.energy_after - e.energy_before
            t.rated += 1
    if not tallies:
        return None

    def rank(name: str) -> tuple[float, int, str]:
        t = tallies[name]
        return (t.lift / t.rated if t.rated else 0.0, t.uses, t.last)

    return max(tallies, key=rank)


def quiet_contact(contacts: Iterable[Contact], today: date) -> str | None:
    """Someone from the network not talked to lately (a week or more), longest first.

    A person never marked as contacted counts from when they were added; one added
    in the last week is not "a while" yet.
    """
    quiet: list[tuple[date, str]] = []
    for c in contacts:
        since = stored_day(c.last_contacted) or stored_day(c.created_on) or date.min
        if c.name.strip() and (today - since).days >= LATELY_DAYS:
            quiet.append((since, c.name.strip()))
    return min(quiet)[1] if quiet else None


def feelings_change(feelings: Sequence[Feeling]) -> str:
    """"hurt 70 → 30, shaken 40 → 20": the feelings re-rated on closing, before → after
    ("" when none were re-rated)."""
    pairs = [f"{f.name} {f.before} → {f.after}" for f in feelings if f.after is not None]
    return ", ".join(pairs[:CHANGES_SHOWN])


def rejection_steps(rejections: Iterable[Rejection]) -> list[str]:
    """The stored days of every rejection step: logged, acknowledged, reflected, moved on
    (one entry per step, so a day may appear more than once)."""
    return [d for r in rejections
            for d in (r.logged_on, r.cooldown.acknowledged_on, r.cooldown.reflected_on,
                      r.cooldown.moved_on_on) if d]


def full_week(steps_today: int, step_days: Iterable[int], today: date,
              rest_weekdays: Iterable[int] = (), rest: Iterable[int] = ()) -> int | None:
    """The run's length when today's first step makes it a whole number of weeks.

    ``step_days`` are the days with a step, as ordinals (a check-in, self-care, a
    rejection step); ``steps_today`` counts today's entries. A run counts days with
    a step, ending today; rest days (marked, or rest weekdays) bridge a gap without
    counting, as they do for the check-in streak. Only the first step of a day
    completes it (a second entry the same day says nothing new), so the line comes
    once per week of the run.
    """
    if steps_today != 1:
        return None
    last = today.toordinal()
    run = checkin_streak_of({d for d in step_days if d <= last}, today, rest_weekdays,
                            rest).current
    return run if run >= WEEK and run % WEEK == 0 else None
