"""The storage never leaves a broken file: crashes, kills, failed writes, other programs."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fixed_time import CHILD_CLOCK, make_clock
from storage_cases import good_database

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn
from resilience_tui.storage import atomic, files
from resilience_tui.storage.atomic import read_database
from resilience_tui.storage.store import Store


def checkin(day: str, words: str = "send two applications") -> CheckIn:
    return CheckIn(day=day, mood=3, energy=3, intention=words)


def stored_days(path: Path) -> list[str]:
    data, _ = read_database(path)
    assert data is not None
    return sorted(row["day"] for row in data["checkins"].values())


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- the first start and reads ----------------------------------------------------------


def test_first_start_creates_a_schema_1_file(store: Store, db_path: Path) -> None:
    data, _ = read_database(db_path)
    assert data is not None and data["meta"]["1"] == {"schema": 1}
    assert store.created


def test_what_is_written_reads_back_in_a_new_session(store: Store, db_path: Path,
                                                     clock: FixedClock) -> None:
    store.checkins.put(checkin("2026-03-11", "call Priya about the role"))
    store.close()
    again = Store(db_path, clock)
    try:
        assert [c.intention for c in again.checkins.all()] == ["call Priya about the role"]
        assert again.checkins.all()[0].updated_at == "2026-03-11T09:00:00+00:00"
    finally:
        again.close()


def test_reads_do_not_touch_the_disk(store: Store, db_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store.checkins.put(checkin("2026-03-11"))

    def no_disk(*args: object, **kwargs: object) -> None:
        raise AssertionError("read from disk")

    monkeypatch.setattr(atomic, "open", no_disk, raising=False)
    assert len(store.checkins.all()) == 1
    assert store.settings.cooldown_days == 2


# --- a crash between writing and renaming ----------------------------------------------------


@pytest.mark.parametrize(("call", "error"), [
    ("replace", errno.EIO),  # the rename at the end fails
    ("write", errno.ENOSPC),  # writing the bytes fails
])
def test_a_failed_write_step_leaves_the_old_file_and_no_temp_file(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, error: int
) -> None:
    store.checkins.put(checkin("2026-03-10"))
    before = db_path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(files.os, call, fail)
    store.checkins.put(checkin("2026-03-11"))
    assert db_path.read_bytes() == before
    assert temp_files(db_path.parent) == []  # the half-done temp file was cleaned up
    assert store.unsaved and len(store.checkins) == 2


def test_a_process_dying_just_before_the_rename_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "resilience.json"
    good_database(path, checkins=3)
    code = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from dateutil.tz import gettz
        from resilience_tui.clock import FixedClock
        from resilience_tui.domain.models import CheckIn
        from resilience_tui.storage import files
        from resilience_tui.storage.store import Store
        store = Store(Path({str(path)!r}), {CHILD_CLOCK})
        store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3))
        print(open({str(path)!r}).read(), end="", flush=True)
        files.os.replace = lambda src, dst: os._exit(9)   # die with the temp file written
        store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 9, done.stderr
    assert path.read_text() == done.stdout  # the last good write, whole
    assert stored_days(path).count("2026-03-10") == 1
    assert "2026-03-11" not in stored_days(path)
    assert len(temp_files(tmp_path)) == 1  # the crash left its temp file behind…
    store = Store(path, make_clock())
    store.close()
    assert temp_files(tmp_path) == []  # …and the next writer tidies it away


WRITER = textwrap.dedent(f"""
    import sys
    from pathlib import Path
    from dateutil.tz import gettz
    from resilience_tui.clock import FixedClock
    from resilience_tui.domain.models import CheckIn
    from resilience_tui.storage.store import Store
    store = Store(Path(sys.argv[1]), {CHILD_CLOCK})
    n = len(store.checkins)
    print("ready", n, flush=True)
    while True:
        n += 1
        print("writing", n, flush=True)
        store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="x" * 200,
                                   feelings=["y" * 40] * 100))
        print("saved", n, flush=True)
