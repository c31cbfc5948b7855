"""A snapshot of the welcome page a fresh journal opens on, at 80×24 (fixed clock)."""

from __future__ import annotations

from resilience_tui.app import ResilienceApp
from resilience_tui.journal.settings import welcome_due


def test_welcome_80x24(snap_compare, store, clock) -> None:
    assert welcome_due(store)
    app = ResilienceApp(store, clock, cursor_blink=False, welcome=True)
    assert snap_compare(app, terminal_size=(80, 24))
