"""Logging self-care: one entry, and the hello it counts as when it was with someone."""

from __future__ import annotations

from ..clock import Clock
from ..domain.models import SelfCare
from ..domain.selfcare import contacted, parse_minutes
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
) -> SelfCare:
    """Save today's self-care entry; a named contact is noted as in touch today.

    Raises ValidationError (nothing saved): a missing activity is reported before
    the minutes, as the form asks for them in that order.
    """
    entry = SelfCare(
        day=clock.today_str(), activity=activity,
        minutes=1,  # checked below, so a missing activity is reported first
        energy_before=energy_before, energy_after=energy_after, optimism=optimism,
        note=note, rejection_id=rejection_id, at=clock.stamp(),
    )
    entry.validate()
    entry.minutes = parse_minutes(minutes)
    contact = store.contacts.get(contact_id) if contact_id else None
    if contact is not None:
        entry.contact_id, entry.contact_name = contact.id, contact.name
        contact = contacted(contact, entry.day)
    with store.batch():
        store.selfcare.put(entry)
        if contact is not None:
            store.contacts.put(contact)
    return entry
