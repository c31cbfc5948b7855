"""The app opens a read-only (0400) journal as it is and says so at once (issue 13):
saves are then refused with a note, and the file is never replaced."""

from __future__ import annotations

import os
from pathlib import Path

from fixed_time import make_clock

from resilience_tui.app import ResilienceApp
from resilience_tui.storage.store import Store


def _journal(tmp_path: Path) -> Path:
    path = tmp_path / "resilience.json"
    path.write_text('{"meta": {"1": {"schema": 1}}, "settings": {}, "checkins": {}}')
    os.chmod(path, 0o400)
    return path


async def test_the_app_says_a_journal_is_read_only_when_it_opens(tmp_path: Path) -> None:
    path = _journal(tmp_path)
    before = path.read_bytes()
    store = Store(path, make_clock())
    app = ResilienceApp(store, make_clock(), cursor_blink=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        notes = [f"{n.title}: {n.message}" for n in app._notifications]
        assert any(n.startswith("Read-only journal:") and "chmod 600" in n for n in notes)
    store.close()
    assert path.read_bytes() == before and (path.stat().st_mode & 0o777) == 0o400
