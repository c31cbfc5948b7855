"""Export and import of the JSON format: round trips, merging by id, dry runs, one write."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from fixed_time import make_clock
from transfer_samples import fill, journal

from resilience_tui import cli
from resilience_tui.domain.models import CheckIn, Settings
from resilience_tui.journal.transfer import apply_import
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import export_data, plan_import

TABLES = ("checkins", "rejections", "selfcare", "contacts", "actions", "rest_days")


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    monkeypatch.setenv("TZ", "Europe/London")


def run(*args: str) -> int:
    return cli.main(list(args))


def records(export: dict) -> dict:
    """The parts of an export that are the user's data (not when it was made)."""
    return {k: v for k, v in export.items() if k != "exported_at"}


def make_journal(path: Path, days: int = 40) -> dict:
    store = Store(path, make_clock())
    fill(store, journal(days))
    settings = store.settings
    settings.name = "Sam"
    settings.rest_weekdays = [6]
    store.save_settings(settings)
    data = export_data(store)
    store.close()
    return data


def export_file(db: Path, out: Path) -> dict:
    assert run("--db", str(db), "export", "--output", str(out)) == 0
    return orjson.loads(out.read_bytes())


def test_round_trip_into_an_empty_file_keeps_every_record(tmp_path: Path) -> None:
    original = make_journal(tmp_path / "a" / "db.json")
    first = export_file(tmp_path / "a" / "db.json", tmp_path / "one.json")
    assert records(first) == records(original)
    assert all(first[t] for t in TABLES), "the sample journal fills every table"

    assert run("--db", str(tmp_path / "b" / "db.json"), "import", str(tmp_path / "one.json")) == 0
    second = export_file(tmp_path / "b" / "db.json", tmp_path / "two.json")
    assert records(second) == records(first)


def test_the_export_file_is_private_and_names_app_and_schema(tmp_path: Path) -> None:
    make_journal(tmp_path / "db.json", days=3)
    data = export_file(tmp_path / "db.json", tmp_path / "out" / "export.json")
    assert (data["app"], data["schema"]) == ("resilience-tui", 1)
    assert data["exported_at"].startswith("2026-03-11T09:00:00")
    assert (tmp_path / "out" / "export.json").stat().st_mode & 0o777 == 0o600


