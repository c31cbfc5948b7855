"""The journal core's rest days, without any app: the toggle Review's key and the palette share."""

from __future__ import annotations

from datetime import date

from journal_helpers import nothing_saved

from resilience_tui.domain.models import CheckIn
from resilience_tui.journal.rest import is_marked, toggle_rest_day
from resilience_tui.storage.store import Store

SUNDAY = date(2026, 3, 8)


def test_a_rest_day_toggles_on_and_off(store: Store) -> None:
    said = toggle_rest_day(store, SUNDAY).message
    assert is_marked(store, SUNDAY) and "rest day" in said
    said = toggle_rest_day(store, SUNDAY).message
    assert not is_marked(store, SUNDAY) and "ordinary day again" in said
    assert len(store.rest_days) == 0


def test_a_day_with_a_check_in_needs_no_mark(store: Store) -> None:
    store.checkins.put(CheckIn(day="2026-03-08", mood=3, energy=3))
    with nothing_saved(store):
        said = toggle_rest_day(store, SUNDAY).message
    assert "already counts" in said and not is_marked(store, SUNDAY)
