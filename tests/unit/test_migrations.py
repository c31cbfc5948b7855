"""Schema versions: old files move forward step by step; newer files are refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from resilience_tui.clock import FixedClock
from resilience_tui.storage import migrations
from resilience_tui.storage.atomic import read_database
from resilience_tui.storage.errors import DatabaseInvalid
from resilience_tui.storage.store import Store


def test_an_empty_object_becomes_schema_1_on_disk(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "resilience.json"
    path.write_text("{}")
    store = Store(path, clock)
    store.close()
    data = json.loads(path.read_text())
    assert data["meta"] == {"1": {"schema": 1}}
    assert set(migrations.TABLES) <= set(data)
    # The file as it was is in today's backup, should the migration ever be doubted.
    assert (tmp_path / "backups" / "resilience-2026-03-11.json").read_text() == "{}"


def test_a_current_file_is_not_rewritten_on_open(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "resilience.json"
    raw = b'{"meta": {"1": {"schema": 1}}, "checkins": {}}'
    path.write_bytes(raw)
    Store(path, clock).close()
    assert path.read_bytes() == raw


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "resilience.json"
    raw = b'{"meta": {"1": {"schema": 2}}, "checkins": {}, "goals": {"1": {"x": 1}}}'
    path.write_bytes(raw)
    with pytest.raises(DatabaseInvalid) as caught:
        Store(path, clock)
    assert "newer version" in caught.value.message and "schema 2" in caught.value.message
    assert path.read_bytes() == raw
    with pytest.raises(DatabaseInvalid):
        Store(path, clock, writer=False)


def test_a_missing_schema_is_not_taken_for_ours() -> None:
    assert migrations.check_shape({"checkins": {}}) is not None
    assert migrations.check_shape({"meta": {"1": {"schema": "1"}}}) is not None
    assert migrations.check_shape({"meta": {"1": {"schema": True}}}) is not None


def test_damaged_tables_are_named() -> None:
    assert "'checkins' table is damaged" in str(
        migrations.check_shape({"meta": {"1": {"schema": 1}}, "checkins": [1, 2]}))
    assert "'checkins' table is damaged" in str(
        migrations.check_shape({"meta": {"1": {"schema": 1}}, "checkins": {"x": {}}}))
    assert "'meta' table is damaged" in str(migrations.check_shape({"meta": {"1": 5}}))


def test_steps_run_in_order(tmp_path: Path, clock: FixedClock,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[int] = []

    def to_v2(data: dict[str, Any]) -> dict[str, Any]:
        ran.append(1)
        assert migrations.schema_of(data) == 1  # step 0 → 1 already happened
        for row in data["checkins"].values():
            row["mood_word"] = "ok"
        return data

    def to_v3(data: dict[str, Any]) -> dict[str, Any]:
        ran.append(2)
        assert migrations.schema_of(data) == 2
        for row in data["checkins"].values():
            row["mood_word"] += "!"
        return data

    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, to_v2)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, to_v3)
    path = tmp_path / "resilience.json"
    path.write_text(json.dumps({"meta": {"1": {"schema": 1}},
                                "checkins": {"1": {"id": "a", "day": "2026-03-10"}}}))
    store = Store(path, clock)
    store.close()
    assert ran == [1, 2]
    data, _ = read_database(path)
    assert data is not None
    assert data["meta"]["1"]["schema"] == 3
    assert data["checkins"]["1"]["mood_word"] == "ok!"


def test_the_schema_row_is_updated_where_it_lives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda data: data)
    data, changed = migrations.migrate({"meta": {"7": {"schema": 1, "note": "kept"}}})
    assert changed
    assert data["meta"] == {"7": {"schema": 2, "note": "kept"}}
    assert migrations.schema_of(data) == 2
