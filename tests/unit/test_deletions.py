"""Deleting entries: tombstones in the file and in exports, undo, and deletions that
stay deleted through imports and syncs."""

from __future__ import annotations

import json
from pathlib import Path

from fixed_time import make_clock

from resilience_tui import cli
from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import Action, Rejection
from resilience_tui.journal.deletions import delete_entry, question, undo_delete
from resilience_tui.journal.rejections import log_rejection
from resilience_tui.journal.selfcare import log_selfcare
from resilience_tui.journal.sync import sync
from resilience_tui.journal.transfer import apply_import
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import export_data, plan_import


def _walk(store: Store, clock: FixedClock) -> str:
    return log_selfcare(store, clock, activity="walk", minutes=30).id


def test_a_deleted_entry_leaves_a_tombstone_in_the_file_and_the_export(
        store: Store, clock: FixedClock) -> None:
    entry_id = _walk(store, clock)
    clock.advance(hours=1)
    deletion = delete_entry(store, clock, "selfcare", entry_id)
    assert deletion is not None and deletion.label == "self-care entry from 11 March"
    assert store.selfcare.get(entry_id) is None
    on_disk = json.loads(store.path.read_text())
    assert list(on_disk["deleted"].values()) == [
        {"table": "selfcare", "id": entry_id, "deleted_at": "2026-03-11T10:00:00+00:00"}]
    exported = export_data(store)
    assert exported["selfcare"] == []
    assert exported["deleted"] == [
        {"table": "selfcare", "id": entry_id, "deleted_at": "2026-03-11T10:00:00+00:00"}]


def test_undo_puts_back_exactly_what_was_deleted(store: Store, clock: FixedClock) -> None:
    entry_id = _walk(store, clock)
    before = export_data(store)
    clock.advance(minutes=5)
    deletion = delete_entry(store, clock, "selfcare", entry_id)
    assert deletion is not None
    undo_delete(store, deletion)
    after = export_data(store)
    assert after["selfcare"] == before["selfcare"]
    assert after["deleted"] == []


def test_deleting_a_rejection_takes_its_cool_down_and_next_steps(
        store: Store, clock: FixedClock) -> None:
    twice = [log_rejection(store, clock, company="Acme", role="Designer") for _ in range(2)]
    other = log_rejection(store, clock, company="Globex", role="Analyst")
    for r in (twice[1], other):
        store.actions.put(Action(kind="reach out", text="Ask Sam", rejection_id=r.id,
                                 created_on="2026-03-11"))
    asked = question(store, clock, "rejections", twice[1].id)
    assert asked == ("Delete this rejection from Acme (Designer)? Its cool-down and its 1 "
                     "next step go with it.")
    deletion = delete_entry(store, clock, "rejections", twice[1].id)
    assert deletion is not None
    assert [r.id for r in store.rejections.all()] == [twice[0].id, other.id]
    assert [a.rejection_id for a in store.actions.all()] == [other.id]
    assert sorted(t.table for t in store.deleted.all()) == ["actions", "rejections"]
    undo_delete(store, deletion)
    assert len(store.rejections.all()) == 3 and len(store.actions.all()) == 2


def _export_file(store: Store, path: Path) -> Path:
    path.write_text(json.dumps(export_data(store)))
    return path


def test_an_older_export_never_brings_a_deleted_entry_back(
        store: Store, clock: FixedClock, tmp_path: Path,
        capsys: object) -> None:
    entry_id = _walk(store, clock)
    older = _export_file(store, tmp_path / "before.json")
    clock.advance(days=1)
    delete_entry(store, clock, "selfcare", entry_id)
    plan = plan_import(store, json.loads(older.read_text()))
    assert plan.records["selfcare"] == [] and plan.changes == 0
    assert any("1 kept deleted" in line for line in plan.report())
    store.close()
    assert cli.main(["--db", str(store.path), "import", str(older), "--dry-run"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "self-care entries: 0 new, 0 updated, 0 already here, 1 kept deleted" in out
    assert cli.main(["--db", str(store.path), "import", str(older)]) == 0
    again = Store(store.path, clock)
    try:
        assert again.selfcare.all() == []
    finally:
        again.close()


def test_a_file_with_tombstones_deletes_here_unless_ours_was_edited_later(
        store: Store, clock: FixedClock, tmp_path: Path) -> None:
    kept_id, gone_id = _walk(store, clock), _walk(store, clock)
    theirs = Store(tmp_path / "theirs.json", make_clock("2026-03-11T12:00:00"))
    try:
        theirs.selfcare.put_many([store.selfcare.get(kept_id), store.selfcare.get(gone_id)],
                                 stamp=False)
        for rid in (kept_id, gone_id):
            delete_entry(theirs, theirs.clock, "selfcare", rid)
        export = export_data(theirs)
    finally:
        theirs.close()
    clock.set("2026-03-11T13:00:00")  # edited here after they deleted it
    edited = store.selfcare.get(kept_id)
    assert edited is not None
    edited.minutes = 45
    store.selfcare.put(edited)
    plan = plan_import(store, export)
    assert plan.removed == {"selfcare": [gone_id]}
    assert apply_import(store, clock, plan)
    assert [s.id for s in store.selfcare.all()] == [kept_id]
    assert plan_import(store, export).changes == 0  # the same file again changes nothing


def test_an_export_without_a_deleted_list_still_imports(
        store: Store, clock: FixedClock) -> None:
    export = export_data(store)
    export["rejections"] = [Rejection(company="Acme", role="Designer", received_on="2026-03-10",
                                      logged_on="2026-03-10", id="r1").to_dict()]
    del export["deleted"]
    plan = plan_import(store, export)
    assert apply_import(store, clock, plan)
    assert [r.id for r in store.rejections.all()] == ["r1"]


def test_a_deletion_reaches_the_other_machine_through_sync(tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    clock = make_clock("2026-03-11T09:00:00")
    a = Store(tmp_path / "a" / "j.json", clock)
    b = Store(tmp_path / "b" / "j.json", clock)
    try:
        entry_id = _walk(a, clock)
        sync(a, clock, folder, "laptop")
        sync(b, clock, folder, "desktop")
        assert [s.id for s in b.selfcare.all()] == [entry_id]
        clock.advance(hours=2)
        delete_entry(a, clock, "selfcare", entry_id)
        sync(a, clock, folder, "laptop")
        sync(b, clock, folder, "desktop")
        assert b.selfcare.all() == []
        sync(a, clock, folder, "laptop")  # and B's older copy never comes back to A
        assert a.selfcare.all() == []
    finally:
        a.close()
        b.close()
