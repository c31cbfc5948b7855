"""Journey 0: the very first run, through the real ``resilience`` entry point.

A fresh journal opens on the welcome; the name given there is kept, ``status`` reads the
same before and after, and the next start opens on Today. Skipping with escape is the
other way through: it never comes back either.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

from journal import CLI, past_the_welcome, quit_app, status
from tmux import Terminal, console_script

WELCOME = "Three things to make it yours"


def test_first_run_welcomes_keeps_the_name_and_creates_a_private_file(
    terminal: Terminal, home: Path, db_path: Path, cli: CLI
) -> None:
    (home / "data").mkdir()  # an empty XDG_DATA_HOME, as on a fresh account
    before = status(cli)
    terminal.run([console_script()])

    terminal.wait_for(WELCOME)
    terminal.wait_for("a two-day cool-down")
    terminal.type("Alex Rivera")
    terminal.wait_for_regex(r"Your name\s+Alex Rivera")  # typed, not the "e.g." placeholder
    terminal.send_keys("C-s")
    screen = terminal.wait_for("This morning")
    assert "Wednesday 11 March" in screen  # the fixed clock reached the app
    assert WELCOME not in screen

    terminal.send_keys("?")
    terminal.wait_for("Everywhere")
    terminal.send_keys("Escape")
    terminal.wait_gone("Everywhere")
    terminal.wait_for("This morning")
    quit_app(terminal)

    assert db_path.is_file()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    saved = json.loads(db_path.read_bytes())["settings"]["1"]
    assert saved["name"] == "Alex Rivera" and saved["welcomed"] is True
    assert status(cli) == before

    terminal.run([console_script()])  # the next morning's start: straight to Today
    terminal.wait_for("This morning")
    assert WELCOME not in terminal.capture()
    quit_app(terminal)


def test_escape_skips_the_welcome_for_good_and_help_brings_it_back(
    terminal: Terminal, cli: CLI
) -> None:
    before = status(cli)
    terminal.run_app()
    past_the_welcome(terminal)  # escape
    quit_app(terminal)
    assert status(cli) == before

    terminal.run_app()
    terminal.wait_for("This morning")
    assert WELCOME not in terminal.capture()
    terminal.send_keys("?")
    terminal.wait_for("w: the welcome page again")
    terminal.send_keys("w")
    terminal.wait_for(WELCOME)
    terminal.send_keys("Escape")
    terminal.wait_gone(WELCOME)
    terminal.wait_for("This morning")
    quit_app(terminal)
