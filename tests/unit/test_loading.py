"""Loading a long history: the quick ways in give exactly what the careful ways gave."""

from __future__ import annotations

import gc
from dataclasses import asdict
from pathlib import Path

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn, PlanItem, Rejection, RestDay, SelfCare
from resilience_tui.storage.store import Store


def checkin(day: str) -> CheckIn:
    return CheckIn(day=day, mood=3, energy=4, intention="Send two applications",
                   feelings=["calm"], plan=[PlanItem(kind="apply", text="Acme analyst role"),
                                            PlanItem(kind="learn", text="SQL window functions",
                                                     done=True)],
                   at="2026-03-10T08:00:00+00:00")


def test_a_complete_record_comes_back_equal_with_nested_records_rebuilt() -> None:
    original = checkin("2026-03-10")
    again = CheckIn.from_dict(asdict(original))
    assert again == original
    assert all(isinstance(p, PlanItem) for p in again.plan)
    r = Rejection(company="Acme", role="Analyst", received_on="2026-03-01",
                  logged_on="2026-03-01")
    assert Rejection.from_dict(asdict(r)) == r


def test_a_record_with_missing_or_unknown_fields_still_gets_defaults() -> None:
    data = asdict(SelfCare(day="2026-03-10", activity="walk", minutes=20))
    del data["note"]
    data["mood_emoji"] = "🙂"  # from some future version: ignored
    entry = SelfCare.from_dict(data)
    assert entry.note == "" and entry.activity == "walk" and not hasattr(entry, "mood_emoji")


def test_a_rest_day_still_takes_its_day_as_id() -> None:
    assert RestDay.from_dict({"day": "2026-03-08", "id": ""}).id == "2026-03-08"


def test_preload_reads_every_table_and_leaves_the_collector_as_it_was(
    db_path: Path, clock: FixedClock
) -> None:
    store = Store(db_path, clock)
    store.checkins.put_many([checkin("2026-03-09"), checkin("2026-03-10")])
    store.selfcare.put(SelfCare(day="2026-03-10", activity="walk", minutes=20))
    store.close()

    reopened = Store(db_path, clock)
    try:
        was_enabled = gc.isenabled()
        reopened.preload()
        assert gc.isenabled() == was_enabled
        assert sorted(c.day for c in reopened.checkins.all()) == ["2026-03-09", "2026-03-10"]
        assert reopened.checkins.all()[0].plan[1].done is True
        assert [s.activity for s in reopened.selfcare.all()] == ["walk"]
    finally:
        reopened.close()
