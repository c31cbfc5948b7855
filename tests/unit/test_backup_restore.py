"""Daily backups, and ``restore`` bringing back a good one without losing the current file."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixed_time import make_clock
from storage_cases import snapshot

from resilience_tui import cli
from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn
from resilience_tui.storage.backup import KEEP, backup_folder, daily_backup, list_backups
from resilience_tui.storage.store import Store


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")


def use_for_days(path: Path, days: list[str]) -> None:
    """Open the journal on each day and write a check-in, as a user would."""
    clock = make_clock(f"{days[0]}T09:00")
    for day in days:
        clock.set(f"{day}T09:00")
        store = Store(path, clock)
        store.checkins.put(CheckIn(day=day, mood=3, energy=3, intention=f"on {day}", id=day))
        store.close()


def days_in(path: Path) -> list[str]:
    store = Store(path, make_clock(), writer=False)
    return sorted(c.day for c in store.checkins.all())


def restore(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["--db", str(path), "restore", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_backup_a_day_taken_before_the_first_change(db_path: Path) -> None:
    use_for_days(db_path, ["2026-03-09", "2026-03-09", "2026-03-10"])
    backups = list_backups(db_path, check=True)
    assert [b.day for b in backups] == ["2026-03-10", "2026-03-09"]
    assert all(b.valid for b in backups)
    assert days_in(backups[0].path) == ["2026-03-09"]  # the 10th's backup: before its change
    assert all(b.path.stat().st_mode & 0o777 == 0o600 for b in backups)


def test_the_newest_fourteen_are_kept(db_path: Path) -> None:
    use_for_days(db_path, ["2026-02-01"])
    for n in range(2, 20):
        daily_backup(db_path, f"2026-02-{n:02d}")
    days = [b.day for b in list_backups(db_path)]
    assert len(days) == KEEP and days[0] == "2026-02-19" and days[-1] == "2026-02-06"


def test_restore_brings_back_the_newest_good_backup_and_keeps_the_current_file(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    use_for_days(db_path, ["2026-03-08", "2026-03-09", "2026-03-10"])
    newest = backup_folder(db_path) / f"{db_path.stem}-2026-03-10.json"
    newest.write_text('{"meta": {"1": {"schema": 1}}, "checkins": {"1": ')  # damaged
    current = db_path.read_bytes()

    code, out, err = restore(db_path, capsys)
    assert (code, err) == (0, "")
    assert days_in(db_path) == ["2026-03-08"]  # the 9th's backup: as it was that morning
    [kept] = db_path.parent.glob(f"{db_path.name}.before-restore-*")
    assert kept.read_bytes() == current
    assert kept.stat().st_mode & 0o777 == 0o600 and db_path.stat().st_mode & 0o777 == 0o600
    assert f"{db_path.stem}-2026-03-09.json" in out and kept.name in out


def test_restore_from_a_backup_named_as_doctor_lists_it(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    use_for_days(db_path, ["2026-03-08", "2026-03-09", "2026-03-10"])
    code, _, _ = restore(db_path, capsys, "--from", f"{db_path.stem}-2026-03-09.json")
    assert code == 0
    assert days_in(db_path) == ["2026-03-08"]


def test_restore_refuses_while_the_app_has_the_file_open(
        db_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]) -> None:
    use_for_days(db_path, ["2026-03-09", "2026-03-10"])
    app_store = Store(db_path, clock)  # the running app holds the write lock
    try:
        before = snapshot(db_path)
        code, out, err = restore(db_path, capsys)
        assert code == 3 and out == ""
        assert "open in another resilience window" in err and err.count("\n") == 1
        assert snapshot(db_path) == before
        assert not list(db_path.parent.glob("*.before-restore-*"))
    finally:
        app_store.close()


def test_restore_with_no_backup_yet_changes_nothing(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    use_for_days(db_path, ["2026-03-10"])
    for b in list_backups(db_path):
        b.path.unlink()
    before = snapshot(db_path)
    code, _, err = restore(db_path, capsys)
    assert code == 1 and "no good backup" in err and "Nothing was changed" in err
    assert snapshot(db_path) == before


def test_restore_from_a_damaged_file_is_refused(db_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    use_for_days(db_path, ["2026-03-10"])
    damaged = tmp_path / "old.json"
    damaged.write_text("[1, 2")
    before = snapshot(db_path)
    code, _, err = restore(db_path, capsys, "--from", str(damaged))
    assert code == 4 and "not valid JSON" in err
    code, _, err = restore(db_path, capsys, "--from", str(tmp_path / "nowhere.json"))
    assert code == 1 and "is not a file" in err
    code, _, err = restore(db_path, capsys, "--from", str(db_path))
    assert code == 1 and "the database itself" in err
    assert snapshot(db_path) == before
    assert not list(db_path.parent.glob("*.before-restore-*"))


def test_restore_mends_a_damaged_journal(db_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    use_for_days(db_path, ["2026-03-09", "2026-03-10"])
    db_path.write_text('{"meta": {"1": {"schema": 1}}, "checki')
    assert cli.main(["--db", str(db_path), "status"]) == 4
    code, _, _ = restore(db_path, capsys)
    assert code == 0
    assert days_in(db_path) == ["2026-03-09"]
    [kept] = db_path.parent.glob(f"{db_path.name}.before-restore-*")
    assert kept.read_text().endswith('"checki')  # the damaged file, kept as it was
