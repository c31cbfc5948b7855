"""``resilience checkin``: today's check-in from the shell, with the check-in form's rules;
a second one the same day adds to the first; a refusal names the field and saves nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fixed_time import TODAY, make_clock
from shell_helpers import journal, pinned_now, seed, shell  # noqa: F401 (pinned_now: autouse)

from resilience_tui.cli import entries
from resilience_tui.domain.checkin import checkin_for_day
from resilience_tui.domain.models import CheckIn
from resilience_tui.journal import open_journal
from resilience_tui.storage import atomic


def todays(db: Path) -> CheckIn:
    found = checkin_for_day(journal(db).checkins.all(), TODAY.isoformat())
    assert found is not None
    return found


def test_a_check_in_with_everything_is_saved_and_said_in_one_line(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = shell(db_path, capsys, "checkin", "--mood", "3", "--energy", "4",
                 "--feeling", "Hopeful", "--feeling", "wobbly", "--intention", "one good letter",
                 "--plan", "apply: Acme, backend role", "--plan", "Follow up: Globex recruiter",
                 "--plan", "call mum")
    assert said.code == 0
    assert said.line == "Checked in for Wed 11 Mar: mood 3, energy 4, 3 plan items."
    c = todays(db_path)
    assert (c.mood, c.energy, c.intention) == (3, 4, "one good letter")
    assert c.feelings == ["hopeful", "wobbly"]  # a listed word as listed, one's own as typed
    assert [(p.kind, p.text, p.done) for p in c.plan] == [
        ("apply", "Acme, backend role", False), ("follow-up", "Globex recruiter", False),
        ("other", "call mum", False)]


def test_a_mood_out_of_range_names_mood_and_leaves_the_file_byte_identical(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed(db_path, lambda s: None)
    said = shell(db_path, capsys, "checkin", "--mood", "9", "--energy", "3")
    assert said.code == 4
    assert said.err and said.line == "resilience: Mood should be 1–5, not 9. Nothing was saved."
    assert db_path.read_bytes() == before


def test_a_refused_check_in_on_a_new_machine_leaves_no_journal_behind(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = shell(db_path, capsys, "checkin", "--mood", "9", "--energy", "3")
    assert said.code == 4
    assert not db_path.exists()


@pytest.mark.parametrize(("args", "field"), [
    (["--energy", "3"], "Mood is needed"),
    (["--mood", "3"], "Energy is needed"),
    (["--mood", "three", "--energy", "3"], "Mood should be a whole number"),
    (["--mood", "3", "--energy", "3", "--plan", "aply: Acme"], "Plan item kind should be one"),
    (["--mood", "3", "--energy", "3", "--plan", "apply:"], "Plan item is needed"),
    (["--mood", "9", "--energy", "3", "--plan", "aply: Acme"], "Mood should be"),  # form order
    (["--mood", "3", "--energy", "3", "--intention", "x" * 201], "Intention is 201 characters"),
    (["--mood", "3", "--energy", "3", *[a for n in range(21) for a in ("--plan", f"learn {n}")]],
     "Plan has 21 items; 20 at most"),
])
def test_each_refusal_says_which_field_and_saves_nothing(
        args: list[str], field: str, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed(db_path, lambda s: None)
    said = shell(db_path, capsys, "checkin", *args)
    assert said.code == 4
    assert said.line.startswith(f"resilience: {field}")
    assert db_path.read_bytes() == before


def test_a_second_check_in_updates_the_day_keeping_its_plan_and_ticks(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shell(db_path, capsys, "checkin", "--mood", "2", "--energy", "2", "--feeling", "tired",
          "--intention", "go gently", "--plan", "apply: Acme", "--plan", "learn: SQL")
    assert shell(db_path, capsys, "done", "acme").code == 0
    first = todays(db_path)
    said = shell(db_path, capsys, "checkin", "--mood", "4", "--plan", "APPLY: acme",
                 "--plan", "outreach: coffee with Priya")
    assert said.code == 0
    assert said.line == ("Today's check-in is updated: mood 4, energy 2; 1 plan item added; "
                         "1 item was on the plan already (3 items on the plan).")
    c = todays(db_path)
    assert c.id == first.id and len(journal(db_path).checkins.all()) == 1  # still one a day
    assert (c.mood, c.energy, c.intention, c.feelings) == (4, 2, "go gently", ["tired"])
    assert [(p.kind, p.text, p.done) for p in c.plan] == [
        ("apply", "Acme", True), ("learn", "SQL", False),
        ("outreach", "coffee with Priya", False)]


def test_plan_items_alone_add_to_todays_check_in_but_cannot_start_one(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = shell(db_path, capsys, "checkin", "--plan", "learn: SQL")
    assert (said.code, said.line) == (4, "resilience: Mood is needed (1–5). Nothing was saved.")
    shell(db_path, capsys, "checkin", "--mood", "3", "--energy", "3")
    again = shell(db_path, capsys, "checkin", "--plan", "learn: SQL")
    assert again.code == 0 and "1 plan item added" in again.line
    assert [p.text for p in todays(db_path).plan] == ["SQL"]


def test_while_the_journal_is_open_elsewhere_it_waits_then_stops_with_3(
        db_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entries, "LOCK_WAIT", 0.3)
    app = open_journal(db_path, make_clock())  # the app, holding the journal
    try:
        before = db_path.read_bytes()
        said = shell(db_path, capsys, "checkin", "--mood", "3", "--energy", "3")
    finally:
        app.close()
    assert said.code == 3
    assert said.line == (f"resilience: {db_path} is open in the app (or another resilience "
                         "command), so nothing was saved; close it and try again.")
    assert db_path.read_bytes() == before


def test_a_journal_let_go_of_within_the_wait_gets_the_entry(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = open_journal(db_path, make_clock())  # e.g. a sync from cron, nearly done
    timer = threading.Timer(0.4, other.close)
    timer.start()
    try:
        said = shell(db_path, capsys, "checkin", "--mood", "3", "--energy", "3")
    finally:
        timer.join()
    assert said.code == 0
    assert todays(db_path).mood == 3


def test_a_write_that_fails_exits_1_and_leaves_the_file_as_it_was(
        db_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = seed(db_path, lambda s: None)

    def full_disk(path: Path, payload: bytes) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "atomic_write", full_disk)
    said = shell(db_path, capsys, "checkin", "--mood", "3", "--energy", "3")
    assert said.code == 1
    assert said.line == (f"resilience: couldn't save to {db_path} (No space left on device); "
                         "the file was left as it was, and nothing was saved.")
    assert db_path.read_bytes() == before


def test_a_read_only_journal_is_left_alone_and_says_how_to_save(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed(db_path, lambda s: None)
    db_path.chmod(0o400)
    said = shell(db_path, capsys, "checkin", "--mood", "3", "--energy", "3")
    assert said.code == 1
    assert said.line == (f"resilience: {db_path} is read-only, so nothing was saved and it was "
                         f"left as it was. To save, first run: chmod 600 {db_path}")
    assert db_path.read_bytes() == before


def test_an_entry_never_loads_the_full_screen_app(db_path: Path) -> None:
    """Entries run from scripts and prompts: they must start as fast as ``status``."""
    code = ("import sys\n"
            "from resilience_tui import cli\n"
            "code = cli.main(['--db', sys.argv[1], 'selfcare', 'walk', '30'])\n"
            "print(code, 'textual' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                          text=True, timeout=60)
    assert done.stdout.splitlines()[-1] == "0 False"
