"""When the welcome opens by itself: only on a fresh journal, until it is finished or
skipped; and answering it leaves ``status`` as it was."""

from __future__ import annotations

import json

from resilience_tui.cli.status import status_output
from resilience_tui.domain.models import SelfCare
from resilience_tui.journal.settings import finish_welcome, welcome_due


def test_a_fresh_journal_is_welcomed_once_skipped(store, clock) -> None:
    assert welcome_due(store)
    finish_welcome(store, clock)
    assert not welcome_due(store)
    assert store.settings.welcomed


def test_a_journal_with_records_or_saved_settings_is_not_welcomed(store, clock) -> None:
    store.selfcare.put(SelfCare(day="2026-03-10", activity="walk", minutes=20))
    assert not welcome_due(store)
    store.selfcare.delete(store.selfcare.all()[0].id)
    assert welcome_due(store)
    settings = store.settings
    settings.theme = "nord"  # saved by a version without the welcome
    store.save_settings(settings)
    assert not welcome_due(store)


def test_answering_the_welcome_leaves_status_as_it_was(store, clock) -> None:
    before = json.loads(status_output(store, as_json=True))
    settings = store.settings
    settings.name = "Alex Rivera"
    finish_welcome(store, clock, settings)
    assert json.loads(status_output(store, as_json=True)) == before
    assert store.settings.name == "Alex Rivera"
