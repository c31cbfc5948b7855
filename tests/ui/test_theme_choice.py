"""Whose colours win: ``--theme`` for one run, then a theme the user picked, then
``TEXTUAL_THEME``, then Textual's default. Only a real pick is remembered."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from textual import constants

from resilience_tui import cli


async def test_a_fresh_journal_keeps_the_terminals_default_and_saves_no_pick(
        make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == constants.DEFAULT_THEME
        await pilot.press("comma")
        await pilot.pause()
        await pilot.press("ctrl+s")  # save the settings without touching the theme
        await pilot.pause()
    assert store.settings.theme == ""


async def test_a_theme_picked_in_the_app_is_remembered(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert store.settings.theme == "nord"


async def test_the_theme_option_wins_for_one_run_and_is_not_saved(store, clock) -> None:
    from resilience_tui.app import ResilienceApp

    settings = store.settings
    settings.theme = "nord"
    store.save_settings(settings)
    app = ResilienceApp(store, clock, cursor_blink=False, theme="textual-light")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
    assert store.settings.theme == "nord"


def test_textual_theme_is_honoured_until_the_user_picks(tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        import asyncio
        from pathlib import Path
        from resilience_tui.app import ResilienceApp
        from resilience_tui.clock import FixedClock
        from resilience_tui.storage.store import Store
        from datetime import datetime
        from dateutil import tz

        clock = FixedClock(datetime(2026, 3, 11, 9, tzinfo=tz.gettz("Europe/London")))
        store = Store(Path({str(tmp_path / 'j.json')!r}), clock)

        async def main():
            app = ResilienceApp(store, clock)
            async with app.run_test() as pilot:
                await pilot.pause()
                print(app.theme, repr(store.settings.theme))

        asyncio.run(main())
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "TEXTUAL_THEME": "textual-light"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["textual-light", "''"]


def test_an_unknown_theme_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert cli.main(["--db", str(tmp_path / "j.json"), "--theme", "plaid"]) == 2
    assert "no theme called 'plaid'" in capsys.readouterr().err
    assert not (tmp_path / "j.json").exists()
