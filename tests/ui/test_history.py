"""History: find a past day, correct its check-in, delete an entry and undo, search what
was written, and a closed cool-down read in full and reopened."""

from __future__ import annotations

from typing import Any

from fixed_time import TODAY
from helpers import messages
from textual.pilot import Pilot

from resilience_tui.clock import FixedClock
from resilience_tui.domain.history import row_text
from resilience_tui.domain.models import Action, CheckIn, Feeling, Rejection
from resilience_tui.journal.checkins import check_in
from resilience_tui.journal.momentum import momentum
from resilience_tui.journal.rejections import log_rejection
from resilience_tui.journal.selfcare import log_selfcare
from resilience_tui.screens.checkin import CheckInScreen
from resilience_tui.screens.cooldown.move_on import DoneView, MoveOnStep
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.screens.history.entry import EntryScreen
from resilience_tui.screens.history.screen import HistoryScreen
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import export_data
from resilience_tui.widgets.confirm import ConfirmDialog
from resilience_tui.widgets.row_list import RowList

DAY1 = "2026-03-10"


async def open_history(pilot: Pilot[Any]) -> HistoryScreen:
    await pilot.press("h")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def shown(screen: HistoryScreen) -> list[str]:
    return [row_text(r) for r in screen.shown]


async def cursor_to(pilot: Pilot[Any], screen: HistoryScreen, starts: str) -> None:
    """Move the cursor down to the first row starting with ``starts``."""
    rows = screen.query_one(RowList)
    for _ in range(len(screen.shown)):
        if row_text(screen.shown[rows.cursor]).startswith(starts):
            return
        await pilot.press("down")
    raise AssertionError(f"no row starts with {starts!r}: {shown(screen)}")


def day_one(store: Store, clock: FixedClock) -> tuple[CheckIn, str]:
    clock.set(f"{DAY1}T09:00:00")
    checkin = check_in(store, clock, None, day=DAY1, mood=2, energy=3)
    walk = log_selfcare(store, clock, activity="walk", minutes=30)
    clock.set(f"{TODAY.isoformat()}T09:00:00")
    return checkin, walk.id


