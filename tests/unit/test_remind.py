"""``resilience remind``: one kind line when a nudge is worth it, nothing otherwise, exit 0."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from fixed_time import NOW, TODAY, ZONE_NAME

from resilience_tui import cli
from resilience_tui.domain import cooldown
from resilience_tui.domain.feedback import mark_requested
from resilience_tui.domain.models import CheckIn, Rejection, RestDay
from resilience_tui.storage.store import Store


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", NOW)
    monkeypatch.setenv("TZ", ZONE_NAME)


def remind(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert cli.main(["--db", str(db), "remind", *extra]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    return out.out


def rejection(logged_days_ago: int, company: str = "Acme Corp") -> Rejection:
    logged = TODAY - timedelta(days=logged_days_ago)
    return Rejection(company=company, role="QA Lead", received_on=logged.isoformat(),
                     logged_on=logged.isoformat(), at=f"{logged.isoformat()}T09:00:00+00:00")


def checked_in(store: Store) -> None:
    store.checkins.put(CheckIn(day=TODAY.isoformat(), mood=3, energy=3))


def test_before_a_check_in_it_invites_one_and_after_it_is_quiet(
        store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store.close()
    before = remind(db_path, capsys)
    assert before == "resilience: A new day is here: a short check-in when you have a minute.\n"
    writer = Store(db_path, store.clock)
    checked_in(writer)
    writer.close()
    assert remind(db_path, capsys) == ""


def test_a_cool_down_step_that_opened_today_comes_first(
        store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = cooldown.acknowledge(rejection(1), TODAY - timedelta(days=1), {"hurt": 60}, "", "")
    store.rejections.put(r)
    checked_in(store)
    store.close()
    assert remind(db_path, capsys) == (
        "resilience: Looking back for Acme Corp is open today, whenever you're ready.\n")


def test_a_step_that_opened_earlier_is_not_news(
        store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = cooldown.acknowledge(rejection(5), TODAY - timedelta(days=5), {"hurt": 60}, "", "")
    store.rejections.put(r)
    checked_in(store)
    store.close()
    assert remind(db_path, capsys) == ""


def test_a_feedback_request_that_waited_a_week_gets_a_gentle_nudge(
        store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    asked = mark_requested(rejection(10, "Globex"), TODAY - timedelta(days=7))
    store.rejections.put(asked)
    checked_in(store)
    store.close()
    line = remind(db_path, capsys)
    assert line.startswith("resilience: It's been a week since you asked Globex for feedback")
    assert line.count("\n") == 1


def test_a_rest_day_needs_no_check_in(store: Store, db_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    store.rest_days.put(RestDay(day=TODAY.isoformat()))
    store.close()
    assert remind(db_path, capsys) == ""


def test_no_journal_yet_means_no_nudge_and_no_file(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none" / "journal.json"
    assert remind(db, capsys) == ""
    assert not db.parent.exists()


def test_notify_hands_the_line_to_notify_send(
        store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    store.close()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    seen = tmp_path / "notified"
    fake = bin_dir / "notify-send"
    fake.write_text(f'#!/bin/sh\nprintf "%s|" "$@" > "{seen}"\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    line = remind(db_path, capsys, "--notify")
    assert line.startswith("resilience: A new day is here")
    assert seen.read_text() == ("--app-name|resilience|resilience|"
                                "A new day is here: a short check-in when you have a minute.|")
