"""Journey 4: a newcomer meets a database already open elsewhere, and a damaged file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from journal import past_the_welcome
from tmux import Terminal

CLI = Callable[..., CompletedProcess[str]]


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got:\n{text}"
    assert "Traceback" not in text
    return lines[0]


def test_a_second_window_is_turned_away_and_the_first_keeps_working(
    terminal: Terminal, cli: CLI, tmp_path: Path, env: dict[str, str]
) -> None:
    db = tmp_path / "journal" / "resilience.json"
    terminal.run_app("--db", str(db))
    past_the_welcome(terminal)
    terminal.wait_for("This morning")

    # A second window: a real terminal too (without one the app would not even try).
    (tmp_path / "second").mkdir()
    second = Terminal(tmp_path / "second", env)
    try:
        second.run_app("--db", str(db))
        assert second.wait_exit() == 3
        said = second.transcript()
        line = " ".join(said.split())
        assert str(db) in "".join(said.split())  # a long path may wrap at the pane's edge
        assert "another resilience window" in line
        assert "status" in line  # it says what still works
        assert "Traceback" not in line
    finally:
        second.close()

    status = cli("--db", str(db), "status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.strip() and not status.stderr

    terminal.send_keys("?")
    terminal.wait_for("Everywhere")
    terminal.send_keys("Escape")
    terminal.wait_gone("Everywhere")
    terminal.send_keys("q")
    assert terminal.wait_exit() == 0


def test_a_damaged_file_is_named_left_alone_and_explained(
    terminal: Terminal, cli: CLI, db_path: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    damaged = b'{"_meta": {"1": {"schema": 1}}, "checkins": {"1": {"day": "2026-03-10", "mo'
    db_path.write_bytes(damaged)

    terminal.run_app()
    assert terminal.wait_exit() == 4
    shown = terminal.transcript()
    message = [line for line in shown.splitlines() if line.startswith("resilience:")]
    assert len(message) == 1, shown
    assert str(db_path) in message[0]
    assert "resilience doctor" in message[0] and "resilience restore" in message[0]
    assert "Traceback" not in shown
    assert db_path.read_bytes() == damaged

    doctor = cli("doctor")
    assert doctor.returncode == 1
    assert str(db_path) in doctor.stdout and "Traceback" not in doctor.stdout + doctor.stderr
    assert db_path.read_bytes() == damaged
