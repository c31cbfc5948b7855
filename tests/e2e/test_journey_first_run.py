"""Journey 0: the very first run, through the real ``resilience`` entry point."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from tmux import Terminal, console_script


def test_first_run_opens_today_and_creates_a_private_file(
    terminal: Terminal, home: Path, db_path: Path
) -> None:
    (home / "data").mkdir()  # an empty XDG_DATA_HOME, as on a fresh account
    terminal.run([console_script()])

    screen = terminal.wait_for("This morning")
    assert "Wednesday 11 March" in screen  # the fixed clock reached the app

    terminal.send_keys("?")
    terminal.wait_for("Everywhere")
    terminal.send_keys("Escape")
    terminal.wait_gone("Everywhere")
    terminal.wait_for("This morning")

    terminal.send_keys("q")
    assert terminal.wait_exit() == 0

    assert db_path.is_file()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    assert isinstance(json.loads(db_path.read_bytes()), dict)
