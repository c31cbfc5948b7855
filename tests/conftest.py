"""Shared fixtures: a fixed clock, a store in a temporary folder, and the app on both."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dateutil import tz

from resilience_tui.clock import FixedClock
from resilience_tui.storage.store import Store

ZONE = tz.gettz("Europe/London")
# A Wednesday morning, well after the default day start hour.
NOW = "2026-03-11T09:00:00"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW, zone=ZONE)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "resilience.json"


@pytest.fixture
def store(db_path: Path, clock: FixedClock) -> Iterator[Store]:
    s = Store(db_path, clock)
    yield s
    s.close()


@pytest.fixture
def make_app(store: Store, clock: FixedClock) -> Callable[[], object]:
    """Build the app on the test store and clock (import here: unit tests stay UI-free)."""
    from resilience_tui.app import ResilienceApp

    def build() -> ResilienceApp:
        return ResilienceApp(store, clock)

    return build
