"""Snapshot tests of the morning check-in and of Today with a plan, at 80×24 and 120×36."""

from __future__ import annotations

import pytest
from helpers import plan_for_today, seed_suggestion_sources

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin_new(snap_compare, make_app, size) -> None:
    assert snap_compare(make_app(), press=["m"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin_with_suggestions(snap_compare, make_app, store, size) -> None:
    seed_suggestion_sources(store)
    keys = ["m", "4", "tab", "3", "tab", *"Two applications", "ctrl+n", *"Email Bo"]
    assert snap_compare(make_app(), press=keys, terminal_size=size)


def test_checkin_mood_needed_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["m", "tab", "3", "ctrl+s"], terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_today_with_a_plan(snap_compare, make_app, store, size) -> None:
    plan_for_today(store)
    assert snap_compare(make_app(), terminal_size=size)
