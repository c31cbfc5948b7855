"""The journal core's support network, without any app."""

from __future__ import annotations

import pytest
from journal_helpers import nothing_saved

from resilience_tui.clock import FixedClock
from resilience_tui.domain.validate import ValidationError
from resilience_tui.journal.contacts import remove_contact, save_contact, say_hello
from resilience_tui.storage.store import Store


def test_add_edit_hello_and_remove(store: Store, clock: FixedClock) -> None:
    ana = save_contact(store, clock, None, name="Ana", kind="mentor", last_contacted="yesterday")
    assert (ana.created_on, ana.last_contacted) == ("2026-03-11", "2026-03-10")
    edited = save_contact(store, clock, ana.id, name="Ana Silva", kind="mentor",
                          last_contacted="2026-03-01")
    assert edited.id == ana.id and len(store.contacts) == 1
    assert store.contacts.get(ana.id).name == "Ana Silva"  # type: ignore[union-attr]
    hello = say_hello(store, clock, ana.id)
    assert hello is not None and hello.last_contacted == "2026-03-11"
    remove_contact(store, ana.id)
    assert store.contacts.get(ana.id) is None
    assert say_hello(store, clock, ana.id) is None


def test_a_second_contact_with_the_same_name_is_refused(store: Store, clock: FixedClock) -> None:
    save_contact(store, clock, None, name="Sam", kind="friend")
    with nothing_saved(store), pytest.raises(ValidationError):
        save_contact(store, clock, None, name="sam", kind="friend")
