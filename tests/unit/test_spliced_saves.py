"""A save serialises only the tables it changed; the rest of the new file is copied from
the file it replaces (``AtomicCachedStorage.snapshot``). Whatever the changes, the file
must be exactly what serialising the whole journal would write, and read back the same;
after a failed write, or a file changed by another program, nothing old is copied."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path

import orjson
import pytest
from fixed_time import ago, make_clock
from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_tui.domain.models import CheckIn, Contact, PlanItem, Rejection, SelfCare
from resilience_tui.domain.past_plan import as_json
from resilience_tui.journal import open_journal
from resilience_tui.storage import atomic
from resilience_tui.storage.files import Spliced
from resilience_tui.storage.store import Store


def _whole(store: Store) -> bytes:
    """What the file must hold: the whole journal in memory, serialised in one go (a past
    day's packed plan as the items it stands for)."""
    return orjson.dumps(store.storage.read(), default=as_json)


def _checked(store: Store, path: Path) -> None:
    assert path.read_bytes() == _whole(store)
    assert orjson.loads(path.read_bytes()) == orjson.loads(_whole(store))


STEPS = st.lists(st.tuples(
    st.sampled_from(["check in", "tick", "self-care", "edit self-care", "delete self-care",
                     "rejection", "delete rejection", "contact and self-care", "settings",
                     "edit and add self-care", "delete and add self-care", "failed write"]),
    st.integers(min_value=0, max_value=7),
), min_size=1, max_size=12)


@settings(max_examples=50, deadline=None)
@given(steps=STEPS)
def test_every_save_writes_what_the_whole_journal_serialised_would(
        steps: list[tuple[str, int]], tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("spliced") / "resilience.json"
    store = open_journal(path, make_clock())
    write = atomic.atomic_write
    failing = [False]

    def maybe_full(target: Path, payload: bytes | Spliced) -> os.stat_result:
        if failing[0] and target == path:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(target, payload)

    atomic.atomic_write = maybe_full  # type: ignore[assignment]
    try:
        store.checkins.put(CheckIn(day=ago(3), mood=3, energy=3, plan=[PlanItem(text="Apply")]))
        store.selfcare.put(SelfCare(day=ago(3), activity="walk", minutes=10))
        for step, n in steps:
            failing[0] = step == "failed write"
            _step(store, step, n)
            if failing[0]:
                assert store.unsaved  # said, kept in memory
                failing[0] = False
                assert store.retry()  # the next write brings the file up to memory again
            _checked(store, path)
    finally:
        atomic.atomic_write = write  # type: ignore[assignment]
        store.close()


def _step(store: Store, step: str, n: int) -> None:
    checkins, selfcare = store.checkins.all(), store.selfcare.all()
    rejections = store.rejections.all()
    if step == "check in" and ago(n) not in {c.day for c in checkins}:
        store.checkins.put(CheckIn(day=ago(n), mood=1 + n % 5, energy=3,
                                   plan=[PlanItem(text=f"Call {n}")]))
    elif step == "tick" and checkins:
        checkin = store.checkins.get(checkins[n % len(checkins)].id)
        assert checkin is not None
        for item in checkin.plan:
            item.done = not item.done
        store.checkins.put(checkin)
    elif step in ("self-care", "failed write"):
        store.selfcare.put(SelfCare(day=ago(n), activity=f"run é {n}", minutes=5 + n))
    elif step == "edit self-care" and selfcare:
        entry = store.selfcare.get(selfcare[n % len(selfcare)].id)
        assert entry is not None
        entry.note = "a quote \" and a line\nbreak"
        store.selfcare.put(entry)
    elif step == "delete self-care" and selfcare:
        store.selfcare.delete(selfcare[n % len(selfcare)].id)
    elif step == "rejection":
        store.rejections.put(Rejection(company=f"Firm {n}", role="Dev", received_on=ago(n),
                                       logged_on=ago(n)))
    elif step == "delete rejection" and rejections:
        store.rejections.delete(rejections[n % len(rejections)].id)
    elif step == "contact and self-care":
        with store.batch():
            store.contacts.put(Contact(name=f"Ana {n}"))
            store.selfcare.put(SelfCare(day=ago(0), activity="call", minutes=15))
    elif step in ("edit and add self-care", "delete and add self-care") and selfcare:
        with store.batch():  # one write: the table was changed, not only added to
            _step(store, step.split(" and ")[0] + " self-care", n)
            _step(store, "self-care", n)
    elif step == "settings":
        store.save_settings(replace(store.settings, name=f"Sam {n}"))


def _serialised(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Everything a save hands orjson to serialise, from now on."""
    dumped: list[object] = []
    dumps = orjson.dumps
    monkeypatch.setattr(atomic.orjson, "dumps", lambda obj, *a, **k: dumped.append(obj)
                        or dumps(obj, *a, **k))
    return dumped


def test_a_new_self_care_entry_serialises_only_itself(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of splicing: at thirty years the other tables are 16 of the file's 23 MB,
    and the self-care rows before the new one are the other 7. An entry changed rather
    than added serialises the piece of rows it is in, and nothing else."""
    path = tmp_path / "resilience.json"
    store = open_journal(path, make_clock())
    try:
        store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3, plan=[PlanItem(text="Apply")]))
        store.rejections.put(Rejection(company="Acme", role="QA", received_on=ago(1),
                                       logged_on=ago(1)))
        store.selfcare.put(SelfCare(day=ago(1), activity="run", minutes=20))
        tables = store.storage.read()
        dumped = _serialised(monkeypatch)
        with store.batch():  # two entries, one write
            store.selfcare.put(SelfCare(day=ago(0), activity="walk", minutes=30))
            store.selfcare.put(SelfCare(day=ago(0), activity="call", minutes=10))
        rows = [obj for obj in dumped if isinstance(obj, dict)]
        assert len(rows) == 1 and list(rows[0]) == list(tables["selfcare"])[-2:]
        assert not any(obj is table for obj in dumped for table in tables.values())
        _checked(store, path)

        dumped.clear()
        entry = store.selfcare.get(store.selfcare.all()[0].id)
        assert entry is not None
        store.selfcare.put(replace(entry, minutes=25))
        assert not any(obj is table for obj in dumped for table in tables.values())
        first = next(iter(tables["selfcare"]))  # its own piece: the first write's one row
        assert [list(obj) for obj in dumped if isinstance(obj, dict)] == [[first]]
        _checked(store, path)
    finally:
        store.close()


def test_a_file_changed_since_the_last_write_is_never_copied_from(tmp_path: Path) -> None:
    """Copying is only from the file this store wrote, checked by its signature: a journal
    replaced by another program is refused as ever (and kept aside), never spliced."""
    path = tmp_path / "resilience.json"
    store = open_journal(path, make_clock())
    try:
        store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
        other = orjson.loads(path.read_bytes())
        other["checkins"] = {}
        path.write_bytes(orjson.dumps(other))
        store.selfcare.put(SelfCare(day=ago(0), activity="walk", minutes=30))
        assert store.unsaved and "changed by another program" in store.problems[-1]
        assert orjson.loads(path.read_bytes()) == other  # theirs, untouched
        aside = store.storage.saved_aside
        assert aside is not None and aside.read_bytes() == _whole(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of heavy use (0.8 MB: every table of rows is parsed in several pieces)."""
    from histories import synthetic_history

    return synthetic_history(tmp_path_factory.mktemp("year") / "resilience.json", 1)


@pytest.mark.parametrize("change", ["self-care", "check-in", "settings"])
def test_the_first_save_after_opening_copies_what_it_does_not_change(
        change: str, year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opened as the app opens it (the file parsed a piece at a time), the journal knows
    where each table was in the file: the session's first save copies those ranges too,
    and the file is still exactly the whole journal serialised."""
    from histories import private_copy

    path = private_copy(year, tmp_path)
    store = Store(path, make_clock(), preload=True)
    try:
        dumps = orjson.dumps
        dumped = _serialised(monkeypatch)
        if change == "self-care":
            store.selfcare.put(SelfCare(day=ago(0), activity="walk", minutes=30))
        elif change == "check-in":
            checkin = store.checkins.all()[-1]
            store.checkins.put(replace(checkin, mood=1 + checkin.mood % 5))
        else:
            store.save_settings(replace(store.settings, name="Robin"))
        monkeypatch.setattr(atomic.orjson, "dumps", dumps)
        tables = store.storage.read()
        big = {name for name, rows in tables.items()
           if len(dumps(rows, default=as_json)) > 100_000}
        assert big >= {"checkins", "selfcare"}
        assert not {name for name in big if any(obj is tables[name] for obj in dumped)}
        rows = [list(obj) for obj in dumped if isinstance(obj, dict)]
        if change == "self-care":  # only the new row, after the rows copied
            assert rows == [[list(tables["selfcare"])[-1]]]
        elif change == "check-in":  # the piece of rows it was read in, and no more
            assert len(rows) == 1 and rows[0][-1] == list(tables["checkins"])[-1]
            assert 1 < len(rows[0]) < len(tables["checkins"]) // 2
        _checked(store, path)
    finally:
        store.close()


def test_a_file_put_in_place_just_after_a_save_is_never_taken_for_ours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program (a sync client, say) replaces the journal the moment after a save's
    rename: the save must not take that file for its own, or the next save would copy
    ranges out of it. It is refused as any changed file is, and left as they wrote it."""
    from resilience_tui.storage import files

    path = tmp_path / "resilience.json"
    store = open_journal(path, make_clock())
    try:
        store.checkins.put(CheckIn(day=ago(2), mood=3, energy=3))
        theirs = orjson.loads(path.read_bytes())
        theirs["meta"]["1"]["from_another_program"] = "x" * 37  # moves every later table
        fsync_folder = files.fsync_folder

        def replaced_meanwhile(folder: Path) -> None:
            fsync_folder(folder)
            monkeypatch.setattr(files, "fsync_folder", fsync_folder)
            tmp = tmp_path / ".theirs.tmp"
            tmp.write_bytes(orjson.dumps(theirs))
            os.replace(tmp, path)

        monkeypatch.setattr(files, "fsync_folder", replaced_meanwhile)
        store.selfcare.put(SelfCare(day=ago(0), activity="walk", minutes=10))
        assert not store.problems
        store.selfcare.put(SelfCare(day=ago(0), activity="run", minutes=5))
        assert "changed by another program" in store.problems[-1]
        assert orjson.loads(path.read_bytes()) == theirs
    finally:
        store.close()


def test_rows_a_failed_tinydb_change_left_are_written_with_the_next_entry(
        tmp_path: Path) -> None:
    """TinyDB changes a table's rows as it goes: a change that fails half-way leaves the
    rows it made in memory, uncounted. A new entry after it must not be written as the
    table's old bytes plus itself, or those rows would never reach the file."""
    from tinydb.table import Document

    path = tmp_path / "resilience.json"
    store = open_journal(path, make_clock())
    try:
        store.selfcare.put(SelfCare(day=ago(1), activity="walk", minutes=10))
        table = store.db.table("selfcare")
        existing = int(next(iter(store.storage.read()["selfcare"])))
        with pytest.raises(ValueError):  # the second document's id is taken
            store.write(lambda: table.insert_multiple(
                [Document({"x": 1}, doc_id=50), Document({"y": 2}, doc_id=existing)]))
        store.selfcare.put(SelfCare(day=ago(0), activity="run", minutes=5))
        _checked(store, path)
    finally:
        store.close()


PIECED = st.lists(st.tuples(
    st.sampled_from(["tick", "edit self-care", "delete self-care", "delete check-in",
                     "self-care", "edit and add self-care", "failed write"]),
    st.integers(min_value=0, max_value=100_000),
), min_size=1, max_size=8)


@settings(max_examples=25, deadline=None)
@given(steps=PIECED, chunk=st.sampled_from([256, 3]))
def test_changes_anywhere_in_a_journal_read_in_pieces_write_the_whole_journal(
        steps: list[tuple[str, int]], chunk: int, year: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A year of history, read a piece at a time: rows changed, removed and added anywhere
    in its tables, each save copying the pieces it did not change and serialising the
    rest (in pieces of ``chunk`` rows, which later saves copy in turn). Every file is
    exactly the whole journal serialised."""
    from histories import private_copy

    from resilience_tui.storage import splice

    path = private_copy(year, tmp_path_factory.mktemp("pieced"))
    store = Store(path, make_clock(), preload=True)
    write, chunked = atomic.atomic_write, splice.CHUNK
    failing = [False]

    def maybe_full(target: Path, payload: bytes | Spliced) -> os.stat_result:
        if failing[0] and target == path:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(target, payload)

    atomic.atomic_write, splice.CHUNK = maybe_full, chunk  # type: ignore[assignment]
    try:
        for step, n in steps:
            failing[0] = step == "failed write"
            _anywhere(store, step, n)
            if failing[0]:
                failing[0] = False
                assert store.retry()
            _checked(store, path)
    finally:
        atomic.atomic_write, splice.CHUNK = write, chunked  # type: ignore[assignment]
        store.close()


def _anywhere(store: Store, step: str, n: int) -> None:
    """``_step``, on the record ``n`` picks from anywhere in its table."""
    checkins, selfcare = store.checkins.all(), store.selfcare.all()
    if step == "tick":
        checkin = store.checkins.get(checkins[n % len(checkins)].id)
        assert checkin is not None
        for item in checkin.plan:
            item.done = not item.done
        store.checkins.put(replace(checkin, intention=f"day {n}"))
    elif step == "delete check-in":
        store.checkins.delete(checkins[n % len(checkins)].id)
    elif step in ("edit self-care", "delete self-care"):
        entry = selfcare[n % len(selfcare)]
        if step == "delete self-care":
            store.selfcare.delete(entry.id)
        else:
            store.selfcare.put(replace(entry, note=f"again {n}"))
    elif step in ("self-care", "failed write"):
        store.selfcare.put(SelfCare(day=ago(n % 30), activity=f"swim {n}", minutes=5))
    elif step == "edit and add self-care":
        with store.batch():
            _anywhere(store, "edit self-care", n)
            _anywhere(store, "self-care", n)


def test_a_table_whose_rows_are_out_of_order_is_written_whole_and_right(
        tmp_path: Path) -> None:
    """A hand-made file can list rows in any order: no piece of it is trusted to be found
    by number, so its changes serialise the table whole, in the order memory has."""
    path = tmp_path / "resilience.json"
    store = open_journal(path, make_clock())
    for minutes in (10, 20, 30):
        store.selfcare.put(SelfCare(day=ago(1), activity="walk", minutes=minutes))
    store.close()
    data = orjson.loads(path.read_bytes())
    rows = data["selfcare"]
    data["selfcare"] = {k: rows[k] for k in ("2", "1", "3")}
    path.write_bytes(orjson.dumps(data))
    store = Store(path, make_clock(), preload=True)
    try:
        entry = store.selfcare.all()[0]
        store.selfcare.put(replace(entry, note="moved"))
        store.selfcare.put(SelfCare(day=ago(0), activity="run", minutes=5))
        _checked(store, path)
        assert list(orjson.loads(path.read_bytes())["selfcare"]) == ["2", "1", "3", "4"]
    finally:
        store.close()
