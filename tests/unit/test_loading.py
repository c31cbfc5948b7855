"""Loading a long history: the quick ways in give exactly what the careful ways gave."""

from __future__ import annotations

import copy
import gc
import itertools
import json
import pickle
import random
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

import orjson
import pytest
from fixed_time import make_clock
from fuzz_cases import base_export, mutate
from unit.transfer_samples import journal

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn, PlanItem, Rejection, RestDay, SelfCare
from resilience_tui.journal.opening import open_journal
from resilience_tui.journal.transfer import apply_import
from resilience_tui.storage import pieces
from resilience_tui.storage.errors import DatabaseInvalid
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import plan_import


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


# Built as the file is read (the app) or after (every other command): the same journal.

def _opened(path: Path, preload: bool) -> object:
    """All a store made of ``path``: each table's records, what it set aside, and the file
    it would write; or the refusal. (A nested record stored without its id gets a new one:
    the same ones each time here.)"""
    ids = itertools.count()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(ids)))
        return _opened_now(path, preload)


def _opened_now(path: Path, preload: bool) -> object:
    try:
        store = open_journal(path, make_clock(), writer=False, preload=preload)
    except DatabaseInvalid as exc:
        return ("refused", exc.message)
    try:
        store.preload()
        return ({name: orjson.dumps(repo.all()) for name, repo in store.repos.items()},
                [d.line() for d in store.damaged], orjson.dumps(store.storage.read()))
    finally:
        store.close()


def _same_either_way(path: Path, data: bytes) -> object:
    path.write_bytes(data)
    built_as_read = _opened(path, preload=True)
    assert built_as_read == _opened(path, preload=False)
    return built_as_read


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A few weeks of use as the app writes them (every table, an open cool-down)."""
    path = tmp_path_factory.mktemp("written") / "resilience.json"
    store = Store(path, make_clock())
    assert apply_import(store, store.clock, plan_import(store, base_export()))
    store.close()
    data: dict[str, Any] = orjson.loads(path.read_bytes())
    return data


def test_records_built_as_the_file_is_read_are_those_built_after_it(
        tmp_path: Path, written: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "_PIECE", 300)  # a few rows a piece: every seam is crossed
    kept = _same_either_way(tmp_path / "j.json", orjson.dumps(written))
    assert isinstance(kept, tuple) and len(kept) == 3
    assert kept[2] == orjson.dumps(written)  # written back byte for byte
    for seed in range(120):  # damaged rows, wrong types, nesting bombs: set aside alike
        mutated = mutate(written, random.Random(seed), 1 + seed % 3, skip=2)
        compact = json.dumps(mutated, separators=(",", ":"), ensure_ascii=False)  # 2**70 too
        _same_either_way(tmp_path / f"m{seed}.json", compact.encode())


def test_rows_that_look_like_a_table_or_row_boundary_inside_still_read_alike(
        tmp_path: Path, written: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "_PIECE", 50)
    data = copy.deepcopy(written)
    for n, row in enumerate(data["rejections"].values()):  # objects keyed like rows, tables
        row["cooldown"]["draft"] = {"1": {"a": {}}, "2": {"b": {}}, "contacts": {}, "n": n}
    once = orjson.dumps(data)
    assert b'{}},"contacts":{' in once and b'}},"2":{' in once
    _same_either_way(tmp_path / "lookalike.json", once)
    _same_either_way(tmp_path / "pretty.json", json.dumps(data, indent=1).encode())
    tail = once[:-1] + b',"contacts":{}}'  # a table twice: the last one counts, as in JSON
    assert _same_either_way(tmp_path / "twice.json", tail)
    row_twice = once.replace(b'"checkins":{"1":', b'"checkins":{"2":{"day":"x"},"1":', 1)
    _same_either_way(tmp_path / "row-twice.json", row_twice)
    for cut in (len(once) // 3, len(once) // 2, len(once) - 1):  # truncated: refused alike
        assert _same_either_way(tmp_path / f"cut{cut}.json", once[:cut])[0] == "refused"


def test_the_day_a_record_is_checked_against_follows_the_settings_either_way(
        tmp_path: Path, written: dict[str, Any]) -> None:
    data = copy.deepcopy(written)
    data["settings"]["1"]["day_start_hour"] = 12  # at 09:00 it is still yesterday
    far = next(iter(data["checkins"].values()))
    far["day"] = "2027-03-12"  # within a year of 11 March, not of 10 March
    kept = _same_either_way(tmp_path / "late.json", orjson.dumps(data))
    assert isinstance(kept, tuple) and any("checkins" in line for line in kept[1])


def test_a_record_copies_compares_and_writes_as_its_dict() -> None:
    records = [r for table in journal(days=12).values() for r in table]
    assert {type(r) for r in records} >= {CheckIn, Rejection, SelfCare, RestDay}
    for record in records:
        assert orjson.dumps(record) == orjson.dumps(record.to_dict())  # held rows rely on it
        twin = copy.deepcopy(record)
        assert twin == record and pickle.loads(pickle.dumps(record)) == record
        assert type(record).from_dict(orjson.loads(orjson.dumps(record))) == record
        if isinstance(twin, CheckIn) and twin.plan:
            twin.plan[0].done = not twin.plan[0].done
            twin.feelings.append("tired")
            assert twin != record and record.feelings != twin.feelings
