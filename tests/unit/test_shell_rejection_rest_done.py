"""``resilience rejection``, ``rest`` and ``done``: a cool-down started from the shell, a
rest day marked (never unmarked by a second run), and a plan item ticked by number or words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixed_time import TODAY, YESTERDAY
from shell_helpers import journal, pinned_now, seed, shell  # noqa: F401 (pinned_now: autouse)

from resilience_tui.domain.checkin import checkin_for_day
from resilience_tui.domain.models import CheckIn, Contact, PlanItem, Settings
from resilience_tui.storage.store import Store

# --- rejection -------------------------------------------------------------------------


def test_a_rejection_starts_an_open_cool_down(db_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    said = shell(db_path, capsys, "rejection", "Acme", "QA Lead", "--stage", "interview",
                 "--on", "yesterday")
    assert said.code == 0
    assert said.line == ("Logged: Acme, QA Lead. Its cool-down has started: say how it feels "
                         "in the app (c) when you're ready; looking back opens tomorrow.")
    [r] = journal(db_path).rejections.all()
    assert (r.stage, r.received_on, r.logged_on) == ("interview", YESTERDAY.isoformat(),
                                                     TODAY.isoformat())
    status = json.loads(shell(db_path, capsys, "status", "--json").out)
    assert status["cooldowns"] == [{"company": "Acme", "role": "QA Lead", "step": "acknowledge",
                                    "day": 1, "days": 2, "step_opens_on": TODAY.isoformat()}]


@pytest.mark.parametrize(("args", "reason"), [
    (["Acme", "QA", "--stage", "final round"], "Stage should be one of applied, screen"),
    (["Acme", "QA", "--on", "tomorrow"], "Date received can't be Thursday 12 March"),
    (["Acme", "QA", "--on", "someday"], "Date received 'someday' isn't a day we can read"),
    (["", "QA"], "Company is needed"),
])
def test_a_refused_rejection_says_why_and_saves_nothing(
        args: list[str], reason: str, db_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = seed(db_path, lambda s: None)
    said = shell(db_path, capsys, "rejection", *args)
    assert said.code == 4 and said.line.startswith(f"resilience: {reason}")
    assert db_path.read_bytes() == before


# --- rest ------------------------------------------------------------------------------


def rest_days(db: Path) -> list[str]:
    return sorted(r.day for r in journal(db).rest_days.all())


def test_rest_marks_today_and_a_second_run_keeps_it_marked(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = shell(db_path, capsys, "rest")
    assert first.code == 0
    assert first.line == ("Wed 11 Mar 2026 is a rest day: it keeps your streak going without "
                          "adding to it.")
    before = db_path.read_bytes()
    again = shell(db_path, capsys, "rest", "today")
    assert (again.code, again.line) == (0, "Wed 11 Mar 2026 is already a rest day.")
    assert db_path.read_bytes() == before
    assert rest_days(db_path) == [TODAY.isoformat()]


def test_rest_bridges_a_missed_day_in_the_streak(db_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, lambda s: s.checkins.put(CheckIn(day="2026-03-09", mood=3, energy=3)))
    assert shell(db_path, capsys, "rest", "yesterday").code == 0
    assert rest_days(db_path) == [YESTERDAY.isoformat()]
    status = json.loads(shell(db_path, capsys, "status", "--json").out)
    assert status["streaks"]["checkin"]["current"] == 1  # Monday's, carried over Tuesday


def test_a_day_that_needs_no_mark_gets_none(db_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    def week(store: Store) -> None:
        store.save_settings(Settings(rest_weekdays=[6]))
        store.checkins.put(CheckIn(day=YESTERDAY.isoformat(), mood=3, energy=3))

    seed(db_path, week)
    checked = shell(db_path, capsys, "rest", "yesterday")
    assert checked.line == "You checked in on Tue 10 Mar 2026, so that day already counts."
    sunday = shell(db_path, capsys, "rest", "last sunday")
    assert sunday.line == "Sundays are already rest days in your settings."
    assert rest_days(db_path) == []


def test_a_rest_day_to_come_or_unreadable_is_refused(db_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    for words, reason in (("tomorrow", "Rest day can't be Thursday 12 March"),
                          ("soon", "Rest day 'soon' isn't a day we can read")):
        said = shell(db_path, capsys, "rest", words)
        assert said.code == 4 and said.line.startswith(f"resilience: {reason}")
    assert not db_path.exists()


# --- done ------------------------------------------------------------------------------

PLAN = (PlanItem(kind="apply", text="Acme, backend role"),
        PlanItem(kind="apply", text="Globex, QA role"),
        PlanItem(kind="outreach", text="Coffee with Priya"),
        PlanItem(kind="practice", text="Two STAR stories about acme"))


def planned(store: Store) -> None:
    store.contacts.put(Contact(id="priya", name="Priya", kind="friend"))
    store.checkins.put(CheckIn(day=TODAY.isoformat(), mood=3, energy=3, plan=list(PLAN)))


def ticks(db: Path) -> list[bool]:
    found = checkin_for_day(journal(db).checkins.all(), TODAY.isoformat())
    assert found is not None
    return [p.done for p in found.plan]


@pytest.mark.parametrize(("words", "position"), [
    ("2", 2),
    ("ACME, backend role", 1),    # the whole text, in any case
    ("two star", 4),              # a unique start
    ("qa role", 2),               # a unique part
    ("acme", 1),                  # a unique start wins over a part elsewhere
    ("practice: acme", 4),        # the kind narrows it
])
def test_done_ticks_the_item_named_by_number_or_words(
        words: str, position: int, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, planned)
    said = shell(db_path, capsys, "done", words)
    assert said.code == 0
    item = PLAN[position - 1]
    assert said.line == f"Ticked: {item.kind}: {item.text} (1 of 4 done)."
    assert ticks(db_path) == [n == position for n in range(1, 5)]


def test_ambiguous_words_list_the_candidates_and_tick_nothing(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed(db_path, planned)
    said = shell(db_path, capsys, "done", "role")
    assert said.code == 4
    assert said.line == ("resilience: Plan item 'role' fits 2 items (1 apply: Acme, backend "
                         "role; 2 apply: Globex, QA role); give its number or more words. "
                         "Nothing was saved.")
    assert db_path.read_bytes() == before


def test_a_done_outreach_item_counts_as_a_hello(db_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, planned)
    assert shell(db_path, capsys, "done", "coffee").code == 0
    assert journal(db_path).contacts.get("priya").last_contacted == TODAY.isoformat()  # type: ignore[union-attr]
    assert json.loads(shell(db_path, capsys, "status", "--json").out)["week"]["outreach"] == 1


def test_an_item_ticked_already_is_said_so_and_nothing_is_written(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, planned)
    shell(db_path, capsys, "done", "1")
    before = db_path.read_bytes()
    said = shell(db_path, capsys, "done", "1")
    assert (said.code, said.line) == (0, "Already ticked: apply: Acme, backend role "
                                         "(1 of 4 done).")
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(("words", "reason"), [
    ("5", "Plan item 5 isn't on today's plan, which has 4 items"),
    ("0", "Plan item 0 isn't on today's plan"),
    ("lunch", "Plan item 'lunch' isn't on today's plan; give its number (1 to 4)"),
])
def test_an_item_not_on_the_plan_is_refused(
        words: str, reason: str, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, planned)
    said = shell(db_path, capsys, "done", words)
    assert said.code == 4 and said.line.startswith(f"resilience: {reason}")
    assert ticks(db_path) == [False] * 4


def test_without_a_check_in_today_there_is_nothing_to_tick(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = shell(db_path, capsys, "done", "1")
    assert said.code == 4
    assert said.line.startswith("resilience: Today's plan has nothing to tick yet: there's no "
                                "check-in today")
    assert not db_path.exists()
    yesterday = CheckIn(day=YESTERDAY.isoformat(), mood=3, energy=3, plan=list(PLAN))
    before = seed(db_path, lambda s: s.checkins.put(yesterday))
    assert shell(db_path, capsys, "done", "1").code == 4  # yesterday's plan stays as it was
    assert db_path.read_bytes() == before


def test_done_alone_lists_todays_plan_numbered(db_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert shell(db_path, capsys, "done").out == "No check-in today yet, so no plan to list.\n"
    assert not db_path.exists()
    seed(db_path, planned)
    shell(db_path, capsys, "done", "3")
    listed = shell(db_path, capsys, "done")
    assert listed.code == 0
    assert listed.out.splitlines() == ["1 apply: Acme, backend role", "2 apply: Globex, QA role",
                                       "3 ✓ outreach: Coffee with Priya",
                                       "4 practice: Two STAR stories about acme"]
