"""A read-only (0400) journal is opened read-only, never replaced by a writable file
(issue 13, case 10): saves, imports and restores are refused with one plain line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fixed_time import make_clock
from storage_cases import good_database

from resilience_tui import cli
from resilience_tui.domain.models import CheckIn
from resilience_tui.storage.store import Store


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    path = tmp_path / "data" / "resilience.json"
    good_database(path, checkins=2)
    os.chmod(path, 0o400)
    return path


def untouched(path: Path, before: tuple[bytes, int, int]) -> bool:
    st = path.stat()
    return (path.read_bytes(), st.st_ino, st.st_mode & 0o777) == before


def state(path: Path) -> tuple[bytes, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_ino, st.st_mode & 0o777


def test_a_save_is_refused_and_the_file_stays_read_only(read_only: Path) -> None:
    before = state(read_only)
    store = Store(read_only, make_clock())
    assert store.read_only
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="x"))
    store.close()
    assert untouched(read_only, before)
    assert len(store.problems) == 1 and "read-only" in store.problems[0]
    assert "chmod 600" in store.problems[0]
    assert not (read_only.parent / "backups").exists()  # no backup of a save that never was


def test_made_writable_again_the_next_save_goes_through(read_only: Path) -> None:
    store = Store(read_only, make_clock())
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="kept"))
    assert store.unsaved
    os.chmod(read_only, 0o600)  # as the note says
    assert store.retry() and not store.unsaved
    store.close()
    assert b"kept" in read_only.read_bytes()


def test_made_read_only_while_open_the_next_save_is_refused(tmp_path: Path) -> None:
    """Someone makes the journal read-only while the app has it open (to keep it as it
    is): the next save is refused as at open, and the file stays theirs, untouched."""
    path = tmp_path / "data" / "resilience.json"
    good_database(path, checkins=2)
    store = Store(path, make_clock())
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="saved"))
    os.chmod(path, 0o400)
    before = state(path)
    store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3, intention="kept in memory"))
    assert untouched(path, before) and store.unsaved
    assert len(store.problems) == 1 and "chmod 600" in store.problems[0]
    os.chmod(path, 0o600)
    assert store.retry() and b"kept in memory" in path.read_bytes()
    store.close()


def test_reading_commands_work_as_usual(read_only: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", str(read_only), "status"]) == 0
    assert cli.main(["--db", str(read_only), "export"]) == 0
    assert cli.main(["--db", str(read_only), "doctor"]) == 0
    assert "It is read-only" in capsys.readouterr().out


def test_import_is_refused_in_one_line(read_only: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    before = state(read_only)
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"app": "resilience-tui", "schema": 1, "checkins": [
        {"id": "n1", "day": "2026-03-01", "mood": 4, "energy": 4, "intention": "new"}]}))
    assert cli.main(["--db", str(read_only), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "read-only" in err and str(read_only) in err
    assert untouched(read_only, before)


def test_restore_is_refused_in_one_line(read_only: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = state(read_only)
    backup = tmp_path / "b.json"
    good_database(backup, checkins=1)
    assert cli.main(["--db", str(read_only), "restore", "--from", str(backup)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "read-only" in err
    assert untouched(read_only, before)
    assert not list(read_only.parent.glob("*.before-restore-*"))



def test_the_copy_kept_aside_has_the_newest_entries(tmp_path: Path) -> None:
    """A first refusal (the file changed by another program) keeps a copy aside; a later
    one (now read-only) must not leave that copy behind memory: quitting says where the
    entries are, and that copy must hold all of them."""
    path = tmp_path / "data" / "resilience.json"
    good_database(path, checkins=2)
    store = Store(path, make_clock())
    os.utime(path, ns=(1, 1))  # another program touched it
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="first"))
    assert store.storage.saved_aside is not None
    os.chmod(path, 0o400)
    store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3, intention="second"))
    aside = store.rescue()
    assert aside is not None and b"second" in aside.read_bytes()
    store.close()
