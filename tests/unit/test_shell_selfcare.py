"""``resilience selfcare``: self-care from the shell, counted in the streak as the app's;
time with someone from the support network counts as a hello, as it does in the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixed_time import TODAY
from shell_helpers import journal, pinned_now, seed, shell  # noqa: F401 (pinned_now: autouse)

from resilience_tui.domain.models import Contact
from resilience_tui.storage.store import Store

PEOPLE = (Contact(id="priya", name="Priya Shah", kind="friend", last_contacted="2026-02-01"),
          Contact(id="sam-m", name="Sam", kind="mentor"),
          Contact(id="sam-p", name="Sam", kind="peer job seeker"))


def network(store: Store) -> None:
    store.contacts.put_many(PEOPLE)


def test_a_walk_counts_today_in_status(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = shell(db_path, capsys, "selfcare", "walk", "30", "--after", "4")
    assert said.code == 0
    assert said.line == "Self-care logged: walk, 30 min, energy after 4."
    status = json.loads(shell(db_path, capsys, "status", "--json").out)
    assert status["week"]["selfcare_days"] == 1
    assert status["streaks"]["selfcare"] == {"current": 1, "longest": 1}


def test_every_value_is_kept_and_minutes_read_as_the_form_reads_them(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = shell(db_path, capsys, "selfcare", "gym", "1h 15", "--before", "2", "--after", "4",
                 "--optimism", "3", "--note", "slow but good")
    assert said.line == "Self-care logged: gym, 75 min, energy 2 → 4."
    [entry] = journal(db_path).selfcare.all()
    assert (entry.day, entry.activity, entry.minutes, entry.energy_before, entry.energy_after,
            entry.optimism, entry.note) == (TODAY.isoformat(), "gym", 75, 2, 4, 3, "slow but good")


def test_time_with_someone_counts_as_a_hello(db_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, network)
    said = shell(db_path, capsys, "selfcare", "friends", "45", "--with", "priya")
    assert said.line == "Self-care logged: friends, 45 min, with Priya Shah (a hello noted)."
    j = journal(db_path)
    assert j.contacts.get("priya").last_contacted == TODAY.isoformat()  # type: ignore[union-attr]
    assert j.selfcare.all()[0].contact_id == "priya"


def test_two_people_of_one_name_are_told_apart_by_their_kind(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed(db_path, network)
    unsure = shell(db_path, capsys, "selfcare", "walk", "20", "--with", "sam")
    assert unsure.code == 4
    assert "fits 2 people" in unsure.line and 'like "Sam (mentor)"' in unsure.line
    assert db_path.read_bytes() == before
    sure = shell(db_path, capsys, "selfcare", "walk", "20", "--with", "Sam (mentor)")
    assert sure.code == 0
    assert journal(db_path).contacts.get("sam-m").last_contacted == TODAY.isoformat()  # type: ignore[union-attr]


def test_someone_not_in_the_network_is_refused_without_listing_who_is(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed(db_path, network)
    said = shell(db_path, capsys, "selfcare", "walk", "20", "--with", "Pat")
    assert said.code == 4
    assert said.line == ("resilience: Contact 'Pat' isn't anyone in your support network; add "
                         "them there first (n in the app), or leave the name out. "
                         "Nothing was saved.")
    assert "Priya" not in said.line and "Sam" not in said.line
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(("args", "reason"), [
    (["", "30"], "Activity is needed"),
    (["walk", "0"], "Minutes should be 1–1440"),
    (["walk", "a while"], "Minutes should be how long in minutes"),
    (["walk", "30", "--before", "6"], "Energy before should be 1–5, not 6"),
    (["walk", "30", "--after", "four"], "Energy after should be a whole number 1–5"),
    (["walk", "30", "--optimism", "0"], "Optimism should be 1–5, not 0"),
])
def test_a_refusal_names_the_field_and_saves_nothing(
        args: list[str], reason: str, db_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = seed(db_path, lambda s: None)
    said = shell(db_path, capsys, "selfcare", *args)
    assert said.code == 4
    assert said.line.startswith(f"resilience: {reason}") and said.line.endswith("saved.")
    assert db_path.read_bytes() == before
