"""Today's date line at the day boundary: yesterday's date with a late-night hello at 03:59,
today's date with a morning one at 04:00 (the default day start)."""

from __future__ import annotations

import pytest
from fixed_time import make_clock
from textual.widgets import Static

from resilience_tui.app import ResilienceApp
from resilience_tui.storage.store import Store


@pytest.mark.parametrize(("moment", "line"), [
    ("2026-03-11T03:59", "Tuesday 10 March · Still up? Go gently."),
    ("2026-03-11T04:00", "Wednesday 11 March · Good morning."),
])
async def test_the_date_line_agrees_with_the_day(moment: str, line: str, db_path) -> None:
    clock = make_clock(moment)
    store = Store(db_path, clock)
    app = ResilienceApp(store, clock, cursor_blink=False)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = str(app.screen.query_one("#date-line", Static).content)
            assert shown == line
    finally:
        store.close()
