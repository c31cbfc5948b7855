"""Damaged records in the journal file are set aside, named by doctor, and never lost.

Each case is a file edited by hand (or a bad sync, or a restored copy): the app and
every command keep working around the damaged record, ``doctor`` names its table, id
and field, and a save leaves its row in the file exactly as it was. Damaged settings
stop every command at the door with exit 4 and the field named (``doctor`` still
works); a nesting bomb in the file does too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixed_time import NOW, make_clock
from fuzz_cases import open_rejection, plain, run

from resilience_tui.domain.models import CheckIn
from resilience_tui.storage.store import Store


@pytest.fixture(autouse=True)
def fixed_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("RESILIENCE_NOW", NOW)
    monkeypatch.setenv("TZ", "Europe/London")
    yield


def journal(path: Path, rejection: dict[str, object] | None = None,
            settings: dict[str, object] | None = None, **checkin: object) -> Path:
    """A file with one good check-in, one rejection (changed as given) and settings."""
    good = {"id": "good1", "day": "2026-03-10", "mood": 4, "energy": 3, "intention": "walk",
            "plan": [], "feelings": []}
    data = {"meta": {"1": {"schema": 1}},
            "settings": {"1": settings} if settings is not None else {},
            "checkins": {"1": good, "2": {**good, "id": "second", "day": "2026-03-09",
                                          **checkin}},
            "rejections": {"1": {**open_rejection(), **(rejection or {})}}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    path.chmod(0o600)
    return path


def test_a_far_future_day_no_longer_breaks_status(tmp_path: Path) -> None:
    db = journal(tmp_path / "j.json", {"logged_on": "9999-12-31"})
    result = run("--db", str(db), "status")
    assert result.code == 0, result.err  # was exit 1 with an OverflowError, on every run
    assert run("--db", str(db), "status", "--json").code == 0
    doctor = run("--db", str(db), "doctor")
    assert doctor.code == 1
    assert "rejections record openrejection01" in doctor.out and "logged_on" in doctor.out
    assert "9999-12-31 is outside the years" in doctor.out


@pytest.mark.parametrize(("change", "field"), [
    ({"cooldown": []}, "cooldown"),
    ({"feedback": "none"}, "feedback"),
    ({"id": "x" * 1_000_000}, "id"),
    ({"id": "bad\u001b[2Jid"}, "id"),
    ({"mattered": "4"}, "mattered"),
    ({"received_on": "1969-12-31", "logged_on": "1969-12-31"}, "1969-12-31"),
])
def test_a_damaged_record_is_named_by_doctor_and_left_out_everywhere(
        tmp_path: Path, change: dict[str, object], field: str) -> None:
    db = journal(tmp_path / "j.json", change)
    doctor = run("--db", str(db), "doctor")
    assert doctor.code == 1 and plain(doctor.out + doctor.err), doctor
    line = next(li for li in doctor.out.splitlines() if "rejections record" in li)
    assert field in line and len(line) < 400  # a 1 MB id is shown short
    assert "reads fine" in doctor.out  # no restore advised for a few damaged records
    for argv in (("status",), ("export",), ("export", "--format", "md")):
        done = run("--db", str(db), *argv)
        assert done.code == 0 and plain(done.out + done.err), (argv, done)
        assert "Fuzz & Co" not in done.out  # the damaged rejection is not used


def test_a_save_keeps_damaged_rows_exactly_as_they_were(tmp_path: Path) -> None:
    db = journal(tmp_path / "j.json", {"cooldown": []}, mood="9")
    before = json.loads(db.read_text())
    store = Store(db, make_clock())
    store.preload()
    assert [(d.table, d.record_id) for d in store.damaged] == [
        ("checkins", "second"), ("rejections", "openrejection01")]
    assert [c.id for c in store.checkins.all()] == ["good1"]
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, id="new1"))
    store.close()
    after = json.loads(db.read_text())
    assert after["rejections"] == before["rejections"]
    assert after["checkins"]["2"] == before["checkins"]["2"]  # not overwritten by the new one
    assert {row["id"] for row in after["checkins"].values()} == {"good1", "second", "new1"}


def test_text_with_control_characters_never_reaches_the_terminal(tmp_path: Path) -> None:
    db = journal(tmp_path / "j.json", intention="hi\u001b]0;PWNED\u0007\u001b[2J there")
    for argv in (("status",), ("export",), ("export", "--format", "md"), ("doctor",)):
        done = run("--db", str(db), *argv)
        assert done.code in (0, 1) and plain(done.out + done.err), (argv, done)
    exported = json.loads(run("--db", str(db), "export").out)
    second = next(c for c in exported["checkins"] if c["id"] == "second")
    assert second["intention"] == "hi ]0;PWNED  [2J there"  # cleaned, the words kept


def test_damaged_settings_stop_every_command_with_the_field_named(tmp_path: Path) -> None:
    settings = {"name": "", "day_start_hour": "4", "cooldown_days": 2, "rest_weekdays": [],
                "nudge_days": 14, "theme": "textual-dark"}
    db = journal(tmp_path / "j.json", settings=settings)
    for argv in (("status",), ("status", "--json"), ("export",)):
        done = run("--db", str(db), *argv)
        assert done.code == 4, (argv, done)  # was exit 1, "something went wrong"
        assert "day start hour" in done.err and done.err.count("\n") == 1
    doctor = run("--db", str(db), "doctor")
    assert doctor.code == 1 and "day start hour" in doctor.out


def test_a_nesting_bomb_in_the_file_is_refused_at_the_door(tmp_path: Path) -> None:
    bomb: object = "x"
    for _ in range(300):
        bomb = [bomb]
    db = journal(tmp_path / "j.json", {"surprise": bomb})
    before = db.read_bytes()
    done = run("--db", str(db), "import", str(db))
    assert done.code in (1, 4) and "Recursion" not in done.err
    status = run("--db", str(db), "status")
    assert status.code == 4 and "too deep" in status.err
    assert db.read_bytes() == before
