"""Journey 1: a first morning. Check in by the fast path, tick the plan, quit, come back.

Only the keyboard, in a real terminal: ``m``, a mood, tab, an energy, tab, an intention,
ctrl+n for a plan item, ctrl+s; then tab to Today's checklist and space to tick it.
The tick must be in the file the moment it shows, and both must still be there after
the app is closed and opened again.
"""

from __future__ import annotations

from journal import CLI, exported, past_the_welcome, quit_app, status
from tmux import Terminal

INTENTION = "Two applications, then a walk"
ITEM = "Tailor my CV for the Lumen role"


def check_in(terminal: Terminal) -> None:
    terminal.send_keys("m")
    terminal.wait_for("Morning check-in · Wednesday 11 March")
    terminal.send_keys("4")
    terminal.wait_for_regex(r"Mood .*\[4\] 5\s+good")
    terminal.send_keys("Tab", "3")
    terminal.wait_for_regex(r"Energy .*\[3\] 4  5\s+steady")
    terminal.send_keys("Tab")
    terminal.type(INTENTION)
    terminal.wait_for(f"Intention   {INTENTION}")
    terminal.send_keys("C-n")  # a new plan row, the cursor in its words
    terminal.wait_for("what, with whom, where")
    terminal.type(ITEM)
    terminal.wait_for(ITEM)
    terminal.send_keys("C-s")
    terminal.wait_gone("Morning check-in")


def test_first_morning_check_in_tick_and_come_back(terminal: Terminal, cli: CLI) -> None:
    terminal.run_app()
    past_the_welcome(terminal)
    terminal.wait_for("No check-in yet today. Press m")

    check_in(terminal)
    today = terminal.wait_for("Plan · 0 of 1 done")
    assert "Mood 4 good · energy 3 steady" in today
    assert f"Intention {INTENTION}" in today
    assert f"[ ] apply · {ITEM}" in today

    # Back on Today the plan has focus, so space ticks at once (as the panel says).
    assert "space ticks" in today
    terminal.send_keys("Space")
    today = terminal.wait_for("Plan · 1 of 1 done")
    assert f"[✓] apply · {ITEM}" in today
    # Saved the moment it shows: the file says so while the app is still open.
    [item] = exported(cli)["checkins"][0]["plan"]
    assert item["done"] is True
    quit_app(terminal)

    terminal.run_app()
    again = terminal.wait_for("Plan · 1 of 1 done")
    assert f"Intention {INTENTION}" in again
    assert f"[✓] apply · {ITEM}" in again
    assert "Check-ins  1 day" in again
    quit_app(terminal)

    data = exported(cli)
    [checkin] = data["checkins"]
    assert (checkin["day"], checkin["mood"], checkin["energy"]) == ("2026-03-11", 4, 3)
    assert checkin["intention"] == INTENTION
    assert [(p["kind"], p["text"], p["done"]) for p in checkin["plan"]] == [
        ("apply", ITEM, True)]
    figures = status(cli)
    assert figures["checked_in_today"] is True
    assert figures["streaks"]["checkin"] == {"current": 1, "longest": 1}
    assert figures["week"]["applications"] == 1  # the ticked apply item counts
