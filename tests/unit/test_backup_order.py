"""Backups are ordered by when they were written, not by the date in their name
(issue 13, case 6), and nothing odd in ``backups/`` can break a save or a restore.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from fixed_time import make_clock
from storage_cases import cli as run_cli
from storage_cases import good_database

from resilience_tui import cli
from resilience_tui.domain.models import CheckIn
from resilience_tui.storage.atomic import read_database
from resilience_tui.storage.backup import KEEP, backup_folder, list_backups
from resilience_tui.storage.store import Store

DAY = 86_400


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")


def count(path: Path) -> int:
    data, _ = read_database(path)
    assert data is not None
    return len(data.get("checkins", {}))


def save_one(path: Path, day: str = "2026-03-11") -> None:
    store = Store(path, make_clock(f"{day}T09:00"))
    store.checkins.put(CheckIn(day=day, mood=3, energy=3, intention="today"))
    assert not store.problems, store.problems
    store.close()


def future_backups(db: Path, mtime_offset: float) -> None:
    """14 backups from a time the clock was ahead (June 2027), holding 33 check-ins."""
    folder = backup_folder(db)
    folder.mkdir(mode=0o700)
    for n in range(1, 15):
        path = folder / f"resilience-2027-06-{n:02d}.json"
        good_database(path, checkins=33)
        when = time.time() + mtime_offset + n
        os.utime(path, (when, when))


@pytest.mark.parametrize("mtime_offset", [-30 * DAY, 400 * DAY],
                         ids=["only the app's clock was ahead", "the system clock was too"])
def test_after_the_clock_was_ahead_a_new_backup_survives_and_is_restored(
        db_path: Path, mtime_offset: float, capsys: pytest.CaptureFixture[str]) -> None:
    good_database(db_path, checkins=36)
    future_backups(db_path, mtime_offset)
    save_one(db_path)  # 37 check-ins now; today's backup holds the 36 from before it
    fresh = backup_folder(db_path) / "resilience-2026-03-11.json"
    assert fresh.is_file() and count(fresh) == 36
    backups = list_backups(db_path)
    assert len(backups) == KEEP and backups[0].path == fresh
    assert cli.main(["--db", str(db_path), "restore"]) == 0
    assert count(db_path) == 36  # the newest written backup, not the stale June 2027 one


def test_a_dangling_link_in_backups_breaks_no_save(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good_database(db_path, checkins=3)
    folder = backup_folder(db_path)
    folder.mkdir(mode=0o700)
    (folder / "resilience-2026-03-11.json").symlink_to(folder / "gone.json")
    (folder / "resilience-2026-03-09.json").symlink_to(folder / "also-gone.json")
    save_one(db_path)
    assert count(db_path) == 4
    [made] = list_backups(db_path)
    assert made.day == "2026-03-11" and count(made.path) == 3
    assert (folder / "resilience-2026-03-11.json").is_symlink()  # skipped, not replaced
    assert cli.main(["--db", str(db_path), "doctor"]) == 0
    out = capsys.readouterr().out
    assert "Skipped resilience-2026-03-09.json: it is a link to nothing" in out
    assert cli.main(["--db", str(db_path), "restore"]) == 0
    assert count(db_path) == 3


def test_a_pipe_in_backups_is_skipped_without_hanging(db_path: Path) -> None:
    good_database(db_path, checkins=3)
    folder = backup_folder(db_path)
    folder.mkdir(mode=0o700)
    os.mkfifo(folder / "resilience-2026-03-12.json")
    save_one(db_path)
    doctor = run_cli("--db", str(db_path), "doctor", timeout=20)  # a fresh process: a hang
    assert doctor.code == 0                                        # fails, never stalls
    assert "it is a named pipe, not a backup file" in doctor.out
    assert run_cli("--db", str(db_path), "restore", timeout=20).code == 0


def test_temp_files_a_killed_backup_left_are_cleaned_by_the_next(db_path: Path) -> None:
    good_database(db_path, checkins=3)
    folder = backup_folder(db_path)
    folder.mkdir(mode=0o700)
    stray = folder / ".resilience-2026-03-10.json.k1ll3d.tmp"
    stray.write_bytes(b"x" * 4096)
    other = folder / ".resilience-work-2026-03-10.json.b3sy.tmp"  # another journal's, in use
    other.write_bytes(b"y")
    save_one(db_path)
    assert not stray.exists() and other.exists()


def test_two_restores_in_the_same_second_keep_both_copies(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = good_database(db_path, checkins=5)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    good_database(one, checkins=1)
    good_database(two, checkins=2)
    assert cli.main(["--db", str(db_path), "restore", "--from", str(one)]) == 0
    assert cli.main(["--db", str(db_path), "restore", "--from", str(two)]) == 0
    kept = sorted(db_path.parent.glob("resilience.json.before-restore-*"))
    assert len(kept) == 2
    assert first in {k.read_bytes() for k in kept}  # the original journal is never lost


def test_restore_refuses_a_linked_backup(db_path: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    before = good_database(db_path, checkins=5)
    elsewhere = tmp_path / "elsewhere.json"
    good_database(elsewhere, checkins=1)
    folder = backup_folder(db_path)
    folder.mkdir(mode=0o700)
    link = folder / "resilience-2026-03-10.json"
    link.symlink_to(elsewhere)
    capsys.readouterr()
    assert cli.main(["--db", str(db_path), "restore", "--from", link.name]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a link" in err
    assert db_path.read_bytes() == before
    assert cli.main(["--db", str(db_path), "restore"]) == 1  # the link is no backup either
    assert db_path.read_bytes() == before
