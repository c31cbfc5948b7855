"""Journey 2: a rejection over two days, with Today and ``resilience status`` agreeing.

Day 1 (Wednesday): log it, acknowledge how it feels; reflecting waits for tomorrow.
Day 2 (Thursday, a new run of the app with the clock moved on through RESILIENCE_NOW):
reflect, save the feedback draft as a private file, move on. After each step the
cool-down as Today lists it and as ``status --json`` reports it must say the same.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from journal import CLI, back_to_today, exported, past_the_welcome, quit_app, status
from tmux import Terminal

DAY2 = {"RESILIENCE_NOW": "2026-03-12T09:00"}
JOURNAL = "A rough morning, but I am okay."
NOTE = "SQL depth"
WENT_WELL = "Clear answers about testing"


def only_cooldown(figures: dict[str, Any]) -> dict[str, Any]:
    [open_one] = figures["cooldowns"]
    assert (open_one["company"], open_one["role"], open_one["days"]) == (
        "Acme Corp", "QA Lead", 2)
    return open_one


def log_rejection(terminal: Terminal) -> None:
    terminal.send_keys("r")
    terminal.wait_for("Log a rejection")
    terminal.type("Acme Corp")
    terminal.send_keys("Tab")
    terminal.type("QA Lead")
    terminal.wait_for_regex(r"Role\s+QA Lead")
    terminal.send_keys("C-s")
    terminal.wait_gone("Log a rejection")


def acknowledge(terminal: Terminal) -> None:
    terminal.send_keys("c")
    terminal.wait_for("How it feels")
    assert "▶ acknowledge ─ ○ reflect ─ ○ move on" in terminal.capture()
    terminal.send_keys("Space")  # the first word, "hurt", at 50
    terminal.wait_for("✓hurt")
    terminal.wait_for_regex(r"hurt\s+50\s")
    # Own words, hurt's intensity, then the journal.
    terminal.send_keys("Tab", "Tab", "Tab")
    terminal.type(JOURNAL)
    terminal.wait_for(JOURNAL)
    terminal.send_keys("C-s")
    terminal.wait_for("Reflecting opens tomorrow (Thursday 12 March).")
    assert "✓ acknowledge ─ ◷ reflect ─ ○ move on" in terminal.capture()


def reflect(terminal: Terminal, feedback_file: Path) -> None:
    terminal.send_keys("c")
    terminal.wait_for("What may have played a part")
    assert "✓ acknowledge ─ ▶ reflect ─ ○ move on" in terminal.capture()
    terminal.send_keys("Space", "Tab")  # tick "skill gap", then its note
    terminal.type(NOTE)
    terminal.wait_for(NOTE)
    # The six other reasons (tick + note each), the six thinking traps, the kinder
    # thought: twenty tabs to "What went well".
    terminal.send_keys(*["Tab"] * 20)
    terminal.type(WENT_WELL)
    terminal.wait_for_regex(rf"What went well\n\s+{WENT_WELL}")
    # Do differently, the subject, the message, "Copy message", "Save to file".
    terminal.send_keys(*["Tab"] * 5)
    terminal.wait_for("Copy message    Save to file")
    terminal.send_keys("Enter")
    terminal.wait_for("only you can read")  # the path before it may wrap the line
    assert feedback_file.is_file()
    assert stat.S_IMODE(feedback_file.stat().st_mode) == 0o600
    text = feedback_file.read_text(encoding="utf-8")
    assert text.startswith("Subject: ") and "QA Lead role at Acme Corp" in text
    terminal.send_keys("C-s")
    terminal.wait_for("How do these feel now?")
    assert "✓ acknowledge ─ ✓ reflect ─ ▶ move on" in terminal.capture()


def move_on(terminal: Terminal) -> None:
    terminal.send_keys("c")
    terminal.wait_for("How do these feel now?")
    terminal.type("20")  # hurt, 50 on day 1, is 20 now
    terminal.wait_for_regex(r"hurt\s+50 →\s+20\s")
    terminal.send_keys("Tab", "Space")  # tick "similar roles"
    terminal.wait_for_regex(r"✓.? similar roles")
    terminal.send_keys("C-s")
    terminal.wait_for("Close this cool-down? You can reopen it from History.")
    terminal.send_keys("y")
    done = terminal.wait_for("✓ Done. You moved on today, on day 2.")
    assert "hurt 50 → 20" in done and WENT_WELL in done
    assert "Look for two more roles like QA Lead" in done


def test_a_rejection_over_two_days(terminal: Terminal, cli: CLI, db_path: Path) -> None:
    # Day 1 ------------------------------------------------------------------
    terminal.run_app()
    past_the_welcome(terminal)
    terminal.wait_for("No cool-down running")
    log_rejection(terminal)
    today = terminal.wait_for("Acme Corp · QA Lead · day 1 of 2")
    assert "ready for a first, gentle step" in today
    shown = only_cooldown(status(cli))
    assert (shown["step"], shown["day"], shown["step_opens_on"]) == (
        "acknowledge", 1, "2026-03-11")

    acknowledge(terminal)
    shown = only_cooldown(status(cli))
    assert (shown["step"], shown["day"], shown["step_opens_on"]) == (
        "reflect", 1, "2026-03-12")
    today = back_to_today(terminal, "Reflecting opens")
    assert "Acme Corp · QA Lead · day 1 of 2" in today
    assert "looking back opens tomorrow" in today
    quit_app(terminal)

    # Day 2 ------------------------------------------------------------------
    terminal.run_app(env=DAY2)
    today = terminal.wait_for("Thursday 12 March")
    assert "Acme Corp · QA Lead · day 2 of 2" in today
    assert "ready to look back" in today
    shown = only_cooldown(status(cli, **DAY2))
    assert (shown["step"], shown["day"], shown["step_opens_on"]) == (
        "reflect", 2, "2026-03-12")

    feedback_file = db_path.parent / "feedback" / "acme-corp-2026-03-11.txt"
    reflect(terminal, feedback_file)
    shown = only_cooldown(status(cli, **DAY2))
    assert (shown["step"], shown["day"]) == ("move_on", 2)
    today = back_to_today(terminal, "How do these feel now?")
    assert "Acme Corp · QA Lead · day 2 of 2" in today
    assert "ready to move on" in today

    move_on(terminal)
    figures = status(cli, **DAY2)
    assert figures["cooldowns"] == []
    assert figures["week"]["cooldowns_completed"] == 1
    assert figures["week"]["rejections_logged"] == 1
    today = back_to_today(terminal, "✓ Done.")
    assert "No cool-down running" in today
    assert "Acme Corp · QA Lead" not in today  # off the panel (the closing notice names it)
    quit_app(terminal)

    # The file tells the same story --------------------------------------------
    data = exported(cli, **DAY2)
    [r] = data["rejections"]
    c = r["cooldown"]
    assert (c["acknowledged_on"], c["reflected_on"], c["moved_on_on"]) == (
        "2026-03-11", "2026-03-12", "2026-03-12")
    assert [(f["name"], f["before"], f["after"]) for f in c["feelings"]] == [("hurt", 50, 20)]
    assert c["journal"] == JOURNAL
    assert [(x["tag"], x["note"]) for x in c["reasons"]] == [("skill gap", NOTE)]
    assert c["went_well"] == WENT_WELL
    [action] = data["actions"]
    assert (action["kind"], action["status"]) == ("similar roles", "open")
