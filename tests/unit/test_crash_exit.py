"""A crash of the app exits 1 with one line; the traceback goes to a private file.

Scripts that run the app must be able to tell it died (it exited 0 before), and
the user must learn whether the journal is safe and where the details are,
without a traceback on the terminal. The app runs headless here, in process,
with Today's screen made to fail.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from resilience_tui import cli as cli_module
from resilience_tui.app import ResilienceApp
from resilience_tui.cli.crash import KEEP, write_crash_log
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage import atomic
from resilience_tui.storage.store import Store

from fixed_time import NOW, make_clock  # isort: skip
from histories import named_journal  # isort: skip


class Boom(RuntimeError):
    """The unexpected error."""


@pytest.fixture
def crashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real app, headless, whose Today screen fails as it opens."""
    def headless_run(self: ResilienceApp, **kwargs: Any) -> None:
        return App.run(self, headless=True, size=(80, 24))

    def fail(self: TodayScreen) -> None:
        raise Boom("the screen fell over")

    monkeypatch.setattr(ResilienceApp, "run", headless_run)
    monkeypatch.setattr(TodayScreen, "on_mount", fail)
    monkeypatch.setenv("RESILIENCE_NOW", NOW)
    monkeypatch.setenv("TZ", "Europe/London")


def journal(tmp_path: Path) -> Path:
    return named_journal(tmp_path, make_clock())


def crash_logs(db: Path) -> list[Path]:
    return sorted(db.parent.glob("resilience.json.crash-*.log"))


def test_a_crash_exits_1_with_one_line_and_a_private_log(
        crashing: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = journal(tmp_path)
    before = db.read_bytes()

    code = cli_module.main(["--db", str(db)])

    out, err = capsys.readouterr()
    assert code == 1
    [log] = crash_logs(db)
    assert err == (f"resilience: something went wrong and the app closed; your journal is "
                   f"safe: everything you saved is in {db}. The details are in {log}.\n")
    assert "Traceback" not in out + err and "Boom" not in out + err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert log.name == "resilience.json.crash-20260311-090000.log"
    details = log.read_text()
    assert "Traceback" in details and "Boom: the screen fell over" in details
    assert db.read_bytes() == before  # the journal is as it was
    # Nothing else was written, and nothing outside the journal's folder.
    assert {p.name for p in tmp_path.iterdir()} == {"data"}
    # The lock was released: the next start is not told the journal is in use.
    Store(db, make_clock()).close()


def test_a_second_crash_in_the_same_second_keeps_the_first_log(
        crashing: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = journal(tmp_path)
    assert cli_module.main(["--db", str(db)]) == 1
    assert cli_module.main(["--db", str(db)]) == 1
    logs = crash_logs(db)
    assert len(logs) == 2 and all("Boom" in log.read_text() for log in logs)
    assert capsys.readouterr().err.count("\n") == 2


def test_a_crash_with_entries_not_in_the_file_says_where_they_are(
        crashing: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = journal(tmp_path)
    write = atomic.atomic_write

    def full(path: Path, payload: bytes) -> os.stat_result:
        if path == db:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(path, payload)

    def save_then_fail(self: TodayScreen) -> None:
        settings = self.app.store.settings  # type: ignore[attr-defined]
        settings.name = "Sam R"
        self.app.store.save_settings(settings)  # type: ignore[attr-defined]
        raise Boom("after a failed save")

    monkeypatch.setattr(atomic, "atomic_write", full)
    monkeypatch.setattr(TodayScreen, "on_mount", save_then_fail)

    assert cli_module.main(["--db", str(db)]) == 1

    err = capsys.readouterr().err
    [copy] = db.parent.glob("resilience.json.unsaved-*")
    assert err.count("\n") == 1
    assert f"your latest entries are not in {db}, but a copy with them is in {copy}" in err
    assert "journal is safe" not in err
    assert '"Sam R"' in copy.read_text()


def test_when_the_log_cannot_be_written_the_line_still_says_so(
        crashing: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = journal(tmp_path)
    real_open = os.open

    def no_room(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if ".crash-" in str(path):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_room)
    assert cli_module.main(["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "journal is safe" in err
    assert "The details could not be written down (No space left on device)." in err
    assert crash_logs(db) == []


def test_old_crash_logs_are_pruned_and_symlinks_never_followed(tmp_path: Path) -> None:
    db = tmp_path / "resilience.json"
    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    when = make_clock().now()
    (tmp_path / "resilience.json.crash-20260311-090000.log").symlink_to(victim)
    for i in range(KEEP + 3):
        write_crash_log(db, when, f"crash {i}\n")
    assert victim.read_text() == "mine"
    assert len(crash_logs(db)) == KEEP


def test_a_clean_quit_still_exits_0(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def quit_at_once(self: ResilienceApp, **kwargs: Any) -> None:
        self.call_later(self.exit)
        return App.run(self, headless=True, size=(80, 24))

    monkeypatch.setattr(ResilienceApp, "run", quit_at_once)
    monkeypatch.setenv("RESILIENCE_NOW", NOW)
    db = journal(tmp_path)
    assert cli_module.main(["--db", str(db)]) == 0
    assert crash_logs(db) == []
