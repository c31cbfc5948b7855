"""Checking in and ticking the plan: the morning's record and what a tick means elsewhere.

A check-in saves with the redirect actions its plan picked up (planned) or let
go of (open again), in one write. A tick is saved at once, with its follow-through:
a done outreach item naming a contact counts as a hello, a done redirect item
finishes its action, a done feedback follow-up restarts the wait for a reply.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..clock import Clock
from ..domain.checkin import (
    action_after_tick,
    action_changes,
    build_checkin,
    checkin_for_day,
    contacts_reached,
    set_done,
)
from ..domain.feedback import mark_requested
from ..domain.models import CheckIn, PlanItem
from ..domain.selfcare import contacted
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
) -> CheckIn:
    """Save ``day``'s check-in (``existing`` edited in place, or a new one).

    Raises ValidationError (nothing saved) when a value is refused.
    """
    checkin = build_checkin(
        existing, day=day, at=clock.stamp(), mood=mood, energy=energy, intention=intention,
        selfcare_intention=selfcare_intention, feelings=feelings, plan=plan)
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
