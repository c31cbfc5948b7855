"""Fuzzed database files: exit 4 with a named problem, or usable by every command.

A hand-edited, badly synced or restored journal is mutated inside its records (and
now and then its settings or meta). Every command either refuses it as a whole (exit 4,
one line naming what is wrong; ``doctor`` still reports) or works around the damaged
records: ``status``, ``status --json``, every export, ``doctor`` and a writing
``import`` all succeed, and the save keeps every row of the file, damaged ones as they
were. Seeded (derandomized), a few seconds in all.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixed_time import NOW, make_clock
from fuzz_cases import base_export, mutate, plain, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resilience_tui.journal.transfer import apply_import
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import plan_import

EXAMPLES = 150
SMALL_EXPORT = {"app": "resilience-tui", "schema": 1, "checkins": [
    {"id": "fromimport1", "day": "2026-03-09", "mood": 3, "energy": 3,
     "updated_at": "2026-03-09T09:00:00+00:00"}]}


def good_journal(path: Path) -> dict[str, object]:
    store = Store(path, make_clock())
    assert apply_import(store, store.clock, plan_import(store, base_export()))
    store.close()
    return json.loads(path.read_text())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RESILIENCE_NOW", NOW)
        mp.setenv("TZ", "Europe/London")
        folder = tmp_path_factory.mktemp("fuzz-db")
        (folder / "small.json").write_text(json.dumps(SMALL_EXPORT))
        yield folder


def check_database(place: Path, data: object, name: str) -> bool:
    """Run every command on a journal holding ``data``; True when it was usable."""
    db = place / name / "resilience.json"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text(json.dumps(data))
    db.chmod(0o600)
    status = run("--db", str(db), "status")
    assert plain(status.out + status.err), status
    if status.code == 4:
        assert status.err.count("\n") == 1 and status.err.startswith("resilience: "), status
        before = db.read_bytes()
        for argv in (("status", "--json"), ("export",),
                     ("import", str(place / "small.json"))):
            done = run("--db", str(db), *argv)
            assert done.code == 4 and done.err.count("\n") == 1, (argv, done)
        doctor = run("--db", str(db), "doctor")
        assert doctor.code == 1 and "!!" in doctor.out and plain(doctor.out + doctor.err)
        assert db.read_bytes() == before
        return False
    assert status.code == 0, status
    for argv in (("status", "--json"), ("doctor",),
                 ("export", "--output", str(db.parent / "out.json")),
                 ("export", "--format", "csv", "--output", str(db.parent / "csv")),
                 ("export", "--format", "md", "--output", str(db.parent / "j.md"))):
        done = run("--db", str(db), *argv)
        assert done.code == 0 or (argv == ("doctor",) and done.code == 1), (argv, done)
        assert plain(done.out + done.err), (argv, done)
    rows_before = _rows(db)
    imported = run("--db", str(db), "import", str(place / "small.json"))
    assert imported.code == 0, imported
    rows_after = _rows(db)
    for table, rows in rows_before.items():  # a save deletes nothing, damaged rows included
        assert rows.keys() <= rows_after[table].keys(), table
        for doc_id, row in rows.items():
            if not _usable(table, row):
                assert rows_after[table][doc_id] == row
    return True


def _rows(db: Path) -> dict[str, dict[str, object]]:
    return json.loads(db.read_text())  # type: ignore[no-any-return]


def _usable(table: str, row: object) -> bool:
    from resilience_tui.domain.models import Action, CheckIn, Contact, Rejection, RestDay, SelfCare
    from resilience_tui.domain.validate import ValidationError
    from resilience_tui.storage.import_check import checked

    classes = {"checkins": CheckIn, "rejections": Rejection, "selfcare": SelfCare,
               "contacts": Contact, "actions": Action, "rest_days": RestDay}
    if table not in classes:
        return True
    try:
        checked(classes[table], row, today=make_clock().today())
    except ValidationError:
        return False
    return True


@pytest.fixture(scope="module")
def base(place: Path) -> dict[str, object]:
    return good_journal(place / "base" / "resilience.json")


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 3))
def test_a_mutated_database_is_refused_as_a_whole_or_usable_everywhere(
        place: Path, base: dict[str, object], seed: int, count: int) -> None:
    data = mutate(base, random.Random(seed), count, skip=2)
    check_database(place, data, f"case-{seed}-{count}")


def test_the_unmutated_database_is_usable(place: Path, base: dict[str, object]) -> None:
    assert check_database(place, base, "unmutated")
