"""Journey: yesterday corrected and a mistake deleted, from History, in a real terminal.

Day 1 (Wednesday): a check-in (mood 2) and a walk; an export kept aside. Day 2
(Thursday, RESILIENCE_NOW moved on): History (h) finds Wednesday, ``e`` opens its
check-in, mood 4, ctrl+s; ``d`` ``y`` deletes the walk, ``u`` brings it back,
``d`` ``y`` again. Then the older export is imported: the walk stays deleted, and
``--dry-run`` says so. The file says what the screen said all along.
"""

from __future__ import annotations

from pathlib import Path

from journal import CLI, exported, past_the_welcome, quit_app, status
from test_journey_selfcare_review import log_walk
from tmux import Terminal

DAY2 = {"RESILIENCE_NOW": "2026-03-12T09:00"}


def day_one(terminal: Terminal) -> None:
    terminal.run_app()
    past_the_welcome(terminal)
    terminal.wait_for("Nothing logged yet today.")
    terminal.send_keys("m")
    terminal.wait_for("Morning check-in")
    terminal.send_keys("2")
    terminal.wait_for_regex(r"Mood .*\[2\] 3")
    terminal.send_keys("Tab", "3", "C-s")
    terminal.wait_gone("Morning check-in")
    log_walk(terminal)
    quit_app(terminal)


def test_yesterday_corrected_and_a_deletion_that_stays(
        terminal: Terminal, cli: CLI, tmp_path: Path) -> None:
    day_one(terminal)
    before = exported(cli)
    [checkin] = before["checkins"]
    older = tmp_path / "before.json"
    assert cli("export", "--output", str(older)).returncode == 0
    streaks = status(cli, **DAY2)["streaks"]

    terminal.run_app(env=DAY2)
    terminal.wait_for("Thursday 12 March")
    terminal.send_keys("h")
    terminal.wait_for("Wednesday 11 March 2026")
    terminal.wait_for("Check-in · mood 2 · energy 3")
    terminal.send_keys("e")
    terminal.wait_for("Edit the check-in of yesterday")
    terminal.send_keys("4")
    terminal.wait_for_regex(r"Mood .*\[4\] 5")
    terminal.send_keys("C-s")
    terminal.wait_for("Check-in · mood 4 · energy 3")

    terminal.send_keys("Down", "d")
    terminal.wait_for("Delete this self-care entry from 11 March?")
    terminal.send_keys("y")
    terminal.wait_for("Press u to undo")
    terminal.wait_gone("Self-care · walk, 30 min")
    assert exported(cli, **DAY2)["selfcare"] == []
    terminal.send_keys("u")
    terminal.wait_for("Self-care · walk, 30 min")
    terminal.send_keys("Down", "d")  # the cursor moved up when the walk went
    terminal.wait_for("Delete this self-care entry from 11 March?")
    terminal.send_keys("y")
    terminal.wait_gone("Delete this self-care entry")
    terminal.wait_gone("Self-care · walk, 30 min")
    terminal.send_keys("Escape")
    terminal.wait_for("Thursday 12 March · Good morning")
    quit_app(terminal)

    after = exported(cli, **DAY2)
    [edited] = after["checkins"]
    assert (edited["id"], edited["mood"]) == (checkin["id"], 4)
    assert edited["updated_at"] > checkin["updated_at"]
    assert after["selfcare"] == []
    assert [t["table"] for t in after["deleted"]] == ["selfcare"]
    now = status(cli, **DAY2)["streaks"]
    assert now["checkin"] == streaks["checkin"]  # the edit changed no day
    assert now["selfcare"]["longest"] == 0 < streaks["selfcare"]["longest"]  # recomputed

    dry = cli("import", str(older), "--dry-run", **DAY2)
    assert dry.returncode == 0
    assert "1 kept deleted" in dry.stdout
    done = cli("import", str(older), **DAY2)
    assert done.returncode == 0, done.stderr
    assert exported(cli, **DAY2)["selfcare"] == []
