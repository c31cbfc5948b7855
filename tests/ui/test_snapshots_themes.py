"""Today in a light and a dark theme at 80×24 and 120×36: every panel readable whatever the
palette, the crowded morning (two cool-downs, five plan items, the care note) included.

The theme is chosen the way a user's choice is kept, through the stored settings, so the
app applies it at start-up. A check-in with a half-done plan gives the theme something
to colour: ticks, muted words, the panel borders.
"""

from __future__ import annotations

import pytest
from helpers import crowded_morning

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn, PlanItem
from resilience_tui.storage.store import Store


def morning(store: Store, clock: FixedClock, theme: str) -> None:
    settings = store.settings
    settings.theme = theme
    store.save_settings(settings)
    store.checkins.put(CheckIn(
        day=clock.today_str(), mood=3, energy=4, at=clock.stamp(),
        intention="One careful application, then lunch outside.",
        plan=[PlanItem("apply", "Send the analyst application", done=True),
              PlanItem("outreach", "Write to an old colleague")],
    ).validate())


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
def test_today_in_theme_80x24(snap_compare, make_app, store, clock, theme: str) -> None:
    morning(store, clock, theme)
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24))
    assert app.theme == theme


def set_theme(store: Store, theme: str, *, rest_weekdays: list[int] | None = None) -> None:
    settings = store.settings
    settings.theme = theme
    if rest_weekdays is not None:
        settings.rest_weekdays = rest_weekdays
    store.save_settings(settings)


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
def test_focused_scale_in_theme_80x24(snap_compare, make_app, store, theme: str) -> None:
    """The focused mood scale carries its ▶ whatever the palette (energy, unfocused, none)."""
    set_theme(store, theme)
    assert snap_compare(make_app(), press=["m", "3"], terminal_size=(80, 24))


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
def test_focused_tick_box_in_theme_80x24(snap_compare, make_app, store, theme: str) -> None:
    """A ticked, focused rest day beside ticked and unticked ones: ✓, ▶ and underline."""
    set_theme(store, theme, rest_weekdays=[5, 6])

    async def focus_saturday(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("comma")
        await pilot.pause()
        pilot.app.screen.query_one("#rest-5").focus()
        await pilot.pause()

    assert snap_compare(make_app(), run_before=focus_saturday, terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_crowded_today_in_theme(snap_compare, make_app, store, theme: str, size) -> None:
    """Both cool-downs in view, the plan folded to fit, in the default dark and a light theme."""
    set_theme(store, theme)
    crowded_morning(store)
    assert snap_compare(make_app(), terminal_size=size)
