"""Pilot tests of the app shell: start, help, settings, the day boundary."""

from __future__ import annotations

from helpers import burst, run_command
from textual.command import CommandList
from textual.widgets import Input, Static

from resilience_tui.domain.models import CheckIn, PlanItem
from resilience_tui.screens.help import HelpScreen
from resilience_tui.screens.settings import SettingsScreen
from resilience_tui.screens.today.screen import TodayScreen


async def test_starts_on_today_with_the_date(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        line = str(app.screen.query_one("#date-line", Static).content)
        assert "Wednesday 11 March" in line


async def test_help_opens_and_closes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


def drawn_lines(widget) -> list[str]:
    return ["".join(seg.text for seg in widget.render_line(y)).rstrip()
            for y in range(widget.size.height)]


async def test_help_wraps_under_its_words_not_under_the_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        lists = list(app.screen.query(".keys"))
        assert len(lists) == 2
        lines = [line for widget in lists for line in drawn_lines(widget) if line.strip()]
        indents = {len(line) - len(line.lstrip()) for line in lines}
        assert indents == {2, 18}, lines  # a key at 2, its words (and their wrap) at 18
        [saved] = [line for line in lines if "saved)" in line]
        assert saved.startswith(" " * 18)


async def test_settings_save_to_the_store(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        name = app.screen.query_one("#name", Input)
        name.focus()
        await pilot.press(*"Sam")
        days = app.screen.query_one("#cooldown-days", Input)
        days.value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.settings.name == "Sam"
    assert store.settings.cooldown_days == 3


async def test_bad_setting_keeps_the_form_open(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#cooldown-days", Input).value = "9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        error = str(app.screen.query_one("#form-error", Static).content)
        assert "1–3" in error
    assert store.settings.cooldown_days == 2


async def test_new_day_is_noticed(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(days=1)
        app.notice_new_day()
        await pilot.pause()
        line = str(app.screen.query_one("#date-line", Static).content)
        assert "Thursday 12 March" in line


async def test_a_damaged_record_does_not_take_today_down(make_app, store) -> None:
    from resilience_tui.domain.models import Rejection, SelfCare

    # As if the file had been edited by hand: a day that is not a date.
    # (put() refuses it; put_many(stamp=False) stores it as such a file holds it.)
    store.rejections.put_many([Rejection(company="Acme", role="QA", received_on="soon",
                                         logged_on="soon")], stamp=False)
    # The cool-down rules skip a rejection they cannot read; a self-care entry with words
    # for energies still breaks its panel, and only that panel.
    store.selfcare.put_many([SelfCare(day="2026-03-11", activity="walk", minutes=20,
                                      energy_before="low", energy_after="high")], stamp=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        texts = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "couldn't be shown" in texts
        assert "resilience doctor" in texts


async def test_quitting_from_a_form_with_typed_words_asks_first(make_app, store) -> None:
    from resilience_tui.widgets.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#name", Input).focus()
        await pilot.press(*"Sam", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # not gone, not lost
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#name", Input).value == "Sam"
        assert app.is_running


async def test_a_burst_of_keys_right_after_opening_counts_as_typing(make_app) -> None:
    from resilience_tui.widgets.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # No pause between opening the form and typing: keys arrive as fast as a paste.
        await pilot.press("comma", *"Sam", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)


async def test_tick_boxes_keep_spaces_sent_in_a_burst(make_app) -> None:
    from resilience_tui.widgets.tickbox import TickBox

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#rest-5", TickBox).focus()
        await pilot.pause()
        # All queued before the app handles any, as a fast terminal delivers them:
        # the tab moves focus on before the first box has seen its space.
        burst(app, "space", "tab", "space")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#rest-5", TickBox).value is True
        assert app.screen.query_one("#rest-6", TickBox).value is True


async def test_ticking_a_plan_item_of_a_damaged_check_in_warns_instead_of_crashing(
        make_app, store, clock) -> None:

    # Hand-edited: an intention longer than the app would ever store, on today's check-in.
    bad = CheckIn(day=clock.today_str(), mood=3, energy=3, intention="x" * 300,
                  plan=[PlanItem(kind="apply", text="Send the CV")])
    store.checkins.put_many([bad], stamp=False)  # as loaded from the file, unchecked
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        from resilience_tui.widgets.checklist import PlanChecklist

        app.screen.query_one(PlanChecklist).focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running
        assert any("couldn't be saved" in str(n.message) for n in app._notifications)


async def test_settings_opens_with_the_name_focused(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        await pilot.press(*"Alex Morgan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.settings.name == "Alex Morgan"


async def test_the_palette_opens_every_place_by_its_name(make_app) -> None:
    from resilience_tui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await run_command(pilot, "Review")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        await run_command(pilot, "Settings")
        assert isinstance(app.screen, SettingsScreen)


async def test_the_palette_offers_our_commands_and_only_theme_and_quit_of_textuals(
        make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        system = [(c.title, c.help) for c in app.get_system_commands(app.screen)]
        assert system == [("Theme", "Choose the app's colours"),
                          ("Quit", "Close the app (your entries are already saved)")]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"screenshot")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.screen.query_one(CommandList)
        assert listing.option_count == 0


async def test_the_palette_shows_each_places_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.screen.query_one(CommandList)
        shown = [str(listing.get_option_at_index(i).prompt)
                 for i in range(listing.option_count)]
        assert any("Morning check-in  (m)" in text for text in shown), shown
        assert any("Settings  (,)" in text for text in shown), shown
