"""Type-ahead under load: a key typed while a screen opens is never lost.

A person who knows the keys types ``s walk ⇥ 30 ^S`` without waiting for the form to
appear. Each journey here sends such a sequence in one ``tmux send-keys`` call while two
busy loops keep both cores at full load (so opening a screen takes far longer than the
keys take to arrive), ten times over in one run of the app, and checks in the journal
file that every one of the ten was saved exactly as typed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from journal import CLI, past_the_welcome, quit_app, status
from tmux import Terminal

RUNS = 10
BUSY_LOOPS = 2  # one per core of the machine the suite is sized for


@contextmanager
def cores_kept_busy(loops: int = BUSY_LOOPS) -> Iterator[None]:
    """Processes that spin until the block ends, as a busy build or a video call does."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"],
                                 stdin=subprocess.DEVNULL) for _ in range(loops)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait(timeout=10)


def journal_rows(db_path: Path, table: str) -> list[dict[str, Any]]:
    """The rows of one table as the app last wrote them (read without a subprocess, which
    would crawl under this load)."""
    if not db_path.exists():
        return []
    return list(json.loads(db_path.read_text(encoding="utf-8")).get(table, {}).values())


def burst_until_saved(terminal: Terminal, keys: list[str], form_title: str,
                      saved: Callable[[], bool], what: str) -> None:
    """Send ``keys`` in one call, then wait until the entry is in the file and its form
    has closed (failing with the screen shown if that never comes)."""
    terminal.send_keys(*keys)
    terminal.wait_until(lambda: saved() and form_title not in terminal.capture(), what)


def typed_ahead_every_run(terminal: Terminal, db_path: Path, table: str, keys: list[str],
                          form_title: str, what: str) -> list[dict[str, Any]]:
    """Send ``keys`` in one burst ``RUNS`` times with both cores busy, each a new row of
    ``table``; the rows written."""
    with cores_kept_busy():
        for run in range(1, RUNS + 1):
            burst_until_saved(
                terminal, keys, form_title,
                lambda run=run: len(journal_rows(db_path, table)) == run,
                f"{what} {run} of {RUNS} saved")
    return journal_rows(db_path, table)


def test_selfcare_typed_ahead_of_its_form_is_saved_every_time(
        terminal: Terminal, db_path: Path, cli: CLI) -> None:
    terminal.run_app()
    past_the_welcome(terminal)
    entries = typed_ahead_every_run(terminal, db_path, "selfcare",
                                    ["s", *"walk", "Tab", *"30", "C-s"],
                                    "Self-care check-in", "self-care")
    assert [(e["activity"], e["minutes"]) for e in entries] == [("walk", 30)] * RUNS
    assert status(cli)["week"]["selfcare_days"] == 1
    quit_app(terminal)


def test_checkin_typed_ahead_of_its_form_is_saved_every_time(
        terminal: Terminal, db_path: Path, cli: CLI) -> None:
    """One check-in a day: each run corrects today's with a new mood and energy, so a
    run whose keys went astray leaves the previous run's figures behind."""
    terminal.run_app()
    past_the_welcome(terminal)
    with cores_kept_busy():
        for run in range(1, RUNS + 1):
            mood, energy = 1 + run % 5, 1 + (run + 2) % 5

            def saved(mood: int = mood, energy: int = energy) -> bool:
                rows = journal_rows(db_path, "checkins")
                return [(c["mood"], c["energy"]) for c in rows] == [(mood, energy)]

            burst_until_saved(terminal, ["m", str(mood), "Tab", str(energy), "C-s"],
                              " check-in · ", saved,
                              f"check-in {run} of {RUNS} (mood {mood}, energy {energy})")
    assert status(cli)["streaks"]["checkin"]["current"] == 1
    quit_app(terminal)


def test_rejection_typed_ahead_of_its_form_is_saved_every_time(
        terminal: Terminal, db_path: Path, cli: CLI) -> None:
    """The company's "c" must reach the form, not open a cool-down from Today."""
    terminal.run_app()
    past_the_welcome(terminal)
    rejections = typed_ahead_every_run(terminal, db_path, "rejections",
                                       ["r", *"Acme", "Tab", *"QA", "C-s"],
                                       "Log a rejection", "rejection")
    assert [(r["company"], r["role"]) for r in rejections] == [("Acme", "QA")] * RUNS
    assert len(status(cli)["cooldowns"]) == RUNS
    quit_app(terminal)
