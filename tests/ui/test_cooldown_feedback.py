"""Pilot tests of the feedback request inside a cool-down: draft, copy, save, track."""

from __future__ import annotations

import stat

from helpers import open_reflect, press_button, seed_cooldown, wait_until
from textual.widgets import Button, Input, Static, TextArea

from resilience_tui.domain import feedback
from resilience_tui.domain.models import Rejection
from resilience_tui.screens.cooldown.feedback import feedback_file
from resilience_tui.screens.cooldown.move_on import DoneView


def note(screen) -> str:
    return str(screen.query_one("#fb-note", Static).content)


def status(screen) -> str:
    return str(screen.query_one("#fb-status", Static).content)


async def test_draft_is_signed_copied_and_saved_privately(make_app, store, db_path) -> None:
    settings = store.settings
    settings.name = "Sam Rivera"
    store.save_settings(settings)
    r = seed_cooldown(store, "reflect", ready_early=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        body = screen.query_one("#fb-body", TextArea).text
        assert body == feedback.draft_request(r, "Sam Rivera")[1]
        assert body.endswith("Best wishes,\nSam Rivera")
        screen.query_one("#fb-subject", Input).value = "Thank you, and one question"
        await press_button(pilot, "#fb-copy")
        await pilot.pause()
        assert app.clipboard == body
        assert "copied" in note(screen)
        await press_button(pilot, "#fb-save")
        await pilot.pause()
        path = db_path.parent / "feedback" / "acme-corp-2026-03-11.txt"
        assert str(path) in note(screen)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_text().startswith("Subject: Thank you, and one question\n\nHello,")
    assert store.rejections.get(r.id).feedback.subject == "Thank you, and one question"


def test_feedback_file_names_are_safe(db_path) -> None:
    def name(company: str) -> str:
        return feedback_file(db_path, Rejection(company=company, received_on="2026-03-09")).name

    assert name("Acme Corp.") == "acme-corp-2026-03-09.txt"
    assert name("Société Générale") == "société-générale-2026-03-09.txt"
    assert name("../../etc/passwd") == "etc-passwd-2026-03-09.txt"
    assert name("!!!") == "feedback-2026-03-09.txt"
    assert feedback_file(db_path, Rejection(company="x")).parent == db_path.parent / "feedback"


async def test_requested_then_received_with_themes(make_app, store, clock) -> None:
    r = seed_cooldown(store, "reflect")
    clock.advance(days=1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        assert not screen.query_one("#fb-answer").display
        assert status(screen).startswith("Not requested yet")
        await press_button(pilot, "#fb-requested")
        await pilot.pause()
        assert status(screen).startswith("Requested today")
        assert "from Thursday 19 March" in status(screen)
        assert screen.query_one("#fb-answer").display
        await press_button(pilot, "#fb-received")
        await pilot.pause()
        assert "sum up what they said first" in note(screen)
        assert store.rejections.get(r.id).feedback.status == "requested"
        screen.query_one("#fb-text", TextArea).text = "Strong tester; SQL was thin."
        screen.query_one("#fb-themes", Input).value = "SQL, Communication ,"
        # A button ignores enter while it still shows the last press (Textual's debounce).
        await wait_until(pilot, lambda: not screen.query_one("#fb-received").has_class("-active"))
        await press_button(pilot, "#fb-received")
        await pilot.pause()
        assert status(screen) == "Feedback received today. Themes: SQL, Communication."
    fb = store.rejections.get(r.id).feedback
    assert (fb.status, fb.requested_on, fb.answered_on) == (
        "received", "2026-03-12", "2026-03-12")
    assert (fb.text, fb.themes) == ("Strong tester; SQL was thin.", ["SQL", "Communication"])


async def test_no_reply_after_moving_on_is_noted_from_today(make_app, store, clock) -> None:
    r = seed_cooldown(store, "done")
    r = feedback.mark_requested(store.rejections.get(r.id), clock.today())
    store.rejections.put(r)
    clock.advance(days=8)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#cooldowns")
        assert "feedback asked for" in str(listing.get_option_at_index(0).prompt)
        listing.focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen.step, DoneView)
        assert screen.query_one("#feedback-box").collapsed is False
        await press_button(pilot, "#fb-no-reply")
        await pilot.pause()
        assert status(screen).startswith("No reply (noted today)")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#cooldowns-empty").display
    assert store.rejections.get(r.id).feedback.status == "no_reply"


async def test_email_edits_are_kept_after_escape(make_app, store) -> None:
    r = seed_cooldown(store, "reflect", ready_early=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        screen.query_one("#fb-body", TextArea).text = "Hi Dana, thanks for everything."
        screen.query_one("#went-well", TextArea).text = "Good questions"
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_reflect(pilot)
        assert screen.query_one("#fb-body", TextArea).text == "Hi Dana, thanks for everything."
        assert screen.query_one("#went-well", TextArea).text == "Good questions"
    draft = store.rejections.get(r.id).cooldown.draft
    assert draft["feedback"]["body"] == "Hi Dana, thanks for everything."


async def test_mark_as_requested_cannot_be_pressed_twice(make_app, store, clock) -> None:
    r = seed_cooldown(store, "reflect")
    clock.advance(days=1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        button = app.screen.query_one("#fb-requested", Button)
        assert not button.disabled
        await press_button(pilot, "#fb-requested")
        await pilot.pause()
        assert button.disabled
        clock.advance(days=2)
        app.screen.scroll_to_widget(button, animate=False)  # focus moved on, down the page
        await pilot.pause()
        await pilot.click(button)  # a disabled button ignores the click
        await pilot.pause()
    assert store.rejections.get(r.id).feedback.requested_on == "2026-03-12"


async def test_after_mark_as_requested_tab_and_typing_land_in_the_reply(make_app, store,
                                                                         clock) -> None:
    seed_cooldown(store, "reflect")
    clock.advance(days=1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        screen.query_one("#fb-save").focus()
        await pilot.pause()
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#fb-requested")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#fb-requested", Button).disabled
        assert screen.focused is screen.query_one("#fb-text")  # on to the reply's words
        # From the button, Tab meant "to the next field": the focus is there already.
        await pilot.press("tab", *"AAA")
        await pilot.pause()
        assert screen.query_one("#fb-text", TextArea).text == "AAA"
        assert screen.focused is screen.query_one("#fb-text")
        await pilot.press("tab", *"SQL")  # later Tabs move on as always
        await pilot.pause()
        assert screen.query_one("#fb-themes", Input).value == "SQL"


async def test_after_mark_as_requested_words_typed_at_once_land_in_the_reply(
        make_app, store, clock) -> None:
    seed_cooldown(store, "reflect")
    clock.advance(days=1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        screen.query_one("#fb-requested").focus()
        await pilot.pause()
        await pilot.press("enter", *"BBB", "tab")
        await pilot.pause()
        assert screen.query_one("#fb-text", TextArea).text == "BBB"
        assert screen.focused is screen.query_one("#fb-themes")  # typed in: Tab moves on

