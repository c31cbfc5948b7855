"""The app keeps the summary ``status`` reads: a moment after a change it is filed again,
so a prompt that asks ``status`` next gets the new figures without reading the journal."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixed_time import NOW, ZONE_NAME
from helpers import plan_for_today

from resilience_tui import cli
from resilience_tui.app import SUMMARY_DELAY
from resilience_tui.cli.status import status_output
from resilience_tui.journal import opening
from resilience_tui.storage.summary_file import read_summary


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the journal was opened")


async def test_a_tick_in_the_app_refiles_the_summary(
        make_app, store, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    plan_for_today(store)
    store.preload()  # as ``resilience`` opens it
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(SUMMARY_DELAY + 0.3)
        first = read_summary(store.path)
        assert first is not None  # filed when the app opened
        await pilot.press("down", "space")  # tick "Say hello to Ana"
        await pilot.pause(SUMMARY_DELAY + 0.3)
        after = read_summary(store.path)
        assert after is not None and after != first  # the tick moved a week figure
    monkeypatch.setenv("RESILIENCE_NOW", NOW)
    monkeypatch.setenv("TZ", ZONE_NAME)
    monkeypatch.setattr(opening, "open_journal", _refuse)
    for as_json, command in ((False, ["status"]), (True, ["status", "--json"])):
        assert cli.main(["--db", str(Path(store.path)), *command]) == 0
        assert capsys.readouterr().out == status_output(store, as_json=as_json) + "\n"
