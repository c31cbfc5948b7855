"""Journey: the app answers. A heavy first morning and a finished plan, in a real terminal.

Someone who logged a walk two days ago (energy 2 → 4) opens the app for the first time
and checks in at mood 1. A notice in the corner welcomes the first check-in and offers the
walk, by name; Today stays usable underneath, with nothing to dismiss. Ticking the only
plan item brings a second line. Which words come is chance, so the journey checks that
they are one of ours, and what they must contain.
"""

from __future__ import annotations

import re

from journal import CLI, exported, past_the_welcome, quit_app
from tmux import Terminal

from resilience_tui.domain.answers import LINES

ITEM = "Send the Lumen application"


def notices(screen: str) -> str:
    """The text of the toasts on screen (each line after its ▌ edge), as one line."""
    parts = [line.split("▌", 1)[1] for line in screen.splitlines() if "▌" in line]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def heavy_first_morning(terminal: Terminal) -> None:
    terminal.send_keys("m")
    terminal.wait_for("Morning check-in · Wednesday 11 March")
    terminal.send_keys("1")
    terminal.wait_for_regex(r"Mood .*\[1\] 2")
    terminal.send_keys("Tab", "2")
    terminal.wait_for_regex(r"Energy .*\[2\] 3")
    terminal.send_keys("Tab", "C-n")
    terminal.wait_for("what, with whom, where")
    terminal.type(ITEM)
    terminal.wait_for(ITEM)
    terminal.send_keys("C-s")
    terminal.wait_gone("Morning check-in")


def test_a_heavy_first_morning_is_answered_with_an_offer_then_the_plan_done(
        terminal: Terminal, cli: CLI) -> None:
    logged = cli("selfcare", "walk", "25", "--before", "2", "--after", "4",
                 RESILIENCE_NOW="2026-03-09T18:00")
    assert logged.returncode == 0, logged.stderr
    terminal.run_app()
    terminal.wait_for("This morning")
    heavy_first_morning(terminal)

    screen = terminal.wait_for("▌")
    said = notices(screen)
    assert any(line in said for line in LINES["first_checkin"]), said
    assert "walk" in said  # the offer names what helped before
    assert "!" not in said
    assert "Mood 1 very low" in screen  # Today shows under the notice: nothing to dismiss

    terminal.send_keys("Space")  # the plan has focus on Today: space ticks
    screen = terminal.wait_for("Plan · 1 of 1 done")
    terminal.wait_until(lambda: any(line in notices(terminal.capture())
                                    for line in LINES["plan_done"]), "the plan-done line")
    quit_app(terminal)

    [checkin] = exported(cli)["checkins"]
    assert (checkin["mood"], checkin["plan"][0]["done"]) == (1, True)


def test_the_first_run_welcome_then_a_first_check_in_is_answered(terminal: Terminal) -> None:
    terminal.run_app()
    past_the_welcome(terminal)
    terminal.send_keys("m")
    terminal.wait_for("Morning check-in")
    terminal.send_keys("4", "Tab", "3", "C-s")
    terminal.wait_gone("Morning check-in")
    terminal.wait_until(lambda: any(line in notices(terminal.capture())
                                    for line in LINES["first_checkin"]), "the first line")
    quit_app(terminal)
