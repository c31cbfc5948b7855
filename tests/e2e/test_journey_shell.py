"""A day logged from the shell alone, through the installed ``resilience`` command: no
terminal, no app. What each entry saved shows in ``status --json`` and the export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
from tmux import run_script

Shell = Callable[..., CompletedProcess[str]]


@pytest.fixture
def resilience(env: dict[str, str]) -> Shell:
    """``resilience(ARGS…, VAR=value)``: the console script in the journey's environment."""

    def run(*args: str, **overrides: str) -> CompletedProcess[str]:
        done = run_script(args, {**env, **overrides})
        assert "Traceback" not in done.stderr
        return done

    return run


def one_line(done: CompletedProcess[str]) -> str:
    text = done.stdout or done.stderr
    assert not (done.stdout and done.stderr) and text.count("\n") == 1, text
    return text.rstrip("\n")


def status(resilience: Shell) -> dict[str, Any]:
    done = resilience("status", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == 1
    return data


def test_a_walk_from_the_shell_shows_in_status(resilience: Shell) -> None:
    walk = resilience("selfcare", "walk", "30", "--after", "4")
    assert walk.returncode == 0
    assert one_line(walk) == "Self-care logged: walk, 30 min, energy after 4."
    data = status(resilience)
    assert data["today"] == "2026-03-11"
    assert data["week"]["selfcare_days"] == 1
    assert data["streaks"]["selfcare"]["current"] == 1


def test_a_mood_of_9_is_refused_naming_mood_and_the_file_is_untouched(
        resilience: Shell, db_path: Path) -> None:
    assert resilience("selfcare", "walk", "30").returncode == 0
    before = db_path.read_bytes()
    refused = resilience("checkin", "--mood", "9", "--energy", "3")
    assert refused.returncode == 4
    assert refused.stdout == ""
    assert "mood" in one_line(refused).lower()
    assert db_path.read_bytes() == before


def test_remind_nudges_before_the_check_in_and_is_quiet_after(resilience: Shell) -> None:
    yesterday = resilience("checkin", "--mood", "3", "--energy", "3",
                           RESILIENCE_NOW="2026-03-10T08:00")
    assert yesterday.returncode == 0
    before = resilience("remind", RESILIENCE_NOW="2026-03-11T09:00")
    assert before.returncode == 0
    assert before.stderr == "" and before.stdout.count("\n") == 1
    assert resilience("checkin", "--mood", "3", "--energy", "4").returncode == 0
    after = resilience("remind", RESILIENCE_NOW="2026-03-11T18:30")
    assert (after.returncode, after.stdout, after.stderr) == (0, "", "")


def test_a_rejection_from_the_shell_is_an_open_cool_down(resilience: Shell) -> None:
    logged = resilience("rejection", "Acme", "QA Lead", "--stage", "interview",
                        "--on", "yesterday")
    assert logged.returncode == 0 and one_line(logged).startswith("Logged: Acme, QA Lead.")
    [cooldown] = status(resilience)["cooldowns"]
    assert cooldown == {"company": "Acme", "role": "QA Lead", "step": "acknowledge", "day": 1,
                        "days": 2, "step_opens_on": "2026-03-11"}


def test_rest_and_done_round_trip(resilience: Shell) -> None:
    rest = resilience("rest", "yesterday")
    assert rest.returncode == 0 and "rest day" in one_line(rest)
    again = resilience("rest", "2026-03-10")
    assert (again.returncode, one_line(again)) == (0, "Tue 10 Mar 2026 is already a rest day.")

    checkin = resilience("checkin", "--mood", "4", "--energy", "3",
                         "--plan", "apply: Acme, backend role", "--plan", "practice: mock call")
    assert checkin.returncode == 0
    ticked = resilience("done", "mock")
    assert one_line(ticked) == "Ticked: practice: mock call (1 of 2 done)."
    assert resilience("done", "1").returncode == 0
    listed = resilience("done")
    assert listed.stdout.splitlines() == ["1 ✓ apply: Acme, backend role",
                                          "2 ✓ practice: mock call"]

    data = status(resilience)
    assert data["checked_in_today"] is True
    assert (data["week"]["applications"], data["week"]["practice"]) == (1, 1)
    exported = json.loads(resilience("export").stdout)
    assert exported["rest_days"] == ["2026-03-10"]
    [today] = exported["checkins"]
    assert [p["done"] for p in today["plan"]] == [True, True]
