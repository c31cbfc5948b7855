"""Pilot tests of the word picker on the check-in (grouped feelings) and in the cool-down
(one wrapped list with the user's own words): keys, bursts, the mouse, and unsaved changes."""

from __future__ import annotations

from helpers import burst, open_screen
from textual.widgets import Input

from resilience_tui.domain.models import CheckIn, Rejection
from resilience_tui.screens.checkin import CheckInScreen
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.widgets.confirm import ConfirmDialog
from resilience_tui.widgets.feelings_rater import FeelingsRater
from resilience_tui.widgets.word_picker import WordPicker


async def test_checkin_tab_then_space_ticks_a_feeling(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "m", CheckInScreen)
        screen.query_one("#selfcare", Input).focus()
        await pilot.pause()
        await pilot.press("tab", "space", "right", "space", "tab")
        await pilot.pause()
        assert screen.query_one(WordPicker).chosen == ["hopeful", "eager"]
        assert screen.query_one("#selfcare", Input).value == ""


async def test_checkin_feelings_sent_in_a_burst_are_all_kept(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "m", CheckInScreen)
        screen.query_one("#selfcare", Input).focus()
        await pilot.pause()
        # The last tab moves focus on before the picker has handled the keys before it.
        burst(app, "tab", "space", "down", "space", "tab")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(WordPicker).chosen == ["hopeful", "calm"]


async def test_checkin_clicked_feeling_counts_as_unsaved(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "m", CheckInScreen)
        await pilot.click(WordPicker, offset=(21, 1))  # "calm", on the second row
        await pilot.pause()
        assert screen.query_one(WordPicker).chosen == ["calm"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)


async def test_checkin_feeling_from_elsewhere_can_be_unticked(make_app, store) -> None:
    store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3,
                               feelings=["calm", "gutted"]))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "m", CheckInScreen)
        picker = screen.query_one(WordPicker)
        assert picker.groups[-1] == ("also", ["gutted"])
        picker.focus()
        await pilot.press("down", "down", "down", "down", "space")  # to "also", untick
        await pilot.pause()
        assert picker.chosen == ["calm"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
    assert store.checkins.all()[0].feelings == ["calm"]


async def test_cooldown_words_wrap_and_move_by_line(make_app, store) -> None:
    store.rejections.put(Rejection(company="Acme Corp", role="QA Lead",
                                   received_on="2026-03-11", logged_on="2026-03-11",
                                   at="2026-03-11T09:00:00+00:00"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "c", CooldownScreen)
        picker = screen.query_one(WordPicker)
        assert screen.focused is picker
        lines = picker.render().plain.splitlines()
        assert len(lines) == 2  # ten words do not fit on one line at 80 columns
        below = lines[1].split()[0]
        burst(app, "down", "space", "tab", *"gutted", "enter")
        await pilot.pause()
        await pilot.pause()
        assert picker.chosen == [below, "gutted"]
        assert picker.words[-1] == "gutted"  # offered with the others, to untick
        assert list(screen.query_one(FeelingsRater).values()) == [below, "gutted"]
        await pilot.click(WordPicker, offset=(2, 0))  # "hurt"
        await pilot.pause()
        assert picker.chosen[-1] == "hurt"
