"""Plans of days long past are kept as their items' values (``domain.past_plan``), ~10 MB
less at thirty years: every reader still sees the same plan items, a copy to change is a
plain list, and the file and the exports hold exactly what they held."""

from __future__ import annotations

import copy
from pathlib import Path

import orjson
import pytest
from fixed_time import ago, make_clock

from resilience_tui.domain.history import checkin_line, checkin_text
from resilience_tui.domain.models import CheckIn, PlanItem
from resilience_tui.domain.past_plan import PAST_DAYS, PastPlan, as_json, done_count
from resilience_tui.journal import open_journal
from resilience_tui.storage.formats import csv_table
from resilience_tui.storage.markdown import journal_markdown
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import export_data

ITEMS = [PlanItem(kind="apply", text="Acme analyst \"role\" é ✓", done=True),
         PlanItem(kind="outreach", text="Call Ana", source="contact",
                  contact_id="c0ffee0000000001"),
         PlanItem(kind="learn", text="SQL\tjoins")]


def past(items: list[PlanItem]) -> PastPlan:
    rows = orjson.loads(orjson.dumps(items))  # as the file holds them
    return PastPlan(rows, done_count(items))


def test_a_past_plan_reads_as_its_items() -> None:
    plan = past(ITEMS)
    assert len(plan) == 3 and plan and not past([])
    assert list(plan) == ITEMS and plan[1] == ITEMS[1] and plan[-1:] == ITEMS[-1:]
    assert plan == ITEMS and ITEMS == plan and plan == past(ITEMS)
    assert plan != ITEMS[:2]
    assert done_count(plan) == 1 == done_count(ITEMS)
    assert plan.texts() == [p.text for p in ITEMS]
    assert repr(plan) == repr(ITEMS)


def test_a_past_plan_is_written_byte_for_byte_as_its_items() -> None:
    checkin = CheckIn(day="2025-01-02", mood=3, energy=2, plan=list(ITEMS)).validate()
    packed = copy.copy(checkin)
    packed.plan = past(checkin.plan)
    assert orjson.dumps(packed, default=as_json) == orjson.dumps(checkin)
    assert packed.to_dict() == checkin.to_dict()
    with pytest.raises(TypeError):
        orjson.dumps(packed)  # never written by accident without it


def test_a_copy_of_a_past_plan_is_a_list_of_new_items() -> None:
    checkin = CheckIn(day="2025-01-02", mood=3, energy=2)
    checkin.plan = plan = past(ITEMS)
    mine = copy.deepcopy(checkin)
    assert type(mine.plan) is list and mine.plan == ITEMS
    mine.plan[0].done = False
    assert plan[0].done and done_count(plan) == 1  # the kept one is as it was


@pytest.fixture
def journal(db_path: Path) -> Path:
    """A check-in a year ago, one a week ago, written by the app."""
    store = open_journal(db_path, make_clock())
    store.checkins.put_many([
        CheckIn(day=ago(365), mood=2, energy=3, plan=[ITEMS[0], ITEMS[2]]).validate(),
        CheckIn(day=ago(7), mood=4, energy=4, plan=[ITEMS[1]]).validate()])
    store.close()
    return db_path


def test_only_plans_of_days_long_past_are_kept_so(journal: Path) -> None:
    store = Store(journal, make_clock(), preload=True)
    try:
        old, recent = sorted(store.checkins.all(), key=lambda c: c.day)
        assert ago(PAST_DAYS) > old.day and recent.day > ago(PAST_DAYS)
        assert isinstance(old.plan, PastPlan) and type(recent.plan) is list
        assert checkin_line(old).endswith("plan 1/2")
        assert "acme analyst" in checkin_text(old).casefold()
    finally:
        store.close()


def test_an_old_check_in_corrected_keeps_its_plan(journal: Path) -> None:
    store = Store(journal, make_clock(), preload=True)
    try:
        old = min(store.checkins.all(), key=lambda c: c.day)
        mine = store.checkins.get(old.id)
        assert mine is not None and type(mine.plan) is list
        mine.mood = 5
        mine.plan[1].done = True
        store.checkins.put(mine)
    finally:
        store.close()
    row = next(r for r in orjson.loads(journal.read_bytes())["checkins"].values()
               if r["day"] == ago(365))
    assert row["mood"] == 5 and [p["done"] for p in row["plan"]] == [True, True]
    assert [p["text"] for p in row["plan"]] == [ITEMS[0].text, ITEMS[2].text]


def test_exports_hold_past_plans_as_they_were(journal: Path) -> None:
    store = Store(journal, make_clock(), preload=True)
    try:
        exported = export_data(store)
        text = journal_markdown(store)
        checkins, items = csv_table(store, "checkins"), csv_table(store, "plan_items")
    finally:
        store.close()
    rows = orjson.loads(journal.read_bytes())["checkins"].values()
    written = {r["day"]: r["plan"] for r in rows}
    assert {c["day"]: c["plan"] for c in exported["checkins"]} == written
    assert "Acme analyst" in text and "Call Ana" in text
    old = next(line for line in checkins.splitlines() if ago(365) in line)
    assert "[x] apply: Acme analyst" in old and "[ ] learn: SQL" in old
    assert sum(ago(365) in line for line in items.splitlines()) == 2
