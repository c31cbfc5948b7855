"""Journey: a hard week's Wednesday on Today, in a real terminal.

Two rejections still cooling down, a five-item plan and a low mood most days (so the
care note shows): at 80×24 both cool-downs are on the screen without scrolling, the plan
folds under a "+N more below" line and every item can still be ticked from the
keyboard; at 60×20 the app copes and the cool-down is still one key away.
The journal is filled from the shell first, as a user of the command line would.
"""

from __future__ import annotations

from pathlib import Path

from journal import CLI, exported, quit_app
from tmux import Terminal

PLAN = ["apply: Send the Initech application", "outreach: Write to Priya about the team",
        "practice: Two STAR stories about conflict", "learn: SQL window functions, lesson 3",
        "follow-up: Ask Globex about next steps"]


def a_hard_week(cli: CLI) -> None:
    """Low mood on three mornings before today, a no yesterday and another this morning,
    and today's check-in with five plan items."""
    for day in ("08", "09", "10"):
        done = cli("checkin", "--mood", "2", "--energy", "2", RESILIENCE_NOW=f"2026-03-{day}T09:00")
        assert done.returncode == 0, done.stderr
    for company, role, when in (("Stark Industries", "Senior Data Analyst", "2026-03-10T17:00"),
                                ("Wayne Enterprises", "BI Developer", "2026-03-11T08:00")):
        done = cli("rejection", company, role, RESILIENCE_NOW=when)
        assert done.returncode == 0, done.stderr
    plan = [arg for item in PLAN for arg in ("--plan", item)]
    done = cli("checkin", "--mood", "2", "--energy", "2", "--intention", "One careful application",
               *plan, RESILIENCE_NOW="2026-03-11T08:30")
    assert done.returncode == 0, done.stderr


def test_both_cooldowns_stay_in_view_at_80x24(terminal: Terminal, cli: CLI) -> None:
    a_hard_week(cli)
    terminal.run_app()
    wanted = ("more below ↓", "Stark Industries", "Wayne Enterprises", "Your mood has been low",
              "Plan · 0 of 5 done", "Self-care and people")
    # The plan has folded to fit, and Today is drawn whole (a terminal can show the main
    # column a frame before the side one: that frame is not what this journey looks at).
    def whole() -> str | None:
        shown = terminal.capture()
        return shown if all(w in shown for w in wanted) else None

    screen = str(terminal.wait_until(whole, "Today drawn whole, the plan folded"))
    assert screen.index("Cool-downs") < screen.index("This morning")  # by priority
    assert "c opens Wayne Enterprises" in screen  # the most urgent: the freshest hurt

    # Every item of the folded plan, ticked from the keyboard; the cool-downs stay put.
    for n in range(1, len(PLAN) + 1):
        terminal.send_keys("Space")
        terminal.wait_for(f"Plan · {n} of 5 done")
        if n < len(PLAN):
            terminal.send_keys("Down")
    screen = terminal.wait_for("more above ↑")
    assert "Stark Industries" in screen and "Wayne Enterprises" in screen
    [today] = [c for c in exported(cli)["checkins"] if c["day"] == "2026-03-11"]
    assert [p["done"] for p in today["plan"]] == [True] * len(PLAN)
    quit_app(terminal)


def test_at_60x20_the_cooldown_is_still_one_key_away(tmp_path: Path, env: dict[str, str],
                                                      cli: CLI) -> None:
    a_hard_week(cli)
    folder = tmp_path / "small"
    folder.mkdir()
    small = Terminal(folder, env, size=(60, 20))
    try:
        small.run_app()
        small.wait_for("c opens Wayne")  # (the column may then scroll to the plan)
        small.send_keys("c")
        small.wait_for("Wayne Enterprises · BI Developer")
        small.send_keys("Escape")
        small.wait_gone("How it feels")
        small.wait_for("Good morning.")
        small.send_keys("Tab")  # from the plan to the cool-downs: scrolled into view
        small.wait_for("c or enter opens Wayne")
        small.wait_for("Stark Industries")  # the whole list in view
        quit_app(small)
    finally:
        small.close()
