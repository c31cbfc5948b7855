"""The journal is a real TinyDB database: any TinyDB opens the file the app wrote, lists its
tables and finds a record with ``Query``; the store's own writes go through TinyDB's tables by
document id (a record keeps its document, an edit replaces it whole); and the history is still
held in memory once after those writes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from tinydb import Query, TinyDB

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import (
    Action,
    CheckIn,
    Contact,
    PlanItem,
    Rejection,
    RestDay,
    SelfCare,
)
from resilience_tui.storage import atomic
from resilience_tui.storage.migrations import TABLES
from resilience_tui.storage.store import Store

Entry = Query()


def a_day_of_use(store: Store) -> tuple[CheckIn, SelfCare]:
    """What a user writes in a day or two: something in every table."""
    checkin = store.checkins.put(CheckIn(day="2026-03-11", mood=4, energy=3,
                                         intention="send two applications",
                                         plan=[PlanItem(text="Call Ana")]))
    walk = store.selfcare.put(SelfCare(day="2026-03-11", activity="walk", minutes=20,
                                       at="2026-03-11T09:00:00+00:00"))
    store.rejections.put(Rejection(company="Acme", role="QA", received_on="2026-03-10",
                                   logged_on="2026-03-10"))
    store.contacts.put(Contact(name="Ana", kind="mentor", created_on="2026-03-01"))
    store.actions.put(Action(text="Look at QA roles nearby", created_on="2026-03-10"))
    store.rest_days.put(RestDay(day="2026-03-08"))
    store.save_settings(store.settings)
    return checkin, walk


def test_any_tinydb_opens_the_journal_lists_every_table_and_finds_a_record(
    store: Store, db_path: Path
) -> None:
    checkin, walk = a_day_of_use(store)
    with TinyDB(db_path, access_mode="r") as db:
        assert db.tables() == set(TABLES)
        found = db.table("checkins").get(Entry.day == "2026-03-11")
        assert found is not None and found["intention"] == "send two applications"
        assert found["plan"][0]["text"] == "Call Ana"
        assert db.table("selfcare").get(Entry.id == walk.id)["activity"] == "walk"  # type: ignore[index]
        assert db.table("settings").get(doc_id=1)["cooldown_days"] == 2  # type: ignore[index]


def test_the_stores_own_tinydb_sees_every_change_at_once(store: Store) -> None:
    checkin, _ = a_day_of_use(store)
    table = store.db.table("checkins")
    assert table.search(Entry.mood == 4)[0]["id"] == checkin.id
    edited = store.checkins.get(checkin.id)
    assert edited is not None
    edited.mood = 2
    store.checkins.put(edited)
    assert table.search(Entry.mood == 4) == []  # no stale query result
    assert table.get(Entry.id == checkin.id)["mood"] == 2  # type: ignore[index]
    store.checkins.delete(checkin.id)
    assert len(table) == 0 and not store.checkins.all()


def test_an_edit_keeps_the_document_and_its_place_and_replaces_it_whole(
    db_path: Path, clock: FixedClock
) -> None:
    first = Store(db_path, clock)
    days = ["2026-03-08", "2026-03-09", "2026-03-10"]
    made = [first.checkins.put(CheckIn(day=d, mood=3, energy=3)) for d in days]
    first.close()
    with TinyDB(db_path) as db:  # another TinyDB program adds a field we do not keep
        db.table("checkins").update({"colour": "blue"}, doc_ids=[1])

    again = Store(db_path, clock)
    oldest = again.checkins.get(made[0].id)
    assert oldest is not None
    oldest.mood = 5
    again.checkins.put(oldest)
    again.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3))
    again.close()

    with TinyDB(db_path, access_mode="r") as db:
        docs = db.table("checkins").all()
    assert [d.doc_id for d in docs] == [1, 2, 3, 4]
    assert [d["day"] for d in docs] == [*days, "2026-03-11"]  # oldest first still
    assert docs[0]["mood"] == 5 and "colour" not in docs[0]


def test_after_writes_the_history_is_still_held_once(store: Store) -> None:
    checkin, walk = a_day_of_use(store)
    edited = store.checkins.get(checkin.id)
    assert edited is not None
    edited.intention = "rest, then one application"
    store.checkins.put(edited)
    rows = store.storage.read()
    # The cached row is the very record the Repo hands out (orjson writes it as the dict).
    assert rows["checkins"]["1"] is store.checkins.get_shared(checkin.id)
    assert rows["selfcare"]["1"] is store.selfcare.get_shared(walk.id)


def test_a_record_held_by_a_reader_stays_as_it_was_read(store: Store) -> None:
    checkin, _ = a_day_of_use(store)
    before = store.checkins.get_shared(checkin.id)
    edited = store.checkins.get(checkin.id)
    assert before is not None and edited is not None
    edited.mood = 1
    store.checkins.put(edited)
    assert before.mood == 4
    assert store.checkins.get_shared(checkin.id).mood == 1  # type: ignore[union-attr]


def test_a_failed_write_keeps_the_change_visible_and_saves_it_next_time(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkin, _ = a_day_of_use(store)
    real_write = atomic.atomic_write

    def full(path: Path, payload: bytes) -> os.stat_result:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "atomic_write", full)
    edited = store.checkins.get(checkin.id)
    assert edited is not None
    edited.mood = 1
    store.checkins.put(edited)
    assert store.unsaved and "safe in memory" in store.problems[-1]
    assert store.db.table("checkins").get(doc_id=1)["mood"] == 1  # type: ignore[index]

    monkeypatch.setattr(atomic, "atomic_write", real_write)
    store.selfcare.put(SelfCare(day="2026-03-11", activity="gym", minutes=30,
                                at="2026-03-11T10:00:00+00:00"))
    assert not store.unsaved
    with TinyDB(db_path, access_mode="r") as db:
        assert db.table("checkins").get(doc_id=1)["mood"] == 1  # type: ignore[index]
        assert len(db.table("selfcare")) == 2


def test_tables_changed_in_place_end_as_tinydb_itself_leaves_them(tmp_path: Path) -> None:
    """The store's tables change rows where they are rather than copying the table for each
    change; any sequence of TinyDB's own operations must still leave the very file TinyDB's
    tables leave, rows in the same order, numbers going on from the highest."""
    from tinydb.storages import MemoryStorage

    from resilience_tui.storage.held import JournalDB

    ours_storage = atomic.AtomicCachedStorage(tmp_path / "ours.json")
    ours, theirs = JournalDB(storage=lambda: ours_storage), TinyDB(storage=MemoryStorage)
    for db in (ours, theirs):
        table = db.table("selfcare")
        table.insert_multiple([{"activity": a, "minutes": n}
                               for n, a in enumerate(["walk", "read", "call", "swim"], 10)])
        table.update({"minutes": 45}, doc_ids=[2])
        table.update(lambda row: row.update(activity="long walk"), Entry.activity == "walk")
        table.remove(doc_ids=[3])
        table.remove(Entry.minutes == 13)
        table.insert({"activity": "yoga", "minutes": 20})
        table.upsert({"activity": "yoga", "minutes": 25}, Entry.activity == "yoga")
        db.table("rest_days").insert({"day": "2026-03-08"})
        db.table("rest_days").truncate()
    assert ours_storage.read() == theirs.storage.read()
    assert list(ours_storage.read()["selfcare"]) == list(theirs.storage.read()["selfcare"])
    assert ours.table("selfcare").insert({"activity": "run"}) == 6
