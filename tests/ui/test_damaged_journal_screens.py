"""A journal with damaged records or a misfit draft opens every screen without a crash.

The three records that used to crash a screen (``cooldown: []``, ``cooldown.draft:
[1, 2]``, ``feedback: "none"``), the draft that crashed ``c`` on every press, a draft
journal holding terminal escapes, and a handful of seeded fuzzed journals (mutated
files, and mutated exports that import accepted): Today, Review, Patterns and the
cool-down all open.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from fixed_time import make_clock
from fuzz_cases import base_export, mutate, open_rejection
from textual.widgets import TextArea

from resilience_tui.app import ResilienceApp
from resilience_tui.journal.transfer import apply_import
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.screens.history.screen import HistoryScreen
from resilience_tui.screens.patterns import PatternsScreen
from resilience_tui.screens.review import ReviewScreen
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage.import_check import ImportProblem
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import plan_import


def write_journal(path: Path, rejection: dict[str, Any]) -> Path:
    data = {"meta": {"1": {"schema": 1}}, "settings": {}, "rejections": {"1": rejection}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    path.chmod(0o600)
    return path


async def visit_every_screen(store: Store) -> list[str]:
    """Open Today, Review, Patterns, History (a rejection in full) and the cool-down (``c``);
    return what ``c`` showed."""
    app = ResilienceApp(store, make_clock(), cursor_blink=False)
    shown: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        for key, cls in (("v", ReviewScreen), ("p", PatternsScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, cls)
            await pilot.press("escape")
            await pilot.pause()
        # History: the journal, then the rejections list, and the first one opened in full.
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("4", "enter")
        await pilot.pause()
        for _ in range(3):
            if isinstance(app.screen, TodayScreen):
                break
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("c")
        await pilot.pause()
        if isinstance(app.screen, CooldownScreen):
            shown.append(app.screen.rejection.company)
            shown += [area.text for area in app.screen.query(TextArea)]
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert app.return_code in (None, 0)
    return shown


@pytest.mark.parametrize("change", [
    {"cooldown": []},
    {"feedback": "none"},
    {"cooldown": {**open_rejection()["cooldown"], "draft": [1, 2]}},
    {"cooldown": {**open_rejection()["cooldown"],
                  "draft": {"step": "acknowledge", "fields": "x"}}},
], ids=["cooldown-list", "feedback-text", "draft-list", "draft-fields-text"])
async def test_the_reported_records_no_longer_crash_a_screen(
        tmp_path: Path, change: dict[str, Any]) -> None:
    store = Store(write_journal(tmp_path / "j.json", {**open_rejection(), **change}),
                  make_clock())
    try:
        shown = await visit_every_screen(store)
    finally:
        store.close()
    if "draft" in change.get("cooldown", {}):  # a misfit draft: the rejection still opens
        assert shown[:1] == ["Fuzz & Co"]
    else:  # a damaged rejection is set aside, not shown
        assert shown == []


async def test_a_draft_journal_never_writes_escape_sequences(tmp_path: Path) -> None:
    rejection = open_rejection()
    rejection["cooldown"] = {**rejection["cooldown"], "acknowledged_on": None, "feelings": [],
                             "draft": {"step": "acknowledge", "fields": {
                                 "journal": "hi\u001b]0;PWNED\u0007\u001b[2J there"}}}
    store = Store(write_journal(tmp_path / "j.json", rejection), make_clock())
    try:
        shown = await visit_every_screen(store)
    finally:
        store.close()
    assert "hi]0;PWNED[2J there" in shown
    assert not any("\u001b" in text or "\u0007" in text for text in shown)


@pytest.mark.parametrize("seed", [3, 11, 29])  # each loads with damaged records
async def test_a_fuzzed_journal_that_loads_opens_every_screen(tmp_path: Path,
                                                               seed: int) -> None:
    good = Store(tmp_path / "base.json", make_clock())
    assert apply_import(good, good.clock, plan_import(good, base_export()))
    good.close()
    data = mutate(json.loads((tmp_path / "base.json").read_text()), random.Random(seed), 3,
                  skip=2)
    path = tmp_path / "fuzzed.json"
    path.write_text(json.dumps(data))
    path.chmod(0o600)
    store = Store(path, make_clock())
    try:
        store.preload()
        assert store.damaged  # the seeds were picked to load with damaged records
        await visit_every_screen(store)
    finally:
        store.close()


@pytest.mark.parametrize("seed", [5, 17])
async def test_a_fuzzed_export_that_imports_opens_every_screen(tmp_path: Path,
                                                                seed: int) -> None:
    rnd = random.Random(seed)
    store = Store(tmp_path / "j.json", make_clock())
    try:
        for _ in range(50):  # the first accepted mutation of this seed
            try:
                plan = plan_import(store, mutate(base_export(), rnd, 1))
                break
            except ImportProblem:
                continue
        assert apply_import(store, store.clock, plan)
        await visit_every_screen(store)
    finally:
        store.close()