""")


def test_kill_9_while_writing_never_leaves_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "resilience.json"
    good_database(path, checkins=150, text="y" * 2000)  # big enough that a write takes a while
    rng = random.Random(20260311)
    kills_mid_write = 0
    for _ in range(15):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        first = proc.stdout.readline().split()
        assert first[0] == "ready"
        saved, target = int(first[1]), int(first[1]) + rng.randint(1, 4)
        for line in proc.stdout:  # kill as soon as the child says it starts a write
            word, n = line.split()
            if word == "saved":
                saved = int(n)
            elif int(n) == target:
                os.kill(proc.pid, signal.SIGKILL)
                break
        out, _ = proc.communicate()
        assert proc.returncode == -signal.SIGKILL
        finished = [int(n) for word, n in (line.split() for line in out.splitlines())
                    if word == "saved"]
        kills_mid_write += not finished  # the write in flight never said it was saved
        saved = max([saved, *finished])
        count = len(stored_days(path))  # raises if the file were broken
        # The file holds the last confirmed write, or the one in flight when it was killed.
        assert saved <= count <= saved + 1
    # Each kill came just after "writing": most land before that write is done.
    assert kills_mid_write >= 1
    Store(path, make_clock()).close()
    assert temp_files(tmp_path) == []


# --- a write that fails ----------------------------------------------------------------------


def test_a_full_disk_keeps_the_old_file_and_the_new_words(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.checkins.put(checkin("2026-03-10", "first"))
    before = db_path.read_bytes()

    def full(path: Path, payload: bytes) -> os.stat_result:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(atomic, "atomic_write", full)
        second = store.checkins.put(checkin("2026-03-11", "second"))
        assert db_path.read_bytes() == before
        assert store.unsaved
        assert "No space left on device" in store.problems[-1]
        assert "safe in memory" in store.problems[-1]
        got = store.checkins.get(second.id)
        assert got is not None and got.intention == "second"
    # Space again: the next change saves everything, the earlier words included.
    store.checkins.put(checkin("2026-03-12", "third"))
    assert not store.unsaved
    data, _ = read_database(db_path)
    assert data is not None
    assert sorted(r["intention"] for r in data["checkins"].values()) == [
        "first", "second", "third"]
    assert first.id in {r["id"] for r in data["checkins"].values()}


def test_a_failed_backup_is_a_failed_write_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "resilience.json"
    before = good_database(path)
    store = Store(path, make_clock())
    try:
        (tmp_path / "backups").write_text("a file where the backup folder should be")
        store.checkins.put(checkin("2026-03-11"))
        assert store.unsaved
        assert path.read_bytes() == before
        assert len(store.checkins) == 1
    finally:
        store.close()


def test_when_the_folder_is_full_the_rescue_copy_goes_to_the_temp_folder(
    store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    write = atomic.atomic_write
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def full_here(p: Path, payload: bytes) -> os.stat_result:
        if p.parent == db_path.parent:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(p, payload)

    monkeypatch.setattr(atomic, "atomic_write", full_here)
    monkeypatch.setattr(tempfile, "tempdir", str(elsewhere))
    store.checkins.put(checkin("2026-03-11", "keep me"))
    aside = store.rescue()
    assert aside is not None and aside.parent == elsewhere
    assert aside.stat().st_mode & 0o777 == 0o600
    assert b"keep me" in aside.read_bytes()


RLIMIT_WRITER = textwrap.dedent(f"""
    import json, resource, sys
    from pathlib import Path
    from dateutil.tz import gettz
    from resilience_tui.clock import FixedClock
    from resilience_tui.domain.models import Contact
    from resilience_tui.storage.store import Store
    path = Path(sys.argv[1])
    limit = path.stat().st_size + 1000
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    store = Store(path, {CHILD_CLOCK})
    c = store.contacts.put(Contact(name="Ana", notes="z" * 3000, created_on="2026-03-11"))
    kept = store.contacts.get(c.id)
    print(json.dumps({{"unsaved": store.unsaved, "problems": store.problems,
                      "kept": kept.notes if kept else None}}))
