"""Export and import from the command palette, through the app's own store."""

from __future__ import annotations

from pathlib import Path

import orjson
from fixed_time import make_clock
from helpers import messages, run_command, written
from textual.widgets import Input, Static

from resilience_tui.domain.models import CheckIn, Cooldown, PlanItem, Rejection, SelfCare
from resilience_tui.screens.export import ExportDialog
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.screens.transfer import ImportDialog
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import export_data
from resilience_tui.widgets.confirm import ConfirmDialog
from resilience_tui.widgets.tickbox import TickBox


async def choose_file(pilot, path: Path) -> None:
    """Fill in the path (typing it key by key only makes the test slow) and press enter."""
    field = pilot.app.screen.query_one("#import-path", Input)
    field.value = str(path)
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def other_export(tmp_path: Path) -> Path:
    """An export made on another computer: yesterday's check-in and a walk."""
    other = Store(tmp_path / "laptop" / "db.json", make_clock("2026-03-11T08:00"))
    other.checkins.put(CheckIn(day="2026-03-10", mood=4, energy=3, intention="From the laptop",
                               plan=[PlanItem(kind="apply", text="Send the CV", done=True)]))
    other.selfcare.put(SelfCare(day="2026-03-10", activity="walk", minutes=25))
    path = tmp_path / "from-laptop.json"
    path.write_bytes(orjson.dumps(export_data(other)))
    other.close()
    return path


def journal_with_a_private_page(store: Store) -> None:
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="Keep going"))
    store.rejections.put(Rejection(
        company="Acme", role="Analyst", received_on="2026-03-10", logged_on="2026-03-10",
        cooldown=Cooldown(acknowledged_on="2026-03-10", journal="Snorkelwort, honestly.")))


async def export_with(pilot, *keys: str) -> list[Path]:  # type: ignore[no-untyped-def]
    """Open the palette's export, press ``keys`` in its dialog, and list what was written."""
    await run_command(pilot, "Export journal")
    assert isinstance(pilot.app.screen, ExportDialog)
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(pilot.app.screen, TodayScreen)
    folder = pilot.app.store.path.parent / "exports"
    found = sorted(folder.iterdir()) if folder.exists() else []
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in found)
    return found


async def test_export_asks_first_and_writes_only_json_when_json_is_chosen(make_app, store,
                                                                          db_path) -> None:
    journal_with_a_private_page(store)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        written = await export_with(pilot, "enter")  # JSON is the first choice
        assert [p.name for p in written] == ["resilience-2026-03-11.json"]
        data = orjson.loads(written[0].read_bytes())
        assert [c["intention"] for c in data["checkins"]] == ["Keep going"]
        assert data["rejections"][0]["cooldown"]["journal"] == "Snorkelwort, honestly."
        assert any("resilience-2026-03-11.json" in m and str(written[0].parent) in m
                   for m in messages(app))


async def test_markdown_leaves_the_private_page_out_unless_ticked(make_app, store) -> None:
    journal_with_a_private_page(store)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        written = await export_with(pilot, "m", "enter")
        assert [p.name for p in written] == ["resilience-2026-03-11.md"]
        text = written[0].read_text()
        assert "Intention: Keep going" in text and "Snorkelwort" not in text
        assert "Kept private and left out" in text
        assert any("Private writing was left out" in m for m in messages(app))
        written[0].unlink()
        written = await export_with(pilot, "m", "p", "enter")
        assert [p.name for p in written] == ["resilience-2026-03-11.md"]
        assert "Snorkelwort, honestly." in written[0].read_text()


async def test_json_is_a_full_copy_so_the_private_tick_waits_for_markdown(make_app,
                                                                         store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Export journal")
        dialog = app.screen
        note = dialog.query_one("#export-note", Static)
        assert "holds everything, private writing included" in str(note.content)
        await pilot.press("p")
        assert dialog.query_one("#export-private", TickBox).value is False
        await pilot.press("m")
        await pilot.pause()
        assert "stay out unless you tick" in str(note.content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert not (store.path.parent / "exports").exists()


async def test_import_shows_what_would_change_and_applies_after_yes(make_app, store,
                                                                    tmp_path) -> None:
    source = other_export(tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await run_command(pilot, "Import a JSON")
        assert isinstance(app.screen, ImportDialog)
        await choose_file(pilot, source)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one(Static).content)
        assert "check-ins:" in question and "1 new" in question
        assert store.checkins.all() == [], "nothing changes before the yes"
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await written(pilot)  # "Imported …" is said once it is in the file
        assert [c.intention for c in store.checkins.all()] == ["From the laptop"]
        assert [s.minutes for s in store.selfcare.all()] == [25]
        assert any("Imported 1 new check-in, 1 new self-care entry" in m for m in messages(app))
    reopened = Store(store.path, make_clock(), writer=False)
    assert [c.intention for c in reopened.checkins.all()] == ["From the laptop"]


async def test_saying_not_now_imports_nothing(make_app, store, tmp_path) -> None:
    source = other_export(tmp_path)
    before = store.path.read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Import a JSON")
        await choose_file(pilot, source)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        assert "Nothing was imported" in str(app.screen.query_one("#import-result",
                                                                  Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.checkins.all() == [] and store.path.read_bytes() == before


async def test_a_bad_file_is_explained_in_place_and_the_path_kept(make_app, store,
                                                                  tmp_path) -> None:
    bad = tmp_path / "bad.json"
    data = orjson.loads(other_export(tmp_path).read_bytes())
    data["checkins"][0]["mood"] = 9
    bad.write_bytes(orjson.dumps(data))
    before = store.path.read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Import a JSON")
        await choose_file(pilot, bad)
        assert isinstance(app.screen, ImportDialog)
        result = app.screen.query_one("#import-result", Static)
        assert "mood should be 1–5, not 9" in str(result.content)
        assert result.has_class("problem")
        assert app.screen.query_one("#import-path", Input).value == str(bad)
    assert store.checkins.all() == [] and store.path.read_bytes() == before


async def test_a_file_with_nothing_new_says_so(make_app, store, tmp_path) -> None:
    store.checkins.put(CheckIn(day="2026-03-10", mood=3, energy=3, intention="Mine"))
    mine = tmp_path / "mine.json"
    mine.write_bytes(orjson.dumps(export_data(store)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Import a JSON")
        await choose_file(pilot, mine)
        assert isinstance(app.screen, ImportDialog)
        assert "already here" in str(app.screen.query_one("#import-result", Static).content)
