"""Shared fixtures: a fixed clock, a store in a temporary folder, and the app on both."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fixed_time import NOW, TODAY, ZONE, make_clock  # tests/ is on the path (rootdir imports)

from resilience_tui.clock import FixedClock
from resilience_tui.journal import open_journal
from resilience_tui.storage import atomic
from resilience_tui.storage.store import Store

__all__ = ["NOW", "TODAY", "ZONE"]  # the pinned moment: import them from fixed_time


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collecting built (the modules, the tests' parameters) lives to the end: the
    collector's full passes skip it from here on. About 13 % less CPU in the UI tests, whose
    apps make many objects (two screens' test files: 41.0 → 35.7 s user)."""
    import gc

    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _a_terminal_for_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process runs of ``cli.main`` for the app act as if a terminal were attached
    (the app itself is faked or refused before it draws). Real processes are not affected:
    ``test_cli_conventions`` checks the refusal without a terminal."""
    from resilience_tui import cli

    monkeypatch.setattr(cli, "has_terminal", lambda: True)


@pytest.fixture
def clock() -> FixedClock:
    return make_clock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "resilience.json"


@pytest.fixture
def store(db_path: Path, clock: FixedClock) -> Iterator[Store]:
    s = open_journal(db_path, clock)  # the clock follows the journal's day start hour
    yield s
    s.close()


@pytest.fixture
def make_app(store: Store, clock: FixedClock) -> Callable[[], object]:
    """Build the app on the test store and clock (import here: unit tests stay UI-free).

    Cursors do not blink, so a snapshot never depends on when the 0.5 s blink timer fired.
    """
    from resilience_tui.app import ResilienceApp

    def build() -> ResilienceApp:
        return ResilienceApp(store, clock, cursor_blink=False)

    return build


@pytest.fixture
def full_disk(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Writes of the journal fail while the list holds True."""
    write = atomic.atomic_write
    full = [True]

    def maybe_full(path: Path, payload: bytes) -> os.stat_result:
        if full[0] and path == db_path:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(path, payload)

    monkeypatch.setattr(atomic, "atomic_write", maybe_full)
    return full
