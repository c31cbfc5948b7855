"""``resilience doctor``: the file, its records and its backups, each with a plain verdict."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixed_time import make_clock
from storage_cases import snapshot

from resilience_tui import cli
from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn
from resilience_tui.storage.backup import backup_folder
from resilience_tui.storage.store import Store


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")


@pytest.fixture
def used(db_path: Path) -> Path:
    """A journal opened and written on three days: three daily backups."""
    clock = make_clock("2026-03-08T09:00")
    for day in ("2026-03-08", "2026-03-09", "2026-03-10"):
        clock.set(f"{day}T09:00")
        store = Store(db_path, clock)
        store.checkins.put(CheckIn(day=day, mood=3, energy=3, id=day))
        store.close()
    return db_path


def doctor(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["--db", str(path), "doctor"])
    out, err = capsys.readouterr()
    assert err == "" and "Traceback" not in out
    return code, out


def backup_line(out: str, day: str) -> str:
    return next(line for line in out.splitlines() if day in line and ".json" in line)


def test_a_healthy_journal_lists_its_backups_with_dates(used: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(used)
    code, out = doctor(used, capsys)
    assert code == 0 and out.rstrip().endswith("All good.")
    assert "reads as a good database" in out and "It holds 3 check-ins" in out
    assert "Tue 2026-03-10" in out and "Mon 2026-03-09" in out and "Sun 2026-03-08" in out
    assert "good" in backup_line(out, "2026-03-08")
    assert "restore picks this one" in backup_line(out, "2026-03-10")
    assert snapshot(used) == before


def test_a_damaged_backup_is_named_and_passed_over(used: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (backup_folder(used) / f"{used.stem}-2026-03-10.json").write_text("{")
    code, out = doctor(used, capsys)
    assert code == 0, "the journal itself is fine"
    newest = backup_line(out, "2026-03-10")
    assert "NOT usable" in newest and "not valid JSON" in newest
    assert "restore picks this one" in backup_line(out, "2026-03-09")


def test_a_damaged_journal_is_a_problem_with_the_way_out(used: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    used.write_text("{")
    code, out = doctor(used, capsys)
    assert code == 1
    assert "!!" in out and "not valid JSON" in out and "resilience restore" in out
    assert "restore picks this one" in backup_line(out, "2026-03-10")


def test_a_record_that_fails_its_checks_is_named(used: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    text = used.read_text().replace('"mood":3', '"mood":9', 1)
    used.write_text(text)
    code, out = doctor(used, capsys)
    assert code == 1 and "checkins record" in out and "mood should be 1–5, not 9" in out


def test_a_file_others_can_read_is_a_problem(used: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    os.chmod(used, 0o644)
    code, out = doctor(used, capsys)
    assert code == 1 and f"chmod 600 {used}" in out


def test_it_says_when_the_app_has_the_file_open(used: Path, clock: FixedClock,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(used, clock)
    try:
        code, out = doctor(used, capsys)
    finally:
        store.close()
    assert code == 0 and "The app has it open right now" in out


def test_copies_kept_aside_are_listed(used: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", str(used), "restore"]) == 0
    code, out = doctor(used, capsys)
    assert code == 0
    assert f"Kept aside by a restore: {used.name}.before-restore-" in out
    assert "restore --from NAME" in out


def test_no_journal_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = doctor(tmp_path / "none.json", capsys)
    assert code == 1 and "does not exist yet" in out and "No backups yet" in out


def test_odd_records_in_a_good_file_do_not_send_you_to_restore(
        used: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A check-in dated after today (say, from a bad import): worth a note, not a restore,
    # which would bring back an older file and lose newer entries.
    store = Store(used, make_clock())
    store.checkins.put(CheckIn(day="2026-04-01", mood=3, energy=3, id="future"))
    store.close()
    code, out = doctor(used, capsys)
    assert code == 1
    assert "after today" in out
    assert "No need to restore" in out
    assert "'resilience restore' brings back" not in out
