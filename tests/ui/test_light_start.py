"""A light start: the app shows Today without loading what only the forms need.

Every module loaded before Today's first frame is time the user waits at a blank
terminal. The forms, the text area (and its syntax machinery), the undo timer and the
external editor load when first used instead; this keeps a later import from pulling
them back into the start unnoticed. It runs in a fresh process, since this one has
loaded everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fixed_time import NOW, ZONE_NAME

# What Today's first frame does not need: the forms and what only they use.
ONLY_WHEN_USED = [
    "resilience_tui.screens.form",
    "resilience_tui.screens.checkin",
    "resilience_tui.screens.history.entry_actions",
    "resilience_tui.widgets.external_editor",
    "textual.widgets._text_area",
    "textual.document",
]

APP_UNTIL_TODAY = """
import asyncio, json, sys
from dateutil import tz
from resilience_tui.app import ResilienceApp
from resilience_tui.clock import FixedClock
from resilience_tui.journal import open_journal
from resilience_tui.screens.today.screen import TodayScreen

path, now, zone, watched = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
clock = FixedClock(now, zone=tz.gettz(zone))
store = open_journal(__import__("pathlib").Path(path), clock)

async def main() -> None:
    app = ResilienceApp(store, clock)  # as the command builds it: cursors blink
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        print(json.dumps([name for name in watched if name in sys.modules]))

asyncio.run(main())
"""


def test_today_opens_without_loading_the_forms_or_the_text_area(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", APP_UNTIL_TODAY, str(tmp_path / "resilience.json"), NOW,
         ZONE_NAME, json.dumps(ONLY_WHEN_USED)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
