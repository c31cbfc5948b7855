"""``resilience sync FOLDER``: two machines that wrote offline end up with the same journal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fixed_time import ZONE_NAME, make_clock

from resilience_tui import cli
from resilience_tui.cli.handlers import sync_at_start
from resilience_tui.domain.models import CheckIn, SelfCare
from resilience_tui.storage.store import Store


@pytest.fixture(autouse=True)
def zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ZONE_NAME)


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", moment)


def write(db: Path, moment: str, change: Any) -> None:
    store = Store(db, make_clock(moment))
    try:
        change(store)
    finally:
        store.close()


def run_sync(db: Path, folder: Path, name: str, *extra: str) -> int:
    return cli.main(["--db", str(db), "sync", str(folder), "--as", name, *extra])


def export(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert cli.main(["--db", str(db), "export"]) == 0
    data = json.loads(capsys.readouterr().out)
    data.pop("exported_at")
    for name in ("checkins", "rejections", "selfcare", "contacts", "actions"):
        data[name].sort(key=lambda r: r["id"])
    return data


def test_two_journals_meet_in_the_folder_and_the_later_edit_wins(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    a, b, folder = tmp_path / "a" / "j.json", tmp_path / "b" / "j.json", tmp_path / "Sync"
    shared = CheckIn(day="2026-03-09", mood=3, energy=3, intention="first draft", id="shared")
    write(a, "2026-03-09T09:00", lambda s: s.checkins.put(shared))
    at(monkeypatch, "2026-03-09T10:00")
    assert run_sync(a, folder, "laptop") == 0
    assert run_sync(b, folder, "desktop") == 0  # B starts from A's journal
    capsys.readouterr()
    assert export(b, capsys)["checkins"][0]["intention"] == "first draft"

    # Offline on both: new entries, and the shared check-in edited on each (B later).
    def edit_a(s: Store) -> None:
        s.selfcare.put(SelfCare(day="2026-03-10", activity="walk", minutes=30, id="walk-a"))
        mine = s.checkins.get("shared")
        mine.intention = "edited on the laptop"
        s.checkins.put(mine)

    def edit_b(s: Store) -> None:
        s.checkins.put(CheckIn(day="2026-03-11", mood=4, energy=4, id="b-day"))
        mine = s.checkins.get("shared")
        mine.intention = "edited on the desktop, later"
        s.checkins.put(mine)

    write(a, "2026-03-10T12:00", edit_a)
    write(b, "2026-03-10T18:00", edit_b)

    at(monkeypatch, "2026-03-11T09:00")
    for db, name in ((a, "laptop"), (b, "desktop"), (a, "laptop"), (b, "desktop")):
        assert run_sync(db, folder, name) == 0
    capsys.readouterr()
    ours, theirs = export(a, capsys), export(b, capsys)
    assert ours == theirs
    by_id = {c["id"]: c for c in ours["checkins"]}
    assert by_id["shared"]["intention"] == "edited on the desktop, later"
    assert set(by_id) == {"shared", "b-day"}
    assert [s["id"] for s in ours["selfcare"]] == ["walk-a"]
    assert sorted(p.name for p in folder.iterdir()) == ["desktop.json", "laptop.json"]
    assert (folder / "laptop.json").stat().st_mode & 0o777 == 0o600


def test_syncing_again_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    a, b, folder = tmp_path / "a" / "j.json", tmp_path / "b" / "j.json", tmp_path / "Sync"
    first = CheckIn(day="2026-03-10", mood=3, energy=3, id="x")
    write(a, "2026-03-10T09:00", lambda s: s.checkins.put(first))
    at(monkeypatch, "2026-03-11T09:00")
    for db, name in ((a, "a"), (b, "b"), (a, "a")):
        assert run_sync(db, folder, name) == 0
    before = (a.read_bytes(), b.read_bytes())
    capsys.readouterr()
    assert run_sync(b, folder, "b") == 0
    assert "From a.json" not in capsys.readouterr().out  # nothing new to bring
    assert (a.read_bytes(), b.read_bytes()) == before


def test_a_file_that_is_not_an_export_is_left_alone_and_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    a, folder = tmp_path / "a" / "j.json", tmp_path / "Sync"
    folder.mkdir()
    (folder / "broken.json").write_text("{not json")
    (folder / "other.json").write_text(json.dumps({
        "app": "resilience-tui", "schema": 1, "exported_at": "2026-03-10T09:00:00+00:00",
        "settings": {}, "checkins": [{"id": "o1", "day": "2026-03-10", "mood": 2,
                                      "energy": 2, "plan": []}],
        "rejections": [], "selfcare": [], "contacts": [], "actions": [], "rest_days": []}))
    at(monkeypatch, "2026-03-11T09:00")
    assert run_sync(a, folder, "a") == 0
    out = capsys.readouterr().out
    assert "Left broken.json alone: it is not valid JSON" in out
    assert "From other.json: 1 new check-in." in out
    assert (folder / "broken.json").read_text() == "{not json"


def test_the_folder_can_be_remembered_and_used_when_the_app_starts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    a, b, folder = tmp_path / "a" / "j.json", tmp_path / "b" / "j.json", tmp_path / "Sync"
    at(monkeypatch, "2026-03-11T09:00")
    assert cli.main(["--db", str(a), "sync"]) == 2
    assert "which folder?" in capsys.readouterr().err
    assert run_sync(a, folder, "a", "--remember") == 0
    write(b, "2026-03-11T08:00", lambda s: s.selfcare.put(
        SelfCare(day="2026-03-11", activity="gym", minutes=45, id="gym")))
    assert run_sync(b, folder, "b") == 0
    store = Store(a, make_clock("2026-03-11T09:30"))
    try:
        assert store.settings.sync_folder == str(folder)
        notice = sync_at_start(store)
        assert notice is not None and "1 new self-care entry" in notice
        assert [s.id for s in store.selfcare.all()] == ["gym"]
    finally:
        store.close()
