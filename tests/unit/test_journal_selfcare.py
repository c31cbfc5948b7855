"""The journal core's self-care log, without any app."""

from __future__ import annotations

import pytest
from journal_helpers import announcements, nothing_saved

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import Contact
from resilience_tui.domain.validate import ValidationError
from resilience_tui.journal.selfcare import log_selfcare
from resilience_tui.storage.store import Store


def test_self_care_with_someone_notes_the_hello(store: Store, clock: FixedClock) -> None:
    ana = store.contacts.put(Contact(name="Ana", last_contacted="2026-01-20"))
    heard = announcements(store)
    entry = log_selfcare(store, clock, activity="walk", minutes="30", energy_after=4,
                         contact_id=ana.id)
    assert heard() == 1
    saved = store.selfcare.get(entry.id)
    assert saved is not None
    assert (saved.day, saved.minutes, saved.contact_name) == ("2026-03-11", 30, "Ana")
    assert store.contacts.get(ana.id).last_contacted == "2026-03-11"  # type: ignore[union-attr]


def test_a_missing_activity_is_named_before_the_minutes(store: Store, clock: FixedClock) -> None:
    with nothing_saved(store), pytest.raises(ValidationError) as refused:
        log_selfcare(store, clock, activity="  ", minutes="lots")
    assert refused.value.field == "activity"


def test_minutes_that_are_not_a_number_save_nothing(store: Store, clock: FixedClock) -> None:
    with nothing_saved(store), pytest.raises(ValidationError) as refused:
        log_selfcare(store, clock, activity="walk", minutes="lots")
    assert refused.value.field == "minutes"
    assert len(store.selfcare) == 0
