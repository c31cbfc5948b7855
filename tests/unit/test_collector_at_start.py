"""The garbage collector is paused only on the way to Today's first frame.

``resilience`` pauses it while Textual starts and Today is laid out (its passes there
freed nothing and cost about 30 ms of the first frame). It must come back before the
history is read and whatever way the app ends, or a long session would never collect.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from resilience_tui import cli as cli_module
from resilience_tui.app import ResilienceApp
from resilience_tui.journal import open_journal
from resilience_tui.journal.summary import keep_summary
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage.store import Store

from fixed_time import NOW, make_clock  # isort: skip
from histories import named_journal  # isort: skip


@pytest.fixture(autouse=True)
def _collecting(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("RESILIENCE_NOW", NOW)
    monkeypatch.setenv("TZ", "Europe/London")
    assert gc.isenabled()
    yield
    gc.enable()  # whatever happened, the next test collects


def journal_with_summary(tmp_path: Path) -> Path:
    db = named_journal(tmp_path, make_clock())
    store = open_journal(db, make_clock())
    store.preload()
    assert keep_summary(store, ahead=True)  # what closing the app files
    store.close()
    return db


def test_paused_until_the_first_frame_and_back_before_the_history_is_read(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, bool] = {}
    load_in_background = Store.load_in_background

    def reading(store: Store, done: Any) -> None:
        seen["reading"] = gc.isenabled()
        load_in_background(store, done)

    def run_until_the_history_is_in(self: ResilienceApp, **kwargs: Any) -> None:
        seen["starting"] = gc.isenabled()

        def quit_when_in() -> None:
            if self.store.ready:
                self.exit()
            else:
                self.set_timer(0.01, quit_when_in)

        self.call_later(quit_when_in)
        return App.run(self, headless=True, size=(80, 24))

    monkeypatch.setattr(Store, "load_in_background", reading)
    monkeypatch.setattr(ResilienceApp, "run", run_until_the_history_is_in)
    assert cli_module.main(["--db", str(journal_with_summary(tmp_path))]) == 0
    assert seen == {"starting": False, "reading": True}
    assert gc.isenabled()


def test_back_when_the_app_fails_before_its_first_frame(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def fail(self: TodayScreen) -> None:
        raise RuntimeError("the screen fell over")

    monkeypatch.setattr(ResilienceApp, "run",
                        lambda self, **kwargs: App.run(self, headless=True, size=(80, 24)))
    monkeypatch.setattr(TodayScreen, "on_mount", fail)
    assert cli_module.main(["--db", str(journal_with_summary(tmp_path))]) == 1
    assert gc.isenabled()
