"""``status`` and ``remind`` from the summary beside the journal: the same bytes as from
the whole history, and a summary that does not belong to the journal as it is now (or
that anyone tampered with) is never believed.

A year of the benchmarks' synthetic history (imported once per module) keeps this
quick; "read from the summary" is proven by making opening the journal fail.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from fixed_time import NOW, ZONE_NAME, make_clock
from histories import private_copy, synthetic_history

from resilience_tui import cli
from resilience_tui.domain.models import CheckIn
from resilience_tui.journal import opening
from resilience_tui.journal.momentum import remind_line
from resilience_tui.journal.opening import open_journal
from resilience_tui.journal.settings import save_settings
from resilience_tui.journal.summary import keep_summary
from resilience_tui.storage import atomic, summary_file
from resilience_tui.storage.summary_file import journal_key, summary_path

COMMANDS = (["status"], ["status", "--json"], ["remind"])
TOMORROW = "2026-03-12T09:00:00"


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", NOW)
    monkeypatch.setenv("TZ", ZONE_NAME)


@pytest.fixture(scope="module")
def year_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One year of heavy use, ending on the tests' Wednesday (built once)."""
    return synthetic_history(tmp_path_factory.mktemp("year") / "resilience.json", 1)


@pytest.fixture
def db(year_journal: Path, tmp_path: Path) -> Path:
    """A private copy of the year, with no summary yet."""
    return private_copy(year_journal, tmp_path)


