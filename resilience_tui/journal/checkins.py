"""Checking in and ticking the plan: the morning's record and what a tick means elsewhere.

A check-in saves with the redirect actions its plan picked up (planned) or let
go of (open again), in one write. A tick is saved at once, with its follow-through:
a done outreach item naming a contact counts as a hello, a done redirect item
finishes its action, a done feedback follow-up restarts the wait for a reply.

The command line has words, not a form: :func:`check_in_today` turns them into today's
check-in (a second one adds to the first), :func:`tick_words` finds the item they name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..clock import Clock
from ..domain.checkin import (
    FEELING_GROUPS,
    action_after_tick,
    action_changes,
    build_checkin,
    checkin_for_day,
    contacts_reached,
    plan_summary,
    set_done,
)
from ..domain.feedback import mark_requested
from ..domain.lookup import find_plan_item, parse_plan_item, same_item
from ..domain.models import CheckIn, PlanItem
from ..domain.selfcare import contacted
from ..domain.validate import ValidationError
from ..storage.store import Store


def today_checkin(store: Store, clock: Clock) -> CheckIn | None:
    """The check-in of the user's today, if there is one (shared, read only)."""
    return checkin_for_day(store.checkins.all(), clock.today_str())


def check_in(
    store: Store,
    clock: Clock,
    existing: CheckIn | None,
    *,
    day: str,
    mood: int | None,
    energy: int | None,
    intention: str = "",
    selfcare_intention: str = "",
    feelings: Sequence[str] = (),
    plan: Sequence[PlanItem] = (),
    dropped: Sequence[str] | None = None,
) -> CheckIn:
    """Save ``day``'s check-in (``existing`` edited in place, or a new one), with the
    suggestions ``dropped`` that morning (None keeps the ones saved before).

    Raises ValidationError (nothing saved) when a value is refused.
    """
    checkin = build_checkin(
        existing, day=day, at=clock.stamp(), mood=mood, energy=energy, intention=intention,
        selfcare_intention=selfcare_intention, feelings=feelings, plan=plan, dropped=dropped)
    before = existing.plan if existing else []
    changes = action_changes(store.actions.all(), before, checkin.plan)
    with store.batch():
        store.checkins.put(checkin)
        store.actions.put_many(changes.planned + changes.reopened)
    return checkin


def tick(store: Store, clock: Clock, item_id: str, done: bool) -> PlanItem | None:
    """Tick (or untick) one item of today's plan, with its follow-through, in one write.

    None when there is nothing to tick: the day turned over, or the item is gone.
    """
    found = today_checkin(store, clock)
    checkin = store.checkins.get(found.id) if found else None
    item = set_done(checkin, item_id, done) if checkin else None
    if checkin is None or item is None:
        return None
    with store.batch():
        store.checkins.put(checkin)
        _follow_through(store, clock, item)
    return item


def _follow_through(store: Store, clock: Clock, item: PlanItem) -> None:
    """What ticking an item means elsewhere: a hello, a finished action, a follow-up."""
    today = clock.today_str()
    if item.source_id:
        action = store.actions.get(item.source_id)
        changed = action_after_tick(action, item.done, today) if action else None
        if action is not None and changed is not None and changed.status != action.status:
            store.actions.put(changed)
    if not item.done:
        return
    for reached in contacts_reached(item, store.contacts.all()):
        contact = store.contacts.get(reached.id)
        if contact is not None:
            store.contacts.put(contacted(contact, today))
    if item.source == "feedback" and item.source_id:
        rejection = store.rejections.get(item.source_id)
        if rejection is not None and rejection.feedback.status == "requested":
            store.rejections.put(mark_requested(rejection, clock.today()))


# --- from the command line -------------------------------------------------------------

_LISTED_FEELINGS = {w for _, words in FEELING_GROUPS for w in words}


@dataclass(frozen=True)
class CheckedIn:
    """What :func:`check_in_today` saved: the check-in, whether it is new, the items added
    and how many given items were on the plan already (not added twice)."""

    checkin: CheckIn
    created: bool
    added: tuple[PlanItem, ...]
    already_there: int


def check_in_today(
    store: Store,
    clock: Clock,
    *,
    mood: int | None,
    energy: int | None,
    feelings: Sequence[str] | None = None,
    intention: str | None = None,
    plan: Sequence[str] = (),
) -> CheckedIn:
    """Today's check-in from typed words ("apply: Acme" for a plan item), in one write.

    The first of the day needs mood and energy. A later one updates it: what is given
    replaces (mood, energy, feelings, intention), what is left out stays, and plan items
    are added after the ones there, whose ticks are kept; an item already on the plan is
    not added again, so running the same line twice changes nothing more.
    Raises ValidationError (nothing saved), the fields in the form's order.
    """
    existing = today_checkin(store, clock)
    if existing is not None:  # what is left out stays as it was
        mood = existing.mood if mood is None else mood
        energy = existing.energy if energy is None else energy
        intention = existing.intention if intention is None else intention
        feelings = existing.feelings if feelings is None else feelings
    words = [w.strip().lower() if w.strip().lower() in _LISTED_FEELINGS else w
             for w in feelings or ()]
    day, selfcare = clock.today_str(), existing.selfcare_intention if existing else ""
    before = list(existing.plan) if existing else []
    build_checkin(existing, day=day, at=clock.stamp(), mood=mood, energy=energy,  # form order
                  intention=intention or "", feelings=words, plan=before,
                  selfcare_intention=selfcare)
    added: list[PlanItem] = []
    for item in map(parse_plan_item, plan):
        if not any(same_item(item, p) for p in (*before, *added)):
            added.append(item)
    checkin = check_in(store, clock, existing, day=day, mood=mood, energy=energy,
                       intention=intention or "", selfcare_intention=selfcare,
                       feelings=words, plan=[*before, *added])
    return CheckedIn(checkin, existing is None, tuple(added), len(plan) - len(added))


@dataclass(frozen=True)
class Ticked:
    """The item :func:`tick_words` found, its place in the plan, whether it was ticked
    now (False: it was done already), and how far the plan is ("2 of 5 done")."""

    item: PlanItem
    position: int
    changed: bool
    summary: str


NO_CHECKIN = ("has nothing to tick yet: there's no check-in today "
              "(resilience checkin --mood N --energy N --plan \"apply: …\")")


def tick_words(store: Store, clock: Clock, words: str) -> Ticked:
    """Tick the item of today's plan that ``words`` name (its number, or words from it).

    Raises ValidationError (nothing saved) when there is no such item, or several.
    """
    checkin = today_checkin(store, clock)
    if checkin is None:
        raise ValidationError("today's plan", NO_CHECKIN)
    if not checkin.plan:
        raise ValidationError("today's plan", "is empty; add to it with "
                                             "resilience checkin --plan \"apply: …\"")
    position, found = find_plan_item(checkin.plan, words)
    item = found if found.done else tick(store, clock, found.id, True)
    if item is None:  # the day turned over between reading and writing: not ticked
        raise ValidationError("today's plan", NO_CHECKIN)
    after = today_checkin(store, clock)
    return Ticked(item, position, not found.done, plan_summary(after.plan if after else []))
