"""One writer at a time: a second window is told no (exit 3); reading commands still work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixed_time import CHILD_CLOCK
from storage_cases import cli, good_database, snapshot

from resilience_tui.clock import FixedClock
from resilience_tui.storage.errors import DatabaseLocked
from resilience_tui.storage.store import Store

HOLDER = textwrap.dedent(f"""
    import sys, time
    from pathlib import Path
    from dateutil.tz import gettz
    from resilience_tui.clock import FixedClock
    from resilience_tui.storage.store import Store
    store = Store(Path(sys.argv[1]), {CHILD_CLOCK})
    print("holding", flush=True)
    time.sleep(120)
""")


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A database with another process (standing in for an open app) holding its lock."""
    path = tmp_path / "resilience.json"
    good_database(path, checkins=2)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    yield path, proc
    proc.kill()
    proc.wait()


def test_a_second_store_on_the_same_file_is_refused(store: Store, db_path: Path,
                                                    clock: FixedClock) -> None:
    with pytest.raises(DatabaseLocked) as caught:
        Store(db_path, clock)
    assert str(db_path) in caught.value.message
    assert "open in another resilience window" in caught.value.message


def test_the_lock_is_free_again_after_closing(store: Store, db_path: Path,
                                              clock: FixedClock) -> None:
    store.close()
    again = Store(db_path, clock)
    again.close()


def test_readers_do_not_need_the_lock(store: Store, db_path: Path, clock: FixedClock) -> None:
    reader = Store(db_path, clock, writer=False)
    assert len(reader.checkins) == 0


def test_a_second_app_exits_3_and_changes_nothing(held: tuple[Path, subprocess.Popen[str]]
                                                  ) -> None:
    path, proc = held
    before = snapshot(path)
    result = cli("--db", str(path), terminal=True)
    assert result.code == 3
    assert result.out == ""  # the screen never started
    assert result.err.count("\n") == 1 and str(path) in result.err
    assert f"process {proc.pid}" in result.err
    assert "'resilience status'" in result.err
    assert snapshot(path) == before


def test_status_export_and_doctor_work_while_the_app_is_open(
    held: tuple[Path, subprocess.Popen[str]]
) -> None:
    path, _ = held
    status = cli("--db", str(path), "status", "--json")
    assert status.code == 0, status.err
    assert json.loads(status.out)["today"] == "2026-03-11"
    assert cli("--db", str(path), "status").code == 0
    export = cli("--db", str(path), "export")
    assert export.code == 0 and len(json.loads(export.out)["checkins"]) == 2
    doctor = cli("--db", str(path), "doctor")
    assert doctor.code == 0 and "open right now" in doctor.out


def test_restore_waits_for_the_app_to_close(held: tuple[Path, subprocess.Popen[str]]) -> None:
    path, _ = held
    before = snapshot(path)
    result = cli("--db", str(path), "restore")
    assert result.code == 3
    assert snapshot(path) == before


def test_a_killed_app_does_not_leave_the_file_locked(
    held: tuple[Path, subprocess.Popen[str]], clock: FixedClock
) -> None:
    path, proc = held
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = Store(path, clock)
    assert len(store.checkins) == 2
    store.close()
