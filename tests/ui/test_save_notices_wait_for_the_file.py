"""In the app a save shows at once and is written behind: Today changes as ctrl+s is
pressed, the file a moment later, and "Logged" only once the file has the entry. Quitting
first waits for the write.

A write is held up, where a test needs one in flight, by an event the test sets (the
writer is its own thread, so the app carries on meanwhile).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from helpers import burst, messages, open_selfcare, panel_text, wait_until, written

from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage import atomic
from resilience_tui.storage.store import Store

LOGGED = "Logged: walk, 30 min."


def activities_on_disk(path: Path) -> list[str]:
    data = orjson.loads(path.read_bytes())
    return sorted(r["activity"] for r in data.get("selfcare", {}).values())


@pytest.fixture
def held(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Writes of the journal wait until the event is set (set again at the end, whatever
    happened, so the writer thread is never left waiting)."""
    go = threading.Event()
    write = atomic.atomic_write

    def held_up(path: Path, payload: bytes) -> os.stat_result:
        if path == db_path:
            assert go.wait(10)
        return write(path, payload)

    monkeypatch.setattr(atomic, "atomic_write", held_up)
    yield go
    go.set()


async def test_ctrl_s_shows_at_once_and_logged_is_said_once_the_entry_is_on_disk(
        make_app, store: Store, db_path: Path, held: threading.Event) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_selfcare(pilot)
        await pilot.press(*"walk", "tab", *"30", "ctrl+s")
        await pilot.pause()
        # The write is held: the screen has moved on all the same.
        assert isinstance(app.screen, TodayScreen)
        assert "Today: walk 30 min" in panel_text(app, "#panel-selfcare")
        assert activities_on_disk(db_path) == []
        assert store.unsaved and store.pending
        assert not any(LOGGED in m for m in messages(app))  # not said before it is so
        held.set()
        await wait_until(pilot, lambda: any(LOGGED in m for m in messages(app)))
        assert activities_on_disk(db_path) == ["walk"]  # said, so on disk
        assert not store.unsaved


async def test_an_entry_saved_with_ctrl_s_is_on_disk_when_the_app_says_so(
        make_app, store: Store, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_selfcare(pilot)
        await pilot.press(*"walk", "tab", *"30", "ctrl+s")
        await written(pilot)
        assert any(LOGGED in m for m in messages(app))
        assert activities_on_disk(db_path) == ["walk"]


async def test_quitting_straight_after_a_save_waits_for_the_write(
        make_app, store: Store, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        burst(app, *"walk", "tab", "3", "0", "ctrl+s", "q")  # q before any is handled
        await wait_until(pilot, lambda: not app.is_running)
    assert activities_on_disk(db_path) == ["walk"]
    assert not store.unsaved and not store.pending


async def test_an_app_ending_any_other_way_writes_what_is_due(
        make_app, store: Store, db_path: Path, held: threading.Event) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_selfcare(pilot)
        await pilot.press(*"walk", "tab", *"30", "ctrl+s")
        await pilot.pause()
        assert store.pending  # held: the write is under way or due
        threading.Timer(0.2, held.set).start()  # the disk answers while the app is ending
        app.exit()
    assert activities_on_disk(db_path) == ["walk"]
    assert not store.unsaved and not store.pending
