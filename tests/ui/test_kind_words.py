"""Words a person reads on a hard day: no one is "overdue", feelings are named the way
people say them, and the hello uses a first name."""

from __future__ import annotations

import html
import re
from typing import Any

from helpers import open_checkin, open_network
from textual.widgets import Static

from resilience_tui.domain.models import Contact


def screen_text(app: Any) -> str:
    """Everything on the screen as the user reads it (the SVG's text, spaces restored)."""
    svg = app.export_screenshot()
    text = " ".join(re.findall(r">([^<>]*)</text>", svg))
    return html.unescape(text).replace("\xa0", " ")


def add_quiet_friend(store: Any) -> None:
    """Mum, last heard from five weeks ago: well past the 14-day nudge."""
    store.contacts.put(Contact(name="Mum", kind="family", created_on="2026-01-01",
                               last_contacted="2026-02-04"))


async def test_people_are_never_overdue_anywhere_they_show(make_app, store) -> None:
    add_quiet_friend(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        today = screen_text(app)
        assert "It's been a while: Mum (n)" in today
        await open_checkin(pilot)
        checkin = screen_text(app)
        assert "Say hello to Mum" in checkin and "(it's been a while)" in checkin
        await pilot.press("escape")
        await pilot.pause()
        await open_network(pilot)
        network = screen_text(app)
        assert "a while" in network
        for text in (today, checkin, network):
            assert "overdue" not in text.lower()


async def test_feeling_groups_have_plain_names(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_checkin(pilot)
        text = screen_text(app)
        for label in ("bright and lively", "calm and easy", "wound up", "heavy and low"):
            assert label in text, label
        assert "pleasant" not in text  # "unpleasant, high" read like a lab form


async def test_today_greets_by_first_name(make_app, store) -> None:
    settings = store.settings
    settings.name = "Alex Rivera"
    store.save_settings(settings)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one("#date-line", Static).content)
        assert line.endswith("Good morning, Alex.")
        assert "Rivera" not in line
