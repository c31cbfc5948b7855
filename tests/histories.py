"""Histories for tests: years of the benchmarks' synthetic use written to a journal, and a
way to hold back the app's read of one, to look at the app before its history is in.

A plain module (like ``fixed_time``) so that unit and UI tests can both import it.
"""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest

from resilience_tui.clock import Clock
from resilience_tui.domain.models import Settings
from resilience_tui.storage.store import Store
from resilience_tui.storage.summary_file import summary_path

ROOT = Path(__file__).resolve().parents[1]


def named_journal(tmp_path: Path, clock: Clock) -> Path:
    """A new journal with only a name in its settings (past the welcome, nothing else)."""
    db = tmp_path / "data" / "resilience.json"
    store = Store(db, clock)
    settings = Settings()
    settings.name = "Sam"
    store.save_settings(settings)
    store.close()
    return db


def private_copy(history: Path, tmp_path: Path) -> Path:
    """A copy of ``history`` in a private folder of its own, as the app would keep it."""
    path = tmp_path / "data" / "resilience.json"
    path.parent.mkdir(mode=0o700)
    shutil.copy(history, path)
    return path


def synthetic_history(path: Path, years: int) -> Path:
    """Heavy daily use for ``years``, ending on the tests' Wednesday, as a journal at
    ``path`` with no summary beside it yet."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import synth
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    synth.write_database(synth.make_export(years, 1, synth.TODAY), path, synth.TODAY)
    summary_path(path).unlink(missing_ok=True)
    return path


def hold_back_reading(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Make every read of a journal file wait until the returned event is set: "before the
    history is in" is then certain, not a matter of timing."""
    go = threading.Event()
    read = Store._read

    def held_back(store: Store, **how: bool) -> None:
        assert go.wait(30)
        read(store, **how)

    monkeypatch.setattr(Store, "_read", held_back)
    return go
