"""After a failed save the app shows only the failure, never a green "Logged" beside it.

A disk that is full refuses every write of the journal; each flow below then
must show "Not saved yet" and no success notice. Once the disk has room again,
the next save goes through and its success notice shows as before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from helpers import messages, open_log, open_selfcare, written
from test_storage_notices import save_name

from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.storage.store import Store


async def log_selfcare(pilot: Any) -> None:
    await open_selfcare(pilot)
    await pilot.press(*"walk", "tab", *"30", "ctrl+s")
    await pilot.pause()
    await written(pilot)


async def log_rejection(pilot: Any) -> None:
    await open_log(pilot)
    await pilot.press(*"Acme Corp", "tab", *"QA Lead", "ctrl+s")
    await pilot.pause()
    await written(pilot)


async def save_settings(pilot: Any) -> None:
    await save_name(pilot, "Sam")


async def rest_today(pilot: Any) -> None:
    from resilience_tui.screens.review import rest_today_command

    _title, _help, run = rest_today_command(pilot.app)
    run()
    await pilot.pause()
    await written(pilot)


FLOWS: dict[str, tuple[Callable[[Any], Awaitable[None]], str]] = {
    "self-care": (log_selfcare, "Logged: walk, 30 min."),
    "rejection": (log_rejection, "Logged. Press c"),
    "settings": (save_settings, "Settings saved."),
    "rest day": (rest_today, "is a rest day"),
}


@pytest.mark.parametrize("flow", FLOWS)
async def test_a_failed_save_shows_only_the_failure(flow: str, make_app, store: Store,
                                                    full_disk: list[bool]) -> None:
    act, success = FLOWS[flow]
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await act(pilot)
        told = messages(app)
        assert store.unsaved
        assert any(m.startswith("Not saved yet") for m in told), told
        assert not any(success in m for m in told), told


async def test_the_success_notice_returns_once_saves_work_again(
        make_app, store: Store, full_disk: list[bool]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await log_selfcare(pilot)
        assert not any("Logged:" in m for m in messages(app))
        full_disk[0] = False
        await log_selfcare(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert not store.unsaved
        assert sum("Logged: walk, 30 min." in m for m in messages(app)) == 1
    assert len(store.selfcare.all()) == 2


async def test_a_refusal_is_still_said_while_a_save_is_pending(
        make_app, store: Store, full_disk: list[bool]) -> None:
    from resilience_tui.domain.models import CheckIn

    full_disk[0] = False
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, intention="Keep going"))
    full_disk[0] = True
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await log_selfcare(pilot)  # fails: the journal now lacks what memory holds
        await rest_today(pilot)  # nothing to save: today has a check-in, and that is said
        assert any("so that day already counts" in m for m in messages(app))
        assert not any("is a rest day" in m for m in messages(app))