def test_export_to_stdout_is_the_same_object(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    original = make_journal(tmp_path / "db.json", days=5)
    capsys.readouterr()
    assert run("--db", str(tmp_path / "db.json"), "export") == 0
    assert records(orjson.loads(capsys.readouterr().out)) == records(original)


def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    make_journal(tmp_path / "a" / "db.json", days=20)
    export_file(tmp_path / "a" / "db.json", tmp_path / "e.json")
    db = tmp_path / "b" / "db.json"
    assert run("--db", str(db), "import", str(tmp_path / "e.json")) == 0
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    capsys.readouterr()
    assert run("--db", str(db), "import", str(tmp_path / "e.json")) == 0
    assert "already here" in capsys.readouterr().out
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


def test_a_newer_copy_replaces_an_older_one_and_not_the_other_way(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store(db, make_clock())
    mine = CheckIn(day="2026-03-10", mood=2, energy=2, intention="mine", id="c1",
                   updated_at="2026-03-10T12:00:00+00:00")
    store.checkins.put_many([mine], stamp=False)
    export = export_data(store)
    older = dict(export["checkins"][0], intention="older", updated_at="2026-03-10T08:00:00+00:00")
    # The same moment written in another zone is not newer.
    same = dict(older, intention="same moment", updated_at="2026-03-10T13:00:00+01:00")
    newer = dict(older, intention="newer", mood=5, updated_at="2026-03-10T12:30:00+00:00")
    for row, expected in ((older, "mine"), (same, "mine"), (newer, "newer")):
        plan = plan_import(store, {**export, "checkins": [row]})
        apply_import(store, store.clock, plan)
        assert store.checkins.get("c1").intention == expected  # type: ignore[union-attr]
    assert plan.replaced["checkins"] == 1
    store.close()
    reopened = Store(db, make_clock(), writer=False)
    assert reopened.checkins.get("c1").mood == 5  # type: ignore[union-attr]


def test_settings_come_from_the_file_only_when_the_journal_has_none(tmp_path: Path) -> None:
    original = make_journal(tmp_path / "a" / "db.json", days=2)
    export = tmp_path / "e.json"
    export.write_bytes(orjson.dumps(original))

    fresh = tmp_path / "b" / "db.json"
    assert run("--db", str(fresh), "import", str(export)) == 0
    store = Store(fresh, make_clock(), writer=False)
    assert (store.settings.name, store.settings.rest_weekdays) == ("Sam", [6])

    mine = tmp_path / "c" / "db.json"
    store = Store(mine, make_clock())
    store.save_settings(Settings(name="Alex", cooldown_days=3))
    store.close()
    assert run("--db", str(mine), "import", str(export)) == 0
    store = Store(mine, make_clock(), writer=False)
    assert (store.settings.name, store.settings.cooldown_days) == ("Alex", 3)


def test_dry_run_reports_and_changes_nothing(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    make_journal(tmp_path / "a" / "db.json", days=10)
    export_file(tmp_path / "a" / "db.json", tmp_path / "e.json")
    db = tmp_path / "b" / "db.json"
    capsys.readouterr()
    assert run("--db", str(db), "import", str(tmp_path / "e.json"), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "check-ins:" in out and "new" in out and "dry run" in out
    assert not db.exists(), "a dry run into a new journal creates nothing"

    assert run("--db", str(db), "import", str(tmp_path / "e.json")) == 0
    before = db.read_bytes()
    assert run("--db", str(db), "import", str(tmp_path / "e.json"), "--dry-run") == 0
    assert "0 new, 0 updated" in capsys.readouterr().out
    assert db.read_bytes() == before


def test_an_import_is_one_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from resilience_tui.storage import atomic

    make_journal(tmp_path / "a" / "db.json", days=30)
    export_file(tmp_path / "a" / "db.json", tmp_path / "e.json")
    db = tmp_path / "b" / "db.json"
    Store(db, make_clock()).close()  # an existing, empty journal
    writes: list[Path] = []
    real = atomic.atomic_write
    monkeypatch.setattr(atomic, "atomic_write",
                        lambda p, data: writes.append(p) or real(p, data))
    assert run("--db", str(db), "import", str(tmp_path / "e.json")) == 0
    assert writes == [db]


def test_two_check_ins_for_one_day_are_kept_and_mentioned(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    db = tmp_path / "db.json"
    store = Store(db, make_clock())
    store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3, id="here"))
    export = export_data(store)
    store.close()
    export["checkins"][0]["id"] = "other-laptop"
    path = tmp_path / "e.json"
    path.write_bytes(orjson.dumps(export))
    assert run("--db", str(db), "import", str(path), "--dry-run") == 0
    assert "1 day(s) will have two check-ins (2026-03-10)" in capsys.readouterr().out


def test_the_format_document_describes_every_field() -> None:
    from dataclasses import fields

    from resilience_tui.domain import models as m

    doc = (Path(__file__).parents[2] / "docs" / "data-format.md").read_text()
    for cls in (m.Settings, m.CheckIn, m.PlanItem, m.Rejection, m.Cooldown, m.Feeling,
                m.Reason, m.Feedback, m.SelfCare, m.Contact, m.Action):
        for f in fields(cls):
            assert f"`{f.name}`" in doc or f'"{f.name}"' in doc, f"{cls.__name__}.{f.name}"
    for enum in (m.PLAN_KINDS, m.STAGES, m.REASON_TAGS, m.THINKING_TRAPS, m.FEEDBACK_STATUSES,
                 m.REDIRECT_KINDS, m.ACTION_STATUSES, m.CONTACT_KINDS):
        for value in enum:
            assert f"`{value}`" in doc, value
