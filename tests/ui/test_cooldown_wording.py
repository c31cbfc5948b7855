"""The cool-down's words where the user reads them: hints that fit an 80-column line,
an error that points the right way, and a note that only mentions what was picked."""

from __future__ import annotations

from fixed_time import TODAY
from helpers import error_text, open_cooldown, seed_cooldown
from textual.widgets import Input, Static

from resilience_tui.domain import cooldown
from resilience_tui.domain.models import Rejection
from resilience_tui.screens.cooldown.reflect import ReflectWaiting
from resilience_tui.widgets.reasons import TaggedNotes
from resilience_tui.widgets.word_picker import WordPicker

LONG_ROLE = "Senior Analytics Engineer, Data Platform"


def cut_hints(notes: TaggedNotes) -> list[str]:
    """The placeholders longer than the field they are shown in."""
    return [i.placeholder for i in notes.query(".tag-note").results(Input)
            if len(i.placeholder) > i.content_region.width]


async def test_next_step_hints_fit_at_80_columns(make_app, store) -> None:
    r = seed_cooldown(store, "move_on")
    r.role = LONG_ROLE
    store.rejections.put(r)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        notes = screen.step.query_one("#redirects", TaggedNotes)
        assert [i.placeholder for i in notes.query(".tag-note").results(Input)]
        assert cut_hints(notes) == []


async def test_a_short_role_is_named_in_its_hint(make_app, store) -> None:
    seed_cooldown(store, "move_on")  # a QA Lead
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        notes = screen.step.query_one("#redirects", TaggedNotes)
        hints = [i.placeholder for i in notes.query(".tag-note").results(Input)]
        assert any("QA Lead" in h for h in hints)
        assert cut_hints(notes) == []


async def test_reason_hints_fit_at_80_columns(make_app, store) -> None:
    seed_cooldown(store, "reflect", ready_early=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        assert cut_hints(screen.step.query_one("#reasons", TaggedNotes)) == []


async def test_no_feeling_named_points_to_where_the_words_are(make_app, store) -> None:
    seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = error_text(screen)
        assert message.startswith("Feelings need at least one")
        error = screen.query_one("#form-error").region
        words = screen.step.query_one(WordPicker).region
        assert error.y < words.y  # the message sits above the words…
        assert "above" not in message and "below" in message  # …and says so


def waiting_note(screen) -> str:
    return " ".join(str(s.content) for s in screen.step.query(Static))


async def test_the_rest_note_names_a_pick_only_when_there_is_one(make_app, store) -> None:
    r = Rejection(company="Acme Corp", role="QA Lead", received_on=TODAY.isoformat(),
                  logged_on=TODAY.isoformat(), at=f"{TODAY.isoformat()}T09:00:00+00:00")
    store.rejections.put(cooldown.acknowledge(r, TODAY, {"hurt": 70}, "", ""))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        assert isinstance(screen.step, ReflectWaiting)
        text = waiting_note(screen)
        assert "Nothing needs working out today" in text
        assert "the thing you picked" not in text


async def test_the_rest_note_names_the_pick_when_there_is_one(make_app, store) -> None:
    seed_cooldown(store, "reflect")  # picked a walk, not yet done
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        assert "the thing you picked" in waiting_note(screen)


async def test_the_rest_note_knows_the_pick_is_done(make_app, store) -> None:
    r = seed_cooldown(store, "reflect")
    r.cooldown.process_done = True
    store.rejections.put(r)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        text = waiting_note(screen)
        assert "You've done what you picked" in text
        assert "do the thing you picked" not in text
