"""Snapshot tests of logging a rejection and of each cool-down step, at 80×24."""

from __future__ import annotations

from fixed_time import YESTERDAY
from helpers import seed_cooldown

SIZE = (80, 24)


def test_log_rejection_typed(snap_compare, make_app) -> None:
    keys = ["r", *"Acme Corp", "tab", *"QA Lead"]
    assert snap_compare(make_app(), press=keys, terminal_size=SIZE)


def test_today_with_cooldowns(snap_compare, make_app, store) -> None:
    seed_cooldown(store, "reflect", company="Older Ltd", logged=YESTERDAY)
    seed_cooldown(store, "reflect", company="Acme Corp")
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_acknowledge_step(snap_compare, make_app, store) -> None:
    seed_cooldown(store)
    keys = ["c", "space", "right", "right", "space", "tab", "tab", "up", "up", "up"]
    assert snap_compare(make_app(), press=keys, terminal_size=SIZE)


def test_reflect_waiting(snap_compare, make_app, store) -> None:
    seed_cooldown(store, "reflect")
    assert snap_compare(make_app(), press=["c"], terminal_size=SIZE)


def test_reflect_open_on_day_two(snap_compare, make_app, store, clock) -> None:
    seed_cooldown(store, "reflect")
    clock.advance(days=1)
    assert snap_compare(make_app(), press=["c", "tab", *"SQL"], terminal_size=SIZE)


def test_reflect_feedback_section(snap_compare, make_app, store, clock) -> None:
    seed_cooldown(store, "reflect")
    clock.advance(days=1)

    async def to_feedback(pilot) -> None:
        await pilot.press("c")
        await pilot.pause()
        pilot.app.screen.query_one("#fb-copy").focus()
        await pilot.pause()

    assert snap_compare(make_app(), run_before=to_feedback, terminal_size=SIZE)


def test_move_on_step(snap_compare, make_app, store) -> None:
    seed_cooldown(store, "move_on")
    keys = ["c", "down", "down", "tab", *"25", "tab", "space"]
    assert snap_compare(make_app(), press=keys, terminal_size=SIZE)


def test_done_view(snap_compare, make_app, store) -> None:
    r = seed_cooldown(store, "done")

    async def open_done(pilot) -> None:
        pilot.app.open_cooldown(r.id)
        await pilot.pause()

    assert snap_compare(make_app(), run_before=open_done, terminal_size=SIZE)
