"""Snapshots of the screens and moments the other snapshot files leave out.

Settings, the contact form, an empty network, a refused rejection, the two yes/no
questions (leaving typed words, opening reflect early), Review and Patterns before
there is anything to show, the import dialog, and the main screens at 120×36: a full
Today and the reflect step. Fixed clock (Wed 11 March 2026), seeded data.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from fixed_time import YESTERDAY
from helpers import plan_for_today, seed_cooldown

from resilience_tui.domain.models import Contact, SelfCare
from resilience_tui.screens.transfer import ImportDialog

ROOT = Path(__file__).resolve().parents[2]
SMALL = (80, 24)
LARGE = (120, 36)


def test_settings_80x24(snap_compare, make_app, store) -> None:
    settings = store.settings
    settings.name = "Sam Rivera"
    settings.rest_weekdays = [5, 6]
    store.save_settings(settings)
    assert snap_compare(make_app(), press=["comma"], terminal_size=SMALL)


def test_contact_form_editing_80x24(snap_compare, make_app, store) -> None:
    store.contacts.put(Contact(name="Ana Silva", kind="mentor", reach="ana@example.org",
                               created_on="2026-01-05", last_contacted="2026-02-10",
                               notes="Ex-manager. Happy to look over a CV."))
    assert snap_compare(make_app(), press=["n", "enter"], terminal_size=SMALL)


def test_network_empty_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["n"], terminal_size=SMALL)


def test_log_rejection_refused_80x24(snap_compare, make_app) -> None:
    keys = ["r", "tab", *"QA Lead", "ctrl+s"]  # no company
    assert snap_compare(make_app(), press=keys, terminal_size=SMALL)


def test_leave_without_saving_asks_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["s", *"walk", "escape"], terminal_size=SMALL)


def test_ready_now_asks_80x24(snap_compare, make_app, store) -> None:
    seed_cooldown(store, "reflect")

    async def ask(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("c")
        await pilot.pause()
        pilot.app.screen.query_one("#ready-now").focus()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=ask, terminal_size=SMALL)


def test_review_first_time_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["v"], terminal_size=SMALL)


def test_patterns_first_time_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["p"], terminal_size=SMALL)


def test_import_dialog_80x24(snap_compare, make_app) -> None:
    async def open_import(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.push_screen(ImportDialog())
        await pilot.pause()
        # A typed path hides the placeholder, which names this test's temporary folder.
        await pilot.press(*"~/Downloads/resilience-export.json")

    assert snap_compare(make_app(), run_before=open_import, terminal_size=SMALL)


def test_today_full_day_120x36(snap_compare, make_app, store) -> None:
    plan_for_today(store)
    seed_cooldown(store, "reflect", company="Older Ltd", logged=YESTERDAY)
    seed_cooldown(store, "acknowledge", company="Acme Corp")
    store.selfcare.put(SelfCare(day="2026-03-11", activity="walk", minutes=30, energy_before=2,
                                energy_after=4, at="2026-03-11T08:00:00+00:00"))
    store.contacts.put(Contact(name="Ana Silva", kind="mentor", created_on="2026-01-05",
                               last_contacted="2026-01-20"))
    assert snap_compare(make_app(), terminal_size=LARGE)


def test_reflect_120x36(snap_compare, make_app, store, clock) -> None:
    seed_cooldown(store, "reflect")
    clock.advance(days=1)
    assert snap_compare(make_app(), press=["c", "tab", *"SQL under time pressure"],
                        terminal_size=LARGE)


def screenshots_script():  # type: ignore[no-untyped-def]
    """scripts/screenshots.py, loaded by path (scripts/ is not a package)."""
    path = ROOT / "scripts" / "screenshots.py"
    spec = importlib.util.spec_from_file_location("readme_screenshots", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["today", "cooldown"])
async def test_readme_pictures_match_the_app(name: str) -> None:
    """The README's pictures are what the app shows today; if not, rerun the script."""
    script = screenshots_script()
    [shot] = [s for s in script.SHOTS if s.name == name]
    svg = await script.take(shot)
    assert shot.expect in script.visible_text(svg)
    saved = (ROOT / "docs" / "screenshots" / f"{name}.svg").read_text(encoding="utf-8")
    assert svg == saved, (f"docs/screenshots/{name}.svg is out of date: run "
                          f"'uv run python scripts/screenshots.py {name}' and look at it")
