"""Logging self-care: one entry, and the hello it counts as when it was with someone."""

from __future__ import annotations

from ..clock import Clock
from ..domain.models import SelfCare
from ..domain.selfcare import contacted, parse_minutes
from ..domain.validate import ValidationError
from ..storage.store import Store


def log_selfcare(
    store: Store,
    clock: Clock,
    *,
    activity: str,
    minutes: str | int,
    energy_before: int | None = None,
    energy_after: int | None = None,
    optimism: int | None = None,
    note: str = "",
    contact_id: str | None = None,
    rejection_id: str | None = None,
    entry_id: str | None = None,
) -> SelfCare:
    """Save today's self-care entry, or (``entry_id``) correct one already saved (its
    day, id and link to a rejection stay); a named contact is noted as in touch.

    Raises ValidationError (nothing saved): a missing activity is reported before
    the minutes, as the form asks for them in that order.
    """
    found = store.selfcare.get(entry_id) if entry_id else None
    if entry_id and found is None:
        raise ValidationError("entry", "isn't in your journal any more")
    entry = found or SelfCare(day=clock.today_str(), rejection_id=rejection_id,
                              at=clock.stamp())
    entry.activity = activity
    entry.minutes = 1  # checked below, so a missing activity is reported first
    entry.energy_before, entry.energy_after = energy_before, energy_after
    entry.optimism, entry.note = optimism, note
    entry.validate()
    entry.minutes = parse_minutes(minutes)
    contact = store.contacts.get(contact_id) if contact_id else None
    if found is not None and contact_id == found.contact_id:
        contact = None  # the same person as before (or no one still): nothing new to note
    elif found is not None:
        entry.contact_id, entry.contact_name = None, ""  # no one now, or someone else
    if contact is not None:
        entry.contact_id, entry.contact_name = contact.id, contact.name
        contact = contacted(contact, entry.day)
    with store.batch():
        store.selfcare.put(entry)
        if contact is not None:
            store.contacts.put(contact)
    return entry
