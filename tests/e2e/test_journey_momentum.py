"""Journey: ten years of heavy use (the benchmarks' synthetic history), then Review's
momentum toward the yes, read in a real 80×24 terminal by scrolling down to it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tmux import Terminal

ROOT = Path(__file__).resolve().parents[2]


def ten_years_at(db: Path) -> None:
    """The synthetic history ending on the tests' Wednesday, imported into ``db``."""
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synth.py"), "--years", "10",
                    "--db", str(db)], cwd=ROOT, check=True, capture_output=True, timeout=120)


def test_review_shows_how_far_processes_got_and_what_lifts_after_ten_years(
    terminal: Terminal, db_path: Path
) -> None:
    ten_years_at(db_path)
    terminal.run_app()
    terminal.wait_for("Momentum")  # Today's panel: the history is there
    terminal.send_keys("v")
    terminal.wait_for("Review · Wed 11 Mar 2026")
    terminal.send_keys("End")
    end = terminal.wait_for("that doesn't mean one causes the other")  # the page's last line
    assert "Biggest energy lift: a walk, +0.9 on average (from 53 walks)." in end
    header = "applied screen interview final offer  moved on in"
    for _ in range(40):  # up, a line at a time (each one drawn before the next), to its head
        shown = terminal.capture()
        if header in shown:
            break
        terminal.send_keys("Up")
        terminal.wait_until(lambda before=shown: terminal.capture() != before,
                            "the page to scroll up")
    stages = terminal.wait_for(header)
    assert "Jan–Mar 2026        2      1         1     2     ·     2.2 days" in stages
    assert "Furthest so far: a final round, 74 times" in stages
