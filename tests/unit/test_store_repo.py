"""The Repo's promises: bad records never reach the file, the store keeps its own copy,
a reopened file writes back byte for byte, and every write moves the revision on."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn, PlanItem, Rejection
from resilience_tui.domain.validate import ValidationError
from resilience_tui.storage import atomic
from resilience_tui.storage.backup import restore
from resilience_tui.storage.store import Store


def test_an_invalid_record_is_refused_and_nothing_is_saved(store: Store, db_path: Path) -> None:
    store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3))
    before = db_path.read_bytes()
    with pytest.raises(ValidationError):
        store.checkins.put(CheckIn(day="2026-03-11", mood=9, energy=3))
    with pytest.raises(ValidationError):  # one bad record in a batch saves none of it
        store.checkins.put_many([CheckIn(day="2026-03-12", mood=3, energy=3),
                                 CheckIn(day="someday", mood=3, energy=3)])
    assert db_path.read_bytes() == before
    assert [c.day for c in store.checkins.all()] == ["2026-03-10"]


def test_changing_an_object_after_put_changes_nothing_stored(store: Store) -> None:
    c = store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3,
                                   plan=[PlanItem(text="Apply to Acme")]))
    c.mood = 1
    c.plan[0].done = True
    kept = store.checkins.get(c.id)
    assert kept is not None and kept.mood == 3 and not kept.plan[0].done


def test_a_reopened_history_writes_back_byte_for_byte(db_path: Path, clock: FixedClock) -> None:
    first = Store(db_path, clock)
    first.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3,
                               plan=[PlanItem(text="Call Ana")], feelings=["tired"]))
    first.rejections.put(Rejection(company="Acme", role="QA", received_on="2026-03-10",
                                   logged_on="2026-03-10"))
    first.close()
    before = db_path.read_bytes()
    again = Store(db_path, clock)
    again.preload()
    again.storage.flush()
    again.close()
    assert db_path.read_bytes() == before


def test_every_write_saved_or_not_moves_the_revision_on(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = store.revision
    store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3))
    assert store.revision > start
    saved = store.revision

    def full(path: Path, payload: bytes) -> os.stat_result:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "atomic_write", full)
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3))
    assert store.unsaved and store.revision > saved


def test_copies_kept_aside_are_named_by_the_apps_clock(
    store: Store, db_path: Path, clock: FixedClock
) -> None:
    store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3))
    aside = store.rescue()
    assert aside is not None and aside.name == "resilience.json.unsaved-20260311-090000"
    backup = db_path.with_name("backup.json")
    backup.write_bytes(db_path.read_bytes())
    _, kept = restore(db_path, backup, now=clock.now)
    assert kept is not None and kept.name == "resilience.json.before-restore-20260311-090000"


def test_the_store_has_one_repo_per_table_of_the_one_registry(store) -> None:
    from resilience_tui.storage.tables import RECORD_CLASSES

    assert {name: repo.cls for name, repo in store.repos.items()} == RECORD_CLASSES
