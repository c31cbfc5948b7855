"""Rows held as their records (``storage/held.py``, ``storage/alike.py``): a record takes its
row's place in memory only where orjson writes the two byte for byte alike, so the file
never changes by being held; and telling that leaves each record as it was built, its
attributes never made into a ``__dict__`` (~5 MB at thirty years)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import orjson
import pytest

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import (
    Action,
    CheckIn,
    Contact,
    Cooldown,
    Feeling,
    PlanItem,
    Reason,
    Record,
    Rejection,
    RestDay,
    SelfCare,
    Settings,
)
from resilience_tui.storage.errors import DatabaseInvalid
from resilience_tui.storage.held import hold
from resilience_tui.storage.store import Store

AT = "2026-03-10T08:00:00+00:00"
DRAFT = {"step": "acknowledge", "fields": {"journal": "so far", "minutes": "20"}, "feedback": {}}


def a_journal(path: Path, clock: FixedClock) -> dict[str, Any]:
    """Two of every record, nested ones too, as the app writes them; one check-in and one
    self-care entry never changed since written (``updated_at`` is ``at``)."""
    store = Store(path, clock)
    fresh = [CheckIn(day="2026-03-09", mood=3, energy=4, intention="apply", feelings=["calm"],
                     plan=[PlanItem(kind="apply", text="Acme analyst role")], at=AT,
                     updated_at=AT).validate(),
             SelfCare(day="2026-03-09", activity="walk", minutes=20, at=AT,
                      updated_at=AT).validate()]
    store.checkins.put_many(fresh[:1], stamp=False)
    store.selfcare.put_many(fresh[1:], stamp=False)
    store.checkins.put(CheckIn(day="2026-03-10", mood=2, energy=3, feelings=["calm", "tired"],
                               plan=[PlanItem(kind="apply", text="Beta role"),
                                     PlanItem(kind="learn", text="SQL", done=True)], at=AT))
    store.selfcare.put(SelfCare(day="2026-03-10", activity="run", minutes=30,
                                note="by the river", energy_before=2, at=AT))
    cooldown = Cooldown(acknowledged_on="2026-03-10", journal="It stung.", draft=DRAFT,
                        feelings=[Feeling(name="sad", before=60), Feeling(name="angry")],
                        reasons=[Reason(tag="skill gap", note="SQL")], traps=["mind reading"])
    store.rejections.put(Rejection(company="Acme", role="QA", received_on="2026-03-09",
                                   logged_on="2026-03-10", cooldown=cooldown, at=AT))
    store.rejections.put(Rejection(company="Beta", role="Dev", received_on="2026-03-08",
                                   logged_on="2026-03-08", at=AT))
    store.rest_days.put_many([RestDay(day="2026-03-01"), RestDay(day="2026-03-08")])
    store.contacts.put_many([Contact(name="Ana", kind="mentor", created_on="2026-03-01"),
                             Contact(name="Bo", reach="bo@example.org")])
    store.actions.put_many([Action(text="Look at QA roles", created_on="2026-03-10"),
                            Action(text="Ask Ana", status="done", created_on="2026-03-09",
                                   done_on="2026-03-10")])
    store.close()
    data: dict[str, Any] = orjson.loads(path.read_bytes())
    return data


@pytest.fixture
def journal(db_path: Path, clock: FixedClock) -> dict[str, Any]:
    return a_journal(db_path, clock)


def opened(path: Path, clock: FixedClock, data: dict[str, Any], preload: bool) -> Store:
    """The store ``path`` opens as, written first as ``data`` in the app's layout (through
    ``json``, which writes what orjson refuses to: a nesting bomb)."""
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    store = Store(path, clock, preload=preload)
    store.preload()
    return store


def cached(store: Store, table: str) -> dict[str, Any]:
    rows: dict[str, Any] = store.storage.read()[table]
    return rows


def reversed_keys(row: dict[str, Any]) -> None:
    items = list(row.items())
    row.clear()
    row.update(reversed(items))


Change = Callable[[dict[str, Any]], None]
# Rows whose record orjson would not write as the row: each is built (not set aside), but
# stays a dict. (table, row, change)
DIFFER: dict[str, tuple[str, str, Change]] = {
    "text cleaned": ("selfcare", "2", lambda r: r.update(note="by the river\x07")),
    "keys in another order": ("selfcare", "2", reversed_keys),
    "keys in another order, built by __init__": ("rest_days", "1", reversed_keys),
    "an unknown key": ("selfcare", "1", lambda r: r.update(mood_emoji="🙂")),
    "a missing key": ("selfcare", "2", lambda r: r.pop("note")),
    "a nested plan item that differs": (
        "checkins", "2", lambda r: r["plan"][1].update(text="SQL\x07")),
    "a nested plan item with an unknown key": (
        "checkins", "1", lambda r: r["plan"][0].update(colour="blue")),
    "a nested feeling cleaned": (
        "rejections", "1", lambda r: r["cooldown"]["feelings"][0].update(name="sad\x07")),
    "a draft with a key it does not keep": (
        "rejections", "1", lambda r: r["cooldown"]["draft"]["fields"].update(colour="blue")),
    "a draft's minutes as a number": (
        "rejections", "1", lambda r: r["cooldown"]["draft"]["fields"].update(minutes=20)),
    "a draft's minutes as 3.0": (
        "rejections", "1", lambda r: r["cooldown"]["draft"]["fields"].update(minutes=3.0)),
    "a draft's keys in another order": (
        "rejections", "1", lambda r: reversed_keys(r["cooldown"]["draft"])),
}


@pytest.mark.parametrize("preload", [True, False], ids=["built-as-read", "built-after"])
@pytest.mark.parametrize("case", list(DIFFER))
def test_a_row_its_record_would_not_write_alike_stays_a_dict_and_is_written_as_read(
        case: str, preload: bool, db_path: Path, clock: FixedClock,
        journal: dict[str, Any]) -> None:
    table, doc_id, change = DIFFER[case]
    change(journal[table][doc_id])
    store = opened(db_path, clock, journal, preload)
    try:
        assert not [d for d in store.damaged if not d.dropped]  # built, not set aside
        repo = store.repos[table]
        assert repo.get_shared(journal[table][doc_id]["id"]) is not None
        rows = cached(store, table)
        assert type(rows[doc_id]) is dict
        others = {k: v for name in store.repos for k, v in cached(store, name).items()
                  if (name, k) != (table, doc_id)}
        assert all(isinstance(row, Record) for row in others.values())
        # An unrelated save that writes this table anew: the other row, put back as it is.
        other = next(k for k in rows if k != doc_id)
        kept = repo.get(rows[other].id)
        assert kept is not None
        repo.put(kept)
    finally:
        store.close()
    written = orjson.loads(db_path.read_bytes())
    assert orjson.dumps(written[table][doc_id]) == orjson.dumps(journal[table][doc_id])
    written[table][other] = journal[table][other]
    assert orjson.dumps(written) == orjson.dumps(journal)  # the rest as read, byte for byte


@pytest.mark.parametrize("preload", [True, False], ids=["built-as-read", "built-after"])
def test_rows_their_records_write_alike_are_held_as_those_records(
        preload: bool, db_path: Path, clock: FixedClock, journal: dict[str, Any]) -> None:
    store = opened(db_path, clock, journal, preload)
    try:
        for name, repo in store.repos.items():
            rows = cached(store, name)
            assert len(rows) == (0 if name == "deleted" else 2)
            for row in rows.values():
                assert isinstance(row, Record) and repo.get_shared(row.id) is row
        untouched = cached(store, "selfcare")["1"]
        assert untouched.updated_at is untouched.at  # one string, kept once
    finally:
        store.close()
    assert db_path.read_bytes() == orjson.dumps(journal)


def walked(record: Record) -> Iterator[Record]:
    """``record`` and every record nested in it."""
    yield record
    for field in fields(record):
        inner = getattr(record, field.name)
        for one in inner if isinstance(inner, list) else [inner]:
            if isinstance(one, Record):
                yield from walked(one)


def test_records_are_slotted_with_no_attribute_dict(
        db_path: Path, clock: FixedClock, journal: dict[str, Any]) -> None:
    """No dictionary or spare attribute room beside each record (4.6 MB at thirty years)."""
    store = opened(db_path, clock, journal, preload=True)
    try:
        records = [r for repo in store.repos.values() for top in repo.all()
                   for r in walked(top)]
        assert {type(r) for r in records} >= {CheckIn, PlanItem, Rejection, Cooldown, Feeling,
                                              Reason, SelfCare, RestDay}
        assert not [r for r in records if hasattr(r, "__dict__")]
        with pytest.raises(AttributeError):
            records[0].mood_emoji = "x"  # type: ignore[attr-defined]
    finally:
        store.close()


@pytest.mark.parametrize("preload", [True, False], ids=["built-as-read", "built-after"])
def test_records_are_written_as_their_fields_in_field_order(
        db_path: Path, clock: FixedClock, journal: dict[str, Any], preload: bool) -> None:
    """What ``written_alike`` rests on: orjson writes a record as its fields, in field
    order, however the record was built (from a row, or by its ``__init__``)."""
    store = opened(db_path, clock, journal, preload=preload)
    try:
        store.selfcare.put(SelfCare(day="2026-03-01", activity="walk", minutes=5))
        records = [r for repo in store.repos.values() for top in repo.all()
                   for r in walked(top)]
        assert records
        assert not [r for r in records if orjson.dumps(r) != orjson.dumps(
            {f.name: getattr(r, f.name) for f in fields(r)})]
    finally:
        store.close()


def test_a_nesting_bomb_a_draft_leaves_out_is_refused_at_the_door(
        db_path: Path, clock: FixedClock, journal: dict[str, Any]) -> None:
    bomb: object = []
    for _ in range(300):
        bomb = [bomb]
    journal["rejections"]["1"]["cooldown"]["draft"]["deep"] = bomb  # not a key drafts keep
    for preload in (True, False):
        with pytest.raises(DatabaseInvalid, match="too deep"):
            opened(db_path, clock, journal, preload)


def one_held(record: Record, row: dict[str, Any]) -> bool:
    rows = {"1": row}
    hold(rows, [record])
    return rows["1"] is record


def row_of(record: Record, **changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = orjson.loads(orjson.dumps(record.to_dict()))
    row.update(changes)
    return row


@pytest.mark.parametrize("record, row", [
    (SelfCare(day="2026-03-10", activity="walk", minutes=3),
     {"minutes": 3.0}),
    (SelfCare(day="2026-03-10", activity="walk", minutes=True),  # type: ignore[arg-type]
     {"minutes": 1}),
    (PlanItem(text="call", done=False), {"done": 0}),
    (SelfCare(day="2026-03-10", activity="walk", minutes=-0.0),  # type: ignore[arg-type]
     {"minutes": 0.0}),
    (Settings(rest_weekdays=[1, 0]), {"rest_weekdays": [True, False]}),
    (CheckIn(day="2026-03-10", plan=[PlanItem(text="call", id="p1")]),
     {"plan": [{**row_of(PlanItem(text="call", id="p1")), "done": 0}]}),
    (Cooldown(draft={"step": "done", "fields": {}, "feedback": {}}),
     {"draft": {"fields": {}, "step": "done", "feedback": {}}}),
    (Rejection(company="A", role="B", cooldown=Cooldown(journal="x")),
     {"cooldown": row_of(Cooldown(journal="x "))}),
], ids=["3 and 3.0", "true and 1", "false and 0", "-0.0 and 0.0", "flags in a list",
        "a plan item's false and 0", "a draft's keys in another order",
        "a nested record's text"])
def test_equal_values_written_otherwise_are_not_alike(record: Record,
                                                     row: dict[str, Any]) -> None:
    assert not one_held(record, row_of(record, **row))
    assert one_held(record, row_of(record))


@pytest.mark.parametrize("preload", [True, False], ids=["built-as-read", "built-after"])
@pytest.mark.parametrize("table", ["checkins", "selfcare", "rejections", "contacts", "actions"])
def test_an_old_record_edited_or_deleted_changes_its_own_row(
        table: str, preload: bool, db_path: Path, clock: FixedClock,
        journal: dict[str, Any]) -> None:
    """Held records' document numbers are not noted as the file is read (~3 MB at thirty
    years): the row is found by the record itself when it first changes."""
    store = opened(db_path, clock, journal, preload)
    try:
        repo = store.repos[table]
        assert not repo._doc_ids  # nothing noted for rows that are their records
        first, second = (journal[table][k]["id"] for k in ("1", "2"))
        edited = repo.get(first)
        assert edited is not None
        repo.put(edited)
        repo.delete(second)
        again = repo.get(first)
        assert again is not None
        repo.put(again)  # a second change finds the same row
    finally:
        store.close()
    written = orjson.loads(db_path.read_bytes())[table]
    assert list(written) == ["1"]
    assert written["1"]["id"] == first
    assert written["1"]["updated_at"] == clock.stamp()


@pytest.mark.parametrize("preload", [True, False], ids=["built-as-read", "built-after"])
def test_a_record_its_row_does_not_hold_is_changed_in_that_row(
        preload: bool, db_path: Path, clock: FixedClock, journal: dict[str, Any]) -> None:
    journal["selfcare"]["1"]["mood_emoji"] = "🙂"  # kept a dict: its record would drop it
    store = opened(db_path, clock, journal, preload)
    try:
        rid = journal["selfcare"]["1"]["id"]
        assert store.selfcare._doc_ids == {rid: 1}  # the one row that is not its record
        entry = store.selfcare.get(rid)
        assert entry is not None
        entry.note = "slow, in the rain"
        store.selfcare.put(entry)
    finally:
        store.close()
    written = orjson.loads(db_path.read_bytes())["selfcare"]
    assert list(written) == ["1", "2"]
    assert written["1"]["note"] == "slow, in the rain"
    assert "mood_emoji" not in written["1"]  # a whole record replaces its row, as ever
