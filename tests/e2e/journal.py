"""Reading the journal the way a script would, while the journeys drive the app.

``resilience export`` and ``resilience status --json`` take no lock, so they can be
asked at any moment, with the app still open, and must agree with what Today shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from subprocess import CompletedProcess
from typing import Any

from tmux import Terminal

CLI = Callable[..., CompletedProcess[str]]


def _json(cli: CLI, *args: str, **env: str) -> dict[str, Any]:
    done = cli(*args, **env)
    assert done.returncode == 0, f"resilience {' '.join(args)} failed:\n{done.stderr}"
    assert "Traceback" not in done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, dict)
    return data


def exported(cli: CLI, **env: str) -> dict[str, Any]:
    """Everything in the journal, as ``resilience export`` (JSON) gives it."""
    return _json(cli, "export", **env)


def status(cli: CLI, **env: str) -> dict[str, Any]:
    """``resilience status --json``: streaks, open cool-downs, this week's figures."""
    return _json(cli, "status", "--json", **env)


def quit_app(terminal: Terminal) -> None:
    """Press q on Today and check the app left cleanly."""
    terminal.send_keys("q")
    assert terminal.wait_exit() == 0
    assert "Traceback" not in terminal.transcript()


def back_to_today(terminal: Terminal, closing_text: str) -> str:
    """Escape from a screen, wait until it is gone and Today is back; returns Today."""
    terminal.send_keys("Escape")
    terminal.wait_gone(closing_text)
    return terminal.wait_for("Cool-downs")


def past_the_welcome(terminal: Terminal) -> str:
    """A fresh journal's first run opens on the welcome: skip it (escape); returns Today."""
    terminal.wait_for("Three things to make it yours")
    terminal.send_keys("Escape")
    terminal.wait_gone("Three things to make it yours")
    return terminal.wait_for("This morning")