def run(db: Path, capsys: pytest.CaptureFixture[str], *command: str) -> str:
    assert cli.main(["--db", str(db), *command]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    return out.out


def outputs(db: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [run(db, capsys, *command) for command in COMMANDS]


def from_journal(db: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What the three commands print read from the whole history (no summary)."""
    where = summary_path(db)
    kept = where.read_bytes() if where.exists() else None
    where.unlink(missing_ok=True)
    printed = outputs(db, capsys)
    if kept is not None:  # put back what the caller had (it may be the case under test)
        where.write_bytes(kept)
    else:
        where.unlink(missing_ok=True)
    return printed


def test_a_year_prints_the_same_bytes_from_the_summary(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    full = outputs(db, capsys)  # reads the journal and files the summary
    assert summary_path(db).exists()
    assert stat.S_IMODE(summary_path(db).stat().st_mode) == 0o600
    assert full[0].startswith("resilience: checked in today · 365-day streak")
    assert full[2].startswith("resilience: ")  # the year ends on a cool-down step opening
    monkeypatch.setattr(opening, "open_journal", _refuse)
    assert outputs(db, capsys) == full


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the journal was opened")


def test_kept_after_a_change_status_then_believes_it(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_journal(db, make_clock())
    store.preload()  # as the app does
    today = store.checkins.all()[-1]
    today.intention = "two applications, one coffee chat"
    store.checkins.put(today)
    assert keep_summary(store)  # what the app does a moment after a change
    assert not keep_summary(store)  # current already: nothing to do
    store.close()
    with monkeypatch.context() as closed:
        closed.setattr(opening, "open_journal", _refuse)
        quick = outputs(db, capsys)  # the summary just kept
    assert quick == from_journal(db, capsys)


def test_keeping_waits_for_the_history_and_for_every_change_saved(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_journal(db, make_clock())
    assert not keep_summary(store)  # a shell command that read only the settings
    store.preload()
    with monkeypatch.context() as full_disk:
        def no_space(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        full_disk.setattr(atomic, "atomic_write", no_space)
        store.checkins.delete(store.checkins.all()[-1].id)
    assert store.unsaved
    assert not keep_summary(store)  # the file lags what memory holds: not filed
    assert store.retry()
    assert keep_summary(store)
    store.close()


def test_a_save_from_the_shell_leaves_it_to_the_next_status(
        db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    outputs(db, capsys)
    before = outputs(db, capsys)
    store = open_journal(db, make_clock())  # a shell command: only the settings are read
    store.save_settings(store.settings)
    store.close()
    assert summary_file.read_summary(db) is None  # the old one no longer matches
    assert outputs(db, capsys) == before == from_journal(db, capsys)


def test_the_next_morning_is_answered_from_the_summary_filed_the_day_before(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    today = outputs(db, capsys)  # reads the journal, files today's summary and tomorrow's
    monkeypatch.setenv("RESILIENCE_NOW", TOMORROW)
    with monkeypatch.context() as refused:
        refused.setattr(opening, "open_journal", _refuse)
        tomorrow = outputs(db, capsys)  # the day's first call: no journal read
    assert tomorrow != today
    assert "no check-in yet today" in tomorrow[0]
    assert json.loads(tomorrow[1])["today"] == "2026-03-12"
    assert tomorrow == from_journal(db, capsys)


def test_two_days_on_the_journal_is_read_once_then_the_new_summary(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    outputs(db, capsys)
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-13T09:00:00")
    later = outputs(db, capsys)  # past what the summary carries: read, and filed again
    assert json.loads(later[1])["today"] == "2026-03-13"
    assert later == from_journal(db, capsys)
    monkeypatch.setattr(opening, "open_journal", _refuse)
    assert outputs(db, capsys) == later


def test_before_the_day_starts_the_evening_summary_still_holds(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T23:30:00")
    evening = outputs(db, capsys)
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-12T02:00:00")  # the day starts at 4
    monkeypatch.setattr(opening, "open_journal", _refuse)
    assert outputs(db, capsys) == evening


def test_an_import_changes_what_status_says(
        db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    outputs(db, capsys)
    store = open_journal(db, make_clock())
    store.checkins.delete(store.checkins.all()[-1].id)  # today's check-in, gone
    store.close()
    assert "no check-in yet today" in outputs(db, capsys)[0]
    export = tmp_path / "today.json"
    export.write_text(json.dumps({
        "app": "resilience-tui", "schema": 1, "exported_at": "2026-03-11T09:00:00+00:00",
        "checkins": [CheckIn(day="2026-03-11", mood=4, energy=4,
                             at="2026-03-11T08:00:00+00:00").to_dict()]}))
    run(db, capsys, "import", str(export))
    after = outputs(db, capsys)
    assert after == from_journal(db, capsys)
    assert after[0].startswith("resilience: checked in today")


def test_a_restore_is_never_answered_from_the_summary_before_it(
        db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    older = tmp_path / "older.json"
    store = open_journal(db, make_clock())
    store.preload()
    shutil.copy(db, older)  # the year as it was
    last = store.checkins.all()[-1]
    store.checkins.delete(last.id)
    store.close()
    without = outputs(db, capsys)
    assert "no check-in yet today" in without[0]
    run(db, capsys, "restore", "--from", str(older))
    restored = outputs(db, capsys)
    assert restored[0].startswith("resilience: checked in today")
    assert restored == from_journal(db, capsys)


def test_another_journals_summary_copied_beside_this_one_is_ignored(
        db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "other" / "resilience.json"
    other.parent.mkdir()
    shutil.copy(db, other)
    store = open_journal(other, make_clock())
    store.checkins.delete(store.checkins.all()[-1].id)
    store.close()
    theirs = outputs(other, capsys)
    shutil.copy(summary_path(other), summary_path(db))
    ours = outputs(db, capsys)
    assert ours != theirs
    assert ours == from_journal(db, capsys)


def _fields(db: Path) -> dict[str, object]:
    data = json.loads(summary_path(db).read_bytes())
    return dict(data["fields"])


def _with_fields(db: Path, **changes: object) -> bytes:
    """The summary as filed, with fields changed, under the journal's right key."""
    data = json.loads(summary_path(db).read_bytes())
    data["fields"].update(changes)
    return json.dumps(data).encode()


HOSTILE = {
    "empty": lambda db: b"",
    "not JSON": lambda db: b"\x00\xff{{{",
    "a list": lambda db: b"[1, 2, 3]",
    "a journal": lambda db: db.read_bytes()[:4000],
    "another version": lambda db: json.dumps({
        **json.loads(summary_path(db).read_bytes()), "version": 99}).encode(),
    "a key of booleans": lambda db: json.dumps({
        **json.loads(summary_path(db).read_bytes()),
        "journal": [True] * 5}).encode(),
    "an escape sequence": lambda db: _with_fields(
        db, status_line="resilience: \x1b]0;owned\x07 checked in today"),
    "a nudge with a bell": lambda db: _with_fields(db, remind="hello\x07"),
    "an hour as text": lambda db: _with_fields(db, day_start_hour="4"),
    "an hour out of range": lambda db: _with_fields(db, day_start_hour=30),
    "a day not a date": lambda db: _with_fields(db, day="2026-02-30"),
    "JSON for another day": lambda db: _with_fields(
        db, status_json=json.dumps({"schema": 1, "today": "2026-03-10"})),
    "JSON that is not JSON": lambda db: _with_fields(db, status_json="{"),
    "JSON nested past any depth": lambda db: _with_fields(db, status_json="[" * 60000),
    "a line not ours": lambda db: _with_fields(db, status_line="all good"),
    "an extra field": lambda db: _with_fields(db, extra=1),
    "huge": lambda db: b"{" + b" " * (summary_file.MAX_BYTES + 10) + b"}",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_damaged_or_hostile_summary_is_never_believed(
        kind: str, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = outputs(db, capsys)
    payload = HOSTILE[kind](db)
    summary_path(db).write_bytes(payload)
    os.utime(summary_path(db))
    assert outputs(db, capsys) == full
    assert _fields(db)["day"] == "2026-03-11"  # filed again, sound


@pytest.mark.parametrize("kind", ["a folder", "a named pipe", "a link"])
def test_a_summary_that_is_not_a_file_is_passed_by(
        kind: str, db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    full = from_journal(db, capsys)
    outputs(db, capsys)
    where = summary_path(db)
    good = where.read_bytes()
    where.unlink()
    if kind == "a folder":
        where.mkdir()
    elif kind == "a named pipe":
        os.mkfifo(where)
    else:
        elsewhere = tmp_path / "elsewhere"
        elsewhere.write_bytes(good)  # even a good summary is not read through a link
        where.symlink_to(elsewhere)
    assert outputs(db, capsys) == full  # no hang, no error
    if kind == "a link":
        assert not where.is_symlink() and elsewhere.read_bytes() == good  # replaced, not followed


def test_a_read_only_journal_gets_no_summary(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db.chmod(0o400)
    try:
        full = outputs(db, capsys)
    finally:
        db.chmod(0o600)
    assert not summary_path(db).exists()
    assert full == from_journal(db, capsys)


def test_a_chmod_or_touch_of_the_journal_retires_the_summary(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs(db, capsys)
    key = journal_key(db)
    os.utime(db)
    assert journal_key(db) != key and summary_file.read_summary(db) is None


def test_restore_refuses_the_summary_as_a_backup(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs(db, capsys)
    before = db.read_bytes()
    assert cli.main(["--db", str(db), "restore", "--from", str(summary_path(db))]) != 0
    capsys.readouterr()
    assert db.read_bytes() == before


def test_a_killed_writers_summary_temp_is_cleaned_up(db: Path) -> None:
    left = db.parent / f".{summary_path(db).name}.abc123.tmp"
    left.write_bytes(b"{")
    open_journal(db, make_clock()).close()  # taking the writer lock tidies leftovers
    assert not left.exists()


def test_remind_line_agrees_with_the_summary(db: Path, capsys: pytest.CaptureFixture[str]
                                             ) -> None:
    printed = run(db, capsys, "remind")
    store = open_journal(db, make_clock(), writer=False)
    line = remind_line(store)
    assert printed == (f"resilience: {line}\n" if line else "")
    assert _fields(db)["remind"] == line


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_from_the_summary_nothing_heavy_is_imported(
        command: list[str], db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Proof that a good summary spares the history: the process never loads TinyDB, the
    domain rules or Textual (each takes tens of ms to import, the history far more)."""
    expected = run(db, capsys, *command)  # files the summary
    code = ("import sys; from resilience_tui.cli import main; "
            f"code = main(['--db', {str(db)!r}, *{command!r}]); "
            "heavy = [m for m in ('tinydb', 'textual', 'resilience_tui.domain.streaks', "
            "'resilience_tui.storage.store') if m in sys.modules]; "
            "assert not heavy, heavy; sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "RESILIENCE_NOW": NOW, "TZ": ZONE_NAME},
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected


def test_a_new_day_start_hour_is_counted_at_once(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """At 05:00 the day has begun with the start at 4, not yet with the start at 6: a
    summary made before the change must not answer after it."""
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-12T05:00:00")
    before = outputs(db, capsys)
    assert json.loads(before[1])["today"] == "2026-03-12"
    clock = make_clock("2026-03-12T05:00:00")
    store = open_journal(db, clock)
    store.preload()
    changed = store.settings
    changed.day_start_hour = 6
    save_settings(store, clock, changed)
    store.close()
    after = outputs(db, capsys)
    assert json.loads(after[1])["today"] == "2026-03-11"
    assert after == from_journal(db, capsys)
