"""Which moments a write just made: the journal side of the app's answers.

Each function is called with what a save returned (and, where it matters, the
record as it was before) and reads the journal as it now stands: the check-in
save knows whether it was the first, the tick whether the plan is all done.
The screens turn the moments into lines with :class:`~resilience_tui.domain.answers.Answers`
and show them as a notice. Nothing here writes.
"""

from __future__ import annotations

from ..clock import Clock
from ..domain.answers import Moment
from ..domain.dates import stored_days
from ..domain.models import CheckIn, PlanItem, Rejection, SelfCare
from ..domain.moments import (
    feelings_change,
    full_week,
    offer_activity,
    quiet_contact,
    rejection_steps,
)
from ..domain.streaks import LOW_MOOD
from ..storage.store import Store
from .checkins import today_checkin
from .days import day_index


def after_checkin(store: Store, clock: Clock, saved: CheckIn,
                  before: CheckIn | None) -> list[Moment]:
    """After saving ``saved`` (``before`` is what it replaced, None for a new one).

    The first check-in ever; a mood of 1 or 2 this morning (newly so, not on
    every edit), with an offer; a week with a step every day. A past day edited
    from History answers nothing: the moment was then, not now.
    """
    if saved.day != clock.today_str():
        return []
    moments: list[Moment] = []
    if before is None and len(store.checkins.all()) == 1:
        moments.append(Moment("first_checkin"))
    if 0 < saved.mood <= LOW_MOOD and (before is None or before.mood > LOW_MOOD):
        moments.append(low_mood(store, clock))
    if before is None:
        moments += week(store, clock)
    return moments


def low_mood(store: Store, clock: Clock) -> Moment:
    """A low morning, with one small concrete offer from the journal when it has one."""
    facts: dict[str, str] = {}
    activity = offer_activity(store.selfcare.all())
    if activity:
        facts["activity"] = activity
    contact = quiet_contact(store.contacts.all(), clock.today())
    if contact:
        facts["contact"] = contact
    return Moment("low_mood", facts)


def after_tick(store: Store, clock: Clock, item: PlanItem | None) -> list[Moment]:
    """After a tick: the whole of today's plan done, when this tick finished it."""
    if item is None or not item.done:
        return []
    checkin = today_checkin(store, clock)
    if checkin and checkin.plan and all(p.done for p in checkin.plan):
        return [Moment("plan_done", {"items": str(len(checkin.plan))})]
    return []


def after_selfcare(store: Store, clock: Clock, entry: SelfCare, *,
                   new: bool) -> list[Moment]:
    """After logging self-care: it may be the step that completes a week."""
    if not new or entry.day != clock.today_str():
        return []
    return week(store, clock)


def after_move_on(closed: Rejection) -> list[Moment]:
    """A cool-down finished, with how the feelings changed (before → after)."""
    facts = {"company": closed.company}  # required when a rejection is logged
    change = feelings_change(closed.cooldown.feelings)
    if change:
        facts["change"] = change
    return [Moment("cooldown_done", facts)]


def after_feedback(store: Store, before: Rejection, after: Rejection) -> list[Moment]:
    """A reply to a feedback request came in: the first ever, or one more."""
    if after.feedback.status != "received" or before.feedback.status == "received":
        return []
    earlier = [r for r in store.rejections.all()
               if r.id != after.id and r.feedback.status == "received"]
    if earlier:
        return [Moment("feedback_reply", {"company": after.company})]
    return [Moment("first_feedback")]


def week(store: Store, clock: Clock) -> list[Moment]:
    """A week with a step every day, when today's first step just completed it.

    Check-in and self-care days come from the day index Today builds for this
    revision anyway; only the (few) rejections' steps are read here.
    """
    today = clock.today()
    index = day_index(store)
    marks = rejection_steps(store.rejections.all())
    marked = {d.toordinal() for d in stored_days(marks)}
    steps_today = (len(index.checkins_between(today, today))
                   + len(index.selfcare_between(today, today)) + marks.count(today.isoformat()))
    days = full_week(steps_today, {*index.checkin_days(today), *index.selfcare_days(today),
                                   *marked}, today, store.settings.rest_weekdays,
                     index.rest_days(today))
    return [Moment("full_week", {"days": str(days)})] if days else []
