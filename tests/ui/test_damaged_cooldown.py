"""A rejection with a damaged day (a hand-edited file) never crashes Today or ``c``."""

from __future__ import annotations

from textual.widgets import OptionList

from resilience_tui.domain.models import Rejection
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.screens.today.screen import TodayScreen


async def test_c_skips_a_damaged_rejection_and_opens_the_readable_one(make_app, store) -> None:
    store.rejections.put_many([
        Rejection(company="Damaged", role="QA", received_on="2026-03-09", logged_on="soon"),
        Rejection(company="Acme", role="Analyst", received_on="2026-03-10",
                  logged_on="2026-03-10"),
    ], stamp=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#cooldowns", OptionList)
        shown = [str(listing.get_option_at_index(i).prompt)
                 for i in range(listing.option_count)]
        assert len(shown) == 1 and "Acme" in shown[0]
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CooldownScreen)
        assert app.screen.rejection.company == "Acme"


async def test_c_with_only_a_damaged_rejection_says_none_is_open(make_app, store) -> None:
    store.rejections.put_many([
        Rejection(company="Damaged", role="QA", received_on="2026-03-09", logged_on="soon"),
    ], stamp=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
