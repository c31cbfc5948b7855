"""The lock file never follows a link or truncates what it finds (issue 13, case 1).

A link, a folder, a pipe or a second name of someone else's file at
``journal.json.lock`` is refused with one line naming it (exit 4), and the
file it points at keeps every byte.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from storage_cases import good_database

from resilience_tui import cli
from resilience_tui.app import ResilienceApp

VICTIM = b"my notes, not a lock file\n"


def _no_screen(*args: object, **kwargs: object) -> None:
    raise AssertionError("the app must not start when its lock is unsafe")


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    monkeypatch.setattr(ResilienceApp, "run", _no_screen)
    path = tmp_path / "data" / "j.json"
    good_database(path, checkins=2)
    (tmp_path / "victim.txt").write_bytes(VICTIM)
    return path


def _export_file(tmp_path: Path) -> Path:
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"app": "resilience-tui", "schema": 1, "checkins": [
        {"id": "n1", "day": "2026-03-01", "mood": 4, "energy": 4, "intention": "new"}]}))
    return source


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    backup = tmp_path / "good.json"
    good_database(backup, checkins=1)
    return {"app": [], "import": ["import", str(_export_file(tmp_path))],
            "restore": ["restore", "--from", str(backup)]}


def _link(lock: Path, victim: Path) -> None:
    lock.symlink_to(Path("..") / victim.name)


def _hard_link(lock: Path, victim: Path) -> None:
    os.link(victim, lock)


def _folder(lock: Path, victim: Path) -> None:
    lock.mkdir()


def _pipe(lock: Path, victim: Path) -> None:
    os.mkfifo(lock)


UNSAFE: dict[str, Callable[[Path, Path], None]] = {
    "a link": _link, "a hard link": _hard_link, "a folder": _folder, "a named pipe": _pipe}


@pytest.mark.parametrize("command", ["app", "import", "restore"])
@pytest.mark.parametrize("kind", list(UNSAFE))
def test_an_unsafe_lock_is_refused_and_its_target_untouched(
        journal: Path, command: str, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    victim = journal.parent.parent / "victim.txt"
    lock = journal.with_name("j.json.lock")
    UNSAFE[kind](lock, victim)
    args = _commands(journal.parent.parent)[command]
    before = journal.read_bytes()
    capsys.readouterr()
    assert cli.main(["--db", str(journal), *args]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(lock) in err and "Traceback" not in err
    assert victim.read_bytes() == VICTIM
    assert journal.read_bytes() == before


def test_doctor_looks_past_a_linked_lock_without_touching_it(
        journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = journal.parent.parent / "victim.txt"
    _link(journal.with_name("j.json.lock"), victim)
    assert cli.main(["--db", str(journal), "doctor"]) == 0
    assert victim.read_bytes() == VICTIM


def test_a_plain_lock_left_by_an_earlier_run_still_works(
        journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal.with_name("j.json.lock").write_text("12345")
    assert cli.main(["--db", str(journal), "import", str(_export_file(journal.parent.parent))]) == 0