""")


def test_a_file_too_large_for_the_limit_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "resilience.json"
    before = good_database(path, checkins=2)
    done = subprocess.run([sys.executable, "-c", RLIMIT_WRITER, str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["unsaved"] is True
    assert report["kept"] == "z" * 3000
    assert "File too large" in report["problems"][0]
    assert path.read_bytes() == before
    assert temp_files(tmp_path) == []


# --- permissions ---------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_new_folder_and_file_are_private_whatever_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    from resilience_tui.paths import resolve_db_path

    monkeypatch.delenv("RESILIENCE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg" / "data"))
    old = os.umask(umask)
    try:
        path = resolve_db_path(None)
        store = Store(path, make_clock())
        store.checkins.put(checkin("2026-03-11"))
        FixedClock.set(store.clock, "2026-03-12T09:00")  # type: ignore[arg-type]
        store.checkins.put(checkin("2026-03-12"))  # a new day: a backup is taken first
        store.close()
    finally:
        os.umask(old)
    assert path == tmp_path / "xdg" / "data" / "resilience-tui" / "resilience.json"

    def mode(p: Path) -> int:
        return p.stat().st_mode & 0o777

    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(tmp_path / "xdg" / "data") == 0o700  # parents we made are private too
    assert mode(tmp_path / "xdg") == 0o700
    assert mode(path.with_name("resilience.json.lock")) == 0o600
    backups = list((path.parent / "backups").iterdir())
    assert backups and mode(path.parent / "backups") == 0o700
    assert all(mode(b) == 0o600 for b in backups)


def test_an_existing_shared_folder_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    store = Store(folder / "db.json", make_clock())
    store.close()
    assert folder.stat().st_mode & 0o777 == 0o755
    assert (folder / "db.json").stat().st_mode & 0o777 == 0o600


# --- another program changed the file ----------------------------------------------------------


def test_a_file_changed_by_another_program_is_not_overwritten(
    store: Store, db_path: Path
) -> None:
    store.checkins.put(checkin("2026-03-10", "mine, before"))
    theirs = json.dumps({"meta": {"1": {"schema": 1}}, "checkins": {}, "note": "edited"})
    db_path.write_text(theirs)
    store.checkins.put(checkin("2026-03-11", "mine, after"))
    assert db_path.read_text() == theirs  # the other program's content stands
    message = store.problems[-1]
    assert "changed by another program" in message and "not overwritten" in message
    asides = list(db_path.parent.glob("resilience.json.unsaved-*"))
    assert len(asides) == 1 and str(asides[0]) in message
    assert f"restore --from {asides[0]}" in message
    saved, _ = read_database(asides[0])  # our copy is a whole, good database
    assert saved is not None
    assert sorted(r["intention"] for r in saved["checkins"].values()) == [
        "mine, after", "mine, before"]
    assert asides[0].stat().st_mode & 0o777 == 0o600


def test_a_same_size_edit_is_noticed_too(store: Store, db_path: Path) -> None:
    store.checkins.put(checkin("2026-03-10", "aaaa"))
    raw = db_path.read_bytes()
    st = db_path.stat()
    with open(db_path, "r+b") as fh:  # edit in place, same length, a moment later
        fh.write(raw.replace(b"aaaa", b"bbbb"))
    os.utime(db_path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    store.checkins.put(checkin("2026-03-11"))
    assert b"bbbb" in db_path.read_bytes()
    assert "changed by another program" in store.problems[-1]


def test_a_file_created_by_someone_else_after_a_failed_first_write_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "resilience.json"

    def full(p: Path, payload: bytes) -> os.stat_result:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(atomic, "atomic_write", full)
        store = Store(path, make_clock())
    try:
        assert not path.exists() and store.unsaved
        path.write_text('{"meta": {"1": {"schema": 1}}, "checkins": {}}')
        store.checkins.put(checkin("2026-03-11"))
        assert path.read_text() == '{"meta": {"1": {"schema": 1}}, "checkins": {}}'
        assert "changed by another program" in store.problems[-1]
    finally:
        store.close()


def test_a_deleted_file_is_simply_written_again(store: Store, db_path: Path) -> None:
    store.checkins.put(checkin("2026-03-10"))
    db_path.unlink()
    store.checkins.put(checkin("2026-03-11"))
    assert stored_days(db_path) == ["2026-03-10", "2026-03-11"]
    assert not store.unsaved


# --- daily backups ------------------------------------------------------------------------------


def test_the_first_write_of_a_day_backs_up_the_file_as_it_was(
    store: Store, db_path: Path, clock: FixedClock
) -> None:
    store.checkins.put(checkin("2026-03-11", "wednesday"))
    wednesday = db_path.read_bytes()
    clock.set("2026-03-12T09:00")
    store.checkins.put(checkin("2026-03-12", "thursday"))
    store.checkins.put(checkin("2026-03-12", "thursday again"))
    backup = db_path.parent / "backups" / "resilience-2026-03-12.json"
    assert backup.read_bytes() == wednesday  # once a day, before the day's first change


def test_fourteen_backups_are_kept(store: Store, db_path: Path, clock: FixedClock) -> None:
    for day in range(1, 21):
        clock.set(f"2026-04-{day:02d}T09:00")
        store.checkins.put(checkin(f"2026-04-{day:02d}"))
    names = sorted(p.name for p in (db_path.parent / "backups").iterdir())
    assert len(names) == 14
    assert names[0] == "resilience-2026-04-07.json" and names[-1] == "resilience-2026-04-20.json"


def test_another_database_in_the_same_folder_keeps_its_backups(
    tmp_path: Path, clock: FixedClock
) -> None:
    from resilience_tui.storage.backup import list_backups

    work = Store(tmp_path / "resilience-work.json", clock)
    for day in range(1, 21):
        clock.set(f"2026-04-{day:02d}T09:00")
        work.checkins.put(checkin(f"2026-04-{day:02d}"))
    work.close()
    clock.set("2026-05-01T09:00")
    mine = Store(tmp_path / "resilience.json", clock)
    mine.checkins.put(checkin("2026-05-01"))
    clock.set("2026-05-02T09:00")
    mine.checkins.put(checkin("2026-05-02"))
    mine.close()
    assert [b.day for b in list_backups(tmp_path / "resilience.json")] == [
        "2026-05-02", "2026-05-01"]
    assert len(list_backups(tmp_path / "resilience-work.json")) == 14
