"""Snapshots of Review (80×24, 120×36) and Patterns (80×24) over a fixed eight-week history."""

from __future__ import annotations

from review_samples import seed_history


def opener(key: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(key)
        await pilot.pause()

    return run_before


def test_review_80x24(snap_compare, make_app, store) -> None:
    seed_history(store)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=opener("v"))


def test_review_120x36(snap_compare, make_app, store) -> None:
    seed_history(store)
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=opener("v"))


def test_patterns_80x24(snap_compare, make_app, store) -> None:
    seed_history(store)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=opener("p"))
