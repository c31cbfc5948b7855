"""Closing the terminal window right after a save keeps the entry.

The app shows a save at once and writes the file a moment later (behind the repaint).
Closing the window sends the app SIGHUP; the app must then end as ``q`` does, writing
what is due, rather than vanish with the entry only in memory. The app runs here on a
slow disk (``slow_disk.py``), so the write is certainly under way when the window closes.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from journal import past_the_welcome
from tmux import Terminal

from resilience_tui.storage.lock import WriterLock

ENDED_WITHIN = 20.0  # seconds: only stops a broken run from hanging
SLOW_DISK = [sys.executable, str(Path(__file__).with_name("slow_disk.py"))]


def test_an_entry_saved_just_before_the_window_closes_is_in_the_file(
        terminal: Terminal, db_path: Path) -> None:
    terminal.run(SLOW_DISK)
    past_the_welcome(terminal)
    terminal.send_keys("s")
    terminal.wait_for("Self-care check-in")
    terminal.send_keys(*"walk", "Tab", *"30", "C-s")
    terminal.wait_for("Today: walk 30 min")  # saved, as the screen says: now being written
    terminal.close()  # the window is closed: the app gets SIGHUP
    lock = WriterLock(db_path)
    deadline = time.monotonic() + ENDED_WITHIN
    while lock.is_held_elsewhere() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not lock.is_held_elsewhere(), "the app did not end after its window closed"
    rows = json.loads(db_path.read_text(encoding="utf-8")).get("selfcare", {}).values()
    assert [(r["activity"], r["minutes"]) for r in rows] == [("walk", 30)]
    assert not list(db_path.parent.glob("*.crash-*")), "the app crashed as it ended"
