"""The support network: adding, editing and removing people, and saying hello."""

from __future__ import annotations

from ..clock import Clock
from ..domain.models import Contact
from ..domain.selfcare import check_last_contacted, check_unique_name, contacted
from ..storage.store import Store
from .deletions import delete_entry


def save_contact(
    store: Store,
    clock: Clock,
    contact_id: str | None,
    *,
    name: str,
    kind: str,
    reach: str = "",
    notes: str = "",
    last_contacted: str = "",
) -> Contact:
    """Save a new contact (``contact_id`` None) or changes to one.

    ``last_contacted`` is what the user typed ("yesterday", a date, or blank).
    Raises ValidationError (nothing saved), e.g. for a name already in the network.
    """
    found = store.contacts.get(contact_id) if contact_id else None
    contact = found or Contact(created_on=clock.today_str())
    contact.name, contact.kind, contact.reach, contact.notes = name, kind, reach, notes
    contact.validate()
    contact.last_contacted = check_last_contacted(last_contacted, clock.today())
    check_unique_name(store.contacts.all(), contact.name, contact.kind, contact.id)
    store.contacts.put(contact)
    return contact


def say_hello(store: Store, clock: Clock, contact_id: str) -> Contact | None:
    """Note that the user was in touch with someone today; None if they are gone."""
    contact = store.contacts.get(contact_id)
    if contact is None:
        return None
    return store.contacts.put(contacted(contact, clock.today_str()))


def remove_contact(store: Store, contact_id: str) -> None:
    """Take someone out of the network (self-care entries keep the name they had); the
    deletion leaves a tombstone, so an older export or a sync never brings them back."""
    delete_entry(store, store.clock, "contacts", contact_id)
