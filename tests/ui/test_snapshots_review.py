"""Snapshots of Review (80×24, 120×36, and its momentum section at 80×24) and Patterns (80×24)
over a fixed eight-week history."""

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


def test_review_momentum_80x24(snap_compare, make_app, store) -> None:
    """Momentum toward the yes, scrolled to the top of the screen: how far each process got
    (Initech's final round a new best), steps this month and last, self-care lifts."""
    seed_history(store)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await opener("v")(pilot)
        pilot.app.screen.query_one("#momentum").scroll_visible(top=True, animate=False)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_review_momentum_end_80x24(snap_compare, make_app, store) -> None:
    """The end of Review: the self-care lift from the walks, with what it rests on."""
    seed_history(store)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await opener("v")(pilot)
        pilot.app.screen.query_one("#review").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_review_120x36(snap_compare, make_app, store) -> None:
    seed_history(store)
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=opener("v"))


def test_patterns_80x24(snap_compare, make_app, store) -> None:
    seed_history(store)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=opener("p"))
