"""The journal core's import, without any app: one write, and imported settings take effect."""

from __future__ import annotations

from pathlib import Path

from fixed_time import make_clock
from journal_helpers import announcements

from resilience_tui.domain.models import CheckIn, Settings
from resilience_tui.journal import open_journal
from resilience_tui.journal.settings import save_settings
from resilience_tui.journal.transfer import apply_import
from resilience_tui.storage.transfer import export_data, plan_import


def test_importing_into_a_new_journal_brings_records_and_the_day_start(tmp_path: Path) -> None:
    laptop_clock = make_clock()
    laptop = open_journal(tmp_path / "laptop.json", laptop_clock)
    save_settings(laptop, laptop_clock, Settings(day_start_hour=6))
    laptop.checkins.put(CheckIn(day="2026-03-10", mood=4, energy=3, intention="From the laptop"))
    export = export_data(laptop)
    laptop.close()

    clock = make_clock("2026-03-11T05:30")
    here = open_journal(tmp_path / "here.json", clock)
    heard = announcements(here)
    assert apply_import(here, clock, plan_import(here, export))
    assert heard() == 1
    assert [c.intention for c in here.checkins.all()] == ["From the laptop"]
    assert clock.day_start_hour == 6 and clock.today_str() == "2026-03-10"
    here.close()
    reopened = open_journal(tmp_path / "here.json", make_clock(), writer=False)
    assert len(reopened.checkins) == 1 and reopened.settings.day_start_hour == 6
