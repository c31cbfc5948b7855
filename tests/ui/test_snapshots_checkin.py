"""Snapshot tests of the morning check-in and of Today with a plan, at 80×24 and 120×36."""

from __future__ import annotations

import pytest
from test_checkin_screen import seed_history  # tests/ui is on the path (rootdir imports)

from resilience_tui.domain.models import CheckIn, PlanItem

SIZES = [(80, 24), (120, 36)]


def plan_for_today(store) -> None:
    store.checkins.put(CheckIn(
        day="2026-03-11", mood=4, energy=3, intention="Finish the Beta cover letter 🚀",
        feelings=["hopeful", "tense"], selfcare_intention="A walk after lunch",
        plan=[
            PlanItem(kind="apply", text="Send the Beta application", done=True),
            PlanItem(kind="outreach", text="Say hello to Ana", source="contact"),
            PlanItem(kind="practice", text="Mock interview: tell me about a hard project"),
            PlanItem(kind="learn", text="مقدمة في SQL — lesson 2"),
        ]))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin_new(snap_compare, make_app, size) -> None:
    assert snap_compare(make_app(), press=["m"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin_with_suggestions(snap_compare, make_app, store, size) -> None:
    seed_history(store)
    keys = ["m", "4", "tab", "3", "tab", *"Two applications", "ctrl+n", *"Email Bo"]
    assert snap_compare(make_app(), press=keys, terminal_size=size)


def test_checkin_mood_needed_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["m", "tab", "3", "ctrl+s"], terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_today_with_a_plan(snap_compare, make_app, store, size) -> None:
    plan_for_today(store)
    assert snap_compare(make_app(), terminal_size=size)
