"""The welcome page: a fresh journal opens on it, it saves what was given, escape skips
it for good, and help and the palette bring it back."""

from __future__ import annotations

from helpers import burst, run_command, written
from textual.widgets import Static

from resilience_tui.app import ResilienceApp
from resilience_tui.journal.settings import welcome_due
from resilience_tui.screens.help import HelpScreen
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.screens.welcome import WelcomeScreen


def first_run(store, clock) -> ResilienceApp:  # type: ignore[no-untyped-def]
    """The app as ``resilience`` builds it: the welcome only when the journal is fresh."""
    return ResilienceApp(store, clock, cursor_blink=False, welcome=welcome_due(store))


async def test_a_fresh_journal_opens_on_the_welcome_and_keeps_the_name(store, clock) -> None:
    app = first_run(store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is app.screen.query_one("#welcome-name")
        await pilot.press(*"Alex Rivera", "tab", "tab", "space", "ctrl+s")  # Tue is a rest day
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await written(pilot)  # "Saved." is said once it is in the file
        assert [n.message for n in app._notifications] == [
            "Saved. Press m whenever you're ready for your first check-in."]
    settings = store.settings
    assert (settings.name, settings.rest_weekdays, settings.welcomed) == ("Alex Rivera", [1],
                                                                         True)
    assert not welcome_due(store)


async def test_a_name_pasted_just_before_ctrl_s_is_kept(store, clock) -> None:
    """A paste (or a scripted terminal) queues the name and ctrl+s before any is handled."""
    app = first_run(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, *"Alex Rivera", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.settings.name == "Alex Rivera"


async def test_escape_skips_it_and_it_never_comes_back(store, clock) -> None:
    app = first_run(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press(*"Alex", "escape")  # skipping keeps nothing typed
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.settings.welcomed and store.settings.name == ""
    again = first_run(store, clock)  # the next start, on the same journal
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, TodayScreen)


async def test_a_bad_day_start_hour_is_said_and_nothing_is_saved(store, clock) -> None:
    app = first_run(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        day_start = app.screen.query_one("#welcome-day-start")
        day_start.focus()
        await pilot.press("backspace", *"30", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        message = str(app.screen.query_one("#form-error", Static).content)
        assert message == "Day start hour should be 0–12, not 30."
        assert app.focused is day_start
    assert not store.settings.welcomed and not store.has_settings


async def test_help_and_the_palette_bring_it_back_filled_in(make_app, store) -> None:
    settings = store.settings
    settings.name = "Sam Rivera"
    store.save_settings(settings)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)  # a journal in use opens on Today
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.query_one("#welcome-name").value == "Sam Rivera"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)  # help closed on the way
        await run_command(pilot, "Welcome page")
        assert isinstance(app.screen, WelcomeScreen)
    assert store.settings.name == "Sam Rivera"
