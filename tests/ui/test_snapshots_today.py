"""Snapshot tests of Today (plain functions: pytest-textual-snapshot runs the app itself)."""

from __future__ import annotations

import pytest
from helpers import crowded_morning


def test_today_empty_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_help_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_today_crowded(snap_compare, make_app, store, size) -> None:
    """Two open cool-downs, a five-item plan and the care note: the cool-downs come first
    and stay whole; at 80×24 the plan folds under a "+N more below" line."""
    crowded_morning(store)
    assert snap_compare(make_app(), terminal_size=size)


def test_today_cooldown_picked_80x24(snap_compare, make_app, store) -> None:
    """Tab from the plan to the cool-downs, down to the second: the hint names it."""
    crowded_morning(store)
    assert snap_compare(make_app(), press=["tab", "down"], terminal_size=(80, 24))
