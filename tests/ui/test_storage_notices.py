"""What the user is told in the app when a save fails or another program changed the file."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from helpers import messages, toast_text, written
from textual.widgets import Input

from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage import atomic
from resilience_tui.storage.store import Store


async def save_name(pilot: object, name: str) -> None:
    await pilot.press("comma")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    field = pilot.app.screen.query_one("#name", Input)  # type: ignore[attr-defined]
    field.value = name
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await written(pilot)  # type: ignore[arg-type]


async def test_a_full_disk_is_told_and_nothing_is_lost(
    make_app, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db_path.read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        with monkeypatch.context() as patch:
            def full(path: Path, payload: bytes) -> os.stat_result:
                raise OSError(errno.ENOSPC, "No space left on device")

            patch.setattr(atomic, "atomic_write", full)
            await save_name(pilot, "Sam")
            assert isinstance(app.screen, TodayScreen)
            told = " ".join(messages(app))
            assert "Not saved yet" in told and "No space left on device" in told
            assert "safe in memory" in told
            assert "No space left" in toast_text(app)  # the toast is on screen
            assert db_path.read_bytes() == before
            assert store.unsaved and store.settings.name == "Sam"
        # Space again: the next change carries the earlier one with it.
        await save_name(pilot, "Sam R")
        assert not store.unsaved
    assert json.loads(db_path.read_text())["settings"]["1"]["name"] == "Sam R"


async def test_quitting_with_unsaved_entries_asks_first(
    make_app, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = atomic.atomic_write

    def too_large(path: Path, payload: bytes) -> os.stat_result:
        if path == db_path:
            raise OSError(errno.EFBIG, "File too large")
        return write(path, payload)

    monkeypatch.setattr(atomic, "atomic_write", too_large)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await save_name(pilot, "Sam")
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running  # not gone yet: first it says where the words are
        copies = list(db_path.parent.glob("resilience.json.unsaved-*"))
        assert len(copies) == 1
        assert any(str(copies[0]) in m and "Press q again" in m for m in messages(app))
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert json.loads(copies[0].read_text())["settings"]["1"]["name"] == "Sam"


async def test_a_file_changed_by_another_program_is_told(
    make_app, store: Store, db_path: Path
) -> None:
    theirs = '{"meta": {"1": {"schema": 1}}, "checkins": {}, "settings": {}}'
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        db_path.write_text(theirs)
        await save_name(pilot, "Sam")
        told = " ".join(messages(app))
        assert "changed by another program" in told and "not overwritten" in told
        assert "restore --from" in told
    assert db_path.read_text() == theirs
    copies = list(db_path.parent.glob("resilience.json.unsaved-*"))
    assert len(copies) == 1
    assert json.loads(copies[0].read_text())["settings"]["1"]["name"] == "Sam"
