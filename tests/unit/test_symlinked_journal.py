"""A journal that is a link is written through to its target (issue 13, case 7).

People link their journal into a synced folder: every save, import and restore
must land in the file the link leads to, atomically and in that folder, and
the link must stay a link. The lock sits beside the target (one writer per
real file); backups and kept copies stay beside the link, where people look.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixed_time import make_clock
from storage_cases import good_database

from resilience_tui import cli
from resilience_tui.domain.models import CheckIn
from resilience_tui.storage.atomic import read_database
from resilience_tui.storage.store import Store


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(the link the app is pointed at, the file in the 'synced' folder it leads to)."""
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    target = tmp_path / "Synced" / "journal.json"
    good_database(target, checkins=2)
    link = tmp_path / "data" / "resilience.json"
    link.parent.mkdir()
    link.symlink_to(target)
    return link, target


def days(path: Path) -> list[str]:
    data, _ = read_database(path)
    assert data is not None
    return sorted(row["day"] for row in data.get("checkins", {}).values())


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_save_goes_through_the_link_and_the_link_stays(linked: tuple[Path, Path]) -> None:
    link, target = linked
    for day in ("2026-03-10", "2026-03-11"):
        store = Store(link, make_clock(f"{day}T09:00"))
        store.checkins.put(CheckIn(day=day, mood=3, energy=3, intention="one more"))
        assert not store.problems
        store.close()
    assert link.is_symlink() and link.resolve() == target
    assert "2026-03-10" in days(target) and "2026-03-11" in days(target)
    assert (target.stat().st_mode & 0o777) == 0o600
    assert leftovers(target.parent) == [] and leftovers(link.parent) == []


def test_the_lock_sits_beside_the_target_and_backups_beside_the_link(
        linked: tuple[Path, Path]) -> None:
    link, target = linked
    store = Store(link, make_clock("2026-03-11T09:00"))
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="x"))
    store.close()
    assert (target.parent / "journal.json.lock").is_file()
    assert [p.name for p in (link.parent / "backups").iterdir()] == ["resilience-2026-03-11.json"]
    assert not (target.parent / "backups").exists()


def test_two_names_for_one_file_are_one_writer(linked: tuple[Path, Path]) -> None:
    from resilience_tui.storage.errors import DatabaseLocked

    link, target = linked
    first = Store(target, make_clock())
    try:
        with pytest.raises(DatabaseLocked):
            Store(link, make_clock())
    finally:
        first.close()


def test_import_through_the_link(linked: tuple[Path, Path], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    link, target = linked
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"app": "resilience-tui", "schema": 1, "checkins": [
        {"id": "n1", "day": "2026-03-01", "mood": 4, "energy": 4, "intention": "new"}]}))
    assert cli.main(["--db", str(link), "import", str(source)]) == 0
    assert link.is_symlink() and "2026-03-01" in days(target)


def test_restore_through_the_link_keeps_the_old_copy_beside_the_link(
        linked: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link, target = linked
    backup = tmp_path / "older.json"
    good_database(backup, checkins=1)
    before = target.read_bytes()
    assert cli.main(["--db", str(link), "restore", "--from", str(backup)]) == 0
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes() == backup.read_bytes()
    [kept] = link.parent.glob("resilience.json.before-restore-*")
    assert kept.read_bytes() == before and not kept.is_symlink()
