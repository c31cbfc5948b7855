"""Today in a light and a dark theme at 80×24: every panel readable whatever the palette.

The theme is chosen the way a user's choice is kept, through the stored settings, so the
app applies it at start-up. A check-in with a half-done plan gives the theme something
to colour: ticks, muted words, the panel borders.
"""

from __future__ import annotations

import pytest

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
