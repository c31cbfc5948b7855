"""The journal core's settings, without any app: the clock follows the day start hour.

The store itself no longer sets the clock; opening a journal through the core,
saving settings and importing them do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixed_time import make_clock
from journal_helpers import nothing_saved

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import Settings
from resilience_tui.domain.validate import ValidationError
from resilience_tui.journal import open_journal
from resilience_tui.journal.settings import remember_theme, save_settings
from resilience_tui.storage.store import Store


def test_saving_a_later_day_start_moves_today_back(store: Store, clock: FixedClock) -> None:
    clock.set("2026-03-11T05:30")
    assert clock.today_str() == "2026-03-11"  # the day starts at 4 by default
    settings = store.settings
    settings.day_start_hour = 6
    save_settings(store, clock, settings)
    assert clock.today_str() == "2026-03-10"


def test_opening_a_journal_sets_the_clock_from_its_settings(db_path: Path) -> None:
    first = make_clock("2026-03-11T05:30")
    store = open_journal(db_path, first)
    save_settings(store, first, Settings(day_start_hour=6))
    store.close()
    later = make_clock("2026-03-11T05:30")
    assert later.day_start_hour == 4
    reader = open_journal(db_path, later, writer=False)
    assert later.day_start_hour == 6 and later.today_str() == "2026-03-10"
    plain = make_clock("2026-03-11T05:30")
    Store(db_path, plain, writer=False)  # the store alone leaves the clock as it is
    assert plain.day_start_hour == 4
    reader.close()


def test_a_day_start_out_of_range_saves_nothing(store: Store, clock: FixedClock) -> None:
    with nothing_saved(store), pytest.raises(ValidationError):
        save_settings(store, clock, Settings(day_start_hour=13))
    assert clock.day_start_hour == 4


def test_a_picked_theme_is_remembered_once(store: Store, clock: FixedClock) -> None:
    remember_theme(store, clock, "nord")
    assert store.settings.theme == "nord"
    with nothing_saved(store):
        remember_theme(store, clock, "nord")