async def test_a_past_check_in_is_corrected_keeping_its_id(make_app, store, clock) -> None:
    checkin, _ = day_one(store, clock)
    before = momentum(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert shown(screen)[0] == "Tuesday 10 March 2026"
        await cursor_to(pilot, screen, "Check-in")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("4", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert any(t.startswith("Check-in · mood 4") for t in shown(screen))
    [saved] = export_data(store)["checkins"]
    assert (saved["id"], saved["mood"], saved["day"]) == (checkin.id, 4, DAY1)
    assert saved["updated_at"] > checkin.updated_at
    after = momentum(store)
    assert (after.checkin, after.selfcare) == (before.checkin, before.selfcare)


async def test_delete_asks_first_and_u_brings_it_back(make_app, store, clock) -> None:
    _, walk_id = day_one(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_history(pilot)
        await cursor_to(pilot, screen, "Self-care")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == "Delete this self-care entry from 10 March?"
        await pilot.press("n")
        await pilot.pause()
        assert store.selfcare.get(walk_id) is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.selfcare.get(walk_id) is None
        assert not any(t.startswith("Self-care") for t in shown(screen))
        assert export_data(store)["selfcare"] == []
        await pilot.press("u")
        await pilot.pause()
        assert store.selfcare.get(walk_id) is not None
        assert any(t.startswith("Self-care · walk, 30 min") for t in shown(screen))


async def test_deleting_a_rejection_logged_twice_clears_its_cool_down(
        make_app, store, clock) -> None:
    first = log_rejection(store, clock, company="Acme", role="Designer")
    second = log_rejection(store, clock, company="Acme", role="Designer")
    store.actions.put(Action(kind="reach out", text="Ask Sam", rejection_id=second.id,
                             created_on=TODAY.isoformat()))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_history(pilot)
        await pilot.press("4")
        await pilot.pause()
        assert len(screen.shown) == 2
        if screen.shown[screen.query_one(RowList).cursor].id != second.id:
            await pilot.press("down")
        await pilot.press("d")
        await pilot.pause()
        assert "Its cool-down and its 1 next step go with it." in app.screen.question
        await pilot.press("y", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one("#cooldowns").option_count == 1
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CooldownScreen)
        assert app.screen.rejection_id == first.id
    assert [r.id for r in store.rejections.all()] == [first.id]
    assert store.actions.all() == []


async def test_search_finds_a_word_written_only_in_a_journal(make_app, store, clock) -> None:
    clock.set(f"{DAY1}T09:00:00")
    r = log_rejection(store, clock, company="Acme", role="Designer")
    from resilience_tui.journal.cooldowns import acknowledge

    acknowledge(store, clock, r, {"hurt": 70}, journal="It felt like a Zeppelin landing.")
    log_rejection(store, clock, company="Globex", role="Analyst")
    clock.set(f"{TODAY.isoformat()}T09:00:00")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash", *"zeppelin")
        await pilot.pause()
        entries = [row for row in screen.shown if not row.is_heading]
        assert entries and {row.id for row in entries} == {r.id}
        await pilot.press("escape")
        await pilot.pause()
        assert any("Globex" in t for t in shown(screen))


def closed_rejection(store: Store) -> Rejection:
    r = Rejection(company="Acme", role="Designer", received_on="2026-03-02",
                  logged_on="2026-03-02", stage="interview")
    c = r.cooldown
    c.acknowledged_on, c.reflected_on, c.moved_on_on = "2026-03-02", "2026-03-03", "2026-03-04"
    c.feelings = [Feeling(name="hurt", before=70, after=30)]
    c.journal = "I really wanted this one."
    c.balanced_thought = "One no is not every no."
    c.went_well, c.do_differently = "The portfolio talk", "Ask about the team sooner"
    store.rejections.put(r)
    store.actions.put(Action(kind="similar roles", text="Two more design roles",
                             rejection_id=r.id, created_on="2026-03-04"))
    return r


async def test_a_closed_cool_down_reads_in_full_and_reopens_at_moving_on(
        make_app, store) -> None:
    r = closed_rejection(store)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_history(pilot)
        await pilot.press("4", "enter")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, EntryScreen)
        text = "\n".join(str(s.content) for s in page.query(".page-text"))
        for words in ("hurt: 70 → 30", "I really wanted this one.", "One no is not every no.",
                      "The portfolio talk", "Ask about the team sooner",
                      "[ ] Two more design roles (not started)"):
            assert words in text
        await pilot.press("f")  # feedback stays within reach on a closed one
        await pilot.pause()
        assert isinstance(app.screen, CooldownScreen) and isinstance(app.screen.step, DoneView)
        assert app.screen.query_one("#feedback-box")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("c")
        await pilot.pause()
        cd = app.screen
        assert isinstance(cd, CooldownScreen) and isinstance(cd.step, MoveOnStep)
        draft = cd.step.draft()
        assert draft["after"] == {"hurt": "30"}
        assert draft["redirects"]["ticked"] == ["similar roles"]
        assert screen is not None
    assert store.actions.all() == []  # taken back into the draft, made again on closing
    assert store.rejections.get(r.id).cooldown.moved_on_on is None  # type: ignore[union-attr]


async def test_the_whole_past_follows_the_first_screen(make_app, store, clock) -> None:
    clock.set("2024-01-05T09:00:00")  # long before the first screen's two months
    log_selfcare(store, clock, activity="swim", minutes=40)
    clock.set(f"{TODAY.isoformat()}T09:00:00")
    check_in(store, clock, None, day=TODAY.isoformat(), mood=3, energy=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("end")
        await pilot.pause()
        assert shown(screen)[-2:] == ["Friday 5 January 2024", "Self-care · swim, 40 min"]
        assert screen.query_one(RowList).cursor == len(screen.shown) - 1


async def test_u_on_today_undoes_a_deletion_made_in_history(make_app, store, clock) -> None:
    _, walk_id = day_one(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_history(pilot)
        await cursor_to(pilot, screen, "Self-care")
        await pilot.press("d", "y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert store.selfcare.get(walk_id) is None
        await pilot.press("u")
        await pilot.pause()
        assert store.selfcare.get(walk_id) is not None
        await pilot.press("u")  # once only
        await pilot.pause()
        assert messages(app)[-1] == "Nothing to undo just now."


async def test_a_row_too_long_for_the_window_ends_in_an_ellipsis(make_app, store,
                                                                 clock) -> None:
    log_rejection(store, clock, company="Consolidated International Widgets Holdings",
                  role="Senior Analytics Engineer, Platform Data")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        rows = screen.query_one(RowList)
        drawn = ["".join(s.text for s in rows.render_line(y)) for y in range(rows.size.height)]
        [line] = [d for d in drawn if "Consolidated" in d]
        assert line.rstrip().endswith("…") and len(line) == rows.scrollable_content_region.width


async def test_a_deletion_the_disk_refused_is_not_called_done(make_app, store, clock,
                                                              full_disk, db_path) -> None:
    """"Deleted the …" is said once the file no longer has the entry, like every other
    notice of a save: with the disk full the app says "Not saved yet" and nothing else
    (the entry is gone from memory and goes from the file with the next good write)."""
    day_one(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_history(pilot)
        await cursor_to(pilot, screen, "Self-care")
        await pilot.press("d", "y")
        for _ in range(20):
            await pilot.pause(0.02)
        assert not any(m.startswith("Deleted the") for m in messages(app))
        assert any("No space left" in m for m in messages(app))
        full_disk[0] = False
        assert store.retry()  # as q, or the next change, does
    assert b'"walk"' not in db_path.read_bytes()
